"""Shortcuts for the import's hottest calls, each giving exactly what the
form's own helper gives (tests/importer/speed/test_fastpath_matches_the_form.py
compares them on tens of thousands of inputs).

E-mail: ``email_validator`` spends ~25 µs on an address, most of it on the
domain (IDNA and special-use checks), yet a sheet holds a handful of
domains. A plain ASCII dot-atom local part (letters, digits and
``!#$%&'*+/=?^_`{|}~-`` between single dots, at most 64 characters) is
valid as it stands, so only the domain is checked, once per distinct
domain; anything else (quotes, non-ASCII, a domain that fails) goes
through the library, so its messages are the ones the user sees.

Measured at 100,000 rows × 5 phone columns: libphonenumber's ``parse`` is
about half of the 30 µs a mobile costs, and most numbers in an Indian sheet
are plain 10-digit mobiles or 0-prefixed STD numbers. For exactly those
shapes the number is built directly (country code 91, the digits as the
national number) and only the library's type / possibility check runs;
anything else — separators, a ``+``, another country, a number that fails
the check — goes through the form's ``parse_phone`` unchanged, so the
error messages are the form's too.
"""
from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from phonenumbers import PhoneNumber

from hoffice_app.domain.contacts import parse_phone

_is_possible = phonenumbers.is_possible_number
_TYPE_ORDER = ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan", "voicemail")


def _desc(desc):
    """A PhoneNumberDesc as (possible lengths, compiled pattern), None when it matches nothing."""
    if desc is None or not desc.national_number_pattern:
        return None
    return frozenset(desc.possible_length), re.compile(desc.national_number_pattern)


def _matches(national: str, desc) -> bool:
    """libphonenumber's _is_number_matching_desc, with the pattern compiled once."""
    if desc is None:
        return False
    lengths, pattern = desc
    return (not lengths or len(national) in lengths) and pattern.fullmatch(national) is not None


def _any_of(descs) -> re.Pattern:
    """One pattern that fully matches where any of ``descs`` would (``_matches``): each
    alternative asserts its possible lengths first. One call instead of eight."""
    parts = []
    for desc in filter(None, descs):
        lengths, pattern = desc
        ahead = f"(?=(?:{'|'.join(f'.{{{n}}}' for n in sorted(lengths))})\\Z)" if lengths else ""
        parts.append(f"{ahead}(?:{pattern.pattern})")
    return re.compile("|".join(parts) or "(?!)")


class _India:
    """libphonenumber's number-type decision (``_number_type_helper``) for India's
    metadata, its patterns compiled once: what ``number_type`` does after it has
    found the region, minus a ``re.compile`` cache lookup per pattern per call."""

    def __init__(self):
        md = phonenumbers.PhoneMetadata.metadata_for_region("IN")
        self.general, self.fixed, self.mobile = (_desc(md.general_desc), _desc(md.fixed_line), _desc(md.mobile))
        self.before = _any_of([_desc(getattr(md, name)) for name in _TYPE_ORDER])
        self.same = md.same_mobile_and_fixed_line_pattern
        self.possible = {}  # national length -> is_possible_number (it looks at the length only)

    def is_mobile(self, national: str) -> bool:
        if not _matches(national, self.general) or self.before.fullmatch(national):
            return False
        if _matches(national, self.fixed):
            return self.same or _matches(national, self.mobile)  # FIXED_LINE_OR_MOBILE, else FIXED_LINE
        return not self.same and _matches(national, self.mobile)

    def is_possible(self, national: str) -> bool:
        known = self.possible.get(len(national))
        if known is None:
            known = self.possible[len(national)] = _is_possible(
                PhoneNumber(country_code=91, national_number=int(national)))
        return known


_IN = _India()
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_DOT_ATOM = re.compile(rf"{_ATEXT}(?:\.{_ATEXT})*")
MAX_EMAIL, MAX_LOCAL = 254, 64


@lru_cache(maxsize=4096)
def _email_domain(domain: str) -> str:
    """The library's normalized form of a domain, "" when it refuses it."""
    try:
        return validate_email("a@" + domain, check_deliverability=False).domain
    except EmailNotValidError:
        return ""


def email(text: str) -> str:
    """As ``validate_email(text, check_deliverability=False).normalized`` when
    that is quick to know, else "" (the caller then asks the library)."""
    local, at, domain = text.partition("@")
    if not at or len(local) > MAX_LOCAL or not local.isascii() or not _DOT_ATOM.fullmatch(local):
        return ""
    normal = _email_domain(domain)
    if not normal:
        return ""
    out = f"{local}@{normal}"
    return out if len(out) <= MAX_EMAIL else ""


def phone(raw: str, country: str, *, mobile: bool) -> tuple[str, str]:
    """As ``domain.phones.parse_phone``: (E.164, "") or ("", reason)."""
    digits = raw[:-2] if raw.endswith(".0") else raw
    if country == "IN" and digits.isascii() and digits.isdigit():
        national = digits if len(digits) == 10 and digits[0] != "0" else (
            digits[1:] if len(digits) == 11 and digits[0] == "0" and digits[1] != "0" else "")
        if national and (_IN.is_mobile(national) if mobile else _IN.is_possible(national)):
            return "+91" + national, ""
    return parse_phone(raw, country, mobile=mobile)
