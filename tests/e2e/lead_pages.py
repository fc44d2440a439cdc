"""Page objects for leads and follow-ups: the lead form (with its "+" new
contact dialog), a lead's page and the lead list."""
from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Locator, expect

from tests.e2e.pages import Screen, WithSavedViews, choose_file


class LeadForm(Screen):
    path = "/leads/new"

    def open_new(self) -> "LeadForm":
        self.page.goto(self.path)
        expect(self.page.get_by_role("button", name=re.compile(r"^Save "))).to_be_visible()
        return self

    def open_edit(self, code: str) -> "LeadForm":
        self.page.goto(f"/leads/{code}/edit")
        expect(self.page.get_by_role("button", name=re.compile(r"^Save "))).to_be_visible()
        expect(self.field("Title")).not_to_have_value("")  # filled from the lead
        return self

    def conflict(self) -> Locator:
        """The note above a form whose save was refused (someone changed the same fields)."""
        return self.page.get_by_role("alert").filter(has_text="after you opened it")

    def heading(self, name: str) -> Locator:
        return self.page.get_by_role("heading", name=name).first

    def section(self, name: str) -> Locator:
        return self.page.get_by_role("region", name=name)

    def field(self, label: str) -> Locator:
        return self.page.get_by_label(label)

    def information(self, label: str) -> Locator:
        """A value the "Lead information" section shows for the chosen contact."""
        return self.section("Lead information").get_by_label(label, exact=True)

    def textbox(self, name: str) -> Locator:
        return self.page.get_by_role("textbox", name=name)

    def fill(self, label: str, value: str, *, within=None) -> None:
        (within or self.page).get_by_label(label, exact=True).fill(value)

    def choose(self, label: str, option: str, *, within=None) -> None:
        (within or self.page).get_by_label(label, exact=True).click()
        self.page.get_by_role("option", name=option, exact=True).click()

    def checkbox(self, group: str, option: str) -> Locator:
        return self.page.get_by_role("group", name=group).get_by_role("checkbox", name=option, exact=True)

    def tick(self, group: str, option: str) -> None:
        self.checkbox(group, option).click()

    def pick_contact(self, label: str, search: str, result: str) -> None:
        self.page.get_by_label(label, exact=True).fill(search)
        found = self.page.get_by_role("listbox", name="Contacts found")
        found.get_by_role("option", name=re.compile(re.escape(result))).first.click()

    def chosen_contact(self, label: str) -> Locator:
        """The badge naming the chosen contact ("Sagar Cables · C000123") above the picker."""
        return self.page.get_by_text(label, exact=True)

    def product_search(self) -> Locator:
        return self.page.get_by_role("combobox", name="Products")

    def product_result(self, label: str) -> Locator:
        """A product the picker found: "code · name · category"."""
        return self.page.get_by_role("listbox", name="Products found").get_by_role("option", name=label, exact=True)

    def add_product(self, text: str, label: str) -> None:
        """Type a product's name or code and click the result ``label``."""
        self.product_search().fill(text)
        self.product_result(label).click()

    def product_line(self, what: str, product: str) -> Locator:
        """A line's "Quantity" or "Unit price" input, or its "Total", by the line's label."""
        return self.section("Lead information").get_by_label(f"{what} of {product}", exact=True)

    def new_contact_dialog(self) -> Locator:
        return self.page.get_by_role("dialog", name="New contact")

    def open_new_contact(self) -> Locator:
        """The "+" next to Contact: a contact made in place. Returns its dialog."""
        self.page.get_by_role("button", name="New contact").click()
        return self.new_contact_dialog()

    def create_contact(self) -> None:
        self.new_contact_dialog().get_by_role("button", name="Create contact").click()

    def save(self) -> str:
        self.page.get_by_role("button", name=re.compile(r"^Save ")).click()
        expect(self.page).to_have_url(re.compile(r"/leads/L\d{6}/?$"))
        return re.search(r"L\d{6}", self.page.url).group(0)


class LeadDetail(Screen):
    """/leads/<code>: details, attachments, follow-ups and the timeline."""

    def open(self, code: str) -> "LeadDetail":
        self.page.goto(f"/leads/{code}")
        return self

    def section(self, name: str) -> Locator:
        return self.page.get_by_role("region", name=name)

    def attach(self, path: Path) -> None:
        choose_file(self.page, self.page.locator("#lead-upload input[type=file]"), path)

    def attachment(self, name: str) -> Locator:
        return self.section("Attachments").get_by_role("link", name=name)

    def follow_ups(self) -> Locator:
        return self.section("Follow-ups")

    def follow_up_text(self, text: str) -> Locator:
        return self.follow_ups().get_by_text(text)

    def follow_up(self, name) -> Locator:
        return self.follow_ups().get_by_role("article", name=name)

    def schedule_follow_up(self, due: str) -> None:
        self.page.get_by_role("button", name="Schedule follow-up").click()
        plan = self.page.get_by_role("dialog", name="Schedule follow-up")
        plan.get_by_label("Due").fill(due)
        plan.get_by_role("button", name="Schedule").click()

    def complete_follow_up(self, outcome: str, *, next_type: str, next_due: str) -> None:
        """Complete the planned follow-up while planning the next one."""
        self.follow_ups().get_by_role("button", name="Complete").click()
        done = self.page.get_by_role("dialog", name="Complete follow-up")
        done.get_by_label("Outcome").fill(outcome)
        LeadForm(self.page).choose("Type", next_type, within=done)
        done.get_by_label("Due").fill(next_due)
        done.get_by_role("button", name="Complete").click()


