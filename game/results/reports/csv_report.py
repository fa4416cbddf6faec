"""The report as CSV: one row per session with every score part and count.

Meant for spreadsheets. Columns never change order (new ones are added at the
end); ``detection`` is the spotting part of the score, not the share of
warning signs flagged (that is ``hits`` / ``signal_items``); ``scoring_version``
says which scoring rules scored the row; ``report_reason`` is what a player who
reported said happened (an id of ``game.report_reasons``; empty otherwise).
Lists are joined with ``;``. Text that a spreadsheet would run as a formula is defused as OWASP recommends
("CSV Injection"): a cell starting with ``=``, ``+``, ``-``, ``@``, tab or
carriage return is prefixed with an apostrophe, and so is every such
character that follows a ``;`` or ``,`` inside a cell: a spreadsheet in a
locale whose separator is ``;`` splits ``x;=1+2`` into two cells, the second
a formula, whatever the quoting. Control characters are shown as
``\x1b``-style escapes.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from collections.abc import Iterator
from typing import Any

from ...safetext import neutralise
from .model import Report, SessionView

COLUMNS = (
    "session", "uid", "started", "ended", "player", "class", "scenario", "title", "kind",
    "scenario_sha256", "seed", "status", "complete", "outcome", "ending_node", "ending_outcome",
    "total", "detection", "exit", "privacy",
    "signal_items", "noise_items", "hits", "misses", "false_alarms",
    "hit_list", "miss_list", "false_alarm_list",
    "disclosures", "disclosure_count", "reported", "told_adult", "exit_point", "late",
    "stayed_too_long", "messages_delivered", "events", "duration_s",
    "exit_justified", "scoring_version", "report_reason",
)

_FORMULA = ("=", "+", "-", "@", "\t", "\r")
# a separator of any spreadsheet locale, then (after spaces or quotes) a formula character
_FORMULA_AFTER_SEPARATOR = re.compile(r"([;,][ \"']*)(?=[=+\-@\t\r])")


# what _safe changes: a formula character first or after a separator, or a control character
_RISKY = re.compile(r"^ *[=+\-@\t\r]|[;,][ \"']*[=+\-@\t\r]|[\x00-\x1f\x7f-\x9f]")


def _safe(value: Any) -> Any:
    if not isinstance(value, str) or not _RISKY.search(value):     # most cells: nothing to change
        return value
    if value.lstrip(" ").startswith(_FORMULA):   # some spreadsheets skip leading spaces
        value = "'" + value
    value = _FORMULA_AFTER_SEPARATOR.sub(r"\1'", value)
    return neutralise(value, keep_newlines=False)


def _iso(ts: float | None) -> str:
    if ts is None:
        return ""
    return _dt.datetime.fromtimestamp(ts).astimezone().isoformat(timespec="seconds")


def row(s: SessionView, sha: str = "") -> dict[str, Any]:
    return _row(s.id, s.uid, s.started_at, s.ended_at, s.player, s.class_code, s.scenario_id, s.title, s.kind,
                sha, s.seed, s.status, s.result, s.stayed_too_long, s.event_count, s.scoring_version,
                s.report_reason)


def _row(sid: int, uid: str, started_at: float, ended_at: float | None, player: str, class_code: str | None,
         scenario_id: str, title: str, kind: str, sha: str, seed: int | None, status: str,
         result: dict[str, Any] | None, stayed_too_long: bool, event_count: int,
         scoring_version: int, report_reason: str = "") -> dict[str, Any]:
    res = result or {}
    score = res.get("score") or {}
    sig = res.get("signal") or {}
    ending = res.get("ending") or {}

    def bool_(v: object) -> object:
        return "" if not res else int(bool(v))

    return {
        "session": sid, "uid": uid, "started": _iso(started_at), "ended": _iso(ended_at),
        "player": player, "class": class_code or "", "scenario": scenario_id, "title": title,
        "kind": kind, "scenario_sha256": sha or res.get("scenario_sha256", ""),
        "seed": "" if seed is None else seed, "status": status, "complete": int(status == "complete"),
        "outcome": res.get("outcome", ""), "ending_node": ending.get("node", ""),
        "ending_outcome": ending.get("outcome", ""),
        "total": score.get("total", ""), "detection": score.get("detection", ""),
        "exit": "" if score.get("exit") is None else score["exit"],
        "privacy": score.get("privacy", ""),
        "signal_items": sig.get("signal_items", ""), "noise_items": sig.get("noise_items", ""),
        "hits": sig.get("hits", ""), "misses": len(res["misses"]) if res else "",
        "false_alarms": sig.get("false_alarms", ""),
        "hit_list": ";".join(res.get("hits") or []), "miss_list": ";".join(res.get("misses") or []),
        "false_alarm_list": ";".join(res.get("false_alarms") or []),
        "disclosures": ";".join(res.get("disclosures") or []),
        "disclosure_count": len(res.get("disclosures") or []) if res else "",
        "reported": bool_(res.get("reported")), "told_adult": bool_(res.get("told_adult")),
        "exit_point": res.get("exit_point") or "", "late": res.get("late", ""),
        "stayed_too_long": int(stayed_too_long) if res else "",
        "messages_delivered": res.get("messages_delivered", ""), "events": event_count,
        "duration_s": res.get("duration_s", ""),
        "exit_justified": "" if res.get("exit_justified") is None else int(res["exit_justified"]),
        "scoring_version": scoring_version if res else "",
        "report_reason": report_reason if res.get("outcome") == "reported" else "",
    }


def stream(store: Any, filters: Any, out: Any, *, batch: int = 500) -> int:
    """Write the CSV of every session matching ``filters`` to the text file ``out`` as it is read.

    Sessions are read ``batch`` at a time and no event log is read, so memory
    stays flat for a whole district. The rows are made from the stored records
    directly (no transcript is built); a test checks they equal ``render``'s.
    Returns the number of rows."""
    from .model import NO_NICKNAME, _player_modes

    infos = store.scenario_infos()
    by_id = {str(i.get("id")): i for i in infos.values() if i.get("id")}
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    n = 0
    for recs in _batches(store.iter_sessions(_player_modes(filters), batch=batch), batch):
        # a report's reason is in the end event: read those of this batch's reported sessions, nothing else
        reasons = store.report_reasons([r.id for r in recs if r.status == "complete"
                                        and (r.result or {}).get("outcome") == "reported"])
        for rec in recs:
            info = infos.get(rec.scenario_sha256) or by_id.get(rec.scenario_id) or {}
            result = rec.result if rec.status == "complete" else None
            version = int((result or {}).get("scoring_version") or 1)
            r = _row(rec.id, rec.uid, rec.started_at, rec.ended_at, rec.player or NO_NICKNAME, rec.class_code,
                     rec.scenario_id, str(rec.title or info.get("title") or rec.scenario_id),
                     str(rec.kind or info.get("kind") or "grooming"), "", rec.seed, rec.status, result,
                     rec.stayed_too_long and result is not None, rec.event_count, version, reasons.get(rec.id, ""))
            writer.writerow([_safe(r[k]) for k in COLUMNS])
            n += 1
    return n


def _batches(records: Iterator[Any], size: int) -> Iterator[list[Any]]:
    """``records`` in lists of ``size`` (the last may be shorter)."""
    batch: list[Any] = []
    for rec in records:
        batch.append(rec)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def render(report: Report) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for s in sorted(report.sessions, key=lambda s: (s.started_at, s.id)):
        writer.writerow({k: _safe(v) for k, v in row(s).items()})
    return buf.getvalue()
