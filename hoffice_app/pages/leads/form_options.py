"""Choices for the lead form, loaded once per visit. Knowledge-template texts and each lead
type's default status stay in backend-only maps: picking a template or a type needs no
database round trip (products are looked up as they are typed: product_lines_state.py)."""
from __future__ import annotations

from sqlmodel import Session

from hoffice_app.domain.common import Actor, Option
from hoffice_app.domain.masters import default_statuses
from hoffice_app.domain.masters import entries as masters
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.domain.org import employees
from hoffice_app.state.auth import AuthState

LISTS = {"title_options": "lead_title", "status_options": "lead_status", "priority_options": "lead_priority",
         "type_options": "lead_type", "category_options": "product_category", "campaign_options": "campaign",
         "template_options": "knowledge_template", "contact_type_options": "contact_type"}


class LeadOptionsState(AuthState):
    title_options: list[Option] = []
    status_options: list[Option] = []
    priority_options: list[Option] = []
    type_options: list[Option] = []
    category_options: list[Option] = []
    campaign_options: list[Option] = []
    template_options: list[Option] = []
    contact_type_options: list[Option] = []
    employee_options: list[Option] = []
    title_from_master: bool = False
    _templates: dict[str, str] = {}
    _type_statuses: dict[str, str] = {}  # lead type id -> its default status id

    def load_options(self, session: Session, actor: Actor) -> None:
        for var, kind in LISTS.items():
            setattr(self, var, masters.options(session, actor, kind))
        self._templates = masters.template_bodies(session, actor)
        self._type_statuses = default_statuses(session, actor)
        self.employee_options = [Option(str(e.id), f"{e.name} · {e.code}")
                                 for e in employees.list_employees(session, actor, include_inactive=False)]
        self.title_from_master = app_settings.lead_terms(session).title_from_master

    def template_text(self, template_id: str) -> str:
        return self._templates.get(template_id, "")

    def type_status(self, lead_type_id: str) -> str:
        return self._type_statuses.get(lead_type_id, "")
