"""The board's custom select filter narrows its totals and its cards alike."""
from sqlmodel import select

from hoffice_app.domain import customfields as cf
from hoffice_app.domain.funnel import BoardFilter, board
from hoffice_app.models import FunnelStage
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine, new_lead  # noqa: F401


def test_a_select_field_filter_narrows_totals_and_cards(session, now):
    admin = actor(session, "E01")
    cf.add_field(session, admin, "lead", cf.FieldSpec(label="Industry", kind="select",
                                                      options=["Retail", "Wholesale"]), now=now)
    for title, industry, value in (("shop", "Retail", "1000"), ("depot", "Wholesale", "5000"), ("blank", "", "7")):
        lead = new_lead(session, now, title, value=value)
        if industry:
            cf.write_values(session, admin, "lead", lead.id, {"cf_industry": industry}, creating=False)
    funnel_id = session.exec(select(FunnelStage).where(FunnelStage.name == "New Inquiry")).one().funnel_id
    retail = cf.encode_filters([cf.CustomFilter("industry", "any_of", "Retail")])
    heads, cards = board.board(session, admin, funnel_id, BoardFilter(custom=retail), now=now)
    new = next(i for i, h in enumerate(heads) if h.name == "New Inquiry")
    assert (heads[new].count, heads[new].value) == (1, "₹1,000")
    assert [c.title for c in cards[new]] == ["shop"]
