"""The checks as CSV, one row per check (`python main.py report --format csv --checks`).

Columns never change order; `answers` is the answers as `item:red3;item:skip`.
Text a spreadsheet would run as a formula is prefixed with an apostrophe
(the same rule as the session CSV).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from ..results.reports.csv_report import _iso, _safe
from .report import CheckReport, CheckRow

COLUMNS = ("check", "uid", "taken", "player", "class", "form", "phase", "complete",
           "signal_items", "noise_items", "hits", "false_alarms", "hit_rate", "fa_rate", "d_prime", "c", "auc",
           "answered", "skipped", "answers")


def _answers(record: dict[str, Any]) -> str:
    return ";".join(f"{a['item']}:skip" if a.get("skip") else f"{a['item']}:{a.get('answer')}{a.get('confidence')}"
                    for a in record.get("answers", []))


def row(r: CheckRow) -> dict[str, Any]:
    rec = dict(r.record)
    answers = rec.get("answers", [])
    def blank(v):
        return "" if v is None else v
    return {"check": r.id, "uid": r.uid, "taken": _iso(r.taken_at), "player": r.player or "",
            "class": r.class_code or "", "form": rec.get("form", ""), "phase": rec.get("phase", ""),
            "complete": int(bool(rec.get("complete"))),
            **{k: blank(rec.get(k)) for k in ("signal_items", "noise_items", "hits", "false_alarms",
                                              "hit_rate", "fa_rate", "d_prime", "c", "auc")},
            "answered": sum(1 for a in answers if not a.get("skip")),
            "skipped": sum(1 for a in answers if a.get("skip")), "answers": _answers(rec)}


def render(report: CheckReport) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for r in report.rows:
        writer.writerow({k: _safe(v) for k, v in row(r).items()})
    return buf.getvalue()
