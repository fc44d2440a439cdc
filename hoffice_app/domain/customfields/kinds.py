"""The types a custom field can have, and how a typed-in value of each is checked and shown.

Values are checked the way the built-in fields check theirs: phones through libphonenumber
(contacts' parser), e-mails through email-validator, amounts and numbers with thousands
separators ignored, dates as on the forms (YYYY-MM-DD) or as an Excel date. A checked value is
a ``Typed``: the column it is stored in and the value, ready to write.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from email_validator import EmailNotValidError, validate_email

from hoffice_app.domain.common import format_money
from hoffice_app.domain.contacts import display as phone_display
from hoffice_app.domain.contacts import parse_phone

# (key, label, the name the command line takes), in the order the settings page offers them
KINDS = (
    ("text", "Text", "text"), ("long_text", "Long text", "long-text"), ("number", "Number", "number"),
    ("amount", "Amount", "amount"), ("date", "Date", "date"), ("datetime", "Date & time", "datetime"),
    ("yes_no", "Yes/no", "yes-no"), ("select", "Single select", "select"),
    ("multi_select", "Multi select", "multi-select"), ("email", "E-mail", "email"), ("phone", "Phone", "phone"),
    ("url", "URL", "url"), ("employee", "Employee", "employee"), ("contact", "Contact", "contact"),
)
KIND_LABELS = {key: label for key, label, _cli in KINDS}
FROM_CLI = {cli: key for key, _label, cli in KINDS}
WITH_OPTIONS = {"select", "multi_select"}
TEXT_KINDS = {"text", "long_text", "email", "phone", "url"}  # searched by the lists' text search
MAX_TEXT = {"text": 200, "long_text": 4000, "email": 254, "phone": 30, "url": 500}
MAX_NUMBER = Decimal(10) ** 15
EXCEL_EPOCH = date(1899, 12, 30)
YES = {"yes", "y", "true", "1", "on"}
NO = {"no", "n", "false", "0", "off"}
URL = re.compile(r"https?://[^\s/$.?#][^\s]*", re.I)
LIST_SPLIT = re.compile(r"\s*[,;\n]\s*")  # a multi select's options typed in one cell or line


class Invalid(ValueError):
    """A value the field refuses; the message is written for the person who typed it."""


@dataclass(frozen=True)
class Typed:
    """A checked value: the value table's column it goes in and the value (``option`` ids for
    selects, one row each)."""

    column: str
    value: object


def number(text: str, *, amount: bool) -> Decimal:
    raw = text.replace(",", "").replace(" ", "").replace("\u00a0", "")
    for symbol in ("₹", "$", "€", "£"):
        raw = raw.replace(symbol, "")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise Invalid("Enter a number, e.g. 1,500 or 12.5.") from None
    if not value.is_finite() or abs(value) >= MAX_NUMBER:
        raise Invalid(f"Enter a number below {MAX_NUMBER:,}.")
    if amount and value < 0:
        raise Invalid("Enter an amount of 0 or more.")
    if value != value.quantize(Decimal("0.0001")):
        raise Invalid("Enter at most four decimals.")
    return value.quantize(Decimal("0.01")) if amount else value


def day(text: str) -> date:
    text = text.strip()
    if re.fullmatch(r"\d{1,6}(\.0+)?", text):  # an Excel date's serial number
        serial = int(float(text))
        if 1 <= serial <= 2958465:
            return EXCEL_EPOCH + timedelta(days=serial)
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise Invalid("Enter the date as YYYY-MM-DD, e.g. 2026-12-31.") from None


def moment(text: str, zone: str) -> datetime:
    """"2026-12-31T10:30" (the form's picker) or "2026-12-31 10:30", in the company's zone."""
    try:
        local = datetime.fromisoformat(text.strip().replace(" ", "T", 1))
    except ValueError:
        raise Invalid("Enter the date and time as YYYY-MM-DD HH:MM, e.g. 2026-12-31 10:30.") from None
    if local.tzinfo is None:
        local = local.replace(tzinfo=ZoneInfo(zone))
    return local.astimezone(ZoneInfo("UTC"))


def yes_no(text: str) -> bool:
    word = text.strip().lower()
    if word in YES:
        return True
    if word in NO:
        return False
    raise Invalid("Enter Yes or No.")


def email(text: str) -> str:
    try:
        normal = validate_email(text.strip(), check_deliverability=False).normalized
    except EmailNotValidError as err:
        raise Invalid(f"Not a valid e-mail address: {err}") from None
    local, domain = normal.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def phone(text: str, country: str) -> str:
    number_, problem = parse_phone(text, country, mobile=False)
    if problem:
        raise Invalid(problem)
    return number_


def url(text: str) -> str:
    text = text.strip()
    if not URL.fullmatch(text):
        raise Invalid("Enter a web address starting with http:// or https://.")
    return text


def plain(kind: str, text: str) -> str:
    text = text.strip()
    if len(text) > MAX_TEXT[kind]:
        raise Invalid(f"Enter at most {MAX_TEXT[kind]:,} characters.")
    return text


def shown(kind: str, typed: Typed | None, *, zone: str, currency: str, names: dict | None = None) -> str:
    """A stored value as the pages show it ("₹1,50,000", "31 Dec 2026", "Yes")."""
    if typed is None or typed.value is None:
        return ""
    value = typed.value
    if kind == "amount":
        return format_money(value, currency)
    if kind == "number":
        return f"{value.normalize():f}" if isinstance(value, Decimal) else str(value)
    if kind == "date":
        return value.strftime("%d %b %Y")
    if kind == "datetime":
        return value.astimezone(ZoneInfo(zone)).strftime("%d %b %Y, %H:%M")
    if kind == "yes_no":
        return "Yes" if value else "No"
    if kind == "phone":
        return phone_display(value)
    if kind in ("employee", "contact", "select", "multi_select"):
        return (names or {}).get(value, "")
    return str(value)
