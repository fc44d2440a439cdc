"""The lists' text search finds text-type custom values: a lead by its custom text after a save
that rebuilt its own words, a contact by a custom e-mail; a switched-off field's text is not
searched, and numbers or options never reach the search text."""
from hoffice_app.domain import customfields as cf
from hoffice_app.domain.contacts import ContactQuery, search_contacts
from hoffice_app.domain.leads import form_values, save_lead
from tests.contact_factory import make_contact
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine, new_lead, titles  # noqa: F401


def _field(session, now, label, kind, record="lead", **kw):
    return cf.add_field(session, actor(session, "E01"), record, cf.FieldSpec(label=label, kind=kind, **kw), now=now)


def test_a_lead_is_found_by_its_custom_text_and_keeps_it_through_a_save(session, now):
    po = _field(session, now, "PO number", "text")
    _field(session, now, "Seats", "number")
    admin = actor(session, "E01")
    lead = new_lead(session, now, title="Rooftop solar")
    new_lead(session, now, title="Other")
    cf.write_values(session, admin, "lead", lead.id, {"cf_po_number": "PO-77813", "cf_seats": "42"}, creating=False)
    assert titles(session, "E01", now, view="all", text="77813") == {"Rooftop solar"}
    assert cf.search_words(session, "lead", [lead.id]) == {lead.id: "po-77813"}
    data = dict(form_values(session, admin, lead.code)) | {"title": "Rooftop solar, phase 2"}
    save_lead(session, admin, data, now=now, lead_id=lead.id)
    assert titles(session, "E01", now, view="all", text="77813") == {"Rooftop solar, phase 2"}
    cf.update_field(session, admin, po.id, cf.FieldSpec(label="PO number", kind="text", active=False),
                    version=po.version, now=now)
    assert titles(session, "E01", now, view="all", text="77813") == set()
    assert titles(session, "E01", now, view="all", text="phase 2") == {"Rooftop solar, phase 2"}


def test_a_contact_is_found_by_a_custom_email(session, now):
    _field(session, now, "Billing e-mail", "email", record="contact")
    admin = actor(session, "E01")
    contact = make_contact(session, admin, now, "Acme Traders")
    cf.write_values(session, admin, "contact", contact.id, {"cf_billing_e_mail": "accounts@acme-bills.in"},
                    creating=False)
    names = {r.name for r in search_contacts(session, admin, ContactQuery(text="acme-bills")).rows}
    assert names == {"Acme Traders"}
