"""Resuming an unfinished session (killed, crashed or quit) from its stored events.

The event log is replayed into a fresh ``Conversation`` with the same
scenario and seed: every stored player action (choice, flag, unflag, waiting
for a nudge, each message delivery) is carried out again, with a clock that
reads the stored times. The events the replay produces must equal the stored
ones (times aside), otherwise the session is not resumed: the scenario
changed, or the log is damaged. Only the automatic events that end the last
step (``enter``, ``choices``, an authored ending) may be missing, because a
kill can fall between a command's event and those; they are stored then.

The live conversation is restored from the replay's state with the engine's
JSON save/restore, so its clock carries on from the last stored event and
new events are appended to the same session. Nothing besides the events has
to be saved, and they are already committed one by one.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .recorder import Recorder
from .store import Store


class ResumeError(Exception):
    """The session cannot be resumed (one-line reason for the player)."""


@dataclass
class Resumed:
    session_id: int
    scenario: Any
    conversation: Any
    recorder: Recorder
    player: str | None
    class_code: str | None


def _plain(event: dict[str, Any]) -> dict[str, Any]:
    """The event as stored, without its time (events the engine emits by itself, such
    as ``enter`` after a choice, were stamped a moment after the command)."""
    data = json.loads(json.dumps(event))
    data.pop("t", None)
    return data


AUTOMATIC = ("enter", "choices", "end")   # events the engine emits by itself after a command


def rebuild(scenario: Any, events: Sequence[dict[str, Any]]) -> tuple[Any, list[dict[str, Any]]]:
    """A Conversation in the state the stored ``events`` describe, and the events it lacked.

    A process killed in the middle of one engine step (after its ``choice`` was
    committed, before the ``enter`` that follows) leaves a log that stops short
    of the step's automatic events; those are returned as the second value, to
    be stored. Raises ResumeError if replaying does not reproduce the log.
    """
    from game.engine import CommandError, Conversation

    if not events or events[0].get("type") != "start":
        raise ResumeError("the stored session has no start event")
    start = events[0]
    if start.get("scenario_sha256") != scenario.sha256:
        raise ResumeError(f"the scenario '{start.get('scenario')}' has changed since this session was played")
    now = [0.0]                        # the replay clock reads the stored times exactly
    conv = Conversation(scenario, seed=int(start.get("seed") or 0), clock=lambda: now[0])
    now[0] = float(start.get("t") or 0.0)
    conv.start()
    try:
        for event in events[1:]:
            kind = event.get("type")
            now[0] = float(event.get("t") or 0.0)
            if kind in ("start", "enter", "choices"):
                continue  # produced by the engine itself; compared below
            if kind == "deliver":
                if event.get("nudge") and not conv.pending:
                    conv.wait()
                conv.deliver_next()
            elif kind == "choice":
                conv.choose(int(event["shown"]))
            elif kind == "flag":
                conv.flag(str(event["id"]))
            elif kind == "unflag":
                conv.unflag(str(event["id"]))
            elif kind == "end":
                how = event.get("how")
                if how == "quit":
                    raise ResumeError("the stored log still ends with 'quit'")
                if how in ("block", "report", "leave"):
                    reason = event.get("reason")
                    conv.end_action(how, str(reason) if reason is not None else None)
                # "ending" events come from the engine itself
            else:
                raise ResumeError(f"unknown stored event type '{kind}'")
    except CommandError as exc:
        raise ResumeError(f"the stored actions cannot be replayed ({exc})") from exc
    replayed = [_plain(e) for e in conv.events]
    stored = [_plain(e) for e in events]
    missing = conv.events[len(stored):]
    if replayed[:len(stored)] != stored or any(e.get("type") not in AUTOMATIC for e in missing):
        at = next((i for i, (a, b) in enumerate(zip(replayed, stored)) if a != b),
                  min(len(replayed), len(stored)))
        raise ResumeError(f"replaying the stored session differs from it at event {at}")
    missing = [json.loads(json.dumps(e)) for e in missing]
    conv.events = [json.loads(json.dumps(e)) for e in events] + [dict(e) for e in missing]
    now[0] = max([now[0]] + [float(e.get("t") or 0.0) for e in conv.events])
    return conv, missing


def load_for(record: Any) -> Any:
    """The scenario a stored session was played with: its file if unchanged, else the library's."""
    from game.library import find_scenario
    from game.loader import ScenarioError

    if record.scenario_path and Path(record.scenario_path).is_file():
        try:
            scenario = find_scenario(str(record.scenario_path))
            if scenario.sha256 == record.scenario_sha256:
                return scenario
        except (ScenarioError, LookupError):
            pass
    try:
        scenario = find_scenario(record.scenario_id)
    except (ScenarioError, LookupError) as exc:
        raise ResumeError(f"the scenario '{record.scenario_id}' cannot be loaded: {exc}") from exc
    return scenario


def resume(store: Store, session_id: int, *, load_scenario: Callable[[Any], Any] = load_for,
           clock: Callable[[], float] = time.monotonic) -> Resumed:
    """Reopen an unfinished session for play; its new events go to the same stored session."""
    from game.engine import Conversation

    record = store.session(session_id)
    if record is None:
        raise ResumeError(f"there is no stored session {session_id}")
    if record.complete:
        raise ResumeError("this session is finished; it cannot be resumed")
    scenario = load_scenario(record)
    events = store.events(session_id)            # a trailing 'quit' is dropped below
    if events and events[-1].get("type") == "end" and events[-1].get("how") == "quit":
        events = events[:-1]
    replay, missing = rebuild(scenario, events)
    next_seq = store.reopen(session_id)
    recorder = Recorder(store, session_id=session_id, next_seq=next_seq,
                        player=record.player, class_code=record.class_code)
    for event in missing:              # complete the step the kill interrupted
        recorder.on_event(event)
    live = Conversation.from_json(scenario, replay.to_json(), clock=clock, on_event=recorder.on_event)
    return Resumed(session_id, scenario, live, recorder, record.player, record.class_code)


def resume_session(session_id: int, *, data_dir: Any = None, clock: Callable[[], float] = time.monotonic):
    """A ``game.session.Session`` that carries on a stored unfinished session.

    For a front end's "continue" button: the store in ``data_dir`` stays open
    while the session runs and is closed when it finishes. Deliver pending
    messages (``session.conv.deliver_all()`` or one by one) before the next
    command. Raises ResumeError with a one-line reason.
    """
    from game.session import Session

    store = Store.open(data_dir)
    try:
        resumed = resume(store, session_id, clock=clock)
    except BaseException:
        store.close()
        raise
    resumed.recorder.owns_store = True
    return Session(resumed.scenario, seed=resumed.conversation.seed, recorder=resumed.recorder,
                   conversation=resumed.conversation)
