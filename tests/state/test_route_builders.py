"""URL builders (hoffice_app/routes.py) give the paths the pages are registered
under, and the import sheet link is one the files app serves."""
import pytest

from hoffice_app import routes
from hoffice_app.http.spreadsheets import ROUTES as SHEET_ROUTES


def _fill(pattern: str, value) -> str:
    """A Reflex dynamic route with its one [argument] filled in."""
    start, end = pattern.index("["), pattern.index("]")
    return pattern[:start] + str(value) + pattern[end + 1:]


@pytest.mark.parametrize("build, pattern, value", [
    (routes.contact, routes.CONTACT_DETAIL, "C0012"),
    (routes.contact_edit, routes.CONTACT_EDIT, "C0012"),
    (routes.lead, routes.LEAD_DETAIL, "L0007"),
    (routes.funnel, routes.FUNNEL_BOARD, 3),
    (routes.import_job, routes.IMPORT_JOB, 15),
    (routes.settings_section, routes.SETTINGS_SECTION, "segment"),
])
def test_a_builder_fills_its_page_route(build, pattern, value):
    assert build(value) == _fill(pattern, value)


def test_examples():
    assert routes.contact("C0012") == "/contacts/C0012"
    assert routes.contact_edit("C0012") == "/contacts/C0012/edit"
    assert routes.funnel(3) == "/funnel/3"
    assert routes.settings_section("defaults") == "/settings/defaults"


@pytest.mark.parametrize("which", ["result", "errors"])
def test_import_sheet_link_is_served_by_the_files_app(which):
    url = routes.import_sheet(15, which)
    served = [r for r in SHEET_ROUTES if r.path_regex.match(url)]
    assert [r.path for r in served] == ["/files/imports/{job_id:int}/{which:str}.xlsx"]
    params = served[0].path_regex.match(url).groupdict()
    assert params == {"job_id": "15", "which": which}


@pytest.mark.parametrize("url", [routes.IMPORT_TEMPLATE, routes.CONTACTS_EXPORT])
def test_fixed_file_links_are_served_by_the_files_app(url):
    assert [r.path for r in SHEET_ROUTES if r.path_regex.match(url)] == [url]
