"""The delivery channels in force: the SMTP server e-mail goes through, the HTTP gateway SMS
go through, and the app's public address (links in messages).

An administrator saves them as company settings (rows ``notify_<field>``); the ENVIRONMENT
wins over the settings, so an operator can pin them (and keep the SMTP password out of the
database) with ``HOFFICE_SMTP_URL``, ``HOFFICE_MAIL_FROM``, ``HOFFICE_SMS_URL``,
``HOFFICE_SMS_METHOD`` and ``HOFFICE_BASE_URL``. Every value says where it came from, so the
settings screen can show which one is in force. A password never leaves this module in a
screen's DTO: only whether one is set. The senders get theirs through ``sending_configs``.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import unquote, urlsplit

from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, ValidationError, require_admin
from hoffice_app.domain.notify import channel_rules as rules
from hoffice_app.models import Setting

PREFIX = "notify_"
FIELDS = ("smtp_host", "smtp_port", "smtp_security", "smtp_user", "smtp_password", "mail_from", "mail_reply_to",
          "sms_url", "sms_method", "sms_body_kind", "sms_body", "sms_dlt", "sms_entity_id", "sms_sender", "base_url")
BUILT_IN = {"smtp_security": "starttls", "sms_method": "GET", "sms_body_kind": "form", "sms_dlt": "0"}
DEFAULT_PORTS = {"none": 25, "starttls": 587, "ssl": 465}
SMTP_SCHEMES = {"smtp": "none", "smtp+starttls": "starttls", "smtps": "ssl"}
ENVIRONMENT, SETTINGS, UNSET = "environment", "settings", "unset"
CLEAR_PASSWORD = "clear_smtp_password"  # a form field: "1" removes the stored password


@dataclass(frozen=True)
class Value:
    """One setting as it is in force, and where it came from: environment | settings | unset
    (unset: the built-in default, often empty)."""

    value: str
    source: str


@dataclass(frozen=True)
class EmailView:
    host: Value
    port: Value
    security: Value
    user: Value
    password_set: bool
    password_source: str
    mail_from: Value
    reply_to: Value
    configured: bool
    problems: tuple[str, ...]  # why it is not configured, in words


@dataclass(frozen=True)
class SmsView:
    url: Value
    method: Value
    body_kind: Value
    body: Value
    dlt: Value
    entity_id: Value
    sender: Value
    configured: bool
    problems: tuple[str, ...]


@dataclass(frozen=True)
class Channels:
    email: EmailView
    sms: SmsView
    base_url: Value


@dataclass(frozen=True)
class SmtpConfig:
    """What smtp.py needs to send (the password is left out of repr, so logs never show it)."""

    host: str
    port: int
    security: str  # none | starttls | ssl
    user: str
    password: str = field(repr=False)
    mail_from: str
    reply_to: str


@dataclass(frozen=True)
class GatewayConfig:
    """What sms.py needs to send."""

    url: str
    method: str  # GET | POST
    body_kind: str  # form | json
    body: str
    dlt: bool
    entity_id: str
    sender: str


def parse_smtp_url(url: str) -> dict[str, str]:
    """``smtp://user:pass@host:port`` (plain), ``smtp+starttls://…``, ``smtps://…`` (TLS from the
    start) → the five SMTP fields; user and password are URL-decoded (``%40`` is ``@``)."""
    bad = ValueError("HOFFICE_SMTP_URL must look like smtp://user:password@host:port "
                     "(or smtp+starttls://… or smtps://…).")
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise bad from None
    if parts.scheme.lower() not in SMTP_SCHEMES or not parts.hostname:
        raise bad
    security = SMTP_SCHEMES[parts.scheme.lower()]
    return {"smtp_host": parts.hostname, "smtp_port": str(port or DEFAULT_PORTS[security]),
            "smtp_security": security, "smtp_user": unquote(parts.username or ""),
            "smtp_password": unquote(parts.password or "")}


def _stored(session: Session) -> dict[str, str]:
    rows = session.exec(select(Setting).where(Setting.key.in_([PREFIX + f for f in FIELDS]))).all()
    return {row.key[len(PREFIX):]: row.value for row in rows}


def _resolve(session: Session, env: Mapping[str, str]) -> tuple[dict[str, Value], dict[str, list[str]]]:
    """Every field's value in force, and per channel ("email", "sms") what is wrong with the environment."""
    stored = _stored(session)
    out = {f: Value(stored[f], SETTINGS) if stored.get(f, "") != "" else Value(BUILT_IN.get(f, ""), UNSET)
           for f in FIELDS}
    problems: dict[str, list[str]] = {"email": [], "sms": []}
    smtp_url = env.get("HOFFICE_SMTP_URL", "").strip()
    if smtp_url:
        try:
            out.update({f: Value(v, ENVIRONMENT) for f, v in parse_smtp_url(smtp_url).items()})
        except ValueError as err:
            problems["email"].append(str(err))
    for name, key, channel in (("HOFFICE_MAIL_FROM", "mail_from", "email"), ("HOFFICE_SMS_URL", "sms_url", "sms"),
                               ("HOFFICE_BASE_URL", "base_url", None)):
        raw = env.get(name, "").strip()
        if raw:
            out[key] = Value(raw, ENVIRONMENT)
            error = rules.check_field(key, raw)
            if error and channel:
                problems[channel].append(f"{name}: {error}")
    if env.get("HOFFICE_SMS_URL", "").strip():
        method = env.get("HOFFICE_SMS_METHOD", "").strip().upper() or "GET"
        out["sms_method"] = Value(method, ENVIRONMENT)
        if method not in rules.METHODS:
            problems["sms"].append("HOFFICE_SMS_METHOD must be GET or POST.")
        together = rules.check_together({f: value.value for f, value in out.items()})
        if "sms_url" in together:
            problems["sms"].append(f"HOFFICE_SMS_URL: {together['sms_url']}")
    if out["smtp_port"].value == "":
        out["smtp_port"] = Value(str(DEFAULT_PORTS.get(out["smtp_security"].value, 587)), UNSET)
    return out, problems


