"""Page objects for Settings → Revoke policies (/settings/revoke-policies): the list of policies,
the form (new / edit) and its preview."""
from __future__ import annotations

from playwright.sync_api import Locator, expect

from tests.e2e.pages import Screen


class RevokePoliciesPage(Screen):
    path = "/settings/revoke-policies"

    def open(self) -> "RevokePoliciesPage":
        self.page.goto(self.path)
        expect(self.page.get_by_role("button", name="Add policy")).to_be_visible()
        return self

    # the list
    def list(self) -> Locator:
        return self.page.get_by_role("region", name="Revoke policies")

    def row(self, name: str) -> Locator:
        return self.list().get_by_role("row").filter(has_text=name)

    def enabled_switch(self, name: str) -> Locator:
        return self.page.get_by_role("switch", name=f"Enabled: {name}")

    def edit(self, name: str) -> None:
        self.page.get_by_role("button", name=f"Edit {name}", exact=True).click()

    # the form
    def add(self) -> None:
        self.page.get_by_role("button", name="Add policy").click()
        expect(self.page.get_by_role("heading", name="New revoke policy")).to_be_visible()

    def fill(self, label: str, value: str) -> None:
        self.page.get_by_label(label, exact=True).fill(value)

    def choose(self, label: str, option: str) -> None:
        self.page.get_by_role("combobox", name=label).click()
        self.page.get_by_role("option", name=option, exact=True).click()

    def scope(self, group: str, option: str) -> Locator:
        """A checkbox of one scope list ("Campaigns", "Priorities", …)."""
        return self.page.get_by_role("group", name=group).get_by_role("checkbox", name=option, exact=True)

    def field_error(self, text: str) -> Locator:
        return self.page.get_by_role("alert").filter(has_text=text)

    def press(self, name: str) -> None:
        self.page.get_by_role("button", name=name, exact=True).click()

    # the preview
    def preview(self) -> Locator:
        self.press("Preview")
        region = self.page.get_by_role("region", name="Preview", exact=True)
        expect(region).to_be_visible()
        return region

    def group(self, title: str) -> Locator:
        return self.page.get_by_role("region", name=title, exact=True)

    def per_assignee(self) -> Locator:
        return self.page.get_by_role("region", name="Per assignee", exact=True)
