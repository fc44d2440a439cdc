"""The export's custom field cells, a batch of contacts at a time.

Written as the import takes them back (so an exported file re-imports as updates that change
nothing): options in their own spelling (a multi-select's in the options' order, joined with
", "), numbers and amounts as number cells like Annual Revenue, dates as date cells, date &
time as a date-and-time cell in the company's zone (``xlsx_writer`` says when a value too long
or too early for a spreadsheet stays text), yes/no as Yes/No, employees and contacts by code. A
contact the exporter may not see is left blank: its code and name never reach the file.

Plain rows from one query per batch, not ``customfields.read_values``: that builds an ORM
object per stored value and a ``FieldValue`` per field and contact, which made the export of
100,000 contacts with 10 fields seven times slower (BENCHMARKS.md).
"""
from __future__ import annotations

from datetime import timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, select
from sqlmodel import Session

from hoffice_app.domain.common import Actor
from hoffice_app.domain.contacts import visible_clause
from hoffice_app.domain.customfields import WITH_OPTIONS, fields_of, options_of
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.importer.sheets.xlsx_writer import Amount
from hoffice_app.models import Contact, ContactCustomValue

V = ContactCustomValue.__table__.c
CENTS = Decimal("0.01")


def custom_headers(session: Session) -> list[tuple[str, bool]]:
    """(label, required) of every active contact field, in form order."""
    return [(f.label, f.required) for f in fields_of(session, "contact")]


def custom_cells(session: Session, actor: Actor, ids: list[int], employees: dict[int, str]
                 ) -> tuple[int, dict[int, list]]:
    """(how many fields, contact id → its custom cells in ``custom_headers`` order; contacts
    without values are absent)."""
    fields = fields_of(session, "contact")
    if not fields or not ids:
        return len(fields), {}
    place = {f.id: i for i, f in enumerate(fields)}
    kinds = [f.kind for f in fields]
    options = options_of(session, [f.id for f in fields if f.kind in WITH_OPTIONS])
    labels = {o.id: o.label for opts in options.values() for o in opts}
    order = {o.id: (o.position, o.id) for opts in options.values() for o in opts}
    zone = ZoneInfo(app_settings.get(session, "default_timezone"))
    rows = session.execute(select(V.contact_id, V.field_id, V.option_id, V.text_value, V.number_value, V.date_value,
                                  V.moment_value, V.bool_value, V.ref_id)
                           .where(V.contact_id.in_(bindparam("ids", expanding=True))), {"ids": ids}).all()
    contact_field = {f.id for f in fields if f.kind == "contact"}
    refs = {r.ref_id for r in rows if r.field_id in contact_field and r.ref_id}
    codes = dict(session.execute(select(Contact.id, Contact.code).where(
        Contact.id.in_(refs), visible_clause(session, actor))).all()) if refs else {}
    out: dict[int, list] = {}
    for r in rows:
        i = place.get(r.field_id)
        if i is None:  # an inactive field's value: kept, not exported
            continue
        cells = out.get(r.contact_id)
        if cells is None:
            cells = out[r.contact_id] = [""] * len(fields)
        kind = kinds[i]
        if kind == "multi_select":
            cells[i] = [*cells[i], r.option_id] if cells[i] else [r.option_id]
        elif kind == "select":
            cells[i] = labels.get(r.option_id, "")
        elif kind in ("number", "amount"):
            number = r.number_value
            cells[i] = "" if number is None else Amount(number.quantize(CENTS)) if kind == "amount" \
                else Decimal(number).normalize()
        elif kind == "date":
            cells[i] = r.date_value or ""
        elif kind == "datetime":
            moment = r.moment_value
            if moment is not None:
                moment = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
                cells[i] = moment.astimezone(zone).replace(tzinfo=None, second=0, microsecond=0)
        elif kind == "yes_no":
            cells[i] = "" if r.bool_value is None else ("Yes" if r.bool_value else "No")
        elif kind == "employee":
            cells[i] = employees.get(r.ref_id, "")
        elif kind == "contact":
            cells[i] = codes.get(r.ref_id, "")
        else:
            cells[i] = r.text_value or ""
    for cells in out.values():
        for i, value in enumerate(cells):
            if type(value) is list:
                cells[i] = ", ".join(labels.get(o, "") for o in sorted(value, key=lambda o: order.get(o, (0, o))))
    return len(fields), out
