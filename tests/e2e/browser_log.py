"""What the browser saw, for the report of a failed test: console messages, page errors,
navigations, websocket connections opening and closing, the events sent and received over
them (cut short), uploads and their answers, failed requests — each with seconds since the
page opened. A page that never finished loading (a spinner where the
test expected a form) shows here why: no websocket, a closed one, or a script error."""
from __future__ import annotations

import time

LINES: list[str] = []
KEEP = 300


def watch(page) -> None:
    """Start recording ``page``'s events (the log is emptied first: one test, one log)."""
    LINES.clear()
    began = time.monotonic()

    def note(kind: str, text: str = "") -> None:
        LINES.append(f"{time.monotonic() - began:8.2f} {kind} {text[:200]}")
        del LINES[:-KEEP]

    page.on("console", lambda m: note("console", f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: note("pageerror", str(e)))
    page.on("framenavigated", lambda f: note("navigated", f.url) if f == page.main_frame else None)
    page.on("requestfailed", lambda r: note("request failed", f"{r.url} {r.failure}"))
    page.on("request", lambda r: note("upload sent", r.url) if "/_upload" in r.url else None)
    page.on("requestfinished", lambda r: note("upload answered", str(r.response().status))
            if "/_upload" in r.url and r.response() else None)

    def websocket(ws) -> None:
        note("websocket open", ws.url)
        ws.on("close", lambda _ws: note("websocket closed", ws.url))
        ws.on("socketerror", lambda err: note("websocket error", str(err)))
        ws.on("framesent", lambda frame: _event_frame(note, "sent", frame))
        ws.on("framereceived", lambda frame: _event_frame(note, "received", frame))

    page.on("websocket", websocket)


def _event_frame(note, direction: str, frame) -> None:
    """An event's frame (socket.io's "42[…]"), cut short; pings and binary frames are left out."""
    if isinstance(frame, str) and frame.startswith("42"):
        note(f"event {direction}", frame[2:120])


def report() -> str:
    return "\n".join(LINES)
