"""Deleting a player's or a class's data for good.

``plan`` finds what would go (so the command can ask first); ``forget``
deletes it. Deletion removes the sessions and every event, then checkpoints
the write-ahead log; with ``secure_delete`` on, the old rows are overwritten
in the file, not merely unlinked.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import identity
from .store import SessionRecord, Store


@dataclass(frozen=True)
class Plan:
    player: str | None
    class_code: str | None
    sessions: tuple[SessionRecord, ...]
    checks: int = 0             # discernment checks (game.checks) of the same player or class
    files: tuple[str, ...] = ()  # report files written from the store that hold these players

    @property
    def count(self) -> int:
        return len(self.sessions) + self.checks

    def describe(self) -> str:
        who = []
        if self.player:
            who.append(f"player '{identity.clean_nickname(self.player)}'")
        if self.class_code:
            who.append(f"class {identity.clean_class_code(self.class_code)}")
        noun = "session" if len(self.sessions) == 1 else "sessions"
        what = f"{len(self.sessions)} {noun}"
        if self.checks:
            what += f" and {self.checks} check{'s' if self.checks != 1 else ''}"
        if self.files:
            what += f" and {len(self.files)} report file{'s' if len(self.files) != 1 else ''} holding them"
        return f"{what} of {' in '.join(who)}"


def plan(store: Store, *, player: str | None = None, class_code: str | None = None) -> Plan:
    """What ``forget`` would delete. At least one of player and class is required."""
    if not identity.clean_nickname(player) and not identity.clean_class_code(class_code):
        raise ValueError("say whose data to forget: a player nickname, a class code, or both")
    recs = store.sessions(player=player if identity.clean_nickname(player) else None,
                          class_code=class_code if identity.clean_class_code(class_code) else None)
    from ..checks import storage

    checks = storage.count(store, player=player if identity.clean_nickname(player) else None,
                           class_code=class_code if identity.clean_class_code(class_code) else None)
    from . import report_files

    pairs = {(identity.nickname_key(r.player), r.class_code) for r in recs}
    return Plan(player, class_code, tuple(recs), checks, tuple(report_files.files_holding(store, pairs)))


def forget(store: Store, the_plan: Plan) -> int:
    """Delete everything in ``the_plan``; returns the number of sessions deleted."""
    from ..checks import storage
    from . import report_files

    if the_plan.checks:
        storage.delete(store, player=the_plan.player, class_code=the_plan.class_code)
    gone = store.delete_sessions([r.id for r in the_plan.sessions])
    report_files.delete(store, the_plan.files)
    return gone
