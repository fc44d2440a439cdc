"""Settings → Custom fields: an administrator adds a single select "Market" to leads (its options
added with Enter and the button, one renamed, one moved) and a text "Referral code" to contacts;
a label already taken, in any case, is refused next to the label; the page and its dialog pass
axe; a manager who opens the page is refused and sees no field."""
from playwright.sync_api import expect

from tests.e2e.axe import blocking_violations
from tests.e2e.pages import LoginPage, Shell
from tests.e2e.settings_pages import CustomFieldsPage

SHOTS = "artifacts/screenshots"
NO_TOASTS = "[data-sonner-toaster] { display: none !important; }"  # screenshots of the page itself


def test_an_administrator_defines_custom_fields_and_a_manager_is_refused(browser, server, demo_password):
    # axe is injected as an inline script, which the app's Content-Security-Policy rightly refuses
    context = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 800}, bypass_csp=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    LoginPage(page).log_in("E01", demo_password)
    fields = CustomFieldsPage(page).open()
    page.screenshot(path=f"{SHOTS}/custom-fields-start.png")

    fields.start_adding()
    fields.fill("Label", "Market")
    fields.choose_type("Single select")
    fields.add_option("Retail", enter=True)  # Enter in the option's box adds it, the dialog stays
    fields.add_option("Wholesale")
    fields.fill("Section of the form", "Additional information")
    page.screenshot(path=f"{SHOTS}/custom-field-dialog.png")
    problems = blocking_violations(page, "[role=dialog]")
    fields.save()
    expect(fields.dialog()).to_have_count(0)
    industry = fields.fields("Lead fields").get_by_role("row").filter(has_text="Market")
    expect(industry).to_contain_text("Single select")
    expect(industry).to_contain_text("Retail, Wholesale")
    expect(industry).to_contain_text("Additional information")

    fields.start_adding()
    fields.fill("Label", "market")
    fields.dialog().get_by_label("Label", exact=True).press("Enter")  # Enter saves
    expect(fields.error("Leads already have a field called “Market”.")).to_be_visible()
    page.keyboard.press("Escape")
    expect(fields.dialog()).to_have_count(0)

    fields.edit("Market")
    fields.rename_option("Retail", "Retail stores")
    fields.move_option_up("Wholesale")
    expect(fields.option_names()).to_have_count(2)
    expect(fields.option_names().nth(0)).to_have_value("Wholesale")
    expect(fields.option_names().nth(1)).to_have_value("Retail stores")
    page.screenshot(path=f"{SHOTS}/custom-field-options.png")
    fields.save()
    expect(fields.dialog()).to_have_count(0)
    expect(industry).to_contain_text("Wholesale, Retail stores")
    page.screenshot(path=f"{SHOTS}/custom-fields-leads.png", style=NO_TOASTS)

    fields.tab("Contacts")
    fields.start_adding()
    fields.fill("Label", "Referral code")
    fields.save()
    expect(fields.dialog()).to_have_count(0)
    expect(fields.fields("Contact fields").get_by_role("row").filter(has_text="Referral code")).to_contain_text(
        "Text")
    problems += blocking_violations(page, "main")  # the toasts above are the app's own
    page.screenshot(path=f"{SHOTS}/custom-fields-contacts.png", style=NO_TOASTS)
    assert not problems, "serious or critical WCAG 2.1 AA violations:\n" + "\n".join(problems)

    Shell(page).log_out()
    LoginPage(page).log_in("E02", demo_password)
    refused = CustomFieldsPage(page).visit()
    expect(refused.alert()).to_contain_text("Only an administrator can open Settings")
    expect(refused.tables()).to_have_count(0)
    expect(page.get_by_text("Referral code")).to_have_count(0)
    context.close()
