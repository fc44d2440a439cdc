"""Page objects for files: the new-lead form's Attachments section and the Documents page."""
from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Locator, expect

from tests.e2e.pages import Screen, choose_file


class FormFiles(Screen):
    """The new-lead form's "Attachments": files kept before the lead is saved."""

    def section(self) -> Locator:
        return self.page.get_by_role("region", name="Attachments")

    def add(self, path: Path) -> None:
        choose_file(self.page, self.page.locator("#lead-form-upload input[type=file]"), path)

    def listed(self, name: str) -> Locator:
        return self.section().get_by_role("list", name="Files to attach").get_by_role("link", name=name)

    def remove(self, name: str) -> None:
        self.section().get_by_role("button", name=f"Remove {name}").click()

    def error(self) -> Locator:
        return self.section().get_by_role("alert")


class DocumentsPage(Screen):
    path = "/documents"

    def open(self) -> "DocumentsPage":
        self.page.goto(self.path)
        expect(self.page.get_by_role("button", name="Upload to library")).to_be_visible()
        return self

    def search(self, text: str) -> None:
        self.page.get_by_label("Search documents").fill(text)

    def choose_category(self, option: str) -> None:
        self.page.get_by_role("combobox", name="Category").click()
        self.page.get_by_role("option", name=option, exact=True).click()

    def table(self) -> Locator:
        return self.page.get_by_role("region", name="Documents")

    def row(self, filename: str) -> Locator:
        return self.table().get_by_role("row").filter(has=self.page.get_by_role("link", name=filename))

    def rows(self) -> Locator:
        return self.table().get_by_role("row")

    def empty(self) -> Locator:
        return self.page.get_by_text("No document matches.")

    def upload(self, path: Path, category: str, *, screenshot: str = "") -> None:
        self.page.get_by_role("button", name="Upload to library").click()
        dialog = self.page.get_by_role("dialog", name="Upload to the library")
        dialog.get_by_label("Category").click()
        self.page.get_by_role("option", name=category, exact=True).click()
        if screenshot:
            self.page.screenshot(path=screenshot)
        choose_file(self.page, self.page.locator("#library-upload input[type=file]"), path)
        expect(dialog).to_be_hidden()
