"""/funnel/<id>: one column per stage (count, value, weighted value), cards
that drag between columns, and a keyboard-reachable "Move to stage" menu."""
from __future__ import annotations

import reflex as rx
from reflex_base.event import no_args_event_spec

from hoffice_app import routes
from hoffice_app.components.fields import choice, field_error
from hoffice_app.components.layout import page_shell
from hoffice_app.domain.board import Card, Column
from hoffice_app.pages.funnel.state import BoardState as S
from hoffice_app.pages.leads.followup_widgets import state_badge


class DragDiv(rx.el.Div):
    """A div with native HTML5 drag-and-drop events (drag over stays on the client)."""

    on_drag_start: rx.EventHandler[no_args_event_spec]
    on_drag_over: rx.EventHandler[no_args_event_spec]
    on_drop: rx.EventHandler[no_args_event_spec]


def _card(card: Card, column: Column) -> rx.Component:
    menu = rx.menu.root(
        rx.menu.trigger(rx.icon_button(rx.icon("ellipsis-vertical", size=14), size="1", variant="ghost",
                                       aria_label=rx.Var.create("Move to stage: ") + card.title)),
        rx.menu.content(
                        rx.foreach(S.columns, lambda c: rx.cond(
                            c.stage_id != column.stage_id,
                            rx.menu.item(c.name, on_select=S.move_picked(c.stage_id))))),
        # The items live in a nested foreach, where the card is out of reach: remember it on open.
        on_open_change=lambda opened: S.pick_card(card.id, card.version, opened))
    return DragDiv.create(
        rx.card(rx.vstack(
            rx.hstack(rx.link(card.title, href=f"{routes.LEADS}/" + card.code, weight="medium", size="2"),
                      rx.spacer(), menu, width="100%", align="start"),
            rx.text(card.contact, size="1", color_scheme="gray"),
            rx.hstack(rx.cond(card.value != "", rx.text(card.value, size="2", weight="bold")), rx.spacer(),
                      rx.cond(card.priority != "", rx.badge(card.priority, variant="outline")), width="100%"),
            rx.hstack(rx.text(card.assignee, size="1"), rx.spacer(),
                      rx.text(card.days_in_stage, "d in stage", size="1",
                              color=rx.cond(card.rotting, rx.color("red", 11), rx.color("gray", 10))),
                      width="100%"),
            rx.cond(card.followup_state != "", rx.hstack(state_badge(card.followup_state),
                                                         rx.text(card.followup, size="1"), align="center")),
            spacing="1", width="100%"),
            size="1", width="100%",
            border_left=rx.cond(card.rotting, f"3px solid {rx.color('red', 9)}", "none")),
        draggable=True, on_drag_start=S.drag_start(card.id, card.version),
        role="article", aria_label=card.title, style={"cursor": "grab", "width": "100%"})


def _column(column: Column) -> rx.Component:
    return DragDiv.create(
        rx.vstack(
            rx.vstack(rx.hstack(rx.badge(column.name, color_scheme=column.color, size="2"), rx.spacer(),
                                rx.text(column.count, size="2", weight="bold", aria_label="Count"), width="100%"),
                      rx.text(column.value, " · weighted ", column.weighted, size="1", color_scheme="gray"),
                      spacing="1", width="100%", padding_bottom="0.5rem",
                      border_bottom=f"1px solid {rx.color('gray', 5)}"),
            rx.foreach(column.cards, lambda c: _card(c, column)),
            rx.cond(column.count > column.cards.length(),
                    rx.text("+ ", column.count - column.cards.length(), " more", size="1", color_scheme="gray")),
            spacing="2", width="100%"),
        on_drag_over=rx.prevent_default, on_drop=S.drop(column.stage_id),
        role="region", aria_label=column.name,
        style={"minWidth": "16rem", "width": "16rem", "background": rx.color("gray", 2), "padding": "0.5rem",
               "borderRadius": "var(--radius-3)", "minHeight": "60vh", "flexShrink": "0"})


def _lost_dialog() -> rx.Component:
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title("Why was it lost?"),
        choice("Lost reason", "lost-reason", S.lost_reasons, S.lost_reason, S.set_lost_reason, clearable=False),
        field_error(S.lost_error),
        rx.hstack(rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray")),
                  rx.button("Mark as lost", color_scheme="red", on_click=S.confirm_lost), justify="end",
                  margin_top="1rem")), open=S.lost_open, on_open_change=S.set_lost_open)


def board_page() -> rx.Component:
    return page_shell("Funnel", rx.cond(
        S.not_found != "", rx.callout(S.not_found, icon="search-x", color_scheme="red", role="alert"),
        rx.vstack(
            rx.text("Drag a card to another column, or use its ⋮ menu. Totals count every lead you may see.",
                    size="2", color_scheme="gray"),
            rx.hstack(rx.foreach(S.columns, _column), spacing="3", align="start", overflow_x="auto", width="100%",
                      padding_bottom="1rem"),
            _lost_dialog(), spacing="3", width="100%")))
