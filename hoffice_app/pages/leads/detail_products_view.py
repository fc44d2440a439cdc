"""The lead page's products: one line per product (code · name · category, quantity, unit
price, total) and the priced lines' sum, in the company's currency."""
from __future__ import annotations

import reflex as rx

from hoffice_app.domain.leads import ProductLineView
from hoffice_app.pages.leads.detail_state import LeadDetailState as S


def _line(line: ProductLineView) -> rx.Component:
    product = rx.hstack(rx.cond(line.code != "", rx.code(line.code, size="1")), rx.text(line.name, weight="medium"),
                        rx.text(line.category, size="1", color_scheme="gray"), spacing="2", align="center",
                        wrap="wrap")
    return rx.table.row(rx.table.row_header_cell(product), rx.table.cell(line.quantity, justify="end"),
                        rx.table.cell(line.unit_price, justify="end"), rx.table.cell(line.total, justify="end"))


def _table() -> rx.Component:
    head = rx.table.header(rx.table.row(*[rx.table.column_header_cell(h, justify="start" if h == "Product" else "end")
                                          for h in ("Product", "Qty", "Unit price", "Total")]))
    foot = rx.cond(S.lines_total != "", rx.table.row(
        rx.table.row_header_cell("Total"), rx.table.cell(), rx.table.cell(),
        rx.table.cell(rx.text.strong(S.lines_total), justify="end")))
    return rx.table.root(head, rx.table.body(rx.foreach(S.product_lines, _line), foot), size="1", variant="ghost",
                         width="100%", aria_label="Product lines")


def product_lines_item() -> rx.Component:
    """The "Products" row of the lead's details."""
    return rx.data_list.item(rx.data_list.label("Products", min_width="11rem"), rx.data_list.value(
        rx.cond(S.product_lines.length() > 0, _table(), rx.text("—", color_scheme="gray")), width="100%"))
