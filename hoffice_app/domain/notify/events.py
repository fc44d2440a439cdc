"""What the app tells people about, and on which channels by default.

Each event names who it is for (see recipients.py); the company sets the default
channels of each event (Settings → Notifications → Events & wording) and each employee may change
their own on the Preferences page. In-app is the bell; e-mail and SMS go through
the outbox. External contacts (lead followers and "also send communication on")
get customer-facing wording through their own event, by the contact's channel.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, ValidationError, require_actor, require_admin
from hoffice_app.models import NotificationPreference, Setting


class Event(StrEnum):
    ASSIGNED = "lead_assigned"
    REASSIGNED_AWAY = "lead_reassigned_away"
    REMINDER = "followup_reminder"
    OVERDUE = "followup_overdue"
    OVERDUE_MANAGER = "followup_overdue_manager"
    STAGE = "lead_stage"
    WON = "lead_won"
    LOST = "lead_lost"
    CONTACT_UPDATE = "contact_update"
    IMPORT_DONE = "import_done"
    REVOKE_WARNING = "revoke_warning"
    REVOKE_ESCALATION = "revoke_escalation"
    REVOKED = "lead_revoked"


class Channel(StrEnum):
    IN_APP = "in_app"
    EMAIL = "email"
    SMS = "sms"


CHANNEL_LABELS = {Channel.IN_APP: "In the app", Channel.EMAIL: "E-mail", Channel.SMS: "SMS"}


@dataclass(frozen=True)
class EventInfo:
    label: str
    who: str  # whom it goes to, as the settings screen says it
    channels: tuple[Channel, ...]  # the channels it may use
    default: tuple[Channel, ...]  # those on unless the company or the employee says otherwise
    staff: bool = True  # False: to external contacts, by the contact's own channel


EVENTS: dict[Event, EventInfo] = {
    Event.ASSIGNED: EventInfo("Lead assigned to you", "The new assignee", tuple(Channel),
                              (Channel.IN_APP, Channel.EMAIL, Channel.SMS)),
    Event.REASSIGNED_AWAY: EventInfo("Your lead was re-assigned", "The previous assignee", (Channel.IN_APP,),
                                     (Channel.IN_APP,)),
    Event.REMINDER: EventInfo("Follow-up reminder", "The follow-up's assignee", tuple(Channel),
                              (Channel.IN_APP, Channel.EMAIL, Channel.SMS)),
    Event.OVERDUE: EventInfo("Follow-up overdue", "The follow-up's assignee", (Channel.IN_APP, Channel.EMAIL),
                             (Channel.IN_APP, Channel.EMAIL)),
    Event.OVERDUE_MANAGER: EventInfo("Follow-up overdue (for the manager)", "The assignee's manager",
                                     (Channel.IN_APP, Channel.EMAIL), (Channel.IN_APP,)),
    Event.STAGE: EventInfo("Lead moved to another stage", "The assignee and employee followers",
                           (Channel.IN_APP, Channel.EMAIL), (Channel.IN_APP, Channel.EMAIL)),
    Event.WON: EventInfo("Lead won", "The assignee and employee followers", (Channel.IN_APP, Channel.EMAIL),
                         (Channel.IN_APP, Channel.EMAIL)),
    Event.LOST: EventInfo("Lead lost", "The assignee and employee followers", (Channel.IN_APP, Channel.EMAIL),
                          (Channel.IN_APP, Channel.EMAIL)),
    Event.CONTACT_UPDATE: EventInfo("Update to an external contact", "External followers and the lead's "
                                    "\"also send communication on\"", (Channel.EMAIL, Channel.SMS),
                                    (Channel.EMAIL, Channel.SMS), staff=False),
    Event.IMPORT_DONE: EventInfo("Import finished", "Whoever ran it", (Channel.IN_APP, Channel.EMAIL),
                                 (Channel.IN_APP, Channel.EMAIL)),
    Event.REVOKE_WARNING: EventInfo("Lead about to be revoked", "The assignee", tuple(Channel),
                                    (Channel.IN_APP, Channel.EMAIL, Channel.SMS)),
    Event.REVOKE_ESCALATION: EventInfo("Lead about to be revoked (for the manager)", "The assignee's manager",
                                       (Channel.IN_APP, Channel.EMAIL), (Channel.IN_APP, Channel.EMAIL)),
    Event.REVOKED: EventInfo("Lead revoked", "The former assignee and their manager", (Channel.IN_APP, Channel.EMAIL),
                             (Channel.IN_APP, Channel.EMAIL)),
}
STAFF_EVENTS = [e for e, info in EVENTS.items() if info.staff]
OVERDUE_DELAY_KEY = "notify_overdue_manager_hours"  # how long an overdue follow-up waits before its manager hears
OVERDUE_DELAY_DEFAULT = 24


def _default_key(event: Event) -> str:
    return f"notify_default_{event.value}"


def company_defaults(session: Session) -> dict[Event, set[Channel]]:
    """The channels each event uses for employees who chose nothing themselves."""
    rows = session.exec(select(Setting).where(Setting.key.startswith("notify_default_")))
    saved = {row.key: row.value for row in rows}
    out = {}
    for event, info in EVENTS.items():
        raw = saved.get(_default_key(event))
        chosen = info.default if raw is None else [c for c in raw.split(",") if c]
        out[event] = {Channel(c) for c in chosen if c in info.channels}
    return out


def save_company_defaults(session: Session, actor: Actor, chosen: dict[str, list[str]], *, now) -> None:
    """Admin: the default channels per event (a channel an event cannot use is refused)."""
    require_admin(actor)
    errors = {}
    for raw_event, channels in chosen.items():
        try:
            event = Event(raw_event)
        except ValueError:
            errors[raw_event] = "No such notification."
            continue
        wrong = [c for c in channels if c not in EVENTS[event].channels]
        if wrong:
            errors[raw_event] = f"{EVENTS[event].label} cannot be sent by {', '.join(wrong)}."
            continue
        row = session.get(Setting, _default_key(event)) or Setting(key=_default_key(event))
        row.value, row.updated_by_id, row.updated_at = ",".join(sorted(channels)), actor.id, now
        session.add(row)
    if errors:
        raise ValidationError(errors)
    session.flush()


def overdue_manager_delay_hours(session: Session) -> int:
    row = session.get(Setting, OVERDUE_DELAY_KEY)
    try:
        return max(0, int(row.value)) if row else OVERDUE_DELAY_DEFAULT
    except ValueError:
        return OVERDUE_DELAY_DEFAULT


def save_overdue_manager_delay(session: Session, actor: Actor, hours, *, now) -> int:
    """Admin: how many hours an overdue follow-up waits before the assignee's manager hears (0–720)."""
    require_admin(actor)
    try:
        value = int(str(hours).strip())
    except ValueError:
        value = -1
    if not 0 <= value <= 720:
        raise ValidationError({"overdue_delay": "Enter a whole number of hours from 0 to 720."})
    row = session.get(Setting, OVERDUE_DELAY_KEY) or Setting(key=OVERDUE_DELAY_KEY)
    row.value, row.updated_by_id, row.updated_at = str(value), actor.id, now
    session.add(row)
    session.flush()
    return value


