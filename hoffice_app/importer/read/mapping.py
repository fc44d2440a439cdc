"""Which spreadsheet column feeds which contact field.

Automatic matching ignores case, spacing and punctuation and knows common
synonyms (``columns.NAMES``); an exact header beats a synonym, and a field
is fed by one column at most (later look-alikes stay unmapped and are
listed). Custom contact fields are matched by their label (``custom``: field key → label,
the fields the importer may fill), after the exact built-in headers and before the synonyms,
so a custom field called like a synonym still gets its column. A mapping the user confirmed
is remembered for the next file whose headers are the same (same normalised headers in the same order).
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime

from sqlmodel import Session

from hoffice_app.domain.common import Actor, ValidationError
from hoffice_app.importer.check.custom import targets
from hoffice_app.importer.read.columns import BY_KEY, COLUMNS, NAMES, header_key
from hoffice_app.models import ImportMapping

EXACT = {header_key(c.header): c.key for c in COLUMNS}


def auto_map(headers: list[str], custom: dict[str, str] | None = None) -> dict[int, str]:
    """{column index: field key} for the headers that match a field."""
    out: dict[int, str] = {}
    claimed: set[str] = set()
    labels = {header_key(label): key for key, label in (custom or {}).items()}
    for table in (EXACT, labels, NAMES):
        for i, header in enumerate(headers):
            key = table.get(header_key(header))
            if i not in out and key and key not in claimed:
                out[i] = key
                claimed.add(key)
    return dict(sorted(out.items()))


def custom_targets(session: Session, actor: Actor) -> dict[str, str]:
    """The custom contact fields ``actor`` may fill from a sheet: mapping key → label, in form order."""
    return {c.key: c.label for c in targets(session, actor)}


def signature(headers: list[str]) -> str:
    return hashlib.sha256("\x1f".join(header_key(h) for h in headers).encode()).hexdigest()


def remembered(session: Session, headers: list[str], custom: dict[str, str] | None = None) -> dict[int, str] | None:
    row = session.get(ImportMapping, signature(headers))
    if row is None:
        return None
    try:
        stored = {int(i): k for i, k in json.loads(row.mapping).items()}
        return clean(headers, stored, custom)
    except (ValueError, TypeError, ValidationError):
        return None  # a stale or damaged entry is ignored, not fatal


def remember(session: Session, actor: Actor, headers: list[str], mapping: dict[int, str], *, now: datetime) -> None:
    row = session.get(ImportMapping, signature(headers)) or ImportMapping(signature=signature(headers), updated_at=now)
    row.mapping = json.dumps({str(i): k for i, k in sorted(mapping.items())})
    row.updated_by_id, row.updated_at = actor.id, now
    session.add(row)


def clean(headers: list[str], mapping: dict, custom: dict[str, str] | None = None) -> dict[int, str]:
    """Check a mapping from the UI: known fields (``custom``: the custom fields' keys → labels),
    real columns, one column per field."""
    custom = custom or {}
    out: dict[int, str] = {}
    seen: dict[str, int] = {}
    for raw_index, key in mapping.items():
        if not key:
            continue
        try:
            index = int(raw_index)
        except (TypeError, ValueError):
            raise ValidationError({"mapping": f"Unknown column {raw_index!r}."}) from None
        if key not in BY_KEY and key not in custom:
            raise ValidationError({"mapping": f"Unknown field {key!r}."})
        if not 0 <= index < len(headers):
            raise ValidationError({"mapping": f"The file has no column {index + 1}."})
        if key in seen:
            name = BY_KEY[key].header if key in BY_KEY else custom[key]
            raise ValidationError({"mapping": f"{name} is mapped from two columns "
                                              f"({_name(headers, seen[key])} and {_name(headers, index)})."})
        seen[key] = index
        out[index] = key
    return dict(sorted(out.items()))


def missing_mandatory(mapping: dict[int, str]) -> list[str]:
    """Mandatory fields no column feeds. A file of updates (with Contact Code) needs none."""
    keys = set(mapping.values())
    if "contact_code" in keys:
        return []
    return [c.key for c in COLUMNS if c.mandatory and c.key not in keys]


def _name(headers: list[str], index: int) -> str:
    return f"“{headers[index]}”" if headers[index] else f"column {index + 1}"
