"""Custom contact fields in the import: the template's columns, the mapping by label, the review's
checks by type, the bulk write (typed, new contacts and updates) and the export that re-imports
as updates changing nothing."""
from datetime import date, datetime
from decimal import Decimal

from openpyxl import load_workbook
from sqlmodel import select

from hoffice_app.domain import customfields as cf
from hoffice_app.importer import jobs
from hoffice_app.importer.read.columns import HEADERS
from hoffice_app.importer.sheets.export import export_contacts
from hoffice_app.importer.sheets.template import write_template
from hoffice_app.models import Contact, ContactCustomValue
from tests.contact_factory import employee_id, make_private
from tests.importer.helpers import count_contacts, read_xlsx, review, row, run, upload, xlsx

CUSTOM = ["Segment", "Markets", "Seats", "Budget", "Renewal", "Verified", "Owner", "Parent", "Visit"]


def _fields(session, admin, now, *, required_segment=False):
    def add(label, kind, **kw):
        return cf.add_field(session, admin, "contact", cf.FieldSpec(label=label, kind=kind, **kw), now=now)
    fields = {
        "Segment": add("Segment", "select", options=("Retail", "Wholesale"), required=required_segment,
                       help_text="How they buy."),
        "Markets": add("Markets", "multi_select", options=("North", "South", "Export")),
        "Seats": add("Seats", "number"), "Budget": add("Budget", "amount"), "Renewal": add("Renewal", "date"),
        "Verified": add("Verified", "yes_no"), "Owner": add("Owner", "employee"), "Parent": add("Parent", "contact"),
        "Visit": add("Visit", "datetime"),
    }
    session.commit()
    return fields


def _sheet(tmp_path, name, rows):
    """Template rows followed by the custom cells (in CUSTOM order)."""
    return xlsx(tmp_path / name, [row(**std) + [custom.get(c, "") for c in CUSTOM] for std, custom in rows],
                headers=[*HEADERS, *CUSTOM])


def _values(session, contact_id) -> dict[int, list]:
    out: dict[int, list] = {}
    for v in session.exec(select(ContactCustomValue).where(ContactCustomValue.contact_id == contact_id)):
        out.setdefault(v.field_id, []).append(v)
    return out


def test_template_has_a_column_per_field_with_red_required_header_notes_and_option_drop_downs(
        session, admin, now, tmp_path):
    fields = _fields(session, admin, now, required_segment=True)
    cf.update_field(session, admin, fields["Seats"].id, cf.FieldSpec(label="Seats", kind="number", active=False),
                    version=fields["Seats"].version, now=now)
    session.commit()
    path = tmp_path / "template.xlsx"
    write_template(session, path)
    ws = load_workbook(path)["Contacts"]
    headers = [c.value for c in ws[1]]
    assert headers == [*HEADERS, *(c for c in CUSTOM if c != "Seats")]  # an inactive field has no column
    segment = ws.cell(row=1, column=len(HEADERS) + 1)
    assert segment.font.color.rgb.endswith("C00000") and segment.font.bold
    assert segment.comment.text.startswith("Mandatory.") and "How they buy." in segment.comment.text
    markets = ws.cell(row=1, column=len(HEADERS) + 2)
    assert not (markets.font.color and str(markets.font.color.rgb).endswith("C00000"))
    assert "separated by commas" in markets.comment.text
    lists = load_workbook(path)["Lists"]
    listed = {lists.cell(row=1, column=c).value: [lists.cell(row=r, column=c).value for r in range(2, 5)]
              for c in range(1, lists.max_column + 1)}
    assert listed["Segment"][:2] == ["Retail", "Wholesale"] and listed["Markets"] == ["North", "South", "Export"]
    by_col = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv for dv in ws.data_validations.dataValidation}
    seg_dv, mkt_dv = (by_col[segment.column_letter], by_col[markets.column_letter])
    assert seg_dv.showErrorMessage and not mkt_dv.showErrorMessage  # several options: a suggestion only


