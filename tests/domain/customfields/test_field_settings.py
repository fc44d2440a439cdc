"""What Settings → Custom fields reads (domain/customfields/admin.py): the fields in form order as
the list shows them, an open field's options with how many records hold each, the sections to
suggest; and option changes that keep a select's default working."""
import pytest

from hoffice_app.domain import customfields as cf
from hoffice_app.domain.common import PermissionDenied, ValidationError
from hoffice_app.domain.customfields import admin as cf_admin
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine, new_lead  # noqa: F401


def _add(session, now, label, kind="select", record="lead", **kw):
    return cf.add_field(session, actor(session, "E01"), record, cf.FieldSpec(label=label, kind=kind, **kw), now=now)


def test_the_list_shows_each_field_in_form_order_switched_off_ones_too(session, now):
    _add(session, now, "Industry", options=["Retail", "Wholesale"], section="Additional information")
    _add(session, now, "Referral code", kind="text", edit_roles=("admin", "manager"), active=False)
    _add(session, now, "Budget", kind="amount", record="contact")
    admin = actor(session, "E01")
    rows = cf_admin.list_fields(session, admin, "lead")
    assert [(r.label, r.kind_label, r.section_shown, r.edit_roles_shown, r.active) for r in rows] == [
        ("Industry", "Single select", "Additional information", "Everyone", True),
        ("Referral code", "Text", "More details", "Administrators, Managers", False)]
    assert rows[0].options_shown == "Retail, Wholesale"
    assert cf_admin.active_counts(session, admin) == {"lead": 1, "contact": 1}
    for code in ("E02", "E03"):
        with pytest.raises(PermissionDenied):
            cf_admin.list_fields(session, actor(session, code), "lead")


def test_an_open_fields_options_say_how_many_records_hold_each(session, now):
    row = _add(session, now, "Industry", options=["Retail", "Wholesale"])
    admin = actor(session, "E01")
    for title in ("Shop", "Mall"):
        cf.write_values(session, admin, "lead", new_lead(session, now, title).id, {"cf_industry": "retail"},
                        creating=False)
    assert [(o.label, o.uses) for o in cf_admin.field_options(session, admin, row.id)] == [("Retail", 2),
                                                                                          ("Wholesale", 0)]


def test_sections_suggested_are_the_forms_headings_then_those_fields_use(session, now):
    _add(session, now, "Industry", options=["Retail"], section="Market")
    _add(session, now, "Tier", options=["Gold"], section="market")
    _add(session, now, "Code", kind="text", section="Description")
    assert cf_admin.sections(session, actor(session, "E01"), "lead") == [
        "Lead information", "Additional information", "Description", "Market"]
    assert cf_admin.sections(session, actor(session, "E01"), "contact")[0] == "Contact"


def test_a_renamed_default_option_takes_the_default_along(session, now):
    row = _add(session, now, "Industry", options=["Retail", "Wholesale"], default_value="Retail")
    multi = _add(session, now, "Channels", kind="multi_select", options=["Shop", "Web"], default_value="shop, Web")
    admin = actor(session, "E01")
    retail = cf.options_of(session, [row.id])[row.id][0]
    cf.rename_option(session, admin, retail.id, "Retail stores")
    assert cf.get_field(session, row.id).default_value == "Retail stores"
    shop = cf.options_of(session, [multi.id])[multi.id][0]
    cf.rename_option(session, admin, shop.id, "Showroom")
    assert cf.get_field(session, multi.id).default_value == "Showroom, Web"
    lead = new_lead(session, now, "New shop")
    cf.write_values(session, admin, "lead", lead.id, {}, creating=True)  # the defaults still apply
    shown = {v.label: v.shown for v in cf.read_values(session, admin, "lead", [lead.id])[lead.id]}
    assert shown == {"Industry": "Retail stores", "Channels": "Showroom, Web"}


def test_the_default_option_cannot_be_switched_off_or_deleted(session, now):
    row = _add(session, now, "Channels", kind="multi_select", options=["Shop", "Web"], default_value="Web")
    admin = actor(session, "E01")
    shop, web = cf.options_of(session, [row.id])[row.id]
    with pytest.raises(ValidationError, match="“Web” is the field's default"):
        cf.set_option_active(session, admin, web.id, False)
    with pytest.raises(ValidationError, match="“Web” is the field's default"):
        cf.delete_option(session, admin, web.id)
    cf.set_option_active(session, admin, shop.id, False)
    cf.delete_option(session, admin, shop.id)
    assert [o.label for o in cf.options_of(session, [row.id])[row.id]] == ["Web"]
