"""Administering funnels and their stages (Settings → Funnels).

Rules that keep the board honest: a funnel always has an open stage for new
leads; a stage that holds leads cannot be removed or change its kind (its
leads' open/closed flag would lie); a stage with history is hidden rather
than deleted, so the stage-change log keeps its names; at most MAX_STAGES
stages per funnel, so a board fits a screen and each column travels to the
browser on its own.

Two administrators may edit one funnel or stage at once: the dialogs' saves
(``edit_funnel_name``, ``edit_stage``) carry the values and version they showed and are
merged or refused (``versions``). Reorders and switch-offs move the version too, but
touch no dialog field, so they never cause a refusal.
"""
from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, func, or_, select

from hoffice_app.domain.common import (
    Actor,
    DomainError,
    NotFound,
    ValidationError,
    move_in_list,
    require_admin,
    versions,
)
from hoffice_app.domain.funnel.views import STAGE_LABELS, FunnelView, StageView, stage_values
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import Funnel, FunnelStage, Lead, StageChange

MAX_STAGES = 12
KINDS = {"open": "Open", "won": "Won", "lost": "Lost"}
COLORS = ("gray", "blue", "cyan", "teal", "green", "grass", "lime", "yellow", "amber", "orange", "red", "crimson",
          "pink", "purple", "violet", "indigo", "brown")
NEW_FUNNEL_STAGES = (("New", 10, "open", "blue", 7), ("Won", 100, "won", "green", None),
                     ("Lost", 0, "lost", "red", None))


def _funnel(session: Session, funnel_id) -> Funnel:
    funnel = session.get(Funnel, int(funnel_id or 0))
    if funnel is None:
        raise NotFound("No such funnel.")
    return funnel


def _stage(session: Session, stage_id) -> FunnelStage:
    stage = session.get(FunnelStage, int(stage_id or 0))
    if stage is None or not stage.active:
        raise NotFound("No such stage.")
    return stage


def _active_stages(session: Session, funnel_id: int) -> list[FunnelStage]:
    return list(session.exec(select(FunnelStage).where(FunnelStage.funnel_id == funnel_id,
                                                       FunnelStage.active == True)  # noqa: E712
                             .order_by(FunnelStage.position, FunnelStage.id)))


def _leads_in(session: Session, stage_id: int) -> int:
    return session.exec(select(func.count()).select_from(Lead).where(Lead.stage_id == stage_id)).one()


def list_funnels(session: Session, actor: Actor) -> list[FunnelView]:
    require_admin(actor)
    stage_counts = dict(session.exec(select(FunnelStage.funnel_id, func.count()).where(
        FunnelStage.active == True).group_by(FunnelStage.funnel_id)).all())  # noqa: E712
    open_counts = dict(session.exec(select(Lead.funnel_id, func.count()).where(
        Lead.is_open == True).group_by(Lead.funnel_id)).all())  # noqa: E712
    return [FunnelView(f.id, f.name, f.active, stage_counts.get(f.id, 0), open_counts.get(f.id, 0), f.version)
            for f in session.exec(select(Funnel).order_by(Funnel.position, Funnel.id))]


def list_stages(session: Session, actor: Actor, funnel_id) -> list[StageView]:
    require_admin(actor)
    funnel = _funnel(session, funnel_id)
    counts = dict(session.exec(select(Lead.stage_id, func.count()).where(Lead.funnel_id == funnel.id)
                               .group_by(Lead.stage_id)).all())
    return [_stage_view(s, counts.get(s.id, 0)) for s in _active_stages(session, funnel.id)]


def _stage_view(s: FunnelStage, leads: int) -> StageView:
    return StageView(s.id, s.name, s.color, s.probability, s.kind, "" if s.days_to_rot is None else str(s.days_to_rot),
                     leads, s.version)


def _funnel_name(session: Session, name: str, funnel_id: int | None) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": "Enter the funnel's name."})
    if len(name) > 80:
        raise ValidationError({"name": "Keep the name to 80 characters or fewer."})
    clash = session.exec(select(Funnel).where(func.lower(Funnel.name) == name.lower())).first()
    if clash is not None and clash.id != funnel_id:
        raise ValidationError({"name": f"A funnel called {clash.name} already exists."})
    return name


