"""A browser tab's websocket to a Reflex backend, small enough to run 200+ in one asyncio process.

    tab = Tab(port, cookie=f"hoffice_session={token}", origin="http://127.0.0.1:3000",
              on_update=callback)               # callback(tab, update_dict, received_at)
    await tab.connect("/funnel/1")              # hydrate_and_load rides in the CONNECT packet
    await tab.emit("reflex___state____state.….drop", {"stage_id": 3}, "/funnel/1")
    await tab.close()

Why not python-socketio's AsyncClient: it needs aiohttp, which is not among the project's
packages; this speaks the two thin layers Reflex uses (Engine.IO 4 over a websocket only, no
polling; Socket.IO 5 text packets in the ``/_event`` namespace) on wsproto, which is already
installed with Reflex (python-engineio → simple-websocket → wsproto). Localhost only, text
frames only: Reflex sends no binary attachments on this path.

What the browser does and this copies (reflex_base/.templates/web/utils/state.js): connect to
``/_event/?EIO=4&transport=websocket&token=<tab uuid>`` with the session cookie and the page's
Origin; put the ``hydrate_and_load`` event (with router_data for the page) in the Socket.IO
CONNECT packet's auth; send each event as ``42/_event,["event", {name, payload, router_data}]``;
answer Engine.IO pings. Every ``event`` packet the server pushes is a StateUpdate dict
(``delta``: {state path: {var: value}}, ``events``: frontend events such as toasts); Reflex
0.10 chains backend events on the server itself, so nothing is echoed back.
"""
from __future__ import annotations

import asyncio
import json
import time
import uuid
from typing import Callable

from wsproto import ConnectionType, WSConnection
from wsproto.events import AcceptConnection, CloseConnection, Ping, RejectConnection, Request, TextMessage

NAMESPACE = "/_event"
READ_CHUNK = 1 << 16


class TabClosed(Exception):
    """The server closed the websocket, refused it, or the Socket.IO namespace refused the tab."""


class Tab:
    """One tab: one websocket, one Reflex client token (a fresh uuid, as sessionStorage holds)."""

    def __init__(self, port: int, *, cookie: str, origin: str,
                 on_update: Callable[["Tab", dict, float], None], host: str = "127.0.0.1"):
        self.host, self.port, self.cookie, self.origin = host, port, cookie, origin
        self.on_update = on_update
        self.token = str(uuid.uuid4())
        self.closed: str = ""  # why, once closed
        self.received_bytes = 0
        self._ws = WSConnection(ConnectionType.CLIENT)
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._joined = asyncio.Event()
        self._reader_task: asyncio.Task | None = None
        self._text: list[str] = []

    async def connect(self, pathname: str, timeout: float = 30.0) -> None:
        """Open the websocket and join the namespace, hydrating ``pathname`` as a page load does."""
        self._reader, self._writer = await asyncio.wait_for(asyncio.open_connection(self.host, self.port), timeout)
        target = f"{NAMESPACE}/?EIO=4&transport=websocket&token={self.token}"
        headers = [(b"cookie", self.cookie.encode()), (b"origin", self.origin.encode())]
        self._writer.write(self._ws.send(Request(host=f"{self.host}:{self.port}", target=target,
                                                 extra_headers=headers)))
        self._reader_task = asyncio.create_task(self._read_loop(pathname), name=f"tab-{self.token}")
        try:
            await asyncio.wait_for(self._joined.wait(), timeout)
        except asyncio.TimeoutError:
            raise TabClosed(self.closed or f"no namespace join within {timeout:.0f} s") from None
        if self.closed:
            raise TabClosed(self.closed)

    async def emit(self, name: str, payload: dict, pathname: str, query: dict | None = None) -> float:
        """Send one event as the page at ``pathname`` would; returns the send time (perf_counter)."""
        if self.closed:
            raise TabClosed(self.closed)
        self._send_text("42" + NAMESPACE + "," + json.dumps(["event", event(name, payload, pathname, query)]))
        await self._writer.drain()
        return time.perf_counter()

    async def close(self) -> None:
        if self._writer is not None and not self.closed:
            self.closed = "closed by the client"
            try:
                self._writer.write(self._ws.send(CloseConnection(code=1000)))
                await asyncio.wait_for(self._writer.drain(), 2)
            except (OSError, asyncio.TimeoutError, Exception):
                pass
        if self._reader_task is not None:
            self._reader_task.cancel()
        if self._writer is not None:
            self._writer.close()

    # --- internals ---------------------------------------------------------------------

    def _send_text(self, text: str) -> None:
        self._writer.write(self._ws.send(TextMessage(data=text)))

    async def _read_loop(self, pathname: str) -> None:
        try:
            while True:
                data = await self._reader.read(READ_CHUNK)
                if not data:
                    self._close_with("the server closed the connection")
                    return
                self.received_bytes += len(data)
                self._ws.receive_data(data)
                for ev in self._ws.events():
                    if isinstance(ev, AcceptConnection):
                        pass  # Engine.IO's OPEN packet follows as the first text frame
                    elif isinstance(ev, TextMessage):
                        self._text.append(ev.data)
                        if ev.message_finished:
                            text, self._text = "".join(self._text), []
                            self._on_packet(text, pathname)
                    elif isinstance(ev, Ping):
                        self._writer.write(self._ws.send(ev.response()))
                    elif isinstance(ev, RejectConnection):
                        self._close_with(f"websocket refused: HTTP {ev.status_code}")
                        return
                    elif isinstance(ev, CloseConnection):
                        self._close_with(f"websocket closed by the server ({ev.code})")
                        return
        except asyncio.CancelledError:
            raise
        except Exception as err:  # a broken socket is reported as the tab's closing, not raised
            self._close_with(f"{type(err).__name__}: {err}")

    def _close_with(self, why: str) -> None:
        if not self.closed:
            self.closed = why
        self._joined.set()

    def _on_packet(self, text: str, pathname: str) -> None:
        kind, body = text[:1], text[1:]
        if kind == "0":  # Engine.IO OPEN → join the namespace, the hydrate riding in its auth
            auth = {"event": event("reflex___state____state.hydrate_and_load", {}, pathname)}
            self._send_text("40" + NAMESPACE + "," + json.dumps(auth))
        elif kind == "2":  # Engine.IO PING → PONG
            self._send_text("3")
        elif kind == "1":
            self._close_with("Engine.IO CLOSE from the server")
        elif kind == "4":
            self._on_socketio(body)

    def _on_socketio(self, body: str) -> None:
        kind, rest = body[:1], body[1:]
        if rest.startswith(NAMESPACE):
            rest = rest[len(NAMESPACE):].lstrip(",")
        if kind == "0":  # CONNECT acknowledged
            self._joined.set()
        elif kind == "4":  # CONNECT_ERROR
            self._close_with(f"namespace refused: {rest[:200]}")
        elif kind == "1":
            self._close_with("namespace closed by the server")
        elif kind == "2":  # EVENT: ["event", update] (or new_token / other socket events)
            received = time.perf_counter()
            name, *args = json.loads(rest)
            if name == "event" and args:
                self.on_update(self, args[0], received)
            elif name == "new_token" and args:
                self.token = args[0]


def event(name: str, payload: dict, pathname: str, query: dict | None = None) -> dict:
    """An event as state.js sends it: router_data names the page (withRouterData)."""
    router_data = {"pathname": pathname, "asPath": pathname}
    if query:
        router_data["query"] = query
    return {"name": name, "payload": payload, "router_data": router_data}
