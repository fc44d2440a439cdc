"""The total value under the list sums the estimated value of every matching
lead, not only the rows on the page, and reads, like each row's value, in the
company's currency (₹ with lakh / crore grouping by default)."""
from hoffice_app.domain.masters import settings
from tests.domain.leads.test_lead_list_helpers import demo, engine, master_id, new_lead, page  # noqa: F401


def test_total_value_covers_all_pages(session, now, demo):  # noqa: F811
    for n in range(30):
        new_lead(session, now, f"lead {n}", value="10000")
    result = page(session, "E01", now, per_page=10, page=3)
    assert (result.total, len(result.rows), result.total_value) == (30, 10, "₹3,00,000")


def test_leads_without_value_count_but_add_nothing(session, now, demo):  # noqa: F811
    new_lead(session, now, "valued", value="250000")
    new_lead(session, now, "no value")
    result = page(session, "E01", now)
    assert (result.total, result.total_value) == (2, "₹2,50,000")
    assert {r.title: r.value for r in result.rows} == {"valued": "₹2,50,000", "no value": ""}


def test_total_value_follows_the_filters_and_view(session, now, demo):  # noqa: F811
    new_lead(session, now, "open lead", value="100000", status="Lead")
    new_lead(session, now, "open prospect", value="20000", status="Prospect")
    new_lead(session, now, "closed lead", value="5000000", status="Lead", is_open=False)
    lead_status = str(master_id(session, "lead_status", "Lead"))
    assert page(session, "E01", now, status_id=lead_status).total_value == "₹1,00,000"
    assert page(session, "E01", now, view="all", status_id=lead_status).total_value == "₹51,00,000"
    assert page(session, "E01", now, view="all").total_value == "₹51,20,000"


def test_paise_are_kept_when_there_are_any(session, now, demo):  # noqa: F811
    new_lead(session, now, "a", value="1500.50")
    new_lead(session, now, "b", value="1000.25")
    result = page(session, "E01", now)
    assert result.total_value == "₹2,500.75"
    assert {r.value for r in result.rows} == {"₹1,500.50", "₹1,000.25"}


def test_a_crore_and_more_is_written_in_full(session, now, demo):  # noqa: F811
    new_lead(session, now, "big", value="10000000")
    new_lead(session, now, "bigger", value="678400")
    result = page(session, "E01", now)
    assert result.total_value == "₹1,06,78,400"  # the list has room: no "₹1.07 Cr" here


def test_nothing_matching_totals_zero(session, now, demo):  # noqa: F811
    assert page(session, "E01", now).total_value == "₹0"


def test_rows_and_total_follow_the_company_currency(session, now, demo):  # noqa: F811
    new_lead(session, now, "a", value="1234567.5")
    settings.put(session, "default_currency", "USD")
    session.commit()
    result = page(session, "E01", now)
    assert (result.rows[0].value, result.total_value) == ("$1,234,567.50", "$1,234,567.50")
