"""The lead form: lead information, additional information, description."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.contact_picker import contact_picker
from hoffice_app.components.fields import (
    check_group,
    choice,
    edit_conflict,
    field_error,
    fixed_choice,
    labelled,
    text_field,
)
from hoffice_app.components.layout import page_shell
from hoffice_app.components.terms import say
from hoffice_app.pages.customfields_form import custom_inputs, more_details
from hoffice_app.pages.leads.form_files_view import form_files_section
from hoffice_app.pages.leads.form_state import LeadFormState as S
from hoffice_app.pages.leads.product_lines_view import main_category, products_field

SOURCES = [("contact", "Contacts / Prospects"), ("employee", "Employee"), ("friend", "Friend / Family"),
           ("campaign", "Campaign / Activity")]


def _section(title: str, *children, columns: str = "2") -> rx.Component:
    return rx.el.section(rx.card(
        rx.heading(title, size="4", margin_bottom="0.75rem", as_="h2"),
        rx.grid(*children, columns=rx.breakpoints(initial="1", md=columns), spacing="4", width="100%"),
        width="100%"), aria_label=title, style={"width": "100%"})


def _value(label: str, key: str, **kw) -> rx.Component:
    return text_field(label, key, S.values.get(key, ""), lambda v: S.set_value(key, v), S.errors.get(key, ""),
                      field_id=f"lead-{key}", **kw)


def _choice(label: str, key: str, options, **kw) -> rx.Component:
    return choice(label, f"lead-{key}", options, S.values.get(key, ""), lambda v: S.set_value(key, v),
                  S.errors.get(key, ""), **kw)


def picker(target: str, label: str, selected, error_key: str, *, placeholder: str, extra=None) -> rx.Component:
    """One of the form's contact pickers (components/contact_picker.py), labelled, with its message."""
    field_id = f"lead-picker-{target}"
    return labelled(label, contact_picker(S, target, field_id, selected, placeholder=placeholder, extra=extra),
                    field_id, S.errors.get(error_key, ""))


def _title() -> rx.Component:
    return rx.cond(S.title_from_master, _choice(S.lead_label + " title", "title_id", S.title_options,
                                                clearable=False),
                   _value("Title", "title", placeholder="e.g. CRM for 50 users", auto_focus=True))


def _source() -> rx.Component:
    kind = S.values.get("source_kind", "")
    return rx.fragment(
        fixed_choice("Source of inquiry", "lead-source_kind", SOURCES, kind, lambda v: S.set_value("source_kind", v),
                     S.errors.get("source_kind", "")),
        rx.match(kind,
                 ("contact", picker("source", "Referred by contact", S.source_label, "source_ref",
                                    placeholder="Find the contact")),
                 ("friend", picker("friend", "Friend / family (contacts of type Other)", S.source_label,
                                   "source_ref", placeholder="Find the person")),
                 ("employee", _choice("Referred by employee", "source_ref", S.employee_options, clearable=False)),
                 ("campaign", _choice("Campaign / activity", "source_ref", S.campaign_options, clearable=False)),
                 rx.box()))


def _readonly(label: str, value, field_id: str) -> rx.Component:
    return labelled(label, rx.input(id=field_id, value=value, read_only=True, variant="soft", width="100%",
                                    placeholder="From the chosen contact"), field_id)


def _creator() -> rx.Component:
    """Where the actor may not change the creator (an executive), only the name shows; the save
    refuses a change anyway."""
    fixed = labelled("Created by", rx.vstack(
        rx.input(id="lead-created_by_id", value=S.creator_label, read_only=True, variant="soft", width="100%"),
        rx.text(S.creator_note, size="1", color_scheme="gray"), spacing="1", width="100%"),
        "lead-created_by_id", S.errors.get("created_by_id", ""))
    return rx.cond(S.creator_editable, _choice("Created by", "created_by_id", S.creator_options, clearable=False),
                   fixed)


def _funnel() -> rx.Component:
    """A new lead's funnel (its default follows the lead type and the assignee until chosen by
    hand); an existing lead's, shown only: its page moves it, choosing the stage."""
    new = rx.vstack(_choice("Funnel", "funnel_id", S.funnel_options, clearable=False),
                    rx.cond(S.funnel_hint != "", rx.text(S.funnel_hint, size="1", color_scheme="gray")),
                    spacing="1", width="100%")
    shown = rx.vstack(_readonly("Funnel", S.funnel_name, "lead-funnel_id"),
                      rx.text("To move it to another funnel, use “Move to another funnel” on its page.", size="1",
                              color_scheme="gray"), spacing="1", width="100%")
    return rx.cond(S.editing_code == "", new, shown)


