"""The funnel board: one column per stage with its totals (GROUP BY, with the
board's filters) and the first cards, latest arrival first; more cards page in
per column. Cards are plain DTOs the UI renders as is.

A column is ordered by when each lead entered the stage (``stage_entered_at``,
set on creation and on every move), not by its creation date: a card dropped
on a column then lands on top, on the mover's board and on every other
viewer's, instead of beyond the first page when the lead is older than the
column's first 50 cards."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, exists, func, select

from hoffice_app.domain.common import Actor, Option, as_id, format_money
from hoffice_app.domain.funnel.cards import Card, cards_for, columns_of_cards
from hoffice_app.domain.funnel.moves import StageTotals, column_totals, stages
from hoffice_app.domain.leads import LeadQuery, conditions, visible_clause
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import Funnel, FunnelStage, Lead, LeadProduct

PER_COLUMN = 50
# A column's order: last into the stage first; the id breaks ties (moves in the same instant), so pages never overlap.
ARRIVAL = (Lead.stage_entered_at.desc(), Lead.id.desc())
# a row read and tested costs about four index entries (see collects)
COLLECT_FACTOR = 4


@dataclass
class ColumnHead:
    """A column without its cards: what the header shows. Cards travel
    separately, so a move re-sends only the two columns it touched."""

    stage_id: int
    name: str
    color: str
    kind: str
    count: int
    value: str  # compact, a column is narrow: "₹1.07 Cr"
    weighted: str
    probability: int


@dataclass
class BoardFilter:
    """The board's filters, as on the lead list ("" = any)."""

    assigned_to_id: str = ""
    priority_id: str = ""
    product_id: str = ""
    source_kind: str = ""
    mine: bool = False
    following: bool = False
    custom: str = ""  # filters on the leads' custom fields (customfields.encode_filters), as on the lead list


def funnels(session: Session, actor: Actor) -> list[Option]:
    rows = session.exec(select(Funnel).where(Funnel.active == True).order_by(Funnel.position, Funnel.id))  # noqa
    return [Option(str(f.id), f.name) for f in rows]


def funnels_with_open(session: Session, actor: Actor) -> list[Option]:
    """The board's funnel picker: each active funnel with the open leads ``actor`` may see in
    it ("Sales (1,204 open)"), from one GROUP BY on the board's covering index (a lead in an
    open stage is an open lead); a lead the actor may not see is never counted."""
    rows = session.exec(select(Funnel).where(Funnel.active == True).order_by(Funnel.position, Funnel.id)).all()  # noqa
    open_stages = select(FunnelStage.id).where(FunnelStage.kind == "open")
    counts = dict(session.exec(select(Lead.funnel_id, func.count()).where(
        Lead.funnel_id.in_([f.id for f in rows]), Lead.stage_id.in_(open_stages),
        visible_clause(session, actor, scanning=True)).group_by(Lead.funnel_id)).all())
    return [Option(str(f.id), f"{f.name} ({counts.get(f.id, 0):,} open)") for f in rows]


def where(session: Session, actor: Actor, f: BoardFilter, *, now: datetime, walking: bool = False) -> list:
    """The leads of a board the actor may see with its filters (the lead list's
    rules). The product test comes in two shapes: a list built once, for the
    totals that test every lead; a probe per lead, for cards found by
    ``walking`` a stage in arrival order, which test a few hundred."""
    query = LeadQuery(view="following" if f.following else "all", assigned_to_id=f.assigned_to_id,
                      priority_id=f.priority_id, source_kind=f.source_kind, custom=f.custom)
    cond = conditions(session, actor, query, now=now, scanning=not walking)
    if (product := as_id(f.product_id)):
        cond.append(exists().where(LeadProduct.lead_id == Lead.id, LeadProduct.product_id == product) if walking
                    else Lead.id.in_(select(LeadProduct.lead_id).where(LeadProduct.product_id == product)))
    return cond + [Lead.assigned_to_id == actor.id] if f.mine else cond


