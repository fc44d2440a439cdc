"""Amounts on the board in the company's currency: a column's header, narrow, in the
compact form (₹1.07 Cr · weighted ₹10.68 L), each card's value in full (₹1,06,78,400),
the same after a move's news as after a fresh read."""
from sqlmodel import select

from hoffice_app.domain.funnel import BoardFilter, board, board_totals, heads, move_lead_with_news, shifted
from hoffice_app.domain.masters import settings
from hoffice_app.models import FunnelStage
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine, new_lead  # noqa: F401


def _stage(session, name: str) -> FunnelStage:
    return session.exec(select(FunnelStage).where(FunnelStage.name == name)).one()


def _columns(session, now):
    heads_, cards = board.board(session, actor(session, "E01"), _stage(session, "New Inquiry").funnel_id,
                                BoardFilter(), now=now)
    return {h.name: h for h in heads_}, {h.name: {c.title: c.value for c in col} for h, col in zip(heads_, cards)}


def test_headers_compact_cards_in_full(session, now):
    new_lead(session, now, "big", value="10000000")
    new_lead(session, now, "smaller", value="678400")
    new_lead(session, now, "no value")
    head, cards = _columns(session, now)
    new = head["New Inquiry"]  # 10 %
    assert (new.value, new.weighted, new.probability) == ("₹1.07 Cr", "₹10.68 L", 10)
    assert cards["New Inquiry"] == {"big": "₹1,00,00,000", "smaller": "₹6,78,400", "no value": ""}
    assert (head["Contacted"].value, head["Contacted"].weighted) == ("₹0", "₹0")


def test_board_follows_the_company_currency(session, now):
    new_lead(session, now, "deal", value="12345678")
    settings.put(session, "default_currency", "USD")
    session.commit()
    head, cards = _columns(session, now)
    assert (head["New Inquiry"].value, head["New Inquiry"].weighted) == ("$12.35M", "$1.23M")
    assert cards["New Inquiry"] == {"deal": "$12,345,678"}


def test_headers_after_a_moves_news_read_as_a_fresh_board(session, now):
    lead = new_lead(session, now, "mover", value="10678400")
    new_lead(session, now, "stays", value="250000")
    admin = actor(session, "E01")
    funnel = _stage(session, "New Inquiry").funnel_id
    totals, _cards = board_totals(session, admin, funnel, now=now)
    contacted = _stage(session, "Contacted")
    _lead, news = move_lead_with_news(session, admin, lead.id, contacted.id, expected_version=lead.version, now=now)
    after_news = heads(shifted(totals, news.data), "INR")
    fresh, cards = board.board(session, admin, funnel, now=now)
    assert after_news == fresh
    assert {h.name: h.value for h in fresh if h.count} == {"New Inquiry": "₹2.5 L", "Contacted": "₹1.07 Cr"}
    assert news.data["card"]["value"] == "₹1,06,78,400"
