"""/funnel/<id>: one column per stage (count, value, weighted value), cards
that drag between columns, and a keyboard-reachable "Move to stage" menu."""
from __future__ import annotations

import reflex as rx
from reflex_base.event import no_args_event_spec

from hoffice_app import routes
from hoffice_app.components.fields import choice, field_error
from hoffice_app.components.filters import ANY, LEAD_SOURCES, filter_choice
from hoffice_app.components.layout import page_shell
from hoffice_app.components.terms import say
from hoffice_app.domain.funnel import PER_COLUMN, ColumnHead
from hoffice_app.models import DueState
from hoffice_app.pages.funnel.rows import (
    ASSIGNEE,
    CODE,
    CONTACT,
    DAYS,
    FOLLOWUP,
    FOLLOWUP_STATE,
    ID,
    PRIORITY,
    REVOKE_IN,
    ROTTING,
    TITLE,
    VALUE,
    VERSION,
)
from hoffice_app.pages.funnel.state import SLOTS
from hoffice_app.pages.funnel.state import BoardState as S


class DragDiv(rx.el.Div):
    """A div with native HTML5 drag-and-drop events (drag over stays on the client)."""

    on_drag_start: rx.EventHandler[no_args_event_spec]
    on_drag_over: rx.EventHandler[no_args_event_spec]
    on_drop: rx.EventHandler[no_args_event_spec]


def _move_list(card, head: ColumnHead) -> rx.Component:
    """The keyboard-reachable "Move to stage" action: a native list, light
    enough for hundreds of cards (a menu component per card is not)."""
    return rx.el.select(
        rx.el.option("Move to…", value=""),
        rx.foreach(S.heads, lambda h: rx.cond(h.stage_id != head.stage_id,
                                              rx.el.option(h.name, value=h.stage_id.to_string()))),
        value="", class_name="hb-move", aria_label=rx.Var.create("Move to stage: ") + card[TITLE],
        on_change=lambda stage: S.move_card(card[ID], card[VERSION], stage),
        on_focus=S.pause_live(True), on_blur=S.pause_live(False))


def _card(card, head: ColumnHead) -> rx.Component:
    """Plain elements styled by assets/board.css: a column re-renders 50 of
    these on every move, so each is kept cheap to render."""
    followup = rx.cond(card[FOLLOWUP_STATE] != "", rx.el.div(
        rx.el.span(rx.match(card[FOLLOWUP_STATE], (DueState.OVERDUE.value, "Overdue"),
                            (DueState.TODAY.value, "Due today"), "Planned"),
                   class_name="hb-due", custom_attrs={"data-state": card[FOLLOWUP_STATE]}),
        card[FOLLOWUP], class_name="hb-row hb-small"))
    return DragDiv.create(
        rx.el.div(rx.link(card[TITLE], href=f"{routes.LEADS}/" + card[CODE], class_name="hb-title"),
                  _move_list(card, head), class_name="hb-top"),
        rx.el.div(card[CONTACT], class_name="hb-muted hb-small"),
        rx.el.div(rx.el.strong(card[VALUE]), rx.cond(card[PRIORITY] != "", rx.el.span(card[PRIORITY],
                                                                                      class_name="hb-tag")),
                  class_name="hb-row"),
        rx.el.div(rx.el.span(rx.cond(card[ASSIGNEE] != "", card[ASSIGNEE], "Unassigned")),
                  rx.el.span(card[DAYS], "d in stage", class_name="hb-days"), class_name="hb-row hb-small"),
        followup,
        rx.cond(card[REVOKE_IN] != "", rx.el.div("⏱ ", card[REVOKE_IN], class_name="hb-row hb-small hb-revoke")),
        draggable=True, on_drag_start=S.drag_start(card[ID], card[VERSION]),
        role="article", aria_label=card[TITLE], class_name="hb-card", custom_attrs={"data-rot": card[ROTTING]})


