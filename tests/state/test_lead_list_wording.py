"""The lead list's words (pages/leads/list_state.py): counts in the company's word for a lead,
singular for one, and what a saved view is compared by to say it is "Modified"."""
from hoffice_app.pages.leads.list_state import matching_text, view_values


def test_one_lead_two_leads_in_the_company_word():
    assert matching_text(1, "Lead", "Leads") == "1 lead"
    assert matching_text(2, "Lead", "Leads") == "2 leads"
    assert matching_text(0, "Lead", "Leads") == "0 leads"
    assert matching_text(1, "Inquiry", "Inquiries") == "1 inquiry"
    assert matching_text(1234, "Inquiry", "Inquiries") == "1,234 inquiries"


def test_a_saved_view_is_compared_without_blank_or_any_filters():
    shown = {"status_id": "all", "priority_id": "3,5", "source_ref": "", "view": "all", "text": "", "sort": "-value",
             "page": "2"}
    assert view_values(shown) == {"priority_id": "3,5", "view": "all", "sort": "-value"}  # the quick view "all" stays
