"""An employee's "away from … to …": both days or neither, the last not before the first;
saved, shown back in the edit dialog, and kept by a save that does not send them."""
from datetime import date

import pytest

from hoffice_app.domain.common import ValidationError
from hoffice_app.domain.org import edit_values, get_employee, update_employee
from tests.contact_factory import actor, demo, employee_id, engine  # noqa: F401


def _data(session, code="E04", **away):
    view = get_employee(session, actor(session, "E01"), employee_id(session, code))
    return {k: v for k, v in edit_values(view).items() if k != "version"} | away


def _refused(session, now, **away) -> dict:
    with pytest.raises(ValidationError) as err:
        update_employee(session, actor(session, "E01"), employee_id(session, "E04"), _data(session, **away), now=now)
    return err.value.errors


def test_both_days_or_neither_and_in_order(session, now, demo):  # noqa: F811
    assert _refused(session, now, away_from="2026-03-10", away_to="") == {
        "away_to": "Give both days, the first and the last, or neither."}
    assert _refused(session, now, away_from="2026-03-10", away_to="2026-03-09") == {
        "away_to": "The last day away cannot be before the first."}
    assert set(_refused(session, now, away_from="10/03/2026", away_to="2026-03-12")) == {"away_from"}


def test_days_away_are_saved_shown_and_kept(session, now, demo):  # noqa: F811
    admin, e04 = actor(session, "E01"), employee_id(session, "E04")
    view = update_employee(session, admin, e04, _data(session, away_from="2026-03-10", away_to="2026-03-12"), now=now)
    assert (view.away_from, view.away_to) == ("2026-03-10", "2026-03-12")
    without = {k: v for k, v in _data(session).items() if not k.startswith("away")} | {"name": "Neha J."}
    update_employee(session, admin, e04, without, now=now)
    from hoffice_app.models import Employee

    row = session.get(Employee, e04)
    assert (row.away_from, row.away_to, row.name) == (date(2026, 3, 10), date(2026, 3, 12), "Neha J.")
    update_employee(session, admin, e04, _data(session, away_from="", away_to=""), now=now)
    assert (row.away_from, row.away_to) == (None, None)
