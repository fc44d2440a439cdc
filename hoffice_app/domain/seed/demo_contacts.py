"""About 300 believable demo contacts: companies, their people (associated as
employees, directors or owners), prospects and customers, a few private ones.
Deterministic (fixed random seed) so every demo database looks the same."""
from __future__ import annotations

import random
from datetime import date, datetime

from sqlmodel import Session, func, select

from hoffice_app.domain.auth import actor_of
from hoffice_app.domain.contacts import associate, parse_phone, save_contact
from hoffice_app.domain.org import find_by_code
from hoffice_app.models import Contact, MasterEntry

FIRST = ["Aarav", "Vivaan", "Aditya", "Vihaan", "Arjun", "Sai", "Reyansh", "Krishna", "Ishaan", "Rohan", "Ananya",
         "Diya", "Isha", "Kavya", "Meera", "Nisha", "Pooja", "Riya", "Sneha", "Tanvi", "Harsh", "Jay", "Kunal",
         "Manish", "Nikhil", "Pranav", "Rahul", "Sanjay", "Tushar", "Yash", "Bhavna", "Chetna", "Deepa", "Falguni"]
LAST = ["Patel", "Shah", "Mehta", "Desai", "Joshi", "Trivedi", "Pandya", "Bhatt", "Iyer", "Nair", "Reddy", "Rao",
        "Kulkarni", "Deshpande", "Sharma", "Verma", "Gupta", "Agarwal", "Chopra", "Malhotra", "Kapoor", "Sinha"]
COMPANY_A = ["Shreeji", "Narmada", "Sabarmati", "Ganga", "Everest", "Sunrise", "Lotus", "Orbit", "Pinnacle",
             "Vertex", "Kaveri", "Aravalli", "Saffron", "Indus", "Triveni", "Silverline", "Bluechip", "Evergreen",
             "Navkar", "Samarth"]
COMPANY_B = {"Manufacturing": ["Polymers", "Textiles", "Chemicals", "Engineering Works", "Castings"],
             "Finance": ["Finserv", "Capital", "Investments", "Insurance Brokers"],
             "Retail": ["Supermart", "Fashions", "Traders"], "IT Services": ["Infotech", "Software", "Systems"],
             "Healthcare": ["Hospitals", "Pharma", "Diagnostics"]}
SUFFIX = ["Pvt Ltd", "Ltd", "LLP", "& Co."]
CITIES = [("Ahmedabad", "GUJARAT", "380"), ("Surat", "GUJARAT", "395"), ("Vadodara", "GUJARAT", "390"),
          ("Mumbai", "MAHARASHTRA", "400"), ("Pune", "MAHARASHTRA", "411"), ("Bengaluru", "KARNATAKA", "560"),
          ("Chennai", "TAMIL NADU", "600"), ("Hyderabad", "TELANGANA", "500"), ("Jaipur", "RAJASTHAN", "302"),
          ("New Delhi", "DELHI", "110")]
STREETS = ["Ring Road", "MG Road", "Station Road", "CG Road", "SG Highway", "Link Road", "Nehru Nagar"]
DOMAINS = ["example.com", "example.in", "example.org"]
COMPANIES, PEOPLE_PER_COMPANY = 100, 2


def _ids(session: Session, kind: str) -> dict[str, str]:
    return {e.name: str(e.id) for e in session.exec(select(MasterEntry).where(MasterEntry.kind == kind))}


def _mobile(rng: random.Random, used: set[str]) -> str:
    while True:
        raw = f"{rng.choice('6789')}{rng.randrange(10**8, 10**9)}"
        number, problem = parse_phone(raw, "IN", mobile=True)
        if not problem and number not in used:
            used.add(number)
            return raw


def seed_demo_contacts(session: Session, *, now: datetime) -> int:
    """Adds the demo contacts once (skipped when any contact exists). Returns how many."""
    if session.exec(select(func.count()).select_from(Contact)).one():
        return 0
    rng = random.Random(2026)
    admin = actor_of(find_by_code(session, "E01"))
    kams = [str(find_by_code(session, c).id) for c in ("E03", "E04", "E05")]
    neha = str(find_by_code(session, "E03").id)
    titles, types, relations = _ids(session, "title"), _ids(session, "contact_type"), _ids(session, "relation")
    industries, categories = _ids(session, "industry"), list(_ids(session, "contact_category").values())
    segments = {e.name: (str(e.id), e.parent_id) for e in session.exec(select(MasterEntry)
                                                                        .where(MasterEntry.kind == "segment"))}
    divisions = list(_ids(session, "division").values())
    used: set[str] = set()
    count = 0
    for n in range(COMPANIES):
        industry = rng.choice(list(COMPANY_B))
        name = f"{rng.choice(COMPANY_A)} {rng.choice(COMPANY_B[industry])} {rng.choice(SUFFIX)}"
        slug = name.split()[0].lower() + str(n)
        city, state, pin = rng.choice(CITIES)
        segs = [sid for sid, parent in segments.values() if str(parent) == industries[industry]]
        company, _ = save_contact(session, admin, {
            "title_id": titles["M/S"], "name": name, "contact_type_id": types[rng.choice(["Customer", "Customer",
                                                                                          "Vendor", "Both"])],
            "is_customer": rng.random() < 0.35, "industry_id": industries[industry],
            "segment_id": rng.choice(segs) if segs else "", "category_ids": [rng.choice(categories)],
            "division_ids": [rng.choice(divisions)], "key_account_manager_id": rng.choice(kams),
            "emails": [f"info@{slug}.{rng.choice(DOMAINS)}"], "mobiles": [_mobile(rng, used)],
            "website": f"www.{slug}.example.com", "annual_revenue": str(rng.randrange(10, 500) * 100000),
            "addresses": [{"line1": f"{rng.randrange(1, 300)}, {rng.choice(STREETS)}", "city": city, "state": state,
                           "pin": f"{pin}{rng.randrange(0, 999):03d}"}],
        }, now=now, allow_duplicate=True)
        count += 1
        for p in range(PEOPLE_PER_COMPANY):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            private = n % 20 == 0 and p == 0
            person, _ = save_contact(session, admin, {
                "title_id": titles[rng.choice(["Mr.", "Ms.", "Mrs.", "Dr."])], "name": f"{first} {last}",
                "contact_type_id": types["Other"], "is_customer": False, "designation": rng.choice(
                    ["Director", "Purchase Manager", "Accounts Head", "IT Manager", "Owner"]),
                "emails": [f"{first}.{last}{n}{p}@{rng.choice(DOMAINS)}".lower()], "mobiles": [_mobile(rng, used)],
                "date_of_birth": date(rng.randrange(1960, 2000), rng.randrange(1, 13), rng.randrange(1, 28))
                .isoformat(), "key_account_manager_id": rng.choice(kams),
                "is_private": private, "privacy_employee_ids": [neha] if private else [],
                "aliases": [first] if rng.random() < 0.3 else [],
            }, now=now, allow_duplicate=True)
            relation = rng.choice(["Employee", "Director", "Owner"]) if p == 0 else "Employee"
            associate(session, admin, person.id, company.code, relations[relation], now=now)
            count += 1
    return count
