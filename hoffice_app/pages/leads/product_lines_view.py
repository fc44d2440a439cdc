"""The lead form's products: the picker (type a name or code; arrow keys, Enter, Escape), the
lines with quantity, unit price and total, and "Compute estimated value from the product
lines". Spans the whole width of the form's grid."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.fields import choice, field_error
from hoffice_app.components.terms import say
from hoffice_app.pages.leads.form_state import LeadFormState as S
from hoffice_app.pages.leads.product_lines_state import COMPUTE, FormLine

SEARCH_ID = "lead-product-search"
RESULTS_ID = "lead-product-results"


def _hit(hit, index) -> rx.Component:
    active = index == S.product_active
    return rx.button(hit.label, type="button", size="2", role="option", id=f"{RESULTS_ID}-" + index.to_string(),
                     aria_selected=active, variant=rx.cond(active, "soft", "ghost"), justify_content="flex-start",
                     width="100%", on_click=S.add_product(hit.id))


def _results() -> rx.Component:
    listed = rx.vstack(rx.foreach(S.product_hits, _hit), id=RESULTS_ID, role="listbox", aria_label="Products found",
                       spacing="1", width="100%", padding="0.25rem",
                       border=f"1px solid {rx.color('gray', 6)}", border_radius="var(--radius-2)")
    nothing = rx.text("No active product matches “", S.product_query, "”. Try part of its name or its code.",
                      size="1", color_scheme="gray", role="status")
    return rx.cond(S.product_hits.length() > 0, listed, rx.cond(S.product_searched, nothing))


def _search() -> rx.Component:
    return rx.input(id=SEARCH_ID, value=S.product_query, placeholder="Type a product's name or code, e.g. CRM-STD",
                    on_change=S.search_products, on_key_down=lambda key, info: S.product_key(key),
                    role="combobox", aria_autocomplete="list", aria_controls=RESULTS_ID,
                    aria_expanded=S.product_hits.length() > 0, auto_complete="off", width="100%")


def _amount_input(label, value, on_change, error, **kw) -> rx.Component:
    return rx.vstack(rx.input(value=value, on_change=on_change, aria_label=label, input_mode="decimal",
                              color_scheme=rx.cond(error != "", "red", "gray"), aria_invalid=error != "",
                              width="100%", **kw),
                     field_error(error), spacing="1", min_width="6.5rem")


def _line(line: FormLine) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.text(line.label, weight="medium"), field_error(line.product_error)),
        rx.table.cell(_amount_input(rx.Var.create("Quantity of ") + line.label, line.quantity,
                                    lambda v: S.set_quantity(line.product_id, v), line.quantity_error)),
        rx.table.cell(_amount_input(rx.Var.create("Unit price of ") + line.label, line.unit_price,
                                    lambda v: S.set_price(line.product_id, v), line.price_error,
                                    placeholder="Not quoted")),
        rx.table.cell(rx.text(line.total, aria_label=rx.Var.create("Total of ") + line.label), justify="end"),
        rx.table.cell(rx.icon_button(rx.icon("x", size=14), size="1", variant="ghost", color_scheme="gray",
                                     type="button", aria_label=rx.Var.create("Remove ") + line.label,
                                     on_click=S.remove_line(line.product_id))),
        align="center")


def _lines() -> rx.Component:
    head = rx.table.header(rx.table.row(
        rx.table.column_header_cell("Product (code · name · category)"), rx.table.column_header_cell("Quantity"),
        rx.table.column_header_cell("Unit price"), rx.table.column_header_cell("Total", justify="end"),
        rx.table.column_header_cell(rx.el.span("Remove", class_name="sr-only", style={
            "position": "absolute", "width": "1px", "height": "1px", "overflow": "hidden",
            "clip": "rect(0 0 0 0)"}))))
    table = rx.table.root(head, rx.table.body(rx.foreach(S.lines, _line)), variant="surface", size="1",
                          width="100%", aria_label="Product lines")
    empty = rx.text(say("No products yet: type a name or code above and press Enter (↑ ↓ to choose). A lead may "
                        "hold products of several categories."), size="1", color_scheme="gray")
    return rx.cond(S.lines.length() > 0, table, empty)


def _footer() -> rx.Component:
    compute = rx.checkbox("Compute estimated value from the product lines", id="lead-value-from-lines",
                          checked=S.values.get(COMPUTE, "") == "1", on_change=S.set_compute)
    total = rx.cond(S.lines_total != "", rx.text("Total of the priced lines: ", rx.text.strong(S.lines_total),
                                                 size="2", id="lead-lines-total"))
    return rx.vstack(rx.flex(compute, rx.spacer(), total, width="100%", wrap="wrap", spacing="3", align="center"),
                     field_error(S.errors.get(COMPUTE, "")), spacing="1", width="100%")


def products_field() -> rx.Component:
    """Products with their lines, across the whole form grid."""
    label = rx.el.label("Products", html_for=SEARCH_ID, style={"fontSize": "var(--font-size-2)", "fontWeight": 500})
    return rx.vstack(label, _search(), _results(), field_error(S.errors.get("product_lines", "")), _lines(),
                     rx.cond(S.lines.length() > 0, _footer()),
                     spacing="2", width="100%", align="stretch", grid_column="1 / -1")


def main_category() -> rx.Component:
    """The lead's one product category (filters, cards, assignment rules and insights read it):
    any without products, else one of the products' categories."""
    hint = rx.cond(S.lines.length() > 0, rx.text("The main category, which filters and insights count by: one of "
                                                 "the products' categories.", size="1", color_scheme="gray"))
    return rx.vstack(choice("Product category", "lead-product_category_id", S.main_category_options,
                            S.values.get("product_category_id", ""), lambda v: S.set_value("product_category_id", v),
                            S.errors.get("product_category_id", "")),
                     hint, spacing="1", width="100%")
