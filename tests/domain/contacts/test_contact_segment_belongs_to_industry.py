"""The segment must be one of the chosen industry's segments."""
from hoffice_app.domain.contacts import contact_detail
from tests.contact_factory import contact_data, demo, engine, make_contact, master_id, refused  # noqa: F401  (fixtures: a copy of one seeded database)

MISMATCH = {"segment_id": "That segment does not belong to the chosen industry."}


def test_segment_of_another_industry_refused(session, executive, now):
    data = contact_data(session, industry_id=str(master_id(session, "industry", "Manufacturing")),
                        segment_id=str(master_id(session, "segment", "Banking")))
    assert refused(session, executive, now, data) == MISMATCH


def test_segment_without_industry_refused(session, executive, now):
    data = contact_data(session, segment_id=str(master_id(session, "segment", "Banking")))
    assert refused(session, executive, now, data) == MISMATCH


def test_matching_segment_saved(session, executive, now):
    contact = make_contact(session, executive, now, industry_id=str(master_id(session, "industry", "Finance")),
                           segment_id=str(master_id(session, "segment", "Banking")))
    values = contact_detail(session, executive, contact.code).values
    assert (values["Industry"], values["Segment"]) == ("Finance", "Banking")


def test_industry_must_be_an_industry(session, executive, now):
    data = contact_data(session, industry_id=str(master_id(session, "segment", "Banking")))
    assert refused(session, executive, now, data) == {"industry_id": "Choose the industry from the list."}
