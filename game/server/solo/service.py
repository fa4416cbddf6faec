"""Solo play sessions for the class server, stateless across server processes.

A student's chat lives in the results store, not in the server: every event
is committed before the response goes out, and a session's live
``Conversation`` is only a cache, rebuilt from the stored events (with
``game.results.resume.rebuild``, as "resume" does) by whichever process gets
the request. Before each request the cache is checked against the number of
stored events, so two processes behind a load balancer can serve the same
chat request by request.

What the store keeps besides the session and its events (in its settings
table, so it works on every backend the store supports):

- ``solo.token.<sha256(token)>``: ``{"session": id, "paced": bool}``; the
  token itself is never stored, so a copy of the database cannot play on;
- ``solo.request.<session>.<sha256(request_id)>``: which events a command
  produced, so a retried request returns the same answer and changes nothing;
- ``solo.create.<sha256(request_id)>``: the token a retried "start" returns;
- ``solo.accepted.<session>``: the player accepted the chat's message request
  (no event: accepting is not a move the score sees; a reply or a flag counts
  as accepting anyway, so this only matters before the first one).

A *paced* session (the browser page) does not deliver pending messages by
itself: the page asks for them one by one (:meth:`SoloService.deliver`)
after the typing pause the server's pacing gives, so a player who blocks
before a message arrives never "received" it, exactly as in the window.
The unpaced form (scripts, tests) delivers everything pending before and
after each command, like ``play --text --script``.

The first-chat practice (the onboarding, game/data/tutorial.yaml) is never stored
and never scored: it lives only in this process's memory (at most
``ONBOARDING_MAX`` at a time, the oldest dropped), so another process, or a
restart, answers 404 for it and the page goes on to the picker.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import IntegrityError

from game.command_language import HELP, Command, ParseError, parse
from game.engine import CommandError, Conversation
from game.model import Scenario
from game.play import onboarding, saving
from game.results import identity, scenario_facts, session_settings
from game.results.recorder import OPEN_ERRORS, SaveStatus, describe_failure
from game.results.resume import ResumeError, rebuild
from game.results.store import Store
from game.scoring import score
from game.session import Session, new_seed

from . import pacing

TOKEN_KEY = session_settings.TOKEN
CREATE_KEY = "solo.create."
MAX_REQUEST_ID = 200
ONBOARDING_MAX = 512
MAX_LINE = 200
_TOKEN_OK = re.compile(r"[A-Za-z0-9_-]{16,100}")


class SoloError(Exception):
    """A request that cannot be done: an HTTP status and one line for a person."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def checked_line(line: Any) -> str:
    """A command line sent to a chat or a practice run, refused with one line if it is not one."""
    if not isinstance(line, str):
        raise SoloError(400, "'line' must be one command, like \"2\" or \"flag 3\"")
    if len(line) > MAX_LINE or "\n" in line.strip():
        raise SoloError(400, "'line' must be one short command")
    return line


def parsed(line: str) -> Command:
    """The command of a line (cli.md's command language), or a 400 saying what is wrong."""
    try:
        command = parse(line)
    except ParseError as exc:
        raise SoloError(400, str(exc)) from None
    if command is None:
        raise SoloError(400, "no command in this line (type help for the list)")
    return command


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Buffer:
    """A ``game.session.Recorder`` that keeps events for the request's one commit."""

    def __init__(self, buffer: list[dict[str, Any]]):
        self.buffer = buffer

    def on_event(self, event: dict[str, Any]) -> None:
        self.buffer.append(event)

    def finish(self, result: dict[str, Any]) -> None:
        pass


