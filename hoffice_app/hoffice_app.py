"""The Reflex app: theme and pages. Nearly nothing else lives here."""
import reflex as rx

from hoffice_app import routes
from hoffice_app.http import files_app
from hoffice_app.pages import settings
from hoffice_app.pages.contacts.register import register as register_contacts
from hoffice_app.pages.leads.register import register as register_leads
from hoffice_app.pages.funnel.state import BoardState
from hoffice_app.pages.funnel.view import board_page
from hoffice_app.pages.imports.history import ImportHistoryState, history_page
from hoffice_app.pages.imports.state import ImportState
from hoffice_app.pages.imports.view import import_page
from hoffice_app.pages.dashboard import DashboardState, dashboard_page
from hoffice_app.pages.login import login_page
from hoffice_app.state.auth import AuthState

app = rx.App(
    # /files/documents/<id>: attachments, served only to people who may see them (hoffice_app.http).
    api_transformer=files_app,
    head_components=[rx.el.meta(name="viewport", content="width=device-width, initial-scale=1")],
    stylesheets=["/board.css"],
)
app.add_page(login_page, route=routes.LOGIN, title="Log in · H-Office", on_load=AuthState.open_login)
app.add_page(dashboard_page, route=routes.DASHBOARD, title="Dashboard · H-Office", on_load=DashboardState.load)
settings.register(app)
register_contacts(app)
register_leads(app)
app.add_page(board_page, route=routes.FUNNEL, on_load=BoardState.load, title="Funnel · H-Office")
app.add_page(board_page, route=routes.FUNNEL_BOARD, on_load=BoardState.load, title="Funnel · H-Office")
app.add_page(import_page, route=routes.IMPORT, on_load=ImportState.load, title="Import contacts · H-Office")
app.add_page(history_page, route=routes.IMPORT_HISTORY, on_load=ImportHistoryState.load,
             title="Import history · H-Office")
app.add_page(import_page, route=routes.IMPORT_JOB, on_load=ImportState.load, title="Import contacts · H-Office")
