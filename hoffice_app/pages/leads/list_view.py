"""/leads: quick views, filters, saved views, one page of rows, bulk actions."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.column_chooser import column_chooser
from hoffice_app.components.contact_picker import contact_picker
from hoffice_app.components.custom_filters import custom_filter_button, custom_filter_chips
from hoffice_app.components.filters import LEAD_SOURCES, filter_choice
from hoffice_app.components.layout import ON_WIDE, page_shell
from hoffice_app.components.pager import pager
from hoffice_app.components.saved_views import saved_views_menu
from hoffice_app.components.terms import say
from hoffice_app.domain.leads import LeadRow
from hoffice_app.pages.leads.followup_widgets import state_badge
from hoffice_app.pages.leads.list_cards import lead_cards
from hoffice_app.pages.leads.list_state import SOURCE_PICKER
from hoffice_app.pages.leads.list_state import LeadListState as S
from hoffice_app.pages.leads.revoke_view import revoke_button, revoke_dialog, revoke_notes

SORTS = [("-created", "Newest first"), ("created", "Oldest first"), ("-value", "Value: high to low"),
         ("value", "Value: low to high"), ("priority", "Priority: in Settings order"),
         ("-priority", "Priority: reverse order"), ("stage", "Stage: in funnel order"),
         ("-stage", "Stage: reverse funnel order"), ("next_followup", "Next follow-up: soonest first"),
         ("-next_followup", "Next follow-up: latest first"), ("title", "Title A→Z")]


def _filter_choice(label: str, key: str, options=None, pairs=None) -> rx.Component:
    return filter_choice(label, S.filters.get(key, ""), lambda v: S.set_filter(key, v), options, pairs)


def _range(label: str, low: str, high: str, type_: str) -> rx.Component:
    return rx.hstack(rx.text(label, size="2", min_width="8rem"),
                     rx.input(type=type_, value=S.filters.get(low, ""), on_change=lambda v: S.set_filter(low, v),
                              aria_label=f"{label} from", size="1"),
                     rx.text("to", size="1"),
                     rx.input(type=type_, value=S.filters.get(high, ""), on_change=lambda v: S.set_filter(high, v),
                              aria_label=f"{label} to", size="1"), align="center")


def _priorities() -> rx.Component:
    """Several priorities at once: a list of check boxes behind one button."""
    label = rx.cond(S.chosen_priorities.length() > 0,
                    rx.text("Priority: ", S.chosen_priorities.length(), " chosen"), rx.text("Any priority"))
    return rx.popover.root(
        rx.popover.trigger(rx.button(label, rx.icon("chevron-down", size=14), variant="soft", color_scheme="gray",
                                     aria_label="Priority")),
        rx.popover.content(rx.vstack(
            rx.foreach(S.priority_options, lambda o: rx.el.label(rx.hstack(
                rx.checkbox(checked=S.chosen_priorities.contains(o.value),
                            on_change=lambda c: S.toggle_priority(o.value, c)),
                rx.text(o.label, size="2"), align="center"))),
            rx.cond(S.chosen_priorities.length() > 0,
                    rx.button("Any priority", size="1", variant="ghost", on_click=S.set_filter("priority_id", ""))),
            spacing="2"), aria_label="Choose priorities"))


def _source() -> rx.Component:
    """The source kind, then which one: a campaign, an employee, or a contact picked by name."""
    kind = S.filters.get("source_kind", "")
    ref = S.filters.get("source_ref", "")
    return rx.hstack(
        _filter_choice("Source", "source_kind", pairs=LEAD_SOURCES),
        rx.match(kind,
                 ("campaign", filter_choice("Campaign", ref, lambda v: S.set_filter("source_ref", v),
                                            S.campaign_options)),
                 ("employee", filter_choice("Employee", ref, lambda v: S.set_filter("source_ref", v),
                                            S.employee_options)),
                 ("contact", _source_contact()), ("friend", _source_contact()), rx.fragment()),
        spacing="2", align="center")


def _source_contact() -> rx.Component:
    """Found by name, alias, code or phone (the shared picker: only contacts the viewer may see)."""
    return rx.box(contact_picker(S, SOURCE_PICKER, "lead-source-contact", S.source_contact,
                                 on_clear=S.clear_source_contact, clear_label="Clear the source contact",
                                 aria_label="Source contact"), width="16rem")


def _filters() -> rx.Component:
    return rx.card(rx.vstack(
        rx.flex(_filter_choice("Status", "status_id", S.status_options),
                _filter_choice("Funnel", "funnel_id", S.funnel_options),
                _filter_choice("Stage", "stage_id", S.stage_options),
                _priorities(),
                _filter_choice("Type", "lead_type_id", S.type_options),
                _source(),
                _filter_choice("Assignee", "assigned_to_id", S.employee_options),
                _filter_choice("Created by", "created_by_id", S.employee_options),
                _filter_choice("Category", "product_category_id", S.category_options),
                _filter_choice("Product", "product_id", S.product_options), spacing="2", wrap="wrap"),
        rx.grid(_range("Value", "value_min", "value_max", "number"),
                _range("Created", "created_from", "created_to", "date"),
                _range("Assigned", "assigned_from", "assigned_to", "date"),
                _range("Next follow-up", "followup_from", "followup_to", "date"),
                columns=rx.breakpoints(initial="1", md="2"), spacing="2", width="100%"),
        spacing="3", width="100%"), width="100%", variant="surface")


def _toolbar() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.input(rx.input.slot(rx.icon("search", size=16)), placeholder="Search title, contact or code",
                     value=S.text, on_change=S.set_text, debounce_timeout=250, width="100%", size="3",
                     aria_label=say("Search leads"), type="search"),
            rx.link(rx.button(rx.icon("plus", size=16), "Add ", S.lead_label.lower(), size="3", white_space="nowrap"),
                    href=routes.LEAD_NEW, flex_shrink="0"),
            width="100%"),
        rx.flex(
            # The quick views scroll inside their own strip on a phone, not the whole page sideways.
            rx.box(rx.segmented_control.root(rx.foreach(S.quick_views, lambda o: rx.segmented_control.item(
                o.label, value=o.value)), value=S.view, on_change=S.set_view, size="1"),
                max_width="100%", overflow_x="auto"),
            rx.spacer(),
            rx.button(rx.icon("sliders-horizontal", size=14), "Filters",
                      rx.cond(S.active_filters > 0, rx.badge(S.active_filters)), variant="soft",
                      on_click=S.toggle_filters),
            custom_filter_button(S),
            rx.cond((S.active_filters > 0) | (S.cf_chips.length() > 0),
                    rx.button("Clear", variant="ghost", on_click=S.clear_filters)),
            saved_views_menu(S, "e.g. Hot Ahmedabad deals"),
            rx.select.root(rx.select.trigger(aria_label="Sort by"),
                           rx.select.content(*[rx.select.item(label, value=v) for v, label in SORTS]),
                           value=S.sort, on_change=S.set_sort),
            column_chooser(S),
            spacing="2", wrap="wrap", width="100%", align="center"),
        custom_filter_chips(S),
        rx.cond(S.show_filters, _filters()),
        spacing="3", width="100%")


def _bulk_bar() -> rx.Component:
    return rx.cond(S.selected.length() > 0, rx.card(rx.hstack(
        rx.text(S.selected.length(), " selected", weight="bold", size="2"),
        rx.select.root(rx.select.trigger(placeholder="Assign to…", aria_label="Assign selected to"),
                       rx.select.content(rx.foreach(S.employee_options, lambda o: rx.select.item(o.label,
                                                                                                 value=o.value))),
                       value=S.bulk_assignee, on_change=S.set_bulk_assignee),
        rx.button("Assign", size="1", on_click=S.bulk("assign"), disabled=S.bulk_assignee == "",
                  title="Their open follow-ups move to the new assignee too"),
        rx.select.root(rx.select.trigger(placeholder="Set status…", aria_label="Set status of selected"),
                       rx.select.content(rx.foreach(S.status_options, lambda o: rx.select.item(o.label,
                                                                                               value=o.value))),
                       value=S.bulk_status, on_change=S.set_bulk_status),
        rx.button("Apply status", size="1", on_click=S.bulk("status"), disabled=S.bulk_status == ""),
        revoke_button("selected"),
        spacing="3", align="center", wrap="wrap"), variant="surface", width="100%"))


def _row(row: LeadRow, i) -> rx.Component:
    on = S.col_on
    return rx.table.row(
        rx.table.cell(rx.checkbox(checked=S.selected.contains(row.id), on_change=lambda c: S.toggle_row(row.id, c),
                                  aria_label=rx.Var.create("Select ") + row.code)),
        rx.table.cell(rx.code(row.code)),
        rx.table.cell(rx.link(row.title, href=f"{routes.LEADS}/" + row.code, weight="medium"),
                      rx.text(row.contact_name, size="1", color_scheme="gray")),
        rx.cond(on["assignee"], rx.table.cell(row.assignee)),
        rx.cond(on["status"], rx.table.cell(row.status)),
        rx.cond(on["stage"], rx.table.cell(row.stage)),
        rx.cond(on["funnel"], rx.table.cell(row.funnel)),
        rx.cond(on["priority"], rx.table.cell(row.priority)),
        rx.cond(on["value"], rx.table.cell(row.value, text_align="right")),
        rx.cond(on["next_followup"], rx.table.cell(rx.hstack(state_badge(row.followup_state),
                                                             rx.text(row.next_followup, size="1"), align="center"))),
        rx.cond(on["created"], rx.table.cell(row.created)),
        rx.foreach(S.cf_cells[i], lambda value: rx.table.cell(value)),
    )


HEADINGS = (("assignee", "Assigned to"), ("status", "Status"), ("stage", "Stage"), ("funnel", "Funnel"),
            ("priority", "Priority"), ("value", "Value"), ("next_followup", "Next follow-up"), ("created", "Created"))


def _table() -> rx.Component:
    head = [rx.table.column_header_cell(rx.checkbox(
        checked=(S.selected.length() > 0) & (S.selected.length() == S.rows.length()),
        on_change=S.toggle_page, aria_label="Select all on this page"))]
    head += [rx.table.column_header_cell(h) for h in ("Code", "Title / contact")]
    head += [rx.cond(S.col_on[key], rx.table.column_header_cell(h)) for key, h in HEADINGS]
    head.append(rx.foreach(S.cf_columns, lambda c: rx.table.column_header_cell(c.label)))
    return rx.el.section(rx.table.root(rx.table.header(rx.table.row(*head)),
                                       rx.table.body(rx.foreach(S.rows, _row)), variant="surface", size="1",
                                       width="100%"),
                         aria_label=S.leads_label, style={"overflowX": "auto", "width": "100%", "display": ON_WIDE})


def _pager() -> rx.Component:
    return pager(S, rx.hstack(rx.text(S.count_label, " · total value ", S.total_value, size="2", color_scheme="gray",
                                      role="status", aria_label="Matching"),
                              revoke_button("matching", "Revoke / re-assign all matching…"), align="center",
                              wrap="wrap"))


def _drill_banner() -> rx.Component:
    """Says which number this list is the drill-down of, with the way back to the full list."""
    return rx.cond(S.drill != "", rx.callout(
        rx.hstack(rx.text("Showing: ", rx.text.strong(S.drill_label)),
                  rx.button("Show all " + S.leads_label.lower(), size="1", variant="soft", on_click=S.clear_drill),
                  align="center", justify="between", wrap="wrap", width="100%"),
        icon="chart-column", color_scheme="blue", width="100%", role="status", aria_label="Drill-down"))


def lead_list_page() -> rx.Component:
    empty = rx.callout(rx.text("Nothing here. Try another view, clear the filters, or ",
                               rx.link("add a " + S.lead_label.lower(), href=routes.LEAD_NEW), "."), icon="info")
    return page_shell(S.leads_label, rx.vstack(
        _drill_banner(), _toolbar(), revoke_notes(), _bulk_bar(),
        rx.cond(S.total > 0, rx.vstack(_table(), lead_cards(), _pager(), spacing="3", width="100%"), empty),
        revoke_dialog(), spacing="4", width="100%"))
