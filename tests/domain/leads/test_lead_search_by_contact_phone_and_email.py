"""The lead list finds a lead by its contact's phone number as people type it (with or
without the country code or trunk 0, spaced or dashed, or only its last digits) and by
its contact's e-mail, as the contact list does; never through a contact the viewer may
not see, and never a lead the viewer may not see."""
import pytest

from tests.contact_factory import HIDDEN_BY, make_private, set_divisions_limit
from tests.domain.leads.private_office import office
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine, make_contact, new_lead, page, titles  # noqa: F401


@pytest.fixture
def two(session, now, demo):  # noqa: F811
    admin = actor(session, "E01")
    horus = make_contact(session, admin, now, "Horus Tech", mobiles=["98250 44321"], office_phones=["079 2686 2513"],
                         emails=["ramesh@horus.example.in"])
    bharat = make_contact(session, admin, now, "Bharat Polymers", mobiles=["99099 12345"],
                          emails=["sales@bharat.example.in"])
    new_lead(session, now, "Annual Maintenance Renewal", contact=horus, assigned_to="E03")
    new_lead(session, now, "New CRM Implementation", contact=bharat, assigned_to="E03")
    session.commit()
    return horus, bharat


@pytest.mark.parametrize("typed", ["9825044321", "098250-44321", "+91 98250 44321", "98250 44321", "44321",
                                   "0091 98250 44321", "(98250) 44321", "919825044321"])
def test_finds_by_the_contacts_mobile_in_any_format(session, now, two, typed):
    assert titles(session, "E01", now, view="all", text=typed) == {"Annual Maintenance Renewal"}
    assert titles(session, "E03", now, view="all", text=typed) == {"Annual Maintenance Renewal"}


def test_finds_by_any_of_the_contacts_phones(session, now, two):
    assert titles(session, "E03", now, view="all", text="079 2686 2513") == {"Annual Maintenance Renewal"}
    assert titles(session, "E03", now, view="all", text="99099-12345") == {"New CRM Implementation"}


@pytest.mark.parametrize("typed", ["ramesh@horus.example.in", "RAMESH@Horus.Example.IN", "ramesh@", "@horus.example"])
def test_finds_by_the_contacts_email_whole_or_in_part(session, now, two, typed):
    assert titles(session, "E03", now, view="all", text=typed) == {"Annual Maintenance Renewal"}


def test_an_email_and_words_must_all_match(session, now, two):
    assert titles(session, "E03", now, view="all", text="renewal ramesh@horus") == {"Annual Maintenance Renewal"}
    assert titles(session, "E03", now, view="all", text="crm ramesh@horus") == set()
    assert titles(session, "E03", now, view="all", text="sales@bharat implementation") == {"New CRM Implementation"}


def test_numbers_that_are_no_ones_phone_find_nothing(session, now, two):
    for typed in ("98250 44322", "55555", "nobody@horus.example.in"):
        assert page(session, "E01", now, view="all", text=typed).total == 0


def test_a_number_in_the_title_is_still_found(session, now, two):
    new_lead(session, now, "AMC 2026 for 40 printers", assigned_to="E03")
    assert titles(session, "E03", now, view="all", text="2026") == {"AMC 2026 for 40 printers"}
    assert titles(session, "E03", now, view="all", text="2026 40") == {"AMC 2026 for 40 printers"}


def test_a_lead_the_viewer_may_not_see_is_not_found_by_its_contacts_phone(session, now, two):
    assert page(session, "E05", now, view="all", text="98250 44321").total == 0  # assigned to E03, not theirs
    assert page(session, "E05", now, view="all", text="ramesh@horus.example.in").total == 0


@pytest.mark.parametrize("by", HIDDEN_BY)
@pytest.mark.parametrize("typed", ["98111 22334", "+91 98111 22334", "098111-22334", "22334",
                                   "zephyr@example.org", "accounts@zephyr", "@zephyr.example.org"])
def test_a_private_contacts_phone_or_email_does_not_find_its_lead(session, now, demo, typed, by):  # noqa: F811
    o = office(session, now, by)  # Karan (E04) has "Solar panels", whose contact is private to Neha (E03)
    # (or in a division Neha is in and Karan is not)
    result = page(session, "E04", now, view="all", text=typed)
    assert (result.total, result.rows) == (0, [])
    assert titles(session, "E01", now, view="all", text=typed) == {"Solar panels"}  # the administrator sees it
    assert titles(session, "E04", now, view="all", text=o.lead.code) == {"Solar panels"}  # its own code still does


def test_with_divisions_not_limiting_a_divisional_contacts_number_finds_its_lead(session, now, demo):  # noqa: F811
    office(session, now, "division")
    set_divisions_limit(session, now, False)
    assert titles(session, "E04", now, view="all", text="98111 22334") == {"Solar panels"}
    assert titles(session, "E04", now, view="all", text="zephyr") == {"Solar panels"}


def test_sharing_the_contact_makes_its_number_find_the_lead(session, now, demo):  # noqa: F811
    admin = actor(session, "E01")
    secret = make_private(session, admin, now, "Quiet Client", shared_with=("E03",), mobiles=["97230 11223"])
    new_lead(session, now, "Kiosk rollout", contact=secret, assigned_to="E03")
    new_lead(session, now, "Kiosk spares", contact=secret, assigned_to="E04")
    session.commit()
    assert titles(session, "E03", now, view="all", text="97230 11223") == {"Kiosk rollout"}
    assert titles(session, "E04", now, view="all", text="97230 11223") == set()
    assert titles(session, "E02", now, view="all", text="97230 11223") == set()  # their team's leads, not the contact


@pytest.mark.parametrize("typed", ["98250 44321", "@horus.example", "98111 22334", "accounts@zephyr"])
def test_a_word_many_contacts_hold_finds_the_same_leads(session, now, two, typed, monkeypatch):
    """On SQLite a word held by many contacts reads the leads in order instead of by contact."""
    office(session, now)
    expected = {who: titles(session, who, now, view="all", text=typed) for who in ("E01", "E03", "E04")}
    monkeypatch.setattr("hoffice_app.domain.leads.text_search.BROAD", 0)
    assert {who: titles(session, who, now, view="all", text=typed) for who in ("E01", "E03", "E04")} == expected
    assert expected["E04"] == set() and expected["E01"]
