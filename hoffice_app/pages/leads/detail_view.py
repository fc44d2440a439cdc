"""/leads/<code>: every field, follow-ups, attachments and the timeline."""
from __future__ import annotations

import reflex as rx

from hoffice_app import routes
from hoffice_app.components.fields import field_error
from hoffice_app.components.files import file_drop_zone
from hoffice_app.components.layout import page_shell
from hoffice_app.components.phone import phone_links
from hoffice_app.components.terms import say
from hoffice_app.domain.documents import DocumentView
from hoffice_app.domain.leads import TimelineItem
from hoffice_app.pages.customfields_detail import custom_items
from hoffice_app.pages.leads.detail_funnel_move import funnel_move
from hoffice_app.pages.leads.detail_products_view import product_lines_block
from hoffice_app.pages.leads.detail_revokes_view import (
    countdown_callout,
    hold_badge,
    hold_switch,
    revokes_card,
    undo_dialog,
)
from hoffice_app.pages.leads.detail_stage import stage_card
from hoffice_app.pages.leads.detail_state import LeadDetailState as S
from hoffice_app.pages.leads.followup_widgets import complete_dialog, follow_up_row, schedule_dialog

FIELDS = ["Contact", "Mobile", "E-mail", "Address for this inquiry", "Assigned to", "Created by",
          "Date of assignment", "Product category", "Status", "Priority", "Lead type", "Estimated value",
          "Source of inquiry", "Knowledge template", "Next follow-up", "Created", "Also send communication on"]
EVENT_ICONS = {"created": "sparkles", "assigned": "user-check", "status": "flag", "updated": "pencil",
               "follow_up_planned": "calendar-plus", "follow_up_done": "calendar-check",
               "follow_up_moved": "calendar-clock", "note": "message-square",
               "attachment": "paperclip", "stage": "columns-3"}


def _card(title, *children) -> rx.Component:
    return rx.el.section(rx.card(rx.heading(title, size="3", margin_bottom="0.75rem", as_="h2"), *children,
                                 width="100%", height="100%"), aria_label=title, style={"width": "100%"})


def _value(label: str) -> rx.Component:
    value = S.info.get(label, "")
    shown = phone_links(value) if label == "Mobile" else value  # to call or message from a phone
    return rx.data_list.item(rx.data_list.label(say(label), min_width="11rem"),
                             rx.data_list.value(rx.cond(value != "", shown, rx.text("—", color_scheme="gray"))))


def _badges(items) -> rx.Component:
    return rx.cond(items.length() > 0, rx.flex(rx.foreach(items, lambda x: rx.badge(x, variant="soft")),
                                               spacing="2", wrap="wrap"), rx.text("—", color_scheme="gray"))


def _event(e: TimelineItem) -> rx.Component:
    return rx.hstack(
        rx.center(rx.match(e.kind, *[(k, rx.icon(i, size=14)) for k, i in EVENT_ICONS.items()],
                           rx.icon("dot", size=14)), width="1.75rem", height="1.75rem", border_radius="50%",
                  background=rx.color("accent", 3), flex_shrink="0"),
        rx.vstack(rx.text(e.text, size="2", white_space="pre-wrap"),
                  rx.text(e.actor, " · ", e.at, size="1", color_scheme="gray"), spacing="0"),
        align="start", width="100%", role="listitem")


def _attachment(d: DocumentView) -> rx.Component:
    return rx.hstack(rx.icon("paperclip", size=14),
                     rx.link(d.filename, href=d.download_url, is_external=True),
                     rx.text(d.size_label, " · ", d.uploaded_by, size="1", color_scheme="gray"), rx.spacer(),
                     rx.icon_button(rx.icon("x", size=12), size="1", variant="ghost", color_scheme="red",
                                    aria_label=rx.Var.create("Remove ") + d.filename, on_click=S.detach(d.id)),
                     width="100%", align="center")


def _attachments() -> rx.Component:
    zone = file_drop_zone("lead-upload", S.upload, say("Attach files to this lead"))
    return _card(
        "Attachments",
        rx.vstack(
            rx.foreach(S.attachments, _attachment),
            zone,
            field_error(S.upload_error),
            rx.button(rx.icon("library", size=14), "Attach from document library", variant="soft", size="1",
                      on_click=S.open_library),
            spacing="2", width="100%"))


