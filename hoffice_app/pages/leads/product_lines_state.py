"""The lead form's products: a picker that finds a product by name or code in every category
(arrow keys move through the results, Enter adds, Escape closes), one line per product with its
quantity, unit price and line total, and "Compute estimated value from the product lines".

Each line is checked as it is typed with the same rules the save applies
(``leads.check_quantity`` / ``check_price``); the save checks everything again. The main
product category offered on the form is one of the lines' categories once there are lines
(the save's rule, ``leads.main_category``)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

import reflex as rx

from hoffice_app.db import unit_of_work
from hoffice_app.domain.common import Option, format_money
from hoffice_app.domain.leads import check_price, check_quantity, line_total, plain_amount
from hoffice_app.domain.masters import ProductHit, find_products, products_by_id
from hoffice_app.domain.masters import settings as app_settings

COMPUTE = "value_from_lines"  # the form value: "1" when the estimated value follows the lines


@dataclass
class FormLine:
    product_id: str
    label: str  # "code · name · category"
    category_id: str
    category: str
    quantity: str = "1"
    unit_price: str = ""
    total: str = "—"
    product_error: str = ""
    quantity_error: str = ""
    price_error: str = ""


class ProductLinesState(rx.State, mixin=True):
    """Mixed into the lead form's state, whose ``values`` and ``errors`` it reads and sets."""

    product_query: str = ""
    product_hits: list[ProductHit] = []
    product_active: int = 0  # the result Enter adds
    product_searched: bool = False  # a search ran: an empty result says so
    lines: list[FormLine] = []
    lines_total: str = ""
    currency: str = "INR"

    @rx.var
    def main_category_options(self) -> list[Option]:
        """The categories the lead's one category may be: any without lines, else the lines'."""
        if not self.lines:
            return self.category_options
        seen: dict[str, str] = {}
        for line in self.lines:
            seen.setdefault(line.category_id, line.category)
        return [Option(k, v) for k, v in seen.items()]

    def load_options(self, session, actor) -> None:
        super().load_options(session, actor)  # the form's other choices (form_options.LeadOptionsState)
        self.currency = app_settings.get(session, "default_currency")

    def reset_lines(self) -> None:
        self.product_query, self.product_hits, self.product_active, self.product_searched = "", [], 0, False
        self.lines, self.lines_total = [], ""

    def fill_lines(self, session, typed: list[dict]) -> None:
        """The lead's lines as the form shows them."""
        found = products_by_id(session, {int(t["product_id"]) for t in typed})
        self.lines = [FormLine(product_id=p.id, label=p.label, category_id=p.category_id, category=p.category,
                               quantity=t["quantity"], unit_price=t["unit_price"])
                      for t in typed if (p := found.get(int(t["product_id"])))]
        self._recount()

    def line_data(self) -> list[dict]:
        return [{"product_id": x.product_id, "quantity": x.quantity, "unit_price": x.unit_price} for x in self.lines]

    def mark_lines(self, errors: dict[str, str]) -> None:
        """A refused save's messages next to their line."""
        self.lines = [replace(x, product_error=errors.get(f"product_lines.{n}.product_id", ""),
                              quantity_error=errors.get(f"product_lines.{n}.quantity", ""),
                              price_error=errors.get(f"product_lines.{n}.unit_price", ""))
                      for n, x in enumerate(self.lines)]

    def _recount(self) -> None:
        """Line totals, the priced lines' sum and, with the option on, the estimated value."""
        total, priced, complete, lines = Decimal(0), False, True, []
        for x in self.lines:
            quantity, price = check_quantity(x.quantity)[0], check_price(x.unit_price)[0]
            amount = line_total(quantity, price)
            complete = complete and amount is not None
            if amount is not None:
                total, priced = total + amount, True
            lines.append(replace(x, total=format_money(amount, self.currency, blank="—")))
        self.lines = lines
        self.lines_total = format_money(total, self.currency) if priced else ""
        if self.values.get(COMPUTE) == "1" and complete and lines:
            self.values = self.values | {"estimated_value": plain_amount(total)}
        self._keep_main_category()

    def _keep_main_category(self) -> None:
        if self.lines and self.values.get("product_category_id", "") not in {x.category_id for x in self.lines}:
            self.values = self.values | {"product_category_id": self.lines[0].category_id}

    @rx.event
    def search_products(self, text: str):
        self.product_query, self.product_active = text, 0
        if not text.strip():
            self.product_hits, self.product_searched = [], False
            return
        chosen = {x.product_id for x in self.lines}
        with unit_of_work() as session:
            hits = find_products(session, self.require_actor(), text, limit=12)
        self.product_hits, self.product_searched = [h for h in hits if h.id not in chosen][:8], True

    @rx.event
    def product_key(self, key: str):
        """Arrow keys move through the results, Enter adds the highlighted one, Escape closes."""
        if key == "ArrowDown" and self.product_hits:
            self.product_active = (self.product_active + 1) % len(self.product_hits)
        elif key == "ArrowUp" and self.product_hits:
            self.product_active = (self.product_active - 1) % len(self.product_hits)
        elif key == "Enter" and self.product_hits:
            return self.add_product(self.product_hits[min(self.product_active, len(self.product_hits) - 1)].id)
        elif key == "Escape":
            self.product_hits, self.product_searched = [], False

    @rx.event
    def add_product(self, product_id: str):
        hit = next((h for h in self.product_hits if h.id == product_id), None)
        if hit is None or any(x.product_id == product_id for x in self.lines):
            return
        self.lines = [*self.lines, FormLine(product_id=hit.id, label=hit.label, category_id=hit.category_id,
                                            category=hit.category)]
        self.product_query, self.product_hits, self.product_active, self.product_searched = "", [], 0, False
        self.errors = {k: v for k, v in self.errors.items() if k not in ("product_lines", COMPUTE)}
        self._recount()
        return rx.call_script("document.getElementById('lead-product-search')?.focus()")  # the next product

    @rx.event
    def remove_line(self, product_id: str):
        self.lines = [x for x in self.lines if x.product_id != product_id]
        self._recount()

    @rx.event
    def set_quantity(self, product_id: str, value: str):
        self.lines = [replace(x, quantity=value, quantity_error=check_quantity(value)[1])
                      if x.product_id == product_id else x for x in self.lines]
        self._recount()

    @rx.event
    def set_price(self, product_id: str, value: str):
        self.lines = [replace(x, unit_price=value, price_error=check_price(value)[1])
                      if x.product_id == product_id else x for x in self.lines]
        self._recount()

    @rx.event
    def set_compute(self, checked: bool):
        self.values = self.values | {COMPUTE: "1" if checked else ""}
        self.errors = {k: v for k, v in self.errors.items() if k != COMPUTE}
        self._recount()
