"""The bell button in the top bar: its unread count, and a panel of the latest notifications."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.terms import say
from hoffice_app.pages.notifications.state import BellState


def _item(row) -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.box(width="0.5rem", height="0.5rem", border_radius="50%", flex_shrink="0", margin_top="0.4rem",
                   background=rx.cond(row["unread"], rx.color("accent", 9), "transparent")),
            rx.vstack(
                rx.text(row["title"], size="2", weight=rx.cond(row["unread"], "bold", "regular")),
                rx.text(row["body"], size="1", color_scheme="gray", style={"overflowWrap": "anywhere"}),
                rx.text(row["when"], size="1", color_scheme="gray"),
                spacing="1", min_width="0",
            ),
            spacing="2", align="start",
        ),
        role="button", tab_index=0, aria_label=row["title"],
        on_click=BellState.open_item(row["id"], row["link"]),
        padding="0.5rem", border_radius="var(--radius-2)", cursor="pointer",
        _hover={"background": rx.color("gray", 3)}, _focus_visible={"outline": f"2px solid {rx.color('accent', 8)}"},
    )


def bell() -> rx.Component:
    return rx.popover.root(
        rx.popover.trigger(
            rx.button(
                rx.icon("bell", size=18),
                rx.cond(BellState.unread > 0,
                        rx.badge(BellState.unread_label, color_scheme="red", variant="solid", radius="full",
                                 size="1", position="absolute", top="-0.3rem", right="-0.4rem",
                                 aria_hidden="true")),
                variant="ghost", position="relative", aria_label=BellState.bell_label, title="Notifications",
                on_mount=BellState.start,
            ),
        ),
        rx.popover.content(
            rx.vstack(
                rx.hstack(
                    rx.heading("Notifications", size="3"),
                    rx.spacer(),
                    rx.cond(BellState.unread > 0,
                            rx.button("Mark all as read", size="1", variant="ghost",
                                      on_click=BellState.mark_all_read)),
                    width="100%", align="center",
                ),
                rx.cond(
                    BellState.latest.length() > 0,
                    rx.vstack(rx.foreach(BellState.latest, _item), spacing="1", width="100%",
                              max_height="24rem", overflow_y="auto", role="list"),
                    rx.text(say("Nothing yet. Leads assigned to you, reminders of your follow-ups and changes to "
                                "leads you follow will show here."), size="2", color_scheme="gray"),
                ),
                rx.hstack(
                    rx.link("See all", href=routes.NOTIFICATIONS, size="2"),
                    rx.spacer(),
                    rx.link("Preferences", href=routes.NOTIFICATION_PREFERENCES, size="2"),
                    width="100%",
                ),
                spacing="3", width="100%",
            ),
            width="22rem", max_width="92vw", aria_label="Notifications",
        ),
    )