def in_force(session: Session, env: Mapping[str, str] | None = None) -> Channels:
    """The channels as they are in force now (``env``: the process's environment unless given)."""
    return _channels(*_resolve(session, os.environ if env is None else env))


def _channels(values: dict[str, Value], problems: dict[str, list[str]]) -> Channels:
    v = values.__getitem__
    email_missing = [m for f, m in (("smtp_host", "No SMTP server is set."),
                                    ("mail_from", "No From address is set.")) if not v(f).value]
    sms_missing = ["No gateway URL is set."] if not v("sms_url").value else []
    email_problems = tuple(email_missing + problems["email"])
    sms_problems = tuple(sms_missing + problems["sms"])
    email = EmailView(v("smtp_host"), v("smtp_port"), v("smtp_security"), v("smtp_user"),
                      password_set=bool(v("smtp_password").value), password_source=v("smtp_password").source,
                      mail_from=v("mail_from"), reply_to=v("mail_reply_to"), configured=not email_problems,
                      problems=email_problems)
    sms = SmsView(v("sms_url"), v("sms_method"), v("sms_body_kind"), v("sms_body"), v("sms_dlt"),
                  v("sms_entity_id"), v("sms_sender"), configured=not sms_problems, problems=sms_problems)
    return Channels(email, sms, v("base_url"))


def channel_settings(session: Session, actor: Actor) -> Channels:
    """``in_force`` for the settings screen: administrators only (the gateway URL may hold an API key)."""
    require_admin(actor)
    return in_force(session)


def is_configured(session: Session, channel: str) -> bool:
    """Whether ``channel`` ("email" or "sms") can send now."""
    found = in_force(session)
    if channel == "email":
        return found.email.configured
    if channel == "sms":
        return found.sms.configured
    raise ValueError(f"unknown channel {channel!r}")


def sending_configs(session: Session) -> tuple[Channels, SmtpConfig | None, GatewayConfig | None]:
    """What the dispatcher needs, read once: the channels in force, and the SMTP server and SMS
    gateway to send through (None for a channel that is not configured). Passwords included."""
    values, problems = _resolve(session, os.environ)
    found = _channels(values, problems)
    v = {f: values[f].value for f in FIELDS}
    smtp = SmtpConfig(v["smtp_host"], int(v["smtp_port"] or 0), v["smtp_security"], v["smtp_user"],
                      v["smtp_password"], v["mail_from"], v["mail_reply_to"]) if found.email.configured else None
    sms = GatewayConfig(v["sms_url"], v["sms_method"], v["sms_body_kind"], v["sms_body"], v["sms_dlt"] == "1",
                        v["sms_entity_id"], v["sms_sender"]) if found.sms.configured else None
    return found, smtp, sms


def save_channels(session: Session, actor: Actor, data: Mapping[str, str], *, now: datetime) -> Channels:
    """Save the fields in ``data`` (others are left as they are), all or none: every value is
    checked first, together with the stored ones it depends on (DLT needs the entity id and
    sender; the URL or POST body needs {to} and {text}). An empty password keeps the stored
    one; ``clear_smtp_password="1"`` removes it."""
    require_admin(actor)
    stored = _stored(session)
    clean: dict[str, str] = {}
    errors: dict[str, str] = {}
    for key, raw in data.items():
        if key == CLEAR_PASSWORD:
            if str(raw) == "1":
                clean["smtp_password"] = ""
            continue
        if key not in FIELDS:
            errors[key] = "Unknown setting."
            continue
        value = str(raw or "") if key == "smtp_password" else str(raw or "").strip()
        if key == "smtp_password" and value == "":
            continue  # the form never shows the stored password: empty means "keep it"
        if key == "sms_method":
            value = value.upper()
        elif key in ("sms_body_kind", "smtp_security"):
            value = value.lower()
        if key == "base_url":
            value = value.rstrip("/")
        error = rules.check_field(key, value)
        if error:
            errors[key] = error
        clean[key] = value
    merged = {f: stored.get(f, BUILT_IN.get(f, "")) for f in FIELDS} | clean
    for key, message in rules.check_together(merged).items():
        errors.setdefault(key, message)
    if errors:
        raise ValidationError(errors)
    for key, value in clean.items():
        row = session.get(Setting, PREFIX + key)
        if row is None or row.value != value:
            row = row or Setting(key=PREFIX + key)
            row.value, row.updated_at, row.updated_by_id = value, now, actor.id
            session.add(row)
    session.flush()
    return in_force(session)
