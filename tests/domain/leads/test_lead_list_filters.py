"""Each advanced filter of the lead list narrows the rows to the leads that match it."""
from datetime import datetime, timedelta, timezone

from tests.domain.leads.test_lead_list_helpers import (  # noqa: F401
    actor,
    demo,
    employee_id,
    engine,
    make_contact,
    master_id,
    new_lead,
    titles,
)


def ids(session, kind, name):
    return str(master_id(session, kind, name))


def test_status_filter(session, now, demo):  # noqa: F811
    new_lead(session, now, "prospect", status="Prospect")
    new_lead(session, now, "qualified", status="Qualified Opportunity")
    assert titles(session, "E01", now, status_id=ids(session, "lead_status", "Qualified Opportunity")) == {"qualified"}


def test_priority_filter(session, now, demo):  # noqa: F811
    new_lead(session, now, "low", priority="Low")
    new_lead(session, now, "urgent", priority="Urgent")
    assert titles(session, "E01", now, priority_id=ids(session, "lead_priority", "Urgent")) == {"urgent"}


def test_lead_type_filter(session, now, demo):  # noqa: F811
    new_lead(session, now, "dealer", lead_type="Dealer")
    new_lead(session, now, "end customer", lead_type="End Customer")
    assert titles(session, "E01", now, lead_type_id=ids(session, "lead_type", "Dealer")) == {"dealer"}


def test_product_category_filter(session, now, demo):  # noqa: F811
    new_lead(session, now, "software", category="CRM Software")
    new_lead(session, now, "devices", category="Hardware")
    assert titles(session, "E01", now, product_category_id=ids(session, "product_category", "Hardware")) == {"devices"}


def test_product_filter_matches_any_of_the_leads_products(session, now, demo):  # noqa: F811
    new_lead(session, now, "printer only", category="Hardware", products=("Barcode Printer",))
    new_lead(session, now, "both", category="Hardware", products=("Biometric Device", "Barcode Printer"))
    new_lead(session, now, "device only", category="Hardware", products=("Biometric Device",))
    printer = ids(session, "product", "Barcode Printer")
    assert titles(session, "E01", now, product_id=printer) == {"printer only", "both"}


def test_assignee_filter(session, now, demo):  # noqa: F811
    new_lead(session, now, "neha's", assigned_to="E03")
    new_lead(session, now, "karan's", assigned_to="E04")
    new_lead(session, now, "nobody's")
    assert titles(session, "E01", now, assigned_to_id=str(employee_id(session, "E04"))) == {"karan's"}


def test_created_by_filter(session, now, demo):  # noqa: F811
    new_lead(session, now, "by ravi", created_by="E02")
    new_lead(session, now, "by asha", created_by="E01")
    assert titles(session, "E01", now, created_by_id=str(employee_id(session, "E02"))) == {"by ravi"}


def test_source_kind_filter(session, now, demo):  # noqa: F811
    new_lead(session, now, "from campaign", source=("campaign", ids(session, "campaign", "Website")))
    new_lead(session, now, "from employee", source=("employee", str(employee_id(session, "E05"))))
    new_lead(session, now, "no source")
    assert titles(session, "E01", now, source_kind="employee") == {"from employee"}


def test_source_ref_filters_by_the_campaign(session, now, demo):  # noqa: F811
    new_lead(session, now, "website", source=("campaign", ids(session, "campaign", "Website")))
    new_lead(session, now, "google", source=("campaign", ids(session, "campaign", "Google Ads")))
    assert titles(session, "E01", now, source_kind="campaign",
                  source_ref=ids(session, "campaign", "Google Ads")) == {"google"}


def test_source_ref_filters_by_the_employee(session, now, demo):  # noqa: F811
    new_lead(session, now, "from priya", source=("employee", str(employee_id(session, "E05"))))
    new_lead(session, now, "from karan", source=("employee", str(employee_id(session, "E04"))))
    assert titles(session, "E01", now, source_kind="employee",
                  source_ref=str(employee_id(session, "E05"))) == {"from priya"}


