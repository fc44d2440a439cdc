"""Page objects for Settings: the master lists, company defaults, employees,
funnels & stages (all under /settings/<section>)."""
from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.e2e.pages import Screen


class MasterListPage(Screen):
    def __init__(self, page: Page, kind: str, label: str):
        super().__init__(page)
        self.kind, self.label = kind, label
        self.path = f"/settings/{kind}"

    def open(self) -> "MasterListPage":
        self.page.goto(self.path)
        expect(self.table()).to_be_visible()
        return self

    def table(self) -> Locator:
        return self.page.get_by_role("region", name=self.label).get_by_role("table")

    def add(self, name: str, field_label: str) -> None:
        self.page.get_by_label(field_label).fill(name)
        self.page.get_by_role("button", name="Add").click()

    def message(self, text: str) -> Locator:
        """The refusal shown next to the "new entry" field."""
        return self.alert().filter(has_text=text)

    def choose_parent(self, label: str, option: str) -> None:
        """The parent list of a child master (the industry of a segment)."""
        self.page.get_by_label(label, exact=True).click()
        self.page.get_by_role("option", name=option).click()

    def row(self, name: str) -> Locator:
        return self.table().get_by_role("row").filter(has_text=name)

    def row_at(self, index: int) -> Locator:
        return self.table().get_by_role("row").nth(index)

    def rename(self, name: str, new_name: str, *, dialog: str) -> None:
        self.row(name).get_by_role("button", name="Edit").click()
        editor = self.page.get_by_role("dialog", name=dialog)
        editor.get_by_label("Name").fill(new_name)
        editor.get_by_role("button", name="Save").click()

    def move_down(self, name: str) -> None:
        self.page.get_by_role("button", name=f"Move {name} down").click()

    def deactivate(self, name: str) -> None:
        self.row(name).get_by_role("button", name="Deactivate").click()

    def delete(self, name: str) -> None:
        """Delete, and confirm in the question that follows."""
        self.row(name).get_by_role("button", name="Delete").click()
        self.confirmation().get_by_role("button", name="Delete").click()

    def confirmation(self) -> Locator:
        return self.page.get_by_role("alertdialog")

    def confirmation_message(self) -> Locator:
        return self.confirmation().get_by_role("alert")

    def cancel(self) -> None:
        self.confirmation().get_by_role("button", name="Cancel").click()

    def default_status(self, lead_type: str) -> Locator:
        """Lead types: the drop-down of the status a new lead of ``lead_type`` starts with."""
        return self.page.get_by_label(f"Default status of {lead_type}", exact=True)

    def choose_default_status(self, lead_type: str, status: str) -> None:
        self.default_status(lead_type).click()
        self.page.get_by_role("option", name=status, exact=True).click()


class DefaultsPage(Screen):
    path = "/settings/defaults"

    def field(self, label: str) -> Locator:
        return self.page.get_by_label(label)

    def save(self) -> None:
        self.page.get_by_role("button", name="Save defaults").click()


class EmployeesPage(Screen):
    path = "/settings/employees"

    def open(self) -> "EmployeesPage":
        self.page.goto(self.path)
        expect(self.table()).to_be_visible()
        return self

    def table(self) -> Locator:
        return self.page.get_by_role("region", name="Employees").get_by_role("table")

    def row(self, name: str) -> Locator:
        return self.table().get_by_role("row").filter(has_text=name)

    def start_adding(self) -> None:
        self.page.get_by_role("button", name="Add employee").click()

    def edit(self, name: str) -> None:
        self.row(name).get_by_role("button", name="Edit").click()

    def dialog(self) -> Locator:
        """The add / edit form."""
        return self.page.get_by_role("dialog")

    def fill(self, label: str, value: str) -> None:
        self.dialog().get_by_label(label).fill(value)

    def save(self) -> None:
        self.dialog().get_by_role("button", name="Save").click()

    def dialog_alert(self) -> Locator:
        return self.dialog().get_by_role("alert")

    def password_dialog(self) -> Locator:
        return self.page.get_by_role("dialog", name="New password")

    def new_password(self) -> str:
        """The password shown once, after adding an employee or resetting theirs."""
        return self.password_dialog().get_by_label("New password").inner_text().strip()

    def done(self) -> None:
        self.password_dialog().get_by_role("button", name="Done").click()

    def confirm(self, name: str, action: str) -> None:
        """A row's action (Deactivate, Reset password), confirmed."""
        self.row(name).get_by_role("button", name=action).click()
        self.page.get_by_role("alertdialog").get_by_role("button", name="Confirm").click()


