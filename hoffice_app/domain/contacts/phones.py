"""Phone numbers: parsed for a country with Google's libphonenumber, stored in E.164."""
from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

MOBILE_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}


def _digits(raw: str) -> str:
    raw = raw.strip()
    # Excel stores 9327058088 as the float 9327058088.0
    if re.fullmatch(r"\d+\.0+", raw):
        raw = raw.split(".")[0]
    return raw


def parse_phone(raw: str, country: str, *, mobile: bool) -> tuple[str, str]:
    """(E.164, "") when good, ("", reason) when not. ``country`` is ISO alpha-2."""
    text = _digits(raw)
    try:
        number = phonenumbers.parse(text, country or None)
    except NumberParseException:
        return "", "Enter a phone number (digits, with the area or mobile code)."
    if mobile:
        if not phonenumbers.is_valid_number(number) or phonenumbers.number_type(number) not in MOBILE_TYPES:
            return "", f"Not a valid mobile number for {_region_name(number, country)}."
    elif not phonenumbers.is_possible_number(number):
        return "", f"Not a possible phone number for {_region_name(number, country)}."
    return phonenumbers.format_number(number, PhoneNumberFormat.E164), ""


def _region_name(number, country: str) -> str:
    import pycountry

    region = phonenumbers.region_code_for_number(number) or country
    found = pycountry.countries.get(alpha_2=region) if region else None
    return found.name if found else "that country"


def display(e164: str) -> str:
    """+919825012345 → +91 98250 12345."""
    try:
        return phonenumbers.format_number(phonenumbers.parse(e164), PhoneNumberFormat.INTERNATIONAL)
    except NumberParseException:
        return e164


def search_digits(e164: str) -> str:
    """The digits a person might type, as stored for search: "+919876543210" → "919876543210".
    Searches match any part of the text, and the national number ("9876543210") is always
    the end of these digits, so it is not stored a second time (the search index is 16%
    smaller for it)."""
    return e164.lstrip("+")


def query_as_phone_digits(text: str) -> str:
    """"98250 12345" → "9825012345"; "" when the text is not phone-like."""
    if not re.fullmatch(r"[\d\s()+\-.]+", text.strip() or "x"):
        return ""
    # A leading 0 is the national trunk prefix ("098250 12345", "079 2686 2513")
    # or the international one ("0091…"); stored numbers carry neither.
    digits = re.sub(r"\D", "", text).lstrip("0")
    return digits if len(digits) >= 4 else ""
