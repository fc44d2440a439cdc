"""Reflex configuration.

The database URL is deliberately *not* given to Reflex: the app owns its
engine and Alembic migrations (hoffice_app/db.py, alembic/), and Reflex's own
`rx.Model` schema checks would otherwise try to manage the same tables.
"""
import os

import reflex as rx

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
