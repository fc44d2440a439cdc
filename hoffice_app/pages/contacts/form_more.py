"""Contact form sections: addresses, statutory, sales & purchase, settings, privacy."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.fields import check_group, choice, field_warning, fixed_choice, labelled
from hoffice_app.domain.contacts import vocab
from hoffice_app.pages.contacts.form_sections import flag, master_choice, section, value_field
from hoffice_app.pages.contacts.form_state import ContactFormState as S
from hoffice_app.pages.customfields_form import custom_inputs

GST_TYPES = vocab.choices(vocab.GST_TYPES)
SEZ_TYPES = vocab.choices(vocab.SEZ_TYPES)
INVOICE_TYPES = vocab.choices(vocab.INVOICE_TYPES)
CHANNELS = vocab.choices(vocab.CHANNELS)
BUSINESS_TYPES = vocab.choices(vocab.BUSINESS_TYPES)
ADDRESS_FIELDS = [("line1", "Address 1"), ("line2", "Address 2"), ("area", "Area"), ("district", "District"),
                  ("city", "City"), ("state", "State"), ("pin", "Zip / PIN code")]


def _address(address: dict, index) -> rx.Component:
    def text(key: str, label: str) -> rx.Component:
        field_id = f"address-{index}-{key}"
        return labelled(label, rx.input(id=field_id, value=address[key], width="100%",
                                        on_change=lambda v: S.set_address(index, key, v)),
                        field_id, S.errors.get(f"addresses.{index}.{key}", ""))

    return rx.card(
        rx.hstack(
            rx.text("Address ", index + 1, weight="bold", size="2"),
            rx.spacer(),
            rx.el.label(rx.hstack(rx.radio_group.root(rx.radio_group.item(value="1"),
                                                      value=address["is_default"],
                                                      on_change=lambda _: S.set_address(index, "is_default", "1")),
                                  rx.text("Default", size="2"), align="center")),
            rx.icon_button(rx.icon("trash-2", size=14), variant="soft", color_scheme="gray", type="button",
                           aria_label=f"Remove address {index + 1}", on_click=S.remove_address(index)),
            width="100%", align="center"),
        rx.grid(
            choice("Type of address", f"address-{index}-type", S.address_type_options, address["address_type_id"],
                   lambda v: S.set_address(index, "address_type_id", v),
                   S.errors.get(f"addresses.{index}.address_type_id", ""), placeholder="Default type"),
            *[text(key, label) for key, label in ADDRESS_FIELDS],
            choice("Country", f"address-{index}-country", S.country_options, address["country"],
                   lambda v: S.set_address(index, "country", v), placeholder="Contact's country"),
            columns=rx.breakpoints(initial="1", md="3"), spacing="3", width="100%", margin_top="0.5rem"),
        width="100%", variant="surface",
    )


def addresses_section() -> rx.Component:
    return rx.el.section(rx.card(
        rx.heading("Addresses", size="4", margin_bottom="0.75rem", id="sec-addresses", as_="h2"),
        rx.vstack(rx.foreach(S.addresses, _address),
                  rx.button(rx.icon("plus", size=14), "Add address", variant="soft", type="button",
                            on_click=S.add_address), spacing="3", width="100%"),
        _custom_grid("addresses"),
        width="100%"), aria_label="Addresses", style={"width": "100%"})


def _hinted(label: str, key: str, hint: str) -> rx.Component:
    return rx.vstack(value_field(label, key, hint=hint), field_warning(S.warnings.get(key, "")), spacing="1",
                     width="100%")


def _custom_grid(place: str) -> rx.Component:
    """Custom fields an administrator put in a section laid out as a list, not a grid."""
    return rx.grid(custom_inputs(S, place, "contact-"), columns=rx.breakpoints(initial="1", md="2"), spacing="4",
                   width="100%", margin_top="0.75rem")


def statutory_section() -> rx.Component:
    def fixed(label, key, pairs):
        return fixed_choice(label, f"contact-{key}", pairs, S.values.get(key, ""), lambda v: S.set_value(key, v),
                            S.errors.get(key, ""))

    return section(
        "Statutory details", "sec-statutory",
        _hinted("PAN", "pan", "Format AAAAA9999A"),
        value_field("Aadhaar", "aadhaar", hint="12 digits"),
        fixed("GST registration type", "gst_registration_type", GST_TYPES),
        _hinted("GSTIN / ARN", "gstin", "15 characters, e.g. 24AAAAA9999A1Z5"),
        fixed("SEZ type", "sez_type", SEZ_TYPES),
        value_field("CIN", "cin"),
        value_field("Transporter ID", "transporter_id"),
        rx.vstack(flag("TDS applicable", "tds_applicable"),
                  rx.cond(S.flags.get("tds_applicable", False), value_field("TDS section", "tds_section")),
                  spacing="2"),
        value_field("VAT number", "vat_number"),
        value_field("CST number", "cst_number"),
        value_field("ST number", "st_number"),
        value_field("TAN", "tan_number"),
        custom_inputs(S, "statutory", "contact-"),
        columns="3",
    )


def sales_section() -> rx.Component:
    return section(
        "Sales & purchase", "sec-sales",
        value_field("Credit limit amount", "credit_limit_amount", type_="text", placeholder="0.00",
                    input_mode="decimal"),
        value_field("Credit limit days", "credit_limit_days", input_mode="numeric"),
        value_field("Default discount (%)", "default_discount_pct", input_mode="decimal"),
        master_choice("Default price list", "price_list_id", S.price_list_options),
        value_field("Sales / purchase group for billing", "sales_group"),
        master_choice("Class", "class_id", S.class_options),
        fixed_choice("Default invoice type", "contact-default_invoice_type", INVOICE_TYPES,
                     S.values.get("default_invoice_type", ""), lambda v: S.set_value("default_invoice_type", v),
                     S.errors.get("default_invoice_type", "")),
        value_field("Annual revenue", "annual_revenue", input_mode="decimal"),
        fixed_choice("Business contact type", "contact-business_contact_type", BUSINESS_TYPES,
                     S.values.get("business_contact_type", ""), lambda v: S.set_value("business_contact_type", v),
                     S.errors.get("business_contact_type", "")),
        flag("Lock for sales", "lock_for_sales"),
        custom_inputs(S, "sales", "contact-"),
        columns="3",
    )


def settings_section() -> rx.Component:
    return section(
        "Contact settings", "sec-settings",
        choice("Time zone", "contact-time_zone", S.timezone_options, S.values.get("time_zone", ""),
               lambda v: S.set_value("time_zone", v), S.errors.get("time_zone", ""), placeholder="Company default"),
        choice("Currency", "contact-currency", S.currency_options, S.values.get("currency", ""),
               lambda v: S.set_value("currency", v), S.errors.get("currency", ""), placeholder="Company default"),
        fixed_choice("Send system notifications by", "contact-notification_channel", CHANNELS,
                     S.values.get("notification_channel", ""), lambda v: S.set_value("notification_channel", v),
                     S.errors.get("notification_channel", ""), clearable=False),
        flag("Enable client login", "client_login"),
        custom_inputs(S, "settings", "contact-"),
    )


def privacy_section() -> rx.Component:
    return rx.el.section(rx.card(
        rx.heading("Privacy", size="4", margin_bottom="0.75rem", id="sec-privacy", as_="h2"),
        rx.vstack(
            flag("Private contact: only the employees below (and administrators) can see it", "is_private"),
            rx.cond(S.flags.get("is_private", False), check_group(
                "Visible to", "contact-privacy_employee_ids", S.employee_options,
                S.multi.get("privacy_employee_ids", []), lambda v, c: S.toggle_multi("privacy_employee_ids", v, c),
                S.errors.get("privacy_employee_ids", ""))),
            rx.cond(S.flags.get("is_private", False),
                    rx.text("You stay on the list yourself, so you never lose sight of a contact you made private.",
                            size="1", color_scheme="gray")),
            labelled("Remarks", rx.text_area(id="contact-remarks", value=S.values.get("remarks", ""),
                                             on_change=lambda v: S.set_value("remarks", v), rows="3",
                                             width="100%"), "contact-remarks"),
            _custom_grid("privacy"),
            spacing="3", width="100%"),
        width="100%"), aria_label="Privacy and remarks", style={"width": "100%"})
