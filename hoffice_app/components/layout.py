"""The app shell: navigation, user menu and the page frame.

Navigation lists only pages that exist; Settings only for administrators (the
server refuses the rest anyway). Wide screens get a sidebar, narrow ones a top
bar with the same links. On paper only the page's title and content show
(``no-print``, assets/print.css).
"""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.a11y import sr_only
from hoffice_app.components.terms import say
from hoffice_app.pages.notifications.bell import bell
from hoffice_app.state.auth import AuthState

# What shows at phone width (under 48em, 768 px: where the sidebar gives way to the top bar) and
# what from there up: lists swap their table for cards (pages/*/list_cards.py).
ON_PHONE = rx.breakpoints(initial="flex", sm="none")
ON_WIDE = rx.breakpoints(initial="none", sm="block")

NAV = [("Dashboard", routes.DASHBOARD, "layout-dashboard", False),
       (AuthState.leads_label, routes.LEADS, "target", False),
       ("Funnel", routes.FUNNEL, "columns-3", False),
       ("Follow-ups", routes.FOLLOW_UPS, "calendar-clock", False),
       ("Insights", routes.INSIGHTS, "chart-column", False),
       ("Contacts", routes.CONTACTS, "contact", False),
       ("Documents", routes.DOCUMENTS, "folder-open", False),
       ("Settings", routes.SETTINGS, "settings", True)]


def _nav_link(label, href: str, icon: str, compact: bool = False) -> rx.Component:
    path = rx.State.router.url.path
    active = (path == href) if href == "/" else path.startswith(href)
    return rx.link(
        rx.hstack(rx.icon(icon, size=18), rx.text(label, size="2", weight="medium"), align="center", spacing="2"),
        href=href, underline="none",
        color=rx.cond(active, rx.color("accent", 11), rx.color("gray", 11)),
        background=rx.cond(active, rx.color("accent", 3), "transparent"),
        padding_x="0.75rem", padding_y="0.5rem", border_radius="var(--radius-2)",
        width="auto" if compact else "100%",
        _hover={"background": rx.color("gray", 3)},
    )


def _nav_links(compact: bool = False) -> list[rx.Component]:
    links = []
    for label, href, icon, admin_only in NAV:
        link = _nav_link(label, href, icon, compact)
        links.append(rx.cond(AuthState.is_admin, link) if admin_only else link)
    return links


def _brand() -> rx.Component:
    return rx.hstack(
        rx.center(rx.text("H", weight="bold", color="white"), width="2rem", height="2rem",
                  background=rx.color("accent", 9), border_radius="var(--radius-2)"),
        rx.vstack(rx.text("H-Office", weight="bold", size="3", line_height="1"),
                  rx.text(say("Leads & Contacts"), size="1", color_scheme="gray", line_height="1"), spacing="1"),
        align="center", spacing="2",
    )


def user_menu() -> rx.Component:
    return rx.menu.root(
        rx.menu.trigger(
            # Named by what it shows plus "User menu" (hidden from the eye): a name that contains the
            # visible text (WCAG 2.5.3, "label in name"), unlike an aria-label of its own.
            rx.button(rx.avatar(fallback=AuthState.user_initials, size="1", radius="full"),
                      rx.text(AuthState.user_name, size="2", display=["none", "inline"]),
                      sr_only(" User menu"),
                      rx.icon("chevron-down", size=14), variant="ghost"),
        ),
        rx.menu.content(
            rx.box(rx.text(AuthState.user_code, " · ", AuthState.user_role, size="1", color_scheme="gray"),
                   padding_x="0.5rem", padding_y="0.25rem"),
            rx.menu.separator(),
            rx.menu.item(rx.icon("log-out", size=14), "Log out", on_select=AuthState.logout),
        ),
    )


def sidebar() -> rx.Component:
    return rx.vstack(
        _brand(),
        rx.el.nav(rx.vstack(*_nav_links(), spacing="1", width="100%"), aria_label="Main",
                  style={"width": "100%", "marginTop": "1.5rem"}),
        width="14rem", height="100vh", position="sticky", top="0", padding="1rem", flex_shrink="0",
        border_right=f"1px solid {rx.color('gray', 5)}", background=rx.color("gray", 2),
        display=["none", "none", "flex"], class_name="no-print",
    )


def topbar(title) -> rx.Component:
    return rx.hstack(
        rx.box(_brand(), display=["block", "block", "none"]),
        rx.heading(title, size="5", display=["none", "none", "block"]),
        rx.spacer(),
        bell(),
        user_menu(),
        align="center", width="100%", padding_x="1.25rem", padding_y="0.75rem",
        border_bottom=f"1px solid {rx.color('gray', 5)}", class_name="no-print",
    )


def mobile_nav() -> rx.Component:
    return rx.box(
        # The links wrap onto a second line at phone width: every page stays in sight, none scrolls off.
        rx.el.nav(rx.flex(*_nav_links(compact=True), spacing="1", wrap="wrap"), aria_label="Main (compact)"),
        padding_x="0.75rem", padding_y="0.25rem", width="100%",
        display=["block", "block", "none"], border_bottom=f"1px solid {rx.color('gray', 5)}", class_name="no-print",
    )


def page_shell(title, *children: rx.Component) -> rx.Component:
    """Frame a logged-in page. Until the session is confirmed, only a spinner shows."""
    title = say(title)
    return rx.cond(
        AuthState.user_code != "",
        rx.hstack(
            sidebar(),
            rx.vstack(
                topbar(title), mobile_nav(),
                # A real <main> landmark (rx.box's as_ renders a div): screen readers jump to it.
                rx.el.main(rx.heading(title, size="6", display=["block", "block", "none"], margin_bottom="1rem",
                                      class_name="page-title"),
                           *children, padding=["1rem", "1.25rem", "1.5rem"], width="100%", max_width="80rem",
                           box_sizing="border-box"),
                spacing="0", width="100%", min_width="0",
            ),
            spacing="0", width="100%", align="start",
        ),
        rx.center(rx.spinner(size="3"), height="100vh"),
    )
