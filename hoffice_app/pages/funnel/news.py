"""A board applying news of a move by itself, without the database.

A mixin of BoardState (its vars are the board's). ``_viewer``, ``_totals`` and
``_currency`` (the company's, for the headers' amounts) are read with the board; a
move's news then shifts the two columns' totals and cards in memory when the lead is on
this viewer's board (domain/funnel/news.py decides), and re-sends only what changed:
the headers and the two columns.
"""
from __future__ import annotations

import reflex as rx

from hoffice_app.domain.funnel import StageTotals, Viewer, card_for, heads, shifted
from hoffice_app.pages.funnel.rows import ID, VERSION, card_row


class BoardNews(rx.State, mixin=True):
    _viewer: Viewer | None = None
    _totals: list[StageTotals] = []
    _currency: str = "INR"

    def _shows(self, lead_id: int, version: int) -> bool:
        """Whether the board already shows the lead at ``version`` or later (the mover's
        own board, or a refresh that read the move before its news arrived)."""
        wanted = str(lead_id)
        for i in range(len(self._stage_ids)):
            for row in getattr(self, f"col_{i}"):
                if row[ID] == wanted and int(row[VERSION]) >= version:
                    return True
        return False

    def _apply_move(self, data: dict) -> None:
        if self._viewer is None:
            return
        card = card_for(data, self._viewer, self._filter())
        if card is None or self._shows(data["lead"], data["version"]):
            return
        self._totals = shifted(self._totals, data)
        fresh = heads(self._totals, self._currency)
        if fresh != self.heads:
            self.heads = fresh
        wanted, shown = str(data["lead"]), dict(self._shown)
        for i, stage_id in enumerate(self._stage_ids):
            slot = f"col_{i}"
            rows = getattr(self, slot)
            kept = [row for row in rows if row[ID] != wanted]
            if stage_id == data["to"]:
                kept.insert(0, card_row(card))
            if kept != rows:
                setattr(self, slot, kept)
                if stage_id in shown:
                    shown[stage_id] = len(kept)
        self._shown = shown
