"""A card moved into a column is on that column's first page at once, for the
mover and for every other viewer, however many newer leads the column holds:
columns are ordered by when a lead entered the stage, not by its creation date
(an old lead dropped on a full column used to land beyond the first 50 cards
and vanish from view)."""
from datetime import timedelta

from sqlmodel import select

from hoffice_app.domain.funnel import PER_COLUMN, BoardFilter, board, column_cards
from hoffice_app.domain.funnel import moves as pipeline
from hoffice_app.models import FunnelStage
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine, new_lead  # noqa: F401


def _stage(session, name):
    return session.exec(select(FunnelStage).where(FunnelStage.name == name)).one()


def _full_column_and_an_old_lead(session, now):
    """Contacted holds PER_COLUMN + 5 leads created after the old lead (all assigned to E03)."""
    admin, contacted = actor(session, "E01"), _stage(session, "Contacted")
    old = new_lead(session, now, "old lead", assigned_to="E03", created_at=now - timedelta(days=90))
    for n in range(PER_COLUMN + 5):
        created = now - timedelta(days=10, minutes=n)
        lead = new_lead(session, now, f"newer {n:02}", assigned_to="E03", created_at=created)
        pipeline.move_lead(session, admin, lead.id, contacted.id, expected_version=1, now=now - timedelta(hours=1))
    return old, contacted


def _first_page(session, who, now, stage_name):
    heads, cards = board.board(session, actor(session, who), _stage(session, stage_name).funnel_id, now=now)
    return next([c.title for c in col] for h, col in zip(heads, cards) if h.name == stage_name)


def test_an_old_lead_moved_into_a_full_column_is_its_first_card_for_every_viewer(session, now):
    old, contacted = _full_column_and_an_old_lead(session, now)
    pipeline.move_lead(session, actor(session, "E01"), old.id, contacted.id, expected_version=1, now=now)
    for who in ("E01", "E03"):  # the mover (administrator) and the executive who owns the lead
        assert _first_page(session, who, now, "Contacted")[0] == "old lead"


def test_a_column_walked_in_order_shows_the_moved_lead_first_and_pages_without_repeats(session, now):
    old, contacted = _full_column_and_an_old_lead(session, now)
    pipeline.move_lead(session, actor(session, "E01"), old.id, contacted.id, expected_version=1, now=now)
    neha = actor(session, "E03")
    first = column_cards(session, contacted, BoardFilter(), neha, now=now)  # no counts: walks the stage in order
    rest = column_cards(session, contacted, BoardFilter(), neha, now=now, offset=PER_COLUMN)
    assert first[0].title == "old lead" and first[0].days_in_stage == 0
    assert len(first) + len(rest) == PER_COLUMN + 6 and not {c.id for c in first} & {c.id for c in rest}

