"""Settings → Custom fields, as the domain enforces it: labels unique per record kind whatever
their case, a key that survives renames, a type that never changes, options that can be
renamed, reordered and switched off but deleted only while unused, and administrators only."""
import pytest

from hoffice_app.domain import customfields as cf
from hoffice_app.domain.common import PermissionDenied, ValidationError
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine, new_lead  # noqa: F401


def _add(session, now, label="Industry", kind="select", record="lead", **kw):
    return cf.add_field(session, actor(session, "E01"), record, cf.FieldSpec(label=label, kind=kind, **kw), now=now)


def test_a_label_is_unique_per_record_kind_whatever_its_case(session, now):
    _add(session, now, options=["Retail", "Wholesale"])
    with pytest.raises(ValidationError, match="Leads already have a field called “Industry”"):
        _add(session, now, label="  industry ", kind="text")
    assert _add(session, now, label="Industry", kind="text", record="contact").key == "industry"


def test_the_key_is_made_once_and_survives_a_rename(session, now):
    row = _add(session, now, label="PO number", kind="text")
    assert row.key == "po_number"
    cf.update_field(session, actor(session, "E01"), row.id, cf.FieldSpec(label="Purchase order", kind="text"),
                    version=row.version, now=now)
    assert (row.key, row.label) == ("po_number", "Purchase order")
    assert _add(session, now, label="PO Number!", kind="text").key == "po_number_2"


def test_the_type_cannot_change_and_a_select_needs_options(session, now):
    with pytest.raises(ValidationError, match="Enter the options"):
        _add(session, now, label="Segment", kind="select")
    row = _add(session, now, label="Segment", kind="select", options=["A", "B"])
    with pytest.raises(ValidationError, match="cannot change"):
        cf.update_field(session, actor(session, "E01"), row.id, cf.FieldSpec(label="Segment", kind="text"),
                        version=row.version, now=now)
    with pytest.raises(ValidationError, match="same name"):
        _add(session, now, label="Tier", kind="select", options=["Gold", "gold "])


def test_only_administrators_define_fields(session, now):
    for code in ("E02", "E03"):
        with pytest.raises(PermissionDenied):
            cf.add_field(session, actor(session, code), "lead", cf.FieldSpec(label="X", kind="text"), now=now)


def test_a_stale_settings_form_is_refused_naming_who_saved(session, now):
    row = _add(session, now, label="Budget", kind="amount")
    read = row.version
    cf.update_field(session, actor(session, "E01"), row.id, cf.FieldSpec(label="Budget (₹)", kind="amount"),
                    version=read, now=now)
    with pytest.raises(Exception, match="Asha Patel changed “Budget \\(₹\\)” meanwhile"):
        cf.update_field(session, actor(session, "E01"), row.id, cf.FieldSpec(label="Budget", kind="amount"),
                        version=read, now=now)


def test_options_rename_reorder_switch_off_and_delete_only_unused(session, now):
    row = _add(session, now, options=["Retail", "Wholesale", "Export"])
    admin = actor(session, "E01")
    retail, wholesale, export = cf.options_of(session, [row.id])[row.id]
    lead = new_lead(session, now, "Shop")
    cf.write_values(session, admin, "lead", lead.id, {"cf_industry": "retail"}, creating=False)
    cf.rename_option(session, admin, retail.id, "Retail stores")
    assert cf.read_values(session, admin, "lead", [lead.id])[lead.id][0].shown == "Retail stores"
    with pytest.raises(ValidationError, match="in use"):
        cf.delete_option(session, admin, retail.id)
    cf.delete_option(session, admin, export.id)
    cf.move_option(session, admin, wholesale.id, -1)
    assert [o.label for o in cf.options_of(session, [row.id])[row.id]] == ["Wholesale", "Retail stores"]
    cf.set_option_active(session, admin, retail.id, False)
    with pytest.raises(ValidationError, match="not one of the options \\(Wholesale\\)"):
        cf.write_values(session, admin, "lead", lead.id, {"cf_industry": "Retail stores"}, creating=False)
    # the lead keeps the switched-off option, and still reads it
    assert cf.read_values(session, admin, "lead", [lead.id])[lead.id][0].shown == "Retail stores"


def test_a_default_is_checked_like_a_value(session, now):
    with pytest.raises(ValidationError, match="Default: “Gold” is not one of the options"):
        _add(session, now, label="Tier", kind="select", options=["Silver"], default_value="Gold")
    with pytest.raises(ValidationError, match="Default: Enter a number"):
        _add(session, now, label="Seats", kind="number", default_value="many")
