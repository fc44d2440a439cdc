"""A lead's product lines: which products, how many, at what unit price.

The form sends ``product_lines`` (``{"product_id", "quantity", "unit_price"}`` each, in
its order); scripts, the seed and older callers may send ``product_ids`` alone (each a
line of 1 without a price). A product may come from any category. Problems are reported
next to the line (``product_lines.<n>.quantity`` / ``.unit_price``).

The lead keeps one ``product_category_id``, its main category, which the list's filter,
the board's cards, assignment rules and insights read: without products it is the category
chosen on the form; with products it must be the category of one of them, and is the first
line's category when none was chosen or the chosen one fits none of them.

"Compute estimated value from the product lines" (``value_from_lines``) makes the estimated
value the sum of quantity × unit price; every line then needs a price."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from sqlmodel import Session, select

from hoffice_app.domain.common import as_id
from hoffice_app.domain.masters import products_by_id
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import LeadProduct, MasterEntry

MAX_QUANTITY = Decimal(10) ** 9
MAX_PRICE = Decimal(10) ** 13
_CENT, _MILLI = Decimal("0.01"), Decimal("0.001")


@dataclass
class CleanLine:
    product_id: int
    quantity: Decimal
    unit_price: Decimal | None


@dataclass
class ProductLineView:
    """A line as the lead's page shows it; amounts already in the company's currency."""

    code: str
    name: str
    category: str
    quantity: str
    unit_price: str
    total: str


def _number(raw) -> Decimal | None:
    text = str(raw if raw is not None else "").replace(",", "").replace(" ", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def check_quantity(raw) -> tuple[Decimal | None, str]:
    """The quantity typed on a line, or why it cannot be used."""
    if str(raw if raw is not None else "").strip() == "":
        return None, "Enter a quantity."
    value = _number(raw)
    if value is None:
        return None, "Enter a number, e.g. 2 or 1.5."
    if value <= 0:
        return None, "Enter a quantity above 0."
    if value >= MAX_QUANTITY or value != value.quantize(_MILLI):
        return None, "Enter a quantity below 1,000,000,000 with at most 3 decimals."
    return value, ""


def check_price(raw) -> tuple[Decimal | None, str]:
    """The unit price typed on a line (blank: not quoted yet), or why it cannot be used."""
    if str(raw if raw is not None else "").strip() == "":
        return None, ""
    value = _number(raw)
    if value is None:
        return None, "Enter an amount, e.g. 45000."
    if value < 0:
        return None, "Enter a price of 0 or more."
    if value >= MAX_PRICE:
        return None, "Enter a smaller price."
    return value.quantize(_CENT, rounding=ROUND_HALF_UP), ""


def line_total(quantity: Decimal | None, unit_price: Decimal | None) -> Decimal | None:
    if quantity is None or unit_price is None:
        return None
    return (quantity * unit_price).quantize(_CENT, rounding=ROUND_HALF_UP)


def _typed_lines(data: dict) -> list[dict]:
    if data.get("product_lines") is not None:
        return [dict(line) for line in data.get("product_lines") or []]
    return [{"product_id": raw, "quantity": "1", "unit_price": ""} for raw in data.get("product_ids") or []]


def clean_lines(session: Session, data: dict, errors: dict[str, str], *,
                lead_id: int | None) -> list[CleanLine]:
    """The lines to save, in order; problems go into ``errors``. A product already on the lead
    stays allowed after it was deactivated; adding an inactive one is refused."""
    held = set(session.exec(select(LeadProduct.product_id).where(LeadProduct.lead_id == lead_id))) \
        if lead_id else set()
    out: list[CleanLine] = []
    for n, typed in enumerate(_typed_lines(data)):
        product = session.get(MasterEntry, as_id(typed.get("product_id")) or 0)
        if product is None or product.kind != "product" or (not product.active and product.id not in held):
            errors[f"product_lines.{n}.product_id"] = "Choose the product from the list."
            errors.setdefault("product_lines", "Choose products from the list.")
            continue
        if any(line.product_id == product.id for line in out):
            errors[f"product_lines.{n}.product_id"] = f"{product.name} is already on this lead."
            errors.setdefault("product_lines", "Each product goes on one line: change its quantity instead.")
            continue
        quantity, problem = check_quantity(typed.get("quantity", "1"))
        if problem:
            errors[f"product_lines.{n}.quantity"] = problem
        price, problem = check_price(typed.get("unit_price"))
        if problem:
            errors[f"product_lines.{n}.unit_price"] = problem
        out.append(CleanLine(product.id, quantity or Decimal(1), price))
    if any(k.startswith("product_lines.") for k in errors):
        errors.setdefault("product_lines", "Correct the product lines marked in red.")
    return out


def main_category(session: Session, chosen: int | None, lines: list[CleanLine]) -> int | None:
    """The lead's single product category: the chosen one if a line is of it (or there are no
    lines), else the first line's category."""
    if not lines:
        return chosen
    parents = dict(session.exec(select(MasterEntry.id, MasterEntry.parent_id)
                                .where(MasterEntry.id.in_([line.product_id for line in lines]))).all())
    categories = [parents.get(line.product_id) for line in lines]
    return chosen if chosen in categories else categories[0]


