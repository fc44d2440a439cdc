"""Settings → Company defaults: country, currency, time zone, default title and
address type, session timeout, what leads are called, whether divisions limit who sees
a contact. The page keeps the values and versions it showed: a save
keeps what another administrator saved meanwhile, or is refused if they changed the same."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.fields import edit_conflict, select_field, text_field
from hoffice_app.components.terms import say
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain.common import DomainError, Option, ValidationError, versions
from hoffice_app.domain.masters import entries as masters
from hoffice_app.domain.masters import settings as app_settings
from hoffice_app.pages.settings.state import SettingsState


class DefaultsState(SettingsState):
    values: dict[str, str] = {}
    errors: dict[str, str] = {}
    countries: list[Option] = []
    currencies: list[Option] = []
    timezones: list[Option] = []
    titles: list[Option] = []
    address_types: list[Option] = []
    conflict: str = ""  # the last save was refused: someone changed the same values meanwhile
    _read: dict = {}  # the values shown, and under "version" each one's version (merged or refused on save)

    @rx.event
    def load(self):
        self.errors, self.conflict = {}, ""
        actor, redirect = self.open_section()
        if actor is None:
            return redirect
        with unit_of_work() as session:
            self._show(session, actor)
            self.titles = masters.options(session, actor, "title")
            self.address_types = masters.options(session, actor, "address_type")
        self.countries = list(app_settings.country_options())
        self.currencies = list(app_settings.currency_options())
        self.timezones = list(app_settings.timezone_options())

    def _show(self, session, actor) -> None:
        """The page filled with the defaults as they are now, remembered as what it showed."""
        self._read = app_settings.edit_values(session, actor)
        self.values = {k: v for k, v in self._read.items() if k != "version"}

    @rx.event
    def set_value(self, key: str, value: str):
        self.values = self.values | {key: value}

    @rx.event
    def set_switch(self, key: str, value: bool):
        self.values = self.values | {key: "1" if value else "0"}

    @rx.event
    def save(self):
        try:
            with unit_of_work() as session:
                actor = self.admin_or_refuse()
                saved = app_settings.edit_defaults(session, actor, dict(self.values), now=utcnow(), read=self._read,
                                                   version=self._read.get("version"))
                self._show(session, actor)
        except versions.EditConflict as err:
            with unit_of_work() as session:
                self._show(session, self.admin_or_refuse())
            self.errors, self.conflict = {}, err.message
            return rx.toast.error(err.message)
        except ValidationError as err:
            self.errors = err.errors
            return
        except DomainError as err:
            return rx.toast.error(err.message)
        self.errors, self.conflict = {}, ""
        self._remember(self.require_actor())  # the navigation picks up a new lead label at once
        return rx.toast.success(f"Defaults saved. {saved.note}".strip())


def defaults_screen() -> rx.Component:
    S = DefaultsState

    def pick(label, key, options):
        return select_field(label, key, options, S.values.get(key, ""), lambda v: S.set_value(key, v),
                            S.errors.get(key, ""), field_id=f"set-{key}")

    return rx.card(rx.form(rx.vstack(
        edit_conflict(S.conflict),
        rx.text("New contacts and imports start from these values.", size="2", color_scheme="gray"),
        rx.grid(text_field("Company name", "company_name", S.values.get("company_name", ""),
                           lambda v: S.set_value("company_name", v), S.errors.get("company_name", ""),
                           field_id="set-company_name"),
                pick("Country", "default_country", S.countries),
                pick("Currency", "default_currency", S.currencies),
                pick("Time zone", "default_timezone", S.timezones),
                pick("Default title", "default_title", S.titles),
                pick("Default type of address", "default_address_type", S.address_types),
                text_field("Log out after inactivity (hours)", "session_timeout_hours",
                           S.values.get("session_timeout_hours", ""),
                           lambda v: S.set_value("session_timeout_hours", v),
                           S.errors.get("session_timeout_hours", ""), field_id="set-session_timeout_hours",
                           type_="number"),
                columns=rx.breakpoints(initial="1", md="2"), spacing="4", width="100%"),
        rx.heading(say("Leads"), size="4", as_="h2", margin_top="0.5rem"),
        rx.text(say("What the app calls a lead everywhere (e.g. Inquiry / Inquiries, Opportunity / Opportunities)."),
                size="2", color_scheme="gray"),
        rx.grid(text_field("Name of one lead", "lead_label", S.values.get("lead_label", ""),
                           lambda v: S.set_value("lead_label", v), S.errors.get("lead_label", ""),
                           field_id="set-lead_label"),
                text_field("Name of several leads", "lead_label_plural", S.values.get("lead_label_plural", ""),
                           lambda v: S.set_value("lead_label_plural", v), S.errors.get("lead_label_plural", ""),
                           field_id="set-lead_label_plural"),
                rx.el.label(rx.hstack(rx.switch(checked=S.values.get("lead_title_from_master", "0") == "1",
                                                on_change=lambda v: S.set_switch("lead_title_from_master", v),
                                                id="set-lead_title_from_master"),
                                      rx.text(say("Lead title chosen from the lead-title master"), size="2")),
                            html_for="set-lead_title_from_master"),
                columns=rx.breakpoints(initial="1", md="2"), spacing="4", width="100%"),
        rx.heading("Contacts", size="4", as_="h2", margin_top="0.5rem"),
        rx.el.label(rx.hstack(rx.switch(checked=S.values.get("divisions_limit_access", "1") == "1",
                                        on_change=lambda v: S.set_switch("divisions_limit_access", v),
                                        id="set-divisions_limit_access"),
                              rx.text("Divisions limit who sees a contact", size="2")),
                    html_for="set-divisions_limit_access"),
        rx.text("On: a contact mapped to divisions is seen only by employees of those divisions (and "
                "administrators); a contact with no division by everyone. Private contacts stay private either "
                "way.", size="2", color_scheme="gray"),
        rx.hstack(rx.button("Save defaults", type="submit"), justify="end", width="100%"),
        spacing="4"), on_submit=lambda _: S.save(), no_validate=True), width="100%", max_width="48rem")
