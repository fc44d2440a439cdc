"""A contact picker: the chosen contact as a chip ("Name · C000123", with × where it may be
cleared), a box to type a name, alias, code or phone in, and the contacts found as a list to
pick from with the mouse or the keys (↓ ↑, Enter; Escape closes it). For a state mixing in
state.contact_picker.ContactPicker; the label is the caller's (bound to ``field_id``).
"""
from __future__ import annotations

import reflex as rx

PLACEHOLDER = "Find by name, alias, code or phone"
# For the ``on_escape_key_down`` of a dialog or popover holding a picker: while the picker's
# results show, Escape closes them (the picker's own key handler), not the dialog around them.
# Decided in the browser, on the box's aria-expanded: Radix dismisses before the box hears the key.
KEEP_OPEN_WHILE_RESULTS = rx.vars.FunctionStringVar.create(
    "(e) => { if (e.target?.getAttribute?.('aria-expanded') === 'true') e.preventDefault(); }")


def _results(S, target, field_id) -> rx.Component:
    results_id = field_id + "-results"
    mine = S.picker_target == target

    def hit(option, index) -> rx.Component:
        active = index == S.picker_active
        return rx.button(option.label, type="button", size="2", role="option", aria_selected=active,
                         id=results_id + "-" + index.to_string(), variant=rx.cond(active, "soft", "ghost"),
                         justify_content="flex-start", width="100%", white_space="normal", text_align="left",
                         height="auto", min_height="var(--space-6)", on_click=S.pick(option.value))

    listed = rx.vstack(rx.foreach(S.picker_results, hit), id=results_id, role="listbox",
                       aria_label="Contacts found", spacing="1", width="100%", padding="0.25rem",
                       border=f"1px solid {rx.color('gray', 6)}", border_radius="var(--radius-2)",
                       background="var(--color-panel-solid)", max_height="18rem", overflow_y="auto")
    nothing = rx.text("No contact you may see matches “", S.picker_text, "”.", size="1", color_scheme="gray",
                      role="status")
    return rx.cond(mine, rx.cond(S.picker_results.length() > 0, listed, rx.cond(S.picker_searched, nothing)))


def contact_picker(S, target, field_id, chosen, *, placeholder=PLACEHOLDER, on_clear=None, clear_label="Clear",
                   extra=None, required=False, invalid=False, **props) -> rx.Component:
    """``target`` names this picker among the page's (a text or a Var); ``chosen`` is the
    chosen contact's label ("" when none); ``on_clear`` (an event) adds × to the chip;
    ``extra`` sits next to the box (the lead form's "+ new contact"); ``props`` go to the box
    (an aria_label where no label is bound to ``field_id``)."""
    mine = S.picker_target == target
    shown = mine & (S.picker_results.length() > 0)
    clear = [] if on_clear is None else [rx.icon_button(
        rx.icon("x", size=12), size="1", variant="ghost", color_scheme="gray", type="button",
        aria_label=clear_label, on_click=on_clear)]
    chip = rx.cond(chosen != "", rx.badge(rx.text(chosen, white_space="normal"), *clear, size="2",
                                          variant="soft", max_width="100%"))
    box = rx.input(id=field_id, value=rx.cond(mine, S.picker_text, ""), placeholder=placeholder, width="100%",
                   on_change=lambda v: S.search_picker(target, v),
                   on_key_down=lambda key, _info: S.picker_key(target, key),
                   role="combobox", aria_autocomplete="list", aria_controls=field_id + "-results",
                   aria_expanded=shown, auto_complete="off",
                   aria_activedescendant=rx.cond(shown, field_id + "-results-" + S.picker_active.to_string(), ""),
                   aria_required=required, aria_invalid=invalid, **props)
    row = rx.hstack(box, *([extra] if extra is not None else []), width="100%")
    return rx.vstack(chip, row, _results(S, target, field_id), spacing="1", width="100%", align="stretch")
