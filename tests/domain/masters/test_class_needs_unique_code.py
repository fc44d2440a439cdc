import pytest

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.masters import entries as masters


def test_class_without_code_refused(session, admin):
    with pytest.raises(ValidationError) as err:
        masters.create_entry(session, admin, "class", "Platinum")
    assert err.value.errors == {"code": "Enter a code."}


def test_class_code_taken_in_any_case_refused(session, admin):
    with pytest.raises(ValidationError) as err:
        masters.create_entry(session, admin, "class", "Platinum", code="g1")
    assert err.value.errors == {"code": "Code g1 is already used by “Gold”."}


def test_class_with_new_code_added(session, admin):
    masters.create_entry(session, admin, "class", "Platinum", code="P1")
    listed = [(e.name, e.code) for e in masters.list_entries(session, admin, "class")]
    assert listed == [("Gold", "G1"), ("Silver", "S1"), ("Bronze", "B1"), ("Platinum", "P1")]