def create_funnel(session: Session, actor: Actor, name: str) -> int:
    """A new funnel starts with New, Won and Lost, ready to use and to rename."""
    require_admin(actor)
    name = _funnel_name(session, name, None)
    last = session.exec(select(func.coalesce(func.max(Funnel.position), 0))).one()
    funnel = Funnel(name=name, position=last + 1)
    session.add(funnel)
    session.flush()
    for position, (stage, probability, kind, color, rot) in enumerate(NEW_FUNNEL_STAGES, start=1):
        session.add(FunnelStage(funnel_id=funnel.id, name=stage, probability=probability, kind=kind, color=color,
                                days_to_rot=rot, position=position))
    session.flush()
    return funnel.id


def rename_funnel(session: Session, actor: Actor, funnel_id, name: str, *, now: datetime) -> None:
    require_admin(actor)
    funnel = _funnel(session, funnel_id)
    funnel.name = _funnel_name(session, name, funnel.id)
    funnel.updated_at, funnel.updated_by_id = now, actor.id
    session.add(funnel)
    versions.flush(session, "funnel")


def edit_funnel_name(session: Session, actor: Actor, funnel_id, name: str, *, now: datetime, read: dict | None,
                     version: int | None) -> versions.Saved:
    """The rename dialog's save. ``read`` and ``version`` are what it showed (``funnel_values``):
    a funnel renamed meanwhile is refused naming who and when; switched off or moved meanwhile,
    it is renamed all the same."""
    require_admin(actor)
    funnel = _funnel(session, funnel_id)
    data, note = versions.reconcile(session, funnel, what="funnel", typed={"name": name}, read=read, version=version,
                                    current=lambda: {"name": funnel.name}, labels={"name": "name"},
                                    tz=app_settings.zone(session))
    rename_funnel(session, actor, funnel.id, data["name"], now=now)
    return versions.Saved(funnel.name, note)


def set_funnel_active(session: Session, actor: Actor, funnel_id, active: bool, *, now: datetime) -> None:
    """A funnel with open leads stays active (its board is where they are
    worked); the last active funnel stays active (new leads need a home)."""
    require_admin(actor)
    funnel = _funnel(session, funnel_id)
    if not active and funnel.active:
        open_leads = session.exec(select(func.count()).select_from(Lead).where(
            Lead.funnel_id == funnel.id, Lead.is_open == True)).one()  # noqa: E712
        if open_leads:
            raise DomainError(f"{funnel.name} still has {open_leads} open leads; close or move them first.")
        others = session.exec(select(func.count()).select_from(Funnel).where(
            Funnel.active == True, Funnel.id != funnel.id)).one()  # noqa: E712
        if not others:
            raise DomainError("New leads need a funnel: keep at least one funnel active.")
    funnel.active = bool(active)
    funnel.updated_at, funnel.updated_by_id = now, actor.id
    session.add(funnel)
    versions.flush(session, "funnel")


def move_funnel(session: Session, actor: Actor, funnel_id, direction: int) -> None:
    """The first active funnel is where new leads start and the board opens."""
    require_admin(actor)
    funnel = _funnel(session, funnel_id)
    with versions.guard("funnel"):
        move_in_list(session, list(session.exec(select(Funnel).order_by(Funnel.position, Funnel.id))), funnel,
                     direction)


def _clean_stage(data: dict) -> tuple[dict, dict[str, str]]:
    errors: dict[str, str] = {}
    name = " ".join(str(data.get("name") or "").split())
    if not name:
        errors["name"] = "Enter the stage's name."
    elif len(name) > 80:
        errors["name"] = "Keep the name to 80 characters or fewer."
    kind = str(data.get("kind") or "open")
    if kind not in KINDS:
        errors["kind"] = "Choose Open, Won or Lost."
    color = str(data.get("color") or "gray")
    if color not in COLORS:
        errors["color"] = "Choose one of the listed colours."
    probability = _whole(data.get("probability") or "0", 0, 100)
    if probability is None:
        errors["probability"] = "Enter a whole percentage from 0 to 100."
    rot_raw = str(data.get("days_to_rot") or "").strip()
    rot = None
    if rot_raw and kind == "open":
        rot = _whole(rot_raw, 1, 365)
        if rot is None:
            errors["days_to_rot"] = "Enter whole days from 1 to 365, or leave it blank."
    return {"name": name, "kind": kind, "color": color, "probability": probability, "days_to_rot": rot}, errors


def _whole(raw, low: int, high: int) -> int | None:
    text = str(raw if raw is not None else "").strip().rstrip("%").strip()
    if not text.isdigit():
        return None
    value = int(text)
    return value if low <= value <= high else None


