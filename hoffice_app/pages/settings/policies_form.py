"""Settings → Revoke policies: the form (new or edit) with each field's message under it, the
scope's checkbox lists, and the preview of what is on the form (nothing is changed by it)."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.fields import (
    NONE,
    check_group,
    edit_conflict,
    field_error,
    fixed_choice,
    labelled,
    text_field,
)
from hoffice_app.components.terms import say
from hoffice_app.domain import policies
from hoffice_app.pages.settings.policies_state import PoliciesState as S


def _scope(label: str, key: str, options, selected) -> rx.Component:
    return check_group(label, f"scope-{key}", options, selected, lambda value, on: S.toggle(key, value, on))


def _action() -> rx.Component:
    items = [rx.select.item(text, value=value, disabled=(S.rule_opts.length() == 0) if value == "rule" else False)
             for value, text in policies.ACTIONS.items()]
    control = rx.select.root(rx.select.trigger(id="policy-action", width="100%"), rx.select.content(*items),
                             value=S.form.get("action", "pool"), on_change=lambda v: S.set_field("action", v))
    rule = rx.cond(
        S.form.get("action", "") == "rule",
        labelled("Assignment rule", rx.select.root(
            rx.select.trigger(placeholder="Choose…", id="policy-rule", width="100%"),
            rx.select.content(rx.foreach(S.rule_opts, lambda o: rx.select.item(o.label, value=o.value))),
            value=rx.cond(S.form.get("rule_id", "") != "", S.form.get("rule_id", ""), NONE),
            on_change=lambda v: S.set_field("rule_id", v)), "policy-rule", S.errors.get("rule_id", "")))
    return rx.vstack(
        labelled("Then the lead goes", control, "policy-action", S.errors.get("action", "")),
        rx.cond(S.rule_opts.length() == 0,
                rx.text("\"Through an assignment rule\": add an assignment rule first.", size="1",
                        color_scheme="gray")),
        rule, spacing="2", width="100%")


def _fields() -> rx.Component:
    conditions = [(key, c.label) for key, c in policies.CONDITIONS.items()]
    return rx.vstack(
        edit_conflict(S.conflict),
        text_field("Name", "policy_name", S.form.get("name", ""), lambda v: S.set_field("name", v),
                   S.errors.get("name", ""), field_id="policy-name", placeholder="e.g. No follow-up in 48 hours"),
        fixed_choice("Condition", "policy-condition", conditions, S.form.get("condition", ""),
                     lambda v: S.set_field("condition", v), S.errors.get("condition", ""), clearable=False),
        rx.grid(
            labelled(S.threshold_label, rx.input(id="policy-threshold", value=S.form.get("threshold", ""),
                                                 on_change=lambda v: S.set_field("threshold", v),
                                                 input_mode="numeric", width="100%"),
                     "policy-threshold", S.errors.get("threshold", "")),
            text_field("Warn the assignee (hours before)", "policy_warn", S.form.get("warn_hours", ""),
                       lambda v: S.set_field("warn_hours", v), S.errors.get("warn_hours", ""),
                       field_id="policy-warn", input_mode="numeric", hint="0: no warning"),
            text_field("Tell their manager (hours before)", "policy_manager", S.form.get("manager_hours", ""),
                       lambda v: S.set_field("manager_hours", v), S.errors.get("manager_hours", ""),
                       field_id="policy-manager", input_mode="numeric", hint="Blank: no escalation step"),
            columns=rx.breakpoints(initial="1", sm="3"), spacing="3", width="100%"),
        _action(),
        rx.heading("Scope", size="3", as_="h3", margin_top="0.5rem"),
        rx.text(say("Leave a list empty to take every lead. Closed leads and leads on hold are never revoked."),
                size="1", color_scheme="gray"),
        _scope("Funnels", "funnel_ids", S.funnel_opts, S.sc_funnels),
        _scope("Stages", "stage_ids", S.shown_stages, S.sc_stages),
        _scope("Source kinds", "source_kinds", S.kind_opts, S.sc_kinds),
        rx.cond(S.campaign_opts.length() > 0, _scope("Campaigns", "source_ids", S.campaign_opts, S.sc_sources)),
        _scope("Lead types", "lead_type_ids", S.type_opts, S.sc_types),
        _scope("Priorities", "priority_ids", S.priority_opts, S.sc_priorities),
        _scope("Assignee's divisions", "division_ids", S.division_opts, S.sc_divisions),
        field_error(S.errors.get("scope", "")),
        rx.el.label(rx.hstack(rx.switch(checked=S.form.get("enabled", "") == "1", on_change=S.set_switch,
                                        id="policy-enabled"),
                              rx.text("Enabled (runs every minute)", size="2"), align="center"),
                    html_for="policy-enabled"),
        rx.hstack(rx.button("Cancel", type="button", variant="soft", color_scheme="gray", on_click=S.close_form),
                  rx.spacer(),
                  rx.button(rx.icon("eye", size=16), "Preview", type="button", variant="outline",
                            on_click=S.show_preview),
                  rx.button("Save policy", type="submit"), width="100%", wrap="wrap"),
        spacing="3", width="100%")


def policy_form() -> rx.Component:
    return rx.card(rx.vstack(
        rx.heading(rx.cond(S.editing_id == 0, "New revoke policy", "Edit revoke policy"), size="4", as_="h2"),
        rx.form(_fields(), on_submit=lambda _: S.save(), no_validate=True, width="100%"),
        rx.cond(S.previewed, _preview()), spacing="3", width="100%"),
        width="100%", max_width="56rem", id="policy-form")


def _line(line: policies.PreviewLine) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.vstack(rx.link(line.code, href=rx.Var.create(routes.lead("")) + line.code),
                                rx.text(line.title, size="1", color_scheme="gray"), spacing="0")),
        rx.table.cell(line.assignee),
        rx.table.cell(rx.match(line.step, ("Revoke", rx.badge(line.step, color_scheme="red")),
                               ("Tell their manager", rx.badge(line.step, color_scheme="orange")),
                               rx.badge(line.step, color_scheme="amber"))),
        rx.table.cell(line.when))


def _group(group: policies.PreviewGroup) -> rx.Component:
    table = rx.table.root(
        rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in
                                       (say("Lead"), "Assignee", "Step", "When")])),
        rx.table.body(rx.foreach(group.lines, _line)), variant="surface", size="1", width="100%")
    return rx.el.section(rx.vstack(
        rx.heading(group.title, " · ", group.total, size="3", as_="h3"),
        rx.cond(group.total == 0, rx.text("Nothing.", size="2", color_scheme="gray"),
                rx.box(table, width="100%", overflow_x="auto")),
        rx.cond(group.more > 0, rx.text("and ", group.more, " more", size="2", color_scheme="gray")),
        spacing="2", width="100%"), aria_label=group.title, style={"width": "100%"})


def _counts() -> rx.Component:
    return rx.el.section(rx.vstack(
        rx.heading("Per assignee", size="3", as_="h3"),
        rx.box(rx.table.root(
            rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in
                                           ("Assignee", "Now", "Next 24 hours", "Next 7 days")])),
            rx.table.body(rx.foreach(S.per_assignee, lambda a: rx.table.row(
                rx.table.row_header_cell(a.name), rx.table.cell(a.now), rx.table.cell(a.day), rx.table.cell(a.week)))),
            variant="surface", size="1", width="100%"), width="100%", overflow_x="auto"),
        spacing="2", width="100%"), aria_label="Per assignee", style={"width": "100%"})


def _preview() -> rx.Component:
    return rx.vstack(
        rx.callout(say("A preview changes nothing: no lead is warned or revoked. This is what the policy as on the "
                       "form would do now and over the next 7 days, by the same computation the engine runs."),
                   icon="info", color_scheme="blue", width="100%"),
        rx.cond(S.preview_total == 0,
                rx.text(say("No lead would be warned or revoked in the next 7 days."), size="2", role="status")),
        rx.foreach(S.groups, _group),
        rx.cond(S.per_assignee.length() > 0, _counts()),
        spacing="4", width="100%", id="policy-preview", aria_label="Preview", role="region")
