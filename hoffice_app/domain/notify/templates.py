"""The wording of each notification, per event and channel, with placeholders.

The built-in wording below applies until an administrator saves their own; a saved
template may use only the placeholders listed (an unknown one is refused when
saving, naming it), so a message never goes out with "{lead.cod}" in it. SMS
templates carry their DLT template id where the company sends under DLT rules.
Customer-facing wording (``Event.CONTACT_UPDATE``) has no placeholders for internal
notes, values, assignees or other customers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlmodel import Session

from hoffice_app.domain.common import Actor, ValidationError, require_admin
from hoffice_app.domain.notify.events import EVENTS, Channel, Event
from hoffice_app.models import NotificationTemplate

PLACEHOLDER = re.compile(r"\{([a-z_]+(?:\.[a-z_]+)?)\}")
STAFF_PLACEHOLDERS = {
    "lead.code": "The lead's code", "lead.title": "The lead's title", "lead.stage": "Its stage",
    "lead.value": "Its estimated value", "lead.assignee": "Whom it is assigned to",
    "contact.name": "The lead's contact (\"Private contact\" where the recipient may not see it)",
    "follow_up.kind": "The follow-up's kind", "follow_up.due": "When it is due",
    "actor.name": "Who did it", "recipient.name": "Whom the message is for",
    "import.summary": "What an import did", "link": "The address of the lead (or the import)",
    "revoke.policy": "The revoke policy", "revoke.when": "When the lead will be revoked (\"in 5 hours\")",
    "revoke.unless": "What would stop it (\"unless a follow-up is completed\")",
    "revoke.assignee": "Whom the lead is (or was) assigned to", "revoke.reason": "Why it was revoked",
    "revoke.outcome": "Where it went (\"put back in the pool\", \"given to …\")",
}
CUSTOMER_PLACEHOLDERS = {"lead.code": "The enquiry's code", "lead.stage": "Its stage",
                         "contact.name": "The contact's own name", "company.name": "Your company's name"}
MAX_SUBJECT, MAX_BODY = 300, 5000


@dataclass(frozen=True)
class Wording:
    subject: str  # the bell's title, the e-mail's subject; unused for SMS
    body: str
    dlt_template_id: str = ""


_BUILT_IN = {
    Event.ASSIGNED: ("{lead.code} assigned to you", "{actor.name} assigned {lead.code} \"{lead.title}\" "
                     "({contact.name}) to you. {link}"),
    Event.REASSIGNED_AWAY: ("{lead.code} re-assigned", "{actor.name} re-assigned {lead.code} \"{lead.title}\" "
                            "to {lead.assignee}."),
    Event.REMINDER: ("Follow-up due {follow_up.due}: {lead.code}", "Reminder: {follow_up.kind} for {lead.code} "
                     "\"{lead.title}\" ({contact.name}) is due {follow_up.due}. {link}"),
    Event.OVERDUE: ("Follow-up overdue: {lead.code}", "The {follow_up.kind} for {lead.code} \"{lead.title}\" "
                    "({contact.name}) was due {follow_up.due} and is not done yet. {link}"),
    Event.OVERDUE_MANAGER: ("{recipient.name}, a follow-up of your team is overdue: {lead.code}",
                            "{lead.assignee}'s {follow_up.kind} for {lead.code} \"{lead.title}\" was due "
                            "{follow_up.due} and is not done yet. {link}"),
    Event.STAGE: ("{lead.code} is now in {lead.stage}", "{actor.name} moved {lead.code} \"{lead.title}\" "
                  "({contact.name}) to {lead.stage}. {link}"),
    Event.WON: ("{lead.code} won", "{actor.name} marked {lead.code} \"{lead.title}\" ({contact.name}) as won "
                "({lead.value}). {link}"),
    Event.LOST: ("{lead.code} lost", "{actor.name} marked {lead.code} \"{lead.title}\" ({contact.name}) as lost. "
                 "{link}"),
    Event.CONTACT_UPDATE: ("Your enquiry {lead.code}: {lead.stage}", "Dear {contact.name}, your enquiry "
                           "{lead.code} with {company.name} is now at the stage \"{lead.stage}\"."),
    Event.IMPORT_DONE: ("Your import has finished", "{import.summary} {link}"),
    Event.REVOKE_WARNING: ("{lead.code} will be revoked {revoke.when}", "{lead.code} \"{lead.title}\" "
                           "({contact.name}) will be taken back from you {revoke.when} {revoke.unless} "
                           "(policy \"{revoke.policy}\"). {link}"),
    Event.REVOKE_ESCALATION: ("{lead.code} of {revoke.assignee} will be revoked {revoke.when}",
                              "{lead.code} \"{lead.title}\" ({contact.name}), assigned to {revoke.assignee}, "
                              "will be taken back {revoke.when} {revoke.unless} (policy \"{revoke.policy}\"). "
                              "{link}"),
    Event.REVOKED: ("{lead.code} was revoked from {revoke.assignee}", "{lead.code} \"{lead.title}\" "
                    "({contact.name}) was taken back from {revoke.assignee} and {revoke.outcome}: "
                    "{revoke.reason} {link}"),
}


def allowed_placeholders(event: Event) -> dict[str, str]:
    return CUSTOMER_PLACEHOLDERS if not EVENTS[event].staff else STAFF_PLACEHOLDERS


def wording(session: Session, event: Event, channel: Channel) -> Wording:
    """The administrator's template where one is saved, else the built-in wording."""
    row = session.get(NotificationTemplate, (event.value, channel.value))
    if row is not None:
        return Wording(row.subject, row.body, row.dlt_template_id)
    subject, body = _BUILT_IN[event]
    return Wording(subject, body)


