"""A phone number a person can act on from a phone: tap to call (``tel:``) and, for a mobile,
open the chat in WhatsApp (``https://wa.me/<digits>``: the E.164 number without its "+").

The number arrives as it is shown ("+91 98250 12345", ``contacts.phones.display``); spaces and
dashes are all the international format adds, so dropping them gives the E.164 number back."""
from __future__ import annotations

import reflex as rx

from hoffice_app.components.a11y import sr_only

WHATSAPP = "https://wa.me/"


def e164(shown) -> rx.Var:
    """"+91 98250 12345" → "+919825012345" (a Var)."""
    return rx.Var.create(shown).to(str).replace(" ", "").replace("-", "")


def _link(href, icon: str, color: str, *children, external: bool = False) -> rx.Component:
    # A plain <a>: the router's link is for pages of the app, not tel: or another site.
    return rx.el.a(rx.icon(icon, size=14, aria_hidden="true"), *children, href=href,
                   **({"target": "_blank", "rel": "noopener noreferrer"} if external else {}),
                   style={"display": "inline-flex", "alignItems": "center", "gap": "4px", "minHeight": "24px",
                          "whiteSpace": "nowrap", "color": rx.color(color, 11), "textDecoration": "none",
                          "fontSize": "var(--font-size-2)", "&:hover": {"textDecoration": "underline"}})


def phone_links(shown, *, whatsapp: bool = True) -> rx.Component:
    """The number as a call link, then a WhatsApp link; nothing when the number is empty. Each
    link's name starts with what it does and contains the text it shows ("Call +91 98250
    12345", "WhatsApp +91 98250 12345"), and each is at least 24 px high to tap."""
    shown = rx.Var.create(shown).to(str)
    number = e164(shown)
    call = _link("tel:" + number, "phone", "accent", sr_only("Call "), rx.el.span(shown))
    chat = _link(WHATSAPP + number.replace("+", ""), "message-circle", "grass", rx.el.span("WhatsApp"),
                 sr_only(" " + shown), external=True)
    return rx.cond(shown != "", rx.flex(call, *([chat] if whatsapp else []), spacing="3", wrap="wrap",
                                        align="center", class_name="phone-links"))
