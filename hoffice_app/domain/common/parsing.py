"""Reading ids that arrive as text from forms, the CLI or a direct handler call."""
from __future__ import annotations

MAX_ID = 2**63 - 1


def as_id(value: object) -> int | None:
    """A positive database id, or None for anything else ("", "²", "1e9", 10**30)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    else:
        text = str(value or "").strip()
        if not (text.isascii() and text.isdigit()):
            return None
        number = int(text)
    return number if 0 < number <= MAX_ID else None
