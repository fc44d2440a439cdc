"""Realistic Indian contacts in bulk, for benchmarks (reusable by later ones).

    insert_contacts(engine, n, seed=7) -> seconds

Writes straight to the tables as dict lists in batches, in one transaction
(_engines.bulk_insert: COPY on PostgreSQL, executemany on SQLite), bypassing
save_contact's per-row checks, but keeps every invariant the app keeps: codes
C000001… with the code_counter row moved on, name_key = name.casefold(), search_text from the app's own
build_search_text, email_key lower-case, one primary e-mail and mobile, one
default address, privacy rows for private contacts. Masters and employees come
from the seeded database (run the migrations and seed_demo first).
"""
from __future__ import annotations

import random
import time
from datetime import datetime, timedelta, timezone

import phonenumbers
from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Engine

from benchmarks._engines import bulk_insert
from hoffice_app.domain.contacts import build_search_text
from hoffice_app.models import (
    CodeCounter,
    Contact,
    ContactAddress,
    ContactAlias,
    ContactCategory,
    ContactDivision,
    ContactEmail,
    ContactPhone,
    ContactPrivacy,
    Employee,
    MasterEntry,
)

BATCH = 5000
MALE = ("Rajesh Amit Suresh Ramesh Mahesh Dinesh Vijay Sanjay Anil Sunil Rakesh Mukesh Nitin Hitesh Jignesh Kalpesh "
        "Bhavesh Chirag Nikhil Rohit Rahul Arjun Vikram Aditya Karan Harsh Parth Yash Deepak Manoj Prakash Ashok "
        "Girish Kiran Venkatesh Srinivas Ravi Ganesh Murali Arun Gopal Sandeep Pradeep Tushar Ajay Abhishek Vivek "
        "Siddharth Pranav Imran Farhan Gurpreet Harpreet Joseph Thomas").split()
FEMALE = ("Priya Neha Pooja Anjali Kavita Sunita Rekha Meena Asha Nisha Komal Hetal Dipti Falguni Jyoti Shweta "
          "Sneha Divya Radhika Lakshmi Deepa Geeta Anita Swati Payal Riya Isha Ananya Aishwarya Bhavna Kruti "
          "Nandini Shalini Revathi Meera Farah Simran Mary").split()
SURNAMES = ("Patel Shah Mehta Desai Joshi Trivedi Pandya Parikh Modi Gandhi Sheth Bhatt Vyas Dave Thakkar Soni "
            "Chauhan Rathod Parmar Solanki Jadeja Sharma Verma Gupta Agarwal Jain Singh Kumar Yadav Mishra Tiwari "
            "Pandey Iyer Iyengar Nair Menon Pillai Reddy Rao Naidu Kulkarni Deshpande Patil Pawar Jadhav Shinde "
            "Deshmukh Chopra Kapoor Malhotra Khanna Bose Banerjee Chatterjee Mukherjee Das Ghosh Sen Khan Sheikh "
            "Fernandes D'Souza Gill Sandhu").split()
FIRMS = ("Shree Shri Sai Jay Om Maa Krishna Ganesh Laxmi Balaji Siddhi Vinayak Ambika Navkar Mahavir Parshwa "
         "Bharat Hindustan National Royal Supreme Apex Pioneer Sunrise Galaxy Tirupati Radhe Sahyadri Ganga "
         "Narmada Kaveri Deccan Vedant Aarav Trimurti Umiya Khodiyar Saraswati Annapurna Kamdhenu Sahjanand "
         "Swastik Shubh Labh Prime Global Metro Star Unique Excel Precision Classic").split()
TRADES = ("Textiles|Chemicals|Engineering Works|Traders|Enterprises|Industries|Polymers|Pharma|Steel|Electricals|"
          "Infotech|Software Solutions|Agencies|Distributors|Exports|Foods|Auto Parts|Plastics|Hardware|Logistics|"
          "Constructions|Fabrics|Ceramics|Agro Products|Packaging|Healthcare|Motors|Marketing|Systems|Technologies|"
          "Jewellers|Dyes & Intermediates|Machine Tools|Finance|Insurance Brokers|Hospital|Diagnostics|Garments|"
          "Retail|Super Market").split("|")
