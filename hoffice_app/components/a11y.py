"""Small pieces for assistive technology (docs/accessibility.md): text only screen readers hear,
and a name for the file input a drop zone hides inside itself."""
from __future__ import annotations

import reflex as rx


def sr_only(text) -> rx.Component:
    """Text in a control's accessible name that the eye gets from an icon or a picture instead
    (assets/a11y.css)."""
    return rx.el.span(text, class_name="sr-only")


def name_file_input(zone: rx.Component, name: str) -> rx.Component:
    """Give the ``<input type=file>`` of an ``rx.upload.root`` drop zone an accessible name.

    The drop zone builds that input itself and offers no prop for it, so a screen reader (and
    axe's "label" rule) meets an unnamed control; the name goes on as an attribute of the input
    component before rendering. Returns ``zone``."""
    pending = [zone]
    while pending:
        component = pending.pop()
        if getattr(component, "tag", None) == "input":
            component.custom_attrs["aria-label"] = name
            return zone
        pending.extend(getattr(component, "children", []))
    raise ValueError("no file input inside this drop zone")
