"""Lead insights counted by hand: created, won and lost in the period (its last minute in, the
next one out), win rate, value won in the company's format, breakdowns by source sub-choice
and product (a lead with two products counts under each), lost reasons, weeks, the funnel."""
from datetime import timedelta

import pytest

from hoffice_app.domain import insights
from tests.contact_factory import HIDDEN_BY, make_hidden
from tests.domain.insights.fixtures import APRIL_START, MARCH_START, NOW, actor, make_lead, master_id, move, utc, views
from tests.lead_factory import demo, engine  # noqa: F401

MINUTE = timedelta(minutes=1)


def _lead(session, who, at, title, value, *, campaign="Google Ads", products=("Biometric Device",)):
    return make_lead(session, who, at, title=title, assigned_to="E03", estimated_value=str(value),
                     source_kind="campaign", source_ref=str(master_id(session, "campaign", campaign)),
                     product_category_id=str(master_id(session, "product_category", "Hardware")),
                     product_ids=[str(master_id(session, "product", p)) for p in products])


def _history(session):
    admin = actor(session, "E01")
    reason = str(master_id(session, "lost_reason", "Price too high"))
    won = _lead(session, admin, MARCH_START, "won in March", 10678400, products=("Biometric Device", "Barcode Printer"))
    move(session, admin, won, "Contacted", utc(2026, 3, 3, 5, 0))
    move(session, admin, won, "Won", APRIL_START - MINUTE)  # 31 Mar 23:59 IST
    late = _lead(session, admin, MARCH_START - MINUTE, "won in April", 50000, campaign="Website")  # created 28 Feb
    move(session, admin, late, "Won", APRIL_START)
    lost = _lead(session, admin, utc(2026, 3, 9, 5, 0), "lost in March", 20000, campaign="Website")
    move(session, admin, lost, "Lost", utc(2026, 3, 12, 5, 0), lost_reason_id=reason)
    _lead(session, admin, utc(2026, 3, 16, 5, 0), "still open", 1000)
    session.commit()


def _insights(session, who=None):
    who = who or actor(session, "E02")
    view, when = views(session, who)
    return insights.lead_insights(session, who, view, when, now=NOW)


def test_created_won_lost_and_value(session):
    _history(session)
    total = _insights(session).totals
    assert (total.created.value, total.won.value, total.lost.value, total.win_rate) == (3, 1, 1, "50%")
    assert total.value_won == "₹1,06,78,400"


def test_breakdown_by_source_kind_then_campaign(session):
    _history(session)
    source = _insights(session).breakdowns["source"]
    rows = [(r.depth, r.label, r.created.value, r.won.value, r.lost.value) for r in source]
    assert rows == [(0, "Campaign", 3, 1, 1), (1, "Google Ads", 2, 1, 0), (1, "Website", 1, 0, 1)]


@pytest.mark.parametrize("by", HIDDEN_BY)  # private to E03, or in a division E03 is in and E04 is not
def test_a_referring_contact_the_viewer_may_not_see_reads_private_contact(session, by):
    admin = actor(session, "E01")
    referrer = make_hidden(session, admin, MARCH_START, "Zephyr Referrals", by)
    make_lead(session, admin, utc(2026, 3, 10, 5, 0), title="referred", assigned_to="E04", source_kind="contact",
              source_ref=referrer.code)
    session.commit()

    def labels(code):
        return [r.label for r in _insights(session, actor(session, code)).breakdowns["source"]]

    assert labels("E04") == ["Contact", "Private contact"]
    assert labels("E01") == ["Contact", "Zephyr Referrals"]


def test_a_lead_with_two_products_counts_under_each(session):
    _history(session)
    rows = {r.label: (r.created.value, r.won.value) for r in _insights(session).breakdowns["product"]}
    assert rows == {"Biometric Device": (3, 1), "Barcode Printer": (1, 1)}


def test_lost_reasons_and_weeks(session):
    _history(session)
    result = _insights(session)
    assert [(r.label, r.count.value, r.share) for r in result.lost_reasons] == [("Price too high", 1, "100%")]
    weeks = [(w.label, w.created.value, w.won.value) for w in result.weeks]
    assert weeks[0] == ("23 Feb", 1, 0)  # 1 Mar IST is a Sunday: its week began on 23 Feb
    assert weeks[-1] == ("30 Mar", 0, 1) and sum(w[1] for w in weeks) == 3


def test_the_funnel_counts_who_reached_each_stage(session):
    _history(session)
    manager = actor(session, "E02")
    view, when = views(session, manager)
    stages = {s.name: s for s in insights.funnel_insights(session, manager, view, when, now=NOW).stages}
    assert stages["New Inquiry"].reached.value == 3  # everything created in March started there
    assert stages["Contacted"].reached.value == 1 and stages["Won"].reached.value == 1
    assert stages["New Inquiry"].conversion == "33%"
    assert stages["Contacted"].left.value == 1 and stages["Contacted"].avg_days != "—"


def test_a_lead_with_products_of_two_categories_counts_once_under_its_main_category(session):
    """By product category a lead counts once, under its one category (the chosen one a product
    is of, else the first product's); by product it counts under each product. Every number's
    list holds as many leads."""
    from urllib.parse import parse_qsl, urlsplit

    from hoffice_app.domain.leads import LeadQuery, search_leads

    admin = actor(session, "E01")
    make_lead(session, admin, utc(2026, 3, 5, 5, 0), title="both", assigned_to="E03",
              product_category_id=str(master_id(session, "product_category", "CRM Software")),
              product_lines=[{"product_id": str(master_id(session, "product", p)), "quantity": "1"}
                             for p in ("Training", "Barcode Printer")])
    _lead(session, admin, utc(2026, 3, 6, 5, 0), "hardware only", 100)
    session.commit()
    result = _insights(session)
    categories = {r.label: r.created for r in result.breakdowns["category"]}
    assert {k: c.value for k, c in categories.items()} == {"Services": 1, "Hardware": 1}
    assert sum(c.value for c in categories.values()) == result.totals.created.value == 2
    products = {r.label: r.created.value for r in result.breakdowns["product"]}
    assert products == {"Training": 1, "Barcode Printer": 1, "Biometric Device": 1}
    who = actor(session, "E02")
    for row in [*result.breakdowns["category"], *result.breakdowns["product"]]:
        drill = insights.from_params(dict(parse_qsl(urlsplit(row.created.link).query)))
        listed = search_leads(session, who, LeadQuery(view="all", drill=drill.encode()), now=NOW).total
        assert listed == row.created.value, row.label