def test_mapping_matches_custom_fields_by_label_in_any_case_and_lists_them_after_the_standard_fields(
        session, admin, now, tmp_path):
    _fields(session, admin, now)
    path = xlsx(tmp_path / "m.xlsx", [["Asha", "Customer", "retail", "x"]],
                headers=["Name", "Type Of Contact", "SEGMENT", "Unknown"])
    job_id = jobs.start_job(session, admin, stored_path=upload(path), file_name="m.xlsx", now=now)
    view = jobs.headers(session, admin, job_id)
    assert [c.field for c in view.columns] == ["name", "contact_type", "cf_segment", ""]
    keys = [f.key for f in view.fields]
    assert keys[:len(HEADERS)] == [f.key for f in view.fields[:len(HEADERS)]] and keys[len(HEADERS):] == [
        "cf_segment", "cf_markets", "cf_seats", "cf_budget", "cf_renewal", "cf_verified", "cf_owner", "cf_parent",
        "cf_visit"]
    assert [f.label for f in view.fields[len(HEADERS):]][:2] == ["Segment", "Markets"]
    unmapped = jobs.review(session, admin, job_id, sheet=view.sheet, mapping={0: "name", 1: "contact_type"}, now=now)
    assert unmapped.valid == 1  # unmapped by the user: the column is ignored


def test_review_names_the_field_and_value_of_a_bad_option_number_date_and_missing_required(
        session, admin, now, tmp_path):
    _fields(session, admin, now, required_segment=True)
    base = dict(contact_type="Customer")
    path = _sheet(tmp_path, "bad.xlsx", [
        (dict(base, name="A"), {"Segment": "Retial"}),
        (dict(base, name="B"), {"Segment": "retail", "Seats": "twelve"}),
        (dict(base, name="C"), {"Segment": "Retail", "Renewal": "31/12/2026", "Markets": "North, Mars"}),
        (dict(base, name="D"), {}),
        (dict(base, name="E"), {"Segment": "WHOLESALE", "Owner": "E99", "Parent": "C999999"}),
        (dict(base, name="F"), {"Segment": "Retail"}),
    ])
    job_id, summary, _view = review(session, admin, path, now)
    assert (summary.total, summary.valid, summary.invalid) == (6, 1, 5)
    issues, _n = jobs.issues(session, admin, job_id, kind="invalid")
    by_row = {i.row_number: i.summary for i in issues}
    assert by_row[2] == "Segment: “Retial” is not one of the options (Retail, Wholesale)."
    assert by_row[3].startswith("Seats: Enter a number")
    assert "Renewal: Enter the date as YYYY-MM-DD" in by_row[4] and "Markets: “Mars” is not one of" in by_row[4]
    assert by_row[5] == "Segment: Enter a value, it is required."
    assert "Owner: No active employee with the code “E99”" in by_row[6]
    assert "Parent: No contact with the code “C999999” that you may see." in by_row[6]
    problems = {i.row_number: i.problems for i in issues}
    assert ["Segment", "Retial"] == list(problems[2][0][:2])