class FunnelSettingsPage(Screen):
    path = "/settings/funnels"

    def add_funnel(self, name: str) -> None:
        self.page.get_by_label("New funnel").fill(name)
        self.page.get_by_role("button", name="Add funnel").click()

    def open_board(self, funnel: str) -> None:
        self.page.get_by_role("region", name="Funnels", exact=True) \
            .get_by_role("row", name=re.compile(re.escape(funnel))).get_by_role("button", name="Board", exact=True) \
            .click()

    def stages(self) -> Locator:
        return self.page.get_by_role("region", name="Stages", exact=True)

    def stages_heading(self) -> Locator:
        return self.stages().get_by_role("heading")

    def stage(self, name: str) -> Locator:
        return self.stages().get_by_role("row", name=re.compile(re.escape(name)))

    def stage_at(self, index: int) -> Locator:
        return self.stages().get_by_role("row").nth(index)

    def start_adding_stage(self) -> None:
        self.stages().get_by_role("button", name="Add stage").click()

    def stage_dialog(self) -> Locator:
        return self.page.get_by_role("dialog", name="Add a stage")

    def fill_stage(self, label: str, value: str) -> None:
        self.stage_dialog().get_by_label(label).fill(value)

    def save_stage(self) -> None:
        self.stage_dialog().get_by_role("button", name="Save stage").click()

    def stage_dialog_alert(self) -> Locator:
        return self.stage_dialog().get_by_role("alert")

    def move_stage_up(self, name: str) -> None:
        self.stages().get_by_role("button", name=f"Move {name} up").click()

    def remove_stage(self, name: str) -> None:
        """Remove, and confirm in the question that follows."""
        self.stages().get_by_role("button", name=f"Remove {name}").click()
        self.page.get_by_role("alertdialog", name="Remove this stage?").get_by_role("button", name="Remove").click()


class CustomFieldsPage(Screen):
    """Settings → Custom fields: a tab per record kind, its fields' table, the add / edit dialog
    with a select's options."""

    path = "/settings/custom-fields"

    def open(self) -> "CustomFieldsPage":
        self.page.goto(self.path)
        expect(self.page.get_by_role("tab", name="Contacts")).to_be_visible()
        return self

    def tab(self, name: str) -> None:
        self.page.get_by_role("tab", name=name).click()

    def fields(self, record: str) -> Locator:
        """The region of one record kind's fields ("Lead fields", "Contact fields")."""
        return self.page.get_by_role("region", name=record)

    def row(self, label: str) -> Locator:
        return self.page.get_by_role("row").filter(has=self.page.get_by_text(label, exact=True))

    def start_adding(self) -> None:
        self.page.get_by_role("button", name="Add field").click()
        expect(self.dialog()).to_be_visible()

    def edit(self, label: str) -> None:
        self.page.get_by_role("button", name=f"Edit {label}", exact=True).click()
        expect(self.dialog()).to_be_visible()

    def dialog(self) -> Locator:
        return self.page.get_by_role("dialog")

    def fill(self, label: str, value: str) -> None:
        self.dialog().get_by_label(label, exact=True).fill(value)

    def choose_type(self, kind: str) -> None:
        self.dialog().get_by_label("Type", exact=True).click()
        self.page.get_by_role("option", name=kind, exact=True).click()

    def add_option(self, name: str, *, enter: bool = False) -> None:
        box = self.dialog().get_by_label("New option")
        box.fill(name)
        if enter:
            box.press("Enter")
        else:
            self.dialog().get_by_role("button", name="Add option").click()
        expect(self.option(name)).to_be_visible()

    def option(self, name: str) -> Locator:
        return self.dialog().get_by_label(f"Name of option {name}", exact=True)

    def option_names(self) -> Locator:
        return self.dialog().get_by_label(re.compile(r"^Name of option "))

    def rename_option(self, name: str, new_name: str) -> None:
        self.option(name).fill(new_name)
        self.option(new_name).blur()

    def move_option_up(self, name: str) -> None:
        self.dialog().get_by_role("button", name=f"Option {name} up", exact=True).click()

    def save(self) -> None:
        self.dialog().get_by_role("button", name="Save field").click()

    def error(self, text: str) -> Locator:
        return self.dialog().get_by_role("alert").filter(has_text=text)
