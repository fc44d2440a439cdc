"""The lead page's countdown callout, hold badge and switch, and its "Revokes" card with Undo."""
from __future__ import annotations

import reflex as rx

from hoffice_app.pages.leads.detail_revokes import RevokeLine
from hoffice_app.pages.leads.detail_state import LeadDetailState as S


def countdown_callout() -> rx.Component:
    """Prominent while a revoke policy counts down on the lead."""
    return rx.cond(S.countdown != "", rx.callout(
        rx.text(S.countdown, weight="bold", size="3"), icon="clock", color_scheme="amber", size="2",
        role="status", aria_label="Revoke countdown", width="100%"))


def hold_badge() -> rx.Component:
    return rx.cond(S.on_hold, rx.badge(rx.icon("pause", size=12), "On hold", color_scheme="amber", variant="soft",
                                       title="Revoke policies leave it alone"))


def hold_switch() -> rx.Component:
    """Managers and administrators only."""
    return rx.cond(S.can_hold, rx.el.label(rx.hstack(
        rx.switch(checked=S.on_hold, on_change=S.toggle_hold, aria_label="On hold", color_scheme="amber"),
        rx.vstack(rx.text("On hold", size="2", weight="medium"),
                  rx.text("Revoke policies leave it alone", size="1", color_scheme="gray"), spacing="0"),
        align="center", spacing="2")))


def _line(r: RevokeLine) -> rx.Component:
    return rx.hstack(
        rx.vstack(rx.text(r.when, " · ", r.by, " · ", r.leads, " ", r.target, size="2"),
                  rx.text(r.reason, size="1", color_scheme="gray"), spacing="0", width="100%"),
        rx.cond(r.undone, rx.badge("Undone", color_scheme="gray", variant="soft"),
                rx.cond(r.can_undo, rx.button("Undo", size="1", variant="soft",
                                              on_click=S.ask_undo(r.id, r.leads)))),
        width="100%", align="start", role="listitem")


def revokes_card(card) -> rx.Component:
    """``card`` is the page's own card maker (a titled section)."""
    return rx.cond(S.revokes.length() > 0, card("Revokes", rx.vstack(rx.foreach(S.revokes, _line), spacing="3",
                                                                      width="100%", role="list")))


def undo_dialog() -> rx.Component:
    return rx.alert_dialog.root(rx.alert_dialog.content(
        rx.alert_dialog.title("Undo the revoke"),
        rx.alert_dialog.description(S.undo_text, size="2"),
        rx.hstack(rx.alert_dialog.cancel(rx.button("Cancel", variant="soft", color_scheme="gray")),
                  rx.button("Undo revoke", color_scheme="amber", on_click=S.confirm_undo), justify="end",
                  margin_top="1rem")), open=S.undo_open, on_open_change=S.set_undo_open)
