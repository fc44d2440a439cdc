"""Spreadsheet downloads of the Contact Center:

- GET /files/imports/template.xlsx — the import template, made fresh (its
  drop-downs hold today's masters);
- GET /files/imports/{job}/result.xlsx and /errors.xlsx — an import's result
  and error sheets, for whoever may see that import;
- GET /files/contacts/export.xlsx?text=…&city=… — the contact list with the
  same filters as the page, only the contacts the employee may see; the file's
  name says "(filtered)" when a filter applies, its "Filters" sheet says which.

Files are streamed from the private import folder; a generated file is
deleted once sent.
"""
from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import FileResponse, Response, StreamingResponse
from starlette.routing import Route

from hoffice_app.db import utcnow
from hoffice_app.domain.contacts import ContactQuery
from hoffice_app.http.common import PRIVATE, content_disposition, refused, with_actor
from hoffice_app.importer import jobs, submit
from hoffice_app.importer.sheets import export, template

log = logging.getLogger(__name__)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FILTERS = ("text", "contact_type_id", "category_id", "industry_id", "city", "state", "stage",
           "key_account_manager_id", "division_id", "sort")


def _send(path: Path, filename: str, *, temporary: bool = False) -> Response:
    headers = {**PRIVATE, "Content-Disposition": content_disposition(filename)}
    if not temporary:
        return FileResponse(path, media_type=XLSX, headers=headers)
    # A file made for this one response is opened, then removed, and streamed from the open
    # handle. FileResponse would hand the path to the server (granian serves it itself,
    # "http.response.pathsend") while a background task removed the file: most such
    # downloads then failed with the server's "Not found".
    handle = path.open("rb")
    path.unlink(missing_ok=True)
    size = os.fstat(handle.fileno()).st_size
    return StreamingResponse(iter(lambda: handle.read(1 << 20), b""), media_type=XLSX,
                             headers={**headers, "Content-Length": str(size)}, background=BackgroundTask(handle.close))


def _scratch() -> Path:
    handle = tempfile.NamedTemporaryFile(suffix=".xlsx", dir=jobs.storage_dir(), delete=False)
    handle.close()
    return Path(handle.name)


def download_template(request: Request) -> Response:
    def work(session, _actor):
        path = _scratch()
        template.write_template(session, path)
        return _send(path, "H-Office contact import template.xlsx", temporary=True)
    return with_actor(request, work)


def download_job_sheet(request: Request) -> Response:
    job_id, which = request.path_params["job_id"], request.path_params["which"]
    found: list = []

    def work(session, actor):
        found.append(submit.sheet_target(session, actor, job_id, which))
    refusal = with_actor(request, work)
    if refusal is not None:
        return refusal
    try:  # after the transaction: a result sheet still being written may take seconds
        path = found[0].ready()
    except Exception:  # noqa: BLE001 — logged; the user gets one sentence
        log.exception("the result sheet of import %s could not be written", job_id)
        return refused(500, "The result sheet could not be written just now; try again in a minute.")
    label = "contact codes" if which == "result" else "rows to fix"
    return _send(path, f"Import {job_id} – {label}.xlsx")


def export_contact_list(request: Request) -> Response:
    values = {k: request.query_params.get(k, "") for k in FILTERS if request.query_params.get(k)}
    values = {k: ("" if v == "all" else v) for k, v in values.items()}

    # The name says a file is not the whole list; its "Filters" sheet says which filters.
    note = " (filtered)" if any(v for k, v in values.items() if k != "sort") else ""

    def work(session, actor):
        path = _scratch()
        export.export_contacts(session, actor, ContactQuery(**values), path, now=utcnow())
        return _send(path, f"H-Office contacts {utcnow():%Y-%m-%d}{note}.xlsx", temporary=True)
    return with_actor(request, work)


ROUTES = [
    Route("/files/imports/template.xlsx", download_template, methods=["GET"]),
    Route("/files/imports/{job_id:int}/{which:str}.xlsx", download_job_sheet, methods=["GET"]),
    Route("/files/contacts/export.xlsx", export_contact_list, methods=["GET"]),
]
