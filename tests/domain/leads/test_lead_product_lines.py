"""A lead's product lines: products of any category, a quantity above 0 and an optional unit
price of 0 or more each (problems next to the line), the estimated value computed from them on
request, the form and the lead page reading them back, and two people editing them."""
from datetime import datetime, timezone
from decimal import Decimal

import pytest
from sqlmodel import select

from hoffice_app.domain.common import ValidationError, versions
from hoffice_app.domain.leads import form_values, lead_detail
from hoffice_app.domain.leads import save as leads
from hoffice_app.domain.masters import entries as masters
from hoffice_app.models import Contact, Lead, LeadProduct
from tests.contact_factory import master_id
from tests.lead_factory import demo, engine, lead_data, make_contact, make_lead  # noqa: F401

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


def _line(session, name, quantity="1", price=""):
    return {"product_id": str(master_id(session, "product", name)), "quantity": quantity, "unit_price": price}


def _lines(session, lead_id):
    rows = session.exec(select(LeadProduct).where(LeadProduct.lead_id == lead_id).order_by(LeadProduct.position))
    return [(r.product_id, r.quantity, r.unit_price) for r in rows]


def _refused(session, who, data, lead_id=None) -> dict:
    with pytest.raises(ValidationError) as err:
        leads.save_lead(session, who, data, now=NOW, lead_id=lead_id)
    return err.value.errors


def test_lines_of_two_categories_saved_in_order_with_value_computed(session, executive):
    contact = make_contact(session, executive, NOW, "Horus Tech")
    data = lead_data(contact.code, product_lines=[_line(session, "Biometric Device", "2", "45000.50"),
                                                  _line(session, "Training", "1.5", "10000")],
                     value_from_lines="1", estimated_value="5")
    lead = leads.save_lead(session, executive, data, now=NOW)
    assert _lines(session, lead.id) == [(master_id(session, "product", "Biometric Device"), Decimal(2),
                                         Decimal("45000.50")),
                                        (master_id(session, "product", "Training"), Decimal("1.5"), Decimal(10000))]
    assert lead.estimated_value == Decimal("105001.00")  # 2 × 45,000.50 + 1.5 × 10,000
    assert lead.product_category_id == master_id(session, "product_category", "Hardware")  # the first line's


def test_product_ids_alone_are_lines_of_one_without_a_price(session, executive):
    lead = make_lead(session, executive, NOW, product_ids=[str(master_id(session, "product", "Barcode Printer"))],
                     estimated_value="900")
    assert _lines(session, lead.id) == [(master_id(session, "product", "Barcode Printer"), Decimal(1), None)]
    assert lead.estimated_value == Decimal(900)


def test_bad_quantities_and_prices_are_told_next_to_their_line(session, executive):
    contact = make_contact(session, executive, NOW, "Horus Tech")
    lines = [_line(session, "Training", "0", "-5"), _line(session, "Implementation", "abc", "1,00,000"),
             _line(session, "Barcode Printer", "-2", "ten"), _line(session, "Biometric Device", "", "")]
    errors = _refused(session, executive, lead_data(contact.code, product_lines=lines))
    assert errors == {
        "product_lines.0.quantity": "Enter a quantity above 0.",
        "product_lines.0.unit_price": "Enter a price of 0 or more.",
        "product_lines.1.quantity": "Enter a number, e.g. 2 or 1.5.",
        "product_lines.2.quantity": "Enter a quantity above 0.",
        "product_lines.2.unit_price": "Enter an amount, e.g. 45000.",
        "product_lines.3.quantity": "Enter a quantity.",
        "product_lines": "Correct the product lines marked in red.",
    }
    errors = _refused(session, executive, lead_data(contact.code, product_lines=[
        _line(session, "Training"), _line(session, "Training", "3")]))
    assert errors["product_lines.1.product_id"] == "Training is already on this lead."


