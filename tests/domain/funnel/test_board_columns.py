"""The board's columns: every stage shown, totals from the database with the
board's filters, the first 50 cards and the next ones on demand."""
from sqlmodel import select

from hoffice_app.domain.funnel import BoardFilter, board, column_totals
from hoffice_app.models import FunnelStage, Lead
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine, master_id, new_lead, titles  # noqa: F401


def _funnel(session):
    return session.exec(select(FunnelStage)).first().funnel_id


def _board(session, now, who="E01", **filters):
    heads, cards = board.board(session, actor(session, who), _funnel(session), BoardFilter(**filters), now=now)
    return {h.name: h for h in heads}, {h.name: [c.title for c in col] for h, col in zip(heads, cards)}


def test_every_stage_is_a_column_even_when_empty(session, now):
    heads, cards = _board(session, now)
    assert list(heads) == ["New Inquiry", "Contacted", "Demo Scheduled", "Proposal Sent", "Negotiation", "Won", "Lost"]
    assert all(h.count == 0 for h in heads.values()) and all(c == [] for c in cards.values())


def test_count_comes_from_the_database_and_cards_page_by_fifty(session, now):
    for n in range(60):
        new_lead(session, now, f"lead {n:02}", value="1,000")
    heads, cards = _board(session, now)
    first = heads["New Inquiry"]
    assert (first.count, first.value, first.weighted) == (60, "₹60,000", "₹6,000")
    assert len(cards["New Inquiry"]) == 50
    more = board.more_cards(session, actor(session, "E01"), first.stage_id, BoardFilter(), now=now, offset=50,
                            matches=first.count)
    assert len(more) == 10 and not {c.title for c in more} & set(cards["New Inquiry"])


def test_a_refresh_keeps_a_column_at_its_loaded_length(session, now):
    for n in range(55):
        new_lead(session, now, f"lead {n:02}")
    heads, cards = board.board(session, actor(session, "E01"), _funnel(session), now=now,
                               shown={session.exec(select(Lead.stage_id)).first(): 55})
    assert len(cards[0]) == 55


def test_filters_narrow_cards_and_totals_alike(session, now):
    new_lead(session, now, "urgent for Neha", assigned_to="E03", priority="Urgent", value="500")
    new_lead(session, now, "low for Ravi", assigned_to="E02", priority="Low", value="700", followers=("E03",))
    new_lead(session, now, "printer", assigned_to="E04", category="Hardware", products=("Barcode Printer",),
             source=("campaign", str(master_id(session, "campaign", "Website"))))
    urgent = master_id(session, "lead_priority", "Urgent")
    heads, cards = _board(session, now, priority_id=str(urgent))
    assert cards["New Inquiry"] == ["urgent for Neha"] and heads["New Inquiry"].value == "₹500"
    assert _board(session, now, "E03", mine=True)[1]["New Inquiry"] == ["urgent for Neha"]
    assert _board(session, now, "E03", following=True)[1]["New Inquiry"] == ["low for Ravi"]
    product = master_id(session, "product", "Barcode Printer")
    assert _board(session, now, product_id=str(product))[1]["New Inquiry"] == ["printer"]
    assert _board(session, now, source_kind="campaign")[1]["New Inquiry"] == ["printer"]


def test_an_executive_sees_only_leads_they_may_see(session, now):
    new_lead(session, now, "Neha's", assigned_to="E03", value="100")
    new_lead(session, now, "Kiran's", assigned_to="E04", value="900")
    heads, cards = _board(session, now, "E03")
    assert cards["New Inquiry"] == ["Neha's"]
    assert (heads["New Inquiry"].count, heads["New Inquiry"].value) == (1, "₹100")


def test_lead_list_filters_by_stage(session, now):
    lead = new_lead(session, now, "moved on")
    new_lead(session, now, "still new")
    contacted = session.exec(select(FunnelStage).where(FunnelStage.name == "Contacted")).one()
    lead.stage_id = contacted.id
    session.add(lead)
    session.flush()
    assert titles(session, "E01", now, stage_id=str(contacted.id)) == {"moved on"}


def test_stage_options_name_the_funnel_once_there_are_several(session, now):
    from hoffice_app.domain.funnel import admin as funnel_admin

    assert board.stage_options(session, actor(session, "E01"))[0].label == "New Inquiry"
    funnel_admin.create_funnel(session, actor(session, "E01"), "Dealers")
    labels = [o.label for o in board.stage_options(session, actor(session, "E01"))]
    assert labels[0] == "Sales Funnel · New Inquiry" and "Dealers · Won" in labels


def test_walking_and_collecting_a_column_give_the_same_page(session, now):
    """column_cards picks one of two query shapes by cost; both must find the same cards."""
    for n in range(30):
        new_lead(session, now, f"lead {n:02}", assigned_to="E03" if n % 3 else "E04",
                 products=("Barcode Printer",) if n % 2 else (), category="Hardware")
    neha = actor(session, "E03")
    stage = session.exec(select(FunnelStage).where(FunnelStage.name == "New Inquiry")).one()
    product = str(master_id(session, "product", "Barcode Printer"))
    for f in (BoardFilter(), BoardFilter(mine=True), BoardFilter(product_id=product)):
        def page(**shape):
            return [c.title for c in board.column_cards(session, stage, f, neha, now=now, offset=3, limit=5, **shape)]
        walked, collected = page(), page(matches=1, stage_rows=10_000)
        assert walked == collected and len(walked) == 5


def test_a_common_product_is_walked_and_a_rare_match_collected(session, now):
    """The cost rule: walking reads about need × rows / matches rows; collecting reads every entry
    of the stage and first lists the filter's product leads. A product on half the leads makes the
    list the dearer part, so a column 5 % of whose leads match is walked; 20 matches in a stage
    of 40,000 are collected, as a walk would read the whole stage for them."""
    for n in range(40):
        new_lead(session, now, f"lead {n:02}", products=("Barcode Printer",) if n % 2 else (), category="Hardware")
    listed = board.product_leads(session, BoardFilter(product_id=str(master_id(session, "product", "Barcode Printer"))))
    assert listed == 20
    assert not board.collects(matches=2, stage_rows=40, need=1, listed=listed)
    assert board.collects(matches=1, stage_rows=40, need=1, listed=listed)
    assert board.collects(matches=20, stage_rows=40_000, need=50)
    assert not board.collects(matches=2_000, stage_rows=40_000, need=50)


def test_totals_read_by_the_product_list_equal_the_scanned_ones(session, now):
    """A product on few of the funnel's leads is totalled by reading its leads by id (the funnel
    term kept off the index); both ways count and sum the same leads."""
    for n in range(12):
        new_lead(session, now, f"lead {n:02}", value="1,000", assigned_to="E03" if n % 3 else "E04",
                 products=("Barcode Printer",) if n % 2 else (), category="Hardware")
    neha = actor(session, "E03")
    f = BoardFilter(product_id=str(master_id(session, "product", "Barcode Printer")))
    cond = board.where(session, neha, f, now=now)
    scanned = column_totals(session, neha, _funnel(session), where=cond)
    by_list = column_totals(session, neha, _funnel(session), where=cond, listed=0)
    assert [(t.count, t.value) for t in by_list] == [(t.count, t.value) for t in scanned]
    assert scanned[0].count == 4 and scanned[0].value == 4000
