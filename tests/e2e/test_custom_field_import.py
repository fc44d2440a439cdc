"""A custom contact field in the import: the downloaded template has its column, the mapping
matches it by label, and the review names the field and the bad option of an invalid row."""
from pathlib import Path

from openpyxl import Workbook, load_workbook
from playwright.sync_api import expect

from hoffice_app.db import utcnow
from hoffice_app.domain import customfields as cf
from hoffice_app.domain.auth import actor_of
from hoffice_app.domain.org import find_by_code
from tests.e2e.import_pages import ImportWizard
from tests.e2e.pages import LoginPage


def _in_server_db(server, work):
    """``work(session, admin)`` on the server's database, committed."""
    with server.session() as s:
        return work(s, actor_of(find_by_code(s, "E01")))


def _xlsx(path: Path, rows: list[list]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_template_column_and_review_of_a_bad_option(page, server, demo_password, tmp_path):
    field_id = _in_server_db(server, lambda s, admin: cf.add_field(s, admin, "contact", cf.FieldSpec(
        label="Segment", kind="select", options=("Retail", "Wholesale")), now=utcnow()).id)
    try:
        LoginPage(page).log_in("E01", demo_password)
        response = page.request.get("/files/imports/template.xlsx")
        assert response.status == 200
        (tmp_path / "template.xlsx").write_bytes(response.body())
        headers = [c.value for c in load_workbook(tmp_path / "template.xlsx")["Contacts"][1]]
        assert headers[-2:] == ["Remarks", "Segment"]
        wizard = ImportWizard(page)
        wizard.upload(_xlsx(tmp_path / "segments.xlsx", [
            ["Name", "Type Of Contact", "segment"],
            ["Segment Import Good", "Customer", "wholesale"],
            ["Segment Import Bad", "Customer", "Retial"],
        ]))
        expect(wizard.field_for("segment")).to_have_text("Segment")
        wizard.check_rows()
        expect(wizard.stat("Valid")).to_have_text("1")
        expect(wizard.stat("Invalid")).to_have_text("1")
        expect(wizard.problem_row(3)).to_contain_text("Segment")
        expect(wizard.problem_row(3)).to_contain_text("Retial")
        page.screenshot(path="artifacts/screenshots/import-custom-field-review.png")
    finally:  # later tests of the session count the template's columns
        _in_server_db(server, lambda s, admin: cf.update_field(s, admin, field_id, cf.FieldSpec(
            label="Segment", kind="select", active=False), version=None, now=utcnow()))
