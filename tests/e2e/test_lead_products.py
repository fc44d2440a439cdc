"""Products on a lead: codes kept unique in Settings → Products, then the lead form's picker
(type a code, Enter; or a name from another category, click), quantity and price per line with
the message next to a bad quantity, the estimated value computed from the lines, and the lead
page showing the lines, their total and the value."""
import re

from playwright.sync_api import expect

from tests.e2e.lead_pages import LeadDetail, LeadForm
from tests.e2e.pages import LoginPage
from tests.e2e.settings_pages import MasterListPage

CRM = "CRM-STD · H-Office CRM Standard · CRM Software"
TRAINING = "SV-TRN · Training · Services"


def test_products_by_code_across_categories_with_lines_and_value(page, demo_password):
    LoginPage(page).log_in("E01", demo_password)
    products = MasterListPage(page, "product", "Products").open()
    expect(products.row("Biometric Device")).to_contain_text("HW-BIO")
    products.choose_parent("Product category", "Hardware")
    page.get_by_label("Code (optional)").fill("sv-trn")
    products.add("Card Reader", "New product")
    expect(products.message("Code sv-trn is already used by “Training”.")).to_be_visible()
    page.screenshot(path="artifacts/screenshots/product_code_taken.png", full_page=True)

    form = LeadForm(page).open_new()
    form.fill("Title", "CRM and training for the sales team")
    form.pick_contact("Contact", "C000001", "C000001")
    form.product_search().fill("crm-std")  # a code, then the keyboard: Enter adds the first result
    expect(form.product_result(CRM)).to_have_attribute("aria-selected", "true")
    form.product_search().press("Enter")
    expect(form.product_search()).to_be_focused()
    form.add_product("train", TRAINING)  # another category, by name
    form.product_line("Quantity", CRM).fill("10")
    form.product_line("Unit price", CRM).fill("2500")
    form.product_line("Quantity", TRAINING).fill("0")
    expect(form.section("Lead information").get_by_text("Enter a quantity above 0.")).to_be_visible()
    form.product_line("Quantity", TRAINING).fill("2")
    form.product_line("Unit price", TRAINING).fill("15000")
    expect(form.product_line("Total", CRM)).to_have_text("₹25,000")
    form.field("Compute estimated value from the product lines").click()
    expect(form.field("Estimated order value")).to_have_value("55000")
    expect(form.field("Product category")).to_contain_text("CRM Software")  # the first line's category
    page.screenshot(path="artifacts/screenshots/lead_form_products.png", full_page=True)
    code = form.save()

    lines = LeadDetail(page).section("Details").get_by_role("table")
    expect(lines.get_by_role("row").filter(has_text="H-Office CRM Standard")).to_contain_text(
        re.compile(r"H-Office CRM Standard.*CRM-STD.*10.*₹2,500.*₹25,000"))
    expect(lines.get_by_role("row").filter(has_text="Training")).to_contain_text(re.compile(r"2.*₹15,000.*₹30,000"))
    expect(lines.get_by_role("row", name=re.compile(r"^Total ₹"))).to_contain_text("₹55,000")
    expect(LeadDetail(page).section("Details")).to_contain_text(re.compile(r"Estimated value\s*₹55,000"))
    page.screenshot(path="artifacts/screenshots/lead_page_products.png", full_page=True)
    assert code
