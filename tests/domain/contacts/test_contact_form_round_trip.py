"""Opening the edit form and saving it unchanged keeps the contact exactly as it was."""
from dataclasses import replace

from hoffice_app.domain.contacts import contact_detail, form_values
from hoffice_app.domain.contacts import save as contacts
from tests.contact_factory import demo, employee_id, engine, make_contact, master_id  # noqa: F401  (fixtures: a copy of one seeded database)


def test_unchanged_form_saves_the_same_contact(session, admin, executive, now):
    m = lambda kind, name: str(master_id(session, kind, name))  # noqa: E731
    referrer = make_contact(session, executive, now, "Anubis Traders")
    contact = make_contact(
        session, executive, now, "Horus Tech", title_id=m("title", "M/S"), designation="Head office",
        reference_kind="contact", reference_id=str(referrer.id), industry_id=m("industry", "Finance"),
        segment_id=m("segment", "Banking"), date_of_birth="1990-05-17", gender="other", pan="ABCDE1234F",
        aadhaar="123456789012", gstin="24AAAAA9999A1Z5", gst_registration_type="regular", tds_applicable=True,
        tds_section="194C", credit_limit_amount="1,50,000", credit_limit_days="45", default_discount_pct="7.5",
        price_list_id=m("price_list", "Dealer Price"), class_id=m("class", "Gold"), annual_revenue="2500000",
        emails=["Neel.Shah@Horus.IN", "accounts@horus.in"], mobiles=["98250 12345"], office_phones=["07926862513"],
        addresses=[{"line1": "12 Ashram Road", "city": "Ahmedabad", "state": "Gujarat", "pin": "380009"},
                   {"city": "Surat", "is_default": True,
                    "address_type_id": m("address_type", "Godown Address")}],
        aliases=["HT"], category_ids=[m("contact_category", "Corporate")], division_ids=[m("division", "hoffice")],
        key_account_manager_id=str(employee_id(session, "E03")), is_private=True,
        privacy_employee_ids=[str(employee_id(session, "E05"))], remarks="Pays on time.")
    before = contact_detail(session, executive, contact.code)
    form = form_values(session, executive, contact.code)

    saved, warnings = contacts.save_contact(session, executive, form, now=now, contact_id=contact.id)

    after = contact_detail(session, executive, contact.code)
    assert (saved.code, warnings) == ("C000002", {})
    assert _without_row_ids(after) == _without_row_ids(before)
    assert form_values(session, executive, contact.code) == form
    assert before.values["Reference"] == "Contact: Anubis Traders (C000001)"
    assert before.values["TDS"] == "Applicable (194C)"
    assert [a.city for a in before.addresses if a.is_default] == ["Surat"]


def _without_row_ids(detail):
    """Child rows are rewritten on save, so their own ids may change."""
    return replace(detail, addresses=[replace(a, id=0) for a in detail.addresses])