def _information() -> rx.Component:
    plus = rx.icon_button(rx.icon("plus", size=16), type="button", aria_label="New contact",
                          on_click=S.open_new_contact)
    return _section(
        S.lead_label + " information", _title(),
        picker("contact", "Contact", S.contact_label, "contact_code",
               placeholder="Find by name, alias, code or phone", extra=plus),
        rx.vstack(check_group("Associated contacts", "lead-associated", S.associated_options,
                              S.lists.get("associated_contact_codes", []),
                              lambda v, c: S.toggle("associated_contact_codes", v, c),
                              S.errors.get("associated_contact_codes", "")),
                  rx.cond(S.associated_options.length() == 0,
                          rx.text("Only contacts associated with the chosen contact appear here "
                                  "(Contact → Actions → Associate Contact).", size="1", color_scheme="gray")),
                  spacing="1"),
        rx.grid(_readonly("Mobile", S.contact_mobile, "lead-mobile"),
                _readonly("E-mail", S.contact_email, "lead-email"),
                columns="2", spacing="3"),
        rx.vstack(_choice("Assign to", "assigned_to_id", S.employee_options, none_label="— Unassigned —"),
                  rx.cond(S.editing_code != "", rx.text("Open follow-ups move to the new assignee.", size="1",
                                                        color_scheme="gray")),
                  spacing="1", width="100%"),
        _creator(),
        products_field(),
        main_category(),
        rx.vstack(_choice("Status", "status_id", S.status_options),
                  rx.cond(S.status_from_type, rx.text(say("The lead type's default status: choose another if needed."),
                                                      size="1", color_scheme="gray")),
                  spacing="1", width="100%"),
        _choice("Priority", "priority_id", S.priority_options),
        _choice("Lead type", "lead_type_id", S.type_options),
        _funnel(),
        _value("Estimated order value", "estimated_value", input_mode="decimal", placeholder="e.g. 250000",
               read_only=S.values.get("value_from_lines", "") == "1"),
        _source(),
        custom_inputs(S, "information", "lead-"),
    )


def _external_followers() -> rx.Component:
    chips = rx.flex(rx.foreach(S.external_followers, lambda o: rx.badge(
        o.label, rx.icon_button(rx.icon("x", size=10), size="1", variant="ghost", type="button",
                                aria_label=rx.Var.create("Remove follower ") + o.label,
                                on_click=S.remove_external(o.value)), variant="soft")), spacing="2", wrap="wrap")
    return rx.vstack(picker("external", "External followers (contacts)", "", "follower_contact_codes",
                            placeholder="Add a contact as follower"), chips, width="100%")


def _additional() -> rx.Component:
    return _section(
        "Additional information",
        _choice("Contact's address for this inquiry", "contact_address_id", S.address_options),
        _value("Date of assignment", "assigned_at", type_="datetime-local"),
        check_group("Followers (employees)", "lead-followers", S.employee_options,
                    S.lists.get("follower_employee_ids", []), lambda v, c: S.toggle("follower_employee_ids", v, c),
                    S.errors.get("follower_employee_ids", "")),
        _external_followers(),
        check_group("Also send communication on", "lead-notify", S.notify_options, S.lists.get("also_notify", []),
                    lambda v, c: S.toggle("also_notify", v, c), S.errors.get("also_notify", "")),
        custom_inputs(S, "additional", "lead-"),
    )


def _description() -> rx.Component:
    return _section(
        "Description",
        _choice("Knowledge template", "knowledge_template_id", S.template_options),
        labelled("Description", rx.text_area(id="lead-description", value=S.values.get("description", ""),
                                             on_change=lambda v: S.set_value("description", v), rows="8",
                                             width="100%"), "lead-description", S.errors.get("description", "")),
        custom_inputs(S, "description", "lead-"),
        columns="1")


def _new_contact_dialog() -> rx.Component:
    def field(label, key, **kw):
        return text_field(label, key, S.new_contact.get(key, ""), lambda v: S.set_new_contact(key, v),
                          S.new_contact_errors.get(key, ""), field_id=f"new-contact-{key}", **kw)

    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title("New contact"),
        rx.text(say("It is added as a prospect and chosen for this lead; a company is titled M/S."), size="2",
                color_scheme="gray"),
        rx.vstack(fixed_choice("Person or company", "new-contact-kind", [("person", "Person"), ("company", "Company")],
                               S.new_contact.get("kind", "person"), lambda v: S.set_new_contact("kind", v),
                               clearable=False),
                  field("Name", "name"),
                  choice("Type of contact", "new-contact-type", S.contact_type_options,
                         S.new_contact.get("contact_type_id", ""), lambda v: S.set_new_contact("contact_type_id", v),
                         S.new_contact_errors.get("contact_type_id", ""), clearable=False),
                  field("Mobile", "mobile"), field("E-mail", "email"),
                  field_error(S.new_contact_errors.get("duplicate", "")),
                  rx.hstack(rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray")),
                            rx.button("Create contact", on_click=S.create_contact), justify="end", width="100%"),
                  spacing="3", margin_top="0.75rem")),
        open=S.new_contact_open, on_open_change=S.set_new_contact_open)


def _save_bar() -> rx.Component:
    cancel = rx.cond(S.editing_code != "", f"{routes.LEADS}/" + S.editing_code, routes.LEADS)
    return rx.hstack(
        rx.cond(S.errors.length() > 0, rx.callout("Some fields need attention: see the red messages.",
                                                  icon="triangle-alert", color_scheme="red", size="1")),
        rx.spacer(),
        rx.link(rx.button("Cancel", variant="soft", color_scheme="gray"), href=cancel),
        rx.button(rx.icon("save", size=16), "Save ", S.lead_label.lower(), on_click=S.save),
        position="sticky", bottom="0", width="100%", padding="0.75rem", align="center",
        background=rx.color("gray", 1), border_top=f"1px solid {rx.color('gray', 5)}", z_index="5")


def lead_form_page(new: bool) -> rx.Component:
    title = ("New " if new else "Edit ") + S.lead_label.lower()
    return page_shell(title, rx.cond(
        S.not_found != "", rx.callout(S.not_found, icon="search-x", color_scheme="red", role="alert"),
        rx.vstack(edit_conflict(S.conflict), _information(), _additional(), _description(),
                  more_details(S, "lead-", _section),
                  *([form_files_section()] if new else []), _save_bar(),
                  _new_contact_dialog(),
                  spacing="4", width="100%")))
