"""`python main.py import FILE ...`: add the sessions of bundle files to this results store.

    python main.py import FILE [FILE ...] [--school NAME]

Each file is checked completely before anything is written, and merged in
one transaction: a damaged or foreign file is refused with one line and
changes nothing. Sessions are matched by their id, so importing the same
bundle twice, or bundles that overlap, adds nothing twice. Exit status 0
when every file was imported, 1 when one was refused (the others are still
imported), 2 for a bad command line.
"""

from __future__ import annotations

import sys

from . import open_store


def add_parser(sub, common):
    p = sub.add_parser("import", parents=[common], help="add the sessions of bundle files to this store",
                       description="Add the sessions of bundle files (from `export`) to this results store; "
                                   "importing the same bundle twice adds nothing.")
    p.add_argument("files", metavar="FILE", nargs="+", help="bundle files written by `export`")
    p.add_argument("--school", metavar="NAME",
                   help="file sessions from a device without a school name under this school")
    return p


def run(args) -> int:
    from ..results import bundle
    from ..results.db import ERRORS

    store = open_store(args, "import")
    if store is None:
        return 1
    status = 0
    with store:
        for name in args.files:
            try:
                got = bundle.import_file(store, name, school=args.school)
            except bundle.BundleError as exc:
                print(f"import: {exc}; nothing was imported from it", file=sys.stderr)
                status = 1
                continue
            except ERRORS as exc:
                print(f"import: {name}: the results store could not be written ({str(exc).splitlines()[0][:120]}); "
                      "nothing was imported from it", file=sys.stderr)
                status = 1
                continue
            parts = [f"{got.added} added"]
            if got.extended:
                parts.append(f"{got.extended} completed")
            if got.already:
                parts.append(f"{got.already} already here")
            checks = (f"; {got.checks} check{'s' if got.checks != 1 else ''} ({got.checks_added} added)"
                      if got.checks else "")
            print(f"import: {name}: {got.sessions} session{'s' if got.sessions != 1 else ''} "
                  f"({', '.join(parts)}){checks}")
    return status
