"""Template-shaped contact sheets for the import benchmark, every column filled.

    write_import_file(path, n, *, existing=10_000, columns=None, seed=11) -> path

Written with openpyxl's write-only mode, as a user's Excel would hold them:
phone numbers, PIN codes and amounts as numbers (Excel floats), dates as
date cells. The first 10% of the rows carry the Contact Code of one of the
``existing`` contacts (C000001…, inserted by benchmarks/_contacts_data.py),
so the update path is measured too; every row names one of them in Relation
To (with ``existing=0`` Relation and Relation To stay blank). E-mails and
mobiles are unique within the file. ``columns`` limits the sheet to those
headers (the million-row file must stay under 50 MB).
``unknown_references``: every row's Reference names nobody (a different name
per row), so every row is imported with a warning.
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

from benchmarks._contacts_data import (
    AREAS,
    CITIES,
    DESIGNATIONS,
    FEMALE,
    FIRMS,
    MALE,
    SURNAMES,
    TRADES,
    _mobile_prefixes,
)
from hoffice_app.importer.read.columns import COLUMNS

TITLES = ["Mr.", "Mrs.", "Ms.", "Dr.", "M/S", "Shri", "Smt."]
TYPES = ["Customer", "Vendor", "Both", "Other"]
PRICE_LISTS = ["Bulk Buyer Price", "Retail Price", "Dealer Price"]
ADDRESS_TYPES = ["Office Address", "Factory Address", "Godown Address"]
INDUSTRIES = ["Finance", "Manufacturing", "Retail", "IT Services", "Healthcare"]
CATEGORIES = ["Insurance", "Mutual Funds", "Dealers", "Corporate", "Government"]
RELATIONS = ["Employee", "Director", "Partner", "Owner", "Consultant"]
CLASSES = [("Gold", "G1"), ("Silver", "S1"), ("Bronze", "B1")]
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class _Rows:
    def __init__(self, seed: int, existing: int, updates: int, unknown_references: bool = False):
        self.r = random.Random(seed)
        self.unknown_references = unknown_references
        self.existing, self.updates = existing, min(existing, updates)
        self.prefixes = _mobile_prefixes()
        self.today = date(2026, 11, 1)

    def _mobile(self, k: int) -> int:
        p = self.prefixes
        return int(f"{p[k % len(p)]}{(k // len(p)) % 100000:05d}")

    def _pan(self) -> str:
        r = self.r
        return "".join(r.choice(LETTERS) for _ in range(5)) + f"{r.randrange(10000):04d}" + r.choice(LETTERS)

    def row(self, i: int) -> dict:
        r = self.r
        company = r.random() < 0.6
        if company:
            name = f"{r.choice(FIRMS)} {r.choice(SURNAMES)} {r.choice(TRADES)}"
            title, alias = "M/S", name.split()[0]
        else:
            female = r.random() < 0.35
            first, last = r.choice(FEMALE if female else MALE), r.choice(SURNAMES)
            name, title, alias = f"{first} {last}", r.choice(TITLES), f"{first[0]}. {last}"
        city, state, pin3 = r.choice(CITIES)
        born = self.today - timedelta(days=r.randrange(20 * 365, 80 * 365))
        pan = self._pan()
        klass, class_code = r.choice(CLASSES)
        code = f"C{i + 1:06d}" if i < self.updates else ""
        relation_to = f"C{(i + 7) % self.existing + 1:06d}" if self.existing else ""
        slug = "".join(ch for ch in name.lower() if ch.isalpha())[:12]
        return {
            "contact_code": code, "division": r.choice(["hoffice", "hoffice, corpteaser"]), "title": title,
            "name": name, "aliases": f"{alias}, {name.split()[-1]} {i}", "contact_type": r.choice(TYPES),
            "price_list": r.choice(PRICE_LISTS), "email": f"{slug}.{i}@example.in",
            "mobile": self._mobile(2 * i), "mobile1": self._mobile(2 * i + 1),
            "office_phone": f"079{r.randrange(2 * 10 ** 7, 3 * 10 ** 7)}",
            "office_phone1": f"022{r.randrange(2 * 10 ** 7, 7 * 10 ** 7)}",
            "address_type": r.choice(ADDRESS_TYPES), "address1": f"{r.randrange(1, 400)}, {r.choice(FIRMS)} Complex",
            "address2": f"Near {r.choice(FIRMS)} Circle", "area": r.choice(AREAS), "district": city, "city": city,
            "state": state.title() if r.random() < 0.3 else state, "country": "India",
            "pin": int(f"{pin3}{r.randrange(1000):03d}"), "industry": r.choice(INDUSTRIES),
            "reference": f"Walk-in visitor {i}" if self.unknown_references
            else r.choice(["E03", "E04", "Website", "Trade Show 2026"]),
            "annual_revenue": r.choice([r.randrange(10 ** 5, 10 ** 9), f"{r.randrange(1, 99)},00,000"]),
            "privacy": r.choice(["E03", "E03, E04", "E04, E05"]),
            "category": ", ".join(r.sample(CATEGORIES, 2)), "designation": r.choice(DESIGNATIONS) or "Manager",
            "relation": r.choice(RELATIONS) if relation_to else "", "relation_to": relation_to,
            "other_number": f"0261{r.randrange(2 * 10 ** 6, 3 * 10 ** 6)}",
            "website": f"www.{slug}.example.in", "skype": f"{slug}.{i}", "pan": pan,
            "vat_number": f"VAT{r.randrange(10 ** 9)}", "cst_number": f"CST{r.randrange(10 ** 9)}",
            "st_number": f"ST{r.randrange(10 ** 9)}", "gstin": f"24{pan}1Z{r.choice(LETTERS)}",
            "aadhaar": f"{r.randrange(2, 10)}{r.randrange(10 ** 10):010d}"[:4] + " " + f"{r.randrange(10 ** 8):08d}",
            "tan_number": f"{''.join(r.choice(LETTERS) for _ in range(4))}{r.randrange(10 ** 5):05d}A",
            "date_of_birth": born,
            "anniversary": min(self.today, born + timedelta(days=r.randrange(20 * 365, 30 * 365))),
            "class_name": klass, "class_code": class_code, "gst_registration_type": r.randrange(1, 5),
            "gst_member_type": r.choice("DGS"), "gender": r.choice([1, 2]),
            "date_of_death": min(self.today, born + timedelta(days=r.randrange(60 * 365, 90 * 365))),
            "transporter_id": f"TR{r.randrange(10 ** 8)}", "business_contact_type": r.choice([1, 2]),
            "currency": r.choice(["INR", "inr", "USD"]), "facebook": f"https://facebook.com/{slug}{i}",
            "linkedin": f"https://linkedin.com/in/{slug}{i}", "instagram": f"@{slug}{i}",
            "youtube": f"https://youtube.com/@{slug}{i}", "twitter": f"@{slug}{i}",
            "remarks": r.choice(["Met at trade show", "Referred by a customer", "Old client, re-activated"]),
        }


def write_import_file(path: Path, n: int, *, existing: int = 10_000, columns: list[str] | None = None,
                      seed: int = 11, unknown_references: bool = False, extra=()) -> Path:
    """Write (unless already there) a sheet of ``n`` rows; returns the path. ``extra``: more
    columns after the template's, as (header, value of row i)."""
    path = Path(path)
    if path.exists():
        return path
    gen = _Rows(seed, existing, n // 10, unknown_references)
    keys = [c.key for c in COLUMNS if columns is None or c.header in columns]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Contacts")
    ws.append([c.header for c in COLUMNS if c.key in keys] + [header for header, _value in extra])
    for i in range(n):
        values = gen.row(i)
        ws.append([values[k] for k in keys] + [value(i) for _header, value in extra])
    tmp = path.with_suffix(".part.xlsx")
    wb.save(tmp)
    tmp.replace(path)
    return path
