"""The Reflex app: theme, the plain HTTP routes, the session guard, the backend's protections,
every page package's register(app), the start-up steps."""
import reflex as rx

from hoffice_app import protection, startup
from hoffice_app.http import files_app
from hoffice_app.pages import dashboard, login
from hoffice_app.pages.contacts import register as contact_pages
from hoffice_app.pages.documents import register as document_pages
from hoffice_app.pages.funnel import register as funnel_pages
from hoffice_app.pages.imports import register as import_pages
from hoffice_app.pages.insights import register as insight_pages
from hoffice_app.pages.leads import register as lead_pages
from hoffice_app.pages.notifications import register as notification_pages
from hoffice_app.pages.settings import register as settings_pages
from hoffice_app.state.session_guard import SessionGuard, on_backend_error

app = rx.App(
    # /auth/…: the HttpOnly session cookie; /files/…: attachments and spreadsheets, served only to
    # people who may see them (hoffice_app.http); then the upload guard and the security headers
    # around everything (hoffice_app.protection).
    api_transformer=[files_app, protection.wrap],
    head_components=[rx.el.meta(name="viewport", content="width=device-width, initial-scale=1")],
    stylesheets=["/board.css", "/print.css", "/a11y.css"],
    # An event whose session the server ended sends the tab to /login, which says so.
    backend_exception_handler=on_backend_error,
    # Toasts at the top centre: never over a form's Save bar (sticky at the bottom) or a board's
    # columns' buttons; long enough to read, with a close button for those who are done sooner.
    toaster=rx.toast.provider(position="top-center", duration=5000, close_button=True, visible_toasts=3),
)
# A tab's state belongs to one session: reset before it reaches a tab that connects with another.
app.add_middleware(SessionGuard())
for pages in (login, dashboard, settings_pages, contact_pages, lead_pages, funnel_pages, import_pages,
              notification_pages, insight_pages, document_pages):
    pages.register(app)
app.register_lifespan_task(protection.sweep_stale_uploads)
# Before the first request: jobs a killed server left "running" are marked failed.
app.register_lifespan_task(startup.recover_interrupted_imports)
app.register_lifespan_task(startup.start_notifications)
app.register_lifespan_task(startup.freeze_startup_objects)
