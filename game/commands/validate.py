"""`python main.py validate [PATH ...] [--strict] [--format text|json]`."""

from __future__ import annotations

import json
import os
import sys

from .. import paths
from ..validator import scenario_files, validate_paths


def add_parser(sub, common):
    p = sub.add_parser("validate", parents=[common], help="check scenario files",
                       description="Check scenario files (folders are searched for .yaml files).")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: the bundled scenarios/)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--format", choices=("text", "json"), default="text")
    return p


def _shortest(folder):
    """The folder relative to the current directory when it is below it (shorter messages)."""
    relative = os.path.relpath(folder)
    return relative if not relative.startswith("..") else str(folder)


def run(args) -> int:
    files, missing = scenario_files(args.paths or [_shortest(paths.SCENARIOS_DIR)])
    if missing:
        for name in missing:
            print(f"validate: no such file or folder: {name}", file=sys.stderr)
        return 2
    if not files:
        print("validate: no .yaml scenario files found", file=sys.stderr)
        return 2
    findings, _ = validate_paths(files, strict=args.strict)
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
