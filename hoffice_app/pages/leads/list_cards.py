"""The lead list at phone width: one card per lead instead of the table (which would make the
page scroll sideways), with its badges wrapping and the contact's mobile to call or message on
WhatsApp, and the custom columns the employee chose. The table shows from 768 px up
(``layout.ON_WIDE``), the cards below it."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.layout import ON_PHONE
from hoffice_app.components.phone import phone_links
from hoffice_app.domain.leads import LeadRow
from hoffice_app.pages.leads.followup_widgets import state_badge
from hoffice_app.pages.leads.list_state import LeadListState as S


def _card(row: LeadRow, i) -> rx.Component:
    return rx.card(rx.vstack(
        rx.flex(rx.checkbox(checked=S.selected.contains(row.id), on_change=lambda c: S.toggle_row(row.id, c),
                            aria_label=rx.Var.create("Select ") + row.code),
                rx.link(row.title, href=f"{routes.LEADS}/" + row.code, weight="medium", flex="1", min_width="0"),
                rx.code(row.code, size="1"), spacing="2", align="center", width="100%"),
        rx.text(row.contact_name, size="2", color_scheme="gray"),
        phone_links(row.contact_mobile),
        rx.foreach(S.cf_columns, lambda c, j: rx.cond(S.cf_cells[i][j] != "", rx.text(
            c.label, ": ", S.cf_cells[i][j], size="1", color_scheme="gray"))),  # the custom columns chosen
        rx.flex(rx.cond(row.status != "", rx.badge(row.status, color_scheme="gray")),
                rx.cond(row.priority != "", rx.badge(row.priority, color_scheme="orange")),
                state_badge(row.followup_state),
                rx.cond(row.next_followup != "", rx.text(row.next_followup, size="1")),
                spacing="2", align="center", wrap="wrap"),
        rx.flex(rx.text(rx.cond(row.value != "", row.value, "—"), weight="bold", size="2"),
                rx.text(rx.cond(row.assignee != "", row.assignee, "Unassigned"), " · ", row.created, size="1",
                        color_scheme="gray"),
                justify="between", align="center", spacing="2", wrap="wrap", width="100%"),
        spacing="2", width="100%", min_width="0"), width="100%", role="listitem")


def lead_cards() -> rx.Component:
    return rx.el.section(rx.vstack(rx.foreach(S.rows, _card), spacing="2", width="100%", role="list"),
                         aria_label=S.leads_label + " (cards)", style={"width": "100%", "display": ON_PHONE})
