"""A page's sentence in the company's word for a lead.

``say("No leads here.")`` is the text itself while the company says "lead", and otherwise a
string built in the browser from the logged-in state's words (``AuthState.lead_word`` …), so
"No inquiries here." shows without a server round trip. The cutting and the rules (plural,
capitals, "a"/"an") are ``domain.common.wording``'s, shared with the server's messages.
"""
from __future__ import annotations

import functools

import reflex as rx

from hoffice_app.domain.common import wording
from hoffice_app.state.auth import AuthState

_WORDS = {"lead": AuthState.lead_word, "Lead": AuthState.lead_label, "LEAD": AuthState.lead_label.upper(),
          "leads": AuthState.leads_word, "Leads": AuthState.leads_label, "LEADS": AuthState.leads_label.upper()}


def _article(written: str, token: str):
    var = AuthState.lead_article if token.lower() == "lead" else AuthState.leads_article
    if written[0].isupper():
        return rx.cond(var == "an", "An ", "A ")
    return var + " "


def say(text):
    """``text`` (a plain string with no lead word) or a string Var with the company's words;
    anything not a string (a Var, a component) is returned as it is."""
    if not isinstance(text, str):
        return text
    parts = wording.split(text)
    if all(isinstance(p, str) for p in parts):
        return text
    pieces = []
    for part in parts:
        if isinstance(part, str):
            pieces.append(rx.Var.create(part))
            continue
        article, token = part
        if article:
            pieces.append(_article(article, token))
        pieces.append(_WORDS[token])
    return functools.reduce(lambda a, b: a + b, pieces)
