"""A control that downloads a file the backend serves (/files/...)."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes


def download_link(child, href, **props) -> rx.Component:
    """Reflex renders anchors as router links, and a router link to /files/...
    either opens it as a page of the app or navigates the whole document (which
    Chromium may cancel as a download). rx.download clicks a plain hidden
    anchor with ``download`` instead: the browser fetches the file and the
    server's Content-Disposition names it. ``child`` is a button, so the
    control stays reachable from the keyboard."""
    return rx.box(child, on_click=rx.download(url=href), display="inline-block", **props)


def import_sheet_url(job_id: rx.Var, which: str) -> rx.Var:
    """The result ("result") or error ("errors") sheet of the import whose id is in ``job_id``."""
    return rx.Var.create(routes.IMPORT_FILES) + job_id.to_string() + f"/{which}.xlsx"
