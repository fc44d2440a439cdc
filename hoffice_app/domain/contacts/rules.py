"""Validation and normalisation of a contact as submitted by the form (or a
direct handler call). Every problem is collected, keyed by field, so the form
shows each message next to its field; nothing is written unless all is good."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from email_validator import EmailNotValidError, validate_email
from sqlmodel import Session, select

from hoffice_app.domain.common import Actor, ValidationError, as_id
from hoffice_app.domain.contacts import vocab
from hoffice_app.domain.contacts.access import can_see, hides_from
from hoffice_app.domain.contacts.phones import parse_phone
from hoffice_app.domain.contacts.titles import default_title_id
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.models import Employee, MasterEntry

PAN_RE = re.compile(r"^[A-Z]{5}[0-9]{4}[A-Z]$")
GSTIN_RE = re.compile(r"^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$")
MAX_STATUTORY = 30  # PAN, GSTIN, Aadhaar: longer is surely not the number (shorter or odd only warns)
GST_TYPES = vocab.values(vocab.GST_TYPES)
SEZ_TYPES = vocab.values(vocab.SEZ_TYPES)
INVOICE_TYPES = vocab.values(vocab.INVOICE_TYPES)
GENDERS = vocab.values(vocab.GENDERS)
CHANNELS = vocab.values(vocab.CHANNELS)
BUSINESS_TYPES = vocab.values(vocab.BUSINESS_TYPES)
REFERENCE_KINDS = ("contact", "employee", "campaign")
TEXT_LIMITS = {"designation": 100, "website": 200, "skype": 100, "linkedin": 200, "instagram": 200,
               "facebook": 200, "youtube": 200, "twitter": 200, "cin": 21, "transporter_id": 20,
               "tds_section": 20, "vat_number": 30, "cst_number": 30, "st_number": 30, "tan_number": 10,
               "sales_group": 60}
MAX_NAME = 200
AMOUNT_MAX = Decimal(10) ** 13  # fits Numeric(16, 2), the narrowest money column


def _country_codes() -> frozenset[str]:
    return frozenset(o.value for o in app_settings.country_options())


@dataclass
class CleanContact:
    scalars: dict = field(default_factory=dict)  # column -> value
    emails: list[str] = field(default_factory=list)
    phones: list[tuple[str, str]] = field(default_factory=list)  # (kind, E.164), primaries first
    addresses: list[dict] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    category_ids: list[int] = field(default_factory=list)
    division_ids: list[int] = field(default_factory=list)
    privacy_ids: list[int] = field(default_factory=list)
    warnings: dict[str, str] = field(default_factory=dict)


class _Checker:
    def __init__(self, session: Session, actor: Actor, data: dict, today: date, existing=None):
        self.session, self.actor, self.data, self.today = session, actor, data, today
        self.existing = existing
        self.errors: dict[str, str] = {}
        self.out = CleanContact()

    def text(self, key: str) -> str:
        return " ".join(str(self.data.get(key) or "").split())

    def master(self, key: str, kind: str, label: str, *, required: bool = False, parent_id: int | None = None):
        raw = self.data.get(key)
        if not raw:
            if required:
                self.errors[key] = f"Choose the {label}."
            return None
        entry_id = as_id(raw)
        entry = self.session.get(MasterEntry, entry_id) if entry_id else None
        if entry is None or entry.kind != kind:
            self.errors[key] = f"Choose the {label} from the list."
            return None
        if parent_id is not None and entry.parent_id != parent_id:
            self.errors[key] = f"That {label} does not belong to the chosen industry."
            return None
        return entry.id

    def masters(self, key: str, kind: str, label: str) -> list[int]:
        ids = []
        for raw in self.data.get(key) or []:
            entry_id = self.master_id(raw, kind)
            if entry_id is None:
                self.errors[key] = f"Choose {label} from the list."
                return []
            ids.append(entry_id)
        return sorted(set(ids))

    def master_id(self, raw, kind: str) -> int | None:
        entry_id = as_id(raw)
        entry = self.session.get(MasterEntry, entry_id) if entry_id else None
        return entry.id if entry is not None and entry.kind == kind else None

    def choice(self, key: str, allowed: tuple[str, ...], label: str, default: str = "") -> str:
        value = str(self.data.get(key) or "").strip()
        if not value:
            return default
        match = next((a for a in allowed if a.lower() == value.lower()), None)
        if match is None:
            self.errors[key] = f"Choose a {label} from the list."
            return default
        return match

    def day(self, key: str, label: str) -> date | None:
        raw = str(self.data.get(key) or "").strip()
        if not raw:
            return None
        try:
            value = date.fromisoformat(raw)
        except ValueError:
            self.errors[key] = f"Enter the {label} as YYYY-MM-DD."
            return None
        if value > self.today:
            self.errors[key] = f"The {label} cannot be in the future."
            return None
        return value

    def amount(self, key: str, *, maximum: Decimal = AMOUNT_MAX, whole: bool = False):
        raw = str(self.data.get(key) or "").replace(",", "").replace(" ", "")
        if not raw:
            return None
        try:
            value = Decimal(raw)
        except InvalidOperation:
            self.errors[key] = "Enter a number."
            return None
        if not value.is_finite() or value < 0:
            self.errors[key] = "Enter a number of 0 or more."
            return None
        if value > maximum:
            self.errors[key] = f"Enter a number from 0 to {maximum:,}."
            return None
        if whole:
            if value != value.to_integral_value():
                self.errors[key] = "Enter a whole number."
                return None
            return int(value)
        return value.quantize(Decimal("0.01"))


def clean_contact(session: Session, actor: Actor, data: dict, *, today: date, existing=None) -> CleanContact:
    """``today`` is the company's local date (dates may not lie after it);
    ``existing`` is the contact being edited, if any."""
    c = _Checker(session, actor, data, today, existing)
    out, s = c.out, c.out.scalars
    name = c.text("name")
    if not name:
        c.errors["name"] = "Enter the contact's name."
    elif len(name) > MAX_NAME:
        c.errors["name"] = f"Use at most {MAX_NAME} characters."
    s["name"], s["name_key"] = name, name.casefold()
    s["title_id"] = c.master("title_id", "title", "title") or \
        default_title_id(session, is_company=bool(data.get("is_company")))
    s["contact_type_id"] = c.master("contact_type_id", "contact_type", "type of contact", required=True)
    s["is_customer"] = bool(data.get("is_customer"))
    country = str(data.get("country") or "").strip().upper() or app_settings.get(session, "default_country")
    if country not in _country_codes():
        c.errors["country"] = "Choose a country from the list."
    s["country"] = country
    for key, limit in TEXT_LIMITS.items():
        s[key] = c.text(key)
        if len(s[key]) > limit:
            c.errors[key] = f"Use at most {limit} characters."
    _reference(c)
    s["industry_id"] = c.master("industry_id", "industry", "industry")
    s["segment_id"] = c.master("segment_id", "segment", "segment", parent_id=s["industry_id"] or -1) \
        if data.get("segment_id") else None
    s["date_of_birth"] = c.day("date_of_birth", "date of birth")
    s["anniversary"] = c.day("anniversary", "anniversary")
    s["date_of_death"] = c.day("date_of_death", "date of death")
    if s["date_of_birth"] and s["date_of_death"] and s["date_of_death"] < s["date_of_birth"]:
        c.errors["date_of_death"] = "The date of death must come after the date of birth."
    s["gender"] = c.choice("gender", GENDERS, "gender")
    _statutory(c)
    _sales(c)
    _settings(c)
    _communication(c)
    out.addresses = _addresses(c)
    for alias in (" ".join(str(x).split()) for x in data.get("aliases") or []):
        if alias and alias.casefold() not in {a.casefold() for a in out.aliases}:
            out.aliases.append(alias)
    if any(len(a) > MAX_NAME for a in out.aliases):
        c.errors["aliases"] = f"Each alias may have at most {MAX_NAME} characters."
    out.category_ids = c.masters("category_ids", "contact_category", "categories")
    out.division_ids = c.masters("division_ids", "division", "divisions")
    if hides_from(session, c.actor, out.division_ids):
        c.errors["division_ids"] = "Include one of your own divisions: only their employees see this contact."
    kam = as_id(data.get("key_account_manager_id"))
    if data.get("key_account_manager_id") and not (kam and session.get(Employee, kam)):
        c.errors["key_account_manager_id"] = "Choose an employee from the list."
    s["key_account_manager_id"] = kam if data.get("key_account_manager_id") else None
    s["remarks"] = str(data.get("remarks") or "").strip()[:5000]
    _privacy(c)
    if c.errors:
        raise ValidationError(c.errors)
    return out


def _reference(c: _Checker) -> None:
    s, kind = c.out.scalars, c.choice("reference_kind", REFERENCE_KINDS, "reference")
    s.update(reference_kind=kind, reference_contact_id=None, reference_employee_id=None, reference_campaign_id=None)
    raw = c.data.get("reference_id")
    if not kind:
        return
    ref = as_id(raw)
    old = c.existing
    unchanged = old is not None and old.reference_kind == "contact" and old.reference_contact_id == ref
    if kind == "contact" and ref and (unchanged or can_see(c.session, c.actor, ref)):
        s["reference_contact_id"] = ref
    elif kind == "employee" and ref and c.session.get(Employee, ref):
        s["reference_employee_id"] = ref
    elif kind == "campaign" and c.master_id(raw, "campaign"):
        s["reference_campaign_id"] = ref
    else:
        c.errors["reference_id"] = f"Choose the {kind} this contact came through."


def _statutory(c: _Checker) -> None:
    s = c.out.scalars
    # Format checks warn (as the import does, docs/import-spec.md): the value is kept as typed.
    s["pan"] = c.text("pan").upper().replace(" ", "")
    if s["pan"] and not PAN_RE.match(s["pan"]):
        c.out.warnings["pan"] = "A PAN usually looks like AAAAA9999A (5 letters, 4 digits, 1 letter)."
    s["aadhaar"] = re.sub(r"[\s-]", "", c.text("aadhaar"))
    if s["aadhaar"] and not re.fullmatch(r"\d{12}", s["aadhaar"]):
        c.out.warnings["aadhaar"] = "An Aadhaar number usually has 12 digits."
    s["gstin"] = c.text("gstin").upper().replace(" ", "")
    if s["gstin"] and not GSTIN_RE.match(s["gstin"]):
        c.out.warnings["gstin"] = "A GSTIN usually has 15 characters, e.g. 24AAAAA9999A1Z5."
    for key in ("pan", "aadhaar", "gstin"):
        if len(s[key]) > MAX_STATUTORY:
            c.errors[key] = f"Use at most {MAX_STATUTORY} characters."
    s["gst_registration_type"] = c.choice("gst_registration_type", GST_TYPES, "GST registration type")
    s["sez_type"] = c.choice("sez_type", SEZ_TYPES, "SEZ type")
    s["tds_applicable"] = bool(c.data.get("tds_applicable"))
    if not s["tds_applicable"]:
        s["tds_section"] = ""


def _sales(c: _Checker) -> None:
    s = c.out.scalars
    s["credit_limit_amount"] = c.amount("credit_limit_amount")
    s["credit_limit_days"] = c.amount("credit_limit_days", maximum=Decimal(3650), whole=True)
    s["default_discount_pct"] = c.amount("default_discount_pct", maximum=Decimal(100))
    s["annual_revenue"] = c.amount("annual_revenue")
    s["price_list_id"] = c.master("price_list_id", "price_list", "price list")
    s["class_id"] = c.master("class_id", "class", "class")
    s["default_invoice_type"] = c.choice("default_invoice_type", INVOICE_TYPES, "invoice type")
    s["lock_for_sales"] = bool(c.data.get("lock_for_sales"))
    s["business_contact_type"] = c.choice("business_contact_type", BUSINESS_TYPES, "business contact type")


def _settings(c: _Checker) -> None:
    s = c.out.scalars
    s["time_zone"] = str(c.data.get("time_zone") or "").strip() or app_settings.get(c.session, "default_timezone")
    if s["time_zone"] not in app_settings.timezone_names():
        c.errors["time_zone"] = "Choose a time zone from the list."
    s["currency"] = str(c.data.get("currency") or "").strip().upper() or app_settings.get(c.session,
                                                                                        "default_currency")
    if s["currency"] not in {o.value for o in app_settings.currency_options()}:
        c.errors["currency"] = "Choose a currency from the list."
    s["notification_channel"] = c.choice("notification_channel", CHANNELS, "notification channel", "email")
    s["client_login"] = bool(c.data.get("client_login"))


def _communication(c: _Checker) -> None:
    out, country = c.out, c.out.scalars["country"]
    for i, raw in enumerate(str(e).strip() for e in c.data.get("emails") or []):
        if not raw:
            continue
        try:
            email = validate_email(raw, check_deliverability=False).normalized
            email = email.rsplit("@", 1)[0] + "@" + email.rsplit("@", 1)[1].lower()
        except EmailNotValidError as err:
            c.errors[f"emails.{i}"] = f"Not a valid e-mail address: {err}"
            continue
        if email.lower() not in {e.lower() for e in out.emails}:
            out.emails.append(email)
    for key, kind in (("mobiles", "mobile"), ("office_phones", "office"), ("other_phones", "other")):
        for i, raw in enumerate(str(p).strip() for p in c.data.get(key) or []):
            if not raw:
                continue
            number, problem = parse_phone(raw, country, mobile=kind == "mobile")
            if problem:
                c.errors[f"{key}.{i}"] = problem
            elif (kind, number) not in out.phones:
                out.phones.append((kind, number))


def _addresses(c: _Checker) -> list[dict]:
    default_type = as_id(app_settings.get(c.session, "default_address_type"))
    result = []
    for i, raw in enumerate(c.data.get("addresses") or []):
        addr = {k: " ".join(str(raw.get(k) or "").split()) for k in
                ("line1", "line2", "area", "district", "city", "state", "pin")}
        if not any(addr.values()):
            continue
        addr["state"] = addr["state"].upper()
        addr["country"] = str(raw.get("country") or "").strip().upper() or c.out.scalars["country"]
        if addr["country"] not in _country_codes():
            c.errors[f"addresses.{i}.country"] = "Choose a country from the list."
        type_id = c.master_id(raw.get("address_type_id"), "address_type") if raw.get("address_type_id") else None
        if raw.get("address_type_id") and type_id is None:
            c.errors[f"addresses.{i}.address_type_id"] = "Choose the type of address from the list."
        addr["address_type_id"] = type_id or default_type
        if addr["country"] == "IN" and addr["pin"] and not re.fullmatch(r"\d{6}", addr["pin"]):
            c.errors[f"addresses.{i}.pin"] = "An Indian PIN code has exactly 6 digits."
        elif len(addr["pin"]) > 12:
            c.errors[f"addresses.{i}.pin"] = "Use at most 12 characters."
        for key in ("line1", "line2"):
            if len(addr[key]) > 200:
                c.errors[f"addresses.{i}.{key}"] = "Use at most 200 characters."
        addr["is_default"] = bool(raw.get("is_default"))
        result.append(addr)
    if result and sum(a["is_default"] for a in result) != 1:
        for n, addr in enumerate(result):
            addr["is_default"] = n == 0
    return result


def _privacy(c: _Checker) -> None:
    c.out.scalars["is_private"] = bool(c.data.get("is_private"))
    if not c.out.scalars["is_private"]:
        return
    ids = {i for i in (as_id(v) for v in c.data.get("privacy_employee_ids") or []) if i}
    found = set(c.session.exec(select(Employee.id).where(Employee.id.in_(ids))).all())
    if found != ids:
        c.errors["privacy_employee_ids"] = "Choose employees from the list."
    if not c.actor.is_admin:
        found.add(c.actor.id)  # whoever makes a contact private keeps seeing it
    if not found:
        c.errors["privacy_employee_ids"] = "Choose who may see this private contact."
    c.out.privacy_ids = sorted(found)
