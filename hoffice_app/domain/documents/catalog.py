"""The Documents page: the library a page at a time, found by file name and category, each
file with who uploaded it, when, its size and the leads that use it; and uploading to the
library with a category.

What the page lists is exactly what ``service.visible_documents`` lets the viewer open. The
leads shown beside a file are only those the viewer may see (``leads.visible_clause``): a lead
hidden from them is left out without a trace — no title, no code, no count.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, Option, ValidationError, require_actor
from hoffice_app.domain.documents.files import store
from hoffice_app.domain.documents.service import visible_documents
from hoffice_app.domain.documents.views import DocumentView, LeadLink, LibraryPage, LibraryRow, to_views
from hoffice_app.domain.leads import visible_clause
from hoffice_app.domain.masters import entries as masters
from hoffice_app.domain.masters import register_usage
from hoffice_app.models import Document, Lead, LeadAttachment, MasterEntry

CATEGORY_KIND = "document_category"
NO_CATEGORY = "none"  # the category filter's value for documents without one
MAX_WORDS = 6


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _conditions(session: Session, actor: Actor, text: str, category: str) -> list:
    where = [visible_documents(session, actor)]
    for word in (text or "").casefold().split()[:MAX_WORDS]:
        where.append(func.lower(Document.filename).like(f"%{_escape_like(word)}%", escape="\\"))
    if category == NO_CATEGORY:
        where.append(Document.category_id.is_(None))
    elif category:
        where.append(Document.category_id == _category_id(category))
    return where


def _category_id(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValidationError({"category": "Choose a category from the list."}) from None


def category_options(session: Session, actor: Actor) -> list[Option]:
    """The active document categories, in their order (Settings → Documents)."""
    return masters.options(session, actor, CATEGORY_KIND)


def library_page(session: Session, actor: Actor, *, text: str = "", category: str = "", page: int = 1,
                 per_page: int = 25) -> LibraryPage:
    """Documents the actor may see, newest first: every word of ``text`` in the file name, and
    ``category`` an entry's id, ``NO_CATEGORY`` or "" for any."""
    require_actor(actor)
    per_page = max(1, min(int(per_page), 100))
    where = _conditions(session, actor, text, category)
    total = session.exec(select(func.count()).select_from(Document).where(*where)).one()
    page = max(1, min(int(page), max(1, -(-total // per_page))))
    docs = list(session.exec(select(Document).where(*where)
                             .order_by(Document.uploaded_at.desc(), Document.id.desc())
                             .offset((page - 1) * per_page).limit(per_page)).all())
    return LibraryPage(total=total, rows=_rows(session, actor, docs))


def leads_using(session: Session, actor: Actor, document_ids: list[int]) -> dict[int, list[LeadLink]]:
    """For each document, the leads it is attached to that the actor may see, by code."""
    found: dict[int, list[LeadLink]] = {i: [] for i in document_ids}
    if not document_ids:
        return found
    stmt = (select(LeadAttachment.document_id, Lead.code, Lead.title)
            .join(Lead, Lead.id == LeadAttachment.lead_id)
            .where(LeadAttachment.document_id.in_(document_ids), visible_clause(session, actor))
            .order_by(Lead.code))
    for document_id, code, title in session.exec(stmt).all():
        found[document_id].append(LeadLink(code=code, title=title))
    return found


def _rows(session: Session, actor: Actor, docs: list[Document]) -> list[LibraryRow]:
    views = to_views(session, docs)
    category_ids = {d.category_id for d in docs if d.category_id}
    names = dict(session.exec(select(MasterEntry.id, MasterEntry.name)
                              .where(MasterEntry.id.in_(category_ids))).all()) if category_ids else {}
    leads = leads_using(session, actor, [d.id for d in docs])
    return [LibraryRow(id=v.id, filename=v.filename, size_label=v.size_label, category=names.get(d.category_id, ""),
                       uploaded_by=v.uploaded_by, uploaded_at=v.uploaded_at, download_url=v.download_url,
                       leads=leads[d.id])
            for d, v in zip(docs, views, strict=True)]


def upload_to_library(session: Session, actor: Actor, filename: str, data: bytes, *, now: datetime,
                      category: str = "") -> DocumentView:
    """Store a file in the library, not attached to any lead, with an optional category (an
    active "document category" entry). The same checks as an attachment."""
    require_actor(actor)
    category_id = None
    if category:
        category_id = _category_id(category)
        entry = session.get(MasterEntry, category_id)
        if entry is None or entry.kind != CATEGORY_KIND or not entry.active:
            raise ValidationError({"category": "Choose a category from the list."})
    return to_views(session, [store(session, actor, filename, data, now=now, category_id=category_id)])[0]


@register_usage
def _used_by_documents(session: Session, entry: MasterEntry) -> list[str]:
    if entry.kind != CATEGORY_KIND:
        return []
    n = session.exec(select(func.count()).select_from(Document).where(Document.category_id == entry.id)).one()
    return [f"{n} document{'s' if n != 1 else ''}"] if n else []
