"""Writing the reviewed valid rows: bulk INSERT/UPDATE statements per chunk
(``session.execute(insert(table), dicts)``), not one ORM save per row, with
the form's invariants kept: codes from the code counter in the same
transaction, ``name_key``, ``email_key``, one primary e-mail and one primary
phone per kind, one default address, ``search_text`` as the form's ``build_search_text``
builds it (``fastpath.search_text``), privacy rows only for private contacts.

The caller owns the transaction (one for the whole import): nothing here
commits, so a failure anywhere leaves the database as it was.

Updating keeps what the file leaves blank. A given e-mail replaces the
primary one; Mobile Number / Mobile Number1 / Office Phone / Office Phone1 /
Other Number replace the first or second number of their kind; given address
parts change the default address in place (leads point at addresses, so
addresses are never deleted); Alias names, Category, Division and Privacy
replace the whole list, as the cell holds the whole list.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from pydantic_core import PydanticUndefined
from sqlalchemy import bindparam, delete, insert, select, update
from sqlmodel import Session

from hoffice_app.domain import codes
from hoffice_app.importer.context import Context
from hoffice_app.importer.fastpath import search_text
from hoffice_app.importer.fts import BulkIndex
from hoffice_app.importer.normalize import PHONE_SLOTS, Parsed
from hoffice_app.models import (Contact, ContactAddress, ContactAlias, ContactAssociation, ContactCategory,
                                ContactDivision, ContactEmail, ContactPhone, ContactPrivacy)

T = {m.__tablename__: m.__table__ for m in (Contact, ContactEmail, ContactPhone, ContactAddress, ContactAlias,
                                            ContactCategory, ContactDivision, ContactPrivacy, ContactAssociation)}
SLOT = {key: (kind, 0 if key in ("mobile", "office_phone", "other_number") else 1) for key, kind, _m in PHONE_SLOTS}
ADDRESS_PARTS = ("line1", "line2", "area", "district", "city", "state", "pin")


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

    def __init__(self, session: Session, ctx: Context, *, kam_id: int | None, now: datetime):
        self.s, self.ctx, self.kam_id, self.now = session, ctx, kam_id, now
        self.defaults = new_defaults(ctx)
        self.created = self.updated = 0
        self.written_ids: set[int] = set()  # contacts this import created or updated
        self.fts = BulkIndex(session)

    def write(self, chunk: list[tuple[Parsed, str]]) -> list[tuple[Parsed, str]]:
        creates = [r for r, action in chunk if action == "create"]
        updates = [r for r, action in chunk if action == "update"]
        out = self._create(creates) + self._update(updates)
        self._associate([(cid, r) for r, _code, cid in out if r.relation_id and r.related_id])
        return [(r, code) for r, code, _cid in out]

    def finish(self) -> None:
        """Call once after the last chunk, before the commit (puts the search trigger back)."""
        self.fts.restore()

    # ------------------------------------------------------------ create

    def _create(self, rows: list[Parsed]) -> list[tuple[Parsed, str, int]]:
        if not rows:
            return []
        new_codes = codes.allocate(self.s, "contact", len(rows))
        dicts = []
        for row, code in zip(rows, new_codes):
            d = {**self.defaults, **row.values, "code": code, "created_by_id": self.ctx.actor_id,
                 "created_at": self.now, "updated_at": self.now}
            if self.kam_id:
                d["key_account_manager_id"] = self.kam_id
            phones = _phones(row, {})
            d["search_text"] = search_text(code, d["name"], row.aliases or [], [row.email] if row.email else [],
                                                 [n for _k, n in phones])
            dicts.append(d)
        # Plain executemany, then the ids by their (just allocated, unique) codes: SQLite cannot
        # return ids of a multi-row INSERT in order, and one INSERT … RETURNING per row was 4× slower.
        self.fts.suspend()
        self.s.execute(insert(T["contact"]), dicts)
        c = T["contact"].c
        by_code = dict(self.s.execute(select(c.code, c.id).where(c.code.in_(new_codes))).all())
        ids = [by_code[code] for code in new_codes]
        self.fts.index(ids)
        self.written_ids.update(ids)
        children: dict[str, list[dict]] = defaultdict(list)
        for row, cid in zip(rows, ids):
            if row.email:
                children["contact_email"].append(_email(cid, row.email, True))
            children["contact_phone"] += _phone_rows(cid, _phones(row, {}))
            if row.address:
                children["contact_address"].append(self._address(cid, row, None))
            self._lists(children, cid, row)
        self._insert(children)
        self.created += len(rows)
        return list(zip(rows, new_codes, ids))

    # ------------------------------------------------------------ update

    def _update(self, rows: list[Parsed]) -> list[tuple[Parsed, str, int]]:
        if not rows:
            return []
        ids = [r.target.id for r in rows]
        self.written_ids.update(ids)
        current = {r["id"]: dict(r) for r in self.s.execute(select(T["contact"]).where(T["contact"].c.id.in_(ids)))
                   .mappings()}
        e, p, al, ad = (T[n].c for n in ("contact_email", "contact_phone", "contact_alias", "contact_address"))
        emails = _grouped(self.s, (e.email,), ids, (e.is_primary.desc(), e.id))
        phones = _grouped(self.s, (p.kind, p.number), ids, (p.is_primary.desc(), p.id))
        aliases = _grouped(self.s, (al.alias,), ids, (al.id,))
        addresses = {a.contact_id: a for a in self.s.execute(select(T["contact_address"]).where(
            ad.contact_id.in_(ids)).order_by(ad.is_default, ad.id))}
        changed, moved, children = [], [], defaultdict(list)
        replaced: dict[str, set[int]] = defaultdict(set)
        for row in rows:
            cid = row.target.id
            d = {**current[cid], **row.values, "updated_at": self.now}
            if self.kam_id:
                d["key_account_manager_id"] = self.kam_id
            if d.get("segment_id") and self.ctx.segment_parent.get(d["segment_id"]) != d.get("industry_id"):
                d["segment_id"] = None  # a segment belongs to its industry
            mail = [m for (m,) in emails.get(cid, [])]
            if row.email:
                mail = [row.email] + [e for e in mail[1:] if e.lower() != row.email.lower()]
                replaced["contact_email"].add(cid)
                children["contact_email"] += [_email(cid, e, i == 0) for i, e in enumerate(mail)]
            numbers = _phones(row, _by_kind(phones.get(cid, [])))
            if row.phones:
                replaced["contact_phone"].add(cid)
                children["contact_phone"] += _phone_rows(cid, numbers)
            names = row.aliases if row.aliases is not None else [a for (a,) in aliases.get(cid, [])]
            d["search_text"] = search_text(d["code"], d["name"], names, mail, [n for _k, n in numbers])
            if row.address:
                existing = addresses.get(cid)
                if existing is not None and existing.is_default:
                    moved.append({"_id": existing.id, **self._address(cid, row, existing)})
                else:
                    children["contact_address"].append(self._address(cid, row, None))
            for table, attr in (("contact_alias", "aliases"), ("contact_category", "category_ids"),
                                ("contact_division", "division_ids"), ("contact_privacy", "privacy_ids")):
                if getattr(row, attr) is not None:
                    replaced[table].add(cid)
            self._lists(children, cid, row)
            changed.append(d)
        for table, cids in replaced.items():
            self.s.execute(delete(T[table]).where(T[table].c.contact_id.in_(cids)))
        columns = [c for c in T["contact"].c.keys() if c != "id"]
        stmt = update(T["contact"]).where(T["contact"].c.id == bindparam("_id")).values(
            {c: bindparam(c) for c in columns})
        self.s.execute(stmt, [{"_id": d["id"], **{c: d[c] for c in columns}} for d in changed])
        if moved:
            a = T["contact_address"]
            self.s.execute(update(a).where(a.c.id == bindparam("_id")).values(
                {c: bindparam(c) for c in moved[0] if c != "_id"}), moved)
        self._insert(children)
        self.updated += len(rows)
        return [(r, current[r.target.id]["code"], r.target.id) for r in rows]

    # ------------------------------------------------------------ shared

    def _address(self, cid: int, row: Parsed, existing) -> dict:
        base = {p: getattr(existing, p) if existing is not None else "" for p in ADDRESS_PARTS}
        base["address_type_id"] = existing.address_type_id if existing is not None else \
            self.ctx.default_address_type_id
        base.update(row.address)
        if not base["address_type_id"]:
            base["address_type_id"] = self.ctx.default_address_type_id
        return {**base, "contact_id": cid, "is_default": True}

    @staticmethod
    def _lists(children: dict, cid: int, row: Parsed) -> None:
        children["contact_alias"] += [{"contact_id": cid, "alias": a} for a in row.aliases or []]
        children["contact_category"] += [{"contact_id": cid, "category_id": i} for i in row.category_ids or []]
        children["contact_division"] += [{"contact_id": cid, "division_id": i} for i in row.division_ids or []]
        if row.values.get("is_private"):
            children["contact_privacy"] += [{"contact_id": cid, "employee_id": i} for i in row.privacy_ids or []]

    def _insert(self, children: dict[str, list[dict]]) -> None:
        """Child rows hold only ints, text and flags, so they go to the driver's executemany
        directly: SQLAlchemy's per-row parameter handling was most of the time for ~1M rows."""
        conn = self.s.connection()
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        quote = conn.dialect.identifier_preparer.quote
        for table, rows in children.items():
            if not rows:
                continue
            cols = list(rows[0])
            sql = (f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in cols)}) "
                   f"VALUES ({', '.join([mark] * len(cols))})")
            conn.exec_driver_sql(sql, [tuple(r[c] for c in cols) for r in rows])

    def _associate(self, rows: list[tuple[int, Parsed]]) -> None:
        """"<contact> is <Relation> of <Relation To>", once: an existing link is not added again."""
        if not rows:
            return
        a = T["contact_association"]
        existing = set(self.s.execute(select(a.c.contact_id, a.c.related_contact_id, a.c.relation_id)
                                      .where(a.c.contact_id.in_({cid for cid, _r in rows}))).all())
        new = []
        for cid, row in rows:
            key = (cid, row.related_id, row.relation_id)
            if key not in existing:
                existing.add(key)
                new.append({"contact_id": key[0], "related_contact_id": key[1], "relation_id": key[2],
                            "created_by_id": self.ctx.actor_id, "created_at": self.now})
        if new:
            self.s.execute(insert(a), new)


