"""Which web origins may talk to the backend with the employee's cookie.

Reflex's default is every origin (``cors_allowed_origins=("*",)`` with credentials), so any
page the employee opened — even one on another port of the same host — could read
``/files/…`` downloads and open the websocket as them. ``rxconfig.py`` replaces that list with
``allowed_origins(...)``: the comma-separated ``HOFFICE_ALLOWED_ORIGINS``, or else the app's own
URLs (Reflex's ``deploy_url`` and ``api_url``, which follow ``--frontend-port`` /
``--backend-port``). The same list feeds Reflex's CORS middleware, the websocket's origin check
(socket.io) and the upload guard (``hoffice_app.http.uploads``).

Plain Python on purpose: ``rxconfig.py`` imports it, long before the app is loaded.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

ENV = "HOFFICE_ALLOWED_ORIGINS"
# The same machine answers on both names; a user typing either should not get a dead websocket.
LOOPBACK_TWINS = {"localhost": "127.0.0.1", "127.0.0.1": "localhost"}


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` as a browser sends it in ``Origin`` (default ports dropped);
    refuses anything that is not an http(s) origin, "*" included."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{ENV}: {url!r} is not an origin such as https://crm.example.com")
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    default = {"http": 80, "https": 443}[parts.scheme]
    port = f":{parts.port}" if parts.port and parts.port != default else ""
    return f"{parts.scheme}://{host}{port}"


def allowed_origins(own_urls: Iterable[str | None], environ: Mapping[str, str] = os.environ) -> tuple[str, ...]:
    """The configured origins, else the app's own URLs and their loopback twin
    (http://localhost:3000 also allows http://127.0.0.1:3000)."""
    configured = [part for part in environ.get(ENV, "").split(",") if part.strip()]
    if configured:
        return tuple(dict.fromkeys(origin_of(url) for url in configured))
    origins = []
    for url in own_urls:
        if not url:
            continue
        origin = origin_of(url)
        origins.append(origin)
        host = urlsplit(origin).hostname or ""
        if host in LOOPBACK_TWINS:
            origins.append(origin.replace(f"//{host}", f"//{LOOPBACK_TWINS[host]}", 1))
    return tuple(dict.fromkeys(origins))
