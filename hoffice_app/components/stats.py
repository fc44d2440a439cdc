"""A number on a card (the dashboard, the Settings overview): an icon, what is counted, the
number large, a line under it. With ``href`` the whole card is one link to the list behind
the number, named "<label>: <number>" so a screen reader (and a test) hears both at once."""
from __future__ import annotations

import reflex as rx


def _icon(icon: str, tone: str) -> rx.Component:
    return rx.center(rx.icon(icon, size=20), width="2.5rem", height="2.5rem", flex_shrink="0",
                     border_radius="var(--radius-3)", background=rx.color(tone, 3), color=rx.color(tone, 11))


def stat_card(label, value, icon: str, *, note=None, href=None, name=None, tone: str = "accent",
              quiet=None) -> rx.Component:
    """``note``: a component or text under the number. ``name``: the link's accessible name
    (needed with ``href``). ``quiet``: a Var; when true the card is greyed (nothing to act on)."""
    body = rx.hstack(
        _icon(icon, tone) if quiet is None else rx.cond(quiet, _icon(icon, "gray"), _icon(icon, tone)),
        rx.vstack(rx.text(label, size="2", color_scheme="gray", weight="medium"),
                  rx.text(value, size="7", weight="bold", line_height="1.1", color=rx.color("gray", 12)),
                  *([note if isinstance(note, rx.Component) else rx.text(note, size="1", color_scheme="gray")]
                    if note is not None else []),
                  spacing="1", min_width="0"),
        spacing="3", align="start",
    )
    if href is None:
        return rx.card(body, width="100%", aria_label=name)
    return rx.link(rx.card(body, width="100%", height="100%", class_name="stat-card"), href=href, underline="none",
                   aria_label=name, display="block", height="100%", color="inherit",
                   _hover={"& .stat-card": {"background": rx.color("accent", 2),
                                            "box-shadow": f"inset 0 0 0 1px {rx.color('accent', 7)}"}})
