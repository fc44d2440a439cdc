"""The company's word for a lead, in every sentence a user reads.

A company may call leads "Inquiries" or "Opportunities" (Settings → Defaults). Texts are
written once with "lead" / "Lead" / "leads" / "Leads" (and "a lead"); ``say`` puts the
company's word in, keeping capitals and the plural and choosing "a" or "an". ``split`` cuts
a text at those words, so a page can build the same sentence from its own variables.

The domain's error messages are read through ``say`` with the terms of the request being
served (``use``, set by the state layer when it knows who is acting): a rule writes
"No such lead" and the person reads "No such inquiry".
"""
from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass

WORD = re.compile(r"\b(?:(?P<article>[Aa]n?) )?(?P<word>leads|Leads|LEADS|lead|Lead|LEAD)\b")
VOWELS = "aeiou"


@dataclass(frozen=True)
class Terms:
    singular: str = "Lead"
    plural: str = "Leads"

    @property
    def is_default(self) -> bool:
        return (self.singular, self.plural) == ("Lead", "Leads")


DEFAULT = Terms()
_CURRENT: ContextVar[Terms] = ContextVar("lead_terms", default=DEFAULT)


def use(singular: str, plural: str) -> None:
    """The terms for the rest of this request (an event, an HTTP route)."""
    _CURRENT.set(Terms(singular or "Lead", plural or "Leads"))


def current() -> Terms:
    return _CURRENT.get()


def lower(label: str) -> str:
    """The word mid-sentence: "Inquiry" → "inquiry"; an acronym ("RFQ") stays as written."""
    return label if label.isupper() else label.lower()


def article(label: str) -> str:
    """ "a" or "an" before the word ("an inquiry", "a lead")."""
    return "an" if lower(label)[:1] in VOWELS else "a"


def split(text: str) -> list[str | tuple[str, str]]:
    """``text`` as plain pieces and (article, word) tokens, the article "" when none:
    "No leads here" → ["No ", ("", "leads"), " here"]."""
    parts: list[str | tuple[str, str]] = []
    at = 0
    for match in WORD.finditer(text):
        if match.start() > at:
            parts.append(text[at:match.start()])
        parts.append((match.group("article") or "", match.group("word")))
        at = match.end()
    if at < len(text):
        parts.append(text[at:])
    return parts


def word(token: str, terms: Terms) -> str:
    """One lead word as the company says it, in the token's number and case."""
    label = terms.plural if token.lower() == "leads" else terms.singular
    if token.isupper():
        return label.upper()
    return label if token[0].isupper() else lower(label)


def say(text: str, terms: Terms | None = None) -> str:
    """``text`` with the company's word for a lead (the current request's terms by default)."""
    terms = terms or current()
    if terms.is_default or not text:
        return text
    out = []
    for part in split(text):
        if isinstance(part, str):
            out.append(part)
            continue
        art, token = part
        if art:
            chosen = article(terms.singular if token.lower() == "lead" else terms.plural)
            out.append((chosen.capitalize() if art[0].isupper() else chosen) + " ")
        out.append(word(token, terms))
    return "".join(out)


def say_each(messages: dict[str, str], terms: Terms | None = None) -> dict[str, str]:
    return {key: say(value, terms) for key, value in messages.items()}
