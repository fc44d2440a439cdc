"""The lead's page gives its estimated value in the company's currency, paise kept
("₹1,06,78,400.50"), while the form it opens for editing keeps the plain number."""
from hoffice_app.domain.leads import form_values, lead_detail
from hoffice_app.domain.masters import settings
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine, new_lead  # noqa: F401


def test_the_page_shows_the_value_in_full_and_the_form_the_plain_number(session, now, demo):  # noqa: F811
    lead = new_lead(session, now, "Turnkey plant", value="1,06,78,400.50")
    admin = actor(session, "E01")
    assert lead_detail(session, admin, lead.code).info["Estimated value"] == "₹1,06,78,400.50"
    assert form_values(session, admin, lead.code)["estimated_value"] == "10678400.5"
    settings.put(session, "default_currency", "USD")
    assert lead_detail(session, admin, lead.code).info["Estimated value"] == "$10,678,400.50"


def test_no_value_reads_blank(session, now, demo):  # noqa: F811
    lead = new_lead(session, now, "Just asking")
    assert lead_detail(session, actor(session, "E01"), lead.code).info["Estimated value"] == ""