def test_values_are_written_typed_with_new_contacts_and_an_update_changes_only_its_given_fields(
        session, admin, now, tmp_path):
    fields = _fields(session, admin, now)
    _job, first = run(session, admin, _sheet(tmp_path, "new.xlsx", [
        (dict(name="Horus Tech", contact_type="Customer"), {}),
        (dict(name="Asha Patel", contact_type="Customer"),
         {"Segment": "wholesale", "Markets": "south; North", "Seats": "1,250.5", "Budget": "₹ 2,50,000",
          "Renewal": "2026-12-31", "Verified": "yes", "Owner": "e03"}),
    ]), now)
    assert (first.created, first.invalid) == (2, 0), first
    asha, horus = _named(session, "Asha Patel"), _named(session, "Horus Tech")
    stored = _values(session, asha.id)
    options = {o.label: o.id for opts in cf.options_of(session, [fields["Segment"].id, fields["Markets"].id]).values()
               for o in opts}
    assert [v.option_id for v in stored[fields["Segment"].id]] == [options["Wholesale"]]
    assert sorted(v.option_id for v in stored[fields["Markets"].id]) == sorted([options["North"], options["South"]])
    assert stored[fields["Seats"].id][0].number_value == Decimal("1250.5")
    assert stored[fields["Budget"].id][0].number_value == Decimal("250000")
    assert stored[fields["Renewal"].id][0].date_value == date(2026, 12, 31)
    assert stored[fields["Verified"].id][0].bool_value is True
    assert stored[fields["Owner"].id][0].ref_id == employee_id(session, "E03")
    # an update: only the given cells change (Seats and Parent), blanks keep what is stored
    headers = ["Contact Code", "Seats", "Parent", "Segment"]
    _job, again = run(session, admin, xlsx(tmp_path / "upd.xlsx", [[asha.code, "7", horus.code, ""]],
                                          headers=headers), now)
    assert (again.updated, again.created, again.invalid) == (1, 0, 0), again
    after = _values(session, asha.id)
    assert after[fields["Seats"].id][0].number_value == Decimal("7")
    assert after[fields["Parent"].id][0].ref_id == horus.id
    assert [v.option_id for v in after[fields["Segment"].id]] == [options["Wholesale"]]
    assert len(after[fields["Markets"].id]) == 2 and after[fields["Owner"].id][0].ref_id == employee_id(session, "E03")


def _named(session, name: str) -> Contact:
    return session.exec(select(Contact).where(Contact.name == name)).one()


def _all_values(session) -> list[tuple]:
    v = ContactCustomValue
    return sorted(tuple(r) for r in session.exec(select(
        v.contact_id, v.field_id, v.option_id, v.text_value, v.number_value, v.date_value, v.moment_value,
        v.bool_value, v.ref_id)))


def test_export_carries_every_field_and_reimports_as_updates_that_change_nothing(session, admin, now, tmp_path):
    _fields(session, admin, now)
    run(session, admin, _sheet(tmp_path, "p.xlsx", [(dict(name="Horus Tech", contact_type="Customer"), {})]), now)
    parent = _named(session, "Horus Tech").code
    _job, first = run(session, admin, _sheet(tmp_path, "new.xlsx", [
        (dict(name="Asha Patel", contact_type="Customer"),
         {"Segment": "wholesale", "Markets": "export, north", "Seats": "12.5", "Budget": "150000",
          "Renewal": "2026-12-31", "Verified": "no", "Owner": "E03", "Parent": parent, "Visit": "2026-12-31 10:30"}),
    ]), now)
    assert first.created == 1, first
    path = tmp_path / "out.xlsx"
    n = export_contacts(session, admin, None, path, now=now)
    rows = read_xlsx(path)
    assert rows[0] == [*HEADERS, *CUSTOM]
    asha = next(r for r in rows if r[3] == "Asha Patel")
    assert asha[len(HEADERS):] == ["Wholesale", "North, Export", 12.5, 150000.0, date(2026, 12, 31), "No", "E03",
                                  parent, datetime(2026, 12, 31, 10, 30)]  # typed cells
    before = _all_values(session)
    assert len(before) == 10  # two options of Markets, one row for each other field
    count = count_contacts(session)
    _job, again = run(session, admin, path, now)
    assert (again.total, again.updated, again.created, again.invalid) == (n, n, 0, 0), again
    after = _all_values(session)
    assert after == before and count_contacts(session) == count
    export_contacts(session, admin, None, tmp_path / "again.xlsx", now=now)
    assert read_xlsx(tmp_path / "again.xlsx") == rows


