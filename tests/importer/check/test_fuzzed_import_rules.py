"""Fuzzed import rules: whatever a spreadsheet cell holds, the check answers.

A sheet comes from anyone's Excel, so every column rule, a whole row and the
whole review are fed random cells of every type a sheet can hold (text, whole
and real numbers with NaN and infinities, dates, times, booleans, blanks, very
long text, control characters, formula-looking text, any Unicode). What must
hold for every input: no exception escapes (an unreadable file is a
``FileRefused``, a bad cell an ``Invalid`` problem); every refusal, invalid row
and warning carries a message; and the review writes no contact.

Settings: ``derandomize`` makes CI run the same examples every time (and no
example database is kept between runs); few examples keep the file fast. A
bug the fuzz finds gets its own focused test beside the rule's other tests.
"""
from __future__ import annotations

import hashlib
import itertools
import math
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlalchemy import text as sql

from hoffice_app.domain.common import ValidationError
from hoffice_app.importer import jobs
from hoffice_app.importer.check import rules
from hoffice_app.importer.check.context import build_context
from hoffice_app.importer.check.normalize import Facts, parse_row
from hoffice_app.importer.errors import FileRefused
from hoffice_app.importer.read.columns import COLUMNS
from hoffice_app.importer.read.reader import cell_text
from tests.contact_factory import make_contact, make_private
from tests.importer.helpers import csv_file, upload

FUZZ = settings(derandomize=True, database=None, deadline=None, max_examples=60,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])
FEW = settings(FUZZ, max_examples=25)
_files = itertools.count()

FORMULAS = ("=1+1", "=SUM(A1:A9)", '=HYPERLINK("http://x","y")', "+91 98250 12345", "-5", "@SUM(1)",
            "=cmd|' /C calc'!A0", "\t=1", "'=1", "#N/A", "#DIV/0!", "#REF!")
# Values some column accepts, as wild cells in any column (a code in Name, a date in Mobile).
PLAUSIBLE = ("Customer", "vendor", "Mr.", "mr", "M/S", "Asha Traders", "Horus Tech", "Secret Client", "C000001",
             "C000002", "C999999", "asha@example.com", "ASHA@EXAMPLE.COM", "9327058088", "9327058088.0",
             "07926862513", "+12015550123", "India", "IN", "UK", "United States", "380015", "SW1A 1AA",
             "9,00,000", "1e3", "E01, E03", "E99", "Finance", "Employee", "ABCDE1234F", "ABCDE1234FG",
             "24AAAAA9999A1Z5", "1234 5678 9012", "1980-09-25", "29489", "2099-01-01", "1", "2", "D", "Male",
             "EndUser", "INR", "usd", "Office Address", "Gold", "CL1", "a, b; c", "Regular", "0", "-0.0")
UNICODE = ("अनुराधा", "Ahmedābād", "😀", "\u200b", "\u202eevil", "ß", "İ", "ＡＢＣ", "١٢٣٤٥٦", "e\u0301",
           "\ufeffName", "Ω≈ç√", "\U0001f1ee\U0001f1f3")
LONG = st.builds(lambda ch, n: ch * n, st.sampled_from("x9 é😀,@"), st.sampled_from((31, 201, 5001, 40_000)))
CELL = st.one_of(
    st.none(), st.just(""), st.booleans(), st.integers(), st.integers(-10**30, 10**30),
    st.floats(), st.sampled_from((math.nan, math.inf, -math.inf, -0.0, 1e16, 9327058088.0, 29489.5)),
    st.dates(), st.datetimes(), st.times(),
    st.text(), st.text(st.characters(max_codepoint=0x1f), min_size=1), st.sampled_from(FORMULAS),
    st.sampled_from(PLAUSIBLE), st.sampled_from(UNICODE), LONG,
    st.builds("".join, st.lists(st.sampled_from(PLAUSIBLE + FORMULAS + UNICODE + (" ", ",", "\n")), max_size=4)),
)


