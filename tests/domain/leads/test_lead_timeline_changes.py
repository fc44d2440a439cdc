"""A save writes one line per changed field, saying what it was and what it is now."""
from sqlmodel import select

from hoffice_app.domain.leads import save as leads
from hoffice_app.models import Contact, LeadEvent
from tests.contact_factory import employee_id, make_contact, master_id
from tests.lead_factory import demo, engine, lead_data, make_lead  # noqa: F401


def _updates(session, lead) -> list[str]:
    return [e.text for e in session.exec(select(LeadEvent).where(LeadEvent.lead_id == lead.id,
                                                                  LeadEvent.kind == "updated").order_by(LeadEvent.id))]


def _resave(session, who, now, lead, **changes):
    code = session.get(Contact, lead.contact_id).code
    data = lead_data(code, title=lead.title, priority_id=lead.priority_id or "", lead_type_id=lead.lead_type_id or "",
                     estimated_value=str(lead.estimated_value or ""), description=lead.description)
    data.update(changes)
    return leads.save_lead(session, who, data, now=now, lead_id=lead.id)


def test_each_changed_field_reads_old_and_new(session, executive, now):
    hardware = master_id(session, "product_category", "Hardware")
    lead = make_lead(session, executive, now, title="Printers", priority_id=master_id(session, "lead_priority", "Low"),
                     estimated_value="50000", product_category_id=hardware,
                     product_ids=[master_id(session, "product", "Biometric Device")])
    _resave(session, executive, now, lead, title="Printers and scanners",
            priority_id=master_id(session, "lead_priority", "High"),
            lead_type_id=master_id(session, "lead_type", "Dealer"), estimated_value="2,50,000",
            description="Wants a demo first.", product_category_id=hardware, product_ids=[],
            source_kind="campaign", source_ref=str(master_id(session, "campaign", "Website")))
    assert _updates(session, lead) == [
        "Title: “Printers” → “Printers and scanners”",
        "Products: Biometric Device → none",
        "Priority: Low → High",
        "Lead type: none → Dealer",
        "Estimated value: ₹50,000 → ₹2,50,000",
        "Source: none → Campaign / activity (Website)",
        "Description changed",
    ]


def test_an_unchanged_save_writes_no_line_and_a_new_contact_is_not_named(session, executive, now):
    lead = make_lead(session, executive, now, estimated_value="1000")
    _resave(session, executive, now, lead)
    assert _updates(session, lead) == []
    other = make_contact(session, executive, now, "Osiris Labs")
    _resave(session, executive, now, lead, contact_code=other.code,
            source_kind="employee", source_ref=str(employee_id(session, "E03")))
    lines = _updates(session, lead)
    assert lines == ["Contact changed", "Source: none → Employee (Neha Joshi)"]
    assert not any("Osiris" in line or "Horus" in line for line in lines)
