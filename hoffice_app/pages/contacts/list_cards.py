"""The contact list at phone width: one card per contact instead of the table (which would make
the page scroll sideways), with the mobile number to call or message on WhatsApp. The table
shows from 768 px up (``layout.ON_WIDE``), the cards below it."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.layout import ON_PHONE
from hoffice_app.components.phone import phone_links
from hoffice_app.domain.contacts import ContactRow
from hoffice_app.pages.contacts.list_state import ContactListState as S


def _card(row: ContactRow, i) -> rx.Component:
    return rx.card(rx.vstack(
        rx.flex(rx.link(rx.text(row.title, " ", row.name), href=f"{routes.CONTACTS}/{row.code}", weight="medium"),
                rx.cond(row.is_private, rx.icon("lock", size=14, aria_label="Private")),
                rx.code(row.code, size="1"), spacing="2", align="center", wrap="wrap"),
        rx.flex(rx.badge(row.stage, color_scheme=rx.cond(row.stage == "Customer", "green", "blue")),
                rx.cond(row.contact_type != "", rx.badge(row.contact_type, color_scheme="gray")),
                rx.cond(row.city != "", rx.text(row.city, size="2", color_scheme="gray")),
                spacing="2", align="center", wrap="wrap"),
        phone_links(row.mobile),
        rx.cond(row.email != "", rx.link(row.email, href="mailto:" + row.email, size="2", word_break="break-all")),
        rx.cond(row.key_account_manager != "", rx.text("Key account manager: ", row.key_account_manager,
                                                       size="1", color_scheme="gray")),
        rx.foreach(S.cf_columns, lambda c, j: rx.cond(S.cf_cells[i][j] != "", rx.text(
            c.label, ": ", S.cf_cells[i][j], size="1", color_scheme="gray"))),  # the custom columns chosen
        spacing="2", width="100%", min_width="0"), width="100%", role="listitem")


def contact_cards() -> rx.Component:
    return rx.el.section(rx.vstack(rx.foreach(S.rows, _card), spacing="2", width="100%", role="list"),
                         aria_label="Contacts (cards)", style={"width": "100%", "display": ON_PHONE})
