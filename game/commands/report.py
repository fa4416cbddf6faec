"""`python main.py report`: counsellor reports from the stored results.

    python main.py report [--class CODE] [--player NAME] [--since DATE]
                          [--format html|csv|json] [--out FILE]

HTML is one self-contained file; CSV has one row per session (with ``--checks``,
one row per discernment check); JSON holds the
whole report model. Without ``--out`` the report goes to standard output,
except HTML on a terminal, which is written to a dated file in the current
folder. Unfinished sessions are included and marked; a summary line on
standard error counts them.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .. import safefile, scoring
from . import open_store


def add_parser(sub, common):
    p = sub.add_parser("report", parents=[common], help="counsellor reports from stored results",
                       description="Build a counsellor report from the results stored on this device.")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--class", dest="class_code", metavar="CODE", help="only this class")
    which.add_argument("--no-class", action="store_true", dest="no_class",
                       help="only the sessions played without a class code")
    p.add_argument("--player", metavar="NAME", help="only this nickname (any case)")
    p.add_argument("--since", metavar="DATE",
                   help="only sessions started on or after DATE (YYYY-MM-DD, or a number of days like 30d)")
    p.add_argument("--school", metavar="NAME", help="only this school (a district database)")
    p.add_argument("--format", choices=("html", "csv", "json"), default="html", help="default: html")
    p.add_argument("--out", metavar="FILE", help="write the report to FILE ('-' = standard output)")
    p.add_argument("--checks", action="store_true",
                   help="with --format csv: the discernment checks, one row per check, instead of the sessions")
    p.add_argument("--follow-up", action="store_true", dest="follow_up",
                   help="HTML and JSON: add the players worth a quiet conversation (for the counsellor alone)")
    p.add_argument("--rescore", action="store_true",
                   help="recompute every stored result from its events before reporting")
    return p


def parse_since(text: str, *, now: float | None = None) -> float:
    """A start time from ``YYYY-MM-DD`` (local midnight), an ISO date-time, or ``Nd`` (N days ago)."""
    text = text.strip()
    m = re.fullmatch(r"(\d+)\s*d(ays?)?", text)
    if m:
        base = _dt.datetime.fromtimestamp(now) if now is not None else _dt.datetime.now()
        try:
            day = (base - _dt.timedelta(days=int(m.group(1)))).replace(hour=0, minute=0, second=0, microsecond=0)
            return day.timestamp()
        except (OverflowError, ValueError, OSError):   # before the year 1 (or the platform's calendar)
            raise ValueError(f"'{text}' is further back than this computer's clock can count; "
                             "use fewer days, or a date after 1970") from None
    try:
        moment = _dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text}' is not a date (use YYYY-MM-DD or a number of days like 30d)") from None
    try:
        return moment.timestamp()
    except (OverflowError, ValueError, OSError):   # the year 1, for example, has no local time
        raise ValueError(f"'{text}' is further back than this computer's clock can count; "
                         "use a date after 1970") from None


def since_option(args, command: str) -> tuple[bool, float | None]:
    """``--since`` read from ``args``: (True, start or None), or (False, None) after saying why, once."""
    if not args.since:
        return True, None
    try:
        return True, parse_since(args.since)
    except ValueError as exc:
        print(f"{command}: {exc}", file=sys.stderr)
        return False, None


def default_name(args, fmt: str) -> str:
    parts = ["red-flags-report"] + (["no-class"] if getattr(args, "no_class", False) else [])
    for value in (args.class_code, args.player):
        if value:
            parts.append(re.sub(r"[^A-Za-z0-9_-]+", "_", value)[:24])
    parts.append(_dt.date.today().isoformat())
    return "-".join(parts) + f".{fmt}"


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder, so a half-written report never exists.

    Only a regular file is ever replaced; a FIFO or device is written in place, a folder refused
    (game.safefile).
    """
    safefile.write_text(path, text)


