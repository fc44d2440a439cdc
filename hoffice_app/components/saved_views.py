"""The saved views menu of a list (``state.saved_views.SavedViewsMixin``): pick a view, see
when the list moved off it ("Modified", Revert), save the list as a new view, delete the
applied one after a confirmation."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.fields import field_error


def saved_views_menu(S, example: str) -> rx.Component:
    """``S``: the list's state; ``example``: a name suggested in the save dialog."""
    return rx.flex(
        # Once the list moved off the applied view, the menu shows its name as a placeholder: picking
        # that view again then re-applies it (a select does not report picking its current value).
        rx.select.root(rx.select.trigger(placeholder=rx.cond(S.view_modified, S.applied_view_name, "Saved views"),
                                         aria_label="Saved views"),
                       rx.select.content(rx.foreach(S.views, lambda o: rx.select.item(o.label, value=o.value))),
                       value=rx.cond(S.view_modified, "", S.applied_view), on_change=S.apply_view),
        rx.cond(S.view_modified, rx.hstack(
            rx.badge("Modified", color_scheme="amber", variant="soft",
                     title="The filters changed since this view was applied; save it again under a new name to "
                           "keep them"),
            rx.button(rx.icon("undo-2", size=14), "Revert", size="1", variant="ghost",
                      on_click=S.apply_view(S.applied_view), title="Back to the view as it was saved"),
            spacing="1", align="center")),
        rx.cond(S.applied_view != "", _delete(S)),
        rx.dialog.root(
            rx.dialog.trigger(rx.button(rx.icon("bookmark-plus", size=14), "Save view", variant="soft")),
            rx.dialog.content(rx.dialog.title("Save this view"),
                              rx.input(value=S.view_name, on_change=S.set_view_name, aria_label="View name",
                                       placeholder=example, width="100%"),
                              field_error(S.view_error),
                              rx.hstack(rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray")),
                                        rx.button("Save", on_click=S.save_view), justify="end", margin_top="1rem")),
            open=S.save_open, on_open_change=S.set_save_open),
        spacing="2", align="center", wrap="wrap")  # on a phone the buttons go under a long view name


def _delete(S) -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(rx.icon_button(rx.icon("trash-2", size=14), size="1", variant="ghost",
                                               color_scheme="red", aria_label="Delete this view",
                                               title="Delete this saved view")),
        rx.alert_dialog.content(
            rx.alert_dialog.title("Delete this view?"),
            rx.alert_dialog.description(rx.text("“", S.applied_view_name, "” goes from your saved views. The list "
                                                "keeps showing its filters."), size="2"),
            rx.hstack(rx.alert_dialog.cancel(rx.button("Keep it", variant="soft", color_scheme="gray")),
                      rx.button("Delete view", color_scheme="red", on_click=S.delete_view),
                      justify="end", spacing="2", margin_top="1rem")),
        open=S.delete_view_open, on_open_change=S.set_delete_view_open)
