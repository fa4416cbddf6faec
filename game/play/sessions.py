"""Starting, resuming and rebuilding sessions; what this device remembers about a player.

Every front end opens sessions here, so a chat started from the command
line, the window's picker, the start screen's "continue" button or a class
server's join request is made the same way (seed, results recorder, nickname,
class code). This module owns opening the results store for play.

Entry points (all raise ``PlayError`` with one line for the player):

* ``load(ref)``: a scenario from an id of the library or a path;
* ``start(ref_or_scenario, options)``: a new started Session (or, with
  ``options.resume``, the newest unfinished one of that scenario and nickname);
* ``resume(session_id, options)``: carry on a stored unfinished session;
* ``rebuild(scenario, events)``: a live Session in the state a stored event
  log describes (another process, a restarted server); no store involved;
* ``unfinished(options)``, ``skip(options, session_id)``: the "continue your
  unfinished chat" offers;
* ``played_and_best(options, player)``: scenario id -> (times finished, best total).
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from .. import paths
from ..engine import Conversation
from ..library import find_scenario
from ..loader import ScenarioError
from ..model import Scenario
from ..results.db import DatabaseError
from ..results.identity import nickname_key
from ..session import Session
from .options import PlayOptions

#: what opening or reading the results store can raise (SQLite today, SQLAlchemy once ported)
STORE_ERRORS: tuple[type[BaseException], ...] = (sqlite3.Error, OSError, ValueError, DatabaseError,
                                                  SQLAlchemyError)

#: the store setting that lists unfinished sessions not to offer again (they cannot be resumed)
SKIPPED_SETTING = "ui.continue_skipped"


class PlayError(Exception):
    """A session cannot be opened; the message is one line (or the validator's report) for the player."""


class CannotResume(PlayError):
    """This stored session can never be carried on (its scenario changed, its log is damaged)."""

    def __init__(self, reason: str):
        super().__init__(f"cannot resume: {reason}")
        self.reason = reason


# -- scenarios --------------------------------------------------------------------------
def load(ref: str | os.PathLike[str]) -> Scenario:
    """The scenario ``ref`` names: an id of the bundled library or a path to a .yaml file."""
    try:
        return find_scenario(str(ref))
    except ScenarioError as exc:
        raise PlayError(f"'{ref}' cannot be played:\n{exc}") from None
    except LookupError as exc:
        raise PlayError(str(exc.args[0] if exc.args else exc)) from None


def _scenario(ref: Scenario | str | os.PathLike[str]) -> Scenario:
    return ref if isinstance(ref, Scenario) else load(ref)


# -- the results store ------------------------------------------------------------------
def data_dir(options: PlayOptions) -> Path:
    """The data folder the options name (--data-dir, $REDFLAGS_DATA_DIR or the user's).

    Not created here: the store makes it when it first writes, so a folder that
    cannot be made (a read-only disk) is a save failure the player is told
    about, never a chat refused.
    """
    return paths.user_data_dir(options.data_dir, create=False)


def open_store(options: PlayOptions, *, create: bool = True) -> Any:
    """The results store the options name; None when ``create`` is False and there is none yet.

    Raises whatever the store raises when it cannot be opened.
    """
    from ..results import location
    from ..results.store import Store

    if options.database:
        return Store.open(database=options.database)
    if not create and not location.db_path(options.data_dir).is_file():
        return None
    return Store.open(data_dir(options))


def open_recorder(scenario: Scenario, options: PlayOptions, seed: int) -> Any:
    """The results recorder of a new session, or None (not saved, or no usable store)."""
    if not options.save:
        return None
    from ..results.recorder import open_recorder as open_store_recorder

    return open_store_recorder(data_dir=data_dir(options), scenario=scenario, seed=seed,
                               player=options.player, class_code=options.class_code,
                               database=options.database, background=options.background_writes)


# -- sessions ---------------------------------------------------------------------------
def new_session(scenario: Scenario, options: PlayOptions = PlayOptions(), *,
                clock: Callable[[], float] = time.monotonic) -> Session:
    """A new Session (not started) with the options' seed and results recorder."""
    session = Session(scenario, seed=options.seed, clock=clock)
    session.recorder = open_recorder(scenario, options, session.seed)
    return session


def start(ref: Scenario | str | os.PathLike[str], options: PlayOptions = PlayOptions(), *,
          clock: Callable[[], float] = time.monotonic) -> Session:
    """A started session of the scenario: new, or with ``options.resume`` the newest unfinished one.

    Resuming takes only the unfinished sessions of ``options.player`` (without a nickname,
    only those played without one), as the window's start screen offers them.
    """
    scenario = _scenario(ref)
    if options.resume:
        if not options.save:
            raise PlayError("--resume continues a stored session; it cannot be combined with --no-save")
        offers = unfinished(options, scenario_id=scenario.id, mine=True)
        if not offers:
            raise PlayError(nothing_to_resume(scenario.id, options.player))
        session = resume(offers[0].session_id, options, clock=clock)
    else:
        session = new_session(scenario, options, clock=clock)
    session.start()
    return session


def nothing_to_resume(scenario_id: str, player: str | None) -> str:
    """The one line that says there is nothing of this player's to resume.

    On a shared computer only the chats of the nickname in use are resumed; without a
    nickname only those played without one (the start screen's rule).
    """
    if player:
        return f"there is no unfinished session of '{scenario_id}' to resume for the nickname '{player}'"
    return (f"there is no unfinished session of '{scenario_id}' played without a nickname to resume"
            " (add --player NAME to continue yours)")


def resume(session_id: int, options: PlayOptions = PlayOptions(), *,
           clock: Callable[[], float] = time.monotonic) -> Session:
    """Carry on a stored unfinished session; its new events go to the same stored session.

    Deliver pending messages (``deliver_all()`` or a Pacer) before the next command.
    """
    from ..results.resume import ResumeError, resume_session

    try:
        return resume_session(session_id, data_dir=data_dir(options), clock=clock)
    except ResumeError as exc:
        raise CannotResume(str(exc)) from None
    except STORE_ERRORS as exc:      # a locked or damaged database: try again later
        raise PlayError(f"the results could not be read ({exc})") from None


def rebuild(scenario: Scenario, events: Sequence[dict[str, Any]], *,
            clock: Callable[[], float] = time.monotonic, recorder: Any = None) -> Session:
    """A live session in the state ``events`` (a stored log, oldest first) describes.

    For a server that keeps the event log itself: after a restart, or in
    another worker process, this gives the same session back. Events the
    rebuilt session lacks (a process stopped between a command and the
    automatic events after it) are added to its log and published on its bus.
    A trailing ``quit`` is dropped, so a quit session can carry on.
    """
    from ..results.resume import ResumeError
    from ..results.resume import rebuild as replay

    log = [dict(e) for e in events]
    if log and log[-1].get("type") == "end" and log[-1].get("how") == "quit":
        log = log[:-1]
    try:
        conv, missing = replay(scenario, log)
    except ResumeError as exc:
        raise PlayError(f"cannot rebuild the session: {exc}") from None
    state = json.loads(json.dumps(conv.to_json()))
    live = Conversation.from_json(scenario, state, clock=clock)
    session = Session(scenario, seed=live.seed, recorder=recorder, conversation=live)
    for event in missing:
        session.bus.publish(event)
    return session


# -- what this device remembers ---------------------------------------------------------
@dataclass(frozen=True)
class Unfinished:
    """One unfinished stored session, as a "continue" offer shows it."""

    session_id: int
    scenario_id: str
    title: str
    player: str | None
    class_code: str | None
    updated_at: float


def _skipped(store: Any) -> set[int]:
    raw = store.get_setting(SKIPPED_SETTING) or ""
    return {int(x) for x in raw.split(",") if x.strip().isdigit()}


def _owned_by(player: str | None):
    """A test for a stored session's nickname: the same nickname, or none at all for ``None``.

    At a shared computer what is offered belongs to the nickname in use; a player
    without a nickname sees only what was played without one, never the last person's.
    """
    key = nickname_key(player)
    return lambda stored: nickname_key(stored) == key


def unfinished(options: PlayOptions = PlayOptions(), *, scenario_id: str | None = None,
               player: str | None = None, mine: bool = False) -> list[Unfinished]:
    """Unfinished sessions on this device, newest first, without those that cannot be resumed.

    ``player`` limits them to one nickname; ``scenario_id`` to one scenario.
    ``mine``: only those of ``player`` (``options.player`` when not given), and
    with no nickname only those played without one.
    An unreadable or missing database offers nothing.
    """
    try:
        store = open_store(options, create=False)
    except STORE_ERRORS:
        return []
    if store is None:
        return []
    try:
        skipped = _skipped(store)
        infos = store.scenario_infos()
        filters = {"player": player} if player else {}
        owned = _owned_by(player if player is not None else options.player) if mine else None
        out = []
        for rec in store.incomplete_sessions(**filters):
            if rec.id in skipped or (scenario_id is not None and rec.scenario_id != scenario_id):
                continue
            if owned is not None and not owned(rec.player):
                continue
            title = (infos.get(rec.scenario_sha256) or {}).get("title") or \
                rec.scenario_id.replace("-", " ").replace("_", " ").capitalize()
            out.append(Unfinished(rec.id, rec.scenario_id, str(title), rec.player, rec.class_code,
                                  float(rec.updated_at or 0.0)))
        return out
    except STORE_ERRORS:
        return []
    finally:
        store.close()


def skip(options: PlayOptions, session_id: int) -> None:
    """Do not offer this session again (it cannot be resumed). The session itself is kept."""
    try:
        store = open_store(options, create=False)
    except STORE_ERRORS:
        return
    if store is None:
        return
    try:
        ids = _skipped(store) | {int(session_id)}
        store.set_setting(SKIPPED_SETTING, ",".join(str(i) for i in sorted(ids)))
    except STORE_ERRORS:
        pass            # at worst it is offered again
    finally:
        store.close()


def played_and_best(options: PlayOptions = PlayOptions(),
                    player: str | None = None, *, mine: bool = False) -> dict[str, tuple[int, int | None]]:
    """scenario id -> (times finished, best total) on this device, for one nickname if given.

    ``mine``: only the results of ``player`` (``options.player`` when not given);
    with no nickname, only those played without one.
    {} when there are no results (or they cannot be read).
    """
    try:
        store = open_store(options, create=False)
    except STORE_ERRORS:
        return {}
    if store is None:
        return {}
    out: dict[str, tuple[int, int | None]] = {}
    try:
        filters = {"player": player} if player else {}
        owned = _owned_by(player if player is not None else options.player) if mine else None
        for rec in store.sessions(statuses=("complete",), **filters):
            if owned is not None and not owned(rec.player):
                continue
            total = None
            if isinstance(rec.result, dict):
                t = (rec.result.get("score") or {}).get("total")
                total = int(t) if isinstance(t, (int, float)) else None
            n, best = out.get(rec.scenario_id, (0, None))
            if total is not None and (best is None or total > best):
                best = total
            out[rec.scenario_id] = (n + 1, best)
    except STORE_ERRORS:
        return {}
    finally:
        store.close()
    return out
