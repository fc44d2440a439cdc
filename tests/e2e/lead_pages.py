"""Page objects for leads and follow-ups."""
from __future__ import annotations

import re

from playwright.sync_api import Page, expect


class LeadForm:
    def __init__(self, page: Page):
        self.page = page

    def open_new(self) -> "LeadForm":
        self.page.goto("/leads/new")
        expect(self.page.get_by_role("button", name=re.compile(r"^Save "))).to_be_visible()
        return self

    def fill(self, label: str, value: str, *, within=None) -> None:
        (within or self.page).get_by_label(label, exact=True).fill(value)

    def choose(self, label: str, option: str, *, within=None) -> None:
        (within or self.page).get_by_label(label, exact=True).click()
        self.page.get_by_role("option", name=option, exact=True).click()

    def tick(self, group: str, option: str) -> None:
        self.page.get_by_role("group", name=group).get_by_role("checkbox", name=option, exact=True).click()

    def pick_contact(self, label: str, search: str, result: str) -> None:
        self.page.get_by_label(label, exact=True).fill(search)
        self.page.get_by_role("button", name=re.compile(re.escape(result))).first.click()

    def save(self) -> str:
        self.page.get_by_role("button", name=re.compile(r"^Save ")).click()
        expect(self.page).to_have_url(re.compile(r"/leads/L\d{6}/?$"))
        return re.search(r"L\d{6}", self.page.url).group(0)
