"""The lead form's rules: required fields, and every dependent choice must fit its parent."""
import pytest
from sqlmodel import select

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.contacts import associations
from hoffice_app.domain.leads import save as leads
from hoffice_app.domain.masters import settings
from hoffice_app.models import Contact, ContactAddress, LeadEvent, LeadProduct
from tests.contact_factory import make_contact, master_id
from tests.lead_factory import demo, engine, lead_data, make_lead  # noqa: F401


def _refused(session, who, now, data) -> dict:
    with pytest.raises(ValidationError) as err:
        leads.save_lead(session, who, data, now=now)
    return err.value.errors


def test_title_and_contact_are_required(session, executive, now):
    errors = _refused(session, executive, now, {"title": " ", "contact_code": ""})
    assert errors == {"title": "Enter the lead title.", "contact_code": "Choose the contact (or create one with +)."}


def test_title_from_master_when_the_setting_is_on(session, admin, executive, now):
    settings.update_defaults(session, admin, {"lead_title_from_master": "1"}, now=now)
    contact = make_contact(session, executive, now, "Horus Tech")
    assert "title_id" in _refused(session, executive, now, lead_data(contact.code))
    lead = leads.save_lead(session, executive, lead_data(contact.code, title="", title_id=master_id(
        session, "lead_title", "CRM Upgrade")), now=now)
    assert lead.title == "CRM Upgrade"


def test_products_of_any_category_and_the_main_category_is_one_of_theirs(session, executive, now):
    """Products no longer have to fit the chosen category: the lead's one category is the chosen
    one when a product is of it, else the first product's (product_lines.main_category)."""
    contact = make_contact(session, executive, now, "Horus Tech")
    hardware, services = master_id(session, "product_category", "Hardware"), master_id(session, "product_category",
                                                                                        "Services")
    data = lead_data(contact.code, product_category_id=hardware,
                     product_ids=[master_id(session, "product", "Training"),
                                  master_id(session, "product", "Biometric Device")])
    lead = leads.save_lead(session, executive, data, now=now)
    assert len(session.exec(select(LeadProduct).where(LeadProduct.lead_id == lead.id)).all()) == 2
    assert lead.product_category_id == int(hardware)  # chosen, and a product is of it
    data |= {"product_category_id": master_id(session, "product_category", "CRM Software")}
    lead = leads.save_lead(session, executive, data, now=now, lead_id=lead.id)
    assert lead.product_category_id == int(services)  # fits none of them: the first line's category


def test_address_must_be_one_of_the_contacts(session, executive, now):
    mine = make_contact(session, executive, now, "Horus Tech", addresses=[{"city": "Surat"}])
    other = make_contact(session, executive, now, "Anubis Traders", addresses=[{"city": "Pune"}])
    foreign = session.exec(select(ContactAddress).where(ContactAddress.contact_id == other.id)).one()
    errors = _refused(session, executive, now, lead_data(mine.code, contact_address_id=str(foreign.id)))
    assert errors == {"contact_address_id": "Choose one of the contact's addresses."}


def test_associated_contacts_only_those_linked_to_the_contact(session, executive, now):
    company = make_contact(session, executive, now, "Horus Tech")
    person = make_contact(session, executive, now, "Ronny Shah")
    stranger = make_contact(session, executive, now, "Someone Else")
    data = lead_data(company.code, associated_contact_codes=[stranger.code])
    assert "associated_contact_codes" in _refused(session, executive, now, data)
    associations.associate(session, executive, person.id, company.code,
                           master_id(session, "relation", "Employee"), now=now)
    data["associated_contact_codes"] = [person.code]
    assert leads.save_lead(session, executive, data, now=now).code.startswith("L")


@pytest.mark.parametrize("kind, ref, message", [
    ("campaign", "", "Choose where this inquiry came from."),
    ("employee", "999", "Choose the employee from the list."),
    ("friend", "C000001", "For Friend / Family choose a contact of type Other."),
    ("unknown", "", "Choose the source of inquiry from the list."),
])
def test_source_needs_a_matching_sub_choice(session, executive, now, kind, ref, message):
    contact = make_contact(session, executive, now, "Horus Tech")  # C000001, type Customer
    errors = _refused(session, executive, now, lead_data(contact.code, source_kind=kind, source_ref=ref))
    assert message in errors.values()


def test_also_notify_only_the_contacts_own_numbers(session, executive, now):
    contact = make_contact(session, executive, now, "Horus Tech", emails=["a@example.com", "b@example.com"])
    assert "also_notify" in _refused(session, executive, now, lead_data(contact.code, also_notify=["email:x@y.com"]))
    lead = leads.save_lead(session, executive, lead_data(contact.code, also_notify=["email:b@example.com"]), now=now)
    assert lead.id


def test_estimated_value_must_be_an_amount(session, executive, now):
    contact = make_contact(session, executive, now, "Horus Tech")
    assert _refused(session, executive, now, lead_data(contact.code, estimated_value="-5")) == {
        "estimated_value": "Enter an amount of 0 or more."}
    assert leads.save_lead(session, executive, lead_data(contact.code, estimated_value="2,50,000"),
                           now=now).estimated_value == 250000


def test_changes_leave_lines_on_the_timeline(session, executive, now):
    lead = make_lead(session, executive, now, assigned_to="E03")
    data = lead_data(lead_contact_code(session, lead), title="Bigger deal", assigned_to_id="",
                     status_id=master_id(session, "lead_status", "Qualified Opportunity"))
    leads.save_lead(session, executive, data, now=now, lead_id=lead.id)
    texts = [e.text for e in session.exec(select(LeadEvent).where(LeadEvent.lead_id == lead.id).order_by(LeadEvent.id))]
    assert texts[0] == "Created, assigned to Neha Joshi"
    assert "Assigned to nobody (was Neha Joshi)" in texts
    assert "Status: nobody → Qualified Opportunity" in texts
    assert "Title: “Solar panels for the new office” → “Bigger deal”" in texts


def lead_contact_code(session, lead) -> str:
    return session.get(Contact, lead.contact_id).code
