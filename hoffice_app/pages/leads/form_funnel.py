"""The lead form's Funnel: which funnel a new lead starts in.

A mixin of the lead form's state. The defaults (per lead type, per division, the company's:
domain/funnel/defaults.py) are read once with the form and kept backend-only, so choosing a
lead type or an assignee moves the funnel without a database round trip. As with the lead
type's default status, the form follows the defaults until its user picks a funnel by hand:
a choice made on purpose is never overwritten. An existing lead's funnel is shown, not
changed, here: the lead's page moves it ("Move to another funnel"), choosing the stage.
"""
from __future__ import annotations

import reflex as rx
from sqlmodel import Session

from hoffice_app.domain import funnel
from hoffice_app.domain.common import Actor, Option

# What the hint under the select says about where the funnel came from.
WHY = {"lead type": "The default funnel for this lead type.",
       "division": "The default funnel for the assignee's division.",
       "company": "The company's default funnel.", "first": ""}
# The form fields the default depends on.
FUNNEL_INPUTS = ("lead_type_id", "assigned_to_id", "created_by_id")


class LeadFunnelChoice(rx.State, mixin=True):
    funnel_options: list[Option] = []
    funnel_hint: str = ""
    _funnel_by_hand: bool = False
    _funnel_defaults: funnel.FunnelDefaults | None = None

    @rx.var
    def funnel_name(self) -> str:
        chosen = self.values.get("funnel_id", "")
        return next((o.label for o in self.funnel_options if o.value == chosen), "")

    def load_funnels(self, session: Session, actor: Actor) -> None:
        self.funnel_options = funnel.funnels(session, actor)
        self._funnel_defaults = funnel.funnel_defaults(session, actor)
        self._funnel_by_hand, self.funnel_hint = False, ""

    def follow_funnel_defaults(self) -> None:
        """A new lead's funnel from its type and assignee (or creator), unless picked by hand."""
        if self.editing_code or self._funnel_by_hand or self._funnel_defaults is None:
            return
        values = self.values
        chosen, why = funnel.choose_funnel(self._funnel_defaults, values.get("lead_type_id", ""),
                                           values.get("assigned_to_id") or values.get("created_by_id", ""))
        self.values = values | {"funnel_id": chosen}
        self.funnel_hint = self.say(WHY.get(why, ""))  # "… for this inquiry type."

    def funnel_picked(self) -> None:
        self._funnel_by_hand, self.funnel_hint = True, ""
