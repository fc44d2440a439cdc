"""Filters, the quick view and the text search combine: a lead must match all of them."""
from datetime import timedelta

from tests.domain.leads.test_lead_list_helpers import demo, employee_id, engine, master_id, new_lead, page, titles  # noqa: F401


def test_status_assignee_and_value_together(session, now, demo):  # noqa: F811
    new_lead(session, now, "match", assigned_to="E03", status="Lead", value="300000")
    new_lead(session, now, "wrong status", assigned_to="E03", status="Prospect", value="300000")
    new_lead(session, now, "wrong assignee", assigned_to="E04", status="Lead", value="300000")
    new_lead(session, now, "too small", assigned_to="E03", status="Lead", value="1000")
    found = titles(session, "E01", now, status_id=str(master_id(session, "lead_status", "Lead")),
                   assigned_to_id=str(employee_id(session, "E03")), value_min="100000")
    assert found == {"match"}


def test_quick_view_text_and_product_together(session, now, demo):  # noqa: F811
    printer = ("Barcode Printer",)
    new_lead(session, now, "Printer rollout Surat", assigned_to="E03", category="Hardware", products=printer)
    new_lead(session, now, "Printer rollout Pune", assigned_to="E03", category="Hardware", products=printer)
    new_lead(session, now, "Printer rollout Surat closed", assigned_to="E03", category="Hardware", products=printer,
             is_open=False)
    new_lead(session, now, "Device rollout Surat", assigned_to="E03", category="Hardware",
             products=("Biometric Device",))
    new_lead(session, now, "Printer rollout Surat for Karan", assigned_to="E04", category="Hardware", products=printer)
    found = titles(session, "E03", now, view="mine", text="rollout surat",
                   product_id=str(master_id(session, "product", "Barcode Printer")))
    assert found == {"Printer rollout Surat"}


def test_overdue_view_with_priority_and_follow_up_range(session, now, demo):  # noqa: F811
    new_lead(session, now, "urgent yesterday", priority="Urgent", next_followup=now - timedelta(days=1))
    new_lead(session, now, "urgent last month", priority="Urgent", next_followup=now - timedelta(days=30))
    new_lead(session, now, "low yesterday", priority="Low", next_followup=now - timedelta(days=1))
    new_lead(session, now, "urgent tomorrow", priority="Urgent", next_followup=now + timedelta(days=1))
    found = titles(session, "E01", now, view="overdue", priority_id=str(master_id(session, "lead_priority", "Urgent")),
                   followup_from="2026-02-20")
    assert found == {"urgent yesterday"}


def test_combination_counts_and_sums_only_matching_leads(session, now, demo):  # noqa: F811
    for n in range(3):
        new_lead(session, now, f"hot {n}", priority="High", value="100000", source=("employee", "1"))
    new_lead(session, now, "cold", priority="Low", value="900000", source=("employee", "1"))
    result = page(session, "E01", now, priority_id=str(master_id(session, "lead_priority", "High")),
                  source_kind="employee")
    assert (result.total, result.total_value) == (3, "₹3,00,000")


def test_filters_with_no_match_give_an_empty_page(session, now, demo):  # noqa: F811
    new_lead(session, now, "only", status="Prospect", priority="Low")
    result = page(session, "E01", now, status_id=str(master_id(session, "lead_status", "Prospect")),
                  priority_id=str(master_id(session, "lead_priority", "High")))
    assert (result.rows, result.total, result.page, result.pages, result.total_value) == ([], 0, 1, 1, "₹0")