def value_from_lines(lines: list[CleanLine], errors: dict[str, str]) -> Decimal | None:
    """The sum of the lines, for "Compute estimated value from the product lines"."""
    if not lines:
        errors["value_from_lines"] = "Add the products first."
        return None
    if any(line.unit_price is None for line in lines):
        errors["value_from_lines"] = "Enter a unit price on every line to compute the value."
        return None
    total = sum((line_total(line.quantity, line.unit_price) for line in lines), Decimal(0))
    if total >= MAX_PRICE:
        errors["value_from_lines"] = "The lines add up to more than an estimated value can hold."
        return None
    return total


def plain_amount(value: Decimal | None) -> str:
    """A number as a form field holds it: 2500, 1.5 (no trailing zeros, no grouping)."""
    if value is None:
        return ""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def lead_lines(session: Session, lead_id: int) -> list[LeadProduct]:
    return list(session.exec(select(LeadProduct).where(LeadProduct.lead_id == lead_id)
                             .order_by(LeadProduct.position, LeadProduct.product_id)))


def form_lines(session: Session, lead_id: int) -> list[dict]:
    """The lines as the form shows and sends them back (text values)."""
    return [{"product_id": str(r.product_id), "quantity": plain_amount(r.quantity),
             "unit_price": plain_amount(r.unit_price)} for r in lead_lines(session, lead_id)]


def computed_from_lines(rows: list[LeadProduct], estimated_value: Decimal | None) -> bool:
    """Whether the estimated value is the lines' sum (the form opens with the option ticked)."""
    if not rows or estimated_value is None or any(r.unit_price is None for r in rows):
        return False
    return sum((line_total(r.quantity, r.unit_price) for r in rows), Decimal(0)) == estimated_value


def line_views(session: Session, lead_id: int) -> tuple[list[ProductLineView], str]:
    """The lead page's lines and the total of the priced ones ("" when none is priced)."""
    rows = lead_lines(session, lead_id)
    products = products_by_id(session, {r.product_id for r in rows})
    views, total, priced = [], Decimal(0), False
    for r in rows:
        p = products.get(r.product_id)
        amount = line_total(r.quantity, r.unit_price)
        if amount is not None:
            total, priced = total + amount, True
        views.append(ProductLineView(code=p.code if p else "", name=p.name if p else "", category=p.category if p
                                     else "", quantity=plain_amount(r.quantity),
                                     unit_price=app_settings.money(session, r.unit_price, blank="—"),
                                     total=app_settings.money(session, amount, blank="—")))
    return views, app_settings.money(session, total) if priced else ""
