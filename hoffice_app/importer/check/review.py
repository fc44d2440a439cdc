"""The review: read → map → check → find duplicates, writing NOTHING to the
contacts. Rows stream through in chunks of ``CHUNK``; each chunk costs a few
batched queries (``lookups.py``). Every non-empty row ends in exactly one
state, in this order: invalid, duplicate, valid (to create or to update).

Where the rows go is the caller's ``Sink``: the wizard's job keeps problems in
the database and valid rows in a spool file for the submit step; the CLI's
dry run only counts them. So ``total == valid + invalid + duplicate`` and
``valid == to_create + to_update`` hold by construction.
"""
from __future__ import annotations

import marshal
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterator, Protocol

from sqlmodel import Session

from hoffice_app.domain.common import Actor, ValidationError
from hoffice_app.importer.check import custom, lookups
from hoffice_app.importer.check.context import Context, build_context
from hoffice_app.importer.check.duplicates import Decider
from hoffice_app.importer.check.normalize import Parsed, cells_by_key, parse_row
from hoffice_app.importer.read.columns import label
from hoffice_app.importer.read.mapping import missing_mandatory
from hoffice_app.importer.read.reader import SheetRows
from hoffice_app.importer.read.spool import Packed, pack, unpack
from hoffice_app.importer.speed import workers as parallel
from hoffice_app.importer.speed.ahead import Ahead
from hoffice_app.importer.speed.gc_pause import gc_paused

CHUNK = 2000
Progress = Callable[[int, int], None]
Checked = tuple[list[Parsed], dict, dict, dict]  # rows, by_email, by_mobile, labels
Packed_ = tuple[list[Packed], dict, dict, dict]  # the same, rows packed (spool.Packed)


@dataclass
class ReviewCounts:
    total: int = 0
    valid: int = 0
    invalid: int = 0
    duplicate: int = 0
    warnings: int = 0  # valid rows carrying at least one warning
    to_create: int = 0
    to_update: int = 0


class Sink(Protocol):
    def problem(self, row: Parsed, kind: str, problems: list[tuple[str, str, str]]) -> None:
        """An invalid or duplicate row (the error sheet shows its cells)."""

    def warning(self, number: int, problems: list[tuple[str, str, str]]) -> None:
        """A valid row's warnings (shown on the review page, without its cells)."""

    def accepted(self, rows: list[tuple[Packed, str]]) -> None:
        """Valid rows of one chunk with their action ("create" | "update")."""


def summary_line(problems: list[tuple[str, str, str]]) -> str:
    """"Email Address: Not a valid e-mail address…; Mobile Number: …" (one line)."""
    return "; ".join(f"{column}: {reason}" if column else reason for column, _value, reason in problems)


def review_rows(session: Session, actor: Actor, sheet: SheetRows, mapping: dict[int, str], *, policy: str,
                now: datetime, sink: Sink, progress: Progress | None = None,
                staged_path: Path | None = None, ahead: Ahead | None = None) -> ReviewCounts:
    """``staged_path``: the staged copy of ``sheet`` (spool.stage_sheet); with it a
    big sheet is checked by worker processes (speed/workers.py). ``ahead``: that sheet's
    checks begun while it was staged (speed/ahead.py), used if they match these."""
    missing = missing_mandatory(mapping)
    if missing:
        raise ValidationError({"mapping": "Map a column to " + " and ".join(label(k) for k in missing) + "."})
    columns = {key: index for index, key in mapping.items()}
    ctx = build_context(session, actor, now)
    decider = Decider(policy)
    counts = ReviewCounts()
    with gc_paused():
        for rows, by_email, by_mobile, labels in _checked(session, actor, ctx, columns, sheet, policy, staged_path,
                                                          ahead):
            _decide(rows, by_email, by_mobile, labels, decider, sink, counts)
            if progress:
                progress(counts.total, max(sheet.estimated_rows, counts.total))
    if progress:
        progress(counts.total, counts.total)
    return counts


def _checked(session: Session, actor: Actor, ctx: Context, columns: dict[str, int], sheet: SheetRows, policy: str,
             staged_path: Path | None, ahead: Ahead | None) -> Iterator[Packed_]:
    url = session.get_bind().url
    big = staged_path is not None and sheet.estimated_rows >= parallel.MIN_ROWS and parallel.shareable(url)
    job = parallel.check_job(url.render_as_string(hide_password=False), actor=actor, ctx=ctx, columns=columns,
                             policy=policy) if big else b""
    early = ahead.answers() if ahead is not None and ahead.matches(staged_path, job) else None
    if ahead is not None and early is None:
        ahead.cancel()
    try:
        with parallel.checked_chunks(job, staged_path) if big and early is None else nullcontext(early) as checked:
            if checked is not None:
                for answer in checked:
                    packed, by_email, by_mobile, labels = marshal.loads(answer) if early is not None else answer
                    yield unpack(packed), by_email, by_mobile, labels
                return
    finally:
        if early is not None:
            ahead.cancel()  # used up (its file goes), or the review stopped: its checks stop too
    chunk: list[tuple[int, list[str]]] = []
    for item in sheet.rows:
        chunk.append(item)
        if len(chunk) >= CHUNK:
            yield _packed(check_chunk(session, actor, ctx, columns, chunk, policy))
            chunk = []
    if chunk:
        yield _packed(check_chunk(session, actor, ctx, columns, chunk, policy))


