"""A funnel card travels to the browser as a list of strings (pages/funnel/rows.py);
the view reads it by the named positions. Each position must give back the
card's own field, as text."""
from hoffice_app.domain.funnel import Card
from hoffice_app.pages.funnel import rows


def _card(**changes) -> Card:
    values = dict(id=41, code="L0041", title="Solar panels", contact="Horus Tech", value="₹1,20,000",
                  assignee="Priya Nair", priority="High", followup="3 Mar 2026", followup_state="overdue",
                  days_in_stage=12, rotting=True, version=5, revoke_in="Revoked in 5 h")
    values.update(changes)
    return Card(**values)


def test_each_named_position_holds_its_field_as_text():
    row = rows.card_row(_card())
    assert [row[rows.ID], row[rows.CODE], row[rows.TITLE], row[rows.CONTACT], row[rows.VALUE]] == [
        "41", "L0041", "Solar panels", "Horus Tech", "₹1,20,000"]
    assert [row[rows.ASSIGNEE], row[rows.PRIORITY], row[rows.FOLLOWUP], row[rows.FOLLOWUP_STATE]] == [
        "Priya Nair", "High", "3 Mar 2026", "overdue"]
    assert [row[rows.DAYS], row[rows.ROTTING], row[rows.VERSION]] == ["12", "1", "5"]
    assert row[rows.REVOKE_IN] == "Revoked in 5 h"
    assert len(row) == rows.REVOKE_IN + 1
    assert all(isinstance(cell, str) for cell in row)


def test_a_fresh_unassigned_card_has_empty_flags():
    row = rows.card_row(_card(assignee="", followup="", followup_state="", days_in_stage=0, rotting=False))
    assert (row[rows.ASSIGNEE], row[rows.FOLLOWUP], row[rows.FOLLOWUP_STATE]) == ("", "", "")
    assert (row[rows.DAYS], row[rows.ROTTING]) == ("0", "")
    assert _card(revoke_in="").revoke_in == "" and rows.card_row(_card(revoke_in=""))[rows.REVOKE_IN] == ""


def test_card_rows_keeps_the_column_order():
    cards = [_card(id=n, code=f"L{n:04d}") for n in (3, 1, 2)]
    assert [r[rows.CODE] for r in rows.card_rows(cards)] == ["L0003", "L0001", "L0002"]
    assert rows.card_rows([]) == []