def _library_dialog() -> rx.Component:
    return rx.dialog.root(rx.dialog.content(
        rx.dialog.title("Document library"),
        rx.input(placeholder="Search file names", value=S.library_text, on_change=S.search_library, width="100%",
                 aria_label="Search documents"),
        rx.vstack(rx.foreach(S.library, lambda d: rx.hstack(
            rx.text(d.filename, size="2"), rx.text(d.size_label, size="1", color_scheme="gray"), rx.spacer(),
            rx.button("Attach", size="1", on_click=S.attach_existing(d.id)), width="100%")),
            rx.cond(S.library.length() == 0, rx.text("No documents found.", size="2", color_scheme="gray")),
            spacing="2", margin_top="0.75rem", width="100%"),
        rx.hstack(rx.dialog.close(rx.button("Close", variant="soft")), justify="end", margin_top="1rem")),
        open=S.library_open, on_open_change=S.set_library_open)


def _body() -> rx.Component:
    header = rx.hstack(
        rx.vstack(rx.hstack(rx.heading(S.title, size="6"), rx.code(S.code, size="3"), align="center"),
                  rx.hstack(rx.badge(rx.cond(S.is_open, "Open", "Closed"),
                                     color_scheme=rx.cond(S.is_open, "blue", "gray")),
                            hold_badge(),
                            rx.cond(S.contact_code != "",
                                    rx.link(S.info.get("Contact", ""), href=f"{routes.CONTACTS}/" + S.contact_code),
                                    rx.text(S.info.get("Contact", ""), size="2", color_scheme="gray"))),
                  spacing="1"),
        rx.spacer(),
        hold_switch(),
        funnel_move(),
        rx.button(rx.icon("calendar-plus", size=14), "Schedule follow-up", variant="soft",
                  on_click=S.start_schedule(S.lead_id)),
        rx.link(rx.button(rx.icon("pencil", size=14), "Edit"), href=f"{routes.LEADS}/" + S.code + "/edit"),
        width="100%", align="start", wrap="wrap")
    details = _card("Details", rx.data_list.root(
        *[_value(f) for f in FIELDS],
        rx.data_list.item(rx.data_list.label("Followers", min_width="11rem"),
                          rx.data_list.value(_badges(S.followers))),
        rx.data_list.item(rx.data_list.label("Associated contacts", min_width="11rem"), rx.data_list.value(
            rx.flex(rx.foreach(S.associated, lambda o: rx.cond(  # a private contact ("Private contact") has no link
                o.value != "", rx.link(o.label, href=f"{routes.CONTACTS}/" + o.value), rx.text(o.label, size="2"))),
                    spacing="2", wrap="wrap"))),
        custom_items(S.custom, min_width="11rem"), size="2",
        # a phone stacks each label over its value: side by side, long values were cut at the card's edge
        orientation=rx.breakpoints(initial="vertical", sm="horizontal")),
        product_lines_block(),
        rx.cond(S.info.get("Description", "") != "",
                rx.box(rx.text("Description", weight="bold", size="2", margin_top="1rem"),
                       rx.text(S.info.get("Description", ""), size="2", white_space="pre-wrap"))))
    follow_ups = _card("Follow-ups", rx.vstack(
        rx.foreach(S.follow_ups, lambda f: follow_up_row(f, S, show_lead=False)),
        rx.cond(S.follow_ups.length() == 0, rx.text("Nothing planned yet. Schedule the next step so it is not "
                                                    "forgotten.", size="2", color_scheme="gray")),
        spacing="2", width="100%"))
    timeline = _card("Timeline", rx.vstack(
        rx.hstack(rx.input(placeholder="Add a note", value=S.note, on_change=S.set_note, width="100%",
                           aria_label="Note"), rx.button("Add note", on_click=S.add_note), width="100%"),
        field_error(S.note_error),
        rx.vstack(rx.foreach(S.timeline, _event), spacing="3", role="list", width="100%"),
        spacing="3", width="100%"))
    side = rx.vstack(stage_card(_card),
                     follow_ups, revokes_card(_card), _attachments(), timeline, spacing="4", width="100%")
    return rx.vstack(header, countdown_callout(), rx.grid(details, side,
                                     columns=rx.breakpoints(initial="1", lg="2"), spacing="4", width="100%"),
                     schedule_dialog(S), complete_dialog(S), _library_dialog(), undo_dialog(), spacing="4",
                     width="100%")


def lead_detail_page() -> rx.Component:
    return page_shell(S.lead_label, rx.cond(
        S.not_found != "",
        rx.vstack(rx.callout(S.not_found, icon="search-x", color_scheme="red", role="alert"),
                  rx.link("Back to the list", href=routes.LEADS)),
        rx.cond(S.code != "", _body(), rx.center(rx.spinner()))))
