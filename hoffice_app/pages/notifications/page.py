"""/notifications: all of an employee's notifications, newest first, and
/notifications/preferences: on which channels they want each kind."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.layout import page_shell
from hoffice_app.components.terms import say
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import notify
from hoffice_app.domain.common import DomainError
from hoffice_app.pages.notifications.state import BellState, bell_row


class NotificationsState(BellState):
    rows: list[dict[str, str | bool | int]] = []
    more: bool = False
    unread_only: bool = False
    loaded: bool = False

    def _first_page(self, actor) -> None:
        with unit_of_work() as session:
            items, self.more = notify.bell.page(session, actor, unread_only=self.unread_only)
        self.rows, self.loaded = [bell_row(i) for i in items], True

    @rx.event
    def load(self):
        actor, redirect = self.actor_or_redirect()
        if actor is None:
            return redirect
        self._first_page(actor)

    @rx.event
    def load_more(self):
        if not self.rows:
            return
        with unit_of_work() as session:
            items, self.more = notify.bell.page(session, self.require_actor(), before_id=int(self.rows[-1]["id"]),
                                                unread_only=self.unread_only)
        self.rows = self.rows + [bell_row(i) for i in items]

    @rx.event
    def set_unread_only(self, value: bool):
        self.unread_only = bool(value)
        self._first_page(self.require_actor())

    @rx.event
    def read_all(self):
        actor = self.require_actor()
        with unit_of_work() as session:
            notify.bell.mark_all_read(session, actor, now=utcnow())
        self._read(actor)
        self._first_page(actor)


class PreferencesState(BellState):
    prefs: list[dict] = []
    pref_error: str = ""

    def _load_prefs(self, actor) -> None:
        with unit_of_work() as session:
            rows = notify.my_preferences(session, actor)
        self.prefs = [{"event": r.event, "label": self.say(r.label), "who": self.say(r.who),
                       **{f"{c}_on": bool(r.channels[c]) for c in ("in_app", "email", "sms")},
                       **{f"{c}_can": r.channels[c] is not None for c in ("in_app", "email", "sms")}} for r in rows]

    @rx.event
    def load(self):
        actor, redirect = self.actor_or_redirect()
        if actor is None:
            return redirect
        self.pref_error = ""
        self._load_prefs(actor)

    @rx.event
    def switch(self, event: str, channel: str, enabled: bool):
        actor = self.require_actor()
        try:
            with unit_of_work() as session:
                notify.set_my_preference(session, actor, event, channel, bool(enabled))
            self.pref_error = ""
        except DomainError as exc:
            self.pref_error = str(exc)
        self._load_prefs(actor)


def _notification(row) -> rx.Component:
    return rx.card(
        rx.hstack(
            rx.badge(rx.cond(row["unread"], "New", "Read"), color_scheme=rx.cond(row["unread"], "blue", "gray"),
                     variant="soft"),
            rx.vstack(rx.text(row["title"], weight="bold", size="2"),
                      rx.text(row["body"], size="2", color_scheme="gray"), spacing="1", min_width="0", flex="1"),
            rx.text(row["when"], size="1", color_scheme="gray", white_space="nowrap"),
            rx.cond(row["link"] != "",
                    rx.button("Open", size="1", variant="soft", on_click=BellState.open_item(row["id"], row["link"]))),
            spacing="3", align="center", width="100%",
        ),
        width="100%", role="listitem",
    )


def notifications_page() -> rx.Component:
    return page_shell(
        "Notifications",
        rx.vstack(
            rx.hstack(
                rx.checkbox("Unread only", checked=NotificationsState.unread_only,
                            on_change=NotificationsState.set_unread_only),
                rx.spacer(),
                rx.link("Preferences", href=routes.NOTIFICATION_PREFERENCES, size="2"),
                rx.button("Mark all as read", variant="soft", on_click=NotificationsState.read_all,
                          disabled=BellState.unread == 0),
                width="100%", align="center", spacing="3",
            ),
            rx.cond(
                NotificationsState.rows.length() > 0,
                rx.vstack(rx.foreach(NotificationsState.rows, _notification), width="100%", spacing="2",
                          role="list", aria_label="Notifications"),
                rx.cond(NotificationsState.loaded,
                        rx.callout(say("No notifications here. You hear of leads assigned to you, reminders of your "
                                       "follow-ups and changes to leads you follow; choose how under Preferences."),
                                   icon="bell", width="100%")),
            ),
            rx.cond(NotificationsState.more,
                    rx.button("Show older", variant="outline", on_click=NotificationsState.load_more)),
            spacing="4", width="100%", max_width="48rem",
        ),
    )


def _switch(row, channel: str) -> rx.Component:
    return rx.table.cell(rx.cond(
        row[f"{channel}_can"],
        rx.switch(checked=row[f"{channel}_on"],
                  aria_label=row["label"].to(str) + " · " + notify.CHANNEL_LABELS[channel],
                  on_change=lambda value: PreferencesState.switch(row["event"], channel, value)),
        rx.text("—", color_scheme="gray", aria_label="not available"),
    ))


def preferences_page() -> rx.Component:
    return page_shell(
        "Notification preferences",
        rx.vstack(
            rx.text("Choose how you hear of each kind of notification. Your choices apply to you only; "
                    "where you choose nothing, the company's defaults apply.", color_scheme="gray", size="2"),
            rx.cond(PreferencesState.pref_error != "", rx.callout(PreferencesState.pref_error, color_scheme="red",
                                                                  icon="triangle-alert", role="alert")),
            rx.table.root(
                rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in
                                               ("Notification", "Goes to", "In the app", "E-mail", "SMS")])),
                rx.table.body(rx.foreach(PreferencesState.prefs, lambda row: rx.table.row(
                    rx.table.row_header_cell(row["label"]), rx.table.cell(rx.text(row["who"], size="1")),
                    _switch(row, "in_app"), _switch(row, "email"), _switch(row, "sms")))),
                width="100%", variant="surface",
            ),
            rx.link("Back to notifications", href=routes.NOTIFICATIONS, size="2"),
            spacing="4", width="100%", max_width="56rem",
        ),
    )
