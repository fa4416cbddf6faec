"""Commits each engine event to the store the moment it happens.

Give ``Recorder.on_event`` to the engine as its ``on_event`` callback. The
``start`` event creates the session; every later event is committed in its
own transaction before the callback returns, so a session killed at any point
keeps every event it emitted. If the database cannot be written (disk full,
locked for too long) the game goes on: the events are kept in memory and
written with the next one, and ``last_error`` says what went wrong.

``open_recorder`` is what the play command uses: it opens the store in the
data folder, applies the retention setting, and returns a recorder that
closes the store when the session finishes.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from .db import ERRORS, DatabaseError
from .store import Store

#: what opening the store for a new session can raise
OPEN_ERRORS: tuple[type[BaseException], ...] = (DatabaseError, *ERRORS)


class Recorder:
    def __init__(self, store: Store, *, scenario_path: str | os.PathLike[str] | None = None,
                 player: str | None = None, class_code: str | None = None,
                 scenario_info: dict[str, Any] | None = None,
                 session_id: int | None = None, next_seq: int = 0) -> None:
        """A recorder for a new session, or (``session_id``, ``next_seq``) for a resumed one."""
        self.store = store
        self.scenario_path = scenario_path
        self.player = player
        self.class_code = class_code
        self.scenario_info = scenario_info
        self.session_id = session_id
        self.next_seq = next_seq
        self.ended = False
        self.last_error: str | None = None
        self.owns_store = False      # close the store after finish()
        self._pending: list[dict[str, Any]] = []

    def on_event(self, event: dict[str, Any]) -> None:
        """Store one event now (the engine's ``on_event`` callback)."""
        if self.ended:
            return
        self._pending.append(dict(event))
        self.flush()
        if event.get("type") == "end" and not self._pending:
            self.ended = True

    __call__ = on_event

    def finish(self, result: dict[str, Any] | None = None) -> None:
        """The session is over: write anything still pending and keep ``result`` if given.

        The store scores the session itself when the ``end`` event arrives; a
        result passed here only fills in when that failed.
        """
        self.flush()
        if result is not None and self.session_id is not None and not self._pending:
            try:
                self.store.cache_result(self.session_id, result, only_if_missing=True)
            except ERRORS as exc:
                self.last_error = f"result not saved: {exc}"
        if self.owns_store and not self._pending:
            self.store.close()
            self.owns_store = False

    @property
    def unsaved(self) -> int:
        """Events received but not yet committed (0 unless the database failed)."""
        return len(self._pending)

    def flush(self) -> bool:
        """Try to commit whatever is pending; True when nothing is left."""
        if not self._pending:
            return True
        try:
            if self.session_id is None:
                first = self._pending[0]
                self.session_id = self.store.create_session(
                    first, scenario_path=self.scenario_path, player=self.player,
                    class_code=self.class_code, scenario_info=self.scenario_info)
                self.next_seq = 1
                self._pending.pop(0)
            if self._pending:
                self.store.append_events(self.session_id, self.next_seq, self._pending)
                self.next_seq += len(self._pending)
                self._pending.clear()
        except ERRORS as exc:
            self.last_error = f"results not saved yet: {exc}"
            return False
        self.last_error = None
        return True


def open_recorder(*, data_dir: str | os.PathLike[str] | None = None, scenario: Any,
                  seed: int | None = None, player: str | None = None,
                  class_code: str | None = None) -> Recorder | None:
    """A recorder for a new session of ``scenario``, storing into ``data_dir``.

    Returns None (after a one-line warning on stderr) when the database cannot
    be opened, so the game can still be played.
    """
    from . import retention, scenario_facts

    try:
        store = Store.open(data_dir)
        retention.purge_expired(store)
    except OPEN_ERRORS as exc:
        print(f"warning: this session will not be saved: {exc}", file=sys.stderr)
        return None
    rec = Recorder(store, scenario_path=getattr(scenario, "path", None), player=player,
                   class_code=class_code, scenario_info=scenario_facts.facts(scenario))
    rec.owns_store = True
    return rec
