"""Downloads of stored documents: GET /files/documents/{id} (and, from
import_routes.py, the Contact Center's spreadsheets).

A plain Starlette app (no reflex import), mounted into the Reflex backend by
``api_transformer``. The browser's session cookie ("hoffice_session", the same
token the Reflex state keeps) identifies the employee; the domain decides
whether they may have the file. Missing and hidden files get the same 404.
"""
from __future__ import annotations

from urllib.parse import quote, unquote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Route

from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain.auth import actor_for_token
from hoffice_app.domain.documents import open_for_download
from hoffice_app.domain.errors import NotFound

COOKIE = "hoffice_session"
PRIVATE = {"X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store"}


def content_disposition(filename: str) -> str:
    """``attachment`` with an ASCII fallback and the exact name as RFC 5987 ``filename*``."""
    fallback = "".join(c if 32 <= ord(c) < 127 and c not in '"\\;' else "_" for c in filename) or "download"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def token_of(request: Request) -> str:
    return unquote(request.cookies.get(COOKIE, "").strip().strip('"'))


def download_document(request: Request) -> Response:
    document_id = request.path_params["document_id"]
    token = token_of(request)
    try:
        with unit_of_work() as session:
            actor = actor_for_token(session, token, now=utcnow()) if token else None
            if actor is None:
                return PlainTextResponse("Please log in first.", status_code=401, headers=PRIVATE)
            path, filename, content_type = open_for_download(session, actor, document_id)
    except NotFound as err:
        return PlainTextResponse(err.message, status_code=404, headers=PRIVATE)
    headers = {**PRIVATE, "Content-Disposition": content_disposition(filename)}
    return FileResponse(path, media_type=content_type, headers=headers)


def _routes() -> list[Route]:
    from hoffice_app.import_routes import ROUTES as IMPORT_ROUTES

    return [Route("/files/documents/{document_id:int}", download_document, methods=["GET"]), *IMPORT_ROUTES]


files_app = Starlette(routes=_routes())
