"""Settings → Custom fields, the options of a select field inside its dialog: add, rename in
place, reorder, switch off and on, delete after a confirmation. A mixin of the custom fields
state. While a field is being added its options are a list in the dialog, saved with the field;
a saved field's options change as they are made (each one call to the domain, which refuses
deleting an option in use and says so)."""
from __future__ import annotations

from dataclasses import replace

import reflex as rx

from hoffice_app.components.a11y import sr_only
from hoffice_app.components.fields import field_error
from hoffice_app.db import unit_of_work
from hoffice_app.domain import customfields as cf
from hoffice_app.domain.common import DomainError, ValidationError
from hoffice_app.domain.customfields import admin as cf_admin
from hoffice_app.domain.masters import name_key


class CustomFieldOptions(rx.State, mixin=True):
    options: list[cf_admin.OptionView] = []
    new_option: str = ""
    option_error: str = ""
    option_delete_open: bool = False
    option_delete_id: int = 0
    option_delete_label: str = ""
    option_delete_error: str = ""
    _stored_labels: dict[int, str] = {}  # a saved field's options as stored: a rename is sent when it differs
    _unsaved: int = 0  # ids of a new field's options, counting down from -1

    def load_options(self, session, actor, field_id: int) -> None:
        self.options = cf_admin.field_options(session, actor, field_id) if field_id else []
        self._stored_labels = {o.id: o.label for o in self.options}
        self.new_option, self.option_error, self.option_delete_open = "", "", False

    def _option_call(self, call) -> bool:
        """One change to a saved field's options, then the options (and the list) read again."""
        try:
            with unit_of_work() as session:
                actor = self.admin_or_refuse()
                call(session, actor)
                self.load_options(session, actor, self.form_id)
                self.after_options(session, actor)
        except ValidationError as err:
            self.option_error = err.errors.get("options", err.message)
            stored = self._stored_labels  # a refused rename shows the stored name again
            self.options = [replace(o, label=stored[o.id]) if o.id in stored else o for o in self.options]
            return False
        except DomainError as err:
            self.option_error = err.message
            return False
        return True

    @rx.event
    def set_new_option(self, value: str):
        self.new_option = value

    def add_typed_option(self) -> None:
        label = " ".join(self.new_option.split())
        if not label:
            self.option_error = "Type the option's name, then add it."
            return
        if self.form_id:
            if self._option_call(lambda s, a: cf.add_option(s, a, self.form_id, label)):
                self.new_option = ""
            return
        if any(name_key(o.label) == name_key(label) for o in self.options):
            self.option_error = f"“{label}” is in the list already."
            return
        self._unsaved -= 1
        self.options = [*self.options, cf_admin.OptionView(self._unsaved, label, True, 0)]
        self.new_option, self.option_error = "", ""

    @rx.event
    def add_option(self):
        self.add_typed_option()

    @rx.event
    def set_option_label(self, option_id: int, value: str):
        self.options = [replace(o, label=value) if o.id == option_id else o for o in self.options]

    @rx.event
    def commit_option(self, option_id: int):
        """Leaving an option's box renames a saved field's option."""
        option = next((o for o in self.options if o.id == option_id), None)
        if option is None or option_id < 0 or option.label == self._stored_labels.get(option_id):
            return
        self._option_call(lambda s, a: cf.rename_option(s, a, option_id, option.label))

    def commit_renames(self, session, actor) -> None:
        """Renames typed but not yet sent (Enter saves the dialog straight from an option's box)."""
        for o in self.options:
            if o.id > 0 and o.label != self._stored_labels.get(o.id):
                cf.rename_option(session, actor, o.id, o.label)

    @rx.event
    def move_option(self, option_id: int, step: int):
        if option_id > 0:
            self._option_call(lambda s, a: cf.move_option(s, a, option_id, step))
            return
        order = list(self.options)
        i = next((n for n, o in enumerate(order) if o.id == option_id), -1)
        if i >= 0 and 0 <= i + step < len(order):
            order[i], order[i + step] = order[i + step], order[i]
            self.options = order

    @rx.event
    def set_option_on(self, option_id: int, active: bool):
        self._option_call(lambda s, a: cf.set_option_active(s, a, option_id, active))

    @rx.event
    def ask_delete_option(self, option_id: int, label: str):
        if option_id < 0:  # not saved yet: nothing to lose
            self.options = [o for o in self.options if o.id != option_id]
            return
        self.option_delete_id, self.option_delete_label, self.option_delete_error = option_id, label, ""
        self.option_delete_open = True

    @rx.event
    def set_option_delete_open(self, value: bool):
        self.option_delete_open = value

    @rx.event
    def confirm_delete_option(self):
        option_id = self.option_delete_id
        if self._option_call(lambda s, a: cf.delete_option(s, a, option_id)):
            return rx.toast.success(f"Deleted the option “{self.option_delete_label}”.")
        self.option_delete_error, self.option_error = self.option_error, ""
        self.option_delete_open = True


