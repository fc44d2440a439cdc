"""/contacts/<code>: every section of the contact, its leads (detail_leads.py), associations and actions."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.contact_picker import KEEP_OPEN_WHILE_RESULTS, contact_picker
from hoffice_app.components.fields import choice, labelled
from hoffice_app.components.layout import page_shell
from hoffice_app.components.phone import phone_links
from hoffice_app.domain.contacts import AddressView, AssociationView, PhoneView
from hoffice_app.pages.contacts.detail_leads import leads_section
from hoffice_app.pages.contacts.detail_state import ASSOCIATE
from hoffice_app.pages.contacts.detail_state import ContactDetailState as S
from hoffice_app.pages.customfields_detail import MORE, custom_items

CONTACT_FIELDS = ["Title", "Type of contact", "Stage", "Designation", "Country", "Reference", "Industry", "Segment",
                  "Date of birth", "Anniversary", "Gender", "Date of death", "Key account manager", "Created by"]
SOCIAL_FIELDS = ["Website", "Skype", "LinkedIn", "Instagram", "Facebook", "YouTube", "Twitter"]
STATUTORY_FIELDS = ["PAN", "Aadhaar", "GST registration type", "GSTIN / ARN", "SEZ type", "CIN", "Transporter ID",
                    "TDS", "VAT number", "CST number", "ST number", "TAN"]
SALES_FIELDS = ["Credit limit", "Credit days", "Default discount %", "Price list", "Sales / purchase group", "Class",
                "Default invoice type", "Locked for sales", "Annual revenue", "Business contact type"]
SETTINGS_FIELDS = ["Time zone", "Currency", "Notifications", "Client login"]


def _value(label: str) -> rx.Component:
    value = S.info.get(label, "")
    return rx.data_list.item(rx.data_list.label(label, min_width="10rem"),
                             rx.data_list.value(rx.cond(value != "", value, rx.text("—", color_scheme="gray"))))


def _card(title: str, *children) -> rx.Component:
    return rx.el.section(rx.card(rx.heading(title, size="3", margin_bottom="0.75rem", as_="h2"), *children,
                                 width="100%", height="100%"), aria_label=title)


def _fields(title: str, labels: list[str], *extra) -> rx.Component:
    return _card(title, rx.data_list.root(*[_value(label) for label in labels], *extra, size="2"))


def _list_item(label: str, items, render) -> rx.Component:
    return rx.data_list.item(rx.data_list.label(label, min_width="10rem"), rx.data_list.value(
        rx.cond(items.length() > 0, rx.flex(rx.foreach(items, render), spacing="2", wrap="wrap"),
                rx.text("—", color_scheme="gray"))))


def _phone(p: PhoneView) -> rx.Component:
    """The number's kind, then links to call it (and, a mobile, to message it on WhatsApp)."""
    return rx.flex(rx.badge(rx.match(p.kind, ("mobile", "Mobile"), ("office", "Office"), "Other"),
                            rx.cond(p.is_primary, " ★", ""), variant="soft", size="2"),
                   rx.cond(p.kind == "mobile", phone_links(p.display), phone_links(p.display, whatsapp=False)),
                   spacing="2", align="center", wrap="wrap")


def _address(a: AddressView) -> rx.Component:
    return rx.box(rx.hstack(rx.text(a.address_type, weight="bold", size="2"),
                            rx.cond(a.is_default, rx.badge("Default", color_scheme="green"))),
                  rx.text(a.text, size="2"), padding_y="0.25rem")


def _link(a: AssociationView) -> rx.Component:
    return rx.hstack(
        rx.icon("link", size=14),
        rx.text(a.text, size="2"),
        rx.link(rx.code(a.other_code), href=f"{routes.CONTACTS}/{a.other_code}"),
        rx.spacer(),
        rx.icon_button(rx.icon("unlink", size=14), size="1", variant="ghost", color_scheme="red",
                       aria_label=rx.Var.create("Remove association ") + a.text, on_click=S.remove_link(a.id)),
        width="100%", align="center")


