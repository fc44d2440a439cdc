"""Idempotent seeds: running either twice leaves the same rows.

Existing entries are matched by (kind, case-insensitive name) and left alone,
so an administrator's renames and reorders survive a re-seed.
"""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, func, select

from hoffice_app.domain.masters import clean_name, name_key
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.domain.org import create_employee, find_by_code
from hoffice_app.domain.seed.data import (
    CLASSES,
    DEFAULT_ADDRESS_TYPE,
    DEFAULT_TITLE,
    DEMO_EMPLOYEES,
    KNOWLEDGE_TEMPLATES,
    PARENT_CHILD,
    PRODUCT_CODES,
    SIMPLE_MASTERS,
)
from hoffice_app.models import Employee, MasterEntry


def _ensure(session: Session, kind: str, name: str, *, parent_id: int | None = None, code: str | None = None,
            body: str | None = None) -> tuple[MasterEntry, bool]:
    entry = session.exec(select(MasterEntry).where(MasterEntry.kind == kind,
                                                   MasterEntry.name_key == name_key(name))).first()
    if entry:
        return entry, False
    last = session.exec(select(func.max(MasterEntry.position)).where(MasterEntry.kind == kind)).one()
    entry = MasterEntry(kind=kind, name=clean_name(name), name_key=name_key(name), parent_id=parent_id, code=code,
                        body=body, position=(last or 0) + 1)
    session.add(entry)
    session.flush()
    return entry, True


def _give_code(session: Session, entry: MasterEntry, code: str | None) -> None:
    """A product seeded before products had codes gets its demo code, unless an administrator
    gave that code to another product meanwhile (codes are unique per list)."""
    taken = code and session.exec(select(MasterEntry.id).where(MasterEntry.kind == entry.kind,
                                                               func.lower(MasterEntry.code) == code.lower())).first()
    if code and not taken:
        entry.code = code
        session.add(entry)


def seed_masters(session: Session) -> int:
    """Load every master of the demo-data spec. Returns how many rows were added."""
    added = 0
    for kind, names in SIMPLE_MASTERS.items():
        for name in names:
            added += _ensure(session, kind, name)[1]
    for name, code in CLASSES:
        added += _ensure(session, "class", name, code=code)[1]
    for parent_kind, child_kind, tree in PARENT_CHILD:
        for parent_name, children in tree.items():
            parent, new = _ensure(session, parent_kind, parent_name)
            added += new
            for child in children:
                entry, new = _ensure(session, child_kind, child, parent_id=parent.id,
                                     code=PRODUCT_CODES.get(child) if child_kind == "product" else None)
                added += new
                if child_kind == "product" and not entry.code:
                    _give_code(session, entry, PRODUCT_CODES.get(child))
    from hoffice_app.domain.funnel import ensure_default_funnel

    ensure_default_funnel(session)
    for name, body in KNOWLEDGE_TEMPLATES.items():
        added += _ensure(session, "knowledge_template", name, body=body)[1]
    for key, kind, name in (("default_title", "title", DEFAULT_TITLE),
                            ("default_address_type", "address_type", DEFAULT_ADDRESS_TYPE)):
        if not app_settings.get(session, key):
            app_settings.put(session, key, str(_ensure(session, kind, name)[0].id))
    session.flush()
    return added


def seed_demo(session: Session, *, password: str | None, now: datetime,
              with_contacts: bool = False) -> dict[str, str]:
    """Masters, the demo employees and (``with_contacts``, as the command line
    does) the demo contacts. Returns {code: password} for employees created
    now: the given password for all, or a generated one each."""
    seed_masters(session)
    divisions = [e.id for e in session.exec(select(MasterEntry).where(MasterEntry.kind == "division"))]
    created: dict[str, str] = {}
    for n, (code, name, role, boss_code, email) in enumerate(DEMO_EMPLOYEES, start=1):
        if find_by_code(session, code):
            continue
        boss = find_by_code(session, boss_code) if boss_code else None
        # An Indian mobile in E.164 each, so SMS works out of the box against a configured gateway.
        data = {"code": code, "name": name, "role": role, "email": email, "mobile": f"+9198250{10000 + n:05d}",
                "reports_to_id": boss.id if boss else None, "division_ids": divisions}
        _view, pw = create_employee(session, None, data, password=password, now=now, bootstrap=True)
        created[code] = pw
    session.flush()
    if with_contacts:
        from hoffice_app.domain.seed.demo_contacts import seed_demo_contacts

        seed_demo_contacts(session, now=now)
        session.flush()
        from hoffice_app.domain.seed.demo_history import add_demo_history
        from hoffice_app.domain.seed.demo_leads import seed_demo_leads
        from hoffice_app.domain.seed.demo_policies import mix_demo_leads

        if seed_demo_leads(session, now=now):
            mix_demo_leads(session, now=now)
            add_demo_history(session, now=now)
        session.flush()
        from hoffice_app.domain.seed.demo_rules import seed_demo_rules

        seed_demo_rules(session, now=now)
        session.flush()
    from hoffice_app.domain.seed.demo_policies import seed_demo_policy

    seed_demo_policy(session, now=now)
    return created


def database_is_empty(session: Session) -> bool:
    return session.exec(select(func.count()).select_from(Employee)).one() == 0