FORMS = ["", "", " Pvt. Ltd.", " Pvt. Ltd.", " LLP", " Ltd.", " & Co.", " & Sons"]
DESIGNATIONS = ["Proprietor", "Director", "Partner", "Purchase Manager", "Accounts Head", "IT Manager", "CEO",
                "Owner", "Sales Manager", "Administrator", ""]
# city, state (upper-case as the app stores it), first 3 PIN digits; earlier cities get more contacts
CITIES = [(c, s, p) for s, cities in {
    "GUJARAT": [("Ahmedabad", "380"), ("Surat", "395"), ("Vadodara", "390"), ("Rajkot", "360"),
                ("Gandhinagar", "382"), ("Bhavnagar", "364"), ("Jamnagar", "361"), ("Anand", "388")],
    "MAHARASHTRA": [("Mumbai", "400"), ("Pune", "411"), ("Nagpur", "440"), ("Nashik", "422"), ("Thane", "400"),
                    ("Aurangabad", "431"), ("Kolhapur", "416")],
    "DELHI": [("New Delhi", "110"), ("Delhi", "110")],
    "KARNATAKA": [("Bengaluru", "560"), ("Mysuru", "570"), ("Mangaluru", "575"), ("Hubballi", "580")],
    "TAMIL NADU": [("Chennai", "600"), ("Coimbatore", "641"), ("Madurai", "625"), ("Tiruchirappalli", "620"),
                   ("Salem", "636")],
    "TELANGANA": [("Hyderabad", "500"), ("Warangal", "506")],
    "WEST BENGAL": [("Kolkata", "700"), ("Siliguri", "734")],
    "RAJASTHAN": [("Jaipur", "302"), ("Udaipur", "313"), ("Jodhpur", "342")],
    "UTTAR PRADESH": [("Lucknow", "226"), ("Kanpur", "208"), ("Noida", "201"), ("Varanasi", "221")],
    "MADHYA PRADESH": [("Indore", "452"), ("Bhopal", "462")],
    "KERALA": [("Kochi", "682"), ("Thiruvananthapuram", "695")],
    "PUNJAB": [("Ludhiana", "141"), ("Amritsar", "143")],
    "HARYANA": [("Gurugram", "122"), ("Faridabad", "121")],
    "CHANDIGARH": [("Chandigarh", "160")], "BIHAR": [("Patna", "800")], "ODISHA": [("Bhubaneswar", "751")],
    "ASSAM": [("Guwahati", "781")], "ANDHRA PRADESH": [("Visakhapatnam", "530"), ("Vijayawada", "520")],
    "UTTARAKHAND": [("Dehradun", "248")], "CHHATTISGARH": [("Raipur", "492")], "JHARKHAND": [("Ranchi", "834")],
    "GOA": [("Panaji", "403")], "HIMACHAL PRADESH": [("Shimla", "171")],
}.items() for c, p in cities]
CITY_WEIGHTS = [1 / (i + 1) ** 0.8 for i in range(len(CITIES))]
AREAS = ["Navrangpura", "Satellite", "MG Road", "Station Road", "Ring Road", "Industrial Estate", "GIDC",
         "Market Yard", "Civil Lines", "Sector 18", "Andheri East", "Whitefield", "Anna Nagar", "Salt Lake"]
DOMAINS = ["example.com", "example.in", "example.org"]


def _mobile_prefixes() -> list[str]:
    """Five-digit starts (60000–99999) that libphonenumber accepts as Indian
    mobiles whatever follows (checked with three endings; ~3 s, once)."""
    ok = []
    for p in range(60000, 100000):
        for end in ("00000", "54321", "99999"):
            number = phonenumbers.parse(f"+91{p}{end}")
            if not phonenumbers.is_valid_number(number) or phonenumbers.number_type(number) not in (
                    phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE):
                break
        else:
            ok.append(str(p))
    return ok


def _masters(conn) -> dict[str, list[tuple[int, str, int | None]]]:
    by: dict[str, list] = {}
    for id_, kind, name, parent in conn.execute(select(MasterEntry.id, MasterEntry.kind, MasterEntry.name,
                                                       MasterEntry.parent_id).order_by(MasterEntry.position)):
        by.setdefault(kind, []).append((id_, name, parent))
    return by


