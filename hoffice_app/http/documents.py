"""Downloads of stored documents: GET /files/documents/{id}, only to people who may see the lead."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from hoffice_app.domain.documents import open_for_download
from hoffice_app.http.common import PRIVATE, content_disposition, with_actor


def download_document(request: Request) -> Response:
    document_id = request.path_params["document_id"]
    found: list = []

    def work(session, actor):
        found.append(open_for_download(session, actor, document_id))
    refusal = with_actor(request, work)
    if refusal is not None:
        return refusal
    path, filename, content_type = found[0]
    headers = {**PRIVATE, "Content-Disposition": content_disposition(filename)}
    return FileResponse(path, media_type=content_type, headers=headers)


ROUTES = [Route("/files/documents/{document_id:int}", download_document, methods=["GET"])]
