"""Live updates: server-sent events of room states, written by hand.

Each room has a ``LiveHub``. Whenever the room changes, ``notify`` wakes every
stream of that room; each stream compares the version it last sent with the
current one for its reader (a student's view changes less often than the
teacher's) and sends the whole new state when it differs:

    id: 42
    event: state
    data: {...the same JSON as GET /api/v1/room...}

A comment line every 15 s keeps proxies and phones from dropping the
connection. A reconnecting client simply gets the current state first (the
state is whole, so nothing needs replaying from ``Last-Event-ID``). When the
reader's token stops working (removed, room closed) the stream sends
``event: gone`` with the one-line reason and ends. ``stop`` ends every
stream at once, so the server can shut down without waiting for phones.

``sse-starlette`` exists, but it has open reports of shutdown hanging; these
thirty lines with a stop flag do not.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

from starlette.responses import StreamingResponse

HEARTBEAT_S = 15.0


class Gone(Exception):
    """The reader may no longer see the room; the message says why."""


class LiveHub:
    def __init__(self) -> None:
        self._event: asyncio.Event | None = None
        self.stopping = False
        self.streams = 0

    def _current(self) -> asyncio.Event:
        if self._event is None:
            self._event = asyncio.Event()
        return self._event

    def notify(self) -> None:
        """Wake every stream (call from the event loop thread)."""
        event, self._event = self._event, None
        if event is not None:
            event.set()

    def stop(self) -> None:
        self.stopping = True
        self.notify()

    async def frames(self, version: Callable[[], Any], state: Callable[[], dict[str, Any]],
                     max_events: int | None = None, coalesce_s: float = 0.0) -> AsyncIterator[str]:
        sent = 0
        last: Any = None
        self.streams += 1
        try:
            yield "retry: 2000\n\n"
            while not self.stopping:
                wake = self._current()
                try:
                    current = version()
                    if current != last:
                        data = json.dumps(state(), ensure_ascii=False, separators=(",", ":"))
                        yield f"id: {sent + 1}\nevent: state\ndata: {data}\n\n"
                        last = current
                        sent += 1
                        if max_events is not None and sent >= max_events:
                            return
                except Gone as exc:
                    yield f"event: gone\ndata: {json.dumps({'error': str(exc)})}\n\n"
                    return
                try:
                    await asyncio.wait_for(wake.wait(), HEARTBEAT_S)
                except TimeoutError:
                    yield ": keep-alive\n\n"
                    continue
                if coalesce_s:
                    await asyncio.sleep(coalesce_s)   # one state for a burst of changes
        finally:
            self.streams -= 1


def event_stream(frames: AsyncIterator[str]) -> StreamingResponse:
    return StreamingResponse(frames, media_type="text/event-stream",
                             headers={"cache-control": "no-store", "x-accel-buffering": "no"})
