"""Previous / page x of y / Next, for any list state with page, pages and go_to_page."""
from __future__ import annotations

import reflex as rx


def pager(S, summary: rx.Component) -> rx.Component:
    return rx.hstack(
        summary,
        rx.spacer(),
        rx.button(rx.icon("chevron-left", size=16), "Previous", variant="soft", disabled=S.page <= 1,
                  on_click=S.go_to_page(S.page - 1)),
        rx.text("Page ", S.page, " of ", S.pages, size="2"),
        rx.button("Next", rx.icon("chevron-right", size=16), variant="soft", disabled=S.page >= S.pages,
                  on_click=S.go_to_page(S.page + 1)),
        width="100%", align="center")
