"""The lead page's part of the revoke policies: the countdown ("Revoked in 5 h unless a follow-up
is completed"), the hold (managers and administrators switch it; everyone sees the badge) and
the lead's revokes with Undo (confirmed first). A mixin, so the page's ``_refresh`` reloads it
after every change (a completed follow-up stops the countdown)."""
from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import policies
from hoffice_app.domain.common import DomainError
from hoffice_app.domain.leads import zone
from hoffice_app.pages.leads import revoke_text

TARGET_WORDS = {"pool": "back to the pool", "employee": "to an employee", "manager": "to the assignee's manager",
                "rule": "through an assignment rule"}


@dataclass
class RevokeLine:
    id: int
    when: str
    by: str
    reason: str
    target: str
    leads: str  # "3 leads"
    undone: bool
    can_undo: bool


class LeadRevokes(rx.State, mixin=True):
    countdown: str = ""
    on_hold: bool = False
    revokes: list[RevokeLine] = []
    undo_open: bool = False
    undo_id: int = 0
    undo_text: str = ""

    @rx.var
    def can_hold(self) -> bool:
        return self.user_role in ("admin", "manager")

    def load_revokes(self, session, actor, lead_id: int) -> None:
        now = utcnow()
        found = policies.countdowns(session, [lead_id], now=now).get(lead_id)
        self.countdown = found.text if found else ""
        self.on_hold = policies.is_on_hold(session, actor, lead_id)
        tz = zone(session)
        self.revokes = [RevokeLine(
            id=r.id, when=r.at.astimezone(tz).strftime("%d %b %Y, %H:%M"), by=r.by, reason=r.reason,
            target=TARGET_WORDS.get(r.target, r.target), leads=revoke_text.count(r.lead_count, "lead", "leads"),
            undone=r.undone, can_undo=r.can_undo)
            for r in policies.revocations(session, actor, now=now, lead_id=lead_id, limit=10)]

    @rx.event
    def toggle_hold(self, on: bool):
        try:
            with unit_of_work() as session:
                actor = self.require_actor()
                policies.set_hold(session, actor, self.lead_id, on, now=utcnow())
                self._refresh(session, actor)
        except DomainError as err:
            return rx.toast.error(err.message)
        return rx.toast.success("On hold: revoke policies leave it alone." if on else "Hold released.")

    @rx.event
    def ask_undo(self, revocation_id: int, leads: str):
        self.undo_id, self.undo_open = revocation_id, True
        self.undo_text = (f"Undo this revoke? The {leads} in it that nobody changed since go back to their "
                          "former assignees, with the follow-ups that moved.")

    @rx.event
    def set_undo_open(self, value: bool):
        self.undo_open = value

    @rx.event
    def confirm_undo(self):
        try:
            with unit_of_work() as session:
                actor = self.require_actor()
                done = policies.undo(session, actor, self.undo_id, now=utcnow())
                self._refresh(session, actor)
        except DomainError as err:
            self.undo_open = False
            return rx.toast.error(err.message)
        self.undo_open = False
        return rx.toast.success(revoke_text.undo_note(done.put_back, done.left))