class _Maker:
    def __init__(self, conn, seed: int):
        self.r = random.Random(seed)
        m = _masters(conn)
        self.m = m
        self.titles = {name: id_ for id_, name, _ in m["title"]}
        self.types = [id_ for id_, _, _ in m["contact_type"]]  # Customer, Vendor, Both, Other
        self.industries = m["industry"]
        self.segments = m["segment"]
        self.categories = [id_ for id_, _, _ in m["contact_category"]]
        self.divisions = [id_ for id_, _, _ in m["division"]]
        self.address_types = [id_ for id_, _, _ in m["address_type"]]
        emps = {code: id_ for id_, code in conn.execute(select(Employee.id, Employee.code))}
        self.admin = emps["E01"]
        self.kams = [emps[c] for c in ("E02", "E03", "E04", "E05") if c in emps] or [self.admin]
        self.executives = [emps[c] for c in ("E03", "E04", "E05") if c in emps] or [self.admin]
        prefixes = _mobile_prefixes()
        self.mobile_prefixes = {d: [p for p in prefixes if p[0] == d] for d in "6789"}
        self.now = datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc)

    def _mobile(self) -> str:
        start = self.r.choices("9876", weights=[45, 25, 20, 10])[0]
        return f"+91{self.r.choice(self.mobile_prefixes[start])}{self.r.randrange(10 ** 5):05d}"

    def _name(self, seq: int) -> tuple[str, str, list[str], list[str], str]:
        """(name, title, aliases, e-mail locals, designation)."""
        r = self.r
        if r.random() < 0.6:
            words = [r.choice(FIRMS)] + ([r.choice(SURNAMES if r.random() < .5 else FIRMS)] if r.random() < .6 else [])
            trade = r.choice(TRADES)
            name = " ".join(words) + f" {trade}{r.choice(FORMS)}"
            aliases = []
            if r.random() < 0.25:
                aliases.append("".join(w[0] for w in (words + trade.split()) if w[0].isalpha()).upper())
                if r.random() < 0.4:
                    aliases.append(f"{words[-1]} {trade.split()[0]}")
            slug = "".join(ch for ch in (words[0] + trade.split()[0]).lower() if ch.isalpha())
            locals_ = [f"{r.choice(['info', 'sales', 'accounts', 'purchase'])}.{slug}{seq}"]
            return name, "M/S", aliases, locals_, ""
        female = r.random() < 0.35
        first, last = r.choice(FEMALE if female else MALE), r.choice(SURNAMES)
        name = f"{first} {last}"
        title = r.choice(["Mrs.", "Ms.", "Miss", "Smt.", "Dr."] if female else ["Mr.", "Mr.", "Shri", "Dr.", "CA."])
        aliases = []
        if r.random() < 0.25:
            aliases.append(f"{first}{'ben' if female else 'bhai'} {last}")
            if r.random() < 0.4:
                aliases.append(f"{first[0]}. {last}")
        local = f"{first}.{last}{seq}".lower().replace("'", "")
        locals_ = [local.capitalize() if r.random() < 0.1 else local]
        return name, title, aliases, locals_, r.choice(DESIGNATIONS)

    def contact(self, id_: int, seq: int) -> dict[str, list[dict]]:
        """One contact and its child rows, keyed by table name."""
        r = self.r
        name, title, aliases, locals_, designation = self._name(seq)
        code = f"C{seq:06d}"
        created = self.now - timedelta(seconds=r.randrange(3 * 365 * 86400))
        industry = r.choice(self.industries) if r.random() < 0.7 else None
        segs = [s for s in self.segments if industry and s[2] == industry[0]]
        private = r.random() < 0.05
        kam = r.choice(self.kams) if r.random() < 0.8 else None
        emails = [f"{loc}@{r.choice(DOMAINS)}" for loc in locals_] if r.random() < 0.95 else []
        if emails and r.random() < 0.1:
            emails.append(f"{'accounts' if title == 'M/S' else 'office'}.{seq}@{r.choice(DOMAINS)}")
        phones = [("mobile", self._mobile())] if r.random() < 0.92 else []
        if r.random() < 0.15:
            phones.append(("mobile", self._mobile()))
        if r.random() < 0.3:
            phones.append(("office", f"+91{r.choice(['79', '22', '11', '80', '44', '40', '33', '261'])}"
                                     f"{r.randrange(2 * 10 ** 7, 3 * 10 ** 7)}"[:13]))
        row = dict(id=id_, code=code, title_id=self.titles.get(title), name=name, name_key=name.casefold(),
                   contact_type_id=r.choices(self.types, weights=[60, 20, 10, 10][:len(self.types)])[0],
                   is_customer=r.random() < 0.35, designation=designation, country="IN",
                   industry_id=industry[0] if industry else None,
                   segment_id=r.choice(segs)[0] if segs and r.random() < 0.7 else None,
                   key_account_manager_id=kam, is_private=private, created_by_id=kam or self.admin,
                   created_at=created, updated_at=created, notification_channel="email", remarks="",
                   website=f"www.{locals_[0].split('.', 1)[1]}.example.in" if title == "M/S" else "",
                   search_text=build_search_text(code, name, aliases, emails, [n for _, n in phones]))
        out: dict[str, list[dict]] = {"contact": [row]}
        out["contact_email"] = [dict(contact_id=id_, email=e, email_key=e.lower(), is_primary=i == 0)
                                for i, e in enumerate(emails)]
        seen: set[str] = set()
        out["contact_phone"] = []
        for kind, number in phones:
            out["contact_phone"].append(dict(contact_id=id_, kind=kind, number=number, is_primary=kind not in seen))
            seen.add(kind)
        out["contact_address"] = []
        other_types = self.address_types[1:] or self.address_types
        for i in range(0 if r.random() < 0.05 else (2 if r.random() < 0.1 else 1)):
            city, state, pin = r.choices(CITIES, weights=CITY_WEIGHTS)[0]
            building = r.choice(["Complex", "Chambers", "Estate", "Nagar"])
            out["contact_address"].append(dict(
                contact_id=id_, address_type_id=self.address_types[0] if i == 0 else r.choice(other_types),
                line1=f"{r.randrange(1, 400)}, {r.choice(FIRMS)} {building}",
                line2="", area=r.choice(AREAS), district=city, city=city, state=state, country="IN",
                pin=f"{pin}{r.randrange(1000):03d}", is_default=i == 0))
        out["contact_alias"] = [dict(contact_id=id_, alias=a) for a in aliases]
        out["contact_category"] = [dict(contact_id=id_, category_id=c)
                                   for c in r.sample(self.categories, r.choice([0, 1, 1, 1, 2]))]
        out["contact_division"] = [dict(contact_id=id_, division_id=d)
                                   for d in r.sample(self.divisions, 1 if r.random() < 0.8 else len(self.divisions))]
        out["contact_privacy"] = [dict(contact_id=id_, employee_id=r.choice(self.executives))] if private else []
        return out


