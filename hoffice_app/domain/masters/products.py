"""Finding products for a lead: by name or code, across every product category.

The lead form's picker types a few letters of a product's name or code and picks
from what comes back, whatever its category (the guide: "type the name/code, and it
will appear in dropdown"). Only what a new lead may take is offered: active products
of active categories. Codes are optional on products (Settings → Products) and unique
per list ignoring case when given (``entries``)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import aliased
from sqlmodel import Session, case, func, or_, select

from hoffice_app.domain.common import Actor, require_actor
from hoffice_app.models import MasterEntry

MAX_HITS = 20


@dataclass
class ProductHit:
    """A product as the picker lists it: "CRM-STD · H-Office CRM Standard · CRM Software"."""

    id: str
    code: str
    name: str
    category_id: str
    category: str
    label: str


def product_label(code: str | None, name: str, category: str) -> str:
    return " · ".join(part for part in (code or "", name, category) if part)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def find_products(session: Session, actor: Actor, text: str, *, limit: int = 8) -> list[ProductHit]:
    """Active products of active categories whose code or name contains ``text`` (ignoring
    case and repeated spaces), best first: an exact code, then codes and names starting
    with the text, then the rest, each in the master's order. Blank text finds nothing."""
    require_actor(actor)
    needle = " ".join((text or "").split()).lower()
    if not needle:
        return []
    category = aliased(MasterEntry)
    like = f"%{_escape(needle)}%"
    starts = f"{_escape(needle)}%"
    code, name = func.lower(func.coalesce(MasterEntry.code, "")), func.lower(MasterEntry.name)
    rank = case((code == needle, 0), (code.like(starts, escape="\\"), 1), (name.like(starts, escape="\\"), 2),
                else_=3)
    rows = session.exec(
        select(MasterEntry, category.name)
        .join(category, category.id == MasterEntry.parent_id)
        .where(MasterEntry.kind == "product", MasterEntry.active == True, category.active == True,  # noqa: E712
               or_(code.like(like, escape="\\"), name.like(like, escape="\\")))
        .order_by(rank, category.position, MasterEntry.position, MasterEntry.id)
        .limit(max(1, min(limit, MAX_HITS)))).all()
    return [ProductHit(id=str(p.id), code=p.code or "", name=p.name, category_id=str(p.parent_id),
                       category=cat, label=product_label(p.code, p.name, cat)) for p, cat in rows]


def products_by_id(session: Session, ids: set[int]) -> dict[int, ProductHit]:
    """Products (active or not) with their category, for lines a lead already holds."""
    if not ids:
        return {}
    category = aliased(MasterEntry)
    rows = session.exec(select(MasterEntry, category.name).outerjoin(category, category.id == MasterEntry.parent_id)
                        .where(MasterEntry.id.in_(ids), MasterEntry.kind == "product")).all()
    return {p.id: ProductHit(id=str(p.id), code=p.code or "", name=p.name, category_id=str(p.parent_id or ""),
                             category=cat or "", label=product_label(p.code, p.name, cat or ""))
            for p, cat in rows}
