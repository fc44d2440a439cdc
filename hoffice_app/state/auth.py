"""Session state shared by every page: who is logged in, log-in and log-out.

The session token lives only in an HttpOnly cookie, set and cleared by the plain routes
of ``hoffice_app/http/sessions.py``. This state never holds it: it reads it from the
websocket handshake's cookies whenever it needs the actor, and the domain decides each
time whether it is still good (``require_actor``).

Every page state subclasses ``AuthState``, so one state tree holds everything a tab shows.
A tree belongs to one session (``_session_key``): when a tab connects with another
session (someone logged out and someone else in), every page state is reset before
anything is sent to the browser (``session_guard``). When the server ends a session, the
next event sends the tab to /login, which says so (``session_ended``).
"""
from __future__ import annotations

import json
from urllib.parse import quote

import reflex as rx

from hoffice_app import routes
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain.auth import sessions as auth
from hoffice_app.domain.common import Actor, wording
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.routes import safe_next
from hoffice_app.state.session import REASONS, SessionEnded, post_and_load, session_key, token_from

__all__ = ["AuthState", "SessionEnded", "safe_next"]


def _login(identifier: str, password: str, source: str) -> auth.LoginResult:
    with unit_of_work() as session:
        return auth.login(session, identifier, password, now=utcnow(), source=source)


def actor_of_token(token: str, *, touch: bool = True) -> Actor | None:
    """The employee of a session token, if it is still good (``touch``: see actor_for_token)."""
    if not token:
        return None
    with unit_of_work() as session:
        return auth.actor_for_token(session, token, now=utcnow(), touch=touch)


def _logout(token: str) -> None:
    with unit_of_work() as session:
        auth.logout(session, token, now=utcnow())


def _descendants(cls: type[rx.State]):
    for sub in cls.get_substates():
        yield sub
        yield from _descendants(sub)


class AuthState(rx.State):
    user_name: str = ""
    user_code: str = ""
    user_role: str = ""
    login_error: str = ""
    login_notice: str = ""
    # The company's word for a lead (Settings → Defaults): as written, mid-sentence, and its
    # article; components/terms.py builds a page's sentences from them.
    lead_label: str = "Lead"
    leads_label: str = "Leads"
    lead_word: str = "lead"
    leads_word: str = "leads"
    lead_article: str = "a"
    leads_article: str = "a"
    # The session this tree was built for (a digest of its token, never the token itself).
    _session_key: str = ""

    @rx.var
    def is_admin(self) -> bool:
        return self.user_role == "admin"

    @rx.var
    def user_initials(self) -> str:
        return "".join(part[0] for part in self.user_name.split()[:2]).upper()

    def session_token(self) -> str:
        """The token in the cookie this tab's websocket connected with."""
        return token_from(self.router.headers.cookie)

    def current_actor(self) -> Actor | None:
        wording.use(self.lead_label, self.leads_label)  # the domain's messages in the company's words
        return actor_of_token(self.session_token())

    def say(self, text: str) -> str:
        """``text`` with the company's word for a lead ("No leads" → "No inquiries")."""
        return wording.say(text, wording.Terms(self.lead_label, self.leads_label))

    def require_actor(self) -> Actor:
        """The actor for this call; when the session is gone, ``SessionEnded`` ends the
        event and the tab goes to /login, which says why."""
        actor = self.current_actor()
        if actor is None:
            raise SessionEnded()
        return actor

    def _remember(self, actor: Actor) -> None:
        self.user_name, self.user_code, self.user_role = actor.name, actor.code, actor.role
        with unit_of_work() as session:
            terms = app_settings.lead_terms(session)
        self.lead_label, self.leads_label = terms.singular, terms.plural
        self.lead_word, self.leads_word = wording.lower(terms.singular), wording.lower(terms.plural)
        self.lead_article, self.leads_article = wording.article(terms.singular), wording.article(terms.plural)
        wording.use(terms.singular, terms.plural)

    def document_title(self, text: str):
        """Browser tab title for pages whose name depends on settings (Lead → Inquiry)."""
        return rx.call_script(f"document.title = {json.dumps(text + ' · H-Office')}")

    def login_redirect(self):
        return rx.redirect(f"{routes.LOGIN}?next={quote(self.router.url.path or '/')}")

    def actor_or_redirect(self) -> tuple[Actor | None, object]:
        """For on_load handlers: (actor, None), or (None, the way to /login): saying the
        session ended when this browser still holds a token the server no longer accepts."""
        actor = self.current_actor()
        if actor is None:
            return None, (AuthState.session_ended if self.session_token() else self.login_redirect())
        self._remember(actor)
        return actor, None

    async def reset_all_pages(self) -> None:
        """Every page state of this tab back to its defaults: searches, filters, saved
        views, rows, dialogs, who is logged in. States not loaded yet are loaded first, so
        a state manager that keeps them apart (Redis) forgets them too."""
        root = await self.get_state(AuthState)
        for cls in _descendants(AuthState):
            await root.get_state(cls)
        key = root._session_key
        root.reset()
        root._session_key = key

    async def adopt_session(self) -> None:
        """Called before a (re)connected tab is sent its state: a tree built for another
        session (or for none) is emptied first, so nobody ever sees another's page."""
        root = await self.get_state(AuthState)
        key = session_key(self.session_token())
        if root._session_key != key:
            await root.reset_all_pages()
            root._session_key = key

    @rx.event
    async def session_ended(self):
        """The server ended this session: empty every page and say so on /login."""
        target = self.router.url.path or "/"
        await self.reset_all_pages()
        return rx.redirect(f"{routes.LOGIN}?reason=expired&next={quote(target)}")

    @rx.event
    def open_login(self):
        """/login's on_load: a visitor who is still logged in goes straight in; one sent here
        because the session ended, or a log-in did not complete, is told so."""
        self.login_error = ""
        self.login_notice = REASONS.get(self.router.url.query_parameters.get("reason", ""), "")
        if self.current_actor() is not None:
            return rx.redirect(routes.DASHBOARD)

    @rx.event(background=True)
    async def login(self, form_data: dict):
        """Background: argon2 verification takes tens of milliseconds and must not stall
        every other user's events on the loop. A good password yields a one-time ticket,
        which the page posts to /auth/session: that plain HTTP answer sets the HttpOnly
        cookie and loads the target page afresh, whose websocket then carries the cookie."""
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
            self.login_error = self.login_notice = ""
            target = safe_next(self.router.url.query_parameters.get("next", ""))
        return rx.call_script(post_and_load(routes.AUTH_SESSION, {"ticket": result.ticket, "next": target}))

    @rx.event
    async def logout(self):
        """Ends the session here and empties every page at once; /auth/logout then clears
        the cookie (only an HTTP answer can) and loads /login afresh."""
        token = self.session_token()
        if token:
            await rx.run_in_thread(lambda: _logout(token))
        await self.reset_all_pages()
        return rx.call_script(post_and_load(routes.AUTH_LOGOUT, {}))
