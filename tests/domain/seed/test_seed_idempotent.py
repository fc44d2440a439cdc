"""The seeds load exactly docs/demo-data.md, and running them twice changes nothing."""
from sqlmodel import select

from hoffice_app.domain.masters import settings
from hoffice_app.domain.seed import seed_demo, seed_masters
from hoffice_app.models import Employee, MasterEntry, Setting

# Transcribed from the spec (not from seed_data.py), so a drift in either shows up.
SPEC_LISTS = {
    "division": ["hoffice", "corpteaser"],
    "title": ["M/S", "Mr.", "Mrs.", "Miss", "Ms.", "Dr.", "Prof.", "CA.", "Ar.", "ID", "Er.", "Shri", "Smt."],
    "contact_type": ["Customer", "Vendor", "Both", "Other"],
    "price_list": ["Bulk Buyer Price", "Retail Price", "Dealer Price"],
    "address_type": ["Office Address", "Factory Address", "Godown Address"],
    "industry": ["Finance", "Manufacturing", "Retail", "IT Services", "Healthcare"],
    "contact_category": ["Insurance", "Mutual Funds", "Dealers", "Corporate", "Government"],
    "relation": ["Employer", "Employee", "Company", "Partner", "Director", "Owner", "Consultant"],
    "class": ["Gold", "Silver", "Bronze"],
    "product_category": ["CRM Software", "Hardware", "Services"],
    "lead_status": ["Prospect", "Lead", "Qualified Opportunity"],
    "lead_priority": ["Low", "Medium", "High", "Urgent"],
    "lead_type": ["End Customer", "Dealer"],
    "lead_title": ["New CRM Implementation", "CRM Upgrade", "Hardware Purchase", "Annual Maintenance Renewal",
                   "Training Request"],
    "campaign": ["Website", "Facebook Ads", "Google Ads", "Trade Show 2026", "Referral Program"],
    "lost_reason": ["Price too high", "Chose competitor", "No budget", "No response", "Not a fit"],
    "document_category": ["Quotations", "Purchase orders", "Brochures", "Contracts"],
    "knowledge_template": ["Software inquiry", "Hardware inquiry"],
}
SPEC_CHILDREN = {
    ("segment", "Finance"): ["Banking", "Insurance", "Mutual Funds"],
    ("segment", "Manufacturing"): ["Textiles", "Chemicals", "Engineering"],
    ("segment", "Retail"): ["Grocery", "Fashion"],
    ("segment", "IT Services"): ["Software", "Hardware"],
    ("segment", "Healthcare"): ["Hospitals", "Pharma"],
    ("product", "CRM Software"): ["H-Office CRM Standard", "H-Office CRM Enterprise"],
    ("product", "Hardware"): ["Biometric Device", "Barcode Printer"],
    ("product", "Services"): ["Implementation", "Training", "Annual Maintenance"],
}
SPEC_EMPLOYEES = {  # code: (name, role, reports to)
    "E01": ("Asha Patel", "admin", None), "E02": ("Ravi Shah", "manager", None),
    "E03": ("Neha Joshi", "executive", "E02"), "E04": ("Karan Mehta", "executive", "E02"),
    "E05": ("Priya Desai", "executive", "E02"),
}


def _dump(session):
    entries = session.exec(select(MasterEntry).order_by(MasterEntry.id)).all()
    return [e.model_dump() for e in entries], [s.model_dump() for s in session.exec(select(Setting))]


def test_seed_masters_twice_leaves_the_same_rows(session):
    assert seed_masters(session) > 0
    session.commit()
    before = _dump(session)
    assert seed_masters(session) == 0
    session.commit()
    assert _dump(session) == before


def test_seed_loads_every_master_of_the_spec(session):
    seed_masters(session)
    rows = session.exec(select(MasterEntry).order_by(MasterEntry.position)).all()
    names = {r.id: r.name for r in rows}
    lists, children = {}, {}
    for r in rows:
        if r.parent_id:
            children.setdefault((r.kind, names[r.parent_id]), []).append(r.name)
        else:
            lists.setdefault(r.kind, []).append(r.name)
    assert lists == SPEC_LISTS
    assert children == SPEC_CHILDREN
    assert sorted((r.name, r.code) for r in rows if r.kind == "class") == [("Bronze", "B1"), ("Gold", "G1"),
                                                                          ("Silver", "S1")]
    assert all(r.body for r in rows if r.kind == "knowledge_template")
    assert names[int(settings.get(session, "default_title"))] == "Mr."
    assert names[int(settings.get(session, "default_address_type"))] == "Office Address"
    assert [settings.get(session, k) for k in ("default_country", "default_currency", "default_timezone")] == [
        "IN", "INR", "Asia/Kolkata"]


def test_seed_demo_on_empty_database_gives_the_five_employees(session, now):
    assert sorted(seed_demo(session, password="demo-pass-1", now=now)) == list(SPEC_EMPLOYEES)
    session.commit()
    staff = session.exec(select(Employee)).all()
    codes = {e.id: e.code for e in staff}
    assert {e.code: (e.name, e.role, codes.get(e.reports_to_id)) for e in staff} == SPEC_EMPLOYEES
    assert all(e.email.rsplit("@", 1)[1] in {"example.com", "example.in", "example.org"} for e in staff)
    assert seed_demo(session, password="demo-pass-1", now=now) == {}
    assert len(session.exec(select(Employee)).all()) == 5