@contextlib.contextmanager
def open_atomic(path: Path) -> Iterator[IO[str]]:
    """A text file that appears at ``path`` complete or not at all (see ``write_atomic``)."""
    with safefile.open_text(path) as fh:
        yield fh


def run(args) -> int:
    from ..checks import report as check_report
    from ..checks import report_csv as check_csv
    from ..checks import storage as check_storage
    from ..results import report_files as reports_files
    from ..results import retention
    from ..results.reports import aggregate, class_sessions, csv_report, html_report, json_report, model
    from ..results.store import NO_CLASS, Filters

    since_ok, since = since_option(args, "report")
    if not since_ok:
        return 2
    if getattr(args, "no_class", False):
        args.class_code = NO_CLASS        # Filters: the sessions without a class code
    out = args.out
    if out and out != "-":
        reason = safefile.problem(out)
        if reason:
            print(f"report: cannot write --out '{out}': {reason}", file=sys.stderr)
            return 2
    store = open_store(args, "report")
    if store is None:
        return 1
    with store:
        purged = retention.purge_expired(store)
        rescored = store.rescore_all() if args.rescore else None
        purge_notes = retention.purge_notes(store)
        filters = Filters(class_code=args.class_code, player=args.player, since=since,
                          school=getattr(args, "school", None))
        report = None
        checks = check_report.build(check_storage.rows(store, class_code=args.class_code, player=args.player,
                                                       since=since))
        if out is None and args.format == "html" and sys.stdout.isatty():
            out = default_name(args, "html")
        try:
            if args.format == "csv" and not args.checks:
                # Streamed: sessions are written as they are read, so a district's CSV needs little memory.
                ov, _counts = aggregate.overview(store, filters)
                if out is None or out == "-":
                    csv_report.stream(store, filters, sys.stdout)
                else:
                    with open_atomic(Path(out)) as fh:
                        csv_report.stream(store, filters, fh)
            else:
                if args.format == "csv":
                    report = None
                    ov, _counts = aggregate.overview(store, filters)
                    text = check_csv.render(checks)
                else:
                    report = model.build(store, class_code=args.class_code, player=args.player, since=since,
                                         school=getattr(args, "school", None),
                                         follow_up=bool(getattr(args, "follow_up", False)))
                    ov = report.overview
                    classes = class_sessions.build(store, class_code=args.class_code, player=args.player,
                                                   since=since, school=getattr(args, "school", None))
                    if args.format == "html":
                        text = html_report.render(report, checks=checks, classes=classes)
                    else:
                        text = json_report.render(report, checks=checks, classes=classes)
                if out is None or out == "-":
                    sys.stdout.write(text)
                else:
                    write_atomic(Path(out), text)
            if out is None or out == "-":
                sys.stdout.flush()
                where = "standard output"
            else:
                where = out
                reports_files.remember(store, Path(out), filters)
        except safefile.OutputError as exc:
            print(f"report: {exc}", file=sys.stderr)
            return 1
        except OSError as exc:
            if isinstance(exc, BrokenPipeError):
                raise
            target = "standard output" if out in (None, "-") else f"'{out}'"
            print(f"report: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
            return 1
    summary = (f"report: {ov['sessions']} session{'s' if ov['sessions'] != 1 else ''} "
               f"({ov['complete']} finished, {ov['unfinished']} unfinished)")
    if checks.rows:
        summary += f", {len(checks.rows)} check{'s' if len(checks.rows) != 1 else ''}"
    summary += f" -> {where}"
    if rescored is not None:
        summary += f"; {rescored} stored session{'s' if rescored != 1 else ''} rescored under scoring version " \
                   f"{scoring.SCORING_VERSION}"
    print(summary, file=sys.stderr)
    for note in purge_notes if purged else purge_notes[:1]:   # what retention deleted, and when
        print(f"report: {note}", file=sys.stderr)
    if report is not None and report.version_note:
        print(f"report: {report.version_note}", file=sys.stderr)
    if not ov["sessions"]:
        print("report: no stored sessions match; play with --player/--class to record some", file=sys.stderr)
    return 0
