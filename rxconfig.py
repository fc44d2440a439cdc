"""Reflex configuration.

The database URL is deliberately *not* given to Reflex: the app owns its
engine and Alembic migrations (hoffice_app/db.py, alembic/), and Reflex's own
`rx.Model` schema checks would otherwise try to manage the same tables.

``cors_allowed_origins`` is set after the Config is made, from its own ``deploy_url`` and
``api_url`` (which Reflex derives from ``--frontend-port`` / ``--backend-port``) unless
``HOFFICE_ALLOWED_ORIGINS`` names the origins: Reflex's CORS middleware and its websocket
accept only those (hoffice_app/origins.py says why).
"""
import os

import reflex as rx

from hoffice_app.origins import allowed_origins

config = rx.Config(
    app_name="hoffice_app",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    redis_url=os.environ.get("REFLEX_REDIS_URL") or None,
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(appearance="light", accent_color="indigo", gray_color="slate", radius="medium")),
        rx.plugins.SitemapPlugin(),
    ],
    disable_plugins=[],
)
config.cors_allowed_origins = allowed_origins((config.deploy_url, config.api_url))
