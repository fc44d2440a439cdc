"""A board card whose lead a revoke policy counts down on says so in a short line ("Revoked in
5 h"); other cards say nothing, and "load more" cards are marked the same way."""
from datetime import timedelta

from sqlmodel import select

from hoffice_app.domain.funnel import BoardFilter, board
from hoffice_app.models import FunnelStage
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine  # noqa: F401
from tests.domain.policies.helpers import assigned_lead, policy

H = timedelta(hours=1)


def _cards(session, now):
    funnel = session.exec(select(FunnelStage)).first().funnel_id
    _heads, cards = board.board(session, actor(session, "E01"), funnel, BoardFilter(), now=now)
    return {c.title: c.revoke_in for column in cards for c in column}


def test_a_card_in_a_warning_window_shows_when_it_is_revoked(session, now, demo):
    policy(session, now, threshold="48", warn="24")
    assigned_lead(session, now - 43 * H, "Late one")
    assigned_lead(session, now - 2 * H, "Fresh one")
    assert _cards(session, now) == {"Late one": "Revoked in 5 h", "Fresh one": ""}


def test_no_policy_no_countdown_and_more_cards_are_marked_too(session, now, demo):
    assigned_lead(session, now - 43 * H, "Late one")
    assert _cards(session, now) == {"Late one": ""}
    policy(session, now, threshold="48", warn="24")
    stage = session.exec(select(FunnelStage).order_by(FunnelStage.position)).first()
    more = board.more_cards(session, actor(session, "E01"), stage.id, BoardFilter(), now=now, offset=0, matches=1)
    assert [c.revoke_in for c in more] == ["Revoked in 5 h"]


def test_the_short_line_drops_the_unless():
    assert board.short_countdown("Revoked in 5 h unless a follow-up is completed") == "Revoked in 5 h"
    assert board.short_countdown("Being revoked now") == "Being revoked now"
