"""Text-type custom values in the lead and contact lists' text search.

The values of a record's active text, long text, e-mail, phone and URL fields are copied,
case-folded, into the tail of its ``search_text`` (after common.CUSTOM_MARK), which the lists
already search through their trigram indexes: a custom value is found like the record's own
words, with no extra join per search. ``write_values`` refreshes the tail whenever a value
changes; switching a field off or on refreshes the records holding it (``refresh_field``).
"""
from __future__ import annotations

from sqlmodel import Session, select

from hoffice_app.domain.common import with_custom_words
from hoffice_app.domain.customfields.definitions import record_column, value_table
from hoffice_app.domain.customfields.kinds import TEXT_KINDS
from hoffice_app.models import Contact, CustomField, Lead

CHUNK = 500  # record ids per IN (...)


def search_words(session: Session, record: str, record_ids) -> dict[int, str]:
    """record id → its text custom values (active fields, form order), case-folded, one text."""
    ids, out = sorted(set(record_ids)), {}
    table, column = value_table(record), record_column(record)
    for lo in range(0, len(ids), CHUNK):
        rows = session.exec(select(column, table.text_value).join(CustomField, CustomField.id == table.field_id)
                            .where(column.in_(ids[lo:lo + CHUNK]), CustomField.active == True,  # noqa: E712
                                   CustomField.kind.in_(TEXT_KINDS), table.text_value.is_not(None))
                            .order_by(column, CustomField.position, CustomField.id)).all()
        for record_id, text in rows:
            if text.strip():
                out[record_id] = f"{out[record_id]} {text.casefold()}" if record_id in out else text.casefold()
    return out


def refresh_search_words(session: Session, record: str, record_ids) -> int:
    """Rewrite the custom tail of these records' search text; returns how many changed."""
    model = Lead if record == "lead" else Contact
    ids, changed = sorted(set(record_ids)), 0
    words = search_words(session, record, ids)
    for lo in range(0, len(ids), CHUNK):
        for row in session.exec(select(model).where(model.id.in_(ids[lo:lo + CHUNK]))).all():
            text = with_custom_words(row.search_text, " ".join(words.get(row.id, "").split()))
            if text != row.search_text:
                row.search_text = text
                session.add(row)
                changed += 1
    if changed:
        session.flush()
    return changed


def refresh_field(session: Session, field: CustomField) -> int:
    """After a text field is switched off or on: the records holding a value of it."""
    if field.kind not in TEXT_KINDS:
        return 0
    table, column = value_table(field.record), record_column(field.record)
    ids = session.exec(select(column).where(table.field_id == field.id)).all()
    return refresh_search_words(session, field.record, ids)
