"""One small pure function per rule of the import spec's table.

Each takes a cell's text (already trimmed, never empty: blank cells are the
caller's business) and what it needs from the ``Context``, and returns the
clean value or raises ``Invalid(reason)``. Rules that may warn return
``(value, warning)``. Limits, patterns and choice lists are the contact
form's own (``domain/contacts/rules.py``), so a row is judged as the form
would judge the same values; phone numbers go through the form's parser.
The one exception is the length of PAN, GSTIN and Aadhaar (``MAX_STATUTORY``).
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from email_validator import EmailNotValidError, validate_email

from hoffice_app.domain.contacts import AMOUNT_MAX, GSTIN_RE, MAX_NAME, MAX_STATUTORY, PAN_RE, vocab
from hoffice_app.domain.masters import name_key
from hoffice_app.importer.check.context import Context, title_key
from hoffice_app.importer.speed import fastpath

EXCEL_EPOCH = date(1899, 12, 30)
LIST_SPLIT = re.compile(r"\s*[,;]\s*")
SERIAL = re.compile(r"\d{1,7}(\.0+)?")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}( 00:00:00)?")
SIX_DIGITS = re.compile(r"\d{6}")
TRAILING_ZEROS = re.compile(r"\.0+$")


class Invalid(Exception):
    """The cell cannot be used; ``str()`` is the reason shown to the user."""


def _choices(ctx: Context, kind: str) -> str:
    names = ctx.master_names.get(kind, [])
    shown = ", ".join(names[:8]) + (", …" if len(names) > 8 else "")
    return f" Use one of: {shown}." if names else ""


def limited(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        raise Invalid(f"Use at most {limit} characters (this has {len(text)}).")
    return text


def name(text: str) -> str:
    return limited(text, MAX_NAME)


def master(text: str, ctx: Context, kind: str, label: str) -> int:
    """A master entry by name, any case and spacing."""
    found = ctx.masters.get(kind, {}).get(name_key(text))
    if found is None:
        raise Invalid(f"No {label} called “{text}”.{_choices(ctx, kind)}")
    return found


def contact_type(text: str, ctx: Context) -> int:
    return master(text, ctx, "contact_type", "type of contact")


def title(text: str, ctx: Context) -> int:
    """Mr. / mr / MR — the trailing full stop is optional."""
    found = ctx.masters.get("title", {}).get(title_key(text))
    if found is None:
        raise Invalid(f"No title called “{text}”.{_choices(ctx, 'title')}")
    return found


def split_list(text: str) -> list[str]:
    return [part for part in LIST_SPLIT.split(text) if part]


def master_list(text: str, ctx: Context, kind: str, label: str) -> list[int]:
    """Comma-separated names; every one must exist."""
    ids, unknown = [], []
    for part in split_list(text):
        found = ctx.masters.get(kind, {}).get(name_key(part))
        if found is None:
            unknown.append(part)
        elif found not in ids:
            ids.append(found)
    if unknown:
        raise Invalid(f"No {label} called {', '.join(f'“{u}”' for u in unknown)}.{_choices(ctx, kind)}")
    return ids


def aliases(text: str) -> list[str]:
    out: list[str] = []
    for part in split_list(text):
        alias = limited(part, MAX_NAME)
        if alias.casefold() not in {a.casefold() for a in out}:
            out.append(alias)
    return out


def email(text: str) -> str:
    """One address, checked offline; the domain is stored lower-case (as the form does)."""
    text = text.strip()
    if LIST_SPLIT.search(text) or " " in text:
        raise Invalid("Enter one e-mail address only.")
    try:
        normal = fastpath.email(text) or validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError as err:
        raise Invalid(f"Not a valid e-mail address: {err}") from None
    local, domain = normal.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def phone(text: str, country: str, *, mobile: bool) -> str:
    """E.164 via the form's parser (libphonenumber) for the row's country."""
    number, problem = fastpath.phone(text, country, mobile=mobile)
    if problem:
        raise Invalid(problem)
    return number


def country(text: str, ctx: Context) -> str:
    found = ctx.countries.get(" ".join(text.split()).casefold())
    if found is None:
        raise Invalid(f"Unknown country “{text}”; write its name (India, United States, UK) or ISO code (IN).")
    return found


def pin(text: str, country_code: str) -> str:
    text = TRAILING_ZEROS.sub("", text.replace(" ", "")) if country_code == "IN" else text
    if country_code == "IN" and not SIX_DIGITS.fullmatch(text):
        raise Invalid("An Indian PIN code has exactly 6 digits.")
    if len(text) > 12:
        raise Invalid("Use at most 12 characters.")
    return text


def amount(text: str) -> Decimal:
    """A number ≥ 0; thousands separators (900,000 or 9,00,000) and spaces are ignored."""
    raw = text.replace(",", "").replace(" ", "").replace("\u00a0", "")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise Invalid("Enter a number, e.g. 900000.") from None
    if not value.is_finite() or value < 0:
        raise Invalid("Enter a number of 0 or more.")
    if value > AMOUNT_MAX:
        raise Invalid(f"Enter a number from 0 to {AMOUNT_MAX:,}.")
    return value.quantize(Decimal("0.01"))


def privacy(text: str, ctx: Context) -> tuple[list[int], str]:
    """Employee codes; unknown ones are dropped with a warning; none left → public."""
    ids, unknown = [], []
    for code in split_list(text):
        found = ctx.employees.get(code.upper())
        if found is None:
            unknown.append(code)
        elif found not in ids:
            ids.append(found)
    warning = ""
    if unknown:
        warning = f"Unknown employee code{'s' if len(unknown) > 1 else ''} {', '.join(unknown)} left out"
        warning += "; the contact is public." if not ids else "."
    return ids, warning


# The import's only hard limit on PAN, GSTIN and Aadhaar. The spec makes their format checks
# warnings, so a mistyped number is kept for the user to correct later rather than costing the
# whole row; a longer value is no such number at all (a cell pasted into the wrong column).
# Wider than the form's limits on purpose (domain/contacts/rules.py refuses a PAN over 10).
def _statutory(value: str, well_formed: bool, hint: str) -> tuple[str, str]:
    """The value as typed (spaces removed) with ``hint`` as a warning unless ``well_formed``."""
    if len(value) > MAX_STATUTORY:
        raise Invalid(f"Use at most {MAX_STATUTORY} characters (this has {len(value)}).")
    return value, "" if well_formed else hint


def pan(text: str) -> tuple[str, str]:
    value = text.upper().replace(" ", "")
    return _statutory(value, bool(PAN_RE.match(value)),
                      "A PAN usually looks like AAAAA9999A (5 letters, 4 digits, 1 letter).")


def gstin(text: str) -> tuple[str, str]:
    value = text.upper().replace(" ", "")
    return _statutory(value, bool(GSTIN_RE.match(value)), "A GSTIN usually has 15 characters, e.g. 24AAAAA9999A1Z5.")


def aadhaar(text: str) -> tuple[str, str]:
    value = re.sub(r"[\s-]", "", text)
    return _statutory(value, re.fullmatch(r"\d{12}", value) is not None, "An Aadhaar number has 12 digits.")


def day(text: str, today: date) -> date:
    """An Excel date (cell or serial number) or YYYY-MM-DD; not after today."""
    value = None
    if SERIAL.fullmatch(text):
        serial = int(float(text))
        if 1 <= serial <= 2958465:
            value = EXCEL_EPOCH + timedelta(days=serial)
    else:
        try:
            value = date.fromisoformat(text[:10]) if ISO_DAY.fullmatch(text) else None
        except ValueError:
            value = None
    if value is None:
        raise Invalid("Enter the date as YYYY-MM-DD (e.g. 1980-09-25) or as an Excel date.")
    if value > today:
        raise Invalid("The date cannot be in the future.")
    return value


def class_entry(class_name: str, class_code: str, ctx: Context) -> int:
    """Class Name and/or Class Code must name one class; both given must agree."""
    by_name = ctx.masters.get("class", {}).get(name_key(class_name)) if class_name else None
    by_code = ctx.classes_by_code.get(class_code.strip().casefold()) if class_code else None
    if class_name and by_name is None:
        raise Invalid(f"No class called “{class_name}”.{_choices(ctx, 'class')}")
    if class_code and by_code is None:
        raise Invalid(f"No class with code “{class_code}”.")
    if by_name is not None and by_code is not None and by_name != by_code[0]:
        raise Invalid(f"Class {class_name} has code {ctx.class_codes.get(by_name, '?')}, not {class_code}.")
    return by_name if by_name is not None else by_code[0]


def _coded(text: str, options: dict[str, str], what: str, allowed: str) -> str:
    found = options.get(TRAILING_ZEROS.sub("", " ".join(text.split()).casefold()))
    if found is None:
        raise Invalid(f"Not a {what}; use {allowed}.")
    return found


GST_REGISTER = vocab.import_lookup(vocab.GST_TYPES)
GST_MEMBER = vocab.import_lookup(vocab.SEZ_TYPES)
GENDERS = vocab.import_lookup(vocab.GENDERS)
BUSINESS = vocab.import_lookup(vocab.BUSINESS_TYPES)


def gst_registration_type(text: str) -> str:
    return _coded(text, GST_REGISTER, "GST register type", "1–4 or Regular, Consumer, Composition, Unregistered")


def gst_member_type(text: str) -> str:
    return _coded(text, GST_MEMBER, "GST member type", "D, G or S (Deemed export, Government entity, SEZ)")


def gender(text: str) -> str:
    return _coded(text, GENDERS, "gender", "1 or 2 (Male / Female)")


def business_contact_type(text: str) -> str:
    return _coded(text, BUSINESS, "business contact type", "1 or 2 (Partner / End User)")


def currency(text: str, ctx: Context) -> str:
    value = text.strip().upper()
    if value not in ctx.currencies:
        raise Invalid("Use a three-letter ISO currency code such as INR, USD or AUD.")
    return value


def contact_code(text: str) -> str:
    value = text.strip().upper()
    if not re.fullmatch(r"C\d{1,11}", value):
        raise Invalid("A contact code looks like C000123; leave it blank for a new contact.")
    return value
