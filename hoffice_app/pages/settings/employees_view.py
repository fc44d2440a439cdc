"""Settings → Employees screen."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.fields import edit_conflict, labelled, select_field, text_field
from hoffice_app.components.terms import say
from hoffice_app.domain.org import EmployeeView
from hoffice_app.pages.settings.employees_state import EmployeesState as S

ROLE_COLORS = {"admin": "purple", "manager": "blue", "executive": "gray"}


def _row(e: EmployeeView) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.code(e.code)),
        rx.table.cell(rx.text(e.name, weight="medium"), rx.text(e.email, size="1", color_scheme="gray")),
        rx.table.cell(rx.match(e.role, *[(k, rx.badge(k.capitalize(), color_scheme=c)) for k, c in ROLE_COLORS.items()],
                               rx.badge(e.role))),
        rx.table.cell(e.reports_to_name),
        rx.table.cell(e.division_names),
        rx.table.cell(rx.cond(e.active, rx.badge("Active", color_scheme="green"),
                              rx.badge("Inactive", color_scheme="gray"))),
        rx.table.cell(rx.hstack(
            rx.button("Edit", size="1", variant="soft", on_click=S.start_edit(e.id)),
            rx.button("Reset password", size="1", variant="soft", color_scheme="orange",
                      on_click=S.ask(e.id, "reset", e.name)),
            rx.cond(e.active,
                    rx.button("Deactivate", size="1", variant="soft", color_scheme="red",
                              on_click=S.ask(e.id, "deactivate", e.name)),
                    rx.button("Activate", size="1", variant="soft", color_scheme="green",
                              on_click=S.ask(e.id, "activate", e.name))),
            spacing="1", wrap="wrap")),
        opacity=rx.cond(e.active, "1", "0.6"),
    )


def _form_dialog() -> rx.Component:
    def field(label, name, **kw):
        return text_field(label, name, S.form.get(name, ""), lambda v: S.set_field(name, v),
                          S.form_errors.get(name, ""), field_id=f"emp-{name}", **kw)

    divisions = labelled("Divisions", rx.hstack(rx.foreach(S.division_options, lambda o: rx.checkbox(
        o.label, checked=S.form_divisions.contains(o.value), on_change=lambda c: S.toggle_division(o.value, c))),
        spacing="4", wrap="wrap", id="emp-divisions"), "emp-divisions", S.form_errors.get("division_ids", ""))
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(rx.cond(S.form_id == 0, "Add employee", "Edit employee")),
            rx.form(rx.vstack(
                edit_conflict(S.form_conflict),
                rx.grid(field("Code", "code", hint="Leave empty for the next E-number."),
                        field("Name", "name"), field("E-mail", "email", type_="email"), field("Mobile", "mobile"),
                        select_field("Role", "role", S.role_options, S.form.get("role", ""),
                                     lambda v: S.set_field("role", v), S.form_errors.get("role", ""),
                                     field_id="emp-role"),
                        select_field("Reports to", "reports_to_id", S.manager_options, S.form.get("reports_to_id", ""),
                                     lambda v: S.set_field("reports_to_id", v),
                                     S.form_errors.get("reports_to_id", ""), field_id="emp-reports-to",
                                     placeholder="Nobody"),
                        field("Away from", "away_from", type_="date",
                              hint=say("New leads by assignment rules skip them from this day…")),
                        field("Away to", "away_to", type_="date", hint="…to this day, both included."),
                        columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%"),
                divisions,
                rx.cond(S.form_id == 0, rx.text("A password is generated and shown once after saving.",
                                                size="1", color_scheme="gray")),
                rx.hstack(rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray", type="button")),
                          rx.button("Save", type="submit"), justify="end", width="100%"),
                spacing="3"), on_submit=lambda _: S.save(), no_validate=True),
            max_width="40rem",
        ),
        open=S.form_open, on_open_change=S.set_form_open,
    )


def _confirm_dialog() -> rx.Component:
    text = rx.match(S.confirm_action,
                    ("reset", "A new password is generated and every open session of this employee ends."),
                    ("deactivate", "They can no longer log in and every open session ends at once."),
                    "They can log in again with their password.")
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title(rx.match(S.confirm_action, ("reset", "Reset the password of "),
                                           ("deactivate", "Deactivate "), "Activate "), S.confirm_name, "?"),
            rx.alert_dialog.description(text),
            rx.hstack(rx.alert_dialog.cancel(rx.button("Cancel", variant="soft", color_scheme="gray")),
                      rx.alert_dialog.action(rx.button("Confirm", color_scheme="red", on_click=S.confirm)),
                      justify="end", margin_top="1rem"),
        ),
        open=S.confirm_open, on_open_change=S.set_confirm_open,
    )


def _password_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title("New password"),
            rx.text("Password for ", S.password_for, ". Copy it now: it is not shown again."),
            rx.code(S.password_value, size="5", margin_y="1rem", aria_label="New password"),
            rx.hstack(rx.button("Copy", variant="soft", on_click=rx.set_clipboard(S.password_value)),
                      rx.dialog.close(rx.button("Done")), justify="end"),
        ),
        open=S.password_open, on_open_change=S.set_password_open,
    )


def employees_screen() -> rx.Component:
    return rx.vstack(
        rx.hstack(rx.text("Everyone who logs in. Deactivating ends their sessions at once.", size="2",
                          color_scheme="gray"), rx.spacer(),
                  rx.button(rx.icon("user-plus", size=16), "Add employee", on_click=S.start_new),
                  width="100%", align="center", wrap="wrap"),
        rx.el.section(rx.table.root(
            rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in
                                           ("Code", "Name", "Role", "Reports to", "Divisions", "Status", "Actions")])),
            rx.table.body(rx.foreach(S.employees, _row)), variant="surface", width="100%"),
            aria_label="Employees", style={"overflowX": "auto", "width": "100%"}),
        _form_dialog(), _confirm_dialog(), _password_dialog(),
        spacing="4", width="100%",
    )