def heads(totals: list[StageTotals], currency: str) -> list[ColumnHead]:
    """The headers of ``totals``, amounts in ``currency`` (the company's, which the caller reads:
    a live board shifts its totals without a session) and compact, as a 16rem column has room
    for "₹1.07 Cr · weighted ₹10.68 L (10%)" but not for the rupees in full."""
    return [ColumnHead(stage_id=t.stage_id, name=t.name, color=t.color, kind=t.kind, count=t.count,
                       value=format_money(t.value, currency, compact=True),
                       weighted=format_money(t.weighted, currency, compact=True), probability=t.probability)
            for t in totals]


def column_cards(session: Session, stage: FunnelStage, f: BoardFilter, actor: Actor, *, now: datetime,
                 offset: int = 0, limit: int = PER_COLUMN, matches: int | None = None,
                 stage_rows: int | None = None) -> list[Card]:
    """One page of a column's cards, the latest to enter the stage first."""
    listed = product_leads(session, f)
    leads = column_leads(session, stage, f, actor, now=now, offset=offset, limit=limit, matches=matches,
                         stage_rows=stage_rows, listed=listed)
    return cards_for(session, actor, leads, stage.days_to_rot, now=now)


def column_leads(session: Session, stage: FunnelStage, f: BoardFilter, actor: Actor, *, now: datetime,
                 offset: int, limit: int, matches: int | None, stage_rows: int | None, listed: int,
                 conditions_of: dict | None = None) -> list[Lead]:
    """The leads of a column's page, found the cheaper of two ways (``collects``): walking the
    stage in arrival order, or collecting the matches from the covering index. ``conditions_of``
    keeps the filter's conditions of each way for the next column (they read the actor's team
    and divisions)."""
    if matches == 0:
        return []
    newest = ARRIVAL
    walking = matches is None or not collects(matches, stage_rows or matches, offset + limit, listed=listed)
    memo = {} if conditions_of is None else conditions_of
    if walking not in memo:
        memo[walking] = where(session, actor, f, now=now, walking=walking)
    cond = memo[walking]
    if not walking:
        page = (select(Lead.id).where(Lead.funnel_id == stage.funnel_id, Lead.stage_id == stage.id, *cond)
                .order_by(*newest).offset(offset).limit(limit))
        query = select(Lead).where(Lead.id.in_(page)).order_by(*newest)
    else:
        query = select(Lead).where(Lead.stage_id == stage.id, *cond).order_by(*newest).offset(offset).limit(limit)
    return list(session.exec(query).all())


def product_leads(session: Session, f: BoardFilter) -> int:
    """How many leads the filter's product is on (0 without a product filter): the list the
    product test builds, one count on ix_lead_product_product_lead."""
    if not (product := as_id(f.product_id)):
        return 0
    return session.exec(select(func.count()).select_from(LeadProduct).where(LeadProduct.product_id == product)).one()


def collects(matches: int, stage_rows: int, need: int, *, listed: int = 0) -> bool:
    """Whether collecting a column's first ``need`` cards costs less than walking for them
    (without a product list the stage's size cancels out: collect when fewer than
    COLLECT_FACTOR × need match, so the stage is counted only for a product filter).

    Walking the stage in arrival order (ix_lead_stage_board) reads about need × stage_rows /
    matches rows, each tested in full. Collecting reads every entry of the stage in the covering
    ix_lead_board_totals, about four times cheaper than a row, and with a product filter first
    lists the product's ``listed`` leads, about twice an entry's cost each. Measured at 100,000
    leads: walking wins down to 1-2 % of a stage matching, and a common product's list (22,000
    leads) made collecting 13 ms a column against 5 ms walked; collecting wins when few match
    (21 of 40,000: 11 ms against 54 ms walked), where a walk reads the whole stage."""
    return (stage_rows + 2 * listed) * matches < COLLECT_FACTOR * need * stage_rows


