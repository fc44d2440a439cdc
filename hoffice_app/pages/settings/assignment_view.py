"""Settings → Assignment rules: the ordered rules (first match wins, the fallback last), each
with its conditions and members in words; a dialog to add or edit one, with each problem shown
under its field; delete after a confirmation."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.fields import edit_conflict, field_error, fixed_choice, labelled, text_field
from hoffice_app.components.terms import say
from hoffice_app.domain.assignment import METHODS, SOURCE_KINDS, RuleView
from hoffice_app.pages.settings.assignment_state import NONE
from hoffice_app.pages.settings.assignment_state import AssignmentState as S


def _rule_row(r: RuleView) -> rx.Component:
    badges = rx.hstack(
        rx.cond(r.is_fallback, rx.badge("Fallback", color_scheme="violet")),
        rx.cond(r.enabled, rx.fragment(), rx.badge("Off", color_scheme="gray")), spacing="1")
    return rx.table.row(
        rx.table.cell(rx.cond(r.is_fallback, rx.text("last", color_scheme="gray"), r.position)),
        rx.table.cell(rx.vstack(rx.text(r.name, weight="bold"), badges, spacing="1")),
        rx.table.cell(rx.text(r.conditions_text, size="2")),
        rx.table.cell(r.method_label), rx.table.cell(rx.text(r.members_text, size="2")), rx.table.cell(r.cap_text),
        rx.table.cell(rx.hstack(
            rx.cond(r.is_fallback, rx.fragment(), rx.hstack(
                rx.icon_button(rx.icon("arrow-up", size=14), size="1", variant="soft",
                               aria_label=rx.Var.create("Move ") + r.name + " up", on_click=S.move(r.id, -1)),
                rx.icon_button(rx.icon("arrow-down", size=14), size="1", variant="soft",
                               aria_label=rx.Var.create("Move ") + r.name + " down", on_click=S.move(r.id, 1)),
                spacing="1")),
            rx.button("Edit", size="1", variant="soft", on_click=S.start(r.id),
                      aria_label=rx.Var.create("Edit ") + r.name),
            rx.button("Delete", size="1", variant="soft", color_scheme="red", on_click=S.ask_delete(r.id, r.name),
                      aria_label=rx.Var.create("Delete ") + r.name),
            spacing="1", wrap="wrap")))


def _list() -> rx.Component:
    table = rx.table.root(
        rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in
                                       ("#", "Rule", say("Takes leads"), "Method", "Members", "Cap", "Actions")])),
        rx.table.body(rx.foreach(S.rules, _rule_row)), variant="surface", width="100%")
    empty = rx.callout(
        say("No rules yet, so new leads saved without an assignee stay unassigned. Add a rule: say which leads it "
            "takes (for example source Campaign / activity, Website) and who shares them."), icon="info",
        color_scheme="blue", width="100%")
    return rx.el.section(rx.vstack(
        rx.hstack(rx.text(say("A new lead saved without an assignee goes to the first enabled rule whose conditions "
                              "it meets; the fallback takes the rest. Inactive employees, those away and those at "
                              "the cap are skipped."), size="2", color_scheme="gray"), rx.spacer(),
                  rx.button(rx.icon("plus", size=16), "Add rule", on_click=S.start(0)), width="100%", align="start"),
        rx.cond(S.rules.length() == 0, empty, table), spacing="3", width="100%"),
        aria_label="Assignment rules", style={"width": "100%"})


def _checks(label: str, group_id: str, field: str, options, error_key: str = "") -> rx.Component:
    boxes = rx.flex(rx.foreach(options, lambda o: rx.checkbox(
        o.label, checked=S.lists.get(field, []).contains(o.value), on_change=lambda c: S.toggle(field, o.value, c))),
        spacing="3", wrap="wrap", id=group_id, role="group", aria_label=say(label))
    return labelled(label, boxes, group_id, S.errors.get(error_key or field, ""))


def _member(o) -> rx.Component:
    chosen = S.lists.get("member_ids", []).contains(o.value)
    return rx.hstack(
        rx.checkbox(o.label, checked=chosen, on_change=lambda c: S.toggle("member_ids", o.value, c)),
        rx.cond(chosen & (S.form.get("method", "") == "weighted"),
                rx.input(value=S.weights.get(o.value, "1"), on_change=lambda v: S.set_weight(o.value, v),
                         aria_label=rx.Var.create("Weight of ") + o.label, input_mode="numeric", width="4rem",
                         size="1")),
        align="center", spacing="2", min_width="14rem")


def _form() -> rx.Component:
    text = lambda label, name, **kw: text_field(label, name, S.form.get(name, ""),  # noqa: E731
                                                lambda v: S.set_text(name, v), S.errors.get(name, ""),
                                                field_id=f"rule-{name}", **kw)
    members = labelled("Members", rx.flex(rx.foreach(S.employees, _member), wrap="wrap", gap="2",
                                          id="rule-members", role="group", aria_label="Members"), "rule-members")
    source = rx.cond(S.form.get("source_kind", "") == "", NONE, S.form.get("source_kind", ""))
    conditions = rx.vstack(
        rx.heading(say("Which leads"), size="3"),
        field_error(S.errors.get("conditions", "")),
        rx.grid(fixed_choice("Source", "rule-source", list(SOURCE_KINDS.items()), source,
                             lambda v: S.set_text("source_kind", v), S.errors.get("source_kind", "")),
                rx.box(), columns="2", spacing="3", width="100%"),
        rx.cond(S.form.get("source_kind", "") == "campaign",
                _checks("Campaign / activity", "rule-campaigns", "source_ids", S.campaigns)),
        rx.cond(S.form.get("source_kind", "") == "employee",
                _checks("Referring employee", "rule-source-employees", "source_ids", S.employees)),
        _checks("Product category", "rule-categories", "product_category_ids", S.categories),
        _checks("Lead type", "rule-types", "lead_type_ids", S.lead_types),
        _checks("Division of the contact", "rule-divisions", "division_ids", S.divisions),
        rx.grid(text("Cities", "cities", hint="Separate with commas; any case."),
                text("States", "states", hint="Separate with commas; any case."),
                columns="2", spacing="3", width="100%"),
        rx.text(say("Leave a condition empty to take any lead."), size="1", color_scheme="gray"),
        spacing="2", width="100%")
    fields = rx.vstack(
        edit_conflict(S.conflict),
        rx.grid(text("Name", "name"),
                fixed_choice("Method", "rule-method", list(METHODS.items()), S.form.get("method", "round_robin"),
                             lambda v: S.set_text("method", v), S.errors.get("method", ""), clearable=False),
                text("Cap (open leads per member)", "cap", hint="Blank: no cap", input_mode="numeric"),
                rx.vstack(rx.checkbox("Enabled", checked=S.enabled, on_change=S.set_enabled, id="rule-enabled"),
                          rx.checkbox(say("Fallback: takes leads no rule takes"), checked=S.fallback,
                                      on_change=S.set_fallback, id="rule-fallback"),
                          field_error(S.errors.get("is_fallback", "")), spacing="2", padding_top="1.4rem"),
                columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%"),
        members, field_error(S.errors.get("members", "")), field_error(S.errors.get("weights", "")),
        rx.divider(), conditions,
        rx.hstack(rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray", type="button")),
                  rx.button("Save rule", type="submit"), justify="end", width="100%"),
        spacing="3", width="100%")
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title(rx.cond(S.form_id == 0, "Add an assignment rule", "Edit assignment rule")),
        rx.form(fields, on_submit=lambda _: S.save(), no_validate=True), max_width="46rem"),
        open=S.form_open, on_open_change=S.set_form_open)


def _delete_dialog() -> rx.Component:
    return rx.alert_dialog.root(rx.alert_dialog.content(
        rx.alert_dialog.title("Delete this rule?"),
        rx.alert_dialog.description(rx.text(S.delete_name, say(" stops assigning leads. Leads it assigned keep "
                                                               "their assignee."))),
        field_error(S.delete_error),
        rx.hstack(rx.alert_dialog.cancel(rx.button("Cancel", variant="soft", color_scheme="gray")),
                  rx.button("Delete", color_scheme="red", on_click=S.confirm_delete), justify="end",
                  margin_top="1rem")),
        open=S.delete_open, on_open_change=S.set_delete_open)


def assignment_screen() -> rx.Component:
    return rx.vstack(_list(), _form(), _delete_dialog(), spacing="5", width="100%")
