"""What one row of the lead list shows: names instead of ids, the value with
thousands separators, the next follow-up in the company's time zone with its
state, and the creation date."""
from datetime import datetime, timedelta, timezone

from hoffice_app.domain.masters import settings as app_settings
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine, make_contact, new_lead, page  # noqa: F401


def only_row(session, now, who="E01", **query):
    rows = page(session, who, now, view="all", **query).rows
    assert len(rows) == 1
    return rows[0]


def test_row_shows_names_value_and_dates(session, now, demo):  # noqa: F811
    contact = make_contact(session, actor(session, "E01"), now, "Bharat Polymers")
    lead = new_lead(session, now, "Barcode printers", contact=contact, assigned_to="E03", status="Lead",
                    priority="Urgent", value="250000", next_followup=datetime(2026, 3, 2, 11, 0, tzinfo=timezone.utc),
                    created_at=datetime(2026, 2, 26, 20, 0, tzinfo=timezone.utc))
    row = only_row(session, now)
    assert (row.id, row.code, row.title) == (lead.id, lead.code, "Barcode printers")
    assert (row.contact_name, row.contact_code) == ("Bharat Polymers", contact.code)
    assert (row.assignee, row.status, row.priority, row.value) == ("Neha Joshi", "Lead", "Urgent", "₹2,50,000")
    assert row.next_followup == "02 Mar, 16:30"  # 11:00 UTC in Asia/Kolkata
    assert row.created == "27 Feb 2026"  # 20:00 UTC on 26 Feb is 27 Feb in India


def test_unassigned_lead_without_value_or_follow_up_shows_blanks(session, now, demo):  # noqa: F811
    new_lead(session, now, "bare")
    row = only_row(session, now)
    assert (row.assignee, row.status, row.priority, row.value, row.next_followup, row.followup_state) == \
        ("", "", "", "", "", "")


def test_follow_up_state_overdue_today_or_planned(session, now, demo):  # noqa: F811
    # now = 2 Mar 15:00 in India; the company's day ends at 18:30 UTC.
    new_lead(session, now, "overdue", next_followup=now - timedelta(minutes=5))
    new_lead(session, now, "today", next_followup=datetime(2026, 3, 2, 18, 29, tzinfo=timezone.utc))
    new_lead(session, now, "planned", next_followup=datetime(2026, 3, 2, 18, 31, tzinfo=timezone.utc))
    states = {r.title: r.followup_state for r in page(session, "E01", now).rows}
    assert states == {"overdue": "overdue", "today": "today", "planned": "planned"}


def test_times_follow_the_company_time_zone_setting(session, now, demo):  # noqa: F811
    app_settings.put(session, "default_timezone", "Europe/London")
    new_lead(session, now, "london", next_followup=datetime(2026, 3, 2, 11, 0, tzinfo=timezone.utc))
    assert only_row(session, now).next_followup == "02 Mar, 11:00"


def test_closed_lead_is_not_flagged_overdue(session, now, demo):  # noqa: F811
    new_lead(session, now, "closed", is_open=False, next_followup=now - timedelta(days=2))
    row = only_row(session, now)
    assert (row.followup_state, row.next_followup) == ("", "28 Feb, 15:00")
