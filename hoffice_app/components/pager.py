"""Previous / page x of y / Next, for any list state with page, pages and go_to_page."""
from __future__ import annotations

import reflex as rx


def pager(S, summary: rx.Component, *, page=None, pages=None, go=None) -> rx.Component:
    """Previous / Page n of m / Next for a state with ``page``, ``pages`` and
    ``go_to_page`` (or the vars and handler given instead)."""
    page = S.page if page is None else page
    pages = S.pages if pages is None else pages
    go = go or S.go_to_page
    # Wraps: on a phone the buttons go under the summary instead of pushing the page sideways.
    return rx.flex(
        rx.box(summary, min_width="0"),
        rx.spacer(),
        rx.hstack(
            rx.button(rx.icon("chevron-left", size=16), "Previous", variant="soft", disabled=page <= 1,
                      on_click=go(page - 1)),
            rx.text("Page ", page, " of ", pages, size="2", white_space="nowrap"),
            rx.button("Next", rx.icon("chevron-right", size=16), variant="soft", disabled=page >= pages,
                      on_click=go(page + 1)),
            align="center", margin_left="auto"),
        width="100%", align="center", wrap="wrap", spacing="3")
