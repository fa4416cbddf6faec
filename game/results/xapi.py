"""Stored sessions as xAPI statements, for a school's learning record store (``export --format xapi``).

One JSON file holding an array of xAPI 1.0.3 statements, one per ended
session (``complete``: verb *completed*; ``quit``: verb *terminated*; a
session still open is left out, and so is a class's shared conversation,
mode ``class_session``, which belongs to nobody). Written as it is read and
atomically, like a bundle. The file is for an LRS to import (most accept a
POST of such an array to ``/statements``); it is not a bundle and cannot be
imported back.

- ``id``: a UUID derived from the session's uid (UUID 5), so exporting again
  gives the same ids and an LRS keeps each statement once.
- ``actor``: an account (nickname only, never a real name) on the home page
  ``HOME/school/<school>``; ``HOME`` is ``https://red-flags.invalid/``
  (``.invalid`` never resolves: these are names, not addresses), or
  ``--xapi-home URL`` for the school's own.
- ``object``: the scenario, ``HOME/scenario/<id>``, of type *simulation*.
- ``result``: the total score (``raw`` 0-100 and ``scaled``), completion,
  duration, and the score parts and signal counts as extensions.
- ``context``: class, school, scoring version and mode as extensions.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import safefile
from .bundle import CutSummary, ExportSummary, Pair, pair_of
from .store import Filters, SessionRecord, Store

HOME = "https://red-flags.invalid/"
NAMESPACE = uuid.UUID("6f0c1f4e-3d1b-5c55-9a51-72656466c167")    # fixed: the same session, the same id
VERBS = {
    "complete": ("http://adlnet.gov/expapi/verbs/completed", "completed"),
    "quit": ("http://adlnet.gov/expapi/verbs/terminated", "terminated"),
}
ACTIVITY_TYPE = "http://adlnet.gov/expapi/activities/simulation"
NO_NICKNAME = "(no nickname)"


def _iso(ts: float) -> str:
    return _dt.datetime.fromtimestamp(ts, _dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _duration(seconds: float) -> str:
    return f"PT{max(0.0, seconds):.2f}S"


def statement(rec: SessionRecord, home: str = HOME) -> dict[str, Any] | None:
    """The xAPI statement of one stored session (None when it has none: still open, or a class's conversation)."""
    if rec.status not in VERBS or rec.mode == "class_session":
        return None
    home = home if home.endswith("/") else home + "/"
    ext = home + "xapi/"
    verb_id, verb_word = VERBS[rec.status]
    res = rec.result or {}
    score = res.get("score") or {}
    sig = res.get("signal") or {}
    result: dict[str, Any] = {"completion": rec.status == "complete"}
    if rec.status == "complete" and score.get("total") is not None:
        total = max(0.0, min(100.0, float(score["total"])))
        result["score"] = {"raw": total, "min": 0, "max": 100, "scaled": round(total / 100, 4)}
        result["extensions"] = {
            ext + "score-parts": {k: score.get(k) for k in ("detection", "exit", "privacy")},
            ext + "signal": {k: sig.get(k) for k in ("signal_items", "noise_items", "hits", "false_alarms")},
            ext + "outcome": res.get("outcome"),
        }
    end = rec.ended_at or rec.updated_at
    result["duration"] = _duration(float(res.get("duration_s") or (end - rec.started_at)))
    context_ext: dict[str, Any] = {ext + "mode": rec.mode, ext + "school": rec.school}
    if rec.class_code:
        context_ext[ext + "class"] = rec.class_code
    if res.get("scoring_version") is not None or rec.status == "complete":
        context_ext[ext + "scoring-version"] = int(res.get("scoring_version") or 1)
    return {
        "id": str(uuid.uuid5(NAMESPACE, rec.uid)),
        "actor": {"objectType": "Agent", "account": {
            "homePage": home + "school/" + quote(rec.school or "device", safe=""),
            "name": rec.player or NO_NICKNAME}},
        "verb": {"id": verb_id, "display": {"en-US": verb_word}},
        "object": {"objectType": "Activity", "id": home + "scenario/" + quote(rec.scenario_id, safe=""),
                   "definition": {"type": ACTIVITY_TYPE, "name": {"en": rec.title or rec.scenario_id}}},
        "result": result,
        "context": {"platform": "Red Flags", "language": "en", "extensions": context_ext},
        "timestamp": _iso(end),
    }


def write(store: Store, out: str | os.PathLike[str], filters: Filters | None = None,
          *, home: str = HOME) -> ExportSummary:
    """Write the statements of the sessions matching ``filters`` to ``out`` (a JSON array).

    The file appears complete or not at all (``game.safefile``'s rules, as for reports)."""
    out = Path(out).resolve()
    n = 0
    pairs: set[Pair] = set()
    with safefile.open_text(out) as fh:
        fh.write("[")
        for rec in store.iter_sessions(filters or Filters()):
            st = statement(rec, home)
            if st is None:
                continue
            fh.write(("\n" if n == 0 else ",\n") + json.dumps(st, ensure_ascii=False, separators=(",", ":")))
            pairs.add(pair_of({"player": rec.player, "class": rec.class_code}))
            n += 1
        fh.write("\n]\n")
    return ExportSummary(out, n, 0, frozenset(pairs))


def who(st: Any) -> dict[str, Any] | None:
    """``{"player", "class"}`` of one statement of ours (as a bundle names them), or None if it is not one."""
    if not isinstance(st, dict) or not isinstance(st.get("actor"), dict) or "verb" not in st:
        return None
    account = st["actor"].get("account")
    context = st.get("context")
    if not isinstance(account, dict) or not isinstance(context, dict) or context.get("platform") != "Red Flags":
        return None
    name = account.get("name")
    raw = context.get("extensions")
    ext: dict[str, Any] = raw if isinstance(raw, dict) else {}
    code = next((v for k, v in ext.items() if str(k).endswith("/xapi/class")), None)
    return {"player": None if name == NO_NICKNAME else name, "class": code}


def read_statements(path: Path) -> list[dict[str, Any]]:
    """The statements of an xAPI file this game wrote; ValueError when it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ValueError(f"{path.name}: not an xAPI file of this game") from exc
    if not isinstance(data, list) or any(who(st) is None for st in data):
        raise ValueError(f"{path.name}: not an xAPI file of this game")
    return data


def cut(path: str | os.PathLike[str], drop: Callable[[dict[str, Any]], bool]) -> CutSummary:
    """Rewrite the xAPI file at ``path`` without the statements whose player (``who``) ``drop`` matches.

    Replaced atomically; a file left with no statement is deleted. ValueError when it is not
    an xAPI file of this game (nothing is changed)."""
    path = Path(path).resolve()
    old = read_statements(path)
    kept = [st for st in old if not drop(who(st) or {})]
    pairs = frozenset(pair_of(who(st) or {}) for st in kept)
    if len(kept) == len(old):
        return CutSummary(len(kept), 0, pairs)
    if not kept:
        os.unlink(path)
        return CutSummary(0, len(old), frozenset())
    with safefile.open_text(path) as fh:
        fh.write("[" + "".join(("\n" if i == 0 else ",\n") + json.dumps(st, ensure_ascii=False, separators=(",", ":"))
                               for i, st in enumerate(kept)) + "\n]\n")
    return CutSummary(len(kept), len(old) - len(kept), pairs)
