"""GET /files/insights/<table>.xlsx?period=…&from=…&to=…&team=…&funnel=…: one table of the
insights page as a spreadsheet, for the same choices the page shows.

The session is checked before anything is read (``common.with_actor``); the domain then
resolves whose numbers the employee may see (an executive only their own, a manager their
team) exactly as for the page, so a hand-written URL never widens it. A bad custom day is a
400 with the page's own sentence. The workbook is a few dozen rows: written in memory.

The file reads like the page: a title row with the table, scope and period, a bold header,
counts as numbers, percentages as percentages, amounts as numbers in the company's currency
format (so the sheet still sums).
"""
from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from hoffice_app.db import utcnow
from hoffice_app.domain import insights
from hoffice_app.domain.masters import money_number_format
from hoffice_app.http.common import PRIVATE, content_disposition, refused, with_actor
from hoffice_app.http.insight_tables import TABLES, Indented, Money, Selection, Table

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PARAM_LIMIT = 40  # longer than any preset, day or id


def _param(request: Request, key: str) -> str:
    return request.query_params.get(key, "").strip()[:PARAM_LIMIT]


def write_workbook(table: Table, sel: Selection, rows: list[list], money_format: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = table.title[:31]
    sheet.append([f"{table.title} · {sel.scope.label} · {sel.period.label}"])
    sheet["A1"].font = Font(bold=True, size=13)
    header = table.heading(rows)
    sheet.append(list(header))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for values in rows:
        sheet.append([float(v) if isinstance(v, Money) else (str(v) if isinstance(v, Indented) else v)
                      for v in values])
        line = sheet.max_row
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(line, column)
            if isinstance(value, Money):
                cell.number_format = money_format
            elif header[column - 1].endswith(("%", "rate", "Share", "to next")):
                cell.number_format = "0%"
            elif isinstance(value, float):
                cell.number_format = "0.0"
            if isinstance(value, Indented) and value.depth:
                cell.alignment = Alignment(indent=2 * value.depth)
    sheet.freeze_panes = "A3"
    for column, name in enumerate(header, start=1):
        longest = max([len(name)] + [len(str(r[column - 1] or "")) for r in rows])
        sheet.column_dimensions[get_column_letter(column)].width = min(max(longest + 2, 10), 48)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_table(request: Request) -> Response:
    name = request.path_params["table"]

    def work(session, actor):
        table = TABLES.get(name)
        if table is None:
            return refused(404, "There is no such insights table.")
        now = utcnow()
        period = insights.resolve_period(session, _param(request, "period"), _param(request, "from"),
                                         _param(request, "to"), now=now)
        scope = insights.resolve_scope(session, actor, _param(request, "team") or None)
        sel = Selection(actor, scope, period, _param(request, "funnel"), now)
        rows = table.rows(session, sel)
        data = write_workbook(table, sel, rows, money_number_format(session))
        filename = f"H-Office {table.title.lower()} {period.first:%Y-%m-%d} to {period.last:%Y-%m-%d}.xlsx"
        headers = {**PRIVATE, "Content-Disposition": content_disposition(filename)}
        return Response(data, media_type=XLSX, headers=headers)
    return with_actor(request, work)


ROUTES = [Route("/files/insights/{table:str}.xlsx", export_table, methods=["GET"])]
