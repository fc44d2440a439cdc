"""The contact list's saved views: a manager saves the list as filtered, sees "Modified" when
a filter changes and goes back with Revert, gets the view back after clearing the list, and
deletes it after a confirmation (the list keeps its filters); at phone width the menu wraps
with the other controls instead of running off the screen."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.conftest import shot
from tests.e2e.contact_pages import ContactList
from tests.e2e.pages import LoginPage

NAME = "QZ Ahmedabad customers"
PHONE = 390
FILTERED = "Filters of this list and its export: search: \u201cshah\u201d, stage: Customers, city: Ahmedabad."


def test_save_change_revert_reapply_and_delete_a_contact_view(page, demo_password):
    LoginPage(page).log_in("E02", demo_password)
    contacts = ContactList(page).open()
    contacts.search("shah")
    contacts.choose_filter("City", "Ahmedabad")
    contacts.choose_filter("Stage", "Customers")
    expect(contacts.export_scope()).to_have_text(FILTERED)
    contacts.save_view(NAME)
    expect(page.get_by_text("View saved.")).to_be_visible()
    expect(contacts.saved_views()).to_have_text(NAME)
    expect(page.get_by_text("Modified", exact=True)).to_have_count(0)

    contacts.choose_filter("Stage", "Prospects")
    expect(page.get_by_text("Modified", exact=True)).to_be_visible()
    shot(page, "contact-saved-view-modified")
    page.get_by_role("button", name="Revert").click()
    expect(contacts.export_scope()).to_have_text(FILTERED)
    expect(page.get_by_text("Modified", exact=True)).to_have_count(0)

    page.get_by_role("button", name="Clear").click()
    expect(contacts.export_scope()).to_have_text(
        "No filters: this list and its export hold every contact you may see.")
    contacts.apply_view(NAME)
    expect(contacts.export_scope()).to_have_text(FILTERED)
    expect(contacts.filter("City")).to_have_text("Ahmedabad")
    expect(contacts.search_box()).to_have_value("shah")

    page.set_viewport_size({"width": PHONE, "height": 844})
    expect(contacts.saved_views()).to_be_visible()
    shot(page, "contact-saved-view-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    page.set_viewport_size({"width": 1280, "height": 900})

    contacts.delete_view()
    expect(page.get_by_text(f"View \u201c{NAME}\u201d deleted; the list keeps its filters.")).to_be_visible()
    expect(contacts.export_scope()).to_have_text(FILTERED)
    expect(page.get_by_role("button", name="Delete this view")).to_have_count(0)
    contacts.saved_views().click()
    expect(page.get_by_role("option", name=NAME, exact=True)).to_have_count(0)
    page.keyboard.press("Escape")
    ContactList(page).open()  # a fresh load lists the views from the database
    contacts.saved_views().click()
    expect(page.get_by_role("option", name=NAME, exact=True)).to_have_count(0)
