"""A card as it travels to the browser: a list of strings, not a dict.

A column of 50 cards as dicts is ~14 KB, most of it the keys; as lists it is
~8 KB, so one move (two columns and the headers) stays under the 20 KB delta
budget. The positions below name the fields for the view."""
from __future__ import annotations

from hoffice_app.domain.funnel import Card

(ID, CODE, TITLE, CONTACT, VALUE, ASSIGNEE, PRIORITY, FOLLOWUP, FOLLOWUP_STATE, DAYS, ROTTING, VERSION,
 REVOKE_IN) = range(13)


def card_row(card: Card) -> list[str]:
    return [str(card.id), card.code, card.title, card.contact, card.value,
            card.assignee, card.priority, card.followup,
            card.followup_state, str(card.days_in_stage), "1" if card.rotting else "", str(card.version),
            card.revoke_in]


def card_rows(cards: list[Card]) -> list[list[str]]:
    return [card_row(c) for c in cards]
