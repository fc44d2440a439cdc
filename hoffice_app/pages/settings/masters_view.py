"""The one screen every master list shares: add, rename, reorder, deactivate, delete;
lead types also show and set each type's default status."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.fields import NONE, edit_conflict, field_error, labelled, select_field, text_field
from hoffice_app.components.terms import say
from hoffice_app.domain.masters import BY_KEY, MasterEntryView, MasterKind
from hoffice_app.pages.settings.masters_state import MastersState as S


def _code_label(meta: MasterKind) -> str:
    """Products may go without a code; a code given is unique in the list, ignoring case."""
    return "Code" if meta.code_required else "Code (optional)"


def _add_form(meta: MasterKind) -> rx.Component:
    parts = []
    if meta.parent:
        parts.append(rx.box(select_field(BY_KEY[meta.parent].singular.capitalize(), "parent", S.parent_options,
                                         S.new.get("parent", ""), lambda v: S.set_new("parent", v),
                                         S.add_errors.get("parent_id", ""),
                                         field_id="new-parent"), min_width="12rem"))
    parts.append(rx.box(text_field(say(f"New {meta.singular}"), "name", S.new.get("name", ""),
                                   lambda v: S.set_new("name", v), S.add_errors.get("name", ""), field_id="new-name",
                                   placeholder=say(f"Name of the {meta.singular}")), flex="1", min_width="14rem"))
    if meta.has_code:
        parts.append(rx.box(text_field(_code_label(meta), "code", S.new.get("code", ""), lambda v: S.set_new("code", v),
                                       S.add_errors.get("code", ""),
                                       field_id="new-code"), width="11rem"))
    form_row = rx.flex(*parts, rx.button(rx.icon("plus", size=16), "Add", type="submit", margin_top="1.45rem"),
                       spacing="3", wrap="wrap", align="start", width="100%")
    body = []
    if meta.has_body:
        body.append(labelled("Template text", rx.text_area(id="new-body", value=S.new.get("body", ""),
                                                            on_change=lambda v: S.set_new("body", v), rows="4",
                                                            width="100%"),
                             "new-body"))
    return rx.form(rx.vstack(form_row, *body, width="100%"), on_submit=lambda _: S.add(), no_validate=True,
                   width="100%")


def _row(entry: MasterEntryView, meta: MasterKind) -> rx.Component:
    cells = [rx.table.cell(rx.text(entry.name, weight="medium"),
                           rx.cond(entry.body != "", rx.text(entry.body, size="1", color_scheme="gray",
                                                              trim="both", max_width="30rem", truncate=True)))]
    if meta.parent:
        cells.insert(0, rx.table.cell(entry.parent_name))
    if meta.has_code:
        cells.append(rx.table.cell(rx.cond(entry.code != "", rx.code(entry.code), rx.text("—", color_scheme="gray"))))
    if meta.key == "lead_type":
        cells.append(rx.table.cell(_type_status(entry)))
    status = rx.cond(entry.active, rx.badge("Active", color_scheme="green"), rx.badge("Inactive", color_scheme="gray"))
    actions = rx.hstack(
        rx.icon_button(rx.icon("arrow-up", size=14), size="1", variant="soft", aria_label=f"Move {entry.name} up",
                       on_click=S.move(entry.id, -1)),
        rx.icon_button(rx.icon("arrow-down", size=14), size="1", variant="soft",
                       aria_label=f"Move {entry.name} down", on_click=S.move(entry.id, 1)),
        rx.button("Edit", size="1", variant="soft", on_click=S.start_edit(entry.id)),
        rx.cond(entry.active,
                rx.button("Deactivate", size="1", variant="soft", color_scheme="gray",
                          on_click=S.toggle_active(entry.id, False)),
                rx.button("Activate", size="1", variant="soft", color_scheme="green",
                          on_click=S.toggle_active(entry.id, True))),
        rx.button("Delete", size="1", variant="soft", color_scheme="red", on_click=S.ask_delete(entry.id, entry.name)),
        spacing="1", wrap="wrap",
    )
    return rx.table.row(*cells, rx.table.cell(status), rx.table.cell(actions),
                        opacity=rx.cond(entry.active, "1", "0.6"))


def _type_status(entry: MasterEntryView) -> rx.Component:
    """The status a new lead of this type starts with; saved as soon as it is chosen."""
    return rx.select.root(
        rx.select.trigger(placeholder="No default", aria_label=rx.Var.create("Default status of ") + entry.name,
                          min_width="10rem"),
        rx.select.content(rx.select.item("— No default —", value=NONE),
                          rx.foreach(S.status_options, lambda o: rx.select.item(o.label, value=o.value))),
        value=entry.default_status_id, on_change=lambda v: S.set_type_status(entry.id, v), size="1")


def _table(meta: MasterKind) -> rx.Component:
    headers = ["Name"]
    if meta.parent:
        headers.insert(0, BY_KEY[meta.parent].singular.capitalize())
    if meta.has_code:
        headers.append("Code")
    if meta.key == "lead_type":
        headers.append("Default status")
    headers += ["Status", "Actions"]
    return rx.cond(
        S.visible_entries.length() > 0,
        rx.el.section(rx.table.root(
            rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in headers])),
            rx.table.body(rx.foreach(S.visible_entries, lambda e: _row(e, meta))),
            variant="surface", width="100%",
        ), aria_label=say(meta.label), style={"width": "100%"}),
        rx.callout(say(f"No {meta.label.lower()} yet. Add the first one above."), icon="info", width="100%"),
    )


def _edit_dialog(meta: MasterKind) -> rx.Component:
    fields = [edit_conflict(S.conflict)]
    if meta.parent:
        fields.append(select_field(BY_KEY[meta.parent].singular.capitalize(), "edit_parent", S.parent_options,
                                   S.edit.get("parent_id", ""), lambda v: S.set_edit("parent_id", v),
                                   S.edit_errors.get("parent_id", ""), field_id="edit-parent"))
    fields.append(text_field("Name", "edit_name", S.edit.get("name", ""), lambda v: S.set_edit("name", v),
                             S.edit_errors.get("name", ""), field_id="edit-name"))
    if meta.has_code:
        fields.append(text_field(_code_label(meta), "edit_code", S.edit.get("code", ""),
                                 lambda v: S.set_edit("code", v),
                                 S.edit_errors.get("code", ""), field_id="edit-code"))
    if meta.has_body:
        area = rx.text_area(id="edit-body", value=S.edit.get("body", ""), on_change=lambda v: S.set_edit("body", v),
                            rows="6", width="100%")
        fields.append(labelled("Template text", area, "edit-body"))
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(say(f"Edit {meta.singular}")),
            rx.form(rx.vstack(*fields,
                              rx.hstack(rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray",
                                                                  type="button")),
                                        rx.button("Save", type="submit"), justify="end", width="100%"),
                              spacing="3"),
                    on_submit=lambda _: S.save_edit(), no_validate=True),
        ),
        open=S.edit_open, on_open_change=S.set_edit_open,
    )


def _delete_dialog(meta: MasterKind) -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title(say(f"Delete this {meta.singular}?")),
            rx.alert_dialog.description(rx.text("“", S.delete_name, "” will be removed for good. "
                                                "Entries in use cannot be deleted: deactivate them instead.")),
            field_error(S.delete_error),
            rx.hstack(rx.alert_dialog.cancel(rx.button("Cancel", variant="soft", color_scheme="gray")),
                      rx.button("Delete", color_scheme="red", on_click=S.confirm_delete),
                      justify="end", margin_top="1rem"),
        ),
        open=S.delete_open, on_open_change=S.set_delete_open,
    )


def master_screen(kind: str) -> rx.Component:
    meta = BY_KEY[kind]
    filter_bar = []
    if meta.parent:
        parent_label = BY_KEY[meta.parent].label
        filter_bar.append(rx.hstack(
            rx.text("Show", size="2"),
            rx.select.root(rx.select.trigger(aria_label=say(f"Filter by {BY_KEY[meta.parent].singular}")),
                           rx.select.content(rx.select.item(say(f"All {parent_label.lower()}"), value="all"),
                                             rx.foreach(S.parent_options,
                                                        lambda o: rx.select.item(o.label, value=o.value))),
                           value=S.parent_filter, on_change=S.set_parent_filter),
            align="center"))
    return rx.vstack(
        rx.text("Names are unique in this list, ignoring case. Deactivated entries stay on old records but "
                "leave the drop-downs.", size="2", color_scheme="gray"),
        *([rx.text(say("Codes are optional; a code given is unique in this list, ignoring case, and can be typed on "
                       "a lead's product picker."), size="2", color_scheme="gray")] if meta.key == "product" else []),
        *([rx.text(say("A new lead of a type starts with the type's default status, unless its form's user chose a "
                       "status."), size="2", color_scheme="gray")] if meta.key == "lead_type" else []),
        rx.card(_add_form(meta), width="100%"),
        *filter_bar,
        _table(meta),
        _edit_dialog(meta), _delete_dialog(meta),
        spacing="4", width="100%",
    )
