"""Drop-down choices for the contact form, loaded once per visit.

Segments of every industry are kept in a backend-only map so that changing the
industry refills the segment list without a round trip to the database.
"""
from __future__ import annotations

from sqlmodel import Session

from hoffice_app.domain.common import Actor, Option
from hoffice_app.domain.contacts import reference_label, visible_id
from hoffice_app.domain.masters import entries as masters
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.domain.org import employees
from hoffice_app.state.auth import AuthState

MASTER_OPTIONS = {"title_options": "title", "type_options": "contact_type", "industry_options": "industry",
                  "category_options": "contact_category", "division_options": "division",
                  "campaign_options": "campaign", "price_list_options": "price_list", "class_options": "class",
                  "address_type_options": "address_type"}


class ContactOptionsState(AuthState):
    title_options: list[Option] = []
    type_options: list[Option] = []
    industry_options: list[Option] = []
    segment_options: list[Option] = []
    category_options: list[Option] = []
    division_options: list[Option] = []
    campaign_options: list[Option] = []
    price_list_options: list[Option] = []
    class_options: list[Option] = []
    address_type_options: list[Option] = []
    employee_options: list[Option] = []
    country_options: list[Option] = []
    currency_options: list[Option] = []
    timezone_options: list[Option] = []
    default_country: str = "IN"
    _segments: dict[str, list[Option]] = {}

    def load_options(self, session: Session, actor: Actor) -> None:
        for var, kind in MASTER_OPTIONS.items():
            setattr(self, var, masters.options(session, actor, kind))
        self._segments = {}
        for industry in self.industry_options:
            self._segments[industry.value] = masters.options(session, actor, "segment", parent_id=int(industry.value))
        self.segment_options = []
        self.employee_options = [Option(str(e.id), f"{e.name} · {e.code}")
                                 for e in employees.list_employees(session, actor, include_inactive=False)]
        self.country_options = list(app_settings.country_options())
        self.currency_options = list(app_settings.currency_options())
        self.timezone_options = list(app_settings.timezone_options())
        self.default_country = app_settings.get(session, "default_country")

    def segments_for(self, industry_id: str) -> list[Option]:
        return list(self._segments.get(industry_id, []))

    def contact_id_for(self, session: Session, code: str) -> int:
        return visible_id(session, self.require_actor(), code)

    def reference_text(self, session: Session, actor: Actor, data: dict) -> str:
        return reference_label(session, actor, data.get("reference_kind", ""), data.get("reference_id", ""))
