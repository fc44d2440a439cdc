"""/login: the only page without a session."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.state.auth import AuthState


def login_page() -> rx.Component:
    return rx.center(
        rx.card(
            rx.form(
                rx.vstack(
                    rx.hstack(
                        rx.center(rx.text("H", weight="bold", color="white", size="5"), width="2.5rem",
                                  height="2.5rem", background=rx.color("accent", 9), border_radius="var(--radius-3)"),
                        rx.vstack(rx.heading("H-Office", size="5"),
                                  rx.text("Leads & Contacts", size="2", color_scheme="gray"), spacing="0"),
                        align="center",
                    ),
                    rx.heading("Log in", size="4", margin_top="0.5rem", as_="h1"),
                    rx.cond(AuthState.login_notice != "",
                            rx.callout(AuthState.login_notice, icon="info", color_scheme="amber", role="status",
                                       width="100%")),
                    rx.el.label("Email or employee code", html_for="login-identifier",
                                style={"fontSize": "var(--font-size-2)", "fontWeight": 500}),
                    rx.input(id="login-identifier", name="identifier", auto_complete="username", auto_focus=True,
                             placeholder="you@company.com or E01", width="100%", size="3"),
                    rx.el.label("Password", html_for="login-password",
                                style={"fontSize": "var(--font-size-2)", "fontWeight": 500}),
                    rx.input(id="login-password", name="password", type="password",
                             auto_complete="current-password", width="100%", size="3"),
                    rx.cond(AuthState.login_error != "",
                            rx.callout(AuthState.login_error, icon="triangle-alert", color_scheme="red",
                                       role="alert", width="100%")),
                    rx.button("Log in", type="submit", size="3", width="100%", margin_top="0.5rem"),
                    spacing="2", width="100%",
                ),
                on_submit=AuthState.login, reset_on_submit=False,
            ),
            size="4", width="100%", max_width="24rem",
        ),
        min_height="100vh", padding="1rem", background=rx.color("gray", 2),
    )


def register(app: rx.App) -> None:
    app.add_page(login_page, route=routes.LOGIN, title="Log in · H-Office", on_load=AuthState.open_login)
