"""Settings → Custom fields: for leads or contacts, the fields in form order (type, section,
required, who may edit, on or off), moved up and down; a dialog to add or edit one, each
problem under its field; a select's options edited inside it (custom_fields_options.py)."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.fields import NONE, edit_conflict, field_error, fixed_choice, labelled, text_field
from hoffice_app.components.terms import say
from hoffice_app.domain.customfields import KINDS, ROLES
from hoffice_app.domain.customfields import admin as cf_admin
from hoffice_app.pages.settings.custom_fields_options import option_delete_dialog, options_editor
from hoffice_app.pages.settings.custom_fields_state import CustomFieldsState as S

DEFAULT_HINTS = {
    "number": "A number, e.g. 12.5", "amount": "An amount in the company's currency, e.g. 1,50,000",
    "date": "YYYY-MM-DD, e.g. 2026-12-31", "datetime": "YYYY-MM-DD HH:MM, e.g. 2026-12-31 10:30",
    "yes_no": "Filled in on new records", "select": "Filled in on new records; one of the options",
    "multi_select": "Options separated by commas, e.g. Retail, Wholesale", "email": "An e-mail address",
    "phone": "A phone number", "url": "A web address starting with https://",
}


def _arrows(f: cf_admin.FieldView, i) -> rx.Component:
    """The first field cannot go up, nor the last down."""
    return rx.hstack(
        rx.icon_button(rx.icon("arrow-up", size=14), size="1", variant="soft", disabled=i == 0,
                       aria_label=rx.Var.create("Move ") + f.label + " up", on_click=S.move(f.id, -1)),
        rx.icon_button(rx.icon("arrow-down", size=14), size="1", variant="soft",
                       disabled=i == S.fields.length() - 1,
                       aria_label=rx.Var.create("Move ") + f.label + " down", on_click=S.move(f.id, 1)),
        spacing="1")


def _row(f: cf_admin.FieldView, i) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.vstack(rx.text(f.label, weight="bold"),
                                rx.text("Key ", rx.code(f.key, size="1"), size="1", color_scheme="gray",
                                        white_space="nowrap"),
                                spacing="1")),
        rx.table.cell(rx.vstack(rx.text(f.kind_label),
                                rx.cond(f.options_shown != "", rx.text(f.options_shown, size="1", color_scheme="gray",
                                                                       max_width="16rem", truncate=True)),
                                spacing="1")),
        rx.table.cell(rx.cond(f.section == "", rx.text(f.section_shown, color_scheme="gray"), f.section_shown)),
        rx.table.cell(rx.cond(f.required, rx.badge("Required", color_scheme="orange"),
                              rx.text("Optional", color_scheme="gray"))),
        rx.table.cell(f.edit_roles_shown),
        rx.table.cell(rx.cond(f.active, rx.badge("Active", color_scheme="green"),
                              rx.badge("Inactive", color_scheme="gray"))),
        rx.table.cell(rx.hstack(_arrows(f, i),
                                rx.button("Edit", size="1", variant="soft", on_click=S.start(f.id),
                                          aria_label=rx.Var.create("Edit ") + f.label),
                                spacing="1")),
        opacity=rx.cond(f.active, "1", "0.6"))


def _empty(record: str) -> rx.Component:
    words = say("leads") if record == "lead" else "contacts"
    return rx.callout(
        rx.text("No custom fields for ", words, " yet — add the fields your business needs (an industry to pick, a "
                "referral code, a budget, a renewal date…) with “Add field”. They appear on the form, the ",
                "page and the lists like the built-in ones."),
        icon="info", color_scheme="blue", width="100%")


def _fields(record: str) -> rx.Component:
    table = rx.table.root(
        rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in
                                       ("Field", "Type", "Section", "Required", "Who may edit", "Status",
                                        "Actions")])),
        rx.table.body(rx.foreach(S.fields, _row)), variant="surface", width="100%")
    name = say("Lead fields") if record == "lead" else "Contact fields"
    return rx.el.section(rx.cond(S.fields.length() == 0, _empty(record), table), aria_label=name,
                         style={"width": "100%"})


def _tabs() -> rx.Component:
    return rx.tabs.root(
        rx.tabs.list(rx.tabs.trigger(say("Leads"), value="lead"), rx.tabs.trigger("Contacts", value="contact")),
        rx.tabs.content(_fields("lead"), value="lead", padding_top="1rem"),
        rx.tabs.content(_fields("contact"), value="contact", padding_top="1rem"),
        value=S.record, on_change=S.choose_record, width="100%")


def _kind() -> rx.Component:
    chosen = rx.match(S.form.get("kind", ""), *[(key, label) for key, label, _cli in KINDS], "")
    return rx.cond(
        S.form_id == 0,
        fixed_choice("Type", "cf-kind", [(key, label) for key, label, _cli in KINDS], S.form.get("kind", "text"),
                     lambda v: S.set_text("kind", v), S.errors.get("kind", ""), clearable=False),
        labelled("Type", rx.text(chosen, id="cf-kind", size="2", padding_y="0.35rem"), "cf-kind",
                 hint="A field's type never changes: add a new field for another type."))


def _roles() -> rx.Component:
    boxes = rx.flex(*[rx.checkbox(cf_admin.ROLE_NAMES[r], checked=S.roles.contains(r),
                                  on_change=lambda c, r=r: S.toggle_role(r, c)) for r in ROLES],
                    spacing="3", wrap="wrap", id="cf-roles", role="group", aria_label="Who may edit it")
    return labelled("Who may edit it", boxes, "cf-roles", S.errors.get("edit_roles", ""),
                    hint="Others see the value but cannot change it.")


def _section() -> rx.Component:
    box = rx.input(id="cf-section", value=S.form.get("section", ""), on_change=lambda v: S.set_text("section", v),
                   placeholder=cf_admin.DEFAULT_SECTION, width="100%", custom_attrs={"list": "cf-sections"},
                   auto_complete="off")
    choices = rx.el.datalist(rx.foreach(S.section_choices, lambda s: rx.el.option(value=s)), id="cf-sections")
    return rx.box(labelled("Section of the form", rx.fragment(box, choices), "cf-section",
                           S.errors.get("section", ""),
                           hint=f"One of the form's sections or a new one; empty: {cf_admin.DEFAULT_SECTION}."),
                  width="100%")


def _default() -> rx.Component:
    """A select's default is one of its (active) options, a yes/no's Yes or No, anything else typed."""
    kind, value = S.form.get("kind", ""), S.form.get("default_value", "")

    def pick(*items) -> rx.Component:
        return rx.select.root(rx.select.trigger(id="cf-default", width="100%", placeholder="No default"),
                              rx.select.content(rx.select.item("— No default —", value=NONE), *items),
                              value=rx.cond(value == "", NONE, value), on_change=S.set_default)

    control = rx.match(
        kind,
        ("select", pick(rx.foreach(S.options, lambda o: rx.cond(o.active & (o.label != ""),
                                                                 rx.select.item(o.label, value=o.label))))),
        ("yes_no", pick(rx.select.item("Yes", value="Yes"), rx.select.item("No", value="No"))),
        rx.input(id="cf-default", value=value, on_change=S.set_default, width="100%"))
    hint = rx.match(kind, *DEFAULT_HINTS.items(), "Filled in on new records; may be changed")
    return rx.cond((kind == "employee") | (kind == "contact"), rx.fragment(),
                   rx.vstack(rx.el.label("Default value (optional)", html_for="cf-default",
                                         style={"fontSize": "var(--font-size-2)", "fontWeight": 500}),
                             control, rx.text(hint, size="1", color_scheme="gray"),
                             field_error(S.errors.get("default_value", "")), spacing="1", width="100%"))


def _dialog() -> rx.Component:
    fields = rx.vstack(
        edit_conflict(S.conflict),
        rx.grid(text_field("Label", "cf_label", S.form.get("label", ""), lambda v: S.set_text("label", v),
                           S.errors.get("label", ""), field_id="cf-label", placeholder="e.g. Industry",
                           hint="No two fields here share a label, whatever its case."),
                _kind(), columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%"),
        rx.cond(S.has_options, options_editor(S)),
        rx.grid(_default(),
                text_field("Help text (optional)", "cf_help", S.form.get("help_text", ""),
                           lambda v: S.set_text("help_text", v), S.errors.get("help_text", ""), field_id="cf-help",
                           hint="Shown under the field on the form."),
                columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%"),
        rx.grid(_section(), _roles(), columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%"),
        rx.hstack(rx.checkbox("Required: a record cannot be saved without it", checked=S.required,
                              on_change=S.set_required, id="cf-required"),
                  rx.el.label(rx.switch(checked=S.active, on_change=S.set_active, id="cf-active"),
                              rx.text("Active", size="2"),
                              style={"display": "flex", "gap": "0.5rem", "alignItems": "center"}),
                  spacing="5", wrap="wrap", align="center"),
        rx.text("Inactive fields leave the forms, pages and lists; their values stay and come back when the "
                "field is switched on again.", size="1", color_scheme="gray"),
        rx.hstack(rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray", type="button")),
                  rx.button("Save field", type="submit"), justify="end", width="100%"),
        spacing="3", width="100%")
    title = rx.cond(S.form_id == 0,
                    rx.cond(S.record == "lead", say("Add a lead field"), "Add a contact field"),
                    rx.Var.create("Edit the field “") + S.form.get("label", "") + "”")
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title(title),
        rx.dialog.description("Enter saves, Escape closes.", margin_bottom="0.75rem",
                              style={"fontSize": "var(--font-size-2)", "color": "var(--gray-11)"}),
        rx.form(fields, on_submit=lambda _: S.save(), no_validate=True), max_width="44rem"),
        open=S.form_open, on_open_change=S.set_form_open)


def custom_fields_screen() -> rx.Component:
    intro = rx.text(say("Add the fields your business needs to leads and contacts: they show on the form in their "
                        "section, on the record's page and in the lists, filters and imports. A field's key never "
                        "changes, so renaming it keeps saved views, exports and imports working."),
                    size="2", color_scheme="gray")
    return rx.vstack(
        rx.hstack(intro, rx.spacer(), rx.button(rx.icon("plus", size=16), "Add field", on_click=S.start(0)),
                  width="100%", align="start"),
        _tabs(), _dialog(), option_delete_dialog(S), spacing="4", width="100%")
