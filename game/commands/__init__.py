"""One module per command of `python main.py`: each has `add_parser(subparsers)` and `run(args) -> int`."""

from __future__ import annotations

import sys


def open_store(args, command: str):
    """The results store the command line names (``--database URL`` or the data folder),
    or None after printing why not."""
    from .. import paths
    from ..results.db import DatabaseError
    from ..results.store import Store

    try:
        if getattr(args, "database", None):
            return Store.open(database=args.database)
        return Store.open(paths.user_data_dir(getattr(args, "data_dir", None)))
    except (DatabaseError, OSError) as exc:
        print(f"{command}: {exc}", file=sys.stderr)
        return None
