"""Rows that update existing contacts (a Contact Code, or a match under the
"update" policy), written in batches by ``commit.Writer``.

Updating keeps what the file leaves blank. A given e-mail replaces the
primary one; Mobile Number / Mobile Number1 / Office Phone / Office Phone1 /
Other Number replace the first or second number of their kind; given address
parts change the default address in place (leads point at addresses, so
addresses are never deleted); Alias names, Category, Division and Privacy
replace the whole list, as the cell holds the whole list. A custom field's cell replaces that
field's values (a blank one keeps them; unmapped fields are not touched). Only the columns
that change are set: untouched indexes stay as they are, and the search
index is told only of the texts that changed (``fts.BulkIndex.reindex``).
"""
from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import select
from sqlmodel import Session

from hoffice_app.domain.common import keep_custom_words, lead_search_text, with_custom_words
from hoffice_app.domain.contacts import build_search_text
from hoffice_app.importer.check.lookups import children_of
from hoffice_app.importer.check.normalize import Parsed
from hoffice_app.importer.write import rows as child
from hoffice_app.importer.write.rows import COLUMNS, T
from hoffice_app.models import Lead

LISTS = (("contact_alias", "aliases"), ("contact_category", "category_ids"), ("contact_division", "division_ids"),
         ("contact_privacy", "privacy_ids"))


def update_contacts(w, rows: list[Parsed], s: Session) -> None:
    """``w``: the ``commit.Writer`` (context, tables, columns, the KAM, the time, the writer
    thread); ``s``: where the contacts as they are now are read (``Writer._reads``)."""
    ctx = w.ctx
    ids = [r.target.id for r in rows]
    current = {r["id"]: dict(r) for r in s.execute(select(T["contact"]).where(T["contact"].c.id.in_(ids))).mappings()}
    e, p, al, ad = (T[n].c for n in ("contact_email", "contact_phone", "contact_alias", "contact_address"))
    emails = children_of(s, (e.email,), ids, e.is_primary.desc(), e.id)
    phones = children_of(s, (p.kind, p.number), ids, p.is_primary.desc(), p.id)
    aliases = children_of(s, (al.alias,), ids, al.id)
    addresses = {a.contact_id: a for a in s.execute(select(T["contact_address"]).where(
        ad.contact_id.in_(ids)).order_by(ad.is_default, ad.id))}
    changed: dict[tuple, list] = defaultdict(list)  # the columns a row sets -> rows (values, then id)
    texts: list[tuple[int, str, str]] = []  # (id, old, new) search text, for the search index
    moved, children = [], defaultdict(list)
    renamed: dict[int, tuple[str, str]] = {}  # contact id -> (name, code): its leads' search text changes
    replaced: dict[str, set[int]] = defaultdict(set)
    cleared: dict[int, list[int]] = defaultdict(list)  # custom field id -> contacts whose value is replaced
    custom_values = child.CustomValues()
    searched = child.text_fields(ctx)
    stored_words = _stored_text_values(s, searched, [r.target.id for r in rows if set(r.custom) & set(searched)])
    for row in rows:
        cid = row.target.id
        before = current[cid]
        # the version a form read is now stale: its save merges or is refused (domain/common/versions.py)
        d = {**before, **row.values, "updated_at": w.now, "updated_by_id": ctx.actor_id,
             "version": before["version"] + 1}
        if w.kam_id:
            d["key_account_manager_id"] = w.kam_id
        if d.get("segment_id") and ctx.segment_parent.get(d["segment_id"]) != d.get("industry_id"):
            d["segment_id"] = None  # a segment belongs to its industry
        mail = [m for (m,) in emails.get(cid, [])]
        if row.email:
            mail = [row.email] + [x for x in mail[1:] if x.lower() != row.email.lower()]
            replaced["contact_email"].add(cid)
            children["contact_email"] += [child.email_row(cid, x, i == 0) for i, x in enumerate(mail)]
        numbers = child.phones_after(row, child.by_kind(phones.get(cid, [])))
        if row.phones:
            replaced["contact_phone"].add(cid)
            children["contact_phone"] += child.phone_rows(cid, numbers)
        names = row.aliases if row.aliases is not None else [a for (a,) in aliases.get(cid, [])]
        d["search_text"] = keep_custom_words(build_search_text(d["code"], d["name"], names, mail,
                                                               [n for _k, n in numbers]), before["search_text"])
        if set(row.custom) & set(searched):  # a text custom value changed: its words follow
            d["search_text"] = with_custom_words(d["search_text"], child.custom_words(
                searched, {**stored_words.get(cid, {}), **row.custom}))
        if d["search_text"] != before["search_text"]:
            texts.append((cid, before["search_text"], d["search_text"]))
        if row.address:
            existing = addresses.get(cid)
            if existing is not None and existing.is_default:
                moved.append({"_id": existing.id, **child.address(ctx, cid, row, existing)})
            else:
                children["contact_address"].append(child.address_row(child.address(ctx, cid, row, None)))
        for table, attr in LISTS:
            if getattr(row, attr) is not None:
                replaced[table].add(cid)
        child.list_rows(children, cid, row)
        for field_id in row.custom:  # only the fields the row gives change
            cleared[field_id].append(cid)
        if row.custom:
            custom_values.add(cid, row.custom)
        if d["name"] != before["name"] or d["code"] != before["code"]:
            renamed[cid] = (d["name"], d["code"])
        sets = tuple(c for c in w.columns if c in row.values or d[c] != before[c])
        changed[sets].append(tuple(d[c] for c in sets) + (cid,))
    links = _new_links(w, s, T["contact_association"], [r for r in rows if r.relation_id and r.related_id])
    # Everything is read: the writes go to the writer thread while the next chunk is prepared.
    for table, cids in replaced.items():
        w.pipe.delete_in(T[table], "contact_id", sorted(cids))
    for field_id, cids in cleared.items():
        _clear_field(w.pipe, field_id, cids)
    for sets, values in changed.items():
        w.pipe.update(T["contact"], sets, values)
    if moved:
        columns = [c for c in moved[0] if c != "_id"]
        w.pipe.update(T["contact_address"], columns, [(*(m[c] for c in columns), m["_id"]) for m in moved])
    for table, table_rows in children.items():
        w.pipe.insert(T[table], COLUMNS[table], table_rows)
    custom_values.write(w.pipe)  # after the cleared fields' old values are deleted
    w.fts.reindex(w.pipe, texts)
    _lead_texts(w, s, renamed)
    w.pipe.insert(T["contact_association"], COLUMNS["contact_association"], links)