def _packed(checked: Checked) -> Packed_:
    rows, *found = checked
    return unpack(pack(rows)), *found


def check_chunk(session: Session, actor: Actor, ctx: Context, columns: dict[str, int],
                chunk: list[tuple[int, list[str]]], policy: str) -> Checked:
    """Everything about a chunk's rows that does not depend on earlier chunks:
    each row parsed and checked, its links resolved, the existing contacts its
    e-mail or mobiles match. Reads the database, writes nothing."""
    given = [cells_by_key(cells, columns) for _n, cells in chunk]
    codes = {t["contact_code"].strip().upper() for t in given if "contact_code" in t}
    facts = lookups.contact_facts(session, actor, codes) if codes else {}
    rows: list[Parsed] = []
    for (number, cells), t in zip(chunk, given):
        code = t.get("contact_code", "").strip().upper()
        row = parse_row(number, cells, t, ctx, facts.get(code))
        if row.code and row.target is None:
            row.problem("contact_code", t["contact_code"],
                        "No contact with this code (or it is private and not shared with you); "
                        "leave it blank for a new contact.")
        rows.append(row)
    _resolve_links(session, actor, ctx, rows)
    custom.resolve_contacts(session, actor, ctx.custom, rows, lookups.contact_facts)
    candidates = [r for r in rows if not r.errors]
    by_email, by_mobile, labels = {}, {}, {}
    if policy != "create":
        by_email, by_mobile = lookups.existing_matches(
            session, [r.email for r in candidates if r.email and not r.code],
            [m for r in candidates if not r.code for m in r.mobiles])
        ids = {i for s in (*by_email.values(), *by_mobile.values()) for i in s}
        labels = lookups.contact_labels(session, actor, ids) if ids else {}
    return rows, by_email, by_mobile, labels


def _decide(rows: list[Packed], by_email, by_mobile, labels, decider: Decider, sink: Sink,
            counts: ReviewCounts) -> None:
    """In file order: each checked row becomes invalid, duplicate, or valid (create / update)."""
    accepted: list[tuple[Packed, str]] = []
    for packed in rows:
        counts.total += 1
        if packed.invalid:
            counts.invalid += 1
            row = packed.row()
            sink.problem(row, "invalid", row.errors + row.warnings)
            continue
        action, reason = decider.decide(packed, by_email, by_mobile, labels)
        if action == "duplicate":
            counts.duplicate += 1
            sink.problem(packed.row(), "duplicate", [("", "", reason)])
            continue
        counts.valid += 1
        if action == "create":
            counts.to_create += 1
        else:
            counts.to_update += 1
        if packed.warnings:
            counts.warnings += 1
            sink.warning(packed.number, packed.warnings)
        accepted.append((packed, action))
    if accepted:
        sink.accepted(accepted)


def _resolve_links(session: Session, actor: Actor, ctx: Context, rows: list[Parsed]) -> None:
    """Relation To must name one visible contact; Reference is matched if it can be."""
    targets = lookups.resolve_contacts(session, actor, ctx, {r.relation_to for r in rows if r.relation_to})
    for row in rows:
        if not row.relation_to:
            continue
        related, reason = targets[row.relation_to]
        if related is None:
            row.problem("relation_to", row.relation_to, reason)
        elif row.target is not None and related == row.target.id:
            row.problem("relation_to", row.relation_to, "A contact cannot be associated with itself.")
        row.related_id = related
    references = lookups.resolve_references(session, actor, ctx, {r.reference for r in rows if r.reference})
    for row in rows:
        if row.reference:
            kind, ref_id = references[row.reference]
            if kind:
                row.values.update(reference_kind=kind, reference_contact_id=ref_id if kind == "contact" else None,
                                  reference_employee_id=ref_id if kind == "employee" else None,
                                  reference_campaign_id=ref_id if kind == "campaign" else None)
            else:
                row.problem("reference", row.reference, "No contact, employee or campaign by this name; "
                                                        "the reference is left blank.", warning=True)
