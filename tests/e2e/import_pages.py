"""Page objects for the contact import: the wizard (/import, then /import/<job>:
upload, map columns, review, import, summary and its downloads) and the
import history (/import/history)."""
from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Locator, expect

from tests.e2e.pages import Screen, choose_file, save_download


class ImportWizard(Screen):
    path = "/import"

    def steps(self) -> Locator:
        return self.page.get_by_role("navigation", name="Import steps")

    # Upload
    def choose_file(self, path: Path) -> None:
        choose_file(self.page, self.page.locator("input[type=file]"), path)

    def upload(self, path: Path) -> None:
        """Open the wizard, choose the file and wait for its job's page (the mapping step)."""
        self.open().choose_file(path)
        expect(self.page).to_have_url(re.compile(r"/import/\d+$"))

    # Map columns
    def field_choice(self, header: str) -> Locator:
        """The drop-down of the field a column of the file goes to."""
        return self.page.get_by_label(f"Field for {header}")

    def field_for(self, header: str) -> Locator:
        """The field a column of the file is mapped to (the drop-down's chosen option)."""
        return self.field_choice(header).locator("option:checked")

    def not_imported(self, headers: str) -> Locator:
        return self.page.get_by_text(f"Not imported: {headers}")

    def check_rows(self) -> None:
        self.page.get_by_role("button", name="Check the rows").click()

    # Review and summary
    def stat(self, label: str) -> Locator:
        """A count of the review or of the summary, by its label."""
        return self.page.get_by_role("group", name=label, exact=True).get_by_role("heading")

    def problems(self) -> Locator:
        return self.page.get_by_role("region", name="Rows with problems")

    def problem_row(self, number: int) -> Locator:
        return self.problems().get_by_role("article", name=f"Row {number}")

    def show_problems(self, kind: str) -> None:
        """Switch the list of problem rows (Invalid / Duplicates / …)."""
        self.problems().get_by_role("radio", name=re.compile(kind)).click()

    def key_account_manager(self) -> Locator:
        return self.page.get_by_role("combobox", name="Key Account Manager")

    def choose_key_account_manager(self, name: str) -> None:
        self.key_account_manager().click()
        self.page.get_by_role("option", name=name).click()

    # Import
    def import_all(self) -> None:
        """Import the valid rows, confirm, and wait for the summary."""
        self.page.get_by_role("button", name=re.compile(r"^Import [\d,]+ contacts")).click()
        self.page.get_by_role("alertdialog").get_by_role("button", name="Import", exact=True).click()
        expect(self.page.get_by_text("The import is complete.")).to_be_visible(timeout=30_000)

    def download(self, button: str, path: Path) -> Path:
        """A sheet of the summary (result or errors), kept at ``path``."""
        return save_download(self.page, self.page.get_by_role("button", name=button), path)


class ImportHistory(Screen):
    path = "/import/history"

    def job(self, file_name: str) -> Locator:
        return self.page.get_by_role("row", name=re.compile(re.escape(file_name)))

    def delete(self, file_name: str) -> None:
        """Delete an import from its row, confirming in the dialog."""
        self.page.get_by_role("button", name=f"Delete import of {file_name}").click()
        self.page.get_by_role("alertdialog").get_by_role("button", name="Delete import").click()
        expect(self.page.get_by_text(f"Import of “{file_name}” deleted")).to_be_visible()
