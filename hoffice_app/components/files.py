"""The drop zone documents arrive through: a lead's attachments, the new-lead form and the library
all take the same files (the upload guard's types and size), so they offer one zone."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.a11y import name_file_input


def file_drop_zone(upload_id: str, handler, name, *, padding: str = "1rem") -> rx.Component:
    """Any number of files, dropped or chosen; ``handler`` receives them (``rx.upload_files``) and
    ``name`` is what a screen reader calls the zone's file input."""
    zone = rx.upload.root(
        rx.vstack(rx.icon("upload", size=18), rx.text("Drop files here or click to choose", size="2"),
                  rx.text("PDF, images, Office, text, CSV, ZIP · up to 10 MB each", size="1", color_scheme="gray"),
                  align="center", spacing="1"),
        id=upload_id, multiple=True, padding=padding, width="100%", border=f"1px dashed {rx.color('gray', 7)}",
        border_radius="var(--radius-3)", on_drop=handler(rx.upload_files(upload_id=upload_id)))
    return name_file_input(zone, name)
