"""The lead list: quick views, filters, text search (text_search.py), sorting and pages, with
the total estimated value of everything that matches. Every query is limited
by lead_access.visible_clause, so rows, counts and sums never include a lead
the actor may not see."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from sqlalchemy import false, func, literal_column, or_
from sqlmodel import Session, select

from hoffice_app.domain import customfields as cf
from hoffice_app.domain.common import Actor, ValidationError, as_id, require_actor
from hoffice_app.domain.contacts import visible_clause as contact_visible
from hoffice_app.domain.leads import sorting
from hoffice_app.domain.leads.access import visible_clause
from hoffice_app.domain.leads.list_rows import ROW_COLUMNS, fill_rows, followup_state
from hoffice_app.domain.leads.rules import SOURCE_KINDS
from hoffice_app.domain.leads.text_search import text_conditions
from hoffice_app.domain.leads.views import LeadPage, LeadQuery, LeadRow
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import Contact, Lead, LeadFollower, LeadProduct

QUICK_VIEWS = [("open", "All Open Leads"), ("mine", "My Leads"), ("following", "Leads I'm Following"),
               ("unassigned", "Unassigned"), ("overdue", "Overdue Follow-ups"), ("all", "All Leads")]
# sort key → (expression, descending, blanks last) for each ORDER BY term; every
# order ends with the id, so it is total and can be read backwards exactly.
# Priority, stage, value and next follow-up (both ways, blanks last) are paged segment by
# segment from indexes (sorting.py); their entries here are the same order as one ORDER BY.
# There is no sort by contact name on purpose: it would place a lead whose contact
# is private to the viewer by that contact's hidden name (see privacy.py).
SORTS = {"-created": ((Lead.created_at, True, False), (Lead.id, True, False)),
         "created": ((Lead.created_at, False, False), (Lead.id, False, False)),
         "-value": ((Lead.estimated_value, True, True), (Lead.id, True, False)),
         "value": ((Lead.estimated_value, False, True), (Lead.id, False, False)),
         "next_followup": ((Lead.next_followup_at, False, True), (Lead.id, False, False)),
         "title": ((func.lower(Lead.title), False, False), (Lead.id, False, False)),
         **{key: sorting.order_terms(key) for key in sorting.SEGMENTED}}
MAX_PER_PAGE = 100
FEW_MATCHES, WALK_BUDGET = 5000, 20000  # see page_ids
__all__ = ["QUICK_VIEWS", "SORTS", "LeadQuery", "LeadPage", "LeadRow", "ROW_COLUMNS", "followup_state", "fill_rows",
           "search_leads", "matching_ids"]


zone = app_settings.zone  # the company's time zone: where lead lists' dates are shown


def _sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _is_open(session: Session):
    """``is_open = true``. On SQLite the term says it is usually true: without
    statistics (the app never runs ANALYZE) the planner otherwise counts and
    sums open leads through ix_lead_open_created, one random row read per lead
    in creation order (~90 ms at 70k open leads against ~16 ms for a plain
    scan). The index still serves "newest first" pages."""
    term = Lead.is_open == True  # noqa: E712
    if not _sqlite(session):
        return term
    return func.likelihood(term, literal_column("0.9"))  # untyped: a Boolean type would add "= 1" and hide the index


def _view_condition(session: Session, actor: Actor, view: str, now: datetime):
    is_open = _is_open(session)
    if view == "mine":
        return [Lead.assigned_to_id == actor.id, is_open]
    if view == "following":
        return [Lead.id.in_(select(LeadFollower.lead_id).where(LeadFollower.employee_id == actor.id))]
    if view == "unassigned":
        return [Lead.assigned_to_id.is_(None), is_open]
    if view == "overdue":
        return [is_open, Lead.next_followup_at < now]
    if view == "all":
        return []
    return [is_open]  # "open", and anything unknown (e.g. an old saved view)


def _amount(raw: str, key: str) -> Decimal | None:
    clean = str(raw or "").replace(",", "").replace(" ", "")
    if not clean:
        return None
    try:
        value = Decimal(clean)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or value < 0:
        raise ValidationError({key: "Enter an amount of 0 or more, e.g. 150000."})
    return value


def _day(raw: str, key: str) -> date | None:
    raw = str(raw or "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ValidationError({key: "Enter a date, e.g. 2026-11-26."}) from None


def _start_utc(day: date, tz: ZoneInfo) -> datetime | None:
    """Midnight of ``day`` in the company's zone, in UTC; None when out of range."""
    try:
        return datetime.combine(day, time(), tz).astimezone(timezone.utc)
    except (OverflowError, ValueError):
        return None


