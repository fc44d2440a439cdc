"""An employee's days away ("away from … to …", both days included): the assignment rules
skip them on those days. Both dates or neither; the last day not before the first."""
from __future__ import annotations

from datetime import date

KEYS = ("away_from", "away_to")


def _date(raw) -> date | None | str:
    """A date, None for blank, or the text that is not a date."""
    if raw is None or isinstance(raw, date):
        return raw
    text = str(raw).strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return text


def clean_away(data: dict, errors: dict[str, str]) -> dict:
    """The two dates from ``data`` (only when the form sent them: a save without them keeps what
    is stored), problems added to ``errors`` by field."""
    if not any(key in data for key in KEYS):
        return {}
    start, end = _date(data.get("away_from")), _date(data.get("away_to"))
    for key, value in (("away_from", start), ("away_to", end)):
        if isinstance(value, str):
            errors[key] = "Enter a date (e.g. 2026-03-15)."
    if isinstance(start, str) or isinstance(end, str):
        return {}
    if (start is None) != (end is None):
        errors["away_to" if end is None else "away_from"] = "Give both days, the first and the last, or neither."
    elif start and end and end < start:
        errors["away_to"] = "The last day away cannot be before the first."
    return {"away_from": start, "away_to": end}