def _option_row(o: cf_admin.OptionView, i, S) -> rx.Component:
    saved = o.id > 0
    name = rx.Var.create("Option ") + o.label
    return rx.hstack(
        rx.input(value=o.label, on_change=lambda v: S.set_option_label(o.id, v), on_blur=S.commit_option(o.id),
                 aria_label=rx.Var.create("Name of option ") + o.label, size="2", flex="1"),
        rx.cond(saved & (o.uses > 0), rx.text(o.uses.to_string() + " in use", size="1", color_scheme="gray",
                                              white_space="nowrap")),
        rx.icon_button(rx.icon("arrow-up", size=14), size="1", variant="soft", type="button", disabled=i == 0,
                       aria_label=name + " up", on_click=S.move_option(o.id, -1)),
        rx.icon_button(rx.icon("arrow-down", size=14), size="1", variant="soft", type="button",
                       disabled=i == S.options.length() - 1, aria_label=name + " down",
                       on_click=S.move_option(o.id, 1)),
        rx.cond(saved, rx.el.label(rx.switch(checked=o.active, on_change=lambda v: S.set_option_on(o.id, v),
                                             size="1"),
                                   rx.text(rx.cond(o.active, "On", "Off"), size="1"),
                                   sr_only(rx.Var.create(" — offer ") + o.label),
                                   style={"display": "flex", "gap": "0.3rem", "alignItems": "center"})),
        rx.icon_button(rx.icon("trash-2", size=14), size="1", variant="soft", color_scheme="red", type="button",
                       aria_label=rx.Var.create("Delete option ") + o.label,
                       on_click=S.ask_delete_option(o.id, o.label)),
        align="center", spacing="2", width="100%")


def options_editor(S) -> rx.Component:
    """The options of a select field, shown in its dialog."""
    add_row = rx.hstack(
        rx.input(id="cf-new-option", value=S.new_option, on_change=S.set_new_option, placeholder="e.g. Retail",
                 aria_label="New option", flex="1"),
        rx.button(rx.icon("plus", size=14), "Add option", type="button", variant="soft", on_click=S.add_option),
        width="100%", spacing="2")
    note = rx.cond(S.form_id == 0, "Saved with the field. Enter in the box adds the option.",
                   "Changes to options are saved as you make them. An option in use cannot be deleted: switch it "
                   "off instead (records keep it, new choices no longer offer it).")
    return rx.el.fieldset(
        rx.el.legend("Options", style={"fontSize": "var(--font-size-2)", "fontWeight": 500}),
        rx.vstack(
            rx.text(note, size="1", color_scheme="gray"),
            rx.cond(S.options.length() > 0, rx.vstack(rx.foreach(S.options, lambda o, i: _option_row(o, i, S)),
                                                      spacing="1", width="100%"),
                    rx.text("No options yet: add the choices people pick from.", size="2", color_scheme="gray")),
            add_row, field_error(S.option_error), field_error(S.errors.get("options", "")),
            spacing="2", width="100%"),
        style={"border": "1px solid var(--gray-a5)", "borderRadius": "var(--radius-3)", "padding": "0.75rem",
               "width": "100%", "margin": 0, "minWidth": 0},
    )


def option_delete_dialog(S) -> rx.Component:
    return rx.alert_dialog.root(rx.alert_dialog.content(
        rx.alert_dialog.title("Delete this option?"),
        rx.alert_dialog.description(rx.text("“", S.option_delete_label, "” will be removed for good. An option in "
                                            "use cannot be deleted: switch it off instead.")),
        field_error(S.option_delete_error),
        rx.hstack(rx.alert_dialog.cancel(rx.button("Cancel", variant="soft", color_scheme="gray")),
                  rx.button("Delete", color_scheme="red", on_click=S.confirm_delete_option), justify="end",
                  margin_top="1rem")),
        open=S.option_delete_open, on_open_change=S.set_option_delete_open)
