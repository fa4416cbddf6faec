"""The report as JSON: the whole model, transcripts included, for other tools."""

from __future__ import annotations

import json

from .model import Report, to_plain


def render(report: Report, *, transcripts: bool = True, checks=None) -> str:
    """``checks``: a game.checks.report.CheckReport, included under the key "checks"."""
    plain = to_plain(report, transcripts=transcripts)
    if checks is not None:
        from game.checks.report import to_plain as checks_plain

        plain["checks"] = checks_plain(checks)
    return json.dumps(plain, ensure_ascii=False, separators=(",", ":")) + "\n"
