"""The contact form page: sections, a jump bar, the duplicate warning and Save."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.fields import edit_conflict
from hoffice_app.components.layout import page_shell
from hoffice_app.domain.contacts import DuplicateHit
from hoffice_app.pages.contacts.form_more import (
    addresses_section,
    privacy_section,
    sales_section,
    settings_section,
    statutory_section,
)
from hoffice_app.pages.contacts.form_sections import basic_section, communication_section, section
from hoffice_app.pages.contacts.form_state import ContactFormState as S
from hoffice_app.pages.customfields_form import more_details

JUMPS = [("Contact", "sec-contact"), ("Communication", "sec-communication"), ("Addresses", "sec-addresses"),
         ("Statutory", "sec-statutory"), ("Sales & purchase", "sec-sales"), ("Settings", "sec-settings"),
         ("Privacy", "sec-privacy")]


def _jump_bar() -> rx.Component:
    return rx.flex(*[rx.link(label, href=f"#{anchor}", size="2") for label, anchor in JUMPS],
                   rx.cond(S.custom_more, rx.link("More details", href="#sec-more", size="2")), spacing="4",
                   wrap="wrap", padding_y="0.5rem")


def _duplicate(hit: DuplicateHit) -> rx.Component:
    return rx.hstack(
        rx.icon("users", size=16),
        rx.vstack(rx.text(hit.name, weight="medium"), rx.text("Same ", hit.matched_on, size="1", color_scheme="gray"),
                  spacing="0"),
        rx.spacer(),
        rx.cond(hit.code != "", rx.link(rx.button("Open ", hit.code, variant="soft", size="1"),
                                        href=f"{routes.CONTACTS}/{hit.code}")),
        width="100%", align="center")


def _duplicates_dialog() -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title("This contact may already exist"),
            rx.alert_dialog.description("Another contact has the same e-mail or mobile number. Open it, or save "
                                        "this one anyway."),
            rx.vstack(rx.foreach(S.duplicates, _duplicate), spacing="2", margin_y="1rem", width="100%"),
            rx.hstack(rx.alert_dialog.cancel(rx.button("Keep editing", variant="soft", color_scheme="gray")),
                      rx.button("Save anyway", color_scheme="orange", on_click=S.save(True)), justify="end"),
        ),
        open=S.duplicates_open, on_open_change=S.set_duplicates_open,
    )


def _save_bar() -> rx.Component:
    cancel = rx.cond(S.editing_code != "", f"{routes.CONTACTS}/" + S.editing_code, routes.CONTACTS)
    return rx.hstack(
        rx.cond(S.error_count > 0, rx.callout(rx.text(S.error_count, " field(s) need attention: see the red messages."),
                                              icon="triangle-alert", color_scheme="red", size="1")),
        rx.spacer(),
        rx.link(rx.button("Cancel", variant="soft", color_scheme="gray"), href=cancel),
        rx.button(rx.icon("save", size=16), "Save contact", on_click=S.save(False)),
        position="sticky", bottom="0", width="100%", padding="0.75rem", align="center",
        background=rx.color("gray", 1), border_top=f"1px solid {rx.color('gray', 5)}", z_index="5",
    )


def _form() -> rx.Component:
    return rx.vstack(edit_conflict(S.conflict), _jump_bar(),
                     basic_section(), communication_section(), addresses_section(), statutory_section(),
                     sales_section(), settings_section(), privacy_section(),
                     more_details(S, "contact-", lambda title, *fields: section(title, "sec-more", *fields)),
                     _save_bar(), _duplicates_dialog(),
                     spacing="4", width="100%")


def contact_form_page(title: str) -> rx.Component:
    return page_shell(title, rx.cond(
        S.not_found != "",
        rx.callout(S.not_found, icon="search-x", color_scheme="red", role="alert"),
        _form()))
