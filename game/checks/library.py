"""The forms a game knows: the bundled ones (game/data/checks/) and checking form files.

`check_form_files` is what `python main.py validate` runs for form files:
each file's own findings, then the whole-set rules against the other forms
being checked, the bundled forms, and the scenarios.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .. import paths
from ..diagnostics import Diagnostic, Reporter
from ..model import Scenario
from .loader import read_form
from .model import Form
from .rules import check_forms

FORMS_DIR = paths.DATA_DIR / "checks"


class FormError(Exception):
    """The forms cannot be used; the message is one line for the user."""


def form_files(folder: Path = FORMS_DIR) -> list[Path]:
    return sorted(p for p in Path(folder).glob("*.y*ml") if p.is_file())


def _read(path: Path) -> tuple[Form | None, Reporter]:
    report = Reporter(str(path))
    return read_form(path, report), report


def check_form_files(files: Iterable[Path], scenarios: Iterable[Scenario] = (),
                     bundled: Path | None = FORMS_DIR) -> list[Diagnostic]:
    """Findings for the form `files`, sorted by file and position."""
    read = [_read(Path(p)) for p in files]
    checked = [(form, report) for form, report in read if form is not None and not report.has_errors]
    given = {Path(p).resolve() for p in files}
    context = []
    if bundled is not None:
        for path in form_files(bundled):
            if path.resolve() not in given:
                form, report = _read(path)
                if form is not None and not report.has_errors:
                    context.append(form)
    broken = [form for form, report in read if form is not None and report.has_errors]
    check_forms(checked, context + broken, scenarios,
                broken=len(checked) < len(read))
    findings = [d for _, report in read for d in report.findings]
    return sorted(findings, key=lambda d: (d.file, d.line, d.col, d.code))


def load_forms(folder: Path = FORMS_DIR, scenarios: Iterable[Scenario] = ()) -> dict[str, Form]:
    """The forms of a folder by name; FormError naming the first error if any file has one."""
    files = form_files(folder)
    errors = [d for d in check_form_files(files, scenarios, bundled=None) if d.severity == "error"]
    if errors:
        raise FormError(errors[0].format())
    forms = {}
    for path in files:
        form, _ = _read(path)
        if form is not None:
            forms[form.name] = form
    return forms
