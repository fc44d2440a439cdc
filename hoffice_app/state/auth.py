"""Session state shared by every page: who is logged in, log-in and log-out.

The browser holds only the random session token (a cookie); whether it is
still good is decided by the domain layer on every page load and every call
that reads or writes (``require_actor``).
"""
from __future__ import annotations

import json
from urllib.parse import quote

import reflex as rx

from hoffice_app import routes
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain.auth import sessions as auth
from hoffice_app.domain.common import Actor, PermissionDenied
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.routes import safe_next


def _login(identifier: str, password: str, source: str) -> auth.LoginResult:
    with unit_of_work() as session:
        return auth.login(session, identifier, password, now=utcnow(), source=source)


class AuthState(rx.State):
    token: str = rx.Cookie("", name="hoffice_session", same_site="strict")
    user_name: str = ""
    user_code: str = ""
    user_role: str = ""
    login_error: str = ""
    lead_label: str = "Lead"
    leads_label: str = "Leads"

    @rx.var
    def is_admin(self) -> bool:
        return self.user_role == "admin"

    @rx.var
    def user_initials(self) -> str:
        return "".join(part[0] for part in self.user_name.split()[:2]).upper()

    def current_actor(self) -> Actor | None:
        with unit_of_work() as session:
            return auth.actor_for_token(session, self.token, now=utcnow())

    def require_actor(self) -> Actor:
        """The actor for this call; refuses when the session is gone."""
        actor = self.current_actor()
        if actor is None:
            self._forget()
            raise PermissionDenied("Your session has ended. Please log in again.")
        return actor

    def _remember(self, actor: Actor) -> None:
        self.user_name, self.user_code, self.user_role = actor.name, actor.code, actor.role
        with unit_of_work() as session:
            terms = app_settings.lead_terms(session)
        self.lead_label, self.leads_label = terms.singular, terms.plural

    def document_title(self, text: str):
        """Browser tab title for pages whose name depends on settings (Lead → Inquiry)."""
        return rx.call_script(f"document.title = {json.dumps(text + ' · H-Office')}")

    def _forget(self) -> None:
        self.user_name = self.user_code = self.user_role = ""

    def login_redirect(self):
        return rx.redirect(f"{routes.LOGIN}?next={quote(self.router.url.path or '/')}")

    def actor_or_redirect(self) -> tuple[Actor | None, object]:
        """For on_load handlers: (actor, None) or (None, a redirect to /login)."""
        actor = self.current_actor()
        if actor is None:
            self._forget()
            return None, self.login_redirect()
        self._remember(actor)
        return actor, None

    @rx.event
    def open_login(self):
        """/login's on_load: a visitor who is still logged in goes straight in."""
        self.login_error = ""
        if self.current_actor() is not None:
            return rx.redirect(routes.DASHBOARD)

    @rx.event(background=True)
    async def login(self, form_data: dict):
        """Background: argon2 verification takes tens of milliseconds and must
        not stall every other user's events on the loop."""
        identifier = str(form_data.get("identifier", "")).strip()
        password = str(form_data.get("password", ""))
        if not identifier or not password:
            async with self:
                self.login_error = "Enter your e-mail or employee code and your password."
            return
        source = self.router.session.client_ip or ""
        result = await rx.run_in_thread(lambda: _login(identifier, password, source))
        async with self:
            if not result.ok:
                self.login_error = result.message
                return
            self.login_error = ""
            self.token = result.token
            self._remember(result.actor)
            target = safe_next(self.router.url.query_parameters.get("next", ""))
        return rx.redirect(target)

    @rx.event
    def logout(self):
        if self.token:
            with unit_of_work() as session:
                auth.logout(session, self.token, now=utcnow())
        self.token = ""
        self._forget()
        return rx.redirect(routes.LOGIN)
