"""URL builders (hoffice_app/routes.py) give the paths the pages are registered
under, and the fixed file links are ones the files app serves."""
import pytest

from hoffice_app import routes
from hoffice_app.http.spreadsheets import ROUTES as SHEET_ROUTES


def _fill(pattern: str, value) -> str:
    """A Reflex dynamic route with its one [argument] filled in."""
    start, end = pattern.index("["), pattern.index("]")
    return pattern[:start] + str(value) + pattern[end + 1:]


@pytest.mark.parametrize("build, pattern, value", [
    (routes.contact, routes.CONTACT_DETAIL, "C0012"),
    (routes.lead, routes.LEAD_DETAIL, "L0007"),
    (routes.funnel, routes.FUNNEL_BOARD, 3),
    (routes.import_job, routes.IMPORT_JOB, 15),
])
def test_a_builder_fills_its_page_route(build, pattern, value):
    assert build(value) == _fill(pattern, value)


def test_examples():
    assert routes.contact("C0012") == "/contacts/C0012"
    assert routes.lead("L0007") == "/leads/L0007"
    assert routes.funnel(3) == "/funnel/3"
    assert routes.import_job(15) == "/import/15"


@pytest.mark.parametrize("section", ["defaults", "employees", "funnels", "segment"])
def test_settings_sections_live_under_settings(section):
    assert routes.settings_section(section) == f"{routes.SETTINGS}/{section}"


@pytest.mark.parametrize("url", [routes.IMPORT_TEMPLATE, routes.CONTACTS_EXPORT])
def test_fixed_file_links_are_served_by_the_files_app(url):
    assert [r.path for r in SHEET_ROUTES if r.path_regex.match(url)] == [url]
