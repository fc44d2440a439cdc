"""Page object for Settings → Assignment rules (/settings/assignment-rules)."""
from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from tests.e2e.pages import Screen


class AssignmentRulesPage(Screen):
    path = "/settings/assignment-rules"

    def __init__(self, page: Page):
        super().__init__(page)

    def open(self) -> "AssignmentRulesPage":
        self.page.goto(self.path)
        expect(self.region()).to_be_visible()
        return self

    def region(self) -> Locator:
        return self.page.get_by_role("region", name="Assignment rules")

    def row(self, name: str) -> Locator:
        return self.region().get_by_role("row").filter(has_text=name)

    def dialog(self) -> Locator:
        return self.page.get_by_role("dialog")

    def start_new(self) -> Locator:
        self.page.get_by_role("button", name="Add rule").click()
        expect(self.dialog()).to_be_visible()
        return self.dialog()

    def fill(self, label: str, value: str) -> None:
        self.dialog().get_by_label(label, exact=True).fill(value)

    def choose(self, label: str, option: str) -> None:
        self.dialog().get_by_label(label, exact=True).click()
        self.page.get_by_role("option", name=option, exact=True).click()

    def tick(self, group: str, option: str) -> None:
        self.dialog().get_by_role("group", name=group).get_by_role("checkbox", name=option, exact=True).click()

    def save(self) -> None:
        self.dialog().get_by_role("button", name="Save rule").click()

    def error(self, text: str) -> Locator:
        return self.dialog().get_by_role("alert").filter(has_text=text)
