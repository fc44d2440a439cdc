"""List filters (type, category, industry, city, state, stage, key account
manager, division) each narrow the list and combine with each other."""
import pytest

from hoffice_app.domain.contacts import ContactQuery, search_contacts
from tests.contact_factory import demo, employee_id, engine, make_contact, master_id  # noqa: F401  (fixtures: a copy of one seeded database)


@pytest.fixture
def ids(session, executive, now):
    m = lambda kind, name: str(master_id(session, kind, name))  # noqa: E731
    make_contact(session, executive, now, "Horus Tech", contact_type_id=m("contact_type", "Customer"),
                 category_ids=[m("contact_category", "Corporate")], industry_id=m("industry", "IT Services"),
                 addresses=[{"city": "Ahmedabad", "state": "Gujarat"}], is_customer=True,
                 key_account_manager_id=str(employee_id(session, "E03")), division_ids=[m("division", "hoffice")])
    make_contact(session, executive, now, "Anubis Traders", contact_type_id=m("contact_type", "Vendor"),
                 category_ids=[m("contact_category", "Dealers")], industry_id=m("industry", "Retail"),
                 addresses=[{"city": "Mumbai", "state": "Maharashtra"}],
                 key_account_manager_id=str(employee_id(session, "E04")), division_ids=[m("division", "corpteaser")])
    make_contact(session, executive, now, "Bastet Foods", contact_type_id=m("contact_type", "Customer"),
                 category_ids=[m("contact_category", "Corporate"), m("contact_category", "Dealers")],
                 industry_id=m("industry", "Retail"),
                 addresses=[{"city": "Surat", "state": "Gujarat"}, {"city": "ahmedabad", "state": "gujarat"}],
                 key_account_manager_id=str(employee_id(session, "E03")), division_ids=[m("division", "hoffice")])
    return m


def _names(session, who, **filters):
    return [r.name for r in search_contacts(session, who, ContactQuery(**filters)).rows]


def test_type(session, executive, ids):
    assert _names(session, executive, contact_type_id=ids("contact_type", "Vendor")) == ["Anubis Traders"]


def test_category(session, executive, ids):
    assert _names(session, executive, category_id=ids("contact_category", "Corporate")) == [
        "Bastet Foods", "Horus Tech"]


def test_industry(session, executive, ids):
    assert _names(session, executive, industry_id=ids("industry", "Retail")) == ["Anubis Traders", "Bastet Foods"]


def test_city_in_any_case_any_address(session, executive, ids):
    assert _names(session, executive, city="AHMEDABAD") == ["Bastet Foods", "Horus Tech"]
    assert _names(session, executive, city=" surat ") == ["Bastet Foods"]


def test_state(session, executive, ids):
    assert _names(session, executive, state="gujarat") == ["Bastet Foods", "Horus Tech"]


def test_prospect_or_customer(session, executive, ids):
    assert _names(session, executive, stage="customer") == ["Horus Tech"]
    assert _names(session, executive, stage="prospect") == ["Anubis Traders", "Bastet Foods"]


def test_key_account_manager_shown_and_filtered(session, executive, ids):
    page = search_contacts(session, executive, ContactQuery(key_account_manager_id=str(employee_id(session, "E04"))))
    assert [(r.name, r.key_account_manager) for r in page.rows] == [("Anubis Traders", "Karan Mehta")]


def test_division(session, executive, ids):
    assert _names(session, executive, division_id=ids("division", "corpteaser")) == ["Anubis Traders"]


def test_filters_combine(session, executive, ids):
    common = {"contact_type_id": ids("contact_type", "Customer"), "city": "Ahmedabad",
              "division_id": ids("division", "hoffice")}
    assert _names(session, executive, **common) == ["Bastet Foods", "Horus Tech"]
    assert _names(session, executive, **common, stage="prospect") == ["Bastet Foods"]
    assert _names(session, executive, **common, industry_id=ids("industry", "IT Services")) == ["Horus Tech"]
    assert _names(session, executive, **common, category_id=ids("contact_category", "Dealers"),
                  text="horus") == []


def test_filter_and_search_text_combine(session, executive, ids):
    assert _names(session, executive, text="tech", state="Maharashtra") == []
    assert _names(session, executive, text="foods", state="Gujarat") == ["Bastet Foods"]


def test_total_counts_the_filtered_rows(session, executive, ids):
    page = search_contacts(session, executive, ContactQuery(state="GUJARAT"))
    assert (page.total, page.pages) == (2, 1)
