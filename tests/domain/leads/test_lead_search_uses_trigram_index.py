"""On PostgreSQL the lead list's text search (LIKE on search_text) is answered by the
pg_trgm GIN index of migration 0016, for the administrator, a manager and an executive
whose lead has a hidden contact; a phone number or e-mail through the contacts' own index.
The plan is checked, not the time (tests/search_plans.py)."""
import pytest

from hoffice_app.domain.leads import LeadQuery, search_leads
from tests.contact_factory import make_private
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine, make_contact, new_lead  # noqa: F401
from tests.search_plans import plans_of

pytestmark = pytest.mark.postgresql_only


@pytest.mark.parametrize("who, typed", [("E01", "maintenance"), ("E02", "renewal horus"), ("E04", "solar pan")])
def test_search_text_is_read_through_the_trigram_index(session, now, demo, who, typed):  # noqa: F811
    admin = actor(session, "E01")
    new_lead(session, now, "Annual Maintenance Renewal", contact=make_contact(session, admin, now, "Horus Tech"),
             assigned_to="E04")
    new_lead(session, now, "Solar panels", contact=make_private(session, admin, now, "Zephyr", shared_with=("E03",)),
             assigned_to="E04")
    session.commit()
    plans = plans_of(session, lambda: search_leads(session, actor(session, who), LeadQuery(view="all", text=typed),
                                                   now=now), "search_text")
    assert plans and all("ix_lead_search_trgm" in plan for plan in plans), plans


@pytest.mark.parametrize("who", ["E01", "E04"])
def test_a_phone_or_email_is_looked_up_through_the_contacts_trigram_index(session, now, demo, who):  # noqa: F811
    admin = actor(session, "E01")
    contact = make_contact(session, admin, now, "Horus Tech", mobiles=["98250 44321"], emails=["ramesh@horus.in"])
    new_lead(session, now, "Annual Maintenance Renewal", contact=contact, assigned_to="E04")
    session.commit()
    for typed in ("98250 44321", "ramesh@horus"):
        plans = plans_of(session, lambda: search_leads(session, actor(session, who),
                                                       LeadQuery(view="all", text=typed), now=now), "search_text")
        assert plans and all("ix_contact_search_trgm" in plan for plan in plans), plans
