"""Where leads are listed — the lead list and its search, the board's cards, the
follow-up lists — a contact private to someone else reads "Private contact"
(no code) for the executive given its lead, and searching or filtering by that
contact's name or code does not find the lead for them (the lead's search text
holds its contact's name and code)."""
import pytest
from sqlmodel import select

from hoffice_app.domain import followups
from hoffice_app.domain.funnel import BoardFilter, board
from hoffice_app.models import FunnelStage
from tests.contact_factory import HIDDEN_BY, actor, demo, engine  # noqa: F401
from tests.domain.leads.private_office import leaks, office
from tests.domain.leads.test_lead_list_helpers import page, titles


@pytest.fixture(params=HIDDEN_BY)  # private to E03, or in a division only E03 is in
def setup(request, session, now, demo):  # noqa: F811
    return office(session, now, request.param)


def test_the_lead_list_row_reads_private_contact_without_code(session, setup, now):
    rows = {r.title: (r.contact_name, r.contact_code) for r in page(session, "E04", now, view="all").rows}
    assert rows == {"Solar panels": ("Private contact", ""), "Inverter service": ("Horus Tech", setup.public.code)}
    assert leaks(rows, setup.secret) == []


def test_the_lead_list_row_carries_the_contact_mobile_only_to_those_who_may_see_the_contact(session, setup, now):
    """The row's mobile (the phone-width card's call and WhatsApp links) follows the contact's privacy."""
    hidden = {r.title: r.contact_mobile for r in page(session, "E04", now, view="all").rows}
    assert hidden == {"Solar panels": "", "Inverter service": ""}  # Horus Tech has no mobile
    assert leaks(page(session, "E04", now, view="all").rows, setup.secret) == []
    seen = {r.title: r.contact_mobile for r in page(session, "E01", now, view="all").rows}
    assert seen["Solar panels"] == "+91 98111 22334"  # the administrator sees every contact


@pytest.mark.parametrize("text", ["zephyr", "Secret Traders", "ze", "solar zephyr"])
def test_searching_by_the_private_contact_does_not_find_the_lead(session, setup, now, text):
    assert titles(session, "E04", now, view="all", text=text) == set()
    assert titles(session, "E01", now, view="all", text=text) == {"Solar panels"}  # the administrator sees it


def test_searching_by_the_private_contact_code_does_not_find_the_lead_its_own_code_and_title_do(session, setup, now):
    assert titles(session, "E04", now, view="all", text=setup.secret.code) == set()
    assert page(session, "E04", now, view="all", text=setup.secret.code).total == 0
    assert titles(session, "E04", now, view="all", text="solar pan") == {"Solar panels"}
    assert titles(session, "E04", now, view="all", text=setup.lead.code) == {"Solar panels"}
    assert titles(session, "E04", now, view="all", text="horus") == {"Inverter service"}  # a public contact


def test_filtering_by_a_private_source_contact_finds_nothing(session, setup, now):
    query = dict(view="all", source_kind="contact", source_ref=setup.secret.code)
    assert titles(session, "E04", now, **query) == set()
    assert titles(session, "E01", now, **query) == {"Inverter service"}


def test_the_board_card_reads_private_contact(session, setup, now):
    funnel_id = session.exec(select(FunnelStage)).first().funnel_id
    _heads, columns = board.board(session, actor(session, "E04"), funnel_id, BoardFilter(), now=now)
    cards = {c.title: c.contact for column in columns for c in column}
    assert cards == {"Solar panels": "Private contact", "Inverter service": "Horus Tech"}


def test_follow_up_lists_read_private_contact(session, setup, now):
    karan = actor(session, "E04")
    planned = followups.schedule(session, karan, setup.lead.id, {"kind": "call", "due_at": "2026-03-03T10:00"},
                                 now=now)
    mine = followups.my_follow_ups(session, karan, now=now)
    on_lead = followups.lead_follow_ups(session, karan, setup.lead.id, now=now)
    assert [f.contact_name for f in [planned, *mine.upcoming, *mine.today, *on_lead]] == ["Private contact"] * 3
    assert leaks([planned, mine, on_lead], setup.secret) == []
