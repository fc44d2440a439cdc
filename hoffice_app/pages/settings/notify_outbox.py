"""Settings → Notifications → Outbox: every e-mail and SMS the app queued — waiting, being sent, sent or
failed with the server's last answer — with "Retry now" and each message's attempts."""
from __future__ import annotations

import reflex as rx

from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import notify
from hoffice_app.domain.common import DomainError
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.pages.settings.state import SettingsState

PAGE = 50
STATUS_LABELS = {"": "All", "queued": "Waiting", "sending": "Sending", "sent": "Sent", "failed": "Failed"}
COLORS = {"queued": "amber", "sending": "blue", "sent": "green", "failed": "red"}


class OutboxState(SettingsState):
    rows: list[dict[str, str | int]] = []
    counts: dict[str, int] = {}
    status: str = ""
    offset: int = 0
    total: int = 0
    attempts: list[dict[str, str | bool]] = []
    attempts_of: int = 0
    note: str = ""

    def _read(self, actor) -> None:
        with unit_of_work() as session:
            page = notify.outbox_page(session, actor, status=self.status or None, offset=self.offset, limit=PAGE)
            zone = app_settings.zone(session)

        def when(t) -> str:
            return t.astimezone(zone).strftime("%d %b, %H:%M") if t else ""

        self.rows = [{"id": r.id, "channel": "E-mail" if r.channel == "email" else "SMS", "to": r.to,
                      "subject": r.subject, "status": r.status, "attempts": r.attempts, "error": r.last_error,
                      "created": when(r.created_at), "next": when(r.next_attempt_at), "sent": when(r.sent_at)}
                     for r in page.rows]
        self.counts, self.total = dict(page.counts), page.total

    @rx.event
    def load(self):
        self.note, self.attempts, self.attempts_of, self.offset = "", [], 0, 0
        actor, redirect = self.open_section()
        if actor is None:
            return redirect
        self._read(actor)

    @rx.event
    def show(self, status: str):
        self.status, self.offset, self.note = status, 0, ""
        self._read(self.admin_or_refuse())

    @rx.event
    def page(self, step: int):
        self.offset = max(0, min(self.offset + step * PAGE, max(self.total - 1, 0)))
        self._read(self.admin_or_refuse())

    @rx.event
    def retry(self, message_id: int):
        actor = self.admin_or_refuse()
        try:
            with unit_of_work() as session:
                notify.retry_now(session, actor, int(message_id), utcnow())
            self.note = "Queued again: it goes out within a few seconds."
        except DomainError as err:
            self.note = str(err)
        self._read(actor)

    @rx.event
    def toggle_attempts(self, message_id: int):
        if self.attempts_of == int(message_id):
            self.attempts, self.attempts_of = [], 0
            return
        actor = self.admin_or_refuse()
        with unit_of_work() as session:
            rows = notify.attempts_of(session, actor, int(message_id))
            zone = app_settings.zone(session)
        self.attempts = [{"at": r.at.astimezone(zone).strftime("%d %b %Y, %H:%M:%S"), "ok": r.ok,
                          "answer": r.answer or "—"} for r in rows]
        self.attempts_of = int(message_id)


S = OutboxState


def _tab(status: str, label: str) -> rx.Component:
    badge = [rx.badge(S.counts.get(status, 0), variant="soft", radius="full")] if status else []
    return rx.button(label, *badge,
                     variant=rx.cond(S.status == status, "solid", "soft"), size="1",
                     on_click=S.show(status), aria_pressed=rx.cond(S.status == status, "true", "false"))


def _row(row) -> rx.Component:
    return rx.fragment(
        rx.table.row(
            rx.table.cell(rx.vstack(rx.badge(_status_label(row["status"]), color_scheme=_status_color(row["status"])),
                                    rx.text(row["channel"], size="1", color_scheme="gray"), spacing="1")),
            rx.table.cell(rx.text(row["to"], size="2", style={"overflowWrap": "anywhere"}), min_width="12rem"),
            rx.table.cell(rx.vstack(rx.text(row["subject"], size="2"),
                                    rx.cond(row["error"] != "", rx.text(row["error"], size="1", color_scheme="red")),
                                    spacing="1")),
            rx.table.cell(rx.text(rx.cond(row["sent"] != "", "Sent " + row["sent"].to(str),
                                          rx.cond(row["next"] != "", "Next try " + row["next"].to(str),
                                                  "Queued " + row["created"].to(str))), size="1")),
            rx.table.cell(rx.vstack(
                rx.button(row["attempts"].to(str) + rx.cond(row["attempts"] == 1, " try", " tries"), size="1",
                          variant="ghost", aria_label="Attempts",
                          on_click=S.toggle_attempts(row["id"])),
                rx.cond((row["status"] == "failed") | (row["status"] == "queued"),
                        rx.button("Retry now", size="1", variant="soft", on_click=S.retry(row["id"]))),
                spacing="2", align="start"), white_space="nowrap"),
        ),
        rx.cond(S.attempts_of == row["id"], rx.table.row(rx.table.cell(
            rx.vstack(rx.foreach(S.attempts, lambda a: rx.hstack(
                rx.icon(rx.cond(a["ok"], "check", "x"), size=14), rx.text(a["at"], size="1"),
                rx.text(a["answer"], size="1", color_scheme="gray"))), spacing="1"),
            col_span=5))),
    )


def _status_label(status):
    return rx.match(status, *[(k, v) for k, v in STATUS_LABELS.items() if k], status)


def _status_color(status):
    return rx.match(status, *COLORS.items(), "gray")


def outbox_screen() -> rx.Component:
    return rx.vstack(
        rx.text("Every e-mail and SMS the app has queued. Failed messages keep the server's last answer; "
                "a message is retried with growing pauses for a day.", size="2", color_scheme="gray"),
        rx.hstack(*[_tab(k, v) for k, v in STATUS_LABELS.items()], rx.spacer(),
                  rx.button(rx.icon("refresh-cw", size=14), "Refresh", variant="ghost", size="1",
                            on_click=S.show(S.status)), wrap="wrap", spacing="2", width="100%"),
        rx.cond(S.note != "", rx.callout(S.note, icon="info", role="status", width="100%")),
        rx.cond(S.rows.length() > 0,
                rx.table.root(
                    rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in
                                                   ("Status", "To", "Message", "When", "")])),
                    rx.table.body(rx.foreach(S.rows, _row)), width="100%", variant="surface",
                    style={"overflowX": "auto"}),
                rx.callout("Nothing here. Messages appear as soon as the app queues them (set up e-mail and SMS "
                           "under Notifications first).", icon="inbox", width="100%")),
        rx.hstack(rx.button("Newer", variant="outline", size="1", on_click=S.page(-1), disabled=S.offset == 0),
                  rx.text(S.total.to(str) + rx.cond(S.total == 1, " message", " messages"), size="1",
                          color_scheme="gray"),
                  rx.button("Older", variant="outline", size="1", on_click=S.page(1),
                            disabled=S.offset + PAGE >= S.total), align="center"),
        spacing="3", width="100%",
    )