def save_stage(session: Session, actor: Actor, funnel_id, stage_id, data: dict, *, now: datetime) -> int:
    """Adds a stage at the end (stage_id None) or changes one (refused if another save of it
    lands first)."""
    require_admin(actor)
    funnel = _funnel(session, funnel_id)
    clean, errors = _clean_stage(data)
    current = _active_stages(session, funnel.id)
    stage = _stage(session, stage_id) if stage_id else None
    if stage is not None and stage.funnel_id != funnel.id:
        raise NotFound("No such stage.")
    if "name" not in errors and any(s.name.lower() == clean["name"].lower() and (stage is None or s.id != stage.id)
                                    for s in current):
        errors["name"] = f"This funnel already has a stage called {clean['name']}."
    if stage is None and len(current) >= MAX_STAGES:
        errors["name"] = f"A funnel has at most {MAX_STAGES} stages; remove or rename one instead."
    if stage is not None and "kind" not in errors and clean["kind"] != stage.kind:
        if (held := _leads_in(session, stage.id)):
            errors["kind"] = f"This stage holds {held} leads; move them before changing its kind."
        elif stage.kind == "open" and not any(s.kind == "open" and s.id != stage.id for s in current):
            errors["kind"] = "A funnel needs at least one open stage for new leads."
    if errors:
        raise ValidationError(errors)
    if stage is None:
        stage = _revived(session, funnel.id, clean["name"]) or FunnelStage(funnel_id=funnel.id, name=clean["name"])
        stage.active, stage.position = True, max((s.position for s in current), default=0) + 1
    with versions.guard("stage"):
        for key, value in clean.items():
            setattr(stage, key, value)
        stage.updated_at, stage.updated_by_id = now, actor.id
        session.add(stage)
        session.flush()
    return stage.id


def edit_stage(session: Session, actor: Actor, funnel_id, stage_id, data: dict, *, now: datetime,
               read: dict | None, version: int | None) -> versions.Saved:
    """The stage dialog's save for an existing stage. ``read`` and ``version`` are what it
    showed (``stage_values``): a stage saved meanwhile is merged field by field, or refused
    naming who, when and which fields."""
    require_admin(actor)
    stage = _stage(session, stage_id)
    data, note = versions.reconcile(session, stage, what="stage", typed=data, read=read, version=version,
                                    current=lambda: stage_values(_stage_view(stage, 0)), labels=STAGE_LABELS,
                                    tz=app_settings.zone(session))
    save_stage(session, actor, funnel_id, stage.id, data, now=now)
    return versions.Saved(stage.name, note)


def _revived(session: Session, funnel_id: int, name: str) -> FunnelStage | None:
    """A hidden stage of the same name comes back (its history with it)."""
    return session.exec(select(FunnelStage).where(FunnelStage.funnel_id == funnel_id, FunnelStage.active == False,  # noqa
                                                  func.lower(FunnelStage.name) == name.lower())).first()


def remove_stage(session: Session, actor: Actor, stage_id, *, now: datetime) -> str:
    """Deletes an unused stage, hides one that has history; refuses one that
    holds leads or is the funnel's last open stage. Returns "deleted" or "hidden"."""
    require_admin(actor)
    stage = _stage(session, stage_id)
    if (held := _leads_in(session, stage.id)):
        raise DomainError(f"{stage.name} holds {held} leads; move them to another stage first.")
    others = [s for s in _active_stages(session, stage.funnel_id) if s.id != stage.id]
    if stage.kind == "open" and not any(s.kind == "open" for s in others):
        raise DomainError("A funnel needs at least one open stage for new leads.")
    used = session.exec(select(func.count()).select_from(StageChange).where(
        or_(StageChange.from_stage_id == stage.id, StageChange.to_stage_id == stage.id))).one()
    if used:
        stage.active, stage.updated_at, stage.updated_by_id = False, now, actor.id
        session.add(stage)
        versions.flush(session, "stage")
        return "hidden"
    session.delete(stage)
    versions.flush(session, "stage")
    return "deleted"


def move_stage(session: Session, actor: Actor, stage_id, direction: int) -> None:
    require_admin(actor)
    stage = _stage(session, stage_id)
    with versions.guard("stage"):
        move_in_list(session, _active_stages(session, stage.funnel_id), stage, direction)
