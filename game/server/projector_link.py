"""The projector window's line into the running class server, in the same process.

The server runs on its own thread (uvicorn's event loop); the window runs
pygame on the main thread. The window never touches a room itself:
``ProjectorLink`` hands every call to the event loop thread (the only thread
that changes rooms) and waits for the answer, so the window sees exactly the
teacher state the browser projector gets, and its keys run the same teacher
actions as ``POST /api/v1/room/...`` (one set of rules, one set of words, the
same live updates to every device).

- ``version()``: the room's change counter (what the live streams compare);
  reading an int from another thread is safe, so the window polls it each
  frame and asks for a new ``state()`` only when it moved.
- ``state()``: the teacher state as JSON-ready data (as ``GET /api/v1/room/teacher``).
- ``act("advance", {"all": True})``: a teacher action by its API path; returns
  None, or the one-line refusal a teacher page would show.
- ``qr_matrix()``: the QR code of the join address (segno), rows of booleans.
- ``window_words()``: the window's key list and show-of-hands help (words.py).
"""

from __future__ import annotations

import asyncio
import types
from collections.abc import Callable
from typing import Any, TypeVar

import segno

from . import words
from .classroom import TEACHER_ACTIONS, Classroom, teacher_view
from .errors import ApiError
from .rooms import Room, RoomError

T = TypeVar("T")
CALL_TIMEOUT_S = 10.0


class ProjectorLink:
    def __init__(self, app: Any, loop: asyncio.AbstractEventLoop, room: Room | None = None) -> None:
        self.app = app
        self.loop = loop
        self.room: Room = room if room is not None else app.state.first_room
        # The actions read ``request.app.state`` only; this stands in for the request.
        self._request = types.SimpleNamespace(app=app)

    # -- on the event loop thread -----------------------------------------------------------
    def _call(self, func: Callable[[], T]) -> T:
        async def run() -> T:
            return func()
        return asyncio.run_coroutine_threadsafe(run(), self.loop).result(CALL_TIMEOUT_S)

    def _classroom(self) -> Classroom:
        return self.app.state.classroom

    def join_url(self) -> str:
        base = self.app.state.config.public_url or "http://127.0.0.1/"
        if not base.endswith("/"):
            base += "/"
        return f"{base}?code={self.room.join_code}"

    # -- what the window calls -------------------------------------------------------------
    def version(self) -> int:
        return self.room.version

    def state(self) -> dict[str, Any]:
        return self._call(lambda: teacher_view(self._classroom(), self.room, self.join_url()))

    def act(self, action: str, body: dict[str, Any] | None = None) -> str | None:
        act = TEACHER_ACTIONS.get(action)
        if act is None:
            return f"no teacher action '{action}'"

        def run() -> str | None:
            try:
                act(self._request, self.room, dict(body or {}))  # type: ignore[arg-type]
            except (RoomError, ApiError) as exc:
                return exc.message
            return None
        return self._call(run)

    def window_words(self) -> dict[str, Any]:
        """The window's own words: its keys and the show-of-hands help."""
        return {"keys": [list(k) for k in words.PROJECTOR_KEYS], "tally_help": words.PROJECTOR_TALLY_HELP,
                "no_questions": words.PROJECTOR_NO_QUESTIONS}

    def qr_matrix(self) -> list[list[bool]]:
        qr = segno.make(self.join_url(), error="m")
        return [[bool(cell) for cell in row] for row in qr.matrix]
