"""The backend's protections, wired to this Reflex app (``hoffice_app.py`` passes ``wrap`` as
an ``api_transformer`` and runs ``sweep_stale_uploads`` at start-up).

The guards themselves are plain ASGI in ``hoffice_app.http`` (``uploads``, ``headers``); what
only the Reflex side knows is here: the names Reflex gives the upload handlers, the upload
path, the origins from ``rxconfig.py`` and the folder of the built frontend.

Upload rules:
- the import wizard (``ImportState.upload``): one sheet up to the ``import_max_file_mb`` setting
  (``importer.jobs.limits``); accepting one removes stale uploads (``importer.uploads``);
- lead attachments (``LeadDetailState.upload``), the new-lead form's files
  (``LeadFormState.upload_draft``) and the Documents page's upload (``DocumentsState.upload``):
  up to ``LEAD_FILES_PER_DROP`` files of the documents' 10 MB limit in one drop (each file is
  still checked on its own).
Every role may use them all; the handlers' own domain calls decide the rest.
"""
from __future__ import annotations

import asyncio

from reflex import constants
from reflex.config import get_config
from reflex.utils import prerequisites
from reflex.utils.format import format_event_handler
from starlette.types import ASGIApp

from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain.documents import MAX_BYTES as DOCUMENT_MAX_BYTES
from hoffice_app.http.headers import SecurityHeaders
from hoffice_app.http.uploads import UploadGuard, UploadRule
from hoffice_app.importer import jobs, uploads
from hoffice_app.pages.documents.state import DocumentsState
from hoffice_app.pages.imports.state import ImportState
from hoffice_app.pages.leads.detail_state import LeadDetailState
from hoffice_app.pages.leads.form_state import LeadFormState

LEAD_FILES_PER_DROP = 10


def upload_rules() -> dict[str, UploadRule]:
    return {
        format_event_handler(ImportState.upload): UploadRule(
            limit=lambda session: jobs.limits(session).max_bytes, on_accept=uploads.sweep_folder),
        format_event_handler(LeadDetailState.upload): UploadRule(
            limit=lambda _session: LEAD_FILES_PER_DROP * DOCUMENT_MAX_BYTES),
        format_event_handler(LeadFormState.upload_draft): UploadRule(
            limit=lambda _session: LEAD_FILES_PER_DROP * DOCUMENT_MAX_BYTES),
        format_event_handler(DocumentsState.upload): UploadRule(
            limit=lambda _session: LEAD_FILES_PER_DROP * DOCUMENT_MAX_BYTES),
    }


def wrap(backend: ASGIApp) -> ASGIApp:
    """The whole backend (routes, Reflex's endpoints, the served frontend) behind the guards."""
    config = get_config()
    origins = tuple(config.cors_allowed_origins)
    guarded = UploadGuard(backend, rules=upload_rules(), origins=origins,
                          path=config.prepend_backend_path(str(constants.Endpoint.UPLOAD)))
    static_dir = (prerequisites.get_web_dir() / constants.Dirs.STATIC / config.frontend_path.strip("/")).resolve()
    return SecurityHeaders(guarded, origins=origins, static_dir=static_dir)


async def sweep_stale_uploads() -> None:
    """Start-up: uploads a crash or restart left behind (see ``importer.uploads``)."""
    def sweep() -> None:
        with unit_of_work() as session:
            uploads.sweep_folder(session, now=utcnow())
    await asyncio.to_thread(sweep)