# A value each column accepts (the seed's masters, the fixture's contacts). A fuzzed row is
# made of these and blanks, with a few cells replaced by wild ones, so that rows get past
# the first refusal into duplicates, links and the spool, and each wild cell is judged alone.
GOOD = {
    "contact_code": ("C000001", "c000002", "C999999"), "division": ("hoffice", "hoffice, corpteaser"),
    "title": ("Mr.", "mr", "M/S", "dr"), "name": ("Asha Traders", "Horus Tech", "  Bela   Exports "),
    "aliases": ("AT; Asha", "Asha"), "contact_type": ("Customer", "vendor", "BOTH"),
    "price_list": ("Retail Price",), "email": ("asha@example.com", "new@Example.COM", "bela@example.in"),
    "mobile": ("9327058088", 9327058088.0, "98250 12345", "+12015550123"), "mobile1": ("9898989898",),
    "office_phone": ("07926862513", 7926862513), "office_phone1": ("022 2345 6789",),
    "address_type": ("Office Address", "godown address"), "address1": ("12 MG Road",), "address2": ("Lake",),
    "area": ("Navrangpura",), "district": ("Ahmedabad",), "city": ("Ahmedabad",), "state": ("Gujarat",),
    "country": ("India", "IN", "UK", "United States"), "pin": ("380015", 380015, "380015.0"),
    "industry": ("Finance",), "reference": ("E03", "Website", "Horus Tech", "Nobody"),
    "annual_revenue": ("9,00,000", 1250000.5, 0), "privacy": ("E03", "E03, E99"),
    "category": ("Insurance", "Dealers; Corporate"), "designation": ("Director",), "relation": ("Employee",),
    "relation_to": ("C000001", "Horus Tech", "M/S Horus Tech", "Secret Client"), "other_number": ("7926862513",),
    "website": ("www.example.in",), "skype": ("asha.p",), "pan": ("ABCDE1234F", "ABCDE1234FG"),
    "vat_number": ("VAT123",), "cst_number": ("CST987",), "st_number": ("ST555",), "gstin": ("24AAAAA9999A1Z5",),
    "aadhaar": ("1234 5678 9012",), "tan_number": ("AHMA12345B",),
    "date_of_birth": (date(1980, 9, 25), "1980-09-25", 29489), "anniversary": (datetime(2005, 5, 1),),
    "class_name": ("Gold",), "class_code": ("G1",), "gst_registration_type": ("1", "Regular", 2),
    "gst_member_type": ("D", "sez"), "gender": ("1", "Female", "M"), "date_of_death": ("2020-01-01",),
    "transporter_id": ("TR1",), "business_contact_type": ("Partner", 2), "currency": ("INR", "usd"),
    "facebook": ("asha",), "linkedin": ("asha",), "instagram": ("asha",), "youtube": ("asha",),
    "twitter": ("asha",), "remarks": ("Met at the fair",),
}
MANDATORY = [c for c in COLUMNS if c.mandatory]


@st.composite
def row_cells(draw, columns):
    """One row for ``columns``: good values and blanks, then up to three wild cells."""
    cells = [draw(st.sampled_from(GOOD[c.key])) if c.mandatory else draw(st.one_of(
        st.none(), st.sampled_from(GOOD[c.key]))) for c in columns]
    for index in draw(st.lists(st.integers(0, len(columns) - 1), max_size=3)):
        cells[index] = draw(CELL)
    return cells


# Every column (most sheets), the mandatory ones and a few more, or any few (maybe a file of
# updates by Contact Code, maybe one the review refuses for want of a Name column).
COLUMN_SETS = st.one_of(
    st.just(list(COLUMNS)),
    st.lists(st.sampled_from([c for c in COLUMNS if not c.mandatory]), unique=True, max_size=10)
    .map(lambda more: MANDATORY + more),
    st.lists(st.sampled_from(COLUMNS), unique=True, min_size=1, max_size=6))


@st.composite
def sheets(draw):
    """(columns, rows, duplicate policy)."""
    columns = draw(COLUMN_SETS)
    rows = draw(st.lists(row_cells(columns), min_size=1, max_size=6))
    return columns, rows, draw(st.sampled_from(("skip", "update", "create")))


