"""Lead attachments and the document library: who sees a document, attaching and
detaching, a lead's files, the library's quick search (the lead page's dialog), downloads.

The bytes and their checks are in ``files``. Who sees a document: its uploader, and whoever
can see a lead it is attached to (admins see every lead, hence every attached document, and
the whole library). The library, the Documents page, attaching from the library and
downloads all use that one rule (``visible_documents``).
"""
from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from sqlalchemy import exists, func, or_, true
from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, NotFound, ValidationError, require_actor
from hoffice_app.domain.documents.files import (  # noqa: F401  (the limits and the folder, read here too)
    ALLOWED,
    MAX_BYTES,
    discard_file,
    path_for,
    public_folders,
    storage_root,
    store,
)
from hoffice_app.domain.documents.views import DocumentView, to_views
from hoffice_app.domain.leads import get_visible, visible_clause
from hoffice_app.domain.leads import timeline as lead_events
from hoffice_app.models import Document, Lead, LeadAttachment

log = logging.getLogger(__name__)

NOT_FOUND = "No such file, or it is not shared with you."


# ---------------------------------------------------------------- who sees what

def visible_documents(session: Session, actor: Actor):
    """A WHERE clause on Document: uploaded by the actor or attached to a lead they can see."""
    require_actor(actor)
    if actor.is_admin:
        return true()
    attached = exists().where(LeadAttachment.document_id == Document.id, Lead.id == LeadAttachment.lead_id,
                              visible_clause(session, actor))
    return or_(Document.uploaded_by_id == actor.id, attached)


def get_document(session: Session, actor: Actor, document_id: int) -> Document:
    doc = session.exec(select(Document).where(Document.id == document_id,
                                              visible_documents(session, actor))).first()
    if doc is None:
        raise NotFound(NOT_FOUND)
    return doc


def _touch(session: Session, lead: Lead, actor: Actor, text: str, now: datetime) -> None:
    lead_events.record(session, lead.id, actor.id, "attachment", text, at=now)
    lead.updated_at = now
    session.add(lead)


# ---------------------------------------------------------------- operations

def store_and_attach(session: Session, actor: Actor, lead_id: int, filename: str, data: bytes, *,
                     now: datetime) -> DocumentView:
    """Check the file, store it privately, add it to the library and attach it to the lead."""
    lead = get_visible(session, actor, lead_id=lead_id)
    doc = store(session, actor, filename, data, now=now)
    try:
        attach(session, actor, lead, doc, now=now)
    except BaseException:
        discard_file(doc)
        raise
    return to_views(session, [doc])[0]


def attach(session: Session, actor: Actor, lead: Lead, doc: Document, *, now: datetime) -> None:
    """Link a document the caller has checked to a lead the caller has checked, on the timeline."""
    session.add(LeadAttachment(lead_id=lead.id, document_id=doc.id, attached_by_id=actor.id, attached_at=now))
    _touch(session, lead, actor, f"Attached {doc.filename}", now)
    session.flush()


def attach_existing(session: Session, actor: Actor, lead_id: int, document_id: int, *,
                    now: datetime) -> DocumentView:
    """Attach a library document the actor may see."""
    lead = get_visible(session, actor, lead_id=lead_id)
    doc = get_document(session, actor, document_id)
    if session.get(LeadAttachment, (lead.id, doc.id)) is not None:
        raise ValidationError({"file": f"{doc.filename} is already attached to this lead."})
    attach(session, actor, lead, doc, now=now)
    return to_views(session, [doc])[0]


def detach(session: Session, actor: Actor, lead_id: int, document_id: int, *, now: datetime) -> None:
    """Take the document off the lead; it stays in the library."""
    lead = get_visible(session, actor, lead_id=lead_id)
    link = session.get(LeadAttachment, (lead.id, document_id))
    if link is None:
        raise NotFound("That file is not attached to this lead.")
    doc = session.get(Document, document_id)
    session.delete(link)
    _touch(session, lead, actor, f"Removed attachment {doc.filename}", now)
    session.flush()


def lead_documents(session: Session, actor: Actor, lead_id: int) -> list[DocumentView]:
    lead = get_visible(session, actor, lead_id=lead_id)
    docs = session.exec(select(Document).join(LeadAttachment, LeadAttachment.document_id == Document.id)
                        .where(LeadAttachment.lead_id == lead.id)
                        .order_by(LeadAttachment.attached_at.desc(), Document.id.desc())).all()
    return to_views(session, list(docs))


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def library(session: Session, actor: Actor, text: str = "", limit: int = 50) -> list[DocumentView]:
    """Documents the actor may see, newest first; every word of ``text`` must appear in the name."""
    stmt = select(Document).where(visible_documents(session, actor))
    for word in (text or "").casefold().split()[:6]:
        stmt = stmt.where(func.lower(Document.filename).like(f"%{_escape_like(word)}%", escape="\\"))
    stmt = stmt.order_by(Document.uploaded_at.desc(), Document.id.desc()).limit(max(1, min(int(limit), 200)))
    return to_views(session, list(session.exec(stmt).all()))


def open_for_download(session: Session, actor: Actor, document_id: int) -> tuple[Path, str, str]:
    """(path on disk, display filename, content type) of a document the actor may see."""
    doc = get_document(session, actor, document_id)
    path = path_for(doc.storage_key)
    if not path.is_file():
        log.error("document %s: stored file %s is missing", doc.id, path)
        raise NotFound(NOT_FOUND)
    return path, doc.filename, doc.content_type
