"""Two administrators edit one master entry, or the company defaults: nobody's saved change
silently disappears; a reorder or a deactivation meanwhile blocks nobody's rename."""
import pytest
from sqlmodel import Session, select

from hoffice_app.domain.common import versions
from hoffice_app.domain.masters import entries as masters
from hoffice_app.domain.masters import settings
from hoffice_app.models import MasterEntry, Setting
from tests.contact_factory import demo, engine  # noqa: F401
from tests.edit_race import Dialog, race, ravi_admin, refused  # noqa: F401


def _silver(session):
    return session.info["silver"]


ENTRY = Dialog(
    open=lambda s, who: masters.edit_values(next(e for e in masters.list_entries(s, who, "class")
                                                 if e.id == _silver(s))),
    save=lambda s, who, typed, read, now: masters.edit_entry(s, who, _silver(s), typed, now=now, read=read,
                                                             version=read["version"]))


@pytest.fixture
def two(session, admin, ravi_admin):  # noqa: F811
    session.info["silver"] = session.exec(select(MasterEntry.id).where(MasterEntry.kind == "class",
                                                                       MasterEntry.name == "Silver")).one()
    return admin, ravi_admin


def test_an_entry_renamed_twice_keeps_the_first_and_names_who(session, now, two):
    outcome = race(session, ENTRY, *two, now, ravi_types={"name": "Silver Plus"}, asha_types={"name": "Argent"})
    refused(outcome, "class", "name")
    row = session.get(MasterEntry, _silver(session))
    assert (row.name, row.updated_by_id) == ("Silver Plus", two[1].id)


def test_an_entry_changed_in_different_fields_keeps_both(session, now, two):
    saved = race(session, ENTRY, *two, now, ravi_types={"name": "Silver Plus"}, asha_types={"code": "S2"})
    assert saved.note == "Ravi Shah had changed this class meanwhile (name); both changes are saved."
    row = session.get(MasterEntry, _silver(session))
    assert (row.name, row.code, row.updated_by_id) == ("Silver Plus", "S2", two[0].id)


def test_a_reorder_or_deactivation_meanwhile_blocks_no_rename(session, now, two):
    asha, ravi = two
    read = ENTRY.open(session, asha)
    masters.move_entry(session, ravi, _silver(session), -1)
    masters.set_active(session, ravi, _silver(session), False, now=now)
    session.commit()
    saved = ENTRY.save(session, asha, read | {"name": "Argent"}, read, now)
    row = session.get(MasterEntry, _silver(session))
    assert (saved.note, row.name, row.position, row.active) == ("", "Argent", 1, False)


def test_two_saves_racing_past_the_check_cannot_both_land(engine, session, now, two):
    asha, ravi = two
    entry_id = _silver(session)
    with Session(engine) as first, Session(engine) as second:
        seen = second.get(MasterEntry, entry_id)  # the second save has read the entry before the first lands
        masters.update_entry(first, ravi, entry_id, "Silver Plus", code="S1", now=now)
        first.commit()
        with pytest.raises(versions.EditConflict, match="at the same moment"):
            masters.update_entry(second, asha, seen.id, "Argent", code="S1", now=now)
    session.expire_all()
    assert session.get(MasterEntry, entry_id).name == "Silver Plus"


DEFAULTS = Dialog(
    open=lambda s, who: settings.edit_values(s, who),
    save=lambda s, who, typed, read, now: settings.edit_defaults(s, who, typed, now=now, read=read,
                                                                 version=read["version"]))


def test_a_default_changed_twice_keeps_the_first_and_names_who(session, now, two):
    outcome = race(session, DEFAULTS, *two, now, ravi_types={"default_currency": "USD"},
                   asha_types={"default_currency": "EUR", "default_country": "FR"})
    refused(outcome, "page of company defaults", "currency")
    assert (settings.get(session, "default_currency"), settings.get(session, "default_country")) == ("USD", "IN")
    assert session.get(Setting, "default_currency").updated_by_id == two[1].id


def test_defaults_changed_in_different_fields_keep_both(session, now, two):
    saved = race(session, DEFAULTS, *two, now, ravi_types={"default_currency": "USD"},
                 asha_types={"default_country": "US", "lead_label": "Inquiry"})
    assert saved.note == ("Ravi Shah had changed this page of company defaults meanwhile (currency); "
                          "both changes are saved.")
    assert [settings.get(session, k) for k in ("default_currency", "default_country", "lead_label")] == [
        "USD", "US", "Inquiry"]