def _date_range(col, low: str, high: str, keys: tuple[str, str], tz: ZoneInfo) -> list:
    """Company-local days, both inclusive: [start of ``low``, start of the day after ``high``)."""
    cond = []
    first, last = _day(low, keys[0]), _day(high, keys[1])
    if first and (start := _start_utc(first, tz)):
        cond.append(col >= start)
    if last and last < date.max and (end := _start_utc(last + timedelta(days=1), tz)):
        cond.append(col < end)
    return cond


def _source_condition(session: Session, actor: Actor, kind: str, ref: str) -> list:
    """By kind, and by the source itself: a contact's code (contact, friend; only
    a contact the actor may see, else the filter would tell which leads a private
    contact brought), an employee's id or a campaign's id. A reference without a
    kind matches any of them."""
    cond = [Lead.source_kind == kind] if kind in SOURCE_KINDS else []
    ref = ref.strip()
    if not ref:
        return cond
    by_id = {"employee": Lead.source_employee_id == (as_id(ref) or 0),
             "campaign": Lead.source_campaign_id == (as_id(ref) or 0)}
    if kind in by_id:
        return cond + [by_id[kind]]
    contact_id = session.exec(select(Contact.id).where(Contact.code == ref.upper(),
                                                       contact_visible(session, actor))).first()
    by_contact = Lead.source_contact_id == (contact_id or 0)
    return cond + [by_contact] if kind in ("contact", "friend") else [or_(by_contact, *by_id.values())]


def _ids(raw) -> list[int]:
    """Ids from "3,5" (several choices of one filter); what is not an id is left out."""
    return sorted({i for part in str(raw or "").split(",") if (i := as_id(part.strip()))})


def conditions(session: Session, actor: Actor, q: LeadQuery, *, now: datetime, scanning: bool = False) -> list:
    """The WHERE clause (a list ANDed together) for ``q`` as seen by ``actor``
    (``scanning``: see lead_access.following_clause)."""
    require_actor(actor)
    cond = [visible_clause(session, actor, scanning=scanning), *_view_condition(session, actor, q.view, now)]
    cond += text_conditions(session, actor, q.text or "")
    for raw, col in ((q.status_id, Lead.status_id), (q.stage_id, Lead.stage_id), (q.funnel_id, Lead.funnel_id),
                     (q.lead_type_id, Lead.lead_type_id), (q.assigned_to_id, Lead.assigned_to_id),
                     (q.created_by_id, Lead.created_by_id), (q.product_category_id, Lead.product_category_id)):
        if (i := as_id(raw)):
            cond.append(col == i)
    if (priorities := _ids(q.priority_id)):
        cond.append(Lead.priority_id == priorities[0] if len(priorities) == 1 else Lead.priority_id.in_(priorities))
    if (i := as_id(q.product_id)):
        cond.append(Lead.id.in_(select(LeadProduct.lead_id).where(LeadProduct.product_id == i)))
    cond += _source_condition(session, actor, q.source_kind or "", q.source_ref or "")
    if (low := _amount(q.value_min, "value_min")) is not None:
        cond.append(Lead.estimated_value >= low)
    if (high := _amount(q.value_max, "value_max")) is not None:
        cond.append(Lead.estimated_value <= high)
    tz = zone(session)
    cond += _date_range(Lead.created_at, q.created_from, q.created_to, ("created_from", "created_to"), tz)
    cond += _date_range(Lead.assigned_at, q.assigned_from, q.assigned_to, ("assigned_from", "assigned_to"), tz)
    cond += _date_range(Lead.next_followup_at, q.followup_from, q.followup_to, ("followup_from", "followup_to"), tz)
    cond += cf.filter_conditions(session, actor, "lead", q.custom, target=Lead.id)
    return cond + _drill_conditions(session, actor, q.drill, now)


def _drill_conditions(session: Session, actor: Actor, raw: str, now: datetime) -> list:
    """An insights drill-down's clauses (the ones its number was counted with); a link that no
    longer reads as one matches nothing rather than every lead."""
    if not raw:
        return []
    from hoffice_app.domain import insights  # insights builds on this package

    drill = insights.decode(raw)
    if drill is None or drill.follow_ups:
        return [false()]
    return insights.lead_conditions(session, actor, drill, now=now)


