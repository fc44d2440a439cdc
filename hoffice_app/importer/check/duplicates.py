"""Which rows are duplicates, and which update an existing contact (the spec's
"Duplicates" section), decided in file order:

1. A row with a Contact Code updates that contact (the same code twice in one
   file: the second row is a duplicate — one contact is not updated twice).
2. Otherwise, by policy: **skip** — an e-mail (any case) or mobile (E.164)
   already on a contact makes the row a duplicate; **update** — the one
   matching contact is updated (several matches, a private contact the
   importer cannot see, or a contact already updated by an earlier row: a
   duplicate); **create** — existing contacts are not consulted.
3. An e-mail or mobile of an earlier accepted row of the same file makes the
   row a duplicate.
"""
from __future__ import annotations

from hoffice_app.domain.contacts import display
from hoffice_app.importer.check.normalize import Facts, Parsed

POLICIES = ("skip", "update", "create")


class Decider:
    def __init__(self, policy: str):
        if policy not in POLICIES:
            raise ValueError(f"unknown duplicate policy {policy!r}")
        self.policy = policy
        self.emails: dict[str, int] = {}  # lower-case e-mail -> row number that brought it
        self.mobiles: dict[str, int] = {}
        self.updated: dict[int, int] = {}  # contact id -> row number updating it

    def decide(self, row: Parsed, by_email: dict[str, set[int]], by_mobile: dict[str, set[int]],
               labels: dict[int, tuple[str, str, bool]]) -> tuple[str, str]:
        """("create" | "update" | "duplicate", reason). Sets ``row.target`` for an update by match."""
        if row.code:
            return self._update(row, row.target, "")
        email = row.email.lower()
        if self.policy != "create":
            matched: set[int] = set(by_email.get(email, ())) if email else set()
            for number in row.mobiles:
                matched |= by_mobile.get(number, set())
            if matched:
                if self.policy == "skip" or len(matched) > 1:
                    return "duplicate", self._existing_reason(row, matched, by_email, labels)
                (cid,) = matched
                code, name, visible = labels.get(cid, ("", "", False))
                if not visible:
                    return "duplicate", "Same e-mail or mobile as a private contact you cannot open."
                return self._update(row, Facts(cid, code, name, "", None, None), f"matched {code}")
        earlier = self._earlier(row)
        if earlier:
            return "duplicate", earlier
        self._accept(row)
        return "create", ""

    def _update(self, row: Parsed, target: Facts, note: str) -> tuple[str, str]:
        if target.id in self.updated:
            return "duplicate", f"Contact {target.code} is already updated by row {self.updated[target.id]}."
        if not row.code:
            earlier = self._earlier(row)
            if earlier:
                return "duplicate", earlier
        row.target = target
        self.updated[target.id] = row.number
        self._accept(row)
        return "update", note

    def _earlier(self, row: Parsed) -> str:
        if row.email and row.email.lower() in self.emails:
            return f"Same e-mail as row {self.emails[row.email.lower()]} of this file."
        for number in row.mobiles:
            if number in self.mobiles:
                return f"Same mobile {display(number)} as row {self.mobiles[number]} of this file."
        return ""

    def _accept(self, row: Parsed) -> None:
        if row.email:
            self.emails.setdefault(row.email.lower(), row.number)
        for number in row.mobiles:
            self.mobiles.setdefault(number, row.number)

    @staticmethod
    def _existing_reason(row: Parsed, matched: set[int], by_email, labels) -> str:
        names = []
        for cid in sorted(matched)[:3]:
            code, name, visible = labels.get(cid, ("", "", False))
            names.append(f"{code} {name}" if visible else "a private contact you cannot open")
        what = "e-mail" if row.email and row.email.lower() in by_email else "mobile"
        if len(matched) > 1:
            more = f" and {len(matched) - 3} more" if len(matched) > 3 else ""
            return f"Same e-mail or mobile as {len(matched)} contacts ({'; '.join(names)}{more})."
        return f"Same {what} as {names[0]}."
