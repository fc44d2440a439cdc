"""The masters and demo employees of docs/demo-data.md, as data."""
from __future__ import annotations

SIMPLE_MASTERS: dict[str, list[str]] = {
    "division": ["hoffice", "corpteaser"],
    "title": ["M/S", "Mr.", "Mrs.", "Miss", "Ms.", "Dr.", "Prof.", "CA.", "Ar.", "ID", "Er.", "Shri", "Smt."],
    "contact_type": ["Customer", "Vendor", "Both", "Other"],
    "price_list": ["Bulk Buyer Price", "Retail Price", "Dealer Price"],
    "address_type": ["Office Address", "Factory Address", "Godown Address"],
    "contact_category": ["Insurance", "Mutual Funds", "Dealers", "Corporate", "Government"],
    "relation": ["Employer", "Employee", "Company", "Partner", "Director", "Owner", "Consultant"],
    "lead_status": ["Prospect", "Lead", "Qualified Opportunity"],
    "lead_priority": ["Low", "Medium", "High", "Urgent"],
    "lead_type": ["End Customer", "Dealer"],
    "lead_title": ["New CRM Implementation", "CRM Upgrade", "Hardware Purchase", "Annual Maintenance Renewal",
                   "Training Request"],
    "campaign": ["Website", "Facebook Ads", "Google Ads", "Trade Show 2026", "Referral Program"],
    "lost_reason": ["Price too high", "Chose competitor", "No budget", "No response", "Not a fit"],
    "document_category": ["Quotations", "Purchase orders", "Brochures", "Contracts"],
}

CLASSES: list[tuple[str, str]] = [("Gold", "G1"), ("Silver", "S1"), ("Bronze", "B1")]

# parent kind, child kind, {parent: [children]}
PARENT_CHILD: list[tuple[str, str, dict[str, list[str]]]] = [
    ("industry", "segment", {
        "Finance": ["Banking", "Insurance", "Mutual Funds"],
        "Manufacturing": ["Textiles", "Chemicals", "Engineering"],
        "Retail": ["Grocery", "Fashion"],
        "IT Services": ["Software", "Hardware"],
        "Healthcare": ["Hospitals", "Pharma"],
    }),
    ("product_category", "product", {
        "CRM Software": ["H-Office CRM Standard", "H-Office CRM Enterprise"],
        "Hardware": ["Biometric Device", "Barcode Printer"],
        "Services": ["Implementation", "Training", "Annual Maintenance"],
    }),
]

# The demo products' codes (typed on a lead's product picker, shown as "code · name · category").
PRODUCT_CODES: dict[str, str] = {
    "H-Office CRM Standard": "CRM-STD", "H-Office CRM Enterprise": "CRM-ENT",
    "Biometric Device": "HW-BIO", "Barcode Printer": "HW-BCP",
    "Implementation": "SV-IMP", "Training": "SV-TRN", "Annual Maintenance": "SV-AMC",
}

KNOWLEDGE_TEMPLATES: dict[str, str] = {
    "Software inquiry": (
        "Checklist for the sales executive:\n"
        "- How many users will log in, and in which departments?\n"
        "- Which system do they use today, and what must move across?\n"
        "- Cloud or on their own server?\n"
        "- Who decides, and by when do they want to go live?\n"
        "- Budget range and preferred billing (yearly / perpetual)."
    ),
    "Hardware inquiry": (
        "Checklist for the sales executive:\n"
        "- Which device and how many units?\n"
        "- Delivery address and installation site (office, factory, godown)?\n"
        "- Integration needed with existing software?\n"
        "- Warranty or annual maintenance expected?\n"
        "- Required delivery date and payment terms."
    ),
}

DEFAULT_TITLE = "Mr."
DEFAULT_ADDRESS_TYPE = "Office Address"

# code, name, role, reports-to code, e-mail
DEMO_EMPLOYEES: list[tuple[str, str, str, str | None, str]] = [
    ("E01", "Asha Patel", "admin", None, "asha.patel@example.com"),
    ("E02", "Ravi Shah", "manager", None, "ravi.shah@example.com"),
    ("E03", "Neha Joshi", "executive", "E02", "neha.joshi@example.com"),
    ("E04", "Karan Mehta", "executive", "E02", "karan.mehta@example.com"),
    ("E05", "Priya Desai", "executive", "E02", "priya.desai@example.com"),
]