def order_by(sort: str, *, backwards: bool = False) -> list:
    """ORDER BY clauses for ``sort`` (unknown: newest first); ``backwards`` gives the exact reverse."""
    out = []
    for expr, descending, blanks_last in SORTS.get(sort, SORTS["-created"]):
        clause = expr.desc() if descending != backwards else expr.asc()
        if blanks_last:
            clause = clause.nulls_first() if backwards else clause.nulls_last()
        out.append(clause)
    return out


def page_ids(cond: list, sort: str, offset: int, limit: int, total: int, *, table_rows: int = 0):
    """The ids of one page, as a subquery.

    Sorting and skipping works on (key, id) pairs only, and a page in the
    second half is read from the other end, so the sorter never holds more
    than half of the matching rows. ``table_rows`` (SQLite only: its planner
    has no statistics) guards against walking a whole ordered index, one
    random row read per lead, to find a handful of matches: when a few
    thousand leads or fewer match and the page lies deep among them, the
    matches are collected first and then sorted."""
    backwards = offset + limit / 2 > total / 2
    if backwards:
        limit = max(0, min(limit, total - offset))
        offset = max(0, total - offset - limit)
    where = list(cond)
    if table_rows and total <= FEW_MATCHES and (offset + limit) * table_rows > WALK_BUDGET * max(total, 1):
        where = [Lead.id.in_(select(Lead.id).where(*cond))]
    # LIMIT and OFFSET are written into the SQL: SQLite keeps only the best
    # LIMIT+OFFSET rows while sorting when it knows LIMIT up front, and sorts
    # everything (~5× slower at 70k rows) when LIMIT is a bound parameter.
    return (select(Lead.id).where(*where).order_by(*order_by(sort, backwards=backwards))
            .offset(literal_column(str(int(offset)))).limit(literal_column(str(int(limit)))))


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def search_leads(session: Session, actor: Actor, q: LeadQuery, *, now: datetime) -> LeadPage:
    """One page of the leads ``actor`` may see that match ``q``, with the count
    and total estimated value of all matching leads. Bad amounts or dates raise
    ValidationError keyed by the filter's name."""
    cond = conditions(session, actor, q, now=now)
    per_page = max(1, min(_int(q.per_page, 25), MAX_PER_PAGE))
    segments = sorting.segments(session, q.sort) if q.sort in sorting.SEGMENTED else None
    if segments:
        total, value, sizes = sorting.count(session, cond, segments)
    else:
        total, value = session.exec(select(func.count(), func.sum(Lead.estimated_value)).select_from(Lead)
                                    .where(*cond)).one()
    pages = max(1, -(-total // per_page))
    page = max(1, min(_int(q.page, 1), pages))
    rows = []
    if total and segments:
        ids = sorting.page_ids(session, cond, segments, sizes, (page - 1) * per_page, per_page)
        place = {lead_id: n for n, lead_id in enumerate(ids)}
        rows = sorted(session.exec(select(*ROW_COLUMNS).where(Lead.id.in_(ids))).all(), key=lambda r: place[r.id])
    elif total:
        table_rows = (session.exec(select(func.max(Lead.id))).one() or 0) if _sqlite(session) else 0
        ids = page_ids(cond, q.sort, (page - 1) * per_page, per_page, total, table_rows=table_rows)
        rows = session.exec(select(*ROW_COLUMNS).where(Lead.id.in_(ids)).order_by(*order_by(q.sort))).all()
    return LeadPage(rows=fill_rows(session, actor, rows, now=now), total=total, page=page, pages=pages,
                    per_page=per_page, total_value=app_settings.money(session, value or 0))


def matching_ids(session: Session, actor: Actor, q: LeadQuery, *, now: datetime, after: int = 0,
                 limit: int = 500) -> list[int]:
    """The ids of the leads ``actor`` may see that match ``q`` (the list's own conditions), in
    id order, at most ``limit`` after ``after``: a bulk action on "all N matching" reads them a
    page at a time, by id, so leads it changes meanwhile do not shift the pages."""
    cond = conditions(session, actor, q, now=now)
    limit = max(1, min(int(limit), 5000))
    return list(session.exec(select(Lead.id).where(*cond, Lead.id > int(after)).order_by(Lead.id).limit(limit)).all())
