"""The rules a channel setting must follow, and the SMS gateway's ``{placeholder}`` templates.

Kept apart from channels.py so the same checks judge what an administrator saves and what an
operator puts in the environment, and so sms.py fills a template exactly as it was checked.
Each message names the field's problem in words a person can act on.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from email.utils import parseaddr
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email

SECURITY = ("none", "starttls", "ssl")
METHODS = ("GET", "POST")
BODY_KINDS = ("form", "json")
# {to} is E.164 (+919825012345); {to_digits} the same without "+" (919825012345), as Indian
# gateways (MSG91's mobiles, Textlocal's numbers) ask for it.
PLACEHOLDERS = ("to", "to_digits", "text", "template_id", "entity_id", "sender")
# {name} with a name as in Python: a JSON body's own braces ({"to": "{to}"}) are not placeholders.
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
MAX_VALUE = 2000  # setting.value's width
LIMITS = {"smtp_user": 200, "sms_entity_id": 40, "sms_sender": 20}
KNOWN = ", ".join("{" + p + "}" for p in PLACEHOLDERS[:-1]) + " or {" + PLACEHOLDERS[-1] + "}"


def placeholders(template: str) -> list[str]:
    return PLACEHOLDER.findall(template or "")


def fill(template: str, values: Mapping[str, str], encode: Callable[[str], str]) -> str:
    """``template`` with each known ``{name}`` replaced by ``encode(value)``; checked templates
    hold no other names, but one would be left as written rather than guessed at."""
    return PLACEHOLDER.sub(lambda m: encode(values[m.group(1)]) if m.group(1) in values else m.group(0), template)


def json_text(value: str) -> str:
    """A value as it goes between the quotes of a JSON string."""
    return json.dumps(value, ensure_ascii=False)[1:-1]


def address_error(value: str) -> str | None:
    """None for ``crm@example.com`` or ``H-Office <crm@example.com>``, else what is wrong."""
    _name, address = parseaddr(value)
    if not address or "@" not in address:
        return "Enter an e-mail address, e.g. crm@example.com or H-Office <crm@example.com>."
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as err:
        return f"{address} is not a usable e-mail address: {err}"
    return None


def _url_error(value: str, what: str) -> str | None:
    try:
        parts = urlsplit(value)
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return f"{what} must start with http:// or https:// and name a server."
    return None


def _unknown_placeholder(value: str, what: str) -> str | None:
    unknown = [p for p in placeholders(value) if p not in PLACEHOLDERS]
    if unknown:
        return f"{what} uses {{{unknown[0]}}}, which is not a placeholder: use {KNOWN}."
    return None


def check_field(key: str, value: str) -> str | None:
    """What is wrong with one field's value on its own, or None. Empty is allowed where the
    channel may simply be unused; choices must be one of theirs."""
    if key != "sms_body" and ("\n" in value or "\r" in value):  # a header or URL split over lines
        return "Use a single line."
    if len(value) > LIMITS.get(key, MAX_VALUE):
        return f"Use at most {LIMITS.get(key, MAX_VALUE):,} characters."
    if key == "smtp_security" and value not in SECURITY:
        return "Choose none, STARTTLS or SSL/TLS."
    if key == "sms_method" and value not in METHODS:
        return "Choose GET or POST."
    if key == "sms_body_kind" and value not in BODY_KINDS:
        return "Choose form or JSON."
    if key == "sms_dlt" and value not in ("0", "1"):
        return "Choose on or off."
    if not value:
        return None
    if key == "smtp_host" and (any(c.isspace() for c in value) or "/" in value or ":" in value
                               or len(value) > 253):
        return "Enter the SMTP server's host name, e.g. smtp.example.com (no smtp:// and no port)."
    if key == "smtp_port" and not (value.isdecimal() and 1 <= int(value) <= 65535):
        return "Enter a port between 1 and 65535 (or leave it empty for the usual one)."
    if key in ("mail_from", "mail_reply_to"):
        return address_error(value)
    if key == "sms_url":
        return _url_error(value, "The gateway URL") or _unknown_placeholder(value, "The gateway URL")
    if key == "sms_body":
        return _unknown_placeholder(value, "The POST body")
    if key == "base_url":
        return _url_error(value, "The app's address") or (
            "The app's address takes no {placeholders}." if placeholders(value) else None)
    return None


def check_together(merged: Mapping[str, str]) -> dict[str, str]:
    """Rules between fields, on the values as they would be after the save."""
    errors: dict[str, str] = {}
    url, method, body = merged.get("sms_url", ""), merged.get("sms_method", "GET"), merged.get("sms_body", "")
    if url:
        found = set(placeholders(url)) | (set(placeholders(body)) if method == "POST" else set())
        missing = [p for p in ("to", "text") if p not in found and not (p == "to" and "to_digits" in found)]
        if missing:
            where = "The gateway URL or the POST body" if method == "POST" else "The gateway URL"
            errors["sms_url"] = (f"{where} must contain {{to}} and {{text}} (missing: "
                                 + ", ".join("{" + p + "}" for p in missing) + ").")
    if method == "POST" and merged.get("sms_body_kind") == "json" and body.strip():
        sample = fill(body, dict.fromkeys(PLACEHOLDERS, 'x"y'), json_text)
        try:
            json.loads(sample)
        except ValueError as err:
            errors["sms_body"] = (f"The JSON body is not valid JSON ({err.msg}, line {err.lineno} column "
                                  f"{err.colno}); write each placeholder inside quotes, e.g. {{\"to\": \"{{to}}\"}}.")
    if merged.get("sms_dlt") == "1":
        if not merged.get("sms_entity_id"):
            errors["sms_entity_id"] = "With DLT on, enter the entity id registered with DLT."
        if not merged.get("sms_sender"):
            errors["sms_sender"] = "With DLT on, enter the sender header (e.g. HOFFCE)."
    return errors
