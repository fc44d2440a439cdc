"""What an import writes, column by column, on the engine the tests run on.

The bulk writes take a different path per engine (SQLite: executemany and the
writer thread's json_each statements; PostgreSQL: COPY, and updates through a
temporary table), so one small import is read back here and compared with the
exact values the form's rules give: bin/test runs this file on both engines, and a
path that writes another text, flag, time, version or search text fails here.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from sqlalchemy import select

from hoffice_app.models import (
    CodeCounter,
    Contact,
    ContactAddress,
    ContactAlias,
    ContactAssociation,
    ContactCategory,
    ContactDivision,
    ContactEmail,
    ContactPhone,
    ContactPrivacy,
    Lead,
)
from tests.contact_factory import employee_id, make_contact, master_id
from tests.importer.helpers import row, run, xlsx
from tests.lead_factory import make_lead

CHILDREN = {
    ContactEmail: ("email", "email_key", "is_primary"),
    ContactPhone: ("kind", "number", "is_primary"),
    ContactAddress: ("line1", "line2", "area", "district", "city", "state", "pin", "country", "address_type_id",
                     "is_default"),
    ContactAlias: ("alias",),
    ContactCategory: ("category_id",),
    ContactDivision: ("division_id",),
    ContactPrivacy: ("employee_id",),
    ContactAssociation: ("related_contact_id", "relation_id", "created_by_id", "created_at"),
}


def children(session, contact_id: int) -> dict[str, list[tuple]]:
    out = {}
    for model, columns in CHILDREN.items():
        table = model.__table__
        out[model.__tablename__] = [tuple(r) for r in session.execute(
            select(*(table.c[c] for c in columns)).where(table.c.contact_id == contact_id)
            .order_by(*table.primary_key.columns))]
    return out


def fields(contact: Contact, names: list[str]) -> dict:
    return {n: getattr(contact, n) for n in names}


def test_created_and_updated_contacts_hold_the_form_values(session, admin, now, tmp_path):
    later = now + timedelta(hours=1)
    related = make_contact(session, admin, now, "Kaveri Polymers", emails=["Old@Kaveri.in"], mobiles=["9327058088"],
                           addresses=[{"line1": "5, Ring Road", "city": "Surat", "state": "GUJARAT",
                                       "pin": "395003"}])
    lead = make_lead(session, admin, now, contact=related)
    session.commit()
    version = related.version  # the import bumps it once, as a form's save would
    path = xlsx(tmp_path / "values.xlsx", [
        row(title="Ms.", name="Asha Mehta", aliases="Ashaben, A. Mehta", contact_type="Customer",
            email="Asha.Mehta@Example.in", mobile=9825012345, mobile1="98250 12346", office_phone="07926561234",
            address_type="Office Address", address1="12, Lotus Park", area="Navrangpura", city="Ahmedabad",
            state="Gujarat", pin=380009, industry="Finance", reference="E04", annual_revenue="5,00,000",
            privacy="E03", category="Insurance, Dealers", division="hoffice", designation="Director",
            relation="Director", relation_to=related.code, date_of_birth=date(1980, 5, 17), gender=2,
            currency="inr", remarks="Met at the fair"),
        row(contact_code=related.code, name="Kaveri Polymers Pvt Ltd", email="accounts@kaveri.in",
            mobile1="9898989898", city="Vadodara", designation="Buyer"),
    ])
    _job, summary = run(session, admin, path, later)
    assert (summary.created, summary.updated) == (1, 1)

    e01, e03, e04 = (employee_id(session, c) for c in ("E01", "E03", "E04"))
    new = session.execute(select(Contact).where(Contact.name == "Asha Mehta")).scalar_one()
    assert new.code == "C000002"
    assert session.get(CodeCounter, "contact").last_value == 2
    assert fields(new, ["name_key", "title_id", "contact_type_id", "designation", "country", "reference_kind",
                        "reference_employee_id", "industry_id", "date_of_birth", "gender", "annual_revenue",
                        "currency", "remarks", "is_private", "is_customer", "version", "created_by_id",
                        "updated_by_id", "created_at", "updated_at", "search_text"]) == {
        "name_key": "asha mehta", "title_id": master_id(session, "title", "Ms."),
        "contact_type_id": master_id(session, "contact_type", "Customer"), "designation": "Director",
        "country": "IN", "reference_kind": "employee", "reference_employee_id": e04,
        "industry_id": master_id(session, "industry", "Finance"), "date_of_birth": date(1980, 5, 17),
        "gender": "female", "annual_revenue": Decimal("500000.00"), "currency": "INR", "remarks": "Met at the fair",
        "is_private": True, "is_customer": False, "version": 1, "created_by_id": e01, "updated_by_id": e01,
        "created_at": later, "updated_at": later,
        "search_text": "c000002 asha mehta ashaben a. mehta asha.mehta@example.in "
                       "919825012345 919825012346 917926561234"}
    assert children(session, new.id) == {
        "contact_email": [("Asha.Mehta@example.in", "asha.mehta@example.in", True)],
        "contact_phone": [("mobile", "+919825012345", True), ("mobile", "+919825012346", False),
                          ("office", "+917926561234", True)],
        "contact_address": [("12, Lotus Park", "", "Navrangpura", "", "Ahmedabad", "GUJARAT", "380009", "IN",
                             master_id(session, "address_type", "Office Address"), True)],
        "contact_alias": [("Ashaben",), ("A. Mehta",)],
        "contact_category": [(master_id(session, "contact_category", "Insurance"),),
                             (master_id(session, "contact_category", "Dealers"),)],
        "contact_division": [(master_id(session, "division", "hoffice"),)],
        "contact_privacy": [(e03,)],
        "contact_association": [(related.id, master_id(session, "relation", "Director"), e01, later)]}

    session.refresh(related)
    assert fields(related, ["name", "name_key", "designation", "version", "created_by_id", "updated_by_id",
                            "created_at", "updated_at", "search_text"]) == {
        "name": "Kaveri Polymers Pvt Ltd", "name_key": "kaveri polymers pvt ltd", "designation": "Buyer",
        "version": version + 1, "created_by_id": e01, "updated_by_id": e01, "created_at": now, "updated_at": later,
        "search_text": "c000001 kaveri polymers pvt ltd accounts@kaveri.in 919327058088 919898989898"}
    assert {k: v for k, v in children(session, related.id).items() if v} == {
        "contact_email": [("accounts@kaveri.in", "accounts@kaveri.in", True)],
        "contact_phone": [("mobile", "+919327058088", True), ("mobile", "+919898989898", False)],
        "contact_address": [("5, Ring Road", "", "", "", "Vadodara", "GUJARAT", "395003", "IN",
                             master_id(session, "address_type", "Office Address"), True)]}
    assert session.get(Lead, lead.id).search_text.endswith("kaveri polymers pvt ltd c000001")
    assert all(isinstance(t, datetime) and t.tzinfo is not None and t.utcoffset() == timezone.utc.utcoffset(t)
               for t in (new.created_at, related.updated_at))
