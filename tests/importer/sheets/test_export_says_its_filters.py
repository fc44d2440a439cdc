"""An export says which filters it applied: a "Filters" sheet after the contacts (the
import reads only the first sheet), in the words the page uses, with the count, who and
when. An admin's export once held 1 contact instead of 306 because a search was still
applied, and nothing in the file said so."""
from openpyxl import load_workbook

from hoffice_app.domain.contacts import ContactQuery, describe_filters, in_words
from hoffice_app.importer.sheets.export import export_contacts
from tests.contact_factory import master_id
from tests.importer.helpers import row, run, xlsx


def _sheets(session, actor, now, path, q=None):
    n = export_contacts(session, actor, q, path, now=now)
    book = load_workbook(path)
    return n, book.sheetnames, [list(r) for r in book["Filters"].iter_rows(values_only=True)]


def test_the_filters_sheet_names_every_filter_applied(session, admin, now, tmp_path):
    run(session, admin, xlsx(tmp_path / "t.xlsx", [row(name="Shreeji Vendors", contact_type="Vendor", city="Surat"),
                                                   row(name="Shreeji Stores", contact_type="Customer")]), now)
    vendor = str(master_id(session, "contact_type", "Vendor"))
    q = ContactQuery(text="shreeji", contact_type_id=vendor, city="Surat", stage="prospect")
    n, names, filters = _sheets(session, admin, now, tmp_path / "f.xlsx", q)
    assert n == 1 and names == ["Contacts", "Filters"]
    assert filters[:5] == [["Filter", "Value"], ["Search", "\u201cshreeji\u201d"], ["Type", "Vendor"],
                           ["Stage", "Prospects"], ["City", "Surat"]]
    assert ["Contacts exported", "1"] in filters
    assert ["Exported by", f"{admin.name} ({admin.code})"] in filters


def test_without_filters_the_sheet_says_it_holds_every_visible_contact(session, admin, now, tmp_path):
    run(session, admin, xlsx(tmp_path / "t.xlsx", [row(name="Vendor One", contact_type="Vendor")]), now)
    n, _names, filters = _sheets(session, admin, now, tmp_path / "all.xlsx", ContactQuery(sort="-name"))
    assert filters[1] == ["(none)", "Every contact you may see"]
    assert ["Contacts exported", str(n)] in filters


def test_the_page_words_and_the_sheet_words_agree(session, admin, now):
    vendor = str(master_id(session, "contact_type", "Vendor"))
    q = ContactQuery(text=" x ", contact_type_id=vendor, key_account_manager_id=str(admin.id), division_id="99999")
    assert in_words(describe_filters(session, admin, q)) == (
        f"search: \u201cx\u201d, type: Vendor, key account manager: {admin.name}, division: (no longer exists)")
    assert in_words(describe_filters(session, admin, ContactQuery(contact_type_id="all"))) == ""
