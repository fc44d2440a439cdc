"""Settings' shared state: which section is open and whether the viewer may see it."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.domain.common import Actor, PermissionDenied
from hoffice_app.domain.masters import BY_KEY, KINDS
from hoffice_app.state.auth import AuthState

GENERAL_SECTIONS = {"overview": "Overview", "defaults": "Company defaults", "employees": "Employees",
                    "funnels": "Funnels & stages", "custom-fields": "Custom fields"}
NOTIFICATION_SECTIONS = {"notifications": "E-mail & SMS", "notification-events": "Events & wording",
                         "outbox": "Outbox"}
AUTOMATION_SECTIONS = {"assignment-rules": "Assignment rules", "revoke-policies": "Revoke policies"}
FIXED_SECTIONS = GENERAL_SECTIONS | NOTIFICATION_SECTIONS | AUTOMATION_SECTIONS


def section_title(section: str) -> str:
    if section in FIXED_SECTIONS:
        return FIXED_SECTIONS[section]
    meta = BY_KEY.get(section)
    return meta.label if meta else "Settings"


class SettingsState(AuthState):
    forbidden: bool = False
    page_title: str = "Settings"

    def admin_or_refuse(self) -> Actor:
        """Every settings handler starts here: refuses non-admins server-side."""
        actor = self.require_actor()
        if not actor.is_admin:
            raise PermissionDenied("Only an administrator can change settings.")
        return actor

    def open_section(self) -> tuple[Actor | None, object]:
        """Shared part of each section's on_load: session, then role."""
        actor, redirect = self.actor_or_redirect()
        if actor is None:
            return None, redirect
        self.page_title = self.say(section_title(self.router.url.path.rstrip("/").rsplit("/", 1)[-1]))
        self.forbidden = not actor.is_admin
        return (None, None) if self.forbidden else (actor, None)

    @rx.event
    def open_settings_home(self):
        """/settings lands on the overview: the organisation's numbers first."""
        return rx.redirect(routes.settings_section("overview"))


def nav_groups() -> list[tuple[str, list[tuple[str, str]]]]:
    groups: dict[str, list[tuple[str, str]]] = {"General": list(GENERAL_SECTIONS.items()),
                                                "Notifications": list(NOTIFICATION_SECTIONS.items()),
                                                "Automation": list(AUTOMATION_SECTIONS.items())}
    for meta in KINDS:
        groups.setdefault(meta.group, []).append((meta.key, meta.label))
    return list(groups.items())
