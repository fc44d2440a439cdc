"""A live board applying news of moves by itself (pages/funnel/news.py with
domain/funnel/news.py) ends up showing exactly what a fresh read of the board shows,
for every kind of viewer and filter: the lead lands on their board only if it is
theirs to see and matches their filters, the two columns' counts and values move,
a private contact reads "Private contact" to those it is not shared with (and a contact
mapped to a division to those outside it) — and
news a board has already seen (its own move, a refresh that read it) changes nothing.
"""
from __future__ import annotations

import queue
import random
from datetime import timedelta

import pytest
from sqlmodel import Session, select

from hoffice_app.domain import live
from hoffice_app.domain.funnel import BoardFilter, board_totals, heads, move_lead, move_news, viewer
from hoffice_app.domain.masters import settings
from hoffice_app.models import FunnelStage, Lead
from hoffice_app.pages.funnel.news import BoardNews
from hoffice_app.pages.funnel.rows import card_rows
from tests.contact_factory import make_divisional, make_private, master_id
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine, new_lead  # noqa: F401


class OpenBoard:
    """What one viewer's open board holds, with BoardNews's own methods applying news."""

    _apply_move = BoardNews.__dict__["_apply_move"]
    _shows = BoardNews.__dict__["_shows"]

    def __init__(self, session, who: str, funnel_id: int, f: BoardFilter, now):
        self.who, self.f, self.funnel_id, self.now = who, f, funnel_id, now
        self.read(session)

    def _filter(self) -> BoardFilter:
        return self.f

    def read(self, session) -> None:
        """What BoardState._refresh does."""
        person = actor(session, self.who)
        self._viewer, self._currency = viewer(session, person), settings.get(session, "default_currency")
        self._totals, cards = board_totals(session, person, self.funnel_id, self.f, now=self.now)
        self.heads = heads(self._totals, self._currency)
        self._stage_ids, self._shown = [h.stage_id for h in self.heads], {}
        for i, column in enumerate(cards):
            setattr(self, f"col_{i}", card_rows(column))

    def columns(self) -> list[list[list[str]]]:
        return [getattr(self, f"col_{i}") for i in range(len(self._stage_ids))]


VIEWERS = [("E01", BoardFilter()), ("E02", BoardFilter()), ("E03", BoardFilter()), ("E05", BoardFilter()),
           ("E01", BoardFilter(mine=True)), ("E04", BoardFilter(following=True)),
           ("E02", BoardFilter(priority_id="High")), ("E01", BoardFilter(product_id="Biometric Device")),
           ("E02", BoardFilter(assigned_to_id="E04")), ("E01", BoardFilter(source_kind="employee"))]


def _ids(session, f: BoardFilter) -> BoardFilter:
    """The filter with names (readable above) turned into the ids the board's filter holds."""
    out = BoardFilter(mine=f.mine, following=f.following, source_kind=f.source_kind)
    if f.priority_id:
        out.priority_id = str(master_id(session, "lead_priority", f.priority_id))
    if f.product_id:
        out.product_id = str(master_id(session, "product", f.product_id))
    if f.assigned_to_id:
        out.assigned_to_id = str(actor(session, f.assigned_to_id).id)
    return out


@pytest.fixture
def funnel(engine, demo, now):
    """Leads of every shape in the Sales Funnel, committed."""
    with Session(engine) as s:
        secret = make_private(s, actor(s, "E01"), now, "Secret Client", shared_with=("E03",))
        corp = make_divisional(s, actor(s, "E01"), now, "Corp Client", outsiders=("E04", "E05"))
        shapes = [dict(assigned_to="E03", value="1000", priority="High"),
                  dict(assigned_to="E04", followers=("E05",), category="Hardware", products=("Biometric Device",),
                       value="250.50"),
                  dict(assigned_to="E05", created_by="E03", priority="Low"),
                  dict(assigned_to=None, value="99"),
                  dict(assigned_to="E01", category="Hardware", products=("Biometric Device", "Barcode Printer"),
                       priority="High"),
                  dict(assigned_to="E03", contact=secret, value="5000"),
                  dict(assigned_to="E04", contact=secret, followers=("E04",)),
                  dict(assigned_to="E02", source=("employee", str(actor(s, "E03").id))),
                  dict(assigned_to="E05", contact=corp, value="700"),
                  dict(assigned_to="E03", contact=corp, followers=("E04",))]
        for n, shape in enumerate(shapes * 2):
            new_lead(s, now, f"Lead {n:02}", **shape)
        s.commit()
    return s


def test_boards_applying_news_show_what_a_fresh_read_shows(engine, funnel, now):
    rng = random.Random(14)
    with Session(engine) as s:
        funnel_id = s.exec(select(Lead.funnel_id)).first()
        stages = [st.id for st in s.exec(select(FunnelStage).where(FunnelStage.funnel_id == funnel_id,
                                                                   FunnelStage.kind == "open"))]
        boards = [OpenBoard(s, who, funnel_id, _ids(s, f), now) for who, f in VIEWERS]
        got, listener = queue.Queue(), live.Listener(engine)
        listener.subscribe(live.FUNNEL, got.put)
        assert listener.wait_ready(10)
        try:
            leads = s.exec(select(Lead)).all()
            moves = 0
            for step in range(30):
                lead = rng.choice(leads)
                target = rng.choice([st for st in stages if st != lead.stage_id])
                move_lead(s, actor(s, "E01"), lead.id, target, expected_version=lead.version,
                          now=now + timedelta(seconds=step))  # moves are apart in time, as people are
                s.commit()
                moves += 1
                if step in (5, 12):  # the mover's own board after its move; a refresh ahead of news on its way
                    refreshed = boards[0 if step == 5 else 1]
                    refreshed.now = now + timedelta(seconds=step + 0.5)
                    refreshed.read(s)
            news = [got.get(timeout=10) for _ in range(moves)]
        finally:
            listener.stop()
        for board in boards:
            for piece in news + news[::3]:  # news seen twice (the mover's board applies its own move first)
                board._apply_move(piece.data)
        for board, (who, f) in zip(boards, VIEWERS):
            fresh = OpenBoard(s, who, funnel_id, _ids(s, f), now + timedelta(minutes=1))
            assert board.heads == fresh.heads, (who, f)
            assert board.columns() == fresh.columns(), (who, f)


def test_news_of_a_lead_the_viewer_may_not_see_changes_nothing(engine, funnel, now):
    with Session(engine) as s:
        funnel_id = s.exec(select(Lead.funnel_id)).first()
        lead = s.exec(select(Lead).where(Lead.title == "Lead 00")).one()  # E03's lead: not Priya's (E05)
        target = s.exec(select(FunnelStage).where(FunnelStage.name == "Contacted")).one()
        priya = OpenBoard(s, "E05", funnel_id, BoardFilter(), now)
        before = (list(priya.heads), priya.columns())
        move_lead(s, actor(s, "E01"), lead.id, target.id, expected_version=lead.version, now=now)
        priya._apply_move(move_news(s, lead, lead.stage_id, now=now).data)
        assert (priya.heads, priya.columns()) == before