@pytest.fixture
def known(session, admin, now):
    """Two existing contacts (one private to E03), so codes, Relation To, Reference and
    duplicates find something."""
    horus = make_contact(session, admin, now, "Horus Tech", emails=["asha@example.com"], mobiles=["9327058088"])
    secret = make_private(session, admin, now, "Secret Client", mobiles=["9825012345"])
    session.commit()
    assert (horus.code, secret.code) == ("C000001", "C000002")  # as GOOD names them


@pytest.fixture
def ctx(session, admin, now, known):
    return build_context(session, admin, now)


def column_rules(ctx):
    """Every rule of rules.py as the row check calls it, by a name for failure messages."""
    out = {"name": rules.name, "aliases": rules.aliases, "email": rules.email, "amount": rules.amount,
           "pan": rules.pan, "gstin": rules.gstin, "aadhaar": rules.aadhaar, "contact_code": rules.contact_code,
           "gst_registration_type": rules.gst_registration_type, "gst_member_type": rules.gst_member_type,
           "gender": rules.gender, "business_contact_type": rules.business_contact_type,
           "limited": lambda t: rules.limited(t, 100), "contact_type": lambda t: rules.contact_type(t, ctx),
           "title": lambda t: rules.title(t, ctx), "country": lambda t: rules.country(t, ctx),
           "currency": lambda t: rules.currency(t, ctx), "privacy": lambda t: rules.privacy(t, ctx),
           "day": lambda t: rules.day(t, ctx.today), "class_name": lambda t: rules.class_entry(t, "", ctx),
           "class_code": lambda t: rules.class_entry("", t, ctx),
           "class_both": lambda t: rules.class_entry(t, t, ctx)}
    for kind in ("price_list", "industry", "address_type", "relation"):
        out[kind] = lambda t, kind=kind: rules.master(t, ctx, kind, kind)
    for kind in ("division", "contact_category"):
        out[f"{kind}_list"] = lambda t, kind=kind: rules.master_list(t, ctx, kind, kind)
    for country in ("IN", "US", "GB", ""):
        out[f"mobile_{country}"] = lambda t, c=country: rules.phone(t, c, mobile=True)
        out[f"phone_{country}"] = lambda t, c=country: rules.phone(t, c, mobile=False)
        out[f"pin_{country}"] = lambda t, c=country: rules.pin(t, c)
    return out


@FUZZ
@given(value=CELL)
def test_every_column_rule_returns_or_refuses_with_a_reason(ctx, value):
    text = cell_text(value)
    if not text:
        return  # a blank cell never reaches a rule
    for rule_name, rule in column_rules(ctx).items():
        try:
            found = rule(text)
        except rules.Invalid as err:
            assert str(err).strip(), (rule_name, text)
            continue
        if rule_name in ("pan", "gstin", "aadhaar", "privacy"):
            assert isinstance(found[1], str), (rule_name, text)  # (value, warning: "" or a sentence)


@FUZZ
@given(cells=row_cells(list(COLUMNS)), updates=st.booleans())
def test_a_whole_row_of_random_cells_gets_reasons_not_exceptions(ctx, cells, updates):
    t = {c.key: s for c, value in zip(COLUMNS, cells) if (s := cell_text(value))}
    target = Facts(1, "C000001", "Horus Tech", "IN", date(1980, 1, 1), None) if updates else None
    row = parse_row(2, list(t.values()), t, ctx, target)
    for column, _value, reason in row.errors + row.warnings:
        assert column in {c.header for c in COLUMNS} and reason.strip(), (column, reason)
    if not updates:
        assert row.errors or {"name", "contact_type"} <= t.keys()