def stage_rows(session: Session, funnel_id: int) -> dict[int, int]:
    """Leads per stage before visibility and filters (one covering-index scan)."""
    return dict(session.exec(select(Lead.stage_id, func.count()).where(Lead.funnel_id == funnel_id)
                             .group_by(Lead.stage_id)).all())


def board(session: Session, actor: Actor, funnel_id: int, f: BoardFilter | None = None, *, now: datetime,
          shown: dict[int, int] | None = None) -> tuple[list[ColumnHead], list[list[Card]]]:
    """Heads and cards of every column; ``shown`` keeps a column that was paged
    further (stage id → cards loaded) at its length when the board refreshes."""
    totals, cards = board_totals(session, actor, funnel_id, f, now=now, shown=shown)
    return heads(totals, app_settings.get(session, "default_currency")), cards


def board_totals(session: Session, actor: Actor, funnel_id: int, f: BoardFilter | None = None, *, now: datetime,
                 shown: dict[int, int] | None = None) -> tuple[list[StageTotals], list[list[Card]]]:
    """``board`` with the columns' raw totals, which a live board shifts when news of a move comes."""
    f = f or BoardFilter()
    narrowed = f != BoardFilter() or not actor.is_admin
    listed = product_leads(session, f) if f.product_id else None
    conditions_of = {False: where(session, actor, f, now=now)}
    totals = column_totals(session, actor, funnel_id, where=conditions_of[False] if narrowed else None, listed=listed)
    funnel_stages = stages(session, funnel_id)
    columns = [column_leads(session, stage, f, actor, now=now, offset=0,
                            limit=max(PER_COLUMN, (shown or {}).get(stage.id, 0)), matches=t.count, stage_rows=t.rows,
                            listed=listed or 0, conditions_of=conditions_of) for stage, t in zip(funnel_stages, totals)]
    cards = columns_of_cards(session, actor, columns, [stage.days_to_rot for stage in funnel_stages], now=now)
    with_countdowns(session, [card for column in cards for card in column], now=now)
    return totals, cards


def with_countdowns(session: Session, cards: list[Card], *, now: datetime) -> list[Card]:
    """Mark the cards a revoke policy counts down on ("Revoked in 5 h"): one look for all of
    them, not one per card."""
    if not cards:
        return cards
    from hoffice_app.domain import policies  # policies read leads; the board asks only once it has cards

    found = policies.countdowns(session, [card.id for card in cards], now=now)
    for card in cards:
        countdown = found.get(card.id)
        card.revoke_in = short_countdown(countdown.text) if countdown else ""
    return cards


def short_countdown(text: str) -> str:
    """"Revoked in 5 h unless a follow-up is completed" → "Revoked in 5 h" (a card has little room)."""
    head, _, _rest = text.partition(" unless ")
    return head


def more_cards(session: Session, actor: Actor, stage_id: int, f: BoardFilter, *, now: datetime, offset: int,
               matches: int | None) -> list[Card]:
    """The next page of one column ("load more")."""
    stage = session.get(FunnelStage, stage_id)
    if stage is None or not stage.active:
        return []
    rows = stage_rows(session, stage.funnel_id).get(stage.id) if f.product_id else None  # see collects
    return with_countdowns(session, column_cards(session, stage, f, actor, now=now, offset=offset, matches=matches,
                                                 stage_rows=rows), now=now)


def stage_options(session: Session, actor: Actor) -> list[Option]:
    """Every stage of the active funnels, for the lead list's stage filter
    ("Funnel · Stage" once there is more than one funnel)."""
    active = session.exec(select(Funnel).where(Funnel.active == True).order_by(Funnel.position, Funnel.id)).all()  # noqa
    out = []
    for funnel in active:
        prefix = f"{funnel.name} · " if len(active) > 1 else ""
        out += [Option(str(s.id), prefix + s.name) for s in stages(session, funnel.id)]
    return out