class LeadList(WithSavedViews, Screen):
    path = "/leads"

    def heading(self, name: str) -> Locator:
        return self.page.get_by_role("heading", name=name, level=1).first

    def quick_view(self, name: str) -> Locator:
        return self.page.get_by_role("radio", name=name)

    def add_link(self, label: str) -> Locator:
        return self.page.get_by_role("link", name=re.compile(re.escape(label)))

    def link(self, title: str) -> Locator:
        return self.page.get_by_role("region", name="Leads").get_by_role("link", name=title)

    def search_box(self) -> Locator:
        return self.page.get_by_label("Search leads")

    def filters_button(self) -> Locator:
        return self.page.get_by_role("button", name=re.compile(r"^Filters"))

    def search(self, text: str) -> None:
        self.page.get_by_label("Search leads").fill(text)

    def row(self, title: str) -> Locator:
        """The list's row of the lead titled ``title`` (title and contact share a cell)."""
        return self.page.get_by_role("region", name="Leads").get_by_role("row").filter(
            has=self.page.get_by_role("link", name=title))


class LeadRevoke(Screen):
    """The lead list's "Revoke / re-assign…" dialog and the note after it (managers)."""

    def select(self, code: str) -> None:
        self.page.get_by_role("checkbox", name=f"Select {code}").click()

    def open_for_selected(self) -> Locator:
        self.page.get_by_role("button", name="Revoke / re-assign…").click()
        return self.dialog()

    def dialog(self) -> Locator:
        return self.page.get_by_role("dialog", name="Revoke / re-assign")

    def choose_target(self, label: str) -> None:
        self.dialog().get_by_role("radio", name=label).click()

    def give_reason(self, reason: str) -> None:
        self.dialog().get_by_label("Reason").fill(reason)

    def go_on(self) -> None:
        self.dialog().get_by_role("button", name="Continue").click()

    def question(self) -> Locator:
        return self.dialog().get_by_role("status")

    def field_error(self, text: str) -> Locator:
        return self.dialog().get_by_role("alert").filter(has_text=text)

    def confirm(self) -> None:
        self.dialog().get_by_role("button", name="Revoke", exact=True).click()

    def result(self) -> Locator:
        return self.page.get_by_role("status").filter(has_text="Revoked ")

    def undo(self) -> None:
        self.result().get_by_role("button", name="Undo").click()

    def undo_note(self) -> Locator:
        return self.page.get_by_role("status").filter(has_text="put back")

    def row(self, code: str) -> Locator:
        return self.page.get_by_role("region", name=re.compile("Leads|Inquiries")).get_by_role("row").filter(
            has_text=code)


class LeadPolicyPanel(Screen):
    """A lead page's revoke countdown, hold and revokes."""

    def countdown(self) -> Locator:
        return self.page.get_by_role("status", name="Revoke countdown")

    def hold_switch(self) -> Locator:
        return self.page.get_by_role("switch", name="On hold")

    def hold_badge(self) -> Locator:
        return self.page.get_by_text("On hold", exact=True).first


class FollowUpList(Screen):
    """/follow-ups: Overdue, Today and Upcoming; Mine and Team tabs for a manager."""

    path = "/follow-ups"

    def open(self) -> "FollowUpList":
        self.page.goto(self.path)
        expect(self.section("Today")).to_be_visible()
        return self

    def tab(self, name: str) -> Locator:
        return self.page.get_by_role("tab", name=name)

    def section(self, name: str) -> Locator:
        return self.page.get_by_role("region", name=name)

    def row(self, section: str, text: str) -> Locator:
        return self.section(section).get_by_role("article").filter(has_text=text)

    def reschedule(self, section: str, text: str, due: str) -> Locator:
        """Move the row to ``due`` ("YYYY-MM-DDTHH:MM"); returns the dialog."""
        self.row(section, text).get_by_role("button", name="Reschedule").click()
        dialog = self.page.get_by_role("dialog", name="Reschedule follow-up")
        dialog.get_by_label("New due time").fill(due)
        dialog.get_by_role("button", name="Reschedule").click()
        return dialog