TABLES = {t.__tablename__: t.__table__ for t in (Contact, ContactEmail, ContactPhone, ContactAddress, ContactAlias,
                                                  ContactCategory, ContactDivision, ContactPrivacy)}


def insert_contacts(engine: Engine, n: int, *, seed: int = 7, progress=None) -> float:
    """Add ``n`` contacts after any already there (codes continue). Returns seconds."""
    start = time.perf_counter()
    with engine.begin() as conn:
        maker = _Maker(conn, seed)
        first_id = (conn.execute(select(func.max(Contact.id))).scalar() or 0) + 1
        counter = conn.execute(select(CodeCounter.last_value).where(CodeCounter.name == "contact")).scalar()
        first_seq = (counter or 0) + 1
        for lo in range(0, n, BATCH):
            batch: dict[str, list[dict]] = {name: [] for name in TABLES}
            for k in range(lo, min(n, lo + BATCH)):
                for name, rows in maker.contact(first_id + k, first_seq + k).items():
                    batch[name] += rows
            for name, rows in batch.items():  # parents first: TABLES lists contact first
                bulk_insert(conn, TABLES[name], rows)
            if progress:
                progress(min(n, lo + BATCH))
        if counter is None:
            conn.execute(insert(CodeCounter.__table__), [{"name": "contact", "last_value": first_seq + n - 1}])
        else:
            conn.execute(update(CodeCounter.__table__).where(CodeCounter.name == "contact")
                         .values(last_value=first_seq + n - 1))
    return time.perf_counter() - start
