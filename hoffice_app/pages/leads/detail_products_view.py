"""The lead page's products, across the details card: one line per product (code · name · category, quantity, unit
price, total) and the priced lines' sum, in the company's currency."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.layout import ON_PHONE, ON_WIDE
from hoffice_app.components.terms import say
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


def _phone_line(line: ProductLineView) -> rx.Component:
    return rx.box(rx.text(line.name, weight="medium", size="2"),
                  rx.text(line.quantity, " × ", rx.cond(line.unit_price != "", line.unit_price, "no price"),
                          rx.cond(line.total != "", rx.fragment(" = ", rx.text.strong(line.total))),
                          size="2", color_scheme="gray"),
                  role="listitem", padding_y="0.25rem", border_bottom=f"1px solid {rx.color('gray', 4)}")


def _phone_lines() -> rx.Component:
    """At phone width the four columns would scroll sideways inside the card: one short block per line."""
    return rx.box(rx.foreach(S.product_lines, _phone_line),
                  rx.cond(S.lines_total != "", rx.text("Total ", rx.text.strong(S.lines_total), size="2",
                                                       margin_top="0.25rem")),
                  role="list", aria_label="Products", style={"display": ON_PHONE, "flexDirection": "column"})


def product_lines_block() -> rx.Component:
    """Below the details' list, across the card: the lead's product lines."""
    return rx.box(rx.text("Products", weight="bold", size="2", margin_top="1rem", margin_bottom="0.5rem"),
                  rx.cond(S.product_lines.length() > 0,
                          rx.fragment(rx.box(_table(), style={"display": ON_WIDE}), _phone_lines()),
                          rx.text(say("No products on this lead yet: add them with Edit."), size="2",
                                  color_scheme="gray")),
                  width="100%")
