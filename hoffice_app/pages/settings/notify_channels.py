"""Settings → Notifications → E-mail & SMS: the SMTP server, the SMS gateway and the app's public address,
with a test send for each that shows the server's own answer.

A value pinned by the environment is shown read-only with "set by the server's
environment"; the SMTP password is never sent to the page (only whether one is set).
Test sends run in the background: a slow or silent server never freezes the page.
"""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.fields import field_error, fixed_choice, text_field
from hoffice_app.components.terms import say
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import notify
from hoffice_app.domain.common import DomainError, ValidationError
from hoffice_app.pages.settings.state import SettingsState

EMAIL_FIELDS = ("smtp_host", "smtp_port", "smtp_security", "smtp_user", "mail_from", "mail_reply_to")
SMS_FIELDS = ("sms_url", "sms_method", "sms_body_kind", "sms_body", "sms_dlt", "sms_entity_id", "sms_sender")
SOURCE_NOTE = {"environment": "Set by the server's environment (wins over this page)", "settings": "", "unset": ""}


class NotifyChannelsState(SettingsState):
    values: dict[str, str] = {}
    sources: dict[str, str] = {}
    errors: dict[str, str] = {}
    password: str = ""
    password_note: str = ""
    email_problems: list[str] = []
    sms_problems: list[str] = []
    saved: str = ""
    test_to: dict[str, str] = {}
    test_answer: dict[str, str] = {}
    test_ok: dict[str, bool] = {}
    testing: str = ""

    def _show(self, found: notify.Channels) -> None:
        e, s = found.email, found.sms
        pairs = {"smtp_host": e.host, "smtp_port": e.port, "smtp_security": e.security, "smtp_user": e.user,
                 "mail_from": e.mail_from, "mail_reply_to": e.reply_to, "sms_url": s.url, "sms_method": s.method,
                 "sms_body_kind": s.body_kind, "sms_body": s.body, "sms_dlt": s.dlt, "sms_entity_id": s.entity_id,
                 "sms_sender": s.sender, "base_url": found.base_url}
        self.values = {k: v.value for k, v in pairs.items()}
        self.sources = {k: v.source for k, v in pairs.items()}
        self.password = ""
        self.password_note = ("A password is set" + (" by the server's environment." if e.password_source ==
                                                     "environment" else ". Leave empty to keep it.")
                              if e.password_set else "No password (the server needs no login).")
        self.email_problems, self.sms_problems = list(e.problems), list(s.problems)

    @rx.event
    def load(self):
        self.errors, self.saved, self.test_answer = {}, "", {}
        actor, redirect = self.open_section()
        if actor is None:
            return redirect
        with unit_of_work() as session:
            self._show(notify.channel_settings(session, actor))

    @rx.event
    def set_value(self, key: str, value: str):
        self.values = self.values | {key: value}
        self.saved = ""

    @rx.event
    def set_password(self, value: str):
        self.password = value

    @rx.event
    def save(self):
        actor = self.admin_or_refuse()
        data = {k: v for k, v in self.values.items() if self.sources.get(k) != "environment"}
        if self.password:
            data["smtp_password"] = self.password
        try:
            with unit_of_work() as session:
                found = notify.save_channels(session, actor, data, now=utcnow())
        except ValidationError as err:
            self.errors, self.saved = dict(err.errors), ""
            return
        self.errors, self.saved = {}, "Saved. New messages use these settings."
        self._show(found)

    @rx.event
    def set_test_to(self, channel: str, value: str):
        self.test_to = self.test_to | {channel: value}

    @rx.event(background=True)
    async def send_test(self, channel: str):
        async with self:
            actor, to = self.admin_or_refuse(), self.test_to.get(channel, "")
            self.testing, self.test_answer = channel, self.test_answer | {channel: ""}

        def run() -> tuple[bool, str]:
            try:
                with unit_of_work() as session:
                    send = notify.send_test_email if channel == "email" else notify.send_test_sms
                    return True, send(session, actor, to)
            except ValidationError as err:
                return False, " ".join(err.errors.values())
            except DomainError as err:
                return False, str(err)

        ok, answer = await rx.run_in_thread(run)
        async with self:
            self.testing = ""
            self.test_ok = self.test_ok | {channel: ok}
            said = "The server answered: " + answer if channel == "email" else answer  # "The gateway answered 200: …"
            self.test_answer = self.test_answer | {channel: ("Sent. " if ok else "Not sent. ") + said}


S = NotifyChannelsState