def _associate_dialog() -> rx.Component:
    picker = contact_picker(S, ASSOCIATE, "assoc-other", S.other_label,
                            invalid=S.associate_errors.contains("related"))
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title("Associate contact"),
        rx.text(S.display_name, " is …", size="2", color_scheme="gray"),
        rx.vstack(
            choice("Relation", "assoc-relation", S.relation_options, S.relation_id, S.set_relation,
                   S.associate_errors.get("relation", ""), clearable=False),
            labelled("… of contact", picker, "assoc-other", S.associate_errors.get("related", "")),
            rx.hstack(rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray")),
                      rx.button("Associate", on_click=S.associate), justify="end", width="100%"),
            spacing="3", margin_top="0.75rem"),
        on_escape_key_down=KEEP_OPEN_WHILE_RESULTS,
    ), open=S.associate_open, on_open_change=S.set_associate_open)


def _header() -> rx.Component:
    return rx.hstack(
        rx.vstack(rx.hstack(rx.heading(S.display_name, size="6"), rx.code(S.code, size="3"), align="center"),
                  rx.hstack(rx.badge(rx.cond(S.is_customer, "Customer", "Prospect"),
                                     color_scheme=rx.cond(S.is_customer, "green", "blue")),
                            rx.cond(S.is_private, rx.badge(rx.icon("lock", size=12), "Private", color_scheme="orange")),
                            rx.foreach(S.categories, lambda c: rx.badge(c, variant="outline"))),
                  spacing="1"),
        rx.spacer(),
        rx.link(rx.button(rx.icon("pencil", size=14), "Edit"), href=f"{routes.CONTACTS}/" + S.code + "/edit"),
        rx.menu.root(rx.menu.trigger(rx.button("Actions", rx.icon("chevron-down", size=14), variant="soft")),
                     rx.menu.content(
                         rx.menu.item(rx.icon("link", size=14), "Associate Contact", on_select=S.open_associate),
                         rx.menu.item(rx.icon("badge-check", size=14),
                                      rx.cond(S.is_customer, "Mark as prospect", "Mark as customer"),
                                      on_select=S.toggle_customer))),
        width="100%", align="start", wrap="wrap")


def _body() -> rx.Component:
    grid = rx.grid(
        _fields("Contact", CONTACT_FIELDS,
                _list_item("Alias names", S.aliases, lambda a: rx.badge(a, variant="soft")),
                _list_item("Divisions", S.divisions, lambda d: rx.badge(d, variant="soft")),
                custom_items(S.custom, "contact")),
        _card("Communication & social media", rx.data_list.root(
            _list_item("E-mails", S.emails, lambda e: rx.link(e, href="mailto:" + e)),
            _list_item("Phones", S.phones, _phone), *[_value(label) for label in SOCIAL_FIELDS],
            custom_items(S.custom, "communication"), size="2")),
        _card("Addresses", rx.cond(S.addresses.length() > 0, rx.vstack(rx.foreach(S.addresses, _address)),
                                   rx.text("No address yet.", color_scheme="gray", size="2"))),
        _card("Associated contacts", rx.cond(
            S.links.length() > 0, rx.vstack(rx.foreach(S.links, _link), width="100%"),
            rx.text("None yet. Use Actions → Associate Contact to link a company, its people or partners.",
                    color_scheme="gray", size="2"))),
        _fields("Statutory details", STATUTORY_FIELDS, custom_items(S.custom, "statutory")),
        _fields("Sales & purchase", SALES_FIELDS, custom_items(S.custom, "sales")),
        _fields("Contact settings", SETTINGS_FIELDS, custom_items(S.custom, "settings")),
        _card("Privacy and remarks", rx.data_list.root(
            rx.data_list.item(rx.data_list.label("Visibility", min_width="10rem"), rx.data_list.value(
                rx.cond(S.is_private, rx.text("Private: ", S.shared_with.join(", "), " and administrators"),
                        "Everyone"))),
            _value("Remarks"), custom_items(S.custom, "privacy"), size="2")),
        rx.cond(S.custom_more, _card("More details", rx.data_list.root(custom_items(S.custom, MORE), size="2"))),
        columns=rx.breakpoints(initial="1", lg="2"), spacing="4", width="100%")
    return rx.vstack(_header(), leads_section(), grid, _associate_dialog(), spacing="4", width="100%")


def contact_detail_page() -> rx.Component:
    return page_shell("Contact", rx.cond(
        S.not_found != "",
        rx.vstack(rx.callout(S.not_found, icon="search-x", color_scheme="red", role="alert"),
                  rx.link("Back to contacts", href=routes.CONTACTS)),
        rx.cond(S.code != "", _body(), rx.center(rx.spinner()))))
