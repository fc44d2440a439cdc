"""Writing the reviewed valid rows in bulk, with the form's invariants kept:
codes from the code counter (SQLite: in the same transaction; PostgreSQL: in a short
one of their own, ``codes.allocate_apart``, so forms creating contacts meanwhile do
not wait for the import), ``name_key``,
``email_key``, one primary e-mail and one primary phone per kind, one
default address, ``search_text`` as the form's ``build_search_text`` builds
it, privacy rows only for private contacts.

The caller owns the transaction (one for the whole import): nothing here
commits, so a failure anywhere leaves the database as it was.

New contacts (the bulk of an import): on SQLite their ids are given here
(the import holds the only write lock, so ``max(id) + 1…`` are free), which
lets every row of a chunk — contact, search index, e-mails, phones,
addresses, lists, links — be prepared without reading anything back and
handed to ``bulk.Pipe``, whose writer thread writes chunk n while this
thread prepares chunk n + 1. On PostgreSQL the ids come from the table's
sequence up front (``pg_copy.next_ids``; other transactions may insert
meanwhile) and every table is written with COPY (``pg_copy``). An SQLite
older than 3.38, which lacks ``->>``, lets the database number them and reads
them back by their codes. Rows updating existing contacts (``updates.py``)
are gathered and written in batches.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from operator import itemgetter

from pydantic_core import PydanticUndefined
from sqlalchemy import select
from sqlmodel import Session

from hoffice_app.domain.common import codes, with_custom_words
from hoffice_app.domain.contacts import build_search_text
from hoffice_app.importer.check.context import Context
from hoffice_app.importer.check.normalize import Parsed
from hoffice_app.importer.speed import pg_copy
from hoffice_app.importer.speed import workers as parallel
from hoffice_app.importer.speed.bulk_pipe import Pipe, insert_rows
from hoffice_app.importer.speed.fts import BulkIndex
from hoffice_app.importer.write import rows as child
from hoffice_app.importer.write.rows import COLUMNS, T
from hoffice_app.importer.write.updates import update_contacts
from hoffice_app.models import Contact

UPDATE_BATCH = 1000  # rows updating existing contacts, written together


def new_defaults(ctx: Context) -> dict:
    """A new contact's columns before the row's values: the model's defaults
    plus the company defaults the form applies (title, country, currency, zone)."""
    base = {n: f.default for n, f in Contact.model_fields.items()
            if f.default is not PydanticUndefined and n != "id"}
    base.update(title_id=ctx.default_title_id, country=ctx.default_country, currency=ctx.default_currency,
                time_zone=ctx.default_timezone)
    return base


class Writer:
    """Writes chunks of (row, action) in the caller's transaction; returns each row's contact code."""

    def __init__(self, session: Session, ctx: Context, *, kam_id: int | None, now: datetime, new_codes=None,
                 expected_new: int = 0):
        """``new_codes``: an iterator of codes allocated beforehand for the new contacts, in
        order (submit does so when no contact changed since the review); else per chunk.
        ``expected_new``: how many new contacts the review counted (PostgreSQL takes their
        ids from the sequence in one go)."""
        self.s, self.ctx, self.kam_id, self.now = session, ctx, kam_id, now
        self.new_codes = new_codes
        self.defaults = new_defaults(ctx)
        self.columns = [c for c in T["contact"].c.keys() if c != "id"]
        self.values_of = itemgetter(*self.columns)
        self.created = self.updated = 0
        self.written_ids: set[int] = set()  # contacts this import created or updated
        self.pending: list[Parsed] = []  # rows updating existing contacts, not written yet
        self.conn = session.connection()
        self.pipe = Pipe(self.conn)
        self.fts = BulkIndex(session)
        self.next_id = None
        self.reserved_ids: list[int] = []  # PostgreSQL: ids taken from the sequence, not used yet
        self.expected_new = expected_new
        self.custom_defaults = child.custom_defaults(ctx)
        self.reader: Session | None = None  # reads for updates beside the writer thread (_reads)
        if self.pipe.threaded and not self.pipe.postgres:
            # The driver opens a transaction only before INSERT/UPDATE/DELETE: take the write lock
            # now, so the trigger changes below roll back with the import and max(id) stays ours.
            if not self.conn.connection.driver_connection.in_transaction:
                self.conn.exec_driver_sql("BEGIN IMMEDIATE")
            self.fts.suspend()
            self.next_id = self.conn.exec_driver_sql("SELECT coalesce(max(id), 0) + 1 FROM contact").scalar()

    def write(self, chunk: list[tuple[Parsed, str]]) -> list[tuple[Parsed, str]]:
        new = iter(self._create([r for r, action in chunk if action == "create"]))
        out = []
        for row, action in chunk:
            if action == "create":
                out.append((row, next(new)))
            else:
                self.pending.append(row)
                self.written_ids.add(row.target.id)
                out.append((row, row.target.code))
        if len(self.pending) >= UPDATE_BATCH:
            self._flush_updates()
        return out

    def drain(self) -> None:
        """Everything written so far is in the database (before this thread reads it)."""
        self._flush_updates()
        self.pipe.drain()

    def finish(self) -> None:
        """Call once after the last chunk, before the commit (puts the search trigger back)."""
        self._flush_updates()
        self.pipe.close()
        self._close_reader()
        self.fts.restore()

    def abort(self) -> None:
        """After a failure, before the rollback: stop the writer thread (its error is moot)."""
        self.pipe.cancel()
        self._close_reader()

    def _flush_updates(self) -> None:
        if self.pending:
            rows, self.pending = self.pending, []
            reads = self._reads()
            if reads is self.s:
                self.pipe.drain()
            update_contacts(self, rows, reads)
            self.updated += len(rows)

    def _reads(self) -> Session:
        """Where the updated contacts are read. With the writer thread, a connection of its
        own: what this import changed is invisible to it, and it needs none of that — a
        contact is updated once per import, and its rows are read just before (while it is
        as before the import: on SQLite the import holds the write lock, on PostgreSQL the
        contacts to update are locked from its start — submit.py — so no one else commits them) —
        so the writer thread goes on writing meanwhile instead of being waited for."""
        if self.reader is None and self.pipe.threaded and parallel.shareable(self.conn.engine.url):
            self.reader = Session(self.conn.engine)
        return self.reader or self.s

    def _close_reader(self) -> None:
        if self.reader is not None:
            self.reader.close()
            self.reader = None

    def _create(self, rows: list[Parsed]) -> list[str]:
        if not rows:
            return []
        if self.new_codes is not None:
            new_codes = [next(self.new_codes) for _ in rows]
        else:
            self.pipe.drain()
            new_codes = codes.allocate_apart(self.s, "contact", len(rows))
        fixed = {"created_by_id": self.ctx.actor_id, "created_at": self.now, "updated_at": self.now,
                 "updated_by_id": self.ctx.actor_id}
        if self.kam_id:  # the Key Account Manager chosen for all rows wins over the file's column
            fixed["key_account_manager_id"] = self.kam_id
        contacts, phones, customs = [], [], []
        searched = child.text_fields(self.ctx)
        for row, code in zip(rows, new_codes):
            d = {**self.defaults, **row.values, **fixed, "code": code}
            numbers = child.new_phones(row)
            d["search_text"] = build_search_text(code, d["name"], row.aliases or [],
                                                 [row.email] if row.email else [], [n for _k, n in numbers])
            custom = child.with_defaults(self.custom_defaults, row.custom)
            if searched and custom:  # text custom values are searched too
                d["search_text"] = with_custom_words(d["search_text"], child.custom_words(searched, custom))
            contacts.append(self.values_of(d))
            phones.append(numbers)
            customs.append(custom)
        ids = self._new_ids(len(rows))
        inserted = ids is None
        if ids is None:  # the database numbers them: insert now, then read the ids back by their codes
            insert_rows(self.conn, T["contact"], self.columns, contacts)
            c = T["contact"].c
            by_code = dict(self.s.execute(select(c.code, c.id).where(c.code.in_(new_codes))).all())
            ids = [by_code[code] for code in new_codes]
        self.written_ids.update(ids)
        children: dict[str, list[tuple]] = defaultdict(list)
        values = child.CustomValues()
        for row, cid, numbers, custom in zip(rows, ids, phones, customs):
            if row.email:
                children["contact_email"].append(child.email_row(cid, row.email, True))
            children["contact_phone"] += child.phone_rows(cid, numbers)
            if row.address:
                children["contact_address"].append(child.address_row(child.address(self.ctx, cid, row, None)))
            child.list_rows(children, cid, row)
            if row.relation_id and row.related_id:  # a new contact has no links yet: no duplicate to avoid
                children["contact_association"].append(child.association_row(cid, row, self.ctx.actor_id, self.now))
            if custom:
                values.add(cid, custom)
        if self.pipe.postgres:  # every table is a COPY in the writer thread, the contacts first
            self.pipe.insert(T["contact"], ["id", *self.columns], [(i, *t) for i, t in zip(ids, contacts)])
        else:
            # SQLite: contacts and addresses are wide (~60 and 11 columns): json_each would cost
            # more than executemany, and executemany must not share the GIL with this thread
            # (bulk.Pipe), so they are written here while the writer thread is idle; the narrow
            # rows and the search index then go through the pipe while this thread prepares the
            # next chunk.
            self.pipe.drain()
            if not inserted:
                insert_rows(self.conn, T["contact"], ["id", *self.columns], [(i, *t) for i, t in zip(ids, contacts)])
            insert_rows(self.conn, T["contact_address"], COLUMNS["contact_address"],
                        children.pop("contact_address", []))
        self.fts.index_range(self.pipe, ids[0], ids[-1])
        for table, table_rows in children.items():
            self.pipe.insert(T[table], COLUMNS[table], table_rows)
        values.write(self.pipe)
        self.created += len(rows)
        return new_codes

    def _new_ids(self, count: int) -> list[int] | None:
        """Ids for new contacts when this import gives them (SQLite, PostgreSQL), else None."""
        if self.pipe.postgres:
            if len(self.reserved_ids) < count:
                self.pipe.drain()  # the writer thread holds the connection until then
                want = max(count - len(self.reserved_ids), self.expected_new)
                self.reserved_ids += pg_copy.next_ids(self.conn.connection.driver_connection, "contact", want)
                self.expected_new = 0
            ids, self.reserved_ids = self.reserved_ids[:count], self.reserved_ids[count:]
            return ids
        if self.next_id is None:
            return None
        ids = list(range(self.next_id, self.next_id + count))
        self.next_id += count
        return ids
