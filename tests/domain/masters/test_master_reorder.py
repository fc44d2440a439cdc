from hoffice_app.domain.masters import entries as masters


def _names(session, actor, kind, parent_id=None):
    return [o.label for o in masters.options(session, actor, kind, parent_id)]


def _id(session, admin, kind, name):
    return next(e.id for e in masters.list_entries(session, admin, kind) if e.name == name)


def test_move_up_and_down(session, admin):
    masters.move_entry(session, admin, _id(session, admin, "lead_priority", "High"), -1)
    assert _names(session, admin, "lead_priority") == ["Low", "High", "Medium", "Urgent"]
    masters.move_entry(session, admin, _id(session, admin, "lead_priority", "Low"), +1)
    assert _names(session, admin, "lead_priority") == ["High", "Low", "Medium", "Urgent"]


def test_moving_past_either_end_changes_nothing(session, admin):
    masters.move_entry(session, admin, _id(session, admin, "lead_priority", "Low"), -1)
    masters.move_entry(session, admin, _id(session, admin, "lead_priority", "Urgent"), +1)
    assert _names(session, admin, "lead_priority") == ["Low", "Medium", "High", "Urgent"]


def test_children_move_within_their_parent(session, admin, executive):
    finance = _id(session, admin, "industry", "Finance")
    masters.move_entry(session, admin, _id(session, admin, "segment", "Mutual Funds"), -1)
    assert _names(session, executive, "segment", finance) == ["Banking", "Mutual Funds", "Insurance"]
    retail = _id(session, admin, "industry", "Retail")
    assert _names(session, executive, "segment", retail) == ["Grocery", "Fashion"]
