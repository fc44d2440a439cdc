"""Export → re-import with skip updates every row by its code and creates nothing."""
from datetime import date

import openpyxl
import pytest
from sqlmodel import select

from hoffice_app.domain.contacts import ContactQuery
from hoffice_app.importer.read.reader import open_sheet
from hoffice_app.importer.sheets.export import export_contacts
from hoffice_app.models import ContactAssociation
from tests.contact_factory import HIDDEN_BY, make_hidden, master_id
from tests.importer.helpers import count_contacts, read_xlsx, row, run, xlsx

FULL = dict(division="hoffice, corpteaser", title="Dr.", aliases="Ashu, A. Patel", contact_type="Both",
            price_list="Retail Price", email="Asha.Patel@Example.com", mobile=9327058088.0, mobile1="9825012345",
            office_phone="07926862513", office_phone1="02223456789", address_type="Factory Address",
            address1="5, Vasupujya Bungalows", address2="Opp. Fun Republic", area="Satellite", district="Ahmedabad",
            city="Ahmedabad", state="gujarat", country="India", pin=380015, industry="Finance", reference="E03",
            annual_revenue="9,00,000", privacy="E03, E04", category="Insurance, Mutual Funds", designation="Manager",
            other_number="7926862599", website="www.example.in", skype="asha.p", pan="ABCDE1234F",
            vat_number="VAT123", cst_number="CST987", st_number="ST555", gstin="24ABCDE1234F1Z5",
            aadhaar="1234 5678 9012", tan_number="AHMA12345B", date_of_birth="1980-09-25",
            anniversary="2005-07-20", class_name="Gold", class_code="G1", gst_registration_type="1",
            gst_member_type="S", gender="2", date_of_death="2020-01-01", transporter_id="TR1",
            business_contact_type="2", currency="usd", facebook="fb/asha", linkedin="in/asha", instagram="@asha",
            youtube="yt/asha", twitter="@asha_p", remarks="Met at trade show")


def exported(session, actor, now, tmp_path, name, q=None):
    path = tmp_path / name
    n = export_contacts(session, actor, q, path, now=now)
    return n, path, [cells for _n, cells in open_sheet(path).rows]


def test_every_column_survives_export_and_reimport_updates_by_code(session, admin, now, tmp_path):
    run(session, admin, xlsx(tmp_path / "co.xlsx", [row(name="Horus Tech", contact_type="Customer")]), now)
    full = dict(FULL, relation="Employee", relation_to="Horus Tech")
    _job, first = run(session, admin, xlsx(tmp_path / "full.xlsx", [row(name="Asha Patel", **full)]), now)
    assert (first.created, first.invalid) == (1, 0), first
    n, path, rows = exported(session, admin, now, tmp_path, "one.xlsx")
    before = count_contacts(session)
    links = len(session.exec(select(ContactAssociation)).all())
    _job, again = run(session, admin, path, now)
    assert (again.total, again.updated, again.created, again.invalid, again.duplicate) == (n, n, 0, 0, 0)
    assert count_contacts(session) == before and len(session.exec(select(ContactAssociation)).all()) == links
    _n, _p, rows_after = exported(session, admin, now, tmp_path, "two.xlsx")
    assert rows_after == rows
    asha = next(r for r in rows if r[3] == "Asha Patel")
    assert asha[7] == "Asha.Patel@example.com" and asha[8] == "+919327058088" and asha[18] == "GUJARAT"
    horus = next(r for r in rows if r[3] == "Horus Tech")
    assert asha[19] == "India" and asha[23] == "900000" and asha[27:29] == ["Employee", horus[0]]
    typed = next(r for r in read_xlsx(path) if r[3] == "Asha Patel")  # cells a spreadsheet sorts and adds
    assert typed[23] == 900000.0 and typed[39] == date(1980, 9, 25) and typed[40] == date(2005, 7, 20)
    cells = next(r for r in openpyxl.load_workbook(path).active.iter_rows() if r[3].value == "Asha Patel")
    assert cells[23].number_format == "#,##0.00" and cells[39].number_format == "yyyy\\-mm\\-dd"
    assert cells[10].data_type == "s"  # a phone stays text


@pytest.mark.parametrize("by", HIDDEN_BY)  # private to E04, or in a division E04 is in and E03 is not
def test_export_applies_the_list_filters_and_privacy(session, admin, executive, now, tmp_path, by):
    run(session, admin, xlsx(tmp_path / "t.xlsx", [row(name="Vendor One", contact_type="Vendor"),
                                                   row(name="Customer One", contact_type="Customer")]), now)
    make_hidden(session, admin, now, "Secret Client", by, sees="E04")
    session.commit()
    vendor = str(master_id(session, "contact_type", "Vendor"))
    n, _p, rows = exported(session, admin, now, tmp_path, "v.xlsx", ContactQuery(contact_type_id=vendor))
    assert n == 1 and rows[0][3] == "Vendor One"
    _n, _p, all_admin = exported(session, admin, now, tmp_path, "a.xlsx")
    _n, _p, all_exec = exported(session, executive, now, tmp_path, "e.xlsx")
    assert "Secret Client" in {r[3] for r in all_admin} and "Secret Client" not in {r[3] for r in all_exec}
