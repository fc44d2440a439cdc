"""A bulk action on "all N matching this filter" reads the matching ids a page at a time, by
id: the same leads the list counts, only those the actor may see."""
from hoffice_app.domain.leads import LeadQuery, matching_ids, search_leads
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine, new_lead  # noqa: F401


def test_pages_of_ids_cover_exactly_what_the_list_counts(session, now, demo):
    mine = [new_lead(session, now, f"solar {n}", assigned_to="E03").id for n in range(7)]
    new_lead(session, now, "wind", assigned_to="E03")
    query = LeadQuery(view="open", text="solar")
    admin = actor(session, "E01")
    found, after = [], 0
    while page := matching_ids(session, admin, query, now=now, after=after, limit=3):
        assert len(page) <= 3
        found += page
        after = page[-1]
    assert found == sorted(mine)
    assert len(found) == search_leads(session, admin, query, now=now).total


def test_only_leads_the_actor_may_see(session, now, demo):
    new_lead(session, now, "solar for Neha", assigned_to="E03")
    theirs = new_lead(session, now, "solar for Ravi", assigned_to="E02")
    assert matching_ids(session, actor(session, "E02"), LeadQuery(view="mine"), now=now) == [theirs.id]
