"""Import wizard and history routes."""
import reflex as rx

from hoffice_app import routes
from hoffice_app.pages.imports.history import ImportHistoryState, history_page
from hoffice_app.pages.imports.state import ImportState
from hoffice_app.pages.imports.view import import_page


def register(app: rx.App) -> None:
    title = "Import contacts · H-Office"
    app.add_page(import_page, route=routes.IMPORT, on_load=ImportState.load, title=title)
    app.add_page(history_page, route=routes.IMPORT_HISTORY, on_load=ImportHistoryState.load,
                 title="Import history · H-Office")
    app.add_page(import_page, route=routes.IMPORT_JOB, on_load=ImportState.load, title=title)
