"""Follow-up UI pieces: a row, the schedule dialog, the complete-and-plan-next dialog and the
reschedule dialog."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.fields import choice, field_error, labelled
from hoffice_app.components.terms import say
from hoffice_app.domain.followups import FollowUpView
from hoffice_app.models import DueState, FollowUpStatus

STATE_COLORS = {DueState.OVERDUE.value: "red", DueState.TODAY.value: "orange", DueState.PLANNED.value: "blue",
                DueState.DONE.value: "green"}
STATE_LABELS = {DueState.OVERDUE.value: "Overdue", DueState.TODAY.value: "Due today",
                DueState.PLANNED.value: "Planned", DueState.DONE.value: "Done"}


def state_badge(state) -> rx.Component:
    return rx.match(state, *[(k, rx.badge(STATE_LABELS[k], color_scheme=c)) for k, c in STATE_COLORS.items()],
                    rx.fragment())


def follow_up_row(f: FollowUpView, S, *, show_lead: bool, show_assignee: bool = False,
                  reschedule: bool = False) -> rx.Component:
    """One follow-up. ``show_assignee``: whose it is, up front (a team's list); ``reschedule``: a
    planned one can be moved from here (the page has reschedule_dialog)."""
    lead = [rx.link(f.lead_code, " · ", f.lead_title, href=f"{routes.LEADS}/" + f.lead_code, weight="medium"),
            rx.text(f.contact_name, size="1", color_scheme="gray")] if show_lead else []
    who = [rx.text(f.assignee, size="2", weight="bold")] if show_assignee else []
    planned = f.status == FollowUpStatus.PLANNED.value
    move = [rx.cond(planned, rx.button("Reschedule", size="1", variant="soft", color_scheme="gray",
                                       on_click=S.start_reschedule(f.id, f.kind_label + " · " + f.due, f.due_iso)))
            ] if reschedule else []
    return rx.card(rx.hstack(
        rx.vstack(*who, *lead, rx.hstack(state_badge(f.state), rx.text(f.kind_label, weight="medium", size="2"),
                                         align="center"),
                  rx.text(f.due, " · ", f.assignee, size="2", color_scheme="gray"),
                  rx.cond(f.notes != "", rx.text(f.notes, size="2", color_scheme="gray")),
                  rx.cond(f.outcome != "", rx.text("Outcome: ", f.outcome, size="2")), spacing="1", min_width="0"),
        rx.spacer(),
        rx.flex(*move, rx.cond(planned, rx.button("Complete", size="1", variant="soft",
                                                  on_click=S.start_complete(f.id, f.kind_label + " · " + f.due))),
                direction="column", gap="2", flex_shrink="0"),
        width="100%", align="start"), width="100%", size="1", role="article", aria_label=f.kind_label + " " + f.due)


def _plan_fields(S, values, setter, prefix: str) -> list[rx.Component]:
    errors = S.plan_errors
    return [
        choice("Type", f"{prefix}-kind", S.kind_options, values.get("kind", ""), lambda v: setter("kind", v),
               errors.get(f"{'next_' if prefix == 'next' else ''}kind", ""), clearable=False),
        labelled("Due", rx.input(id=f"{prefix}-due", type="datetime-local", value=values.get("due_at", ""),
                                 on_change=lambda v: setter("due_at", v), width="100%"), f"{prefix}-due",
                 errors.get(f"{'next_' if prefix == 'next' else ''}due_at", "")),
        choice("Reminder", f"{prefix}-remind", S.reminder_options, values.get("remind", "30"),
               lambda v: setter("remind", v), errors.get(f"{'next_' if prefix == 'next' else ''}remind", ""),
               clearable=False),
        choice("Assignee", f"{prefix}-assignee", S.people, values.get("assignee_id", ""),
               lambda v: setter("assignee_id", v), errors.get(f"{'next_' if prefix == 'next' else ''}assignee_id", ""),
               placeholder=say("The lead's assignee")),
        labelled("Notes", rx.text_area(id=f"{prefix}-notes", value=values.get("notes", ""),
                                       on_change=lambda v: setter("notes", v), rows="2", width="100%"),
                 f"{prefix}-notes", errors.get(f"{'next_' if prefix == 'next' else ''}notes", "")),
    ]


def schedule_dialog(S) -> rx.Component:
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title("Schedule follow-up"),
        rx.vstack(*_plan_fields(S, S.plan, S.set_plan, "plan"),
                  rx.hstack(rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray")),
                            rx.button("Schedule", on_click=S.schedule), justify="end", width="100%"),
                  spacing="3")), open=S.schedule_open, on_open_change=S.set_schedule_open)


def complete_dialog(S) -> rx.Component:
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title("Complete follow-up"),
        rx.text(S.complete_title, size="2", color_scheme="gray"),
        rx.vstack(
            labelled("Outcome", rx.text_area(id="complete-outcome", value=S.outcome, on_change=S.set_outcome,
                                             rows="3", width="100%", placeholder="What happened?"),
                     "complete-outcome", S.plan_errors.get("outcome", "")),
            rx.el.label(rx.hstack(rx.switch(checked=S.with_next, on_change=S.set_with_next, id="complete-with-next"),
                                  rx.text("Schedule the next follow-up", size="2")), html_for="complete-with-next"),
            rx.cond(S.with_next, rx.vstack(*_plan_fields(S, S.next_plan, S.set_next, "next"), spacing="3",
                                           width="100%")),
            field_error(S.plan_errors.get("follow_up", "")),
            rx.hstack(rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray")),
                      rx.button("Complete", on_click=S.complete), justify="end", width="100%"),
            spacing="3", margin_top="0.5rem")), open=S.complete_open, on_open_change=S.set_complete_open)


def reschedule_dialog(S) -> rx.Component:
    """Move a planned follow-up: the new due time, prefilled with the current one, company time."""
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title("Reschedule follow-up"),
        rx.text(S.reschedule_title, size="2", color_scheme="gray"),
        rx.vstack(
            labelled("New due time", rx.input(id="reschedule-due", type="datetime-local", value=S.reschedule_due,
                                              on_change=S.set_reschedule_due, width="100%"),
                     "reschedule-due", S.reschedule_error),
            rx.text(S.zone_hint, size="1", color_scheme="gray"),
            rx.hstack(rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray")),
                      rx.button("Reschedule", on_click=S.reschedule), justify="end", width="100%"),
            spacing="3", margin_top="0.5rem")), open=S.reschedule_open, on_open_change=S.set_reschedule_open)
