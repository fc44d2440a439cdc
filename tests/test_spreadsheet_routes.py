"""The Contact Center's spreadsheet routes (template, an import's sheets, the contact export):
the session is checked before a byte is read, refusals are one private sentence, files come back
as private attachments."""
import io
import warnings

import pytest
from openpyxl import load_workbook

with warnings.catch_warnings():  # starlette 1.x prefers httpx2 for its TestClient; httpx is what is installed
    warnings.simplefilter("ignore", UserWarning)
    from starlette.testclient import TestClient

from hoffice_app.http import files_app
from tests.contact_factory import actor, demo, engine, make_contact, make_private  # noqa: F401
from tests.test_file_routes import client_as

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(autouse=True)
def imports_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("HOFFICE_IMPORTS_DIR", str(tmp_path / "imports"))


@pytest.mark.parametrize("url", ["/files/imports/template.xlsx", "/files/imports/1/result.xlsx",
                                 "/files/contacts/export.xlsx"])
def test_no_session_gets_401_before_anything_is_read(session, url):
    for client in (client_as(session, None), TestClient(files_app, cookies={"hoffice_session": "forged"})):
        response = client.get(url)
        assert (response.status_code, response.text) == (401, "Please log in first.")
        assert response.headers["cache-control"] == "private, no-store"


def test_template_is_a_private_xlsx_attachment(session):
    response = client_as(session, "E03").get("/files/imports/template.xlsx")
    assert response.status_code == 200
    assert response.headers["content-type"] == XLSX
    assert response.headers["content-disposition"].startswith('attachment; filename="H-Office contact import')
    headers = [c.value for c in next(load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows())]
    assert headers[:2] == ["Contact Code", "Division"]


def test_an_import_nobody_may_see_gets_404(session):
    response = client_as(session, "E03").get("/files/imports/999/result.xlsx")
    assert (response.status_code, response.text) == (404, "No such import, or it is not yours.")


def test_export_holds_only_the_contacts_the_employee_may_see(session, executive, now):
    make_contact(session, executive, now, "Open Traders")
    make_private(session, actor(session, "E04"), now, "Secret Traders", shared_with=("E05",))
    session.commit()
    response = client_as(session, "E03").get("/files/contacts/export.xlsx?text=Traders")
    assert response.status_code == 200 and response.headers["content-type"] == XLSX
    header, *rows = load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows(values_only=True)
    names = [row[header.index("Name")] for row in rows]
    assert names == ["Open Traders"]


def test_a_filtered_export_says_so_in_its_name_and_its_filters_sheet(session, executive, now):
    make_contact(session, executive, now, "Open Traders")
    session.commit()
    client = client_as(session, "E03")
    filtered = client.get("/files/contacts/export.xlsx?text=Traders&sort=name")
    assert "(filtered).xlsx" in filtered.headers["content-disposition"]
    filters = list(load_workbook(io.BytesIO(filtered.content))["Filters"].iter_rows(values_only=True))
    assert filters[1] == ("Search", "\u201cTraders\u201d")
    whole = client.get("/files/contacts/export.xlsx?sort=name&city=all")
    assert "filtered" not in whole.headers["content-disposition"]
