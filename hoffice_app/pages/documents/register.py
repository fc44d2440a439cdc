"""The Documents page's route."""
import reflex as rx

from hoffice_app import routes
from hoffice_app.pages.documents.state import DocumentsState
from hoffice_app.pages.documents.view import documents_page


def register(app: rx.App) -> None:
    app.add_page(documents_page, route=routes.DOCUMENTS, on_load=DocumentsState.load, title="Documents · H-Office")
