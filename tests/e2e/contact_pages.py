"""Page objects for the Contact Center: the contact form, a contact's page and
the contact list (with its Import menu and Export button)."""
from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Locator, expect

from tests.e2e.import_pages import ImportWizard
from tests.e2e.pages import Screen, WithSavedViews, save_download


class ContactForm(Screen):
    path = "/contacts/new"

    def open_new(self) -> "ContactForm":
        self.page.goto(self.path)
        expect(self.page.get_by_role("button", name="Save contact")).to_be_visible()
        return self

    def visit_edit(self, code: str) -> "ContactForm":
        """Only navigates: the edit page may refuse the visitor."""
        self.page.goto(f"/contacts/{code}/edit")
        return self

    def section(self, name: str) -> Locator:
        return self.page.get_by_role("region", name=name, exact=True)

    def group(self, name: str) -> Locator:
        return self.page.get_by_role("group", name=name)

    def fill(self, label: str, value: str, *, within=None) -> None:
        (within or self.page).get_by_label(label, exact=True).fill(value)

    def choose(self, label: str, option: str, *, within=None) -> None:
        (within or self.page).get_by_label(label, exact=True).click()
        self.page.get_by_role("option", name=option, exact=True).click()

    def tick(self, option: str, *, within=None) -> None:
        (within or self.page).get_by_role("checkbox", name=option, exact=True).click()

    def switch(self, label: str) -> None:
        self.page.get_by_text(label, exact=True).click()

    def add_alias(self, alias: str) -> None:
        self.page.get_by_label("Alias names").fill(alias)
        self.page.get_by_label("Alias names").press("Enter")
        expect(self.page.get_by_role("button", name=f"Remove alias {alias}")).to_be_visible()

    def found(self, name: str, *, within=None) -> Locator:
        """A contact a contact picker found, in its list of results."""
        return (within or self.page).get_by_role("listbox", name="Contacts found").get_by_role(
            "option", name=re.compile(re.escape(name)))

    def reference_box(self) -> Locator:
        """The reference contact's picker (shown once the reference is "Contact / prospect")."""
        return self.page.get_by_role("combobox", name="Reference contact", exact=True)

    def pick_reference_contact(self, search: str, name: str) -> None:
        self.choose("Reference", "Contact / prospect")
        self.reference_box().fill(search)
        self.found(name).click()

    def save(self) -> None:
        self.page.get_by_role("button", name="Save contact").click()

    def saved_code(self) -> str:
        expect(self.page).to_have_url(re.compile(r"/contacts/C\d{6}/?$"))
        return re.search(r"C\d{6}", self.page.url).group(0)

    def duplicate_warning(self) -> Locator:
        return self.page.get_by_role("alertdialog", name="This contact may already exist")

    def duplicate_link(self, code: str) -> Locator:
        """The warning's link to the contact that may be the same."""
        return self.duplicate_warning().get_by_role("link", name=re.compile(code))

    def keep_editing(self) -> None:
        self.duplicate_warning().get_by_role("button", name="Keep editing").click()


class ContactDetail(Screen):
    """/contacts/<code>: the contact's sections and its Actions menu."""

    def open(self, code: str) -> "ContactDetail":
        self.page.goto(f"/contacts/{code}")
        return self

    def heading(self, name) -> Locator:
        return self.page.get_by_role("heading", name=name)

    def section(self, name: str, *, exact: bool | None = None) -> Locator:
        return self.page.get_by_role("region", name=name, exact=exact)

    def leads(self) -> Locator:
        """The section listing the contact's leads."""
        return self.section("Leads", exact=True)

    def lead_row(self, title: str) -> Locator:
        return self.leads().get_by_role("row").filter(has=self.page.get_by_role("link", name=title))

    def new_lead(self) -> None:
        self.leads().get_by_role("link", name="New lead for this contact").click()

    def associate_dialog(self) -> Locator:
        return self.page.get_by_role("dialog", name="Associate contact")

    def open_associate(self) -> Locator:
        """Actions → Associate Contact: the dialog."""
        self.page.get_by_role("button", name="Actions").click()
        self.page.get_by_role("menuitem", name="Associate Contact").click()
        expect(self.associate_dialog()).to_be_visible()
        return self.associate_dialog()

    def associate(self, relation: str, search: str, contact: str) -> None:
        """This contact is <relation> of <contact> (the dialog opened if it is not already)."""
        dialog = self.associate_dialog()
        if not dialog.is_visible():
            dialog = self.open_associate()
        form = ContactForm(self.page)
        form.choose("Relation", relation, within=dialog)
        box = dialog.get_by_label("… of contact")
        box.fill("")  # the same text again would not search again
        box.fill(search)
        form.found(contact, within=dialog).click()
        dialog.get_by_role("button", name="Associate").click()


class ContactList(WithSavedViews, Screen):
    path = "/contacts"

    def open(self) -> "ContactList":
        self.page.goto(self.path)
        expect(self.page.get_by_label("Search contacts")).to_be_visible()
        return self

    def search_box(self) -> Locator:
        return self.page.get_by_label("Search contacts")

    def search(self, text: str) -> None:
        self.search_box().fill(text)

    def filter(self, label: str) -> Locator:
        """A filter's drop-down ("Type", "City"…); it shows the chosen value."""
        return self.page.get_by_role("combobox", name=label, exact=True)

    def choose_filter(self, label: str, option: str) -> None:
        self.filter(label).click()
        self.page.get_by_role("option", name=option, exact=True).click()

    def export_scope(self) -> Locator:
        """The sentence under the filters saying which filters the list and its export apply."""
        return self.page.get_by_text(re.compile(r"^(Filters of this list and its export|No filters)"))

    def rows(self) -> Locator:
        return self.page.get_by_role("region", name="Contacts").get_by_role("row")

    def showing(self) -> Locator:
        """ "Showing 1–25 of 120" under the list."""
        return self.page.get_by_text(re.compile(r"^Showing 1–\d+ of \d+$"))

    def open_import_wizard(self) -> ImportWizard:
        self.page.get_by_role("button", name="Import").click()
        self.page.get_by_role("menuitem", name="Import contacts from a spreadsheet").click()
        return ImportWizard(self.page)

    def export_button(self) -> Locator:
        return self.page.get_by_role("button", name="Export")

    def export(self, path: Path) -> Path:
        """The filtered list as a spreadsheet, kept at ``path``."""
        return save_download(self.page, self.export_button(), path)
