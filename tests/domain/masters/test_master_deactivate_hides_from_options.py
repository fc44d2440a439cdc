from hoffice_app.domain.masters import entries as masters


def test_deactivated_entry_leaves_dropdowns_but_stays_listed(session, admin, executive, now):
    urgent = next(e for e in masters.list_entries(session, admin, "lead_priority") if e.name == "Urgent")
    masters.set_active(session, admin, urgent.id, False, now=now)

    assert [o.label for o in masters.options(session, executive, "lead_priority")] == ["Low", "Medium", "High"]
    listed = {e.name: e.active for e in masters.list_entries(session, admin, "lead_priority")}
    assert listed == {"Low": True, "Medium": True, "High": True, "Urgent": False}

    masters.set_active(session, admin, urgent.id, True, now=now)
    assert "Urgent" in [o.label for o in masters.options(session, executive, "lead_priority")]
