import pytest

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.masters import entries as masters


def _entry(session, admin, kind, name):
    return next(e for e in masters.list_entries(session, admin, kind) if e.name == name)


def _refusal(session, admin, kind, name):
    entry = _entry(session, admin, kind, name)
    with pytest.raises(ValidationError) as err:
        masters.delete_entry(session, admin, entry.id)
    assert _entry(session, admin, kind, name)  # still there
    return err.value.errors["delete"]


def test_industry_with_segments(session, admin):
    message = _refusal(session, admin, "industry", "Finance")
    assert message.startswith("“Finance” is in use (3 industry segments)")
    assert "Deactivate it instead" in message


def test_division_used_by_employees(session, admin):
    assert "(5 employees)" in _refusal(session, admin, "division", "hoffice")


def test_default_title(session, admin):
    assert "the default title setting" in _refusal(session, admin, "title", "Mr.")


def test_unused_entry_deletes(session, admin):
    entry = _entry(session, admin, "campaign", "Referral Program")
    masters.delete_entry(session, admin, entry.id)
    assert "Referral Program" not in [e.name for e in masters.list_entries(session, admin, "campaign")]
