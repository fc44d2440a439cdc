"""Settings → Revoke policies: the policies in the order they are applied (enable, reorder, edit,
delete after a question), and the form below them."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.fields import field_error
from hoffice_app.components.terms import say
from hoffice_app.domain import policies
from hoffice_app.pages.settings.policies_form import policy_form
from hoffice_app.pages.settings.policies_state import PoliciesState as S


def _row(p: policies.PolicyRow) -> rx.Component:
    return rx.table.row(
        rx.table.row_header_cell(rx.vstack(rx.text(p.name, weight="medium"),
                                           rx.text(p.summary, size="1", color_scheme="gray"), spacing="1")),
        rx.table.cell(rx.switch(checked=p.enabled, on_change=lambda on: S.switch_enabled(p.id, on),
                                aria_label=rx.Var.create("Enabled: ") + p.name)),
        rx.table.cell(rx.hstack(
            rx.icon_button(rx.icon("arrow-up", size=14), size="1", variant="soft", on_click=S.move(p.id, -1),
                           aria_label=rx.Var.create("Move ") + p.name + " up"),
            rx.icon_button(rx.icon("arrow-down", size=14), size="1", variant="soft", on_click=S.move(p.id, 1),
                           aria_label=rx.Var.create("Move ") + p.name + " down"),
            rx.button("Edit", size="1", variant="soft", on_click=S.start_edit(p.id),
                      aria_label=rx.Var.create("Edit ") + p.name),
            rx.button("Delete", size="1", variant="soft", color_scheme="red", on_click=S.ask_delete(p.id, p.name),
                      aria_label=rx.Var.create("Delete ") + p.name),
            spacing="1", wrap="wrap")))


def _list() -> rx.Component:
    table = rx.box(rx.table.root(
        rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in
                                       ("Policy", "Enabled", "Actions")])),
        rx.table.body(rx.foreach(S.rows, _row)), variant="surface", width="100%"), width="100%", overflow_x="auto")
    empty = rx.callout("No revoke policies yet. Add one, preview it, then enable it.", icon="info", width="100%")
    return rx.el.section(rx.vstack(
        rx.hstack(rx.text(say("Policies take leads back from assignees who do not act, in this order; a lead revoked "
                              "by one is not looked at by the next. Closed leads and leads on hold are "
                              "exempt."), size="2",
                          color_scheme="gray", flex="1"),
                  rx.button(rx.icon("plus", size=16), "Add policy", on_click=S.start_new), width="100%",
                  align="center", wrap="wrap"),
        rx.cond(S.rows.length() == 0, empty, table), spacing="3", width="100%"),
        aria_label="Revoke policies", style={"width": "100%"})


def _delete_dialog() -> rx.Component:
    return rx.alert_dialog.root(rx.alert_dialog.content(
        rx.alert_dialog.title("Delete this policy?"),
        rx.alert_dialog.description(rx.text(S.delete_name, " is deleted for good. To stop it for a while, switch it "
                                                           "off instead.")),
        field_error(S.delete_error),
        rx.hstack(rx.alert_dialog.cancel(rx.button("Cancel", variant="soft", color_scheme="gray")),
                  rx.button("Delete", color_scheme="red", on_click=S.confirm_delete), justify="end",
                  margin_top="1rem")),
        open=S.delete_open, on_open_change=S.set_delete_open)


def policies_screen() -> rx.Component:
    return rx.vstack(_list(), rx.cond(S.form_open, policy_form()), _delete_dialog(), spacing="5", width="100%")
