"""Searching the lead list by title, contact name, contact code or lead code."""
from hoffice_app.domain.leads import save as leads
from tests.domain.leads.test_lead_list_helpers import actor, demo, engine, make_contact, new_lead, titles  # noqa: F401


def _two(session, now):
    admin = actor(session, "E01")
    horus = make_contact(session, admin, now, "Horus Tech")
    bharat = make_contact(session, admin, now, "Bharat Polymers")
    first = new_lead(session, now, "Annual Maintenance Renewal", contact=horus)
    second = new_lead(session, now, "New CRM Implementation", contact=bharat)
    return horus, bharat, first, second


def test_finds_by_a_word_of_the_title_in_any_case(session, now, demo):  # noqa: F811
    _two(session, now)
    assert titles(session, "E01", now, text="MAINTEN") == {"Annual Maintenance Renewal"}


def test_finds_by_contact_name(session, now, demo):  # noqa: F811
    _two(session, now)
    assert titles(session, "E01", now, text="polymers") == {"New CRM Implementation"}


def test_finds_by_contact_code_and_lead_code(session, now, demo):  # noqa: F811
    horus, _bharat, _first, second = _two(session, now)
    assert titles(session, "E01", now, text=horus.code) == {"Annual Maintenance Renewal"}
    assert titles(session, "E01", now, text=second.code.lower()) == {"New CRM Implementation"}


def test_every_word_must_match(session, now, demo):  # noqa: F811
    _two(session, now)
    assert titles(session, "E01", now, text="renewal horus") == {"Annual Maintenance Renewal"}
    assert titles(session, "E01", now, text="renewal bharat") == set()


def test_short_words_match_too(session, now, demo):  # noqa: F811
    _two(session, now)  # one- and two-letter words cannot use the trigram index; they still match
    assert titles(session, "E01", now, text="cr") == {"New CRM Implementation"}
    assert titles(session, "E01", now, text="w cr") == {"New CRM Implementation"}


def test_wildcards_are_literal(session, now, demo):  # noqa: F811
    new_lead(session, now, "Discount 50% off")
    new_lead(session, now, "Discount 500 units")
    assert titles(session, "E01", now, text="0%") == {"Discount 50% off"}
    assert titles(session, "E01", now, text="50%") == {"Discount 50% off"}
    assert titles(session, "E01", now, text="_") == set()


def test_quotes_in_the_text_do_no_harm(session, now, demo):  # noqa: F811
    new_lead(session, now, 'The "big" order')
    assert titles(session, "E01", now, text='"big"') == {'The "big" order'}
    assert titles(session, "E01", now, text='big" OR "x') == set()


def test_renamed_lead_is_found_by_its_new_title_only(session, now, demo):  # noqa: F811
    horus, _bharat, first, _second = _two(session, now)
    leads.save_lead(session, actor(session, "E01"), {"title": "Hardware refresh", "contact_code": horus.code},
                    now=now, lead_id=first.id)
    assert titles(session, "E01", now, text="hardware") == {"Hardware refresh"}
    assert titles(session, "E01", now, text="renewal") == set()


def test_blank_text_matches_everything(session, now, demo):  # noqa: F811
    _two(session, now)
    assert len(titles(session, "E01", now, text="   ")) == 2