def _grouped(session: Session, columns, ids: list[int], order) -> dict[int, list[tuple]]:
    """contact id → its child rows (as tuples of ``columns``), in ``order``."""
    out: dict[int, list] = defaultdict(list)
    table = columns[0].table
    for item in session.execute(select(table.c.contact_id, *columns).where(table.c.contact_id.in_(ids))
                                .order_by(*order)):
        out[item[0]].append(tuple(item[1:]))
    return out


def _by_kind(phones: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for kind, number in phones:
        out[kind].append(number)
    return out


def _phones(row: Parsed, by_kind: dict[str, list[str]]) -> list[tuple[str, str]]:
    """The contact's phones after the row's slots are applied, primaries first per kind."""
    lists = {kind: list(by_kind.get(kind, [])) for kind in ("mobile", "office", "other")}
    for slot, number in row.phones.items():
        kind, index = SLOT[slot]
        numbers = lists[kind]
        if index < len(numbers):
            numbers[index] = number
        else:
            numbers.append(number)
    out: list[tuple[str, str]] = []
    for kind, numbers in lists.items():
        for n in numbers:
            if (kind, n) not in out:
                out.append((kind, n))
    return out


def _phone_rows(cid: int, phones: list[tuple[str, str]]) -> list[dict]:
    seen: set[str] = set()
    rows = []
    for kind, number in phones:
        rows.append({"contact_id": cid, "kind": kind, "number": number, "is_primary": kind not in seen})
        seen.add(kind)
    return rows


def _email(cid: int, email: str, primary: bool) -> dict:
    return {"contact_id": cid, "email": email, "email_key": email.lower(), "is_primary": primary}
