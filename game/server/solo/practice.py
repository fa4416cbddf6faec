"""Try again from here, over HTTP: practice runs that start at one decision of a finished chat.

``POST /api/v1/play/TOKEN/practice {"decision": N}`` rebuilds the chat as it
stood just before the player's reply N (0 = the first) with
``game.play.practice.practice_from``, the code the window uses, and answers
with a token of its own. The page then drives the practice run with the same
routes as any chat (``command``, ``deliver``, ``chat``, ``view``,
``debrief``): the routes ask :class:`PracticeRuns` first and fall back to the
solo service.

A practice run is never stored. It lives in this server process's memory
only (no results store, no recorder, no settings), so it is never counted in
a result, a report or a class's figures, and the first result stays as it
was. Runs are forgotten after ``IDLE_SECONDS`` without a request, and the
oldest go first beyond ``LIMIT``; a forgotten (or another process's) run
answers 404 with ``practice_words()["gone"]``. Behind several server
processes a practice run therefore needs its requests on the process that
started it (sticky sessions); the chat it came from does not.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from game.command_language import HELP
from game.engine import CommandError
from game.play.practice import PRACTICE_GONE, practice_from
from game.play.sessions import PlayError
from game.scoring import score
from game.session import Session

from . import pacing
from .service import Live, SoloError, SoloService, _digest, checked_line, parsed

LIMIT = 2000                 # practice runs kept at once in one process (each is one small conversation)
IDLE_SECONDS = 2 * 3600      # a run nobody touched for this long is forgotten


@dataclass
class PracticeLive(Live):
    """A practice run: a ``Live`` the views read as any chat's, with no session in the store."""

    decision: int = 0
    session: Session | None = None
    touched: float = 0.0
    requests: dict[str, tuple[int, int]] = field(default_factory=dict)   # request id digest -> events span
    lock: threading.RLock = field(default_factory=threading.RLock)


