"""Sending one SMS through the HTTP gateway (urllib), and keeping a text within one SMS.

The gateway is described by templates (channels.py): a URL with ``{to}`` ``{text}`` and the
optional ``{template_id}`` ``{entity_id}`` ``{sender}``, and for POST a form or JSON body. Each
value is encoded for where it lands: percent-encoded in the URL, form-encoded in a form body,
JSON-escaped in a JSON body (write the placeholder inside quotes there: ``"{text}"``).

What the gateway answers decides what happens next: 2xx sent; 5xx, 408, 429, a timeout or no
connection: retry; any other 4xx: failed (the gateway refuses this message, e.g. a bad number
or key). The first 500 characters of its answer are kept. A gateway that answers 200 with an
error in its body counts as sent: its body is in the attempt for a person to read.

Long texts are SPLIT, not cut: one SMS holds 160 GSM-7 characters (70 when the text needs
Unicode, e.g. Hindi), so a longer text becomes numbered parts "(1/2) …" that fit, each queued as
its own outbox message with the key ``<key>:1``, ``<key>:2``… (outbox.enqueue), so a part that
was delivered is never sent again when another part is retried. Cutting would lose the end of a
reminder, which is where its link is. Past MAX_PARTS the last part is cut with "...". A DLT
message (one with a template id) is never split or cut: India's operators deliver only the text
registered for its template, word for word, and the gateway joins a long one itself.
"""
from __future__ import annotations

import http.client
import json
import re
from urllib.error import HTTPError, URLError
from urllib.parse import quote, quote_plus, urlsplit
from urllib.request import Request, urlopen

from hoffice_app.domain.notify.channel_rules import fill, json_text
from hoffice_app.domain.notify.channels import GatewayConfig
from hoffice_app.domain.notify.delivery import FAILED, RETRY, SENT, Envelope, Outcome, cut

TIMEOUT = 15.0
MAX_PARTS = 6
GSM_LIMIT, UNICODE_LIMIT = 160, 70
GSM_BASIC = frozenset("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                      "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM_EXTENDED = frozenset("^{}\\[~]|€\f")  # each takes two of the 160 (an escape, then the character)


def _is_gsm(text: str) -> bool:
    return all(c in GSM_BASIC or c in GSM_EXTENDED for c in text)


def _cost(text: str, gsm: bool) -> int:
    if gsm:
        return sum(2 if c in GSM_EXTENDED else 1 for c in text)
    return sum(2 if ord(c) > 0xFFFF else 1 for c in text)  # UTF-16 units


def sms_units(text: str) -> tuple[int, int]:
    """(what ``text`` costs, what one SMS holds) in its encoding's units."""
    gsm = _is_gsm(text)
    return _cost(text, gsm), GSM_LIMIT if gsm else UNICODE_LIMIT


def split_text(text: str) -> list[str]:
    """``text`` as it fits in SMS: itself when it fits in one, else numbered parts "(1/3) …"
    broken between words where possible (see the module's docstring)."""
    gsm = _is_gsm(text)
    limit = GSM_LIMIT if gsm else UNICODE_LIMIT
    if _cost(text, gsm) <= limit:
        return [text]
    text = " ".join(text.split())  # parts are split between words; line breaks become spaces
    for count in range(2, MAX_PARTS + 1):
        chunks = _chunks(text, limit - len(f"({count}/{count}) "), gsm)
        if len(chunks) <= count:
            return [f"({i}/{len(chunks)}) {chunk}" for i, chunk in enumerate(chunks, 1)]
    room = limit - len(f"({MAX_PARTS}/{MAX_PARTS}) ")
    chunks = _chunks(text, room, gsm)[:MAX_PARTS]
    ellipsis = "..." if gsm else "…"
    last = chunks[-1]
    while _cost(last + ellipsis, gsm) > room:
        last = last[:-1]
    chunks[-1] = last.rstrip() + ellipsis
    return [f"({i}/{MAX_PARTS}) {chunk}" for i, chunk in enumerate(chunks, 1)]


def _chunks(text: str, room: int, gsm: bool) -> list[str]:
    """Greedy: as many whole words as fit in ``room``; a word longer than a part is broken."""
    chunks: list[str] = []
    current = ""
    for word in re.split(r" ", text):
        candidate = f"{current} {word}" if current else word
        if _cost(candidate, gsm) <= room:
            current = candidate
            continue
        if current:
            chunks.append(current)
        current = ""
        while _cost(word, gsm) > room:
            head = ""
            for c in word:
                if _cost(head + c, gsm) > room:
                    break
                head += c
            chunks.append(head)
            word = word[len(head):]
        current = word
    if current:
        chunks.append(current)
    return chunks


def request_for(config: GatewayConfig, envelope: Envelope) -> Request:
    """The HTTP request the gateway gets for ``envelope``: the templates filled in."""
    values = {"to": envelope.to, "to_digits": envelope.to.lstrip("+"), "text": envelope.text,
              "template_id": envelope.template_id,
              "entity_id": config.entity_id, "sender": config.sender}
    url = fill(config.url, values, lambda v: quote(v, safe=""))
    headers = {"User-Agent": "H-Office", "Accept": "application/json, text/plain, */*"}
    data = None
    if config.method == "POST":
        if config.body_kind == "json":
            data = fill(config.body, values, json_text).encode()
            headers["Content-Type"] = "application/json; charset=utf-8"
        else:
            data = fill(config.body, values, quote_plus).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
    return Request(url, data=data, headers=headers, method=config.method)


def send_sms(config: GatewayConfig, envelope: Envelope, *, timeout: float = TIMEOUT) -> Outcome:
    """Hand ``envelope`` to the gateway; never raises for the gateway's or the network's sake."""
    if config.dlt and not envelope.template_id:
        return Outcome(FAILED, "DLT is on, but this message has no DLT template id: enter the template's DLT id.")
    request = request_for(config, envelope)
    where = urlsplit(request.full_url).netloc.rpartition("@")[2]  # never the user:key part
    try:
        with urlopen(request, timeout=timeout) as response:  # noqa: S310 — an http(s) URL, checked when saved
            status, body = response.status, response.read(2000)
    except HTTPError as err:
        status, body = err.code, _read(err)
    except TimeoutError:
        return Outcome(RETRY, f"The gateway at {where} did not answer within {timeout:g} s")
    except URLError as err:
        if isinstance(err.reason, ConnectionRefusedError):
            return Outcome(RETRY, f"The gateway at {where} refused the connection")
        if isinstance(err.reason, TimeoutError):
            return Outcome(RETRY, f"The gateway at {where} did not answer within {timeout:g} s")
        return Outcome(RETRY, f"The gateway at {where} could not be reached: {err.reason}")
    except (http.client.HTTPException, OSError) as err:
        return Outcome(RETRY, f"The gateway at {where} broke off its answer: {err}")
    answer = cut(f"The gateway answered {status}: {_text(body)}")
    if 200 <= status < 300:
        return Outcome(SENT, answer)
    if status >= 500 or status in (408, 429):
        return Outcome(RETRY, answer)
    return Outcome(FAILED, answer)


def _read(err: HTTPError) -> bytes:
    try:
        return err.read(2000)
    except (http.client.HTTPException, OSError):
        return b""


def _text(body: bytes) -> str:
    text = body.decode("utf-8", "replace").strip()
    try:  # a JSON answer reads better on one line without its padding
        return json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))
    except ValueError:
        return text
