"""Deleting a player's or a class's data for good.

``plan`` finds what would go (so the command can ask first); ``forget``
deletes it. Deletion removes the sessions and every event, then checkpoints
the write-ahead log; with ``secure_delete`` on, the old rows are overwritten
in the file, not merely unlinked.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import identity, report_files
from .store import SessionRecord, Store


@dataclass(frozen=True)
class Plan:
    player: str | None
    class_code: str | None
    sessions: tuple[SessionRecord, ...]
    checks: int = 0             # discernment checks (game.checks) of the same player or class
    files: tuple[str, ...] = ()  # files written from the store that hold these players (report_files)
    kinds: tuple[str | None, ...] = ()   # what each of ``files`` is now (report_files.kind)

    @property
    def count(self) -> int:
        return len(self.sessions) + self.checks + len(self.files)

    def who(self) -> str:
        who = []
        if self.player:
            who.append(f"player '{identity.clean_nickname(self.player)}'")
        if self.class_code:
            who.append(f"class {identity.clean_class_code(self.class_code)}")
        return " in ".join(who)

    def describe(self) -> str:
        noun = "session" if len(self.sessions) == 1 else "sessions"
        what = f"{len(self.sessions)} {noun}"
        if self.checks:
            what += f" and {self.checks} check{'s' if self.checks != 1 else ''}"
        text = f"{what} of {self.who()}"
        reports = sum(1 for k in self.kinds if k in (report_files.REPORT, None))
        exported = len(self.files) - reports
        extras = []
        if reports:
            extras.append(f"{reports} report file{'s' if reports != 1 else ''} holding them")
        if exported:
            extras.append(f"their results in {exported} exported file{'s' if exported != 1 else ''} "
                          "(bundles, xAPI: other players' results in them are kept)")
        return text + (", " + " and ".join(extras) if extras else "")


@dataclass(frozen=True)
class Done:
    sessions: int                                   # sessions deleted
    files: tuple[report_files.Outcome, ...] = ()   # what happened to each file holding them

    def describe(self, checks: int = 0) -> str:
        """``Deleted 3 sessions and 2 report files holding them for good.`` and what else was done."""
        def counts(outcomes: list[report_files.Outcome]) -> list[str]:
            by_kind: dict[str, int] = {}
            for o in outcomes:
                by_kind[o.kind or report_files.REPORT] = by_kind.get(o.kind or report_files.REPORT, 0) + 1
            order = sorted(by_kind.items(), key=lambda kv: list(report_files.NOUNS).index(kv[0]))
            return [f"{n} {report_files.NOUNS[k][n != 1]}" for k, n in order]

        def listed(parts: list[str]) -> str:
            return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]

        deleted = [o for o in self.files if o.action == report_files.DELETED]
        cut = [o for o in self.files if o.action == report_files.CUT]
        unreachable = [o for o in self.files if o.action == report_files.UNREACHABLE]
        what = [f"{self.sessions} session{'s' if self.sessions != 1 else ''}"]
        if checks:
            what.append(f"{checks} check{'s' if checks != 1 else ''}")
        what += counts(deleted)
        text = f"Deleted {listed(what)}{' holding them' if deleted else ''} for good."
        if cut:
            text += (f" Their results were taken out of {listed(counts(cut))} that also hold"
                     f" other players' results (rewritten: {', '.join(o.path for o in cut)}).")
        if unreachable:
            text += (f" Not found or not writable on this computer, so still holding them: "
                     f"{', '.join(o.path for o in unreachable)} (moved, or on a USB stick that is not plugged in? "
                     "Run this again with it plugged in, or delete it by hand).")
        return text


def plan(store: Store, *, player: str | None = None, class_code: str | None = None) -> Plan:
    """What ``forget`` would delete. At least one of player and class is required."""
    if not identity.clean_nickname(player) and not identity.clean_class_code(class_code):
        raise ValueError("say whose data to forget: a player nickname, a class code, or both")
    recs = store.sessions(player=player if identity.clean_nickname(player) else None,
                          class_code=class_code if identity.clean_class_code(class_code) else None)
    from ..checks import storage

    checks = storage.count(store, player=player if identity.clean_nickname(player) else None,
                           class_code=class_code if identity.clean_class_code(class_code) else None)
    files = tuple(report_files.files_holding(store, report_files.Who(player, class_code)))
    return Plan(player, class_code, tuple(recs), checks, files, tuple(report_files.kind(f) for f in files))


def run(store: Store, the_plan: Plan) -> Done:
    """Delete everything in ``the_plan`` (and take it out of the files that hold it)."""
    from ..checks import storage

    # The files first: their rows in the store name the players, and deleting the sessions
    # scrubs the database files afterwards (scrub.py), so no old copy of those rows is left.
    outcomes = report_files.forget_in(store, the_plan.files, report_files.Who(the_plan.player, the_plan.class_code))
    if the_plan.checks:
        storage.delete(store, player=the_plan.player, class_code=the_plan.class_code)
    gone = store.delete_sessions([r.id for r in the_plan.sessions]) if the_plan.sessions else 0
    if not the_plan.sessions and not the_plan.checks and outcomes:
        store.scrub()
    return Done(gone, tuple(outcomes))


def forget(store: Store, the_plan: Plan) -> int:
    """Delete everything in ``the_plan``; returns the number of sessions deleted."""
    return run(store, the_plan).sessions
