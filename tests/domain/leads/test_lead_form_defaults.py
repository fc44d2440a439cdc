"""What the lead form starts from and fills in: the date of assignment (now, by the company's
clock) on a new lead, the lead type's default status unless a status was chosen, and
"Created by" as the actor, which an executive cannot change by crafting a save."""
from datetime import timedelta

import pytest

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.leads import form_values, new_form_values
from hoffice_app.domain.leads import save as leads
from hoffice_app.domain.masters import entry_id_by_name, set_default_status
from hoffice_app.domain.masters import settings as app_settings
from tests.lead_factory import demo, employee_id, engine, lead_data, make_contact  # noqa: F401

FIXED = "Only a manager or an administrator can change who created a lead."


@pytest.fixture
def contact(session, admin, now):
    return make_contact(session, admin, now, "Horus Tech")


def _save(session, who, now, contact, code="", **fields) -> str:
    return leads.save_from_form(session, who, lead_data(contact.code, **fields), now=now, code=code).code


def test_a_new_lead_form_shows_now_in_the_company_zone(session, admin, executive, now):
    values = new_form_values(session, executive, now=now)  # 09:30 UTC is 15:00 in Asia/Kolkata
    assert values == {"created_by_id": str(executive.id), "assigned_to_id": str(executive.id),
                      "assigned_at": "2026-03-02T15:00"}
    app_settings.update_defaults(session, admin, {"default_timezone": "Europe/London"}, now=now)
    assert new_form_values(session, executive, now=now)["assigned_at"] == "2026-03-02T09:30"


def test_the_shown_date_is_saved_and_editing_keeps_it(session, executive, now, contact):
    shown = new_form_values(session, executive, now=now)
    code = _save(session, executive, now + timedelta(minutes=7), contact, **shown)
    assert form_values(session, executive, code)["assigned_at"] == "2026-03-02T15:00"
    _save(session, executive, now + timedelta(days=1), contact, code, title="Renamed",
          assigned_to_id=shown["assigned_to_id"], assigned_at=shown["assigned_at"])
    assert form_values(session, executive, code)["assigned_at"] == "2026-03-02T15:00"


def test_without_an_assignee_there_is_no_date_of_assignment(session, admin, now, contact):
    code = _save(session, admin, now, contact, assigned_at="2026-03-02T15:00")
    assert form_values(session, admin, code)["assigned_at"] == ""


def test_a_lead_type_brings_its_default_status(session, admin, executive, now, contact):
    dealer, lead = entry_id_by_name(session, "lead_type", "Dealer"), entry_id_by_name(session, "lead_status", "Lead")
    set_default_status(session, admin, dealer, lead, now=now)
    code = _save(session, executive, now, contact, lead_type_id=str(dealer))
    assert form_values(session, executive, code)["status_id"] == str(lead)
    other = _save(session, executive, now, contact, lead_type_id=str(entry_id_by_name(session, "lead_type",
                                                                                      "End Customer")))
    assert form_values(session, executive, other)["status_id"] == ""


def test_a_chosen_status_is_kept_whatever_the_type(session, admin, executive, now, contact):
    dealer = entry_id_by_name(session, "lead_type", "Dealer")
    set_default_status(session, admin, dealer, entry_id_by_name(session, "lead_status", "Lead"), now=now)
    prospect = str(entry_id_by_name(session, "lead_status", "Prospect"))
    code = _save(session, executive, now, contact, lead_type_id=str(dealer), status_id=prospect)
    assert form_values(session, executive, code)["status_id"] == prospect


def test_an_executive_cannot_name_another_creator_on_the_new_lead_form(session, executive, now, contact):
    crafted = new_form_values(session, executive, now=now) | {"created_by_id": str(employee_id(session, "E04"))}
    with pytest.raises(ValidationError) as err:
        _save(session, executive, now, contact, **crafted)
    assert err.value.errors == {"created_by_id": FIXED}
