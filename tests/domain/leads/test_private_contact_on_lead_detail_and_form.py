"""An executive given a lead whose contact is private to someone else sees that
contact as "Private contact" on the lead's page and its form: no name, code,
mobile, e-mail, address or also-notify value, no link; the same for an
associated contact, the source of inquiry and an external follower. Saving the
form keeps every contact the editor could not see."""
import pytest
from sqlmodel import select

from hoffice_app.domain.common import Option
from hoffice_app.domain.leads import PRIVATE_CODE, form_values, lead_detail, save_from_form
from hoffice_app.models import LeadAlsoNotify, LeadAssociatedContact, LeadFollower
from tests.contact_factory import HIDDEN_BY, actor, demo, engine  # noqa: F401
from tests.domain.leads.private_office import leaks, office


@pytest.fixture(params=HIDDEN_BY)  # private to E03, or in a division only E03 is in
def setup(request, session, now, demo):  # noqa: F811
    return office(session, now, request.param)


def test_the_lead_page_shows_private_contact_and_nothing_of_it(session, setup):
    detail = lead_detail(session, actor(session, "E04"), setup.lead.code)
    assert (detail.contact_name, detail.contact_code) == ("Private contact", "")
    assert detail.info["Contact"] == "Private contact"
    assert [detail.info[k] for k in ("Mobile", "E-mail", "Address for this inquiry", "Also send communication on")] \
        == ["", "", "", ""]
    assert leaks(detail, setup.secret) == []
    admin_view = lead_detail(session, actor(session, "E01"), setup.lead.code)
    assert admin_view.info["Contact"] == f"Zephyr Secret Traders ({setup.secret.code})"


def test_associated_contact_source_and_external_follower_read_private_contact(session, setup):
    detail = lead_detail(session, actor(session, "E04"), setup.other.code)
    assert detail.associated == [Option("", "Private contact")]  # shown, without a code to link to
    assert detail.info["Source of inquiry"] == "Contact / prospect: Private contact"
    assert detail.followers == ["Private contact (external)"]
    assert detail.contact_name == "Horus Tech" and leaks(detail, setup.secret) == []


def test_the_form_holds_no_name_code_or_detail_of_the_private_contact(session, setup):
    karan = actor(session, "E04")
    values = form_values(session, karan, setup.lead.code)
    assert (values["contact_code"], values["contact_address_id"], values["also_notify"]) == (PRIVATE_CODE, "", [])
    other = form_values(session, karan, setup.other.code)
    assert (other["source_ref"], other["associated_contact_codes"], other["follower_contact_codes"]) == (
        PRIVATE_CODE, [], [])
    assert leaks([values, other], setup.secret) == []


def test_saving_the_form_keeps_the_contacts_the_editor_cannot_see(session, setup, now):
    karan = actor(session, "E04")
    for lead in (setup.lead, setup.other):
        values = form_values(session, karan, lead.code)
        save_from_form(session, karan, values | {"title": lead.title + " (edited)"}, now=now, code=lead.code)
    session.refresh(setup.lead)
    session.refresh(setup.other)
    assert (setup.lead.title, setup.lead.contact_id) == ("Solar panels (edited)", setup.secret.id)
    assert setup.lead.contact_address_id is not None
    assert session.exec(select(LeadAlsoNotify.value).where(LeadAlsoNotify.lead_id == setup.lead.id)).all() == [
        "accounts@zephyr.example.org"]
    assert setup.other.source_contact_id == setup.secret.id
    assert session.exec(select(LeadAssociatedContact.contact_id).where(
        LeadAssociatedContact.lead_id == setup.other.id)).all() == [setup.secret.id]
    assert session.exec(select(LeadFollower.contact_id).where(LeadFollower.lead_id == setup.other.id)).all() == [
        setup.secret.id]