def _stored_text_values(s: Session, field_ids: list[int], cids: list[int]) -> dict[int, dict[int, list]]:
    """contact id -> text field id -> its stored value as a check pair, for the contacts whose
    text custom values the chunk changes (their search words are rebuilt from all of them)."""
    if not field_ids or not cids:
        return {}
    v = T["contact_custom_value"].c
    out: dict[int, dict[int, list]] = defaultdict(dict)
    for cid, field_id, text in s.execute(select(v.contact_id, v.field_id, v.text_value).where(
            v.contact_id.in_(cids), v.field_id.in_(field_ids), v.text_value.is_not(None))):
        out[cid][field_id] = [("text_value", text)]
    return out


def _clear_field(pipe, field_id: int, cids: list[int]) -> None:
    """DELETE one custom field's values of ``cids`` (in the writer thread's turn)."""
    table = T["contact_custom_value"]
    if pipe.postgres:
        pipe.execute("DELETE FROM contact_custom_value WHERE field_id = %s AND contact_id = ANY(%s)",
                     (field_id, list(cids)))
    elif pipe.threaded:
        pipe.execute("DELETE FROM contact_custom_value WHERE field_id = ? AND contact_id IN "
                     "(SELECT value FROM json_each(?))", (field_id, json.dumps(list(cids))))
    else:
        pipe.conn.execute(table.delete().where(table.c.field_id == field_id, table.c.contact_id.in_(list(cids))))


def _lead_texts(w, s: Session, renamed: dict[int, tuple[str, str]]) -> None:
    """The leads of renamed contacts are found by the new name (their search text repeats it)."""
    if not renamed:
        return
    lead = Lead.__table__.c
    rows = s.execute(select(lead.id, lead.code, lead.title, lead.contact_id, lead.search_text)
                     .where(lead.contact_id.in_(list(renamed)))).all()
    values = [(text, r.id) for r in rows
              if (text := keep_custom_words(lead_search_text(r.code, r.title, *renamed[r.contact_id]),
                                            r.search_text)) != r.search_text]
    if values:
        w.pipe.update(Lead.__table__, ("search_text",), values)


def _new_links(w, s: Session, a, rows: list[Parsed]) -> list[tuple]:
    """"<contact> is <Relation> of <Relation To>", once: an existing link is not added again."""
    if not rows:
        return []
    existing = set(s.execute(select(a.c.contact_id, a.c.related_contact_id, a.c.relation_id)
                               .where(a.c.contact_id.in_({r.target.id for r in rows}))).all())
    new = []
    for row in rows:
        key = (row.target.id, row.related_id, row.relation_id)
        if key not in existing:
            existing.add(key)
            new.append(child.association_row(row.target.id, row, w.ctx.actor_id, w.now))
    return new
