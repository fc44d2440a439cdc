"""A number on a card (the dashboard, the Settings overview): an icon, what is counted, the
number large, a line under it. With ``href`` the whole card is one link to the list behind
the number, named "<label>: <number>" so a screen reader (and a test) hears both at once."""
from __future__ import annotations

import reflex as rx


def _icon(icon: str, tone: str) -> rx.Component:
    """Left out on a phone, where two cards share a row and the label needs the width."""
    return rx.center(rx.icon(icon, size=16), width="2rem", height="2rem", flex_shrink="0",
                     border_radius="var(--radius-3)", background=rx.color(tone, 3), color=rx.color(tone, 11),
                     display=rx.breakpoints(initial="none", sm="flex"))


def stat_card(label, value, icon: str, *, note=None, href=None, name=None, tone: str = "accent",
              quiet=None, label_lines: int = 1) -> rx.Component:
    """``note``: a component or text under the number. ``name``: the link's accessible name
    (needed with ``href``). ``quiet``: a Var; when true the icon is grey (nothing to act on).
    ``label_lines``: the room the label gets on wide screens (two lines on narrow ones), so the
    numbers of cards side by side line up.

    With ``href`` the link holds the label and the number only — its name must contain the text it
    shows (WCAG 2.5.3, "label in name") — and stretches over the whole card, note included, so
    the card is still one target to click."""
    top = rx.vstack(
        rx.hstack(rx.text(label, size="2", color_scheme="gray", weight="medium", flex="1", min_width="0",
                          min_height=rx.breakpoints(initial="2.9em", lg=f"{1.45 * label_lines:.2f}em")),
                  _icon(icon, tone) if quiet is None else rx.cond(quiet, _icon(icon, "gray"), _icon(icon, tone)),
                  align="start", spacing="2", width="100%"),
        rx.text(value, size="7", weight="bold", line_height="1", color=rx.color("gray", 12)),
        spacing="2", width="100%",
    )
    notes = ([note if isinstance(note, rx.Component) else rx.text(note, size="1", color_scheme="gray")]
             if note is not None else [])
    if href is None:
        return rx.card(rx.vstack(top, *notes, spacing="2", width="100%"), width="100%", aria_label=name)
    link = rx.link(top, href=href, underline="none", aria_label=name, display="block", color="inherit",
                   _after={"content": "''", "position": "absolute", "inset": "0", "borderRadius": "inherit"})
    return rx.card(rx.vstack(link, *notes, spacing="2", width="100%"), width="100%", height="100%",
                   position="relative", class_name="stat-card",
                   _hover={"background": rx.color("accent", 2),
                           "box-shadow": f"inset 0 0 0 1px {rx.color('accent', 7)}"})
