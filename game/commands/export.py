"""`python main.py export`: write stored sessions, with all their events, to one bundle file.

    python main.py export --out FILE [--class CODE] [--player NAME] [--since DATE] [--school NAME]
                          [--format bundle|xapi] [--xapi-home URL]

For a device that is not on the network: carry the file (a USB stick) to
the computer that holds the school's results and run ``import`` there. The
bundle format is described in ``game/results/bundle.py``. ``--format xapi``
writes xAPI statements for a learning record store instead
(``game/results/xapi.py``); they cannot be imported back. Either file is
remembered in the store with the players it holds, so ``forget`` takes
them out of it and retention deletes it (``game/results/report_files.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import open_store


def add_parser(sub, common):
    p = sub.add_parser("export", parents=[common], help="write stored sessions to a bundle file",
                       description="Write the stored sessions (all their events) to one bundle file, "
                                   "to carry results from a device that is not on the network.")
    p.add_argument("--out", metavar="FILE", required=True, help="the bundle file to write")
    p.add_argument("--class", dest="class_code", metavar="CODE", help="only this class")
    p.add_argument("--player", metavar="NAME", help="only this nickname (any case)")
    p.add_argument("--since", metavar="DATE",
                   help="only sessions started on or after DATE (YYYY-MM-DD, or a number of days like 30d)")
    p.add_argument("--school", metavar="NAME", help="only this school (a district database)")
    p.add_argument("--format", choices=("bundle", "xapi"), default="bundle",
                   help="bundle (default: for `import`) or xapi (statements for a learning record store)")
    p.add_argument("--xapi-home", metavar="URL",
                   help="with --format xapi: the school's web address that names players and scenarios")
    return p


def run(args) -> int:
    from ..results import bundle
    from ..results.store import Filters
    from .report import since_option

    since_ok, since = since_option(args, "export")
    if not since_ok:
        return 2
    out = Path(args.out)
    if out.is_dir():
        print(f"export: '{out}' is a folder; give a file name such as {out / 'results.rfbundle'}", file=sys.stderr)
        return 2
    if not out.resolve().parent.is_dir():
        print(f"export: the folder for --out '{out}' does not exist", file=sys.stderr)
        return 2
    store = open_store(args, "export")
    if store is None:
        return 1
    with store:
        filters = Filters(class_code=args.class_code, player=args.player, since=since, school=args.school)
        try:
            if getattr(args, "format", "bundle") == "xapi":
                from ..results import xapi

                home = args.xapi_home or xapi.HOME
                if not home.startswith(("https://", "http://")):
                    print(f"export: --xapi-home must be a web address (https://...), not '{home}'", file=sys.stderr)
                    return 2
                done = xapi.write(store, out, filters, home=home)
                noun = "statement" if done.sessions == 1 else "statements"
                print(f"export: {done.sessions} {noun} (xAPI) -> {done.path}", file=sys.stderr)
                remember(store, done, filters)
                return 0
            done = bundle.write(store, out, filters)
        except OSError as exc:
            print(f"export: cannot write '{out}': {exc.strerror or exc}", file=sys.stderr)
            return 1
        remember(store, done, filters)
    noun = "session" if done.sessions == 1 else "sessions"
    print(f"export: {done.sessions} {noun} ({done.events} events) -> {done.path}", file=sys.stderr)
    if not done.sessions:
        print("export: no stored sessions match; the bundle is empty", file=sys.stderr)
    return 0


def remember(store, done, filters) -> None:
    """Note the file in the store, so that ``forget`` and retention reach it too (report_files)."""
    from ..results import report_files
    from ..results.db import ERRORS

    try:
        report_files.remember(store, done.path, filters, pairs=done.pairs)
    except ERRORS as exc:
        print(f"export: note: this file could not be noted in the results store ({str(exc).splitlines()[0][:100]}), "
              "so forget and retention will not reach it; delete it by hand once it has been imported",
              file=sys.stderr)