def test_a_contact_field_never_reaches_or_reveals_a_contact_the_importer_may_not_see(
        session, admin, executive, now, tmp_path):
    _fields(session, admin, now)
    secret = make_private(session, admin, now, "Secret Client", shared_with=("E04",))
    session.commit()
    job_id, summary, _view = review(session, executive, _sheet(tmp_path, "x.xlsx", [
        (dict(name="Asha Patel", contact_type="Customer"), {"Parent": secret.code})]), now)
    assert summary.invalid == 1
    issues, _n = jobs.issues(session, executive, job_id, kind="invalid")
    assert issues[0].summary == f"Parent: No contact with the code “{secret.code}” that you may see."
    # the admin links a visible contact to the secret one; the executive's export shows no trace of it
    _job, done = run(session, admin, _sheet(tmp_path, "y.xlsx", [
        (dict(name="Open Co", contact_type="Customer"), {"Parent": secret.code})]), now)
    assert done.created == 1
    path = tmp_path / "exec.xlsx"
    export_contacts(session, executive, None, path, now=now)
    open_co = next(r for r in read_xlsx(path) if r[3] == "Open Co")
    assert open_co[len(HEADERS) + CUSTOM.index("Parent")] == ""
    assert not any("Secret Client" in str(cell) or secret.code in str(cell) for r in read_xlsx(path) for cell in r)


def test_a_new_contact_takes_the_defaults_an_update_keeps_its_values_and_a_required_default_suffices(
        session, admin, now, tmp_path):
    run(session, admin, xlsx(tmp_path / "p.xlsx", [row(name="Horus Tech", contact_type="Customer")]), now)
    horus = _named(session, "Horus Tech")
    tier = cf.add_field(session, admin, "contact", cf.FieldSpec(label="Tier", kind="select", options=("Gold", "Silver"),
                                                                required=True, default_value="silver"), now=now)
    seats = cf.add_field(session, admin, "contact", cf.FieldSpec(label="Seats", kind="number", default_value="4"),
                         now=now)
    session.commit()
    _job, done = run(session, admin, xlsx(tmp_path / "n.xlsx", [["Asha Patel", "Customer"]],
                                         headers=["Name", "Type Of Contact"]), now)
    assert (done.created, done.invalid) == (1, 0), done
    asha = _named(session, "Asha Patel")
    silver = next(o.id for o in cf.options_of(session, [tier.id])[tier.id] if o.label == "Silver")
    stored = _values(session, asha.id)
    assert [v.option_id for v in stored[tier.id]] == [silver] and stored[seats.id][0].number_value == 4
    _job, upd = run(session, admin, xlsx(tmp_path / "u.xlsx", [[horus.code, "Horus Tech", ""]],
                                        headers=["Contact Code", "Name", "Tier"]), now)
    assert (upd.updated, upd.invalid) == (1, 0), upd
    assert _values(session, horus.id) == {}  # an update takes no default and needs no required value


def test_imported_text_values_are_found_by_the_contact_search_and_an_update_replaces_them(
        session, admin, now, tmp_path):
    """The import writes custom values in bulk, past write_values: the words of text-type values
    still end the contact's search text (new contacts, and updates, which merge the stored ones)."""
    from hoffice_app.domain.contacts import ContactQuery, search_contacts
    for label in ("Referral code", "Portal"):
        kind = "url" if label == "Portal" else "text"
        cf.add_field(session, admin, "contact", cf.FieldSpec(label=label, kind=kind), now=now)
    session.commit()
    headers = ["Name", "Type Of Contact", "Referral code", "Portal"]

    def found(text):
        return [r.name for r in search_contacts(session, admin, ContactQuery(text=text)).rows]
    run(session, admin, xlsx(tmp_path / "n.xlsx", [["Quorra Traders", "Customer", "REF-7731", "https://zentrix-portal.example/buy"]],
                             headers=headers), now)
    assert found("ref-7731") == ["Quorra Traders"] and found("zentrix") == ["Quorra Traders"]
    code = _named(session, "Quorra Traders").code
    run(session, admin, xlsx(tmp_path / "u.xlsx", [[code, "Quorra Traders", "REF-9000"]],
                             headers=["Contact Code", "Name", "Referral code"]), now)
    assert found("ref-7731") == [] and found("ref-9000") == ["Quorra Traders"]
    assert found("zentrix") == ["Quorra Traders"]  # the value the update left alone
