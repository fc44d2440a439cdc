"""Page object for /insights: the controls by their labels, the tabs by name, and each table
by its section's name ("Follow-ups", "By source", "Stages"), read as text rows."""
from __future__ import annotations

from playwright.sync_api import Locator, expect

from tests.e2e.pages import Screen


class InsightsPage(Screen):
    path = "/insights"

    def open(self) -> "InsightsPage":
        self.page.goto(self.path)
        expect(self.table("Follow-ups")).to_be_visible()
        self.settled()
        return self

    def settled(self) -> None:
        """The open tab holds the numbers of the current choices (not still being read)."""
        expect(self.page.get_by_role("tabpanel")).to_have_attribute("aria-busy", "false")

    def tab(self, name: str) -> Locator:
        return self.page.get_by_role("tab", name=name, exact=True)

    def show(self, tab: str) -> None:
        self.tab(tab).click()
        expect(self.tab(tab)).to_have_attribute("aria-selected", "true")
        self.settled()

    def section(self, name: str) -> Locator:
        return self.page.get_by_role("region", name=name, exact=True)

    def table(self, name: str) -> Locator:
        return self.section(name).get_by_role("table")

    def header(self, name: str) -> list[str]:
        self.settled()
        return [t.strip() for t in self.table(name).locator("thead th").all_inner_texts()]

    def rows(self, name: str) -> list[list[str]]:
        """The table's body, one list of cell texts per row."""
        self.settled()
        return self.table(name).locator("tbody tr").evaluate_all(
            "rows => rows.map(r => Array.from(r.children).map(c => c.innerText.trim()))")

    def column(self, name: str, heading: str) -> dict[str, str]:
        """One column of a table, by the row's first cell."""
        at = self.header(name).index(heading)
        return {row[0]: row[at] for row in self.rows(name)}

    def export(self, name: str) -> Locator:
        return self.page.get_by_role("button", name=f"Download {name} as Excel")

    def choose(self, label: str, option: str) -> None:
        self.page.get_by_label(label, exact=True).click()
        self.page.get_by_role("option", name=option, exact=True).click()

    def field(self, label: str) -> Locator:
        return self.page.get_by_label(label, exact=True)

    def status(self) -> Locator:
        """Whose numbers and which days."""
        return self.page.get_by_role("status", name="Showing")