@dataclass
class Live:
    """The cached state of one chat in this process."""

    session_id: int
    scenario: Scenario | None
    conv: Conversation | None          # None once the chat has ended (read-only)
    next_seq: int
    paced: bool
    stored: list[dict[str, Any]] = field(default_factory=list)   # the log of an ended chat
    buffer: list[dict[str, Any]] = field(default_factory=list)   # events not committed yet
    unsaved: list[dict[str, Any]] = field(default_factory=list)  # events the store refused (kept, retried)
    unsaved_keys: dict[str, str] = field(default_factory=dict)   # their request records
    save_error: str | None = None                                # why, in plain words
    accepted: bool = False                                       # the message request was accepted
    onboarding: bool = False                                     # the first-chat practice: memory only, no score

    @property
    def known(self) -> int:
        """Events of this chat so far that are stored or kept in memory to be stored."""
        return self.next_seq + len(self.unsaved)

    @property
    def events(self) -> list[dict[str, Any]]:
        return self.conv.events if self.conv is not None else self.stored

    @property
    def ended(self) -> bool:
        return self.conv is None or self.conv.ended


class SoloService:
    """Start, drive and read solo chats.

    Thread-safe: requests for one chat run one at a time (a lock per chat),
    requests for different chats in parallel (the store pools connections),
    so a commit waiting for the disk holds up only its own chat.
    """

    def __init__(self, scenarios: Mapping[str, Scenario], store: Store, *,
                 clock: Callable[[], float] = time.time, cache_size: int = 4096,
                 typing_factor: float = 1.0, idle_factor: float = 1.0) -> None:
        self.scenarios = dict(scenarios)
        self.typing_factor = typing_factor
        self.idle_factor = idle_factor
        self.store = store
        self.clock = clock
        self.cache_size = cache_size
        self._cache: OrderedDict[str, Live] = OrderedDict()
        self._onboarding: OrderedDict[str, Live] = OrderedDict()   # practice chats: never in the store
        self._tutorial: Scenario | None = None
        self._guard = threading.Lock()                 # the cache and the table of chat locks
        self._chat_locks: dict[str, threading.RLock] = {}
        self._create_lock = threading.Lock()
        # One writer at a time in this process: SQLite takes one writer anyway, and threads
        # queueing here wake at once, where SQLite's busy handler would sleep and retry.
        self._writing = threading.Lock()
        #: what a paced chat's answers carry as "view" (the page's lines); set by the routes
        self.view: Callable[[Live], dict[str, Any]] | None = None

    # -- starting -------------------------------------------------------------------

    def scenario(self, scenario_id: Any) -> Scenario:
        """A scenario of the library by id; a path (or anything but an id) is refused."""
        if not isinstance(scenario_id, str) or not scenario_id.strip():
            raise SoloError(400, "'scenario' must be a scenario id from GET /api/v1/scenarios")
        if "/" in scenario_id or "\\" in scenario_id or scenario_id.endswith((".yaml", ".yml")) \
                or scenario_id.startswith("."):
            raise SoloError(400, "a scenario is named by its id, never by a path")
        found = self.scenarios.get(scenario_id)
        if found is None:
            raise SoloError(404, f"no scenario '{scenario_id[:60]}' on this server")
        return found

    def create(self, scenario_id: Any, *, player: Any = None, class_code: Any = None,
               seed: Any = None, paced: Any = False, request_id: Any = None) -> dict[str, Any]:
        """A new chat; ``{"session": TOKEN}``."""
        scenario = self.scenario(scenario_id)
        if player is not None and not isinstance(player, str):
            raise SoloError(400, "'player' must be a nickname (text)")
        if class_code is not None and not isinstance(class_code, str):
            raise SoloError(400, "'class' must be a class code (text)")
        problem = identity.class_code_problem(class_code)
        if problem:
            raise SoloError(400, problem)
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)
                                 or not 0 <= seed < 2**63):
            raise SoloError(400, "'seed' must be a whole number from 0 up")
        if not isinstance(paced, bool):
            raise SoloError(400, "'paced' must be true or false")
        request_key = self._request_id(request_id)
        with self._create_lock if request_key is not None else contextlib.nullcontext():
            if request_key is not None:
                known = self.store.get_setting(CREATE_KEY + request_key)
                if known is not None:
                    return {"session": known}
            buffer: list[dict[str, Any]] = []
            conv = Conversation(scenario, new_seed() if seed is None else seed, clock=self.clock,
                                on_event=buffer.append)
            conv.start()
            if not paced:
                conv.deliver_all()
            try:
                with self._writing:
                    session_id = self.store.create_session(
                        buffer[0], scenario_path=str(scenario.path), player=player,
                        class_code=class_code, scenario_info=scenario_facts.facts(scenario))
                    token = secrets.token_urlsafe(32)
                    keys = {TOKEN_KEY + _digest(token): session_settings.token_value(session_id, paced)}
                    if request_key is not None:
                        keys[CREATE_KEY + request_key] = token
                    self.store.append_events(session_id, 1, buffer[1:], settings=keys)
            except Exception as exc:
                reason = describe_failure(exc, getattr(self.store, "path", None))
                raise SoloError(503, f"this chat cannot start: its result could not be saved ({reason}); "
                                     "try again in a moment") from exc
            live = Live(session_id, scenario, conv, len(buffer), paced)
            buffer.clear()
            conv.on_event = live.buffer.append
            self._remember(token, live)
            return {"session": token}

    def onboarding_scenario(self) -> Scenario | None:
        """The practice chat (game/data/tutorial.yaml), loaded once; None if it cannot be loaded."""
        if self._tutorial is None:
            try:
                self._tutorial = onboarding.tutorial()
            except Exception:      # a broken tutorial file: the real chats still work
                return None
        return self._tutorial

    def create_onboarding(self) -> dict[str, Any]:
        """A new practice chat (paced, like the page's chats); ``{"session": TOKEN}``. Nothing is stored."""
        scenario = self.onboarding_scenario()
        if scenario is None:
            raise SoloError(503, "the practice chat cannot start on this server (its file is missing or broken)")
        live = Live(0, scenario, None, 0, True, onboarding=True)
        live.conv = Conversation(scenario, new_seed(), clock=self.clock, on_event=live.buffer.append)
        live.conv.start()
        live.next_seq, live.buffer = len(live.buffer), []
        live.conv.on_event = live.buffer.append
        token = secrets.token_urlsafe(32)
        with self._guard:
            self._onboarding[_digest(token)] = live
            while len(self._onboarding) > ONBOARDING_MAX:
                self._onboarding.popitem(last=False)
        return {"session": token}

    # -- playing --------------------------------------------------------------------

    def command(self, token: Any, line: Any, request_id: Any = None) -> dict[str, Any]:
        """Carry out one line of the command language (cli.md)."""
        line = checked_line(line)
        request_key = self._request_id(request_id)
        with self._chat_lock(token):
            live = self._live(token)
            done = self._replay(live, request_key)
            if done is not None:
                return done
            command = parsed(line)
            if command.name == "help":
                return self._answer(live, [], extra={"help": HELP})
            if command.name == "profile":
                return self._answer(live, [], extra={"profile": self.profile(live.scenario)})
            if live.conv is None or live.conv.ended or live.scenario is None:
                raise SoloError(400, "the conversation is over")
            conv = live.conv
            first = live.known
            if not live.paced:
                conv.deliver_all()
            try:
                Session(live.scenario, seed=conv.seed, recorder=_Buffer(live.buffer),
                        conversation=conv).execute(command)
            except CommandError as exc:
                if live.buffer:              # messages delivered first are kept; the command is not
                    self._commit(token, live, request_key=None, first=first)
                raise SoloError(400, str(exc)) from None
            finally:
                conv.on_event = live.buffer.append
            if not live.paced:
                conv.deliver_all()
            events = self._commit(token, live, request_key, first)
            return self._answer(live, events)

    def deliver(self, token: Any, request_id: Any = None) -> dict[str, Any]:
        """Paced chats: show the next pending message (after the page's typing pause)."""
        request_key = self._request_id(request_id)
        with self._chat_lock(token):
            live = self._live(token)
            done = self._replay(live, request_key)
            if done is not None:
                return done
            if not live.paced:
                raise SoloError(400, "this chat delivers its messages with every command")
            if live.conv is None or live.conv.ended:
                raise SoloError(400, "the conversation is over")
            first = live.known
            if live.conv.deliver_next() is None:
                raise SoloError(400, "no message is on its way")
            return self._answer(live, self._commit(token, live, request_key, first))

    def accept(self, token: Any) -> dict[str, Any]:
        """Accept the chat's message request: the replies show, after a reload too.

        No event is added (scoring.md is unchanged: Decline is Leave, Accept is nothing the
        score sees); the store's settings remember it. Accepting twice is accepting once.
        """
        with self._chat_lock(token):
            live = self._live(token)
            if live.ended or live.scenario is None:
                raise SoloError(400, "the conversation is over")
            if not live.scenario.message_request:
                raise SoloError(400, "this chat has no message request to accept")
            if not live.accepted:
                live.accepted = True
                try:
                    with self._writing:
                        self.store.set_setting(session_settings.accepted_key(live.session_id), "1")
                except OPEN_ERRORS:     # the store refuses: accepted in this process; a reload asks again
                    pass
            return self._answer(live, [])

    def state(self, token: Any) -> dict[str, Any]:
        """Everything so far: ``{"events", "ended", "result"?}``."""
        with self._chat_lock(token):
            live = self._live(token)
            return self._answer(live, list(live.events))

    def live(self, token: Any) -> Live:
        """The chat's cached state (fresh from the store); for the page's extra views."""
        with self._chat_lock(token):
            return self._live(token)

    def result(self, live: Live) -> dict[str, Any] | None:
        if not live.ended or live.onboarding:     # the first-chat practice has no score
            return None
        if live.unsaved:                       # not in the store yet: scored from the events in memory
            return score(live.events)
        return self.store.result(live.session_id)

    @staticmethod
    def save_status(live: Live) -> SaveStatus:
        if live.save_error is not None:
            return SaveStatus("retrying", len(live.unsaved), live.save_error)
        return SaveStatus("saved", 0)

    # -- helpers --------------------------------------------------------------------

    @staticmethod
    def profile(scenario: Scenario | None) -> list[dict[str, str]]:
        if scenario is None:
            return []
        return [{"id": p.item_id, "label": p.label, "text": p.text} for p in scenario.stranger.profile]

    def _answer(self, live: Live, events: list[dict[str, Any]],
                extra: dict[str, Any] | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"events": events, "ended": live.ended}
        if live.save_error is not None:       # said in every answer while the store refuses
            out["save"] = saving.as_dict(self.save_status(live))
        if live.ended:
            result = self.result(live)
            if result is not None:
                out["result"] = result
        if live.paced:
            out["pending"] = 0 if live.conv is None else len(live.conv.pending)
            out["pacing"] = pacing.hint(live.conv, live.scenario, self.typing_factor, self.idle_factor)
            if self.view is not None:
                out["view"] = self.view(live)
        if extra:
            out.update(extra)
        return out

    @staticmethod
    def _request_id(request_id: Any) -> str | None:
        if request_id is None:
            return None
        if not isinstance(request_id, str) or not request_id or len(request_id) > MAX_REQUEST_ID:
            raise SoloError(400, f"'request_id' must be text of 1 to {MAX_REQUEST_ID} characters")
        return _digest(request_id)

    def _replay(self, live: Live, request_key: str | None) -> dict[str, Any] | None:
        """The answer a request with this id already got, or None if it is new."""
        if request_key is None or live.onboarding:
            return None
        key = session_settings.request_key(live.session_id, request_key)
        known = live.unsaved_keys.get(key) or self.store.get_setting(key)
        if known is None:
            return None
        span = json.loads(known)
        return self._answer(live, list(live.events[span["from"]:span["to"]]))

    def _commit(self, token: str, live: Live, request_key: str | None, first: int) -> list[dict[str, Any]]:
        """Store the buffered events and the request id in one transaction; returns the events.

        Together, a retry can never find the events without the request's record and apply it twice.
        """
        events = list(live.buffer)
        live.buffer.clear()
        if live.onboarding:                         # memory only
            live.next_seq += len(events)
            return events
        keys = {} if request_key is None else {
            session_settings.request_key(live.session_id, request_key):
                json.dumps({"from": first, "to": live.known + len(events)})}
        batch = live.unsaved + events               # anything refused before goes first, in order
        all_keys = {**live.unsaved_keys, **keys}
        try:
            with self._writing:
                self.store.append_events(live.session_id, live.next_seq, batch, settings=all_keys)
        except IntegrityError as exc:
            self._forget(_digest(token))      # the cached state is no longer the stored one
            raise SoloError(409, "this chat changed at the same moment (another tab?); "
                                 "reload it and try again") from exc
        except OPEN_ERRORS as exc:            # a full disk, a read-only store: keep them, the chat goes on
            live.unsaved, live.unsaved_keys = batch, all_keys
            live.save_error = describe_failure(exc, getattr(self.store, "path", None))
            return events
        live.next_seq += len(batch)
        live.unsaved, live.unsaved_keys, live.save_error = [], {}, None
        return events

    def _chat_lock(self, token: Any) -> threading.RLock:
        key = _digest(token) if isinstance(token, str) else ""
        with self._guard:
            lock = self._chat_locks.get(key)
            if lock is None:
                lock = self._chat_locks[key] = threading.RLock()
            return lock

    def _remember(self, token: str, live: Live) -> None:
        key = _digest(token)
        with self._guard:
            self._cache[key] = live
            self._cache.move_to_end(key)
            for old in list(self._cache):
                if len(self._cache) <= self.cache_size:
                    break
                if self._cache[old].unsaved:       # only copy of those events: never dropped
                    continue
                del self._cache[old]
                self._chat_locks.pop(old, None)

    def _cached(self, key: str) -> Live | None:
        with self._guard:
            return self._cache.get(key)

    def _forget(self, key: str) -> None:
        with self._guard:
            self._cache.pop(key, None)

    def _live(self, token: Any) -> Live:
        """The chat's state, from the cache if it matches the store, else rebuilt from its events."""
        if not isinstance(token, str) or not _TOKEN_OK.fullmatch(token):
            raise SoloError(404, "no such chat: start a new one")
        key = _digest(token)
        with self._guard:
            practice = self._onboarding.get(key)
        if practice is not None:
            return practice
        live = self._cached(key)
        if live is None:
            stored = self.store.get_setting(TOKEN_KEY + key)
            if stored is None:
                raise SoloError(404, "no such chat: start a new one")
            info = json.loads(stored)
            session_id, paced = int(info["session"]), bool(info.get("paced"))
        else:
            session_id, paced = live.session_id, live.paced
        record = self.store.session(session_id)
        if record is None:
            self._forget(key)
            raise SoloError(404, "this chat is no longer stored (it was deleted): start a new one")
        if live is not None and live.next_seq == record.event_count:
            return self._follow_accept(live)
        live = self._rebuild(record, paced)
        self._remember(token, live)
        return self._follow_accept(live)

    def _follow_accept(self, live: Live) -> Live:
        """Whether the message request was accepted (by this process or another one)."""
        if not live.accepted and not live.ended and live.scenario is not None and live.scenario.message_request:
            live.accepted = self.store.get_setting(session_settings.accepted_key(live.session_id)) is not None
        return live

    def _rebuild(self, record: Any, paced: bool) -> Live:
        events = self.store.events(record.id)
        if record.status != "open" or not events:
            return Live(record.id, self.scenarios.get(record.scenario_id), None, len(events), paced,
                        stored=events)
        scenario = self.scenarios.get(record.scenario_id)
        if scenario is None or scenario.sha256 != record.scenario_sha256:
            raise SoloError(409, "this chat's scenario has changed on the server since it started; "
                                 "start it again")
        try:
            replayed, missing = rebuild(scenario, events)
        except ResumeError as exc:
            raise SoloError(409, f"this chat cannot be continued: {exc}") from None
        state = replayed.to_json()
        # The chat's clock is wall time since it started, whichever process runs it.
        state["elapsed"] = max(float(state["elapsed"]), self.clock() - record.started_at)
        live = Live(record.id, scenario, None, len(events), paced)
        live.conv = Conversation.from_json(scenario, state, clock=self.clock, on_event=live.buffer.append)
        if missing:
            with self._writing:
                self.store.append_events(record.id, live.next_seq, missing)
            live.next_seq += len(missing)
        return live
