"""State of /contacts/<code>: the contact, its associations and the actions menu."""
from __future__ import annotations

import reflex as rx

from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import customfields as cf
from hoffice_app.domain.common import DomainError, NotFound, Option, ValidationError
from hoffice_app.domain.contacts import (
    AddressView,
    AssociationView,
    PhoneView,
    associations,
    contact_detail,
)
from hoffice_app.domain.contacts import save as contacts
from hoffice_app.domain.leads import ContactLeadRow, contact_leads
from hoffice_app.domain.masters import entries as masters
from hoffice_app.pages.customfields_detail import MORE, CustomShown, shown_values
from hoffice_app.state.auth import AuthState
from hoffice_app.state.contact_picker import ContactPicker

# custom fields' sections → this page's cards (its Addresses card lists addresses only)
CUSTOM_PLACES = {k: v for k, v in cf.FORM_SECTIONS["contact"].items() if v != "addresses"}
ASSOCIATE = "associate"  # the "Associate contact" dialog's contact picker


class ContactDetailState(ContactPicker, AuthState):
    not_found: str = ""
    contact_id: int = 0
    code: str = ""
    display_name: str = ""
    info: dict[str, str] = {}
    custom: list[CustomShown] = []
    emails: list[str] = []
    phones: list[PhoneView] = []
    addresses: list[AddressView] = []
    aliases: list[str] = []
    categories: list[str] = []
    divisions: list[str] = []
    links: list[AssociationView] = []
    shared_with: list[str] = []
    is_private: bool = False
    is_customer: bool = False
    # the contact's leads the viewer may see (the first ones; leads_total counts all)
    leads: list[ContactLeadRow] = []
    leads_total: int = 0
    leads_open: int = 0
    # "Actions → Associate contact"
    associate_open: bool = False
    relation_options: list[Option] = []
    other_code: str = ""  # the contact picked in the dialog (the domain checks it again)
    other_label: str = ""
    relation_id: str = ""
    associate_errors: dict[str, str] = {}

    @rx.var
    def custom_more(self) -> bool:
        """Whether a custom value shows in "More details" (its section is not one of the cards)."""
        return any(v.place == MORE for v in self.custom)

    def _code_from_url(self) -> str:
        return self.router.url.path.rstrip("/").split("/")[-1].upper()

    def _fill(self, session, actor, code: str) -> None:
        d = contact_detail(session, actor, code)
        self.contact_id, self.code, self.display_name, self.info = d.id, d.code, d.display_name, d.values
        self.emails, self.phones, self.addresses, self.aliases = d.emails, d.phones, d.addresses, d.aliases
        self.categories, self.divisions, self.links = d.categories, d.divisions, d.associations
        self.shared_with, self.is_private, self.is_customer = d.shared_with, d.is_private, d.is_customer
        self.custom = shown_values(session, actor, "contact", d.id, CUSTOM_PLACES)
        own = contact_leads(session, actor, code)
        self.leads, self.leads_total, self.leads_open = own.rows, own.total, own.open

    @rx.event
    def load(self):
        self.not_found, self.associate_open = "", False
        actor, redirect = self.actor_or_redirect()
        if actor is None:
            return redirect
        try:
            with unit_of_work() as session:
                self._fill(session, actor, self._code_from_url())
        except NotFound as err:
            self.not_found, self.code, self.info = err.message, "", {}

    @rx.event
    def toggle_customer(self):
        try:
            with unit_of_work() as session:
                actor = self.require_actor()
                contacts.set_customer(session, actor, self.contact_id, not self.is_customer, now=utcnow())
                self._fill(session, actor, self.code)
        except DomainError as err:
            return rx.toast.error(err.message)
        return rx.toast.success("Marked as customer." if self.is_customer else "Marked as prospect.")

    @rx.event
    def open_associate(self):
        with unit_of_work() as session:
            self.relation_options = masters.options(session, self.require_actor(), "relation")
        self.other_code, self.other_label = "", ""
        self.reset_picker()
        self.relation_id, self.associate_errors, self.associate_open = "", {}, True

    @rx.event
    def set_associate_open(self, value: bool):
        self.associate_open = value

    def _picker_exclude(self, target: str) -> int | None:
        """The dialog never offers the contact itself (the domain refuses it too)."""
        return self.contact_id or None

    def _contact_picked(self, target: str, option: Option):
        self.other_code, self.other_label = option.value, option.label
        self.associate_errors = {k: v for k, v in self.associate_errors.items() if k != "related"}

    @rx.event
    def set_relation(self, value: str):
        self.relation_id = value

    @rx.event
    def associate(self):
        try:
            with unit_of_work() as session:
                actor = self.require_actor()
                link = associations.associate(session, actor, self.contact_id, self.other_code, self.relation_id,
                                              now=utcnow())
                self._fill(session, actor, self.code)
        except ValidationError as err:
            self.associate_errors = err.errors
            return
        except DomainError as err:
            return rx.toast.error(err.message)
        self.associate_open = False
        return rx.toast.success(f"Associated: {link.text}.")

    @rx.event
    def remove_link(self, association_id: int):
        try:
            with unit_of_work() as session:
                actor = self.require_actor()
                associations.remove_association(session, actor, association_id)
                self._fill(session, actor, self.code)
        except DomainError as err:
            return rx.toast.error(err.message)
        return rx.toast.success("Association removed.")
