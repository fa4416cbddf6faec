"""Results bundles: carry sessions from a device that is not on the network, and merge them.

A bundle is one gzip-compressed file of JSON lines, self-describing and versioned:

1. a header: ``{"format": "red-flags-results-bundle", "version": 1, "created_at", "filters",
   "scoring_version", "note"}``;
2. one line per scenario whose facts reports need: ``{"scenario": {"sha256", "id", "info"}}``;
3. one line per session, with every event: ``{"session": {"uid", "scenario_id",
   "scenario_sha256", "seed", "player", "class", "school", "mode", "class_session_uid",
   "started_at", "updated_at", "ended_at", "status", "scoring_version", "result"},
   "events": [...], "votes": [...]}``;
4. (version 2) one line per discernment check (docs/checks.md): ``{"check": {"uid", "school",
   "player", "class", "form", "form_sha256", "phase", "taken_at", "complete", "record"}}``;
5. a trailer: ``{"end": {"sessions": N, "checks": M, "sha256": HEX}}``, the SHA-256 of every
   byte before it (uncompressed).

Exporting streams the sessions, so memory stays flat however many there are.
Importing first reads the whole file and checks it (format, version, checksum,
every line), and only then writes, all of it in one transaction: a damaged
or foreign file is refused with one line and changes nothing. Sessions are
merged by their uid: a session already in the store is not added again; if
the bundle holds a longer log of it (the device played on after an earlier
export), the missing events are added.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .store import Filters, Store

FORMAT = "red-flags-results-bundle"
VERSION = 2                          # 2: checks; version 1 bundles (no checks) still import
MAX_LINE = 64 * 1024 * 1024          # one session's line; far above any real session
NOTE = ("Results of Red Flags sessions (nicknames only). Keep this file like any pupil record "
        "and delete it once it has been imported.")


class BundleError(Exception):
    """The file is not a usable bundle (one-line message)."""


Pair = tuple[str | None, str | None]      # (nickname key, class code): whose data a file holds


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    sessions: int
    events: int
    pairs: frozenset[Pair] = frozenset()  # the players written (for forget and retention: report_files)


def pair_of(obj: dict[str, Any]) -> Pair:
    """(nickname key, class code) of a session or check as a bundle holds it."""
    from . import identity

    return identity.nickname_key(obj.get("player")), identity.clean_class_code(obj.get("class"))


@dataclass(frozen=True)
class ImportSummary:
    path: Path
    sessions: int            # in the bundle
    added: int               # new sessions
    extended: int            # sessions that were here with fewer events
    already: int             # sessions that were here in full
    checks: int = 0          # discernment checks in the bundle
    checks_added: int = 0    # of which new here


def _line(obj: Any) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n").encode("utf-8")


def _scoring_version() -> int:
    try:
        from game import scoring

        return int(getattr(scoring, "SCORING_VERSION", getattr(scoring, "VERSION", 1)))
    except Exception:  # noqa: BLE001 - a label only
        return 1


class _Writer:
    """A bundle being written: a temporary file next to ``out``, replaced atomically at the end."""

    def __init__(self, out: Path) -> None:
        self.out = out
        fd, self.tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
        self.raw = os.fdopen(fd, "wb")
        self.gz = gzip.GzipFile(fileobj=self.raw, mode="wb", mtime=0)
        self.digest = hashlib.sha256()

    def put(self, obj: Any) -> None:
        data = _line(obj)
        self.digest.update(data)
        self.gz.write(data)

    def finish(self, sessions: int, checks: int) -> None:
        self.gz.write(_line({"end": {"sessions": sessions, "checks": checks, "sha256": self.digest.hexdigest()}}))
        self.gz.close()
        self.raw.flush()
        os.fsync(self.raw.fileno())
        self.raw.close()
        os.replace(self.tmp, self.out)

    def abandon(self) -> None:
        for close in (self.gz.close, self.raw.close):
            try:
                close()
            except (OSError, ValueError):
                pass
        try:
            os.unlink(self.tmp)
        except OSError:
            pass


def write(store: Store, out: str | os.PathLike[str], filters: Filters | None = None) -> ExportSummary:
    """Write the sessions matching ``filters`` (all their events) to the bundle file ``out``."""
    out = Path(out).resolve()
    filters = filters or Filters()
    sessions = events = 0
    pairs: set[Pair] = set()
    writer = _Writer(out)
    try:
        writer.put({"format": FORMAT, "version": VERSION, "created_at": time.time(),
                    "scoring_version": _scoring_version(), "note": NOTE,
                    "filters": {k: v for k, v in vars(filters).items() if v is not None}})
        shas: set[str] = set()
        for rec in store.iter_sessions(filters):
            shas.add(rec.scenario_sha256)
        for sha, info in sorted(store.scenario_infos(shas).items()):
            writer.put({"scenario": {"sha256": sha, "id": info.get("id"), "info": info}})
        for rec in store.iter_sessions(filters, with_events=True):
            session = {
                "uid": rec.uid, "scenario_id": rec.scenario_id, "scenario_sha256": rec.scenario_sha256,
                "scenario_path": rec.scenario_path, "seed": rec.seed, "player": rec.player,
                "class": rec.class_code, "school": rec.school, "mode": rec.mode,
                "class_session_uid": rec.class_session_uid, "started_at": rec.started_at,
                "updated_at": rec.updated_at, "ended_at": rec.ended_at, "status": rec.status,
                "scoring_version": (rec.result or {}).get("scoring_version", 1 if rec.result else None),
                "result": rec.result}
            writer.put({"session": session, "events": rec.events or [],
                        "votes": store.votes(rec.id) if rec.mode == "class_session" else []})
            pairs.add(pair_of(session))
            sessions += 1
            events += len(rec.events or [])
        from ..checks import storage as check_storage

        checks = check_storage.export_rows(store, class_code=filters.class_code, player=filters.player,
                                           since=filters.since, school=filters.school)
        for check in checks:
            writer.put({"check": check})
            pairs.add(pair_of(check))
        writer.finish(sessions, len(checks))
    except BaseException:
        writer.abandon()
        raise
    return ExportSummary(out, sessions, events, frozenset(pairs))


@dataclass(frozen=True)
class CutSummary:
    kept: int                 # sessions and checks left in the file (0: the file was deleted)
    removed: int              # sessions and checks taken out
    pairs: frozenset[Pair]    # whose data the file still holds


def cut(path: str | os.PathLike[str], drop: Callable[[dict[str, Any]], bool]) -> CutSummary:
    """Rewrite the bundle at ``path`` without the sessions and checks for which ``drop`` is true.

    ``drop`` gets a session's or a check's plain dict (``player``, ``class``, ...). The file is
    replaced atomically and keeps only the scenarios its sessions still need; a file left with
    nothing is deleted. BundleError when it is not a readable bundle (nothing is changed).
    """
    path = Path(path).resolve()
    old = read(path)
    sessions = [s for s in old.sessions if not drop(s["session"])]
    checks = [c for c in old.checks if not drop(c)]
    removed = len(old.sessions) - len(sessions) + len(old.checks) - len(checks)
    pairs = frozenset([pair_of(s["session"]) for s in sessions] + [pair_of(c) for c in checks])
    if not removed:
        return CutSummary(len(sessions) + len(checks), 0, pairs)
    if not sessions and not checks:
        os.unlink(path)
        return CutSummary(0, removed, frozenset())
    needed = {s["session"].get("scenario_sha256") for s in sessions}
    writer = _Writer(path)
    try:
        writer.put(old.header)
        for scenario in old.scenarios:
            if scenario["sha256"] in needed:
                writer.put({"scenario": scenario})
        for session in sessions:
            writer.put(session)
        for check in checks:
            writer.put({"check": check})
        writer.finish(len(sessions), len(checks))
    except BaseException:
        writer.abandon()
        raise
    return CutSummary(len(sessions) + len(checks), removed, pairs)


# -- reading -------------------------------------------------------------------------

@dataclass
class Bundle:
    header: dict[str, Any]
    scenarios: list[dict[str, Any]]
    sessions: list[dict[str, Any]]
    checks: list[dict[str, Any]] = field(default_factory=list)


def _open_lines(path: Path) -> Iterator[bytes]:
    try:
        with open(path, "rb") as fh:
            magic = fh.read(2)
            fh.seek(0)
            if magic != b"\x1f\x8b":
                raise BundleError(f"{path.name}: not a Red Flags results bundle")
            with gzip.GzipFile(fileobj=fh, mode="rb") as gz:
                stream: IO[bytes] = gz      # type: ignore[assignment]
                while True:
                    line = stream.readline(MAX_LINE + 1)
                    if not line:
                        return
                    if len(line) > MAX_LINE:
                        raise BundleError(f"{path.name}: damaged bundle (a line is too long)")
                    yield line
    except (OSError, EOFError, zlib.error) as exc:
        if isinstance(exc, FileNotFoundError):
            raise BundleError(f"{path}: no such file") from None
        if isinstance(exc, PermissionError):
            raise BundleError(f"{path}: cannot be read (permission denied)") from None
        raise BundleError(f"{path.name}: damaged bundle ({type(exc).__name__}: {str(exc)[:80]})") from None


def read(path: str | os.PathLike[str]) -> Bundle:
    """Read and check a bundle completely; BundleError (one line) if anything is wrong."""
    path = Path(path)
    digest = hashlib.sha256()
    header: dict[str, Any] | None = None
    scenarios: list[dict[str, Any]] = []
    sessions: list[dict[str, Any]] = []
    checks: list[dict[str, Any]] = []
    trailer: dict[str, Any] | None = None
    for n, raw in enumerate(_open_lines(path), start=1):
        if trailer is not None:
            raise BundleError(f"{path.name}: damaged bundle (data after its end)")
        try:
            obj = json.loads(raw)
        except ValueError:
            raise BundleError(f"{path.name}: damaged bundle (line {n} is not JSON)") from None
        if not isinstance(obj, dict):
            raise BundleError(f"{path.name}: damaged bundle (line {n})")
        if header is None:
            if obj.get("format") != FORMAT:
                raise BundleError(f"{path.name}: not a Red Flags results bundle")
            if not isinstance(obj.get("version"), int) or obj["version"] > VERSION:
                raise BundleError(f"{path.name}: bundle version {obj.get('version')} is newer than this "
                                  f"game understands ({VERSION}); update the game")
            header = obj
        elif "end" in obj:
            trailer = obj["end"] if isinstance(obj["end"], dict) else {}
            continue
        elif "scenario" in obj:
            scenarios.append(_check_scenario(obj["scenario"], path, n))
        elif "session" in obj:
            sessions.append(_check_session(obj, path, n))
        elif "check" in obj:
            checks.append(_check_check(obj["check"], path, n))
        else:
            raise BundleError(f"{path.name}: damaged bundle (line {n} is neither a session nor a scenario)")
        digest.update(raw)
    if header is None:
        raise BundleError(f"{path.name}: not a Red Flags results bundle (empty)")
    if trailer is None:
        raise BundleError(f"{path.name}: damaged bundle (it ends early: cut off while copying?)")
    if trailer.get("sha256") != digest.hexdigest() or trailer.get("sessions") != len(sessions) \
            or trailer.get("checks", 0) != len(checks):
        raise BundleError(f"{path.name}: damaged bundle (checksum does not match)")
    return Bundle(header, scenarios, sessions, checks)


def _check_check(obj: Any, path: Path, n: int) -> dict[str, Any]:
    ok = (isinstance(obj, dict) and isinstance(obj.get("uid"), str) and obj["uid"]
          and isinstance(obj.get("form"), str) and obj.get("phase") in ("pre", "post", "followup")
          and isinstance(obj.get("taken_at"), (int, float)) and isinstance(obj.get("record"), dict))
    if not ok:
        raise BundleError(f"{path.name}: damaged bundle (line {n}: check)")
    return obj


def _check_scenario(obj: Any, path: Path, n: int) -> dict[str, Any]:
    if not (isinstance(obj, dict) and isinstance(obj.get("sha256"), str) and isinstance(obj.get("info"), dict)):
        raise BundleError(f"{path.name}: damaged bundle (line {n}: scenario)")
    return obj


def _check_session(obj: dict[str, Any], path: Path, n: int) -> dict[str, Any]:
    s, events = obj.get("session"), obj.get("events")
    ok = (isinstance(s, dict) and isinstance(s.get("uid"), str) and s["uid"]
          and isinstance(events, list) and events and all(isinstance(e, dict) for e in events)
          and events[0].get("type") == "start"
          and s.get("status") in ("open", "quit", "complete")
          and s.get("mode", "solo") in ("solo", "class", "class_session")
          and isinstance(s.get("started_at"), (int, float)) and isinstance(s.get("updated_at"), (int, float))
          and isinstance(obj.get("votes", []), list))
    if not ok:
        raise BundleError(f"{path.name}: damaged bundle (line {n}: session)")
    return obj


def import_file(store: Store, path: str | os.PathLike[str], *, school: str | None = None) -> ImportSummary:
    """Check the bundle at ``path`` and merge its sessions into ``store`` (one transaction).

    ``school``: the school to file sessions under that came from a device with none."""
    from ..checks import storage as check_storage

    bundle = read(path)
    added, extended, already = store.merge_sessions(bundle.sessions, bundle.scenarios, school=school)
    # checks go in their own transaction after the sessions; importing again adds only what is missing
    checks_added = check_storage.merge(store, bundle.checks, school=school)
    return ImportSummary(Path(path), len(bundle.sessions), added, extended, already,
                         len(bundle.checks), checks_added)
