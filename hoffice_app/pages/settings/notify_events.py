"""Settings → Notifications → Events & wording: the company's default channels per event, and the
wording of each event on each channel (placeholders listed, an unknown one refused by
name, a preview on a real lead, back to the built-in wording in one click, with undo)."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.fields import field_error, text_field
from hoffice_app.components.terms import say
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import notify
from hoffice_app.domain.common import DomainError, ValidationError
from hoffice_app.domain.leads import get_visible
from hoffice_app.domain.notify import channels as channel_config
from hoffice_app.domain.notify import lead_values
from hoffice_app.models import Employee
from hoffice_app.pages.settings.state import SettingsState

CHANNELS = ("in_app", "email", "sms")


class NotifyEventsState(SettingsState):
    rows: list[dict] = []
    event: str = notify.Event.ASSIGNED.value
    channel: str = "email"
    subject: str = ""
    body: str = ""
    dlt_id: str = ""
    placeholders: list[dict[str, str]] = []
    errors: dict[str, str] = {}
    note: str = ""
    preview_code: str = ""
    preview: str = ""
    delay: str = ""
    delay_note: str = ""
    can_undo: bool = False  # the wording just replaced by the built-in one can be put back
    _replaced: dict[str, str] = {}

    def _load_rows(self, session) -> None:
        defaults = notify.company_defaults(session)
        self.rows = [{"event": e.value, "label": self.say(info.label), "who": self.say(info.who),
                      **{f"{c}_on": notify.Channel(c) in defaults[e] for c in CHANNELS},
                      **{f"{c}_can": notify.Channel(c) in info.channels for c in CHANNELS}}
                     for e, info in notify.EVENTS.items()]

    def _load_template(self, session) -> None:
        ev, ch = notify.Event(self.event), notify.Channel(self.channel)
        if ch not in notify.EVENTS[ev].channels:
            ch = notify.EVENTS[ev].channels[0]
            self.channel = ch.value
        text = notify.wording(session, ev, ch)
        self.subject, self.body, self.dlt_id = text.subject, text.body, text.dlt_template_id
        self.placeholders = [{"name": "{" + k + "}", "means": self.say(v)}
                             for k, v in notify.allowed_placeholders(ev).items()]
        self.errors, self.preview = {}, ""

    @rx.event
    def load(self):
        self.note = ""
        actor, redirect = self.open_section()
        if actor is None:
            return redirect
        with unit_of_work() as session:
            self._load_rows(session)
            self._load_template(session)
            self.delay, self.delay_note = str(notify.overdue_manager_delay_hours(session)), ""

    @rx.event
    def switch(self, event: str, channel: str, on: bool):
        actor = self.admin_or_refuse()
        with unit_of_work() as session:
            current = notify.company_defaults(session)[notify.Event(event)]
            chosen = {c.value for c in current} | {channel} if on else {c.value for c in current} - {channel}
            notify.save_company_defaults(session, actor, {event: sorted(chosen)}, now=utcnow())
            self._load_rows(session)

    @rx.event
    def save_delay(self):
        actor = self.admin_or_refuse()
        try:
            with unit_of_work() as session:
                hours = notify.save_overdue_manager_delay(session, actor, self.delay, now=utcnow())
        except ValidationError as err:
            self.errors, self.delay_note = dict(err.errors), ""
            return
        self.errors = {}
        self.delay_note = f"Managers hear of an overdue follow-up {hours} hours after it fell due."

    @rx.event
    def pick(self, key: str, value: str):
        setattr(self, key, value)
        self.note, self.can_undo = "", False
        with unit_of_work() as session:
            self._load_template(session)

    @rx.event
    def set_text(self, key: str, value: str):
        setattr(self, key, value)

    @rx.event
    def save_template(self):
        actor = self.admin_or_refuse()
        try:
            with unit_of_work() as session:
                dlt = channel_config.in_force(session).sms.dlt.value == "1"
                notify.save_template(session, actor, self.event, self.channel,
                                     {"subject": self.subject, "body": self.body, "dlt_template_id": self.dlt_id},
                                     now=utcnow(), dlt_required=dlt)
        except ValidationError as err:
            self.errors, self.note = dict(err.errors), ""
            return
        self.errors, self.note, self.can_undo = {}, "Saved. New notifications use this wording.", False

    @rx.event
    def reset_wording(self):
        """Back to the built-in wording at once; the company's own wording is kept aside so
        "Undo" can put it back (cheaper for the admin than a confirmation every time)."""
        actor = self.admin_or_refuse()
        ev, ch = notify.Event(self.event), notify.Channel(self.channel)
        with unit_of_work() as session:
            before = notify.wording(session, ev, ch)
            notify.reset_template(session, actor, self.event, self.channel)
            self._load_template(session)
        replaced = (before.subject, before.body, before.dlt_template_id) != (self.subject, self.body, self.dlt_id)
        self._replaced = {"event": ev.value, "channel": ch.value, "subject": before.subject, "body": before.body,
                          "dlt_template_id": before.dlt_template_id} if replaced else {}
        self.can_undo = replaced
        self.note = "Back to the built-in wording." if replaced else "This is the built-in wording already."

    @rx.event
    def undo_reset(self):
        actor = self.admin_or_refuse()
        kept = dict(self._replaced)
        if not kept:
            return
        event, channel = kept.pop("event"), kept.pop("channel")
        with unit_of_work() as session:
            notify.save_template(session, actor, event, channel, kept, now=utcnow())
            self.event, self.channel = event, channel
            self._load_template(session)
        self._replaced, self.can_undo, self.note = {}, False, "Your wording is back."

    @rx.event
    def show_preview(self):
        actor = self.admin_or_refuse()
        try:
            with unit_of_work() as session:
                lead = get_visible(session, actor, code=self.preview_code.strip().upper())
                values = lead_values(session, lead, session.get(Employee, actor.id), actor.name) | {
                    "recipient.name": actor.name, "link": f"/leads/{lead.code}", "company.name": "your company",
                    "follow_up.kind": "Call", "follow_up.due": "tomorrow, 10:30", "import.summary": "—"}
        except DomainError:
            self.preview = self.say("No such lead, or you cannot see it. Enter a lead code such as L000001.")
            return
        subject = notify.render(self.subject, values) if self.channel != "sms" else ""
        self.preview = (subject + "\n\n" if subject else "") + notify.render(self.body, values)


S = NotifyEventsState


def _switch(row, channel: str) -> rx.Component:
    return rx.table.cell(rx.cond(
        row[f"{channel}_can"],
        rx.switch(checked=row[f"{channel}_on"],
                  aria_label=row["label"].to(str) + " · " + notify.CHANNEL_LABELS[channel],
                  on_change=lambda on: S.switch(row["event"], channel, on)),
        rx.text("—", color_scheme="gray", aria_label="not available")))


def _select(label: str, key: str, pairs) -> rx.Component:
    return rx.vstack(rx.text(label, size="2", weight="medium"),
                     rx.select.root(rx.select.trigger(aria_label=label, width="100%"),
                                    rx.select.content(*[rx.select.item(say(t), value=v) for v, t in pairs]),
                                    value=getattr(S, key), on_change=lambda v: S.pick(key, v)),
                     spacing="1", width="100%")


def events_screen() -> rx.Component:
    return rx.vstack(
        rx.heading("Who hears of what", size="4", as_="h2"),
        rx.text("The channels each notification uses for people who have not chosen their own "
                "(each employee can change theirs under Notifications → Preferences).", size="2",
                color_scheme="gray"),
        rx.table.root(
            rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in
                                           ("Notification", "Goes to", "In the app", "E-mail", "SMS")])),
            rx.table.body(rx.foreach(S.rows, lambda row: rx.table.row(
                rx.table.row_header_cell(row["label"]), rx.table.cell(rx.text(row["who"], size="1")),
                _switch(row, "in_app"), _switch(row, "email"), _switch(row, "sms")))),
            width="100%", variant="surface"),
        rx.form(rx.hstack(
            text_field("Tell the manager when a follow-up is overdue by (hours)", "overdue_delay", S.delay,
                       lambda v: S.set_text("delay", v), S.errors.get("overdue_delay", ""), type_="number",
                       field_id="notify-overdue-delay"),
            rx.button("Save", type="submit", variant="outline"), align="end"),
            on_submit=lambda _: S.save_delay(), no_validate=True),
        rx.cond(S.delay_note != "", rx.text(S.delay_note, size="2", color_scheme="green", role="status")),
        rx.heading("Wording", size="4", as_="h2", margin_top="1rem"),
        rx.grid(_select("Notification", "event", [(e.value, i.label) for e, i in notify.EVENTS.items()]),
                _select("Channel", "channel", [(c, notify.CHANNEL_LABELS[c]) for c in CHANNELS]),
                columns="2", spacing="4", width="100%"),
        rx.cond(S.channel != "sms", text_field("Subject (the bell's title, the e-mail's subject)", "subject",
                                               S.subject, lambda v: S.set_text("subject", v),
                                               S.errors.get("subject", ""), field_id="tpl-subject")),
        rx.vstack(rx.el.label("Message", html_for="tpl-body", style={"fontWeight": 500}),
                  rx.text_area(id="tpl-body", value=S.body, on_change=lambda v: S.set_text("body", v), rows="5",
                               width="100%"),
                  field_error(S.errors.get("body", "")), spacing="1", width="100%"),
        rx.cond(S.channel == "sms", text_field("DLT template id", "dlt", S.dlt_id, lambda v: S.set_text("dlt_id", v),
                                               S.errors.get("dlt_template_id", ""), field_id="tpl-dlt")),
        rx.box(rx.text("Placeholders you can use:", size="1", weight="bold"),
               rx.flex(rx.foreach(S.placeholders, lambda p: rx.tooltip(rx.code(p["name"], size="1"),
                                                                       content=p["means"])),
                       wrap="wrap", gap="2"), width="100%"),
        rx.hstack(rx.input(placeholder=say("Lead code, e.g. L000001"), value=S.preview_code,
                           aria_label=say("Lead to preview on"),
                           on_change=lambda v: S.set_text("preview_code", v), width="14rem"),
                  rx.button("Preview", variant="outline", type="button", on_click=S.show_preview), wrap="wrap"),
        rx.cond(S.preview != "", rx.card(rx.text(S.preview, size="2", white_space="pre-wrap"), width="100%",
                                         aria_label="Preview")),
        rx.hstack(rx.cond(S.note != "", rx.text(S.note, size="2", color_scheme="green", role="status")),
                  rx.cond(S.can_undo, rx.button("Undo", variant="ghost", size="1", on_click=S.undo_reset)),
                  rx.spacer(),
                  rx.button("Back to built-in wording", variant="soft", color_scheme="gray", on_click=S.reset_wording),
                  rx.button("Save wording", on_click=S.save_template), width="100%"),
        spacing="3", width="100%", max_width="56rem",
    )