def test_source_ref_filters_by_the_contact_code(session, now, demo):  # noqa: F811
    admin = actor(session, "E01")
    referrer, other = make_contact(session, admin, now, "Referrer Ltd"), make_contact(session, admin, now, "Other Ltd")
    new_lead(session, now, "referred", source=("contact", referrer.code))
    new_lead(session, now, "referred by other", source=("contact", other.code))
    assert titles(session, "E01", now, source_kind="contact", source_ref=referrer.code.lower()) == {"referred"}
    assert titles(session, "E01", now, source_ref=referrer.code) == {"referred"}  # without the kind too
    assert titles(session, "E01", now, source_kind="contact", source_ref="C999999") == set()


def test_source_ref_filters_friend_and_family_by_contact_code(session, now, demo):  # noqa: F811
    admin = actor(session, "E01")
    friend = make_contact(session, admin, now, "Uncle Ramesh",
                          contact_type_id=str(master_id(session, "contact_type", "Other")))
    new_lead(session, now, "via uncle", source=("friend", friend.code))
    new_lead(session, now, "via website", source=("campaign", ids(session, "campaign", "Website")))
    assert titles(session, "E01", now, source_kind="friend", source_ref=friend.code) == {"via uncle"}


def test_value_range_is_inclusive_and_accepts_commas(session, now, demo):  # noqa: F811
    for value in ("99999", "100000", "250000", "500000", "500001"):
        new_lead(session, now, value, value=value)
    new_lead(session, now, "no value")
    assert titles(session, "E01", now, value_min="1,00,000", value_max="500000") == {"100000", "250000", "500000"}
    assert titles(session, "E01", now, value_min="500000") == {"500000", "500001"}
    assert titles(session, "E01", now, value_max="99999.99") == {"99999"}


def test_created_dates_are_company_local_days_inclusive(session, now, demo):  # noqa: F811
    # Company zone Asia/Kolkata (UTC+5:30): 1 Mar 19:00 UTC is already 2 Mar 00:30 there.
    utc = timezone.utc
    new_lead(session, now, "1 Mar late", created_at=datetime(2026, 3, 1, 18, 0, tzinfo=utc))  # 23:30 IST, 1 Mar
    new_lead(session, now, "2 Mar early", created_at=datetime(2026, 3, 1, 19, 0, tzinfo=utc))  # 00:30 IST, 2 Mar
    new_lead(session, now, "3 Mar", created_at=datetime(2026, 3, 2, 20, 0, tzinfo=utc))  # 01:30 IST, 3 Mar
    assert titles(session, "E01", now, view="all", created_from="2026-03-02",
                  created_to="2026-03-02") == {"2 Mar early"}
    assert titles(session, "E01", now, view="all", created_to="2026-03-01") == {"1 Mar late"}
    assert titles(session, "E01", now, view="all", created_from="2026-03-02") == {"2 Mar early", "3 Mar"}


def test_assigned_dates_filter(session, now, demo):  # noqa: F811
    new_lead(session, now, "assigned in feb", assigned_to="E03", assigned_at="2026-02-10T11:00")
    new_lead(session, now, "assigned in march", assigned_to="E03", assigned_at="2026-03-01T09:00")
    new_lead(session, now, "not assigned")
    assert titles(session, "E01", now, assigned_from="2026-02-01", assigned_to="2026-02-28") == {"assigned in feb"}
    assert titles(session, "E01", now, assigned_from="2026-03-01") == {"assigned in march"}


def test_follow_up_dates_filter(session, now, demo):  # noqa: F811
    new_lead(session, now, "today", next_followup=now + timedelta(hours=1))
    new_lead(session, now, "in a week", next_followup=now + timedelta(days=7))
    new_lead(session, now, "none planned")
    assert titles(session, "E01", now, followup_from="2026-03-02", followup_to="2026-03-02") == {"today"}
    assert titles(session, "E01", now, followup_from="2026-03-03") == {"in a week"}
    assert titles(session, "E01", now, followup_to="2026-03-31") == {"today", "in a week"}


def test_empty_and_any_values_do_not_filter(session, now, demo):  # noqa: F811
    new_lead(session, now, "one", status="Prospect")
    new_lead(session, now, "two")
    assert titles(session, "E01", now, status_id="", priority_id="all", source_kind="") == {"one", "two"}