def test_computing_the_value_needs_lines_with_prices(session, executive):
    contact = make_contact(session, executive, NOW, "Horus Tech")
    errors = _refused(session, executive, lead_data(contact.code, value_from_lines="1", product_lines=[
        _line(session, "Training", "1", "500"), _line(session, "Implementation", "2")]))
    assert errors == {"value_from_lines": "Enter a unit price on every line to compute the value."}
    errors = _refused(session, executive, lead_data(contact.code, value_from_lines="1"))
    assert errors == {"value_from_lines": "Add the products first."}
    lead = leads.save_lead(session, executive, lead_data(contact.code, value_from_lines="1", product_lines=[
        _line(session, "Training", "3", "0")]), now=NOW)
    assert lead.estimated_value == Decimal(0)  # a free line is a price


def test_an_inactive_product_stays_on_its_lead_but_is_not_added(session, admin, executive):
    training = master_id(session, "product", "Training")
    lead = make_lead(session, executive, NOW, product_lines=[_line(session, "Training", "2", "700")])
    masters.set_active(session, admin, training, False, now=NOW)
    saved = leads.save_lead(session, executive, lead_data(session.get(Contact, lead.contact_id).code, product_lines=[
        _line(session, "Training", "4", "700")]), now=NOW, lead_id=lead.id)
    assert _lines(session, saved.id) == [(training, Decimal(4), Decimal(700))]
    other = make_contact(session, executive, NOW, "Anubis Traders")
    errors = _refused(session, executive, lead_data(other.code, product_lines=[_line(session, "Training")]))
    assert errors["product_lines.0.product_id"] == "Choose the product from the list."


def test_form_and_page_read_the_lines_back(session, executive):
    lead = make_lead(session, executive, NOW, value_from_lines="1", product_lines=[
        _line(session, "H-Office CRM Standard", "50", "2500"), _line(session, "Training", "1", "15000.5")])
    read = form_values(session, executive, lead.code)
    assert read["product_lines"] == [_line(session, "H-Office CRM Standard", "50", "2500"),
                                     _line(session, "Training", "1", "15000.5")]
    assert read["value_from_lines"] == "1"  # the value is the lines' sum: the option opens ticked
    page = lead_detail(session, executive, lead.code)
    assert [(p.code, p.name, p.category, p.quantity, p.unit_price, p.total) for p in page.product_lines] == [
        ("CRM-STD", "H-Office CRM Standard", "CRM Software", "50", "₹2,500", "₹1,25,000"),
        ("SV-TRN", "Training", "Services", "1", "₹15,000.50", "₹15,000.50")]
    assert page.lines_total == "₹1,40,000.50" and page.info["Estimated value"] == "₹1,40,000.50"
    assert page.products == ["H-Office CRM Standard", "Training"]
    typed = {k: v for k, v in read.items() if k != "version"} | {"estimated_value": "99", "value_from_lines": ""}
    leads.save_from_form(session, executive, typed, now=NOW, code=lead.code, read=read, version=read["version"])
    assert form_values(session, executive, lead.code)["value_from_lines"] == ""


def test_two_editors_lines_and_title_merge_but_the_same_lines_clash(session, executive, manager):
    lead = make_lead(session, executive, NOW, assigned_to="E03",
                     product_lines=[_line(session, "Training", "1", "100")])
    a_read, b_read = form_values(session, manager, lead.code), form_values(session, executive, lead.code)
    a_typed = {k: v for k, v in a_read.items() if k != "version"}
    b_typed = {k: v for k, v in b_read.items() if k != "version"}
    leads.save_from_form(session, manager, a_typed | {"product_lines": [_line(session, "Training", "5", "100")]},
                         now=NOW, code=lead.code, read=a_read, version=a_read["version"])
    saved = leads.save_from_form(session, executive, b_typed | {"title": "Training for 5"}, now=NOW, code=lead.code,
                                 read=b_read, version=b_read["version"])
    assert "products" in saved.note
    assert _lines(session, lead.id)[0][1] == Decimal(5) and session.get(Lead, lead.id).title == "Training for 5"
    with pytest.raises(versions.EditConflict) as err:  # the same form again: both changed the lines
        leads.save_from_form(session, executive, b_typed | {"product_lines": [_line(session, "Training", "9")]},
                             now=NOW, code=lead.code, read=b_read, version=b_read["version"])
    assert "products" in err.value.message
    assert _lines(session, lead.id)[0][1] == Decimal(5)
