"""/contacts: the searchable, filterable contact list."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.column_chooser import column_chooser
from hoffice_app.components.custom_filters import custom_filter_button, custom_filter_chips
from hoffice_app.components.download import download_link
from hoffice_app.components.layout import ON_WIDE, page_shell
from hoffice_app.components.pager import pager
from hoffice_app.components.saved_views import saved_views_menu
from hoffice_app.domain.contacts import ContactRow
from hoffice_app.pages.contacts.list_cards import contact_cards
from hoffice_app.pages.contacts.list_state import ANY
from hoffice_app.pages.contacts.list_state import ContactListState as S

SORTS = [("name", "Name A→Z"), ("-name", "Name Z→A"), ("code", "Code ↑"), ("-code", "Code ↓"),
         ("-created", "Newest first"), ("created", "Oldest first")]


def _filter(label: str, key: str, options, *, strings: bool = False) -> rx.Component:
    items = (rx.foreach(options, lambda o: rx.select.item(o, value=o)) if strings
             else rx.foreach(options, lambda o: rx.select.item(o.label, value=o.value)))
    return rx.select.root(
        rx.select.trigger(placeholder=label, aria_label=label, variant="soft"),
        rx.select.content(rx.select.item(f"Any {label.lower()}", value=ANY), items),
        value=S.filters.get(key, ""),
        on_change=lambda v: S.set_filter(key, v), size="2",
    )


def _import_export() -> rx.Component:
    """Import (the wizard, its history, the template) and Export (this list as filtered, as a spreadsheet)."""
    imports = rx.menu.root(
        rx.menu.trigger(rx.button(rx.icon("file-up", size=16), "Import", rx.icon("chevron-down", size=14), size="3",
                                  variant="soft", white_space="nowrap")),
        rx.menu.content(
            rx.menu.item("Import contacts from a spreadsheet", on_select=rx.redirect(routes.IMPORT)),
            rx.menu.item("Import history", on_select=rx.redirect(routes.IMPORT_HISTORY)),
            rx.menu.item("Download the import template", on_select=rx.download(url=routes.IMPORT_TEMPLATE))))
    export = download_link(rx.button(rx.icon("download", size=16), S.export_label, size="3", variant="soft",
                                     white_space="nowrap", aria_describedby="export-scope"), S.export_url,
                           title="These contacts, with the filters above, as .xlsx")
    return rx.hstack(imports, export, spacing="2", flex_shrink="0")


def _toolbar() -> rx.Component:
    # The buttons wrap under the search box on a phone instead of running off the screen.
    return rx.vstack(
        rx.flex(
            rx.box(rx.input(rx.input.slot(rx.icon("search", size=16)),
                            placeholder="Search name, alias, code, e-mail or mobile",
                            value=S.text, on_change=S.set_text, debounce_timeout=250, width="100%", size="3",
                            aria_label="Search contacts", type="search"), flex="1 1 16rem"),
            rx.link(rx.button(rx.icon("user-plus", size=16), "Add contact", size="3", white_space="nowrap"),
                    href=routes.CONTACT_NEW, flex_shrink="0"),
            _import_export(),
            spacing="2", wrap="wrap", width="100%"),
        rx.flex(
            _filter("Type", "contact_type_id", S.type_options),
            rx.select.root(rx.select.trigger(placeholder="Stage", aria_label="Stage", variant="soft"),
                           rx.select.content(rx.select.item("Any stage", value=ANY),
                                             rx.select.item("Prospects", value="prospect"),
                                             rx.select.item("Customers", value="customer")),
                           value=S.filters.get("stage", ""),
                           on_change=lambda v: S.set_filter("stage", v)),
            _filter("Category", "category_id", S.category_options),
            _filter("Industry", "industry_id", S.industry_options),
            _filter("City", "city", S.city_options, strings=True),
            _filter("State", "state", S.state_options, strings=True),
            _filter("Key account manager", "key_account_manager_id", S.employee_options),
            _filter("Division", "division_id", S.division_options),
            custom_filter_button(S),
            rx.cond(S.active_filters > 0, rx.button("Clear", variant="ghost", on_click=S.clear_filters)),
            rx.spacer(),
            saved_views_menu(S, "e.g. Ahmedabad customers"),
            rx.select.root(rx.select.trigger(aria_label="Sort by"),
                           rx.select.content(*[rx.select.item(label, value=v) for v, label in SORTS]),
                           value=S.sort, on_change=S.set_sort),
            column_chooser(S),
            spacing="2", wrap="wrap", width="100%", align="center"),
        custom_filter_chips(S),
        rx.cond(S.loaded, rx.text(S.export_scope, id="export-scope", size="2", color_scheme="gray")),
        spacing="3", width="100%")


def _row(row: ContactRow, i) -> rx.Component:
    on = S.col_on
    return rx.table.row(
        rx.table.cell(rx.code(row.code)),
        rx.table.cell(rx.hstack(
            rx.link(rx.text(row.title, " ", row.name), href=f"{routes.CONTACTS}/{row.code}", weight="medium"),
            rx.cond(row.is_private, rx.tooltip(rx.icon("lock", size=14, aria_label="Private"), content="Private")),
            align="center", spacing="1")),
        rx.cond(on["contact_type"], rx.table.cell(row.contact_type)),
        rx.cond(on["stage"], rx.table.cell(rx.badge(row.stage, color_scheme=rx.cond(row.stage == "Customer", "green",
                                                                                     "blue")))),
        rx.cond(on["mobile"], rx.table.cell(row.mobile)),
        rx.cond(on["email"], rx.table.cell(row.email)),
        rx.cond(on["city"], rx.table.cell(row.city)),
        rx.cond(on["key_account_manager"], rx.table.cell(row.key_account_manager)),
        rx.foreach(S.cf_cells[i], lambda value: rx.table.cell(value)),
    )


HEADINGS = (("contact_type", "Type"), ("stage", "Stage"), ("mobile", "Mobile"), ("email", "E-mail"), ("city", "City"),
            ("key_account_manager", "Key account manager"))


def _pager() -> rx.Component:
    first = (S.page - 1) * 25 + 1
    last = rx.cond(S.page * 25 < S.total, S.page * 25, S.total)
    return pager(S, rx.text("Showing ", first, "–", last, " of ", S.total, size="2", color_scheme="gray"))


def _empty() -> rx.Component:
    return rx.cond(
        S.active_filters > 0,
        rx.callout("No contact matches this search. Check the spelling, or clear the filters.", icon="search-x"),
        rx.callout(rx.text("No contacts yet. ", rx.link("Add the first contact", href=routes.CONTACT_NEW), "."),
                   icon="info"),
    )


def contact_list_page() -> rx.Component:
    table = rx.el.section(rx.table.root(
        rx.table.header(rx.table.row(
            *[rx.table.column_header_cell(h) for h in ("Code", "Name")],
            *[rx.cond(S.col_on[key], rx.table.column_header_cell(h)) for key, h in HEADINGS],
            rx.foreach(S.cf_columns, lambda c: rx.table.column_header_cell(c.label)))),
        rx.table.body(rx.foreach(S.rows, _row)), variant="surface", width="100%", size="1"),
        aria_label="Contacts", style={"overflowX": "auto", "width": "100%", "display": ON_WIDE})
    return page_shell("Contacts", rx.vstack(
        _toolbar(),
        rx.cond(S.total > 0, rx.vstack(table, contact_cards(), _pager(), width="100%", spacing="3"),
                rx.cond(S.loaded, _empty())),
        spacing="4", width="100%"))
