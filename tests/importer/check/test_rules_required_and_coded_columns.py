"""Name, Type Of Contact, Title, masters, coded columns: the spec's table, row by row."""
import pytest

from hoffice_app.importer.check.context import build_context
from tests.contact_factory import master_id
from tests.importer.helpers import parse, reasons


@pytest.fixture
def ctx(session, admin, now):
    return build_context(session, admin, now)


def test_name_is_required_and_at_most_200_characters(ctx):
    assert reasons(parse(ctx, contact_type="Customer"))["Name"] == "Enter the contact's name."
    assert "at most 200" in reasons(parse(ctx, name="x" * 201, contact_type="Customer"))["Name"]
    assert parse(ctx, name="  Asha   Traders ", contact_type="Customer").values["name"] == "Asha Traders"


def test_type_of_contact_is_required_in_any_case(ctx, session):
    assert "Type Of Contact" in reasons(parse(ctx, name="Asha"))
    row = parse(ctx, name="Asha", contact_type="vENDOR")
    assert not row.errors and row.values["contact_type_id"] == master_id(session, "contact_type", "Vendor")
    assert "Customer, Vendor, Both, Other" in reasons(parse(ctx, name="Asha", contact_type="Client"))["Type Of Contact"]


def test_title_matches_case_insensitively_with_optional_full_stop(ctx, session):
    mr = master_id(session, "title", "Mr.")
    for text in ("mr", "Mr.", "MR .", "mr."):
        assert parse(ctx, name="A", contact_type="Customer", title=text).values["title_id"] == mr
    assert "No title called “Sir”" in reasons(parse(ctx, name="A", contact_type="Customer", title="Sir"))["Title"]


def test_blank_title_takes_the_default_title_setting_on_create(session, admin, now):
    from hoffice_app.importer.write.commit import new_defaults

    ctx = build_context(session, admin, now)
    assert new_defaults(ctx)["title_id"] == master_id(session, "title", "Mr.")
    assert "title_id" not in parse(ctx, name="A", contact_type="Customer").values


def test_divisions_and_categories_are_comma_separated_existing_names(ctx, session):
    row = parse(ctx, name="A", contact_type="Customer", division="hoffice, CORPTEASER", category="Insurance;Dealers")
    assert row.division_ids == [master_id(session, "division", "hoffice"), master_id(session, "division", "corpteaser")]
    assert row.category_ids == [master_id(session, "contact_category", "Insurance"),
                                master_id(session, "contact_category", "Dealers")]
    bad = reasons(parse(ctx, name="A", contact_type="Customer", division="hoffice, Nowhere", category="Gold"))
    assert "“Nowhere”" in bad["Division"] and "“Gold”" in bad["Category"]


def test_price_list_industry_address_type_and_relation_must_match_a_master(ctx, session):
    row = parse(ctx, name="A", contact_type="Customer", price_list="bulk buyer price", industry="FINANCE",
                address_type="factory address", city="Surat", relation="employee", relation_to="C000001")
    assert row.values["price_list_id"] == master_id(session, "price_list", "Bulk Buyer Price")
    assert row.values["industry_id"] == master_id(session, "industry", "Finance")
    assert row.address["address_type_id"] == master_id(session, "address_type", "Factory Address")
    assert row.relation_id == master_id(session, "relation", "Employee")
    bad = reasons(parse(ctx, name="A", contact_type="Customer", price_list="Cheap", industry="Mining",
                        address_type="Home", relation="Cousin", relation_to="C000001"))
    assert set(bad) == {"Default price list", "Industry", "Type Of Address", "Relation"}


def test_relation_and_relation_to_come_together(ctx):
    assert "both" in reasons(parse(ctx, name="A", contact_type="Customer", relation="Employee"))["Relation To"]
    assert "both" in reasons(parse(ctx, name="A", contact_type="Customer", relation_to="C000001"))["Relation"]


@pytest.mark.parametrize("text,stored", [("1", "Regular"), ("4", "Unregistered"), ("composition", "Composition")])
def test_gst_register_type_by_number_or_name(ctx, text, stored):
    assert parse(ctx, name="A", contact_type="Customer", gst_registration_type=text).values[
        "gst_registration_type"] == stored


@pytest.mark.parametrize("text,stored", [("D", "Deemed export"), ("g", "Government entity"), ("S", "SEZ")])
def test_gst_member_type_letters(ctx, text, stored):
    assert parse(ctx, name="A", contact_type="Customer", gst_member_type=text).values["sez_type"] == stored


@pytest.mark.parametrize("key,text,stored", [("gender", "1", "male"), ("gender", "Female", "female"),
                                             ("business_contact_type", "2", "end_user"),
                                             ("business_contact_type", "partner", "partner")])
def test_gender_and_business_contact_type_by_number_or_name(ctx, key, text, stored):
    column = "gender" if key == "gender" else "business_contact_type"
    assert parse(ctx, name="A", contact_type="Customer", **{key: text}).values[column] == stored


def test_bad_coded_values_say_what_is_allowed(ctx):
    bad = reasons(parse(ctx, name="A", contact_type="Customer", gst_registration_type="5", gst_member_type="X",
                        gender="3", business_contact_type="Reseller"))
    assert "1–4" in bad["GST Register Type"] and "D, G or S" in bad["GST Member Type"]
    assert "Male / Female" in bad["Gender"] and "Partner / End User" in bad["Business Contact Type"]


def test_currency_iso_code_any_case_else_default(ctx):
    assert parse(ctx, name="A", contact_type="Customer", currency="aud").values["currency"] == "AUD"
    assert "ISO currency" in reasons(parse(ctx, name="A", contact_type="Customer", currency="Rupees"))["Currency"]
    from hoffice_app.importer.write.commit import new_defaults

    assert new_defaults(ctx)["currency"] == "INR"


def test_class_name_and_code_must_identify_one_class_and_agree(ctx, session):
    gold = master_id(session, "class", "Gold")
    assert parse(ctx, name="A", contact_type="Customer", class_name="gold").values["class_id"] == gold
    assert parse(ctx, name="A", contact_type="Customer", class_code="g1").values["class_id"] == gold
    assert parse(ctx, name="A", contact_type="Customer", class_name="Gold", class_code="G1").values["class_id"] == gold
    assert "not S1" in reasons(parse(ctx, name="A", contact_type="Customer", class_name="Gold",
                                     class_code="S1"))["Class Name"]
    assert "No class with code" in reasons(parse(ctx, name="A", contact_type="Customer", class_code="Z9"))["Class Code"]


def test_contact_code_format(ctx):
    assert "looks like C000123" in reasons(parse(ctx, name="A", contact_type="Customer", contact_code="X12"))[
        "Contact Code"]
