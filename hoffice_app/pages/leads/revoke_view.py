"""The lead list's "Revoke / re-assign…": its button, its dialog (where to, reason, then a
confirmation that says exactly what will happen, then progress) and the note after it with Undo."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.fields import choice, field_error, labelled
from hoffice_app.components.terms import say
from hoffice_app.pages.leads.revoke_state import LeadRevokeState as R


def revoke_button(scope: str, label: str = "Revoke / re-assign…") -> rx.Component:
    """Shown to managers and administrators only (the domain refuses anyone else anyway)."""
    return rx.cond(R.can_revoke, rx.button(rx.icon("undo-2", size=14), label, size="1", variant="soft",
                                           color_scheme="amber", on_click=R.open_revoke(scope)))


def _scope() -> rx.Component:
    return rx.radio_group.root(rx.vstack(
        rx.el.label(rx.hstack(rx.radio_group.item(value="selected", disabled=R.selected.length() == 0),
                              rx.text("The ", R.selected_text, " selected", size="2"), align="center")),
        rx.el.label(rx.hstack(rx.radio_group.item(value="matching"),
                              rx.text("All ", R.matching_text, " matching this filter", size="2"), align="center")),
        spacing="1"), value=R.revoke_scope, on_change=R.set_revoke_scope, aria_label=say("Which leads"))


def _target() -> rx.Component:
    no_rules = R.rule_choices.length() == 0
    items = rx.vstack(
        rx.el.label(rx.hstack(rx.radio_group.item(value="pool"), rx.text("Back to the pool (unassigned)", size="2"),
                              align="center")),
        rx.el.label(rx.hstack(rx.radio_group.item(value="employee"), rx.text("To an employee", size="2"),
                              align="center")),
        rx.el.label(rx.hstack(rx.radio_group.item(value="rule", disabled=no_rules),
                              rx.text("Through an assignment rule", size="2",
                                      color=rx.cond(no_rules, rx.color("gray", 9), rx.color("gray", 12))),
                              rx.cond(no_rules, rx.text("(no enabled rule yet)", size="1", color_scheme="gray")),
                              align="center")),
        spacing="1")
    return rx.vstack(
        rx.text("Where they go", weight="medium", size="2"),
        rx.radio_group.root(items, value=R.revoke_target, on_change=R.set_revoke_target, aria_label="Where they go"),
        field_error(R.revoke_errors.get("target", "")),
        rx.cond(R.revoke_target == "employee",
                choice("Employee", "revoke-employee", R.employee_options, R.revoke_employee, R.set_revoke_employee,
                       R.revoke_errors.get("employee_id", ""), clearable=False)),
        rx.cond(R.revoke_target == "rule",
                choice("Assignment rule", "revoke-rule", R.rule_choices, R.revoke_rule, R.set_revoke_rule,
                       R.revoke_errors.get("rule_id", ""), clearable=False)),
        spacing="2", width="100%")


def _form() -> rx.Component:
    return rx.vstack(
        rx.text(say("Which leads"), weight="medium", size="2"), _scope(), _target(),
        labelled("Reason", rx.text_area(id="revoke-reason", value=R.revoke_reason, on_change=R.set_revoke_reason,
                                        placeholder="e.g. Neha is on leave until Monday", width="100%"),
                 "revoke-reason", R.revoke_errors.get("reason", ""),
                 hint=say("Required. The former assignees read it in their notification and on each lead's timeline.")),
        field_error(R.revoke_errors.get("lead_ids", "")),
        rx.hstack(rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray")),
                  rx.button("Continue", on_click=R.review_revoke), justify="end", width="100%"),
        spacing="3", width="100%")


def _confirm() -> rx.Component:
    return rx.vstack(
        rx.callout(R.revoke_question, icon="triangle-alert", color_scheme="amber", role="status"),
        rx.text(rx.text.strong("Reason: "), R.revoke_reason, size="2"),
        rx.text(say("Their open follow-ups move with them. A lead someone changes meanwhile is skipped. "
                    "You can undo this for 7 days."), size="2", color_scheme="gray"),
        rx.hstack(rx.button("Back", variant="soft", color_scheme="gray", on_click=R.back_to_revoke_form),
                  rx.button("Revoke", color_scheme="amber", on_click=R.run_revoke), justify="end", width="100%"),
        spacing="3", width="100%")


def _running() -> rx.Component:
    return rx.vstack(
        rx.text(rx.cond(R.progress_total > 0, "Revoking…", say("Finding the matching leads…")), size="2"),
        rx.cond(R.progress_total > 500, rx.vstack(
            rx.progress(value=R.progress_percent, width="100%", aria_label="Revoke progress"),
            rx.text(R.progress_done, " of ", R.progress_total, size="1", color_scheme="gray"), width="100%"),
            rx.spinner()),
        spacing="3", width="100%")


def revoke_dialog() -> rx.Component:
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title("Revoke / re-assign"),
        rx.match(R.revoke_step, ("confirm", _confirm()), ("running", _running()), _form()),
        max_width="32rem"), open=R.revoke_open, on_open_change=R.set_revoke_open)


def revoke_notes() -> rx.Component:
    """After a revoke: its counts and Undo; after an undo: what went back and what was left."""
    return rx.fragment(
        rx.cond(R.result_note != "", rx.callout(rx.hstack(
            rx.text(R.result_note, size="2"), rx.spacer(),
            rx.button(rx.icon("undo-2", size=14), "Undo", size="1", variant="soft", on_click=R.undo_revoke,
                      loading=R.undo_running),
            rx.icon_button(rx.icon("x", size=12), size="1", variant="ghost", aria_label="Dismiss",
                           on_click=R.dismiss_revoke_notes), align="center", width="100%", wrap="wrap"),
            icon="circle-check", color_scheme="green", role="status", width="100%")),
        rx.cond(R.undo_result != "", rx.callout(rx.hstack(
            rx.text(R.undo_result, size="2"), rx.spacer(),
            rx.icon_button(rx.icon("x", size=12), size="1", variant="ghost", aria_label="Dismiss",
                           on_click=R.dismiss_revoke_notes), align="center", width="100%"),
            icon="undo-2", color_scheme="blue", role="status", width="100%")))
