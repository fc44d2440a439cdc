"""The contact page's leads section: the contact's leads the viewer may see (open first,
then closed), each linking to its lead, and "New lead for this contact", which opens the
lead form with this contact already chosen (/leads/new?contact=C000123)."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.domain.leads import ContactLeadRow
from hoffice_app.pages.contacts.detail_state import ContactDetailState as S

STAGE_COLOURS = (("won", "green"), ("lost", "red"), "blue")


def _or_dash(value) -> rx.Component:
    return rx.cond(value != "", value, rx.text("—", color_scheme="gray"))


def _stage(row: ContactLeadRow) -> rx.Component:
    return rx.hstack(
        rx.cond(row.stage != "", rx.badge(row.stage, color_scheme=rx.match(row.stage_kind, *STAGE_COLOURS),
                                          variant="soft"), rx.text("—", color_scheme="gray")),
        rx.cond(row.is_open, rx.fragment(), rx.badge("Closed", color_scheme="gray", variant="outline")),
        spacing="1", align="center", wrap="wrap")


def _row(row: ContactLeadRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.code(row.code)),
        rx.table.cell(rx.link(row.title, href=f"{routes.LEADS}/" + row.code, weight="medium")),
        rx.table.cell(_stage(row)),
        rx.table.cell(_or_dash(row.status)),
        rx.table.cell(rx.cond(row.assignee != "", row.assignee, rx.text("Unassigned", color_scheme="gray"))),
        rx.table.cell(_or_dash(row.value), text_align="right"),
        rx.table.cell(row.created),
    )


def _table() -> rx.Component:
    head = rx.table.row(*[rx.table.column_header_cell(h) for h in
                          ("Code", "Title", "Stage", "Status", "Assigned to", "Value", "Created")])
    return rx.box(rx.table.root(rx.table.header(head), rx.table.body(rx.foreach(S.leads, _row)),
                                variant="ghost", size="1", width="100%"),
                  style={"overflowX": "auto", "width": "100%"})


def _empty() -> rx.Component:
    return rx.text("No ", S.leads_label.lower(), " for this contact that you can see yet. Use “New ",
                   S.lead_label.lower(), " for this contact” to start one.", color_scheme="gray", size="2")


def _more_note() -> rx.Component:
    """Shown when the contact has more leads than the section lists."""
    return rx.cond(S.leads_total > S.leads.length(), rx.text(
        "Showing the first ", S.leads.length(), " of ", S.leads_total, ". Search the ", S.leads_label.lower(),
        " list for ", rx.code(S.code), " to see them all.", size="1", color_scheme="gray"))


def leads_section() -> rx.Component:
    heading = rx.hstack(
        rx.heading(S.leads_label, size="3", as_="h2"),
        rx.cond(S.leads_total > 0, rx.text(S.leads_open, " open · ", S.leads_total, " in all", size="2",
                                           color_scheme="gray")),
        rx.spacer(),
        rx.link(rx.button(rx.icon("plus", size=14), "New ", S.lead_label.lower(), " for this contact", size="2"),
                href=routes.LEAD_NEW + "?contact=" + S.code),
        align="center", width="100%", wrap="wrap", margin_bottom="0.75rem")
    return rx.el.section(rx.card(heading, rx.cond(S.leads.length() > 0, rx.vstack(_table(), _more_note(),
                                                                                   width="100%"), _empty()),
                                 width="100%"), aria_label=S.leads_label, width="100%")
