"""State of the lead form (/leads/new, /leads/<code>/edit): dependent
drop-downs, the contact pickers (state/contact_picker.py) with "+ new contact" (or the contact given by
/leads/new?contact=C000123, from a contact's page), and Save.

Choosing a lead type sets the status to the type's default until the user picks a
status by hand in this form: a choice made on purpose is never overwritten, and a type
without a default puts back the status the form opened with. A new lead's funnel follows the
type and the assignee the same way (form_funnel.py)."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.db import unit_of_work, utcnow
from hoffice_app.domain import customfields as cf
from hoffice_app.domain.common import DomainError, NotFound, Option, ValidationError, versions
from hoffice_app.domain.contacts import pick_contacts
from hoffice_app.domain.contacts import save as contacts
from hoffice_app.domain.leads import (
    PRIVATE_CONTACT,
    CreatorField,
    creator_field,
    get_visible,
    is_private_code,
    new_form_values,
)
from hoffice_app.domain.leads import detail as lead_detail
from hoffice_app.domain.leads import save as leads
from hoffice_app.domain.masters import entries as masters
from hoffice_app.pages.customfields_form import CustomFieldsForm
from hoffice_app.pages.leads.form_files_state import LeadFormFiles
from hoffice_app.pages.leads.form_funnel import FUNNEL_INPUTS, LeadFunnelChoice
from hoffice_app.pages.leads.form_options import LeadOptionsState
from hoffice_app.pages.leads.product_lines_state import ProductLinesState

NONE = "__none__"
LIST_KEYS = ("associated_contact_codes", "follower_employee_ids", "also_notify")


class LeadFormState(CustomFieldsForm, LeadFormFiles, LeadFunnelChoice, ProductLinesState, LeadOptionsState):
    editing_code: str = ""
    not_found: str = ""
    values: dict[str, str] = {}
    lists: dict[str, list[str]] = {}
    errors: dict[str, str] = {}
    # "Created by": a choice for admins and managers, only the name for executives
    creator_editable: bool = False
    creator_label: str = ""
    creator_options: list[Option] = []
    creator_note: str = ""
    # the chosen contact
    contact_label: str = ""
    contact_mobile: str = ""
    contact_email: str = ""
    address_options: list[Option] = []
    associated_options: list[Option] = []
    notify_options: list[Option] = []
    # contact pickers (state.contact_picker): main contact, source contact, external followers
    source_label: str = ""
    external_followers: list[Option] = []
    # "+" new contact dialog
    new_contact_open: bool = False
    new_contact: dict[str, str] = {}
    new_contact_errors: dict[str, str] = {}
    conflict: str = ""  # the last save was refused: someone changed the same fields meanwhile
    status_from_type: bool = False  # the status shown is the chosen lead type's default
    _status_by_hand: bool = False  # the user chose a status in this form: the lead type leaves it alone
    _status_at_open: str = ""
    _read: dict = {}  # the values and version the form showed (merged or refused on save)

    def _reset(self) -> None:
        self.values, self.errors, self.not_found, self._read = {}, {}, "", {}
        self._use_creator(CreatorField(editable=False, value="", label=""))
        self.lists = {k: [] for k in LIST_KEYS}
        self.contact_label = self.contact_mobile = self.contact_email = self.source_label = ""
        self.address_options, self.associated_options, self.notify_options, self.external_followers = [], [], [], []
        self.reset_picker()
        self.new_contact_open = False
        self.reset_lines()
        self.status_from_type, self._status_by_hand, self._status_at_open = False, False, ""
        self.reset_drafts()
        self.custom_inputs = []

    def _custom_places(self) -> dict[str, str]:
        """Section names an administrator may give a custom field → the form's sections."""
        return cf.FORM_SECTIONS["lead"] | {f"{self.lead_label} information": "information"}

    @rx.event
    def load_new(self):
        self.editing_code = ""
        self._reset()
        actor, redirect = self.actor_or_redirect()
        if actor is None:
            return redirect
        self.values = {"created_by_id": str(actor.id), "assigned_to_id": str(actor.id)}
        with unit_of_work() as session:
            self.load_options(session, actor)
            self.load_funnels(session, actor)
            self._use_creator(creator_field(session, actor, actor.id))
            self.values = new_form_values(session, actor, now=utcnow())
            self.load_custom(session, actor, "lead", None, self._custom_places())
            self.follow_funnel_defaults()
            # "New lead for this contact" (?contact=C000123): a contact the actor may not see is not chosen
            code = self.router.url.query_parameters.get("contact", "").strip()[:20]
            if code and not is_private_code(code):
                self._use_contact(session, actor, code)
        return self.document_title(f"New {self.lead_label.lower()}")

    @rx.event
    def load_edit(self):
        self._reset()
        actor, redirect = self.actor_or_redirect()
        if actor is None:
            return redirect
        self.editing_code = self.router.url.path.rstrip("/").split("/")[-2].upper()
        self.conflict = ""
        return self._fill(actor) or self.document_title(f"Edit {self.lead_label.lower()} {self.editing_code}")

    def _fill(self, actor):
        """The form, filled with the lead as it is now."""
        try:
            with unit_of_work() as session:
                self.load_options(session, actor)
                self.load_funnels(session, actor)
                data = lead_detail.form_values(session, actor, self.editing_code)
                self._use_creator(creator_field(session, actor, int(data["created_by_id"])))
                self._use_contact(session, actor, data["contact_code"])
                self.source_label = _contact_label(session, actor, data["source_ref"]) \
                    if data["source_kind"] in ("contact", "friend") else ""
                self.external_followers = [o for code in data["follower_contact_codes"]
                                           for o in pick_contacts(session, actor, code, limit=1)]
                self.fill_lines(session, data["product_lines"])
                lead_id = get_visible(session, actor, code=self.editing_code).id
                self.load_custom(session, actor, "lead", lead_id, self._custom_places())
        except NotFound as err:
            self.not_found = err.message
            return
        self.values = {k: v for k, v in data.items() if isinstance(v, str) and not k.startswith("cf_")}
        self.lists = {k: list(data[k]) for k in LIST_KEYS}
        self._read, self._status_at_open = data, self.values.get("status_id", "")

    def _use_creator(self, field: CreatorField) -> None:
        self.creator_editable, self.creator_label, self.creator_options = field.editable, field.label, field.options
        self.creator_note = field.note

    def _use_contact(self, session, actor, code: str) -> None:
        if is_private_code(code):  # the lead's contact is private to others: it is kept as it is on save
            self.contact_label = PRIVATE_CONTACT
            return
        ctx = lead_detail.contact_context(session, actor, code)
        if ctx is None:
            return
        self.values = self.values | {"contact_code": ctx.code}
        self.contact_label, self.contact_mobile, self.contact_email = f"{ctx.name} · {ctx.code}", ctx.mobile, ctx.email
        self.address_options, self.associated_options = ctx.addresses, ctx.associated
        self.notify_options = ctx.notify_options
        keep = {o.value for o in ctx.associated}
        notify = {o.value for o in ctx.notify_options}
        self.lists = self.lists | {
            "associated_contact_codes": [c for c in self.lists.get("associated_contact_codes", []) if c in keep],
            "also_notify": [n for n in self.lists.get("also_notify", []) if n in notify]}
        if self.values.get("contact_address_id") not in {o.value for o in ctx.addresses}:
            default = ctx.addresses[0].value if ctx.addresses else ""
            self.values = self.values | {"contact_address_id": default}

    @rx.event
    def set_value(self, key: str, value: str):
        value = "" if value == NONE else value
        self.values = self.values | {key: value}
        if key == "source_kind":
            self.values, self.source_label = self.values | {"source_ref": ""}, ""
        elif key == "knowledge_template_id" and value:
            self.values = self.values | {"description": self.template_text(value)}
        elif key == "status_id":
            self._status_by_hand, self.status_from_type = True, False
        elif key == "lead_type_id" and not self._status_by_hand:
            default = self.type_status(value)
            self.values = self.values | {"status_id": default or self._status_at_open}
            self.status_from_type = bool(default)
        elif key == "title_id":
            label = next((o.label for o in self.title_options if o.value == value), "")
            self.values = self.values | {"title": label}
        elif key == "funnel_id":
            self.funnel_picked()
        if key in FUNNEL_INPUTS:
            self.follow_funnel_defaults()

    @rx.event
    def toggle(self, key: str, value: str, checked: bool):
        rest = [v for v in self.lists.get(key, []) if v != value]
        self.lists = self.lists | {key: rest + [value] if checked else rest}

    def _picker_kind(self, session, target: str) -> int | None:
        """"Friend / family" finds only contacts of type Other."""
        return masters.entry_id_by_name(session, "contact_type", "Other") if target == "friend" else None

    def _contact_picked(self, target: str, option: Option):
        if target == "contact":
            with unit_of_work() as session:
                self._use_contact(session, self.require_actor(), option.value)
        elif target in ("source", "friend"):
            self.values, self.source_label = self.values | {"source_ref": option.value}, option.label
        elif target == "external":
            if option.value not in {o.value for o in self.external_followers}:
                self.external_followers = [*self.external_followers, option]
        else:  # a contact-type custom field
            return super()._contact_picked(target, option)

    @rx.event
    def remove_external(self, code: str):
        self.external_followers = [o for o in self.external_followers if o.value != code]

    @rx.event
    def open_new_contact(self):
        self.new_contact, self.new_contact_errors, self.new_contact_open = {"kind": "person"}, {}, True

    @rx.event
    def set_new_contact_open(self, value: bool):
        self.new_contact_open = value

    @rx.event
    def set_new_contact(self, key: str, value: str):
        self.new_contact = self.new_contact | {key: value}

    @rx.event
    def create_contact(self):
        """"+": a new contact made in place is a prospect, and becomes the lead's contact; a
        company gets the company title (M/S), a person the default title."""
        data = {"name": self.new_contact.get("name", ""),
                "contact_type_id": self.new_contact.get("contact_type_id", ""),
                "is_company": self.new_contact.get("kind") == "company",
                "mobiles": [self.new_contact.get("mobile", "")], "emails": [self.new_contact.get("email", "")],
                "is_customer": False}
        try:
            with unit_of_work() as session:
                actor = self.require_actor()
                code = contacts.save_from_form(session, actor, data, now=utcnow()).code
                self._use_contact(session, actor, code)
        except ValidationError as err:
            rename = {"mobiles": "mobile", "emails": "email"}
            self.new_contact_errors = {rename.get(k.split(".")[0], k.split(".")[0]): v for k, v in err.errors.items()}
            return
        except contacts.DuplicateFound as err:
            hit = err.hits[0]
            self.new_contact_errors = {"duplicate": f"{hit.name} ({hit.code or 'private'}) already has this "
                                                    f"{hit.matched_on}. Pick that contact instead."}
            return
        self.new_contact_open = False
        return rx.toast.success(f"Contact {self.values.get('contact_code', '')} created as a prospect.")

    @rx.event
    def save(self):
        data = dict(self.values) | {k: list(v) for k, v in self.lists.items()}
        data["follower_contact_codes"] = [o.value for o in self.external_followers]
        data["product_lines"] = self.line_data()
        data |= self.custom_data()
        try:
            with unit_of_work() as session:
                actor = self.require_actor()
                saved = leads.save_from_form(session, actor, data, now=utcnow(), code=self.editing_code,
                                             read=self._read, version=self._read.get("version"))
                if not self.editing_code:  # the new lead's files, in the same transaction
                    self.attach_drafts(session, actor, saved.code)
        except versions.EditConflict as err:
            self._reset()
            self.conflict = err.message
            return self._fill(self.require_actor()) or rx.toast.error("Not saved: see the note above the form.")
        except ValidationError as err:
            self.errors = err.errors
            self.mark_lines(err.errors)
            self.show_custom_errors(err.errors)
            return rx.toast.error(f"Please correct the {len(err.errors)} highlighted field(s).")
        except DomainError as err:
            return rx.toast.error(err.message)
        self.errors, self.conflict = {}, ""
        return [rx.redirect(routes.lead(saved.code)), rx.toast.success(f"Saved {saved.code}. {saved.note}".strip())]


def _contact_label(session, actor, code: str) -> str:
    if is_private_code(code):
        return PRIVATE_CONTACT
    ctx = lead_detail.contact_context(session, actor, code) if code else None
    return f"{ctx.name} · {ctx.code}" if ctx else ""