class PracticeRuns:
    """The practice runs of this process, with the solo service's request methods (never the store)."""

    def __init__(self, service: SoloService, *, clock: Callable[[], float] = time.monotonic,
                 limit: int = LIMIT, idle_seconds: float = IDLE_SECONDS) -> None:
        self.service = service
        self.clock = clock
        self.limit = limit
        self.idle_seconds = idle_seconds
        self._runs: OrderedDict[str, PracticeLive] = OrderedDict()
        self._starts: dict[str, str] = {}          # start request id digest -> practice token
        self._guard = threading.Lock()

    # -- starting ---------------------------------------------------------------------------
    def start(self, token: Any, decision: Any, request_id: Any = None) -> dict[str, Any]:
        """A practice run from reply ``decision`` of the ended chat ``token`` (a chat or a practice run)."""
        if isinstance(decision, bool) or not isinstance(decision, int) or decision < 0:
            raise SoloError(400, "'decision' must be the number of one of your replies, from 0 up")
        start_key = None if request_id is None else self.service._request_id(request_id)
        with self._guard:
            known = self._starts.get(start_key) if start_key else None
            if known is not None and _digest(known) in self._runs:
                return self._started(known, self._runs[_digest(known)])
        source = self._find(token) if self.owns(token) else self.service.live(token)
        if not source.ended:
            raise SoloError(400, "a practice run starts from a chat that has ended")
        if source.scenario is None:
            raise SoloError(409, "this chat's scenario is no longer on this server")
        try:
            session = practice_from(source.scenario, source.events, decision)
        except PlayError as exc:
            status = 400 if str(exc).startswith("there is no reply") else 409
            raise SoloError(status, str(exc)) from None
        run = PracticeLive(0, source.scenario, session.conv, len(session.conv.events), source.paced,
                           decision=decision, session=session, touched=self.clock())
        run.accepted = True          # the player replied, so they had accepted the message request
        practice_token = "p" + secrets.token_urlsafe(32)
        with self._guard:
            self._runs[_digest(practice_token)] = run
            if start_key:
                self._starts[start_key] = practice_token
            self._expire()
        return self._started(practice_token, run)

    @staticmethod
    def _started(token: str, run: PracticeLive) -> dict[str, Any]:
        return {"session": token, "practice": True, "decision": run.decision}

    # -- the solo service's request methods ----------------------------------------------------
    def owns(self, token: Any) -> bool:
        if not isinstance(token, str):
            return False
        with self._guard:
            return _digest(token) in self._runs

    def live(self, token: Any) -> PracticeLive:
        return self._find(token)

    def result(self, live: Live) -> dict[str, Any] | None:
        return score(live.events) if live.ended else None

    def state(self, token: Any) -> dict[str, Any]:
        run = self._find(token)
        with run.lock:
            return self._answer(run, list(run.events))

    def command(self, token: Any, line: Any, request_id: Any = None) -> dict[str, Any]:
        line = checked_line(line)
        run = self._find(token)
        with run.lock:
            done = self._replay(run, request_id)
            if done is not None:
                return done
            command = parsed(line)
            if command.name == "help":
                return self._answer(run, [], extra={"help": HELP})
            if command.name == "profile":
                return self._answer(run, [], extra={"profile": SoloService.profile(run.scenario)})
            assert run.session is not None and run.conv is not None
            if run.conv.ended:
                raise SoloError(400, "the conversation is over")
            first = len(run.conv.events)
            if not run.paced:
                run.conv.deliver_all()
            try:
                run.session.execute(command)
            except CommandError as exc:
                raise SoloError(400, str(exc)) from None
            if not run.paced:
                run.conv.deliver_all()
            return self._done(run, request_id, first)

    def deliver(self, token: Any, request_id: Any = None) -> dict[str, Any]:
        run = self._find(token)
        with run.lock:
            done = self._replay(run, request_id)
            if done is not None:
                return done
            if not run.paced:
                raise SoloError(400, "this chat delivers its messages with every command")
            assert run.conv is not None
            if run.conv.ended:
                raise SoloError(400, "the conversation is over")
            first = len(run.conv.events)
            if run.conv.deliver_next() is None:
                raise SoloError(400, "no message is on its way")
            return self._done(run, request_id, first)

    # -- helpers ----------------------------------------------------------------------------
    def _find(self, token: Any) -> PracticeLive:
        key = _digest(token) if isinstance(token, str) else ""
        with self._guard:
            self._expire()
            run = self._runs.get(key)
            if run is None:
                raise SoloError(404, PRACTICE_GONE)
            run.touched = self.clock()
            self._runs.move_to_end(key)
            return run

    def _expire(self) -> None:
        """Forget runs left idle too long, and the oldest beyond the limit (call with the guard held)."""
        now = self.clock()
        for key in list(self._runs):
            if now - self._runs[key].touched > self.idle_seconds or len(self._runs) > self.limit:
                del self._runs[key]
        for start_key in [k for k, t in self._starts.items() if _digest(t) not in self._runs]:
            del self._starts[start_key]

    def _replay(self, run: PracticeLive, request_id: Any) -> dict[str, Any] | None:
        key = self.service._request_id(request_id)
        if key is None or key not in run.requests:
            return None
        start, end = run.requests[key]
        return self._answer(run, list(run.events[start:end]))

    def _done(self, run: PracticeLive, request_id: Any, first: int) -> dict[str, Any]:
        key = self.service._request_id(request_id)
        end = len(run.events)
        if key is not None:
            run.requests[key] = (first, end)
        return self._answer(run, list(run.events[first:end]))

    def _answer(self, run: PracticeLive, events: list[dict[str, Any]],
                extra: dict[str, Any] | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"events": events, "ended": run.ended, "practice": True}
        if run.ended:
            out["result"] = self.result(run)
        if run.paced:
            conv = run.conv
            out["pending"] = 0 if conv is None else len(conv.pending)
            out["pacing"] = pacing.hint(conv, run.scenario, self.service.typing_factor, self.service.idle_factor)
            if self.service.view is not None:
                out["view"] = self.service.view(run)
        if extra:
            out.update(extra)
        return out
