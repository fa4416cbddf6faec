"""`python main.py validate [PATH ...] [--strict] [--format text|json]`.

Scenario files and the discernment check's form files (a top-level `form:`
key) are checked alike; with no PATH, the bundled scenarios and forms.
"""

from __future__ import annotations

import json
import os
import sys

from .. import paths
from ..checks.library import FORMS_DIR, check_form_files
from ..checks.loader import is_form_file
from ..library import load_library
from ..validator import scenario_files, validate_paths


def add_parser(sub, common):
    p = sub.add_parser("validate", parents=[common], help="check scenario and check-form files",
                       description="Check scenario files and the check's form files "
                                   "(folders are searched for .yaml files).")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files or folders (default: the bundled scenarios/ and game/data/checks/)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--format", choices=("text", "json"), default="text")
    return p


def _shortest(folder):
    """The folder relative to the current directory when it is below it (shorter messages)."""
    relative = os.path.relpath(folder)
    return relative if not relative.startswith("..") else str(folder)


def run(args) -> int:
    targets = args.paths or [_shortest(paths.SCENARIOS_DIR)] + ([_shortest(FORMS_DIR)] if FORMS_DIR.is_dir() else [])
    files, missing = scenario_files(targets)
    if missing:
        for name in missing:
            print(f"validate: no such file or folder: {name}", file=sys.stderr)
        return 2
    if not files:
        print("validate: no .yaml scenario files found", file=sys.stderr)
        return 2
    forms = [f for f in files if is_form_file(f)]
    scenario_paths = [f for f in files if f not in forms]
    findings, scenarios = validate_paths(scenario_paths, strict=args.strict)
    if forms:
        given = {s.id for s in scenarios}
        context = scenarios + [s for s in load_library().scenarios if s.id not in given]
        form_findings = check_form_files(forms, context)
        if args.strict:
            form_findings = [d.promoted() for d in form_findings]
        findings = sorted(findings + form_findings, key=lambda d: (d.file, d.line, d.col, d.code))
    errors = sum(1 for d in findings if d.severity == "error")
    warnings = len(findings) - errors
    if args.format == "json":
        print(json.dumps([d.as_json() for d in findings], indent=2))
    else:
        for finding in findings:
            print(finding.format())
        print(f"{len(files)} file{'s' if len(files) != 1 else ''} checked: "
              f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}")
    return 1 if errors else 0