def channels_for(session: Session, employee_id: int, event: Event,
                 defaults: dict[Event, set[Channel]] | None = None, own: dict[str, bool] | None = None) -> set[Channel]:
    """The channels this employee gets ``event`` on: their own choice where they made one.
    ``own``: their choices as ``own_choices`` gives them (read here when not given)."""
    chosen = set((defaults or company_defaults(session))[event])
    if own is None:
        own = own_choices(session, [employee_id], event).get(employee_id, {})
    for channel, enabled in own.items():
        if channel in EVENTS[event].channels:
            (chosen.add if enabled else chosen.discard)(Channel(channel))
    return chosen


def own_choices(session: Session, employee_ids, event: Event) -> dict[int, dict[str, bool]]:
    """Employee id → the channels they switched on or off for ``event`` themselves, in one
    query (a minute's reminders for many employees read them once, not once per message)."""
    out: dict[int, dict[str, bool]] = {}
    for pref in session.exec(select(NotificationPreference).where(
            NotificationPreference.employee_id.in_(set(employee_ids)), NotificationPreference.event == event.value)):
        out.setdefault(pref.employee_id, {})[pref.channel] = pref.enabled
    return out


@dataclass(frozen=True)
class PreferenceRow:
    event: str
    label: str
    who: str
    channels: dict[str, bool | None]  # channel → on/off; None: this event cannot use it


def my_preferences(session: Session, actor: Actor) -> list[PreferenceRow]:
    """The Preferences page: every staff event with this employee's channels in force."""
    require_actor(actor)
    defaults = company_defaults(session)
    rows = []
    for event in STAFF_EVENTS:
        info, on = EVENTS[event], channels_for(session, actor.id, event, defaults)
        rows.append(PreferenceRow(event.value, info.label, info.who,
                                  {c.value: (c in on) if c in info.channels else None for c in Channel}))
    return rows


def set_my_preference(session: Session, actor: Actor, event: str, channel: str, enabled: bool) -> None:
    """Switch one channel of one event on or off for the actor only."""
    require_actor(actor)
    try:
        ev, ch = Event(event), Channel(channel)
    except ValueError:
        raise ValidationError({"preference": "No such notification or channel."}) from None
    if not EVENTS[ev].staff or ch not in EVENTS[ev].channels:
        raise ValidationError({"preference": f"{EVENTS[ev].label} cannot be sent by {CHANNEL_LABELS[ch]}."})
    row = session.get(NotificationPreference, (actor.id, ev.value, ch.value))
    if row is None:
        row = NotificationPreference(employee_id=actor.id, event=ev.value, channel=ch.value, enabled=enabled)
    row.enabled = bool(enabled)
    session.add(row)
    session.flush()
