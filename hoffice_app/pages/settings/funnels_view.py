"""Settings → Funnels: add and order funnels, and edit each funnel's stages
(name, colour, probability, kind, days to rot) in a dialog."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.fields import edit_conflict, field_error, fixed_choice, text_field
from hoffice_app.components.terms import say
from hoffice_app.domain.funnel import COLORS, KINDS, MAX_STAGES, FunnelView, StageView
from hoffice_app.pages.settings.funnel_defaults import defaults_card
from hoffice_app.pages.settings.funnels_state import FunnelsState as S


def _arrows(name, up, down) -> rx.Component:
    return rx.hstack(
        rx.icon_button(rx.icon("arrow-up", size=14), size="1", variant="soft",
                       aria_label=rx.Var.create("Move ") + name + " up", on_click=up),
        rx.icon_button(rx.icon("arrow-down", size=14), size="1", variant="soft",
                       aria_label=rx.Var.create("Move ") + name + " down", on_click=down),
        spacing="1")


def _funnel_row(f: FunnelView) -> rx.Component:
    chosen = f.id == S.funnel_id
    return rx.table.row(
        rx.table.cell(rx.text(f.name, weight=rx.cond(chosen, "bold", "regular"))),
        rx.table.cell(f.stages), rx.table.cell(f.open_leads),
        rx.table.cell(rx.cond(f.active, rx.badge("Active", color_scheme="green"), rx.badge("Off",
                                                                                           color_scheme="gray"))),
        rx.table.cell(rx.hstack(
            _arrows(f.name, S.move_funnel(f.id, -1), S.move_funnel(f.id, 1)),
            rx.button("Stages", size="1", variant=rx.cond(chosen, "solid", "soft"), on_click=S.choose(f.id),
                      aria_label=rx.Var.create("Stages of ") + f.name, aria_pressed=rx.cond(chosen, "true", "false")),
            rx.cond(f.active, rx.link(rx.button("Board", size="1", variant="soft"),
                                      href=rx.Var.create(f"{routes.FUNNEL}/") + f.id.to_string())),
            rx.cond(f.active,
                    rx.button("Switch off", size="1", variant="soft", color_scheme="gray",
                              on_click=S.set_funnel_active(f.id, False)),
                    rx.button("Activate", size="1", variant="soft", color_scheme="green",
                              on_click=S.set_funnel_active(f.id, True))),
            spacing="1", wrap="wrap")),
        background=rx.cond(chosen, rx.color("accent", 2), "transparent"))


def _funnels() -> rx.Component:
    add = rx.form(rx.hstack(
        rx.box(text_field("New funnel", "new_funnel", S.new_funnel, S.set_new_funnel, S.funnel_error,
                          placeholder="e.g. Dealer onboarding", field_id="new-funnel"), flex="1"),
        rx.button(rx.icon("plus", size=16), "Add funnel", type="submit", margin_top="1.45rem"),
        align="start", width="100%"), on_submit=lambda _: S.add_funnel(), no_validate=True, width="100%")
    table = rx.table.root(
        rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in
                                       ("Funnel", "Stages", say("Open leads"), "Status", "Actions")])),
        rx.table.body(rx.foreach(S.funnels, _funnel_row)), variant="surface", width="100%")
    return rx.el.section(rx.vstack(
        rx.text(say("Each funnel is a board of its own. Where a new lead starts is set below the stages."), size="2",
                color_scheme="gray"),
        rx.card(add, width="100%"), table, spacing="3", width="100%"), aria_label="Funnels", style={"width": "100%"})


def _stage_row(s: StageView) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.badge(s.name, color_scheme=s.color, size="2")),
        rx.table.cell(rx.match(s.kind, ("won", rx.badge("Won", color_scheme="green")),
                               ("lost", rx.badge("Lost", color_scheme="red")), rx.badge("Open", variant="outline"))),
        rx.table.cell(s.probability, "%"),
        rx.table.cell(rx.cond(s.days_to_rot != "", rx.text(s.days_to_rot, " days"), rx.text("—"))),
        rx.table.cell(s.leads),
        rx.table.cell(rx.hstack(
            _arrows(s.name, S.move_stage(s.id, -1), S.move_stage(s.id, 1)),
            rx.button("Edit", size="1", variant="soft", on_click=S.start_stage(s.id),
                      aria_label=rx.Var.create("Edit ") + s.name),
            rx.button("Remove", size="1", variant="soft", color_scheme="red", on_click=S.ask_remove(s.id, s.name),
                      aria_label=rx.Var.create("Remove ") + s.name),
            spacing="1", wrap="wrap")))


def _stages() -> rx.Component:
    table = rx.table.root(
        rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in
                                       ("Stage", "Kind", "Probability", "Rots after", say("Leads"), "Actions")])),
        rx.table.body(rx.foreach(S.stages, _stage_row)), variant="surface", width="100%")
    return rx.el.section(rx.vstack(
        rx.hstack(rx.heading("Stages of ", S.funnel_name, size="4"), rx.spacer(),
                  rx.button("Rename funnel", size="2", variant="soft", on_click=S.start_rename),
                  rx.button(rx.icon("plus", size=16), "Add stage", size="2", on_click=S.start_stage(0),
                            disabled=S.stages.length() >= MAX_STAGES),
                  width="100%", align="center", wrap="wrap"),
        rx.text(say(f"Up to {MAX_STAGES} stages, shown left to right on the board. A stage that holds leads cannot be "
                    "removed or change its kind; move its leads first."), size="2", color_scheme="gray"),
        table, spacing="3", width="100%"), aria_label="Stages", style={"width": "100%"})


def _stage_dialog() -> rx.Component:
    colours = [(c, c.capitalize()) for c in COLORS]
    fields = rx.vstack(
        edit_conflict(S.conflict),
        text_field("Name", "stage_name", S.stage.get("name", ""), lambda v: S.set_stage("name", v),
                   S.stage_errors.get("name", ""), field_id="stage-name"),
        rx.grid(
            fixed_choice("Kind", "stage-kind", list(KINDS.items()), S.stage.get("kind", "open"),
                         lambda v: S.set_stage("kind", v), S.stage_errors.get("kind", ""), clearable=False),
            fixed_choice("Colour", "stage-color", colours, S.stage.get("color", "gray"),
                         lambda v: S.set_stage("color", v), S.stage_errors.get("color", ""), clearable=False),
            text_field("Probability (%)", "stage_probability", S.stage.get("probability", ""),
                       lambda v: S.set_stage("probability", v), S.stage_errors.get("probability", ""),
                       field_id="stage-probability", input_mode="numeric"),
            text_field("Rots after (days)", "stage_rot", S.stage.get("days_to_rot", ""),
                       lambda v: S.set_stage("days_to_rot", v), S.stage_errors.get("days_to_rot", ""),
                       field_id="stage-rot", hint="Open stages only; blank: never", input_mode="numeric"),
            columns="2", spacing="3", width="100%"),
        rx.hstack(rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray", type="button")),
                  rx.button("Save stage", type="submit"), justify="end", width="100%"),
        spacing="3")
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title(rx.cond(S.stage_id == 0, "Add a stage", "Edit stage")),
        rx.form(fields, on_submit=lambda _: S.save_stage(), no_validate=True)),
        open=S.stage_open, on_open_change=S.set_stage_open)


def _rename_dialog() -> rx.Component:
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title("Rename funnel"),
        rx.form(rx.vstack(
            edit_conflict(S.conflict),
            text_field("Name", "funnel_name", S.rename_name, S.set_rename_name, S.rename_error, field_id="funnel-name"),
            rx.hstack(rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray", type="button")),
                      rx.button("Save", type="submit"), justify="end", width="100%"), spacing="3"),
            on_submit=lambda _: S.save_rename(), no_validate=True)),
        open=S.rename_open, on_open_change=S.set_rename_open)


def _remove_dialog() -> rx.Component:
    return rx.alert_dialog.root(rx.alert_dialog.content(
        rx.alert_dialog.title("Remove this stage?"),
        rx.alert_dialog.description(rx.text(S.remove_name, say(" leaves the board. Past moves through it stay on "
                                                               "the leads' timelines."))),
        field_error(S.remove_error),
        rx.hstack(rx.alert_dialog.cancel(rx.button("Cancel", variant="soft", color_scheme="gray")),
                  rx.button("Remove", color_scheme="red", on_click=S.confirm_remove), justify="end",
                  margin_top="1rem")),
        open=S.remove_open, on_open_change=S.set_remove_open)


def funnels_screen() -> rx.Component:
    return rx.vstack(_funnels(), rx.cond(S.funnel_id != 0, _stages()), defaults_card(S), _stage_dialog(),
                     _rename_dialog(), _remove_dialog(), spacing="5", width="100%")
