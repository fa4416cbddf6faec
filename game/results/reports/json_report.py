"""The report as JSON: the whole model, transcripts included, for other tools."""

from __future__ import annotations

import json

from .model import Report, to_plain


def render(report: Report, *, transcripts: bool = True) -> str:
    return json.dumps(to_plain(report, transcripts=transcripts), ensure_ascii=False,
                      separators=(",", ":")) + "\n"