def render(text: str, values: dict[str, str]) -> str:
    """Fill the placeholders; one without a value reads as empty (never as "{name}")."""
    return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), "")), text)


def unknown_placeholders(event: Event, text: str) -> list[str]:
    allowed = allowed_placeholders(event)
    return sorted({m.group(1) for m in PLACEHOLDER.finditer(text)} - set(allowed))


def save_template(session: Session, actor: Actor, event: str, channel: str, data: dict, *, now,
                  dlt_required: bool = False) -> None:
    """Admin: save the wording of one event on one channel. Refused, field by field: an unknown
    placeholder (named), an empty body, text too long, or (``dlt_required``) an SMS template
    without its registered DLT template id."""
    require_admin(actor)
    try:
        ev, ch = Event(event), Channel(channel)
    except ValueError:
        raise ValidationError({"template": "No such notification or channel."}) from None
    if ch not in EVENTS[ev].channels:
        raise ValidationError({"template": f"{EVENTS[ev].label} is not sent by this channel."})
    subject = str(data.get("subject") or "").strip()
    body = str(data.get("body") or "").strip()
    dlt_id = str(data.get("dlt_template_id") or "").strip()
    errors = {}
    for field, text, limit in (("subject", subject, MAX_SUBJECT), ("body", body, MAX_BODY)):
        unknown = unknown_placeholders(ev, text)
        if unknown:
            errors[field] = "Unknown placeholder " + ", ".join("{" + u + "}" for u in unknown) + \
                ". Use one of the list."
        elif len(text) > limit:
            errors[field] = f"Use at most {limit:,} characters."
    if not body:
        errors["body"] = "Write the message."
    if ch == Channel.SMS and dlt_required and not dlt_id:
        errors["dlt_template_id"] = "Enter the DLT template id this SMS text is registered under."
    elif dlt_id and not re.fullmatch(r"[0-9A-Za-z]{1,40}", dlt_id):
        errors["dlt_template_id"] = "A DLT template id is letters and digits only."
    if errors:
        raise ValidationError(errors)
    row = session.get(NotificationTemplate, (ev.value, ch.value)) or NotificationTemplate(event=ev.value,
                                                                                          channel=ch.value)
    row.subject, row.body, row.dlt_template_id = subject, body, dlt_id
    row.updated_by_id, row.updated_at = actor.id, now
    session.add(row)
    session.flush()


def reset_template(session: Session, actor: Actor, event: str, channel: str) -> None:
    """Admin: back to the built-in wording."""
    require_admin(actor)
    row = session.get(NotificationTemplate, (event, channel))
    if row is not None:
        session.delete(row)
        session.flush()
