"""Page objects: how a person reaches each screen, with role and label locators."""
from __future__ import annotations

import re

from playwright.sync_api import Page, expect


class LoginPage:
    def __init__(self, page: Page):
        self.page = page

    def open(self) -> "LoginPage":
        self.page.goto("/login")
        expect(self.page.get_by_role("button", name="Log in")).to_be_visible()
        return self

    def submit(self, identifier: str, password: str) -> None:
        self.page.get_by_label("Email or employee code").fill(identifier)
        self.page.get_by_label("Password").fill(password)
        self.page.get_by_role("button", name="Log in").click()

    def log_in(self, identifier: str, password: str) -> None:
        self.open().submit(identifier, password)
        expect(self.page.get_by_role("button", name="User menu")).to_be_visible()

    def error(self):
        return self.page.get_by_role("alert")


class Shell:
    def __init__(self, page: Page):
        self.page = page

    def nav(self):
        return self.page.get_by_role("navigation", name="Main")

    def log_out(self) -> None:
        self.page.get_by_role("button", name="User menu").click()
        self.page.get_by_role("menuitem", name="Log out").click()
        expect(self.page).to_have_url(re.compile(r"/login/?$"))


class MasterListPage:
    def __init__(self, page: Page, kind: str, label: str):
        self.page, self.kind, self.label = page, kind, label

    def open(self) -> "MasterListPage":
        self.page.goto(f"/settings/{self.kind}")
        expect(self.table()).to_be_visible()
        return self

    def table(self):
        return self.page.get_by_role("region", name=self.label).get_by_role("table")

    def add(self, name: str, field_label: str) -> None:
        self.page.get_by_label(field_label).fill(name)
        self.page.get_by_role("button", name="Add").click()

    def row(self, name: str):
        return self.table().get_by_role("row").filter(has_text=name)
