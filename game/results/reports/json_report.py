"""The report as JSON: the whole model, transcripts included, for other tools."""

from __future__ import annotations

import dataclasses
import json

from .model import Report, to_plain


def render(report: Report, *, transcripts: bool = True, checks=None, classes=None) -> str:
    """``checks``: a game.checks.report.CheckReport, included under the key "checks";
    ``classes``: a class_sessions.ClassSessions (votes per reply, the flag heat map, class play
    apart), included under the key "class_sessions" when there is any."""
    plain = to_plain(report, transcripts=transcripts)
    if checks is not None:
        from game.checks.report import to_plain as checks_plain

        plain["checks"] = checks_plain(checks)
    if classes is not None and not classes.empty:
        plain["class_sessions"] = dataclasses.asdict(classes)
    return json.dumps(plain, ensure_ascii=False, separators=(",", ":")) + "\n"