def xlsx_text(value):
    """A cell as openpyxl can store it: text without the control characters XML 1.0
    forbids (openpyxl refuses them; Excel writes none). The CSV test keeps them."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value  # NaN: <v>nan</v>


def contacts_snapshot(session) -> str:
    """A digest of every contact table (rows and search index): equal means nothing written."""
    digest = hashlib.sha256()
    index = ("contact_fts",) if session.get_bind().dialect.name == "sqlite" else ()  # PostgreSQL has none
    for table in ("contact", "contact_email", "contact_phone", "contact_address", "contact_alias",
                  "contact_category", "contact_division", "contact_privacy", "contact_association",
                  *index, "code_counter"):
        for found in session.execute(sql(f"SELECT * FROM {table} ORDER BY 1")):
            digest.update(repr(tuple(found)).encode())
    return digest.hexdigest()


def review_file(session, admin, now, path, policy):
    """start_job + headers + review as the wizard runs them; a refusal comes back as its message."""
    before = contacts_snapshot(session)
    try:
        job_id = jobs.start_job(session, admin, stored_path=upload(path), file_name=path.name, now=now)
        view = jobs.headers(session, admin, job_id)
        mapping = {c.index: c.field for c in view.columns if c.field}
        summary = jobs.review(session, admin, job_id, sheet=view.sheet, mapping=mapping, policy=policy, now=now)
        session.commit()
    except (FileRefused, ValidationError) as err:
        assert str(err).strip()
        assert contacts_snapshot(session) == before  # nothing written, not even uncommitted
        session.rollback()
        return None, None
    assert contacts_snapshot(session) == before
    return job_id, summary


def assert_every_problem_explained(session, admin, job_id, summary):
    assert summary.total == summary.valid + summary.invalid + summary.duplicate
    assert summary.valid == summary.to_create + summary.to_update
    for kind, expected in (("invalid", summary.invalid), ("duplicate", summary.duplicate),
                           ("warning", summary.warnings)):
        found, count = jobs.issues(session, admin, job_id, kind=kind, limit=500)
        assert count == expected, kind
        for issue in found:
            assert issue.summary.strip() and issue.problems, (kind, issue)
            assert all(reason.strip() for _column, _value, reason in issue.problems), (kind, issue)


@FEW
@given(sheet=sheets(), extra_header=st.sampled_from(("", "Notes", None, 42, "Name")))
def test_the_review_of_a_random_xlsx_answers_and_writes_no_contact(session, admin, now, known, tmp_path,
                                                                   sheet, extra_header):
    columns, rows, policy = sheet
    wb = Workbook()
    ws = wb.active
    ws.append([c.header for c in columns] + [extra_header])
    for cells in rows:
        ws.append([xlsx_text(v) for v in cells])
    path = tmp_path / f"fuzz-{next(_files)}.xlsx"
    wb.save(path)
    job_id, summary = review_file(session, admin, now, path, policy)
    if job_id is not None:
        assert_every_problem_explained(session, admin, job_id, summary)


@FEW
@given(sheet=sheets())
def test_the_review_of_a_random_csv_answers_and_writes_no_contact(session, admin, now, known, tmp_path, sheet):
    columns, rows, policy = sheet
    as_text = [[("" if v is None else str(v).replace("\x00", "")) for v in cells] for cells in rows]
    path = csv_file(tmp_path / f"fuzz-{next(_files)}.csv", as_text, [c.header for c in columns])
    job_id, summary = review_file(session, admin, now, path, policy)
    if job_id is not None:
        assert_every_problem_explained(session, admin, job_id, summary)


def _good_xlsx(path):
    wb = Workbook()
    wb.active.append([c.header for c in COLUMNS])
    wb.active.append([{"name": "Asha", "contact_type": "Customer"}.get(c.key, "") for c in COLUMNS])
    wb.save(path)
    return path.read_bytes()


@FEW
@given(cut=st.integers(0, 10_000), flips=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)),
                                                   max_size=6))
def test_a_damaged_xlsx_is_refused_with_a_message(session, admin, now, known, tmp_path, cut, flips):
    data = bytearray(_good_xlsx(tmp_path / "good.xlsx"))
    for where, byte in flips:
        data[where % len(data)] = byte
    if cut:
        data = data[:cut % len(data) or 1]
    path = tmp_path / f"damaged-{next(_files)}.xlsx"
    path.write_bytes(bytes(data))
    job_id, summary = review_file(session, admin, now, path, "skip")
    if job_id is not None:
        assert_every_problem_explained(session, admin, job_id, summary)

