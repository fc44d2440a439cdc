"""The lead page's products, across the details card: one line per product (code · name · category, quantity, unit
price, total) and the priced lines' sum, in the company's currency."""
from __future__ import annotations

import reflex as rx

from hoffice_app.domain.leads import ProductLineView
from hoffice_app.pages.leads.detail_state import LeadDetailState as S


def _amount(text) -> rx.Component:
    return rx.table.cell(text, justify="end", white_space="nowrap")


def _line(line: ProductLineView) -> rx.Component:
    product = rx.vstack(rx.text(line.name, weight="medium"),
                        rx.hstack(rx.cond(line.code != "", rx.code(line.code, size="1")),
                                  rx.text(line.category, size="1", color_scheme="gray"), spacing="2", align="center"),
                        spacing="1")
    return rx.table.row(rx.table.row_header_cell(product), _amount(line.quantity), _amount(line.unit_price),
                        _amount(line.total))


def _table() -> rx.Component:
    head = rx.table.header(rx.table.row(*[rx.table.column_header_cell(h, justify="start" if h == "Product" else "end",
                                                                      white_space="nowrap")
                                          for h in ("Product", "Quantity", "Unit price", "Total")]))
    foot = rx.cond(S.lines_total != "", rx.table.row(
        rx.table.row_header_cell("Total"), rx.table.cell(), rx.table.cell(), _amount(rx.text.strong(S.lines_total))))
    return rx.table.root(head, rx.table.body(rx.foreach(S.product_lines, _line), foot), size="1", variant="surface",
                         width="100%")


def product_lines_block() -> rx.Component:
    """Below the details' list, across the card: the lead's product lines."""
    return rx.box(rx.text("Products", weight="bold", size="2", margin_top="1rem", margin_bottom="0.5rem"),
                  rx.cond(S.product_lines.length() > 0, _table(),
                          rx.text("No products on this lead yet: add them with Edit.", size="2",
                                  color_scheme="gray")),
                  width="100%")
