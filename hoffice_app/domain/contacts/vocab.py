"""The coded vocabularies of a contact, one list each: what is stored, what a person reads,
and the code an import sheet may use (``1`` for Male, ``D`` for Deemed export).

The form's drop-downs, the contact rules, the importer, the export and the template all
read these lists, so a new choice is added in one place.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    value: str  # stored in the database
    label: str  # shown on the form and the detail page, written to sheets
    code: str = ""  # the import template's short code, if it has one
    aliases: tuple[str, ...] = ()  # other spellings an import accepts


GENDERS = (Term("male", "Male", "1", ("m",)), Term("female", "Female", "2", ("f",)), Term("other", "Other"))
GST_TYPES = (Term("Regular", "Regular", "1"), Term("Consumer", "Consumer", "2"),
             Term("Composition", "Composition", "3"), Term("Unregistered", "Unregistered", "4"))
SEZ_TYPES = (Term("Deemed export", "Deemed export", "D"), Term("Government entity", "Government entity", "G"),
             Term("SEZ", "SEZ", "S"))
INVOICE_TYPES = (Term("Sales Invoice", "Sales Invoice"), Term("Service Invoice", "Service Invoice"))
CHANNELS = (Term("email", "E-mail"), Term("sms", "SMS"), Term("both", "E-mail and SMS"), Term("none", "None"))
BUSINESS_TYPES = (Term("partner", "Partner", "1"), Term("end_user", "End User", "2", ("enduser",)))


def values(terms: tuple[Term, ...]) -> tuple[str, ...]:
    """The stored values, for the rules' "is this one of them?" check."""
    return tuple(t.value for t in terms)


def choices(terms: tuple[Term, ...]) -> list[tuple[str, str]]:
    """(value, label) pairs for a drop-down."""
    return [(t.value, t.label) for t in terms]


def label_of(terms: tuple[Term, ...], value: str) -> str:
    """What a person reads for a stored value ("" for a blank or unknown one)."""
    return next((t.label for t in terms if t.value == value), "")


def code_of(terms: tuple[Term, ...], value: str) -> str:
    return next((t.code for t in terms if t.value == value), "")


def coded_labels(terms: tuple[Term, ...]) -> list[str]:
    """Labels of the terms an import sheet can name by code (the template's drop-down)."""
    return [t.label for t in terms if t.code]


def codes(terms: tuple[Term, ...]) -> list[str]:
    return [t.code for t in terms if t.code]


def import_lookup(terms: tuple[Term, ...]) -> dict[str, str]:
    """Every spelling an import accepts (code, value, label, aliases; case-folded) → stored value."""
    found: dict[str, str] = {}
    for t in terms:
        for spelling in (t.code, t.value, t.label, *t.aliases):
            if spelling:
                found[spelling.casefold()] = t.value
    return found
