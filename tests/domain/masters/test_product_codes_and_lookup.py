"""Products carry an optional code, unique in the list ignoring case, and the lead form finds
them by name or code across every category; inactive products (or of an inactive category)
are not offered."""
import pytest

from hoffice_app.db import utcnow
from hoffice_app.domain.common import PermissionDenied, ValidationError
from hoffice_app.domain.masters import entries as masters
from hoffice_app.domain.masters import find_products
from tests.contact_factory import master_id


def test_demo_products_have_codes_and_the_list_shows_them(session, admin):
    listed = {e.name: e.code for e in masters.list_entries(session, admin, "product")}
    assert listed["H-Office CRM Standard"] == "CRM-STD" and listed["Training"] == "SV-TRN"


def test_code_is_optional_and_unique_ignoring_case(session, admin):
    hardware = master_id(session, "product_category", "Hardware")
    added = masters.create_entry(session, admin, "product", "Thermal Printer", parent_id=hardware)
    assert added.code == ""
    with pytest.raises(ValidationError) as err:
        masters.create_entry(session, admin, "product", "Card Reader", code="hw-bio", parent_id=hardware)
    assert err.value.errors == {"code": "Code hw-bio is already used by “Biometric Device”."}
    with pytest.raises(ValidationError) as err:
        masters.update_entry(session, admin, added.id, "Thermal Printer", code="x" * 21, parent_id=hardware,
                             now=utcnow())
    assert err.value.errors == {"code": "Use at most 20 characters."}
    renamed = masters.update_entry(session, admin, added.id, "Thermal Printer", code=" HW-TP ", parent_id=hardware,
                                   now=utcnow())
    assert renamed.code == "HW-TP"
    again = masters.update_entry(session, admin, added.id, "Thermal Printer", code="hw-tp", parent_id=hardware,
                                 now=utcnow())  # its own code in another case is no clash
    assert again.code == "hw-tp"


def test_other_lists_still_need_or_ignore_codes(session, admin):
    with pytest.raises(ValidationError) as err:
        masters.create_entry(session, admin, "class", "Platinum")
    assert err.value.errors == {"code": "Enter a code."}
    assert masters.create_entry(session, admin, "lead_priority", "Later", code="L9").code == ""


def test_lookup_by_code_or_name_across_categories(session, executive):
    hits = find_products(session, executive, "sv-t")
    assert [h.label for h in hits] == ["SV-TRN · Training · Services"]
    names = [h.name for h in find_products(session, executive, "  h-office   crm ")]
    assert names == ["H-Office CRM Standard", "H-Office CRM Enterprise"]
    # "hw" matches codes in Hardware; an exact code comes first whatever the category
    assert [h.code for h in find_products(session, executive, "hw")] == ["HW-BIO", "HW-BCP"]
    mixed = find_products(session, executive, "in")  # one search, two categories, in the master's order
    assert [(h.name, h.category) for h in mixed] == [("Barcode Printer", "Hardware"), ("Training", "Services"),
                                                     ("Annual Maintenance", "Services")]
    assert find_products(session, executive, "tra")[0].name == "Training"  # a name starting with it first
    assert find_products(session, executive, "   ") == [] and find_products(session, executive, "zzz") == []
    assert find_products(session, executive, "100%") == []  # a wildcard is a character


def test_inactive_products_and_categories_not_offered(session, admin, executive):
    masters.set_active(session, admin, master_id(session, "product", "Training"), False, now=utcnow())
    assert find_products(session, executive, "training") == []
    masters.set_active(session, admin, master_id(session, "product_category", "Hardware"), False, now=utcnow())
    assert find_products(session, executive, "hw-") == []
    assert [h.name for h in find_products(session, executive, "sv-")] == ["Implementation", "Annual Maintenance"]


def test_lookup_needs_someone_logged_in(session, demo):
    with pytest.raises(PermissionDenied):
        find_products(session, None, "crm")