def _text(label: str, key: str, *, hint: str = "", type_: str = "text", placeholder: str = "") -> rx.Component:
    pinned = S.sources.get(key, "") == "environment"
    return rx.box(text_field(label, key, S.values.get(key, ""), lambda v: S.set_value(key, v), S.errors.get(key, ""),
                             field_id=f"notify-{key}", type_=type_, placeholder=placeholder, hint=hint,
                             read_only=pinned),
                  rx.cond(pinned, rx.text(SOURCE_NOTE["environment"], size="1", color_scheme="amber")), width="100%")


def _choice(label: str, key: str, pairs: list[tuple[str, str]]) -> rx.Component:
    return rx.box(fixed_choice(label, f"notify-{key}", pairs, S.values.get(key, ""), lambda v: S.set_value(key, v),
                               S.errors.get(key, ""), clearable=False),
                  rx.cond(S.sources.get(key, "") == "environment",
                          rx.text(SOURCE_NOTE["environment"], size="1", color_scheme="amber")))


def _problems(items) -> rx.Component:
    return rx.cond(items.length() > 0, rx.callout(rx.foreach(items, lambda p: rx.text(p, size="2")),
                                                  icon="info", color_scheme="amber", width="100%"))


def _test(channel: str, label: str, placeholder: str) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.input(placeholder=placeholder, value=S.test_to.get(channel, ""), aria_label=f"{label} to",
                     on_change=lambda v: S.set_test_to(channel, v), width="18rem"),
            rx.button(label, variant="outline", type="button", loading=S.testing == channel,
                      on_click=S.send_test(channel)),
            wrap="wrap",
        ),
        rx.cond(S.test_answer.get(channel, "") != "",
                rx.callout(S.test_answer.get(channel, ""), role="status", width="100%",
                           color_scheme=rx.cond(S.test_ok.get(channel, False), "green", "red"))),
        width="100%",
    )


def channels_screen() -> rx.Component:
    grid = {"columns": rx.breakpoints(initial="1", md="2"), "spacing": "4", "width": "100%"}
    return rx.box(rx.form(rx.vstack(
        rx.heading("E-mail", size="4", as_="h2"),
        _problems(S.email_problems),
        rx.grid(_text("SMTP server", "smtp_host", placeholder="smtp.example.com"),
                _text("Port", "smtp_port", type_="number"),
                _choice("Security", "smtp_security", [("starttls", "STARTTLS"), ("ssl", "SSL/TLS"),
                                                      ("none", "None")]),
                _text("User name", "smtp_user"),
                rx.box(text_field("Password", "smtp_password", S.password, S.set_password,
                                  S.errors.get("smtp_password", ""), type_="password", field_id="notify-smtp_password",
                                  auto_complete="new-password"),
                       rx.text(S.password_note, size="1", color_scheme="gray")),
                _text("From", "mail_from", placeholder="CRM <crm@example.com>"),
                _text("Reply-To", "mail_reply_to"), **grid),
        _test("email", "Send test e-mail", "you@example.com"),
        rx.heading("SMS gateway", size="4", as_="h2", margin_top="0.5rem"),
        _problems(S.sms_problems),
        _text("Gateway URL", "sms_url", placeholder="https://gateway.example.com/send?to={to}&text={text}",
              hint="Placeholders: {to} (+919825012345), {to_digits} (919825012345), {text}, {template_id}, "
                   "{entity_id}, {sender}."),
        rx.grid(_choice("Method", "sms_method", [("GET", "GET"), ("POST", "POST")]),
                _choice("POST body", "sms_body_kind", [("form", "Form fields"), ("json", "JSON")]), **grid),
        _text("POST body template", "sms_body", placeholder='{"to": "{to}", "message": "{text}"}'),
        rx.grid(_choice("DLT rules (India)", "sms_dlt", [("0", "Off"), ("1", "On")]),
                _text("DLT entity id", "sms_entity_id"), _text("Sender header", "sms_sender"), **grid),
        _test("sms", "Send test SMS", "+91 98250 12345"),
        rx.heading("Links in messages", size="4", as_="h2", margin_top="0.5rem"),
        _text("Public address of the app", "base_url", placeholder="https://crm.example.com",
              hint=say("E-mails and SMS link to leads under this address.")),
        field_error(S.errors.get("form", "")),
        rx.hstack(rx.cond(S.saved != "", rx.text(S.saved, size="2", color_scheme="green", role="status")),
                  rx.spacer(), rx.button("Save notification settings", type="submit"), width="100%"),
        spacing="4"), on_submit=lambda _: S.save(), no_validate=True), width="100%", max_width="48rem")
