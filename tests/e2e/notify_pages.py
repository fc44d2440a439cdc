"""Page objects for Settings → Notifications: E-mail & SMS (/settings/notifications),
Events & wording (/settings/notification-events) and the Outbox (/settings/outbox)."""
from __future__ import annotations

from playwright.sync_api import Locator, expect

from tests.e2e.pages import Screen


class ChannelsPage(Screen):
    path = "/settings/notifications"

    def open(self) -> "ChannelsPage":
        self.page.goto(self.path)
        expect(self.page.get_by_role("heading", name="SMS gateway")).to_be_visible()
        return self

    def field(self, label: str) -> Locator:
        return self.page.get_by_label(label, exact=True)

    def send_test(self, button: str, to: str) -> None:
        """Fill the address beside ``button`` ("Send test e-mail", "Send test SMS") and press it."""
        self.page.get_by_label(f"{button} to").fill(to)
        self.page.get_by_role("button", name=button).click()

    def answer(self, text: str) -> Locator:
        """The callout with a test send's answer ("Sent. The server answered: …" or "Not sent. …")."""
        return self.page.get_by_role("status").filter(has_text=text)


class EventsPage(Screen):
    path = "/settings/notification-events"

    def open(self) -> "EventsPage":
        self.page.goto(self.path)
        expect(self.page.get_by_role("heading", name="Wording", exact=True)).to_be_visible()
        return self

    def switch(self, event_label: str, channel_label: str) -> Locator:
        return self.page.get_by_role("switch", name=f"{event_label} · {channel_label}")

    def choose(self, label: str, option: str) -> None:
        self.page.get_by_role("combobox", name=label).click()
        self.page.get_by_role("option", name=option, exact=True).click()

    def subject(self) -> Locator:
        return self.page.get_by_label("Subject (the bell's title, the e-mail's subject)")

    def body(self) -> Locator:
        return self.page.get_by_label("Message", exact=True)

    def body_error(self) -> Locator:
        return self.page.get_by_role("alert").filter(has_text="placeholder")

    def note(self) -> Locator:
        return self.page.get_by_role("status")

    def press(self, name: str) -> None:
        self.page.get_by_role("button", name=name, exact=True).click()

    def preview_on(self, code: str) -> Locator:
        self.page.get_by_label("Lead to preview on").fill(code)
        self.press("Preview")
        return self.page.get_by_label("Preview", exact=True)


class OutboxPage(Screen):
    path = "/settings/outbox"

    def open(self) -> "OutboxPage":
        self.page.goto(self.path)
        expect(self.page.get_by_role("button", name="All")).to_be_visible()
        return self

    def tab(self, label: str) -> None:
        self.page.get_by_role("button", name=label).click()

    def row(self, to: str) -> Locator:
        return self.page.get_by_role("row").filter(has_text=to)

    def note(self) -> Locator:
        return self.page.get_by_role("status")
