"""A link that downloads a file the backend serves (/files/...)."""
from __future__ import annotations

import reflex as rx


def download_link(child, href, **props) -> rx.Component:
    """Reflex renders anchors as router links, which would open /files/... as a
    page of the app; ``reloadDocument`` makes the browser fetch it, and the
    server's Content-Disposition turns that into a download."""
    return rx.el.a(child, href=href, download=True, custom_attrs={"reloadDocument": True}, **props)
