"""Files added in the new-lead form, before the lead exists.

Each file is checked and stored as a library document of its uploader at once (the same
checks as any attachment), so the form only holds document ids. Saving the form attaches
them to the new lead in the transaction that creates it (``attach_drafts``): the lead and its
files are saved together or not at all. Removing a file before saving deletes the document
uploaded for the form (``discard_draft``); a file picked from the library is only dropped
from the form. A form abandoned leaves its uploads in the uploader's library, unattached and
seen only by them and administrators, to attach later from the library.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import exists
from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, NotFound, require_actor
from hoffice_app.domain.documents.files import remove_after_commit, store
from hoffice_app.domain.documents.service import NOT_FOUND, attach, get_document
from hoffice_app.domain.documents.views import DocumentView, to_views
from hoffice_app.domain.leads import get_visible
from hoffice_app.models import Document, LeadAttachment

MAX_DRAFT_FILES = 20


def upload_draft(session: Session, actor: Actor, filename: str, data: bytes, *, now: datetime) -> DocumentView:
    """Check and store a file for a lead not saved yet: a library document of the actor's."""
    return to_views(session, [store(session, actor, filename, data, now=now)])[0]


def draft_documents(session: Session, actor: Actor, document_ids: list[int]) -> list[DocumentView]:
    """The form's files as the actor may see them now (one gone meanwhile is left out)."""
    docs = [d for i in document_ids for d in _visible_or_none(session, actor, i)]
    return to_views(session, docs)


def _visible_or_none(session: Session, actor: Actor, document_id: int) -> list[Document]:
    try:
        return [get_document(session, actor, document_id)]
    except NotFound:
        return []


def attach_drafts(session: Session, actor: Actor, lead_code: str, document_ids: list[int], *,
                  now: datetime) -> int:
    """Attach the form's files to the lead just saved, in the caller's transaction; a file the
    actor may no longer see refuses the whole save (NotFound), one already attached is skipped."""
    lead = get_visible(session, actor, code=lead_code)
    attached = 0
    for document_id in list(dict.fromkeys(document_ids))[:MAX_DRAFT_FILES]:
        doc = get_document(session, actor, document_id)
        if session.get(LeadAttachment, (lead.id, doc.id)) is None:
            attach(session, actor, lead, doc, now=now)
            attached += 1
    return attached


def discard_draft(session: Session, actor: Actor, document_id: int) -> None:
    """Delete a document the actor uploaded for the form and removed again before saving. One
    attached to a lead meanwhile (from another tab) stays in the library."""
    require_actor(actor)
    doc = session.get(Document, document_id)
    if doc is None or doc.uploaded_by_id != actor.id:
        raise NotFound(NOT_FOUND)
    used = session.exec(select(exists().where(LeadAttachment.document_id == doc.id))).one()
    if not used:
        remove_after_commit(session, doc)
