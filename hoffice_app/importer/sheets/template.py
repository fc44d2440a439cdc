"""The import template (.xlsx, written with openpyxl: it is small and needs
styles, notes and data validation, which the streaming writer leaves out).

- "Contacts": the header row in the spec's order; mandatory columns bold red
  with a note saying so; drop-downs for the coded columns and for every
  column backed by a master (titles, types, price lists, industries…), fed
  from the hidden "Lists" sheet so long lists fit. Multi-value columns
  (Division, Category) and Country (which also takes common names) suggest
  values without refusing others.
- Then one column per active custom contact field, in form order, headed by its label:
  required ones red with a note like the built-in mandatory columns, the help text as the
  note otherwise; selects with a drop-down of their active options (strict), multi-selects
  with the same drop-down as a suggestion (several options go in one cell, comma-separated).
- "Instructions": one line per column: mandatory or not, and what to write.
"""
from __future__ import annotations

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from sqlmodel import Session, select

from hoffice_app.domain.contacts import vocab
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.importer.check import custom
from hoffice_app.importer.check.context import country_display
from hoffice_app.importer.read.columns import COLUMNS, Column
from hoffice_app.models import MasterEntry

LAST_ROW = 100_001
# field key -> master kind whose active names fill its drop-down
MASTER_LISTS = {"title": "title", "contact_type": "contact_type", "price_list": "price_list",
                "address_type": "address_type", "industry": "industry", "relation": "relation",
                "class_name": "class", "division": "division", "category": "contact_category"}
FIXED_LISTS = {"gst_registration_type": vocab.coded_labels(vocab.GST_TYPES),
               "gst_member_type": vocab.codes(vocab.SEZ_TYPES), "gender": vocab.coded_labels(vocab.GENDERS),
               "business_contact_type": vocab.coded_labels(vocab.BUSINESS_TYPES)}
OPEN_LISTS = {"division", "category", "country"}  # suggestions only: other values stay allowed


def _lists(session: Session) -> dict[str, list[str]]:
    rows = session.exec(select(MasterEntry.kind, MasterEntry.name, MasterEntry.code).where(
        MasterEntry.active == True).order_by(MasterEntry.position, MasterEntry.id)).all()  # noqa: E712
    by_kind: dict[str, list[str]] = {}
    codes: list[str] = []
    for kind, name, code in rows:
        by_kind.setdefault(kind, []).append(name)
        if kind == "class" and code:
            codes.append(code)
    out = {key: by_kind.get(kind, []) for key, kind in MASTER_LISTS.items()}
    out.update(FIXED_LISTS)
    out["class_code"] = codes
    out["country"] = sorted(set(country_display().values()))
    out["currency"] = [o.value for o in app_settings.currency_options()]
    return out


def _custom_columns(session: Session) -> tuple[list[Column], dict[str, list[str]], set[str]]:
    """The custom fields as template columns, their option lists, and which lists are open."""
    facts = custom.load(session, None, zone="UTC", country="IN")
    columns, lists, open_ = [], {}, set()
    for c in facts.columns.values():
        columns.append(Column(c.label, c.key, c.required, hint=custom.hint(c)))
        if c.kind in ("select", "multi_select") and c.option_labels:
            lists[c.key] = list(c.option_labels)
            if c.kind == "multi_select":
                open_.add(c.key)
    return columns, lists, open_


def write_template(session: Session, out_path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Contacts"
    lists_ws = wb.create_sheet("Lists")
    guide = wb.create_sheet("Instructions")
    red, bold = Font(bold=True, color="C00000"), Font(bold=True)
    lists = _lists(session)
    extra, extra_lists, open_lists = _custom_columns(session)
    lists.update(extra_lists)
    open_lists |= OPEN_LISTS
    list_col = 0
    for i, column in enumerate((*COLUMNS, *extra), start=1):
        cell = ws.cell(row=1, column=i, value=column.header)
        cell.font = red if column.mandatory else bold
        if column.mandatory:
            cell.comment = Comment(f"Mandatory. {column.hint}", "H-Office")
        elif column.key.startswith("cf_") and column.hint:  # a custom field's help and format
            cell.comment = Comment(column.hint, "H-Office")
        ws.column_dimensions[get_column_letter(i)].width = max(12, len(column.header) + 2)
        values = lists.get(column.key)
        if not values:
            continue
        list_col += 1
        letter = get_column_letter(list_col)
        lists_ws.cell(row=1, column=list_col, value=column.header)
        for r, value in enumerate(values, start=2):
            lists_ws.cell(row=r, column=list_col, value=value)
        dv = DataValidation(type="list", formula1=f"=Lists!${letter}$2:${letter}${len(values) + 1}",
                            allow_blank=True, showErrorMessage=column.key not in open_lists,
                            errorTitle=column.header, error=f"Pick a {column.header} from the list.")
        ws.add_data_validation(dv)
        col = get_column_letter(i)
        dv.add(f"{col}2:{col}{LAST_ROW}")
    lists_ws.sheet_state = "hidden"
    ws.freeze_panes = "A2"
    guide.append(["Column", "Mandatory", "What to write"])
    for cell in guide[1]:
        cell.font = bold
    for column in (*COLUMNS, *extra):
        guide.append([column.header, "Yes" if column.mandatory else "", column.hint])
    guide.append([])
    guide.append(["Red headers are mandatory. The first row must stay the header row; one contact per row."])
    guide.append(["Phones without the country code are read for the row's Country (default country when blank)."])
    guide.append(["Leave Contact Code blank for new contacts; a code updates that contact (blank cells keep "
                  "what it has)."])
    if extra:
        guide.append(["The columns after Remarks are your company's own fields; a required one may stay blank "
                      "when a row updates a contact."])
    guide.column_dimensions["A"].width, guide.column_dimensions["C"].width = 24, 90
    wb.save(out_path)
