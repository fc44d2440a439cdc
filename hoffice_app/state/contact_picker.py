"""Find a contact by name, alias, code or phone and pick it: the state behind every contact
picker of a page (components/contact_picker.py draws them).

A mixin. A page may hold several pickers (the lead form: its contact, the source, external
followers, each contact-type custom field); they share one search, ``picker_target`` naming
the one being typed in. The search is ``contacts.pick_contacts``, which applies the actor's
visibility clause: a private contact the actor may not see is never offered. Picking takes
the contact from the results the server found, not from what the browser sends, and hands it
to the page's ``_contact_picked(target, option)``; the page's save checks it again.

Keys: ↓ ↑ move through the results, Enter picks the highlighted one, Escape closes them.
"""
from __future__ import annotations

import reflex as rx

from hoffice_app.db import unit_of_work
from hoffice_app.domain.common import Option
from hoffice_app.domain.contacts import pick_contacts

MIN_TEXT = 2  # fewer letters find too much to be useful
LIMIT = 8


class ContactPicker(rx.State, mixin=True):
    picker_target: str = ""  # the picker being typed in ("" when none)
    picker_text: str = ""
    picker_results: list[Option] = []
    picker_active: int = 0  # the result Enter picks
    picker_searched: bool = False  # a search ran: an empty result says so

    def reset_picker(self) -> None:
        self.picker_target, self.picker_text, self.picker_results = "", "", []
        self.picker_active, self.picker_searched = 0, False

    def _picker_kind(self, session, target: str) -> int | None:
        """The contact type a picker is limited to (None: any); a page overrides it."""
        return None

    def _picker_exclude(self, target: str) -> int | None:
        """A contact a picker never offers (None: none); a page overrides it (a contact's own
        page: the contact itself)."""
        return None

    def _contact_picked(self, target: str, option: Option):
        """What choosing ``option`` ("Name · C000123", value the code) in ``target`` does; the
        page's own. May return events."""
        raise NotImplementedError(target)

    @rx.event
    def search_picker(self, target: str, text: str):
        self.picker_target, self.picker_text, self.picker_active = target, text, 0
        if len(text.strip()) < MIN_TEXT:
            self.picker_results, self.picker_searched = [], False
            return
        with unit_of_work() as session:
            actor = self.require_actor()
            self.picker_results = pick_contacts(session, actor, text, limit=LIMIT,
                                                kind_id=self._picker_kind(session, target),
                                                exclude_id=self._picker_exclude(target))
        self.picker_searched = True

    @rx.event
    def picker_key(self, target: str, key: str):
        """↓ ↑ move through the results, Enter picks the highlighted one, Escape closes them."""
        if target != self.picker_target:
            return
        count = len(self.picker_results)
        if key == "ArrowDown" and count:
            self.picker_active = (self.picker_active + 1) % count
        elif key == "ArrowUp" and count:
            self.picker_active = (self.picker_active - 1) % count
        elif key == "Enter" and count:
            return self.pick(self.picker_results[min(self.picker_active, count - 1)].value)
        elif key == "Escape":
            self.picker_results, self.picker_searched = [], False

    @rx.event
    def pick(self, code: str):
        """One of the results just found (anything else is ignored: the browser cannot name a
        contact the search did not offer)."""
        option = next((o for o in self.picker_results if o.value == code), None)
        target = self.picker_target
        if option is None:
            return
        self.reset_picker()
        return self._contact_picked(target, option)
