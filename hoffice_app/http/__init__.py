"""Plain HTTP routes (Starlette, no reflex import), mounted into the Reflex backend by
``api_transformer``: the session cookie, set at log-in and cleared at log-out
(``sessions``), document downloads (``documents``), the Contact Center's
spreadsheets — template, import result and error sheets, contact export
(``spreadsheets``) — and the insights page's tables (``insights``). Every download
checks the session and the domain's permission before it reads a byte
(``common.with_actor``).
"""
from starlette.applications import Starlette

from hoffice_app.http import documents, insights, sessions, spreadsheets

files_app = Starlette(routes=[*sessions.ROUTES, *documents.ROUTES, *spreadsheets.ROUTES, *insights.ROUTES])

__all__ = ["files_app"]
