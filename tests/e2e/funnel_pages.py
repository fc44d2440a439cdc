"""Page object for the funnel board (/funnel, /funnel/<id>): one region per
stage, one article per card, a "Move to stage" list on each card."""
from __future__ import annotations

import re

from playwright.sync_api import Locator

from tests.e2e.pages import Screen


class FunnelBoard(Screen):
    path = "/funnel"

    def columns(self) -> Locator:
        return self.page.locator("[role=region]")

    def column_names(self) -> list[str]:
        """The stages, left to right, as the board labels them."""
        return self.columns().evaluate_all("els => els.map(e => e.ariaLabel)")

    def column(self, stage: str) -> Locator:
        return self.page.get_by_role("region", name=stage, exact=True)

    def cards(self, stage: str) -> Locator:
        return self.column(stage).get_by_role("article")

    def card(self, title: str, stage: str | None = None) -> Locator:
        """A card by its title, in one stage's column or anywhere on the board."""
        return (self.column(stage) if stage else self.page).get_by_role("article", name=title)

    def card_by_code(self, code: str, stage: str) -> Locator:
        """A card by its lead's code (titles of demo leads repeat), in one stage's column."""
        return self.cards(stage).filter(has=self.page.locator(f'a[href$="/leads/{code}"]'))

    def code_of(self, card: Locator) -> str:
        """The code of the lead a card shows (its title links to /leads/<code>)."""
        return card.get_by_role("link").first.get_attribute("href").rstrip("/").rsplit("/", 1)[-1]

    def move_card(self, card: Locator, stage: str) -> None:
        """Through that card's own "Move to stage" list."""
        card.get_by_label(re.compile("^Move to stage: ")).select_option(label=stage)

    def count_label(self, stage: str) -> Locator:
        return self.column(stage).get_by_label("Count")

    def count(self, stage: str) -> int:
        return int(self.count_label(stage).inner_text())

    def counts(self) -> dict[str, int]:
        """Every column's count, by stage."""
        return {region.get_attribute("aria-label"): int(region.get_by_label("Count").inner_text())
                for region in self.columns().all()}

    def sums(self, stage: str) -> str:
        """The header's value and weighted value, e.g. "₹12 L · weighted ₹2.4 L (20%)"."""
        return self.column(stage).get_by_label("Value").inner_text()

    def drag(self, card: Locator, stage: str) -> None:
        card.drag_to(self.column(stage), target_position={"x": 100, "y": 30})

    def move_list(self, title: str) -> Locator:
        return self.page.get_by_label(f"Move to stage: {title}")

    def move(self, title: str, stage: str) -> None:
        """Through the card's "Move to stage" list (keyboard-reachable)."""
        self.move_list(title).select_option(label=stage)

    def show_more(self, stage: str) -> None:
        self.column(stage).get_by_role("button", name=re.compile(r"^Show (\d+ more|the last)")).click()

    def toggle_mine(self) -> None:
        self.page.get_by_role("switch").first.click()

    def clear_filters(self) -> None:
        self.page.get_by_role("button", name="Clear filters").click()

    def lost_dialog(self) -> Locator:
        return self.page.get_by_role("dialog", name="Why was it lost?")

    def lost_dialog_alert(self) -> Locator:
        return self.lost_dialog().get_by_role("alert")

    def choose_lost_reason(self, reason: str) -> None:
        self.lost_dialog().get_by_label("Lost reason", exact=True).click()
        self.page.get_by_role("option", name=reason, exact=True).click()

    def mark_as_lost(self) -> None:
        self.lost_dialog().get_by_role("button", name="Mark as lost").click()

    def countdown(self, card: Locator) -> Locator:
        """A card's "⏱ Revoked in 5 h" line, while a revoke policy counts down on its lead."""
        return card.get_by_text(re.compile(r"Revoked in|Being revoked"))
