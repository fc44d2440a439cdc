"""Page objects for the Contact Center."""
from __future__ import annotations

import re

from playwright.sync_api import Page, expect


class ContactForm:
    def __init__(self, page: Page):
        self.page = page

    def open_new(self) -> "ContactForm":
        self.page.goto("/contacts/new")
        expect(self.page.get_by_role("button", name="Save contact")).to_be_visible()
        return self

    def section(self, name: str):
        return self.page.get_by_role("region", name=name, exact=True)

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

    def pick_reference_contact(self, search: str, name: str) -> None:
        self.choose("Reference", "Contact / prospect")
        self.page.get_by_label("Reference contact").fill(search)
        self.page.get_by_role("button", name=re.compile(re.escape(name))).click()

    def save(self) -> None:
        self.page.get_by_role("button", name="Save contact").click()

    def saved_code(self) -> str:
        expect(self.page).to_have_url(re.compile(r"/contacts/C\d{6}/?$"))
        return re.search(r"C\d{6}", self.page.url).group(0)


class ContactList:
    def __init__(self, page: Page):
        self.page = page

    def open(self) -> "ContactList":
        self.page.goto("/contacts")
        expect(self.page.get_by_label("Search contacts")).to_be_visible()
        return self

    def search(self, text: str) -> None:
        self.page.get_by_label("Search contacts").fill(text)

    def rows(self):
        return self.page.get_by_role("region", name="Contacts").get_by_role("row")
