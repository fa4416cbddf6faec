"""The counsellor view's **Export report**: the HTML and CSV reports of the shown filter, on this device.

``export_reports(store, data_dir, class_code, player)`` writes them (and the
checks CSV when there are checks) into ``<data folder>/reports/``, atomically,
named after the filter and the day, and remembers each file in the store
(``report_files``) so that ``forget`` and retention delete it too.
"""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path
from typing import Any

from game.checks import storage as check_storage
from game.results.reports import class_sessions
from game.results.reports import model as report_model
from game.results.store import NO_CLASS


def _write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder, so a half-written report never exists."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8", newline="")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def export_reports(store: Any, data_dir: Path | None, class_code: str | None,
                   player: str | None = None) -> list[Path]:
    """Write the HTML and CSV reports for the filter into DATA/reports; returns their paths."""
    from game.results.reports import csv_report, html_report

    folder = Path(data_dir or ".") / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    from game.checks import report as check_report
    from game.checks import report_csv as check_csv

    rep = report_model.build(store, class_code=class_code, player=player)
    checks = check_report.build(check_storage.rows(store, class_code=class_code, player=player))
    stem = "red-flags-report" + ("-no-class" if class_code == NO_CLASS else "")
    for part in (class_code, player):
        if part:
            stem += "-" + "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in part)[:24]
    stem += "-" + _dt.date.today().isoformat()
    out = []
    classes = class_sessions.build(store, class_code=class_code, player=player)
    texts = [("html", html_report.render(rep, checks=checks, classes=classes)), ("csv", csv_report.render(rep))]
    if not checks.empty:
        texts.append(("checks.csv", check_csv.render(checks)))
    for ext, text in texts:
        path = folder / f"{stem}.{ext}"
        _write_atomic(path, text)
        out.append(path)
    from game.results import report_files
    from game.results.store import Filters

    for path in out:        # so that forget and retention delete these files too
        report_files.remember(store, path, Filters(class_code=class_code, player=player))
    return out
