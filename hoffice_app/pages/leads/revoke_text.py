"""What the bulk revoke and its undo say, as plain functions (no Reflex): the confirmation, the
result note and the note after an undo. Counts carry thousands separators."""
from __future__ import annotations

CODES_SHOWN = 10


def count(n: int, singular: str, plural: str) -> str:
    """1 → "1 lead"; 1234 → "1,234 leads"."""
    return f"{n:,} {singular if n == 1 else plural}"


def destination(target: str, employee: str = "", rule: str = "") -> str:
    if target == "employee":
        return f"give them to {employee or 'the chosen employee'}"
    if target == "rule":
        return f"re-assign them through the rule “{rule or 'chosen'}”"
    return "put them back in the pool"


def confirm_question(n: int, target: str, *, singular: str = "lead", plural: str = "leads", employee: str = "",
                     rule: str = "") -> str:
    """The confirmation: "Revoke 1,234 leads from their assignees and put them back in the pool?"."""
    where = destination(target, employee, rule)
    if n == 1:
        where = where.replace(" them ", " it ").replace("them", "it")
        return f"Revoke {count(n, singular.lower(), plural.lower())} from its assignee and {where}?"
    return f"Revoke {count(n, singular.lower(), plural.lower())} from their assignees and {where}?"


def codes(items, shown: int = CODES_SHOWN) -> str:
    items = list(items)
    more = len(items) - shown
    return ", ".join(items[:shown]) + (f" and {more:,} more" if more > 0 else "")


def result_note(revoked: int, skipped: int, *, singular: str = "lead", plural: str = "leads") -> str:
    """The result: "Revoked 12 leads; 1 skipped because it changed meanwhile (or was closed …)"."""
    text = f"Revoked {count(revoked, singular.lower(), plural.lower())}"
    if skipped:
        text += (f"; {skipped:,} skipped because {'it' if skipped == 1 else 'they'} changed meanwhile "
                 f"(or {'was' if skipped == 1 else 'were'} closed, unassigned or already there)")
    return text + "."


def undo_note(put_back: int, left, *, singular: str = "lead", plural: str = "leads") -> str:
    """After an undo: "12 leads put back; 1 changed since and was left as it is: L000123"."""
    left = list(left)
    text = f"{count(put_back, singular.lower(), plural.lower())} put back"
    if left:
        one = len(left) == 1
        text += (f"; {len(left):,} changed since and {'was' if one else 'were'} left as "
                 f"{'it is' if one else 'they are'}: {codes(left)}")
    return text
