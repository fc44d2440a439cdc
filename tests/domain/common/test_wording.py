"""The company's word for a lead: plural, capitals, "a"/"an", and the domain's messages."""
from hoffice_app.domain.common import DomainError, ValidationError, wording

INQUIRY = wording.Terms("Inquiry", "Inquiries")


def test_say_keeps_number_capitals_and_the_article():
    assert wording.say("No leads here. A lead's title", INQUIRY) == "No inquiries here. An inquiry's title"
    assert wording.say("All Open Leads · Lead type", INQUIRY) == "All Open Inquiries · Inquiry type"
    assert wording.say("take a lead", wording.Terms("Deal", "Deals")) == "take a deal"
    assert wording.say("the lead-title master; leading", INQUIRY) == "the inquiry-title master; leading"
    assert wording.say("No leads", wording.DEFAULT) == "No leads"


def test_split_cuts_at_the_lead_words():
    assert wording.split("No leads, a Lead") == ["No ", ("", "leads"), ", ", ("a", "Lead")]


def test_domain_messages_read_in_the_terms_of_the_request():
    err = DomainError("No such lead, or it is not shared with you.")
    invalid = ValidationError({"title": "Enter the lead title."})
    wording.use("Opportunity", "Opportunities")
    try:
        assert str(err) == err.message == "No such opportunity, or it is not shared with you."
        assert invalid.errors == {"title": "Enter the opportunity title."}
    finally:
        wording.use("Lead", "Leads")
    assert err.message == "No such lead, or it is not shared with you."
