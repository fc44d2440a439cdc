"""Custom fields on the lead and contact pages: each value as "label: value" in the card of its
section ("—" when empty, as the built-in fields show), the rest in "More details"."""
from __future__ import annotations

from dataclasses import dataclass

import reflex as rx

from hoffice_app.domain import customfields as cf

MORE = "more"


@dataclass
class CustomShown:
    """One custom value as a record's page shows it."""

    label: str = ""
    value: str = ""  # "" when empty
    place: str = MORE  # the page's card it shows in


def shown_values(session, actor, record: str, record_id: int, places: dict[str, str]) -> list[CustomShown]:
    """The record's active custom values as ``actor`` may read them, grouped by the card they
    show in (in ``places``' order, then "More details"), each group in form order.
    ``places``: a section name as an administrator writes it (any case) → the page's card."""
    known = {k.casefold(): v for k, v in places.items()}
    rank = {place: n for n, place in enumerate(dict.fromkeys(places.values()))}
    rows = [CustomShown(label=v.label, value=v.shown, place=known.get(v.section.casefold(), MORE))
            for v in cf.read_values(session, actor, record, [record_id])[record_id]]
    return sorted(rows, key=lambda r: rank.get(r.place, len(rank)))  # stable: form order within a card


def custom_items(values, place: str | None = None, min_width: str = "10rem") -> rx.Component:
    """Data-list items of the values in one card (all of them when ``place`` is None)."""
    def item(v: CustomShown) -> rx.Component:
        row = rx.data_list.item(rx.data_list.label(v.label, min_width=min_width), rx.data_list.value(
            rx.cond(v.value != "", rx.text(v.value, white_space="pre-wrap"), rx.text("—", color_scheme="gray"))))
        return row if place is None else rx.cond(v.place == place, row, rx.fragment())
    return rx.foreach(values, item)

