"""A contact's page lists its leads, open and closed, with stage, status and assignee:
only the leads the reader may see, and nothing at all for a contact they may not see."""
import pytest

from hoffice_app.domain.common import NotFound
from hoffice_app.domain.leads import contact_leads
from tests.contact_factory import make_private
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine, make_contact, new_lead  # noqa: F401


@pytest.fixture
def horus(session, now, demo):  # noqa: F811
    admin = actor(session, "E01")
    horus = make_contact(session, admin, now, "Horus Tech")
    other = make_contact(session, admin, now, "Bharat Polymers")
    new_lead(session, now, "Annual Maintenance Renewal", contact=horus, assigned_to="E03", status="Lead")
    new_lead(session, now, "Old printer deal", contact=horus, assigned_to="E03", is_open=False)
    new_lead(session, now, "Kiosk rollout", contact=horus, assigned_to="E04")
    new_lead(session, now, "Someone else's contact", contact=other, assigned_to="E03")
    session.commit()
    return horus


def _titles(result) -> list[str]:
    return [r.title for r in result.rows]


def test_lists_open_leads_first_then_closed_with_stage_status_and_assignee(session, now, horus):
    result = contact_leads(session, actor(session, "E01"), horus.code)
    assert (result.total, result.open) == (3, 2)
    assert _titles(result)[-1] == "Old printer deal" and not result.rows[-1].is_open
    assert set(_titles(result)) == {"Annual Maintenance Renewal", "Old printer deal", "Kiosk rollout"}
    first = next(r for r in result.rows if r.title == "Annual Maintenance Renewal")
    assert first.status == "Lead" and first.assignee and first.stage and first.code.startswith("L")


def test_lists_only_the_leads_the_reader_may_see(session, now, horus):
    mine = contact_leads(session, actor(session, "E03"), horus.code)
    assert set(_titles(mine)) == {"Annual Maintenance Renewal", "Old printer deal"}
    assert (mine.total, mine.open) == (2, 1)  # Karan's lead is neither listed nor counted
    assert _titles(contact_leads(session, actor(session, "E04"), horus.code)) == ["Kiosk rollout"]
    nobody = contact_leads(session, actor(session, "E05"), horus.code)
    assert (nobody.rows, nobody.total, nobody.open) == ([], 0, 0)


def test_a_contact_the_reader_may_not_see_gives_not_found(session, now, demo):  # noqa: F811
    admin = actor(session, "E01")
    secret = make_private(session, admin, now, "Quiet Client", shared_with=("E03",))
    new_lead(session, now, "Kiosk spares", contact=secret, assigned_to="E04")  # Karan sees the lead, not the contact
    session.commit()
    with pytest.raises(NotFound):
        contact_leads(session, actor(session, "E04"), secret.code)
    assert _titles(contact_leads(session, actor(session, "E01"), secret.code)) == ["Kiosk spares"]


def test_a_long_history_shows_the_first_rows_and_counts_all(session, now, horus):
    result = contact_leads(session, actor(session, "E01"), horus.code, limit=2)
    assert len(result.rows) == 2 and result.total == 3
