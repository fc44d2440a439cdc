"""Contact form sections as the user guide orders them: the contact, then
communication & social media."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.contact_picker import contact_picker
from hoffice_app.components.fields import NONE, check_group, choice, field_error, fixed_choice, labelled, text_field
from hoffice_app.domain.contacts import vocab
from hoffice_app.pages.contacts.form_state import REFERENCE
from hoffice_app.pages.contacts.form_state import ContactFormState as S
from hoffice_app.pages.customfields_form import custom_inputs

GENDERS = vocab.choices(vocab.GENDERS)
REFERENCE_KINDS = [("contact", "Contact / prospect"), ("employee", "Employee"), ("campaign", "Campaign / activity")]


def section(title: str, anchor: str, *children, columns: str = "2") -> rx.Component:
    return rx.el.section(rx.card(
        rx.heading(title, size="4", margin_bottom="0.75rem", id=anchor, as_="h2"),
        rx.grid(*children, columns=rx.breakpoints(initial="1", md=columns), spacing="4", width="100%"),
        width="100%"), aria_label=title, style={"width": "100%"})


def value_field(label: str, key: str, *, type_: str = "text", hint: str = "", placeholder: str = "",
                **props) -> rx.Component:
    return text_field(label, key, S.values.get(key, ""), lambda v: S.set_value(key, v), S.errors.get(key, ""),
                      type_=type_, hint=hint, placeholder=placeholder, field_id=f"contact-{key}", **props)


def master_choice(label: str, key: str, options, **kw) -> rx.Component:
    return choice(label, f"contact-{key}", options, S.values.get(key, ""), lambda v: S.set_value(key, v),
                  S.errors.get(key, ""), **kw)


def flag(label: str, key: str) -> rx.Component:
    return rx.el.label(rx.hstack(rx.switch(checked=S.flags.get(key, False), on_change=lambda v: S.set_flag(key, v),
                                           id=f"contact-{key}"),
                                 rx.text(label, size="2"), align="center"), html_for=f"contact-{key}")


def _aliases() -> rx.Component:
    chips = rx.flex(rx.foreach(S.aliases, lambda a: rx.badge(
        a, rx.icon_button(rx.icon("x", size=10), size="1", variant="ghost", aria_label=f"Remove alias {a}",
                          on_click=S.remove_alias(a)), variant="soft", size="2")), spacing="2", wrap="wrap")
    entry = rx.hstack(rx.input(id="contact-aliases", value=S.alias_draft, on_change=S.set_alias_draft,
                               on_key_down=lambda key, info: S.alias_key(key), placeholder="Type and press Enter",
                               width="100%"),
                      rx.button("Add", variant="soft", on_click=S.add_alias, type="button"), width="100%")
    return labelled("Alias names", rx.vstack(entry, chips, width="100%"), "contact-aliases",
                    S.errors.get("aliases", ""), hint="Searchable wherever contacts are searched.")


def _reference() -> rx.Component:
    kind = S.values.get("reference_kind", "")
    contact_pick = contact_picker(S, REFERENCE, "contact-reference_id", S.reference_label,
                                  invalid=S.errors.contains("reference_id"))
    chooser = rx.match(
        kind,
        ("contact", labelled("Reference contact", contact_pick, "contact-reference_id",
                             S.errors.get("reference_id", ""))),
        ("employee", master_choice("Reference employee", "reference_id", S.employee_options, clearable=False)),
        ("campaign", master_choice("Campaign / activity", "reference_id", S.campaign_options, clearable=False)),
        rx.box(),
    )
    return rx.fragment(
        fixed_choice("Reference", "contact-reference_kind", REFERENCE_KINDS, kind,
                     lambda v: S.set_value("reference_kind", v), S.errors.get("reference_kind", "")),
        chooser)


def basic_section() -> rx.Component:
    return section(
        "Contact", "sec-contact",
        master_choice("Title", "title_id", S.title_options, placeholder="Default title"),
        value_field("Name", "name", placeholder="Name Surname or company name", auto_focus=True),
        master_choice("Type of contact", "contact_type_id", S.type_options, clearable=False),
        rx.vstack(rx.text("Stage", size="2", weight="medium"), flag("Customer (off: prospect)", "is_customer"),
                  spacing="2"),
        value_field("Designation", "designation"),
        choice("Country", "contact-country", S.country_options, S.values.get("country", ""),
               lambda v: S.set_value("country", v), S.errors.get("country", ""), clearable=False),
        _aliases(),
        check_group("Categories / groups", "contact-category_ids", S.category_options,
                    S.multi.get("category_ids", []), lambda v, c: S.toggle_multi("category_ids", v, c),
                    S.errors.get("category_ids", "")),
        _reference(),
        master_choice("Industry", "industry_id", S.industry_options),
        master_choice("Industry segment", "segment_id", S.segment_options,
                      placeholder=rx.cond(S.values.get("industry_id", "") == "", "Choose the industry first",
                                          "Choose…")),
        value_field("Date of birth", "date_of_birth", type_="date"),
        value_field("Anniversary", "anniversary", type_="date"),
        fixed_choice("Gender", "contact-gender", GENDERS, S.values.get("gender", ""),
                     lambda v: S.set_value("gender", v), S.errors.get("gender", "")),
        value_field("Date of death", "date_of_death", type_="date"),
        check_group("Divisions", "contact-division_ids", S.division_options, S.multi.get("division_ids", []),
                    lambda v, c: S.toggle_multi("division_ids", v, c), S.errors.get("division_ids", "")),
        master_choice("Key account manager", "key_account_manager_id", S.employee_options),
        custom_inputs(S, "contact", "contact-"),
    )


def _repeating(label: str, key: str, placeholder: str, add_label: str, type_: str = "text") -> rx.Component:
    def row(value, index):
        return rx.vstack(
            rx.hstack(
                rx.input(value=value, on_change=lambda v: S.set_list_item(key, index, v), type=type_,
                         placeholder=placeholder, width="100%", id=f"contact-{key}-{index}",
                         aria_label=rx.cond(index == 0, label, f"{label} {index + 1}")),
                rx.icon_button(rx.icon("trash-2", size=14), variant="soft", color_scheme="gray", type="button",
                               aria_label=f"Remove {label.lower()} {index + 1}",
                               on_click=S.remove_list_item(key, index)),
                width="100%"),
            field_error(S.errors.get(f"{key}.{index}", "")), spacing="1", width="100%")

    return rx.vstack(
        rx.text(label, size="2", weight="medium"),
        rx.foreach(S.lists.get(key, []), row),
        rx.button(rx.icon("plus", size=14), add_label, variant="ghost", size="1", type="button",
                  on_click=S.add_list_item(key)),
        spacing="1", width="100%", align="start")


def communication_section() -> rx.Component:
    return section(
        "Communication & social media", "sec-communication",
        _repeating("E-mail", "emails", "name@company.com", "Add e-mail", "email"),
        _repeating("Mobile", "mobiles", "98250 12345", "Add mobile", "tel"),
        _repeating("Office phone", "office_phones", "079 2686 2513 (with STD code)", "Add office phone", "tel"),
        _repeating("Other number", "other_phones", "", "Add number", "tel"),
        value_field("Website", "website", placeholder="www.company.com"),
        value_field("Skype", "skype"),
        value_field("LinkedIn", "linkedin"),
        value_field("Instagram", "instagram"),
        value_field("Facebook", "facebook"),
        value_field("YouTube", "youtube"),
        value_field("Twitter", "twitter"),
        custom_inputs(S, "communication", "contact-"),
    )


__all__ = ["NONE", "basic_section", "communication_section", "flag", "master_choice", "section", "value_field"]
