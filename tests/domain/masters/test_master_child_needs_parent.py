import pytest

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.masters import entries as masters


def _id(session, admin, kind, name):
    return next(e.id for e in masters.list_entries(session, admin, kind) if e.name == name)


def test_segment_without_parent_refused(session, admin):
    with pytest.raises(ValidationError) as err:
        masters.create_entry(session, admin, "segment", "Telecom")
    assert err.value.errors == {"parent_id": "Choose the industry."}


def test_segment_under_a_parent_of_the_wrong_kind_refused(session, admin):
    hardware_category = _id(session, admin, "product_category", "Hardware")
    with pytest.raises(ValidationError) as err:
        masters.create_entry(session, admin, "segment", "Telecom", parent_id=hardware_category)
    assert err.value.errors == {"parent_id": "Choose the industry."}


def test_options_filter_children_by_parent(session, admin, executive):
    it = _id(session, admin, "industry", "IT Services")
    created = masters.create_entry(session, admin, "segment", "Telecom", parent_id=it)
    assert created.parent_name == "IT Services"
    labels = [o.label for o in masters.options(session, executive, "segment", it)]
    assert labels == ["Software", "Hardware", "Telecom"]
    crm = _id(session, admin, "product_category", "CRM Software")
    assert [o.label for o in masters.options(session, executive, "product", crm)] == [
        "H-Office CRM Standard", "H-Office CRM Enterprise"]