def _column(slot: int) -> rx.Component:
    """Stage slot ``slot``: its header from S.heads, its cards from its own var."""
    head, cards = S.heads[slot], getattr(S, SLOTS[slot])
    header = rx.vstack(
        rx.hstack(rx.badge(head.name, color_scheme=head.color, size="2"), rx.spacer(),
                  rx.text(head.count, size="2", weight="bold", aria_label="Count"), width="100%"),
        rx.text(head.value, " · weighted ", head.weighted, " (", head.probability, "%)", size="1",
                color_scheme="gray", aria_label="Value"),
        spacing="1", width="100%", padding_bottom="0.5rem", border_bottom=f"1px solid {rx.color('gray', 5)}")
    left = head.count - cards.length()
    more = rx.cond(left > 0, rx.button(
        rx.cond(left > PER_COLUMN, rx.text("Show ", PER_COLUMN, " more of ", left), rx.text("Show the last ", left)),
        size="1", variant="soft", width="100%", on_click=S.load_more(slot)))
    empty = rx.cond(head.count == 0, rx.text(say("No leads here. Drop a card to move it."), size="1",
                                             color_scheme="gray", padding_y="1rem"))
    body = rx.vstack(header, rx.foreach(cards, lambda c: _card(c, head)), empty, more, spacing="2", width="100%")
    return rx.cond(S.heads.length() > slot, DragDiv.create(
        body, on_drag_over=rx.prevent_default, on_drop=S.drop(head.stage_id),
        role="region", aria_label=head.name,
        style={"minWidth": "16rem", "width": "16rem", "background": rx.color("gray", 2), "padding": "0.5rem",
               "borderRadius": "var(--radius-3)", "minHeight": "60vh", "flexShrink": "0"}))


def _select_field(field) -> rx.Component:
    """A lead select field's drop-down: the leads holding the option chosen (any of a multi-select's)."""
    key = "cf_" + field.key
    return rx.select.root(
        rx.select.trigger(placeholder=field.label, aria_label=field.label, variant="soft"),
        rx.select.content(rx.select.item("Any " + field.label.lower(), value=ANY),
                          rx.foreach(field.options, lambda o: rx.select.item(o.label, value=o.value))),
        value=S.filters.get(key, ""), on_change=lambda v: S.set_filter(key, v))


def _toolbar() -> rx.Component:
    def choose(label: str, key: str, options=None, pairs=None):
        return filter_choice(label, S.filters.get(key, ""), lambda v: S.set_filter(key, v), options, pairs)

    def toggle(label: str, checked, on_change):
        return rx.el.label(rx.hstack(rx.switch(checked=checked, on_change=on_change, size="1"),
                                       rx.text(label, size="2"), align="center", spacing="1"))

    return rx.flex(
        rx.cond(S.funnel_options.length() > 1, rx.select.root(
            rx.select.trigger(aria_label="Funnel"),
            rx.select.content(rx.foreach(S.funnel_options, lambda o: rx.select.item(o.label, value=o.value))),
            value=S.funnel_id.to_string(), on_change=S.pick_funnel)),
        choose("Assignee", "assigned_to_id", S.assignee_options),
        choose("Priority", "priority_id", S.priority_options),
        choose("Product", "product_id", S.product_options),
        choose("Source", "source_kind", pairs=LEAD_SOURCES),
        rx.foreach(S.select_fields, _select_field),
        toggle("Mine", S.mine, S.set_mine), toggle("Following", S.following, S.set_following),
        rx.cond(S.active_filters > 0, rx.button("Clear filters", size="1", variant="ghost", on_click=S.clear_filters)),
        spacing="3", wrap="wrap", align="center", width="100%")


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
            rx.text(say("Drag a card to another column, or use its “Move to…” list. Totals count every lead you "
                        "may see with these filters."),
                    size="2", color_scheme="gray"),
            _toolbar(),
            rx.hstack(*[_column(i) for i in range(len(SLOTS))], spacing="3", align="start", overflow_x="auto",
                      width="100%",
                      padding_bottom="1rem"),
            _lost_dialog(), spacing="3", width="100%")))
