"""Filter drop-downs shared by the lead list and the funnel board: "Any …"
first (value ANY), then the options."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.terms import say

ANY = "all"
LEAD_SOURCES = [("contact", "Contacts / Prospects"), ("employee", "Employee"), ("friend", "Friend / Family"),
                ("campaign", "Campaign / Activity")]


def filter_choice(label: str, value, on_change, options=None, pairs=None) -> rx.Component:
    """``options``: a list var of Option; ``pairs``: fixed (value, text) pairs."""
    items = [rx.select.item(say(f"Any {label.lower()}"), value=ANY)]
    items += [rx.select.item(text, value=v) for v, text in pairs] if pairs else \
        [rx.foreach(options, lambda o: rx.select.item(o.label, value=o.value))]
    return rx.select.root(rx.select.trigger(placeholder=say(label), aria_label=say(label), variant="soft"),
                          rx.select.content(*items), value=value, on_change=on_change)
