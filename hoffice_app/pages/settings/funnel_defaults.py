"""Settings → Funnels, "Where new leads start": the default funnel of the company, of each
lead type and of each division (domain/funnel/defaults.py says which wins). A mixin of the
funnels screen's state, so adding a funnel or switching one off refreshes these choices too.
Each choice is saved as it is made, like a lead type's default status."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.fields import NONE, choice
from hoffice_app.components.terms import say
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import funnel
from hoffice_app.domain.common import DomainError, Option, ValidationError
from hoffice_app.domain.masters import entries as masters


class FunnelDefaultsChoices(rx.State, mixin=True):
    default_funnels: list[Option] = []  # the active funnels
    company_funnel: str = ""
    type_rows: list[Option] = []
    division_rows: list[Option] = []
    type_funnels: dict[str, str] = {}
    division_funnels: dict[str, str] = {}
    default_error: str = ""

    def reload_defaults(self, session, actor) -> None:
        found = funnel.funnel_defaults(session, actor)
        self.default_funnels = funnel.funnels(session, actor)
        self.company_funnel, self.type_funnels, self.division_funnels = found.company, found.by_type, found.by_division
        self.type_rows = masters.options(session, actor, "lead_type")
        self.division_rows = masters.options(session, actor, "division")

    @rx.event
    def set_default_funnel(self, scope: str, entry_id: str, value: str):
        chosen = None if value in ("", NONE) else int(value)
        try:
            with unit_of_work() as session:
                actor = self.admin_or_refuse()
                funnel.set_funnel_default(session, actor, scope, int(entry_id or 0) or None, chosen, now=utcnow())
                self.reload_defaults(session, actor)
        except ValidationError as err:
            self.default_error = next(iter(err.errors.values()), err.message)
            return rx.toast.error(self.default_error)
        except DomainError as err:
            return rx.toast.error(err.message)
        self.default_error = ""
        name = next((o.label for o in self.default_funnels if o.value == value), "")
        return rx.toast.success(self.say(f"New leads start in {name}.") if name else "Default removed.")


def _row(S, o: Option, scope: str, chosen) -> rx.Component:
    return rx.table.row(
        rx.table.cell(o.label),
        rx.table.cell(rx.select.root(
            rx.select.trigger(aria_label=rx.Var.create("Default funnel for ") + o.label, width="100%"),
            rx.select.content(rx.select.item("— No default —", value=NONE),
                              rx.foreach(S.default_funnels, lambda f: rx.select.item(f.label, value=f.value))),
            value=rx.cond(chosen != "", chosen, NONE), on_change=lambda v: S.set_default_funnel(scope, o.value, v))))


def _table(S, caption: str, rows, scope: str, chosen, empty: str) -> rx.Component:
    return rx.vstack(
        rx.heading(say(caption), size="3", as_="h3"),
        rx.cond(rows.length() > 0, rx.table.root(
            rx.table.header(rx.table.row(rx.table.column_header_cell(say(caption.removeprefix("By ").capitalize())),
                                         rx.table.column_header_cell(say("New leads start in")))),
            rx.table.body(rx.foreach(rows, lambda o: _row(S, o, scope, chosen.get(o.value, "")))),
            variant="surface", width="100%"), rx.text(empty, size="2", color_scheme="gray")),
        spacing="2", width="100%")


def defaults_card(S) -> rx.Component:
    """The card, for the funnels screen whose state ``S`` mixes in FunnelDefaultsChoices."""
    company = choice("Company default funnel", "default-company", S.default_funnels,
                     rx.cond(S.company_funnel != "", S.company_funnel, NONE),
                     lambda v: S.set_default_funnel("company", "", v), none_label="— The first active funnel —")
    return rx.el.section(rx.card(rx.vstack(
        rx.heading(say("Where new leads start"), size="4", as_="h2"),
        rx.text(say("A new lead starts in the first open stage of its lead type's default funnel; without one, of "
                    "its assignee's division's (the creator's while unassigned; the first division with a default, "
                    "in the Divisions list's order); then of the company's default; then of the first active "
                    "funnel. The lead form shows the funnel this gives, and its user may choose another."),
                size="2", color_scheme="gray"),
        rx.box(company, max_width="24rem", width="100%"),
        rx.grid(_table(S, "By lead type", S.type_rows, "lead_type", S.type_funnels,
                       say("No lead types yet: add them in Settings → Lead types.")),
                _table(S, "By division", S.division_rows, "division", S.division_funnels,
                       "No divisions yet: add them in Settings → Divisions."),
                columns=rx.breakpoints(initial="1", lg="2"), spacing="4", width="100%"),
        spacing="3", width="100%"), width="100%"), aria_label=say("Where new leads start"), style={"width": "100%"})
