"""`python main.py list`: the library as a table."""

from __future__ import annotations

import sys

from ..library import load_library
from ..safetext import neutralise

COLUMNS = ("id", "platform", "kind", "difficulty", "title")


def add_parser(sub, common):
    return sub.add_parser("list", parents=[common], help="list the scenario library")


def run(args) -> int:
    library = load_library()
    rows = [tuple(neutralise(cell, keep_newlines=False)
                  for cell in (s.id, s.platform, s.kind, str(s.difficulty), s.title))
            for s in library.scenarios]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(COLUMNS)]
    for row in [COLUMNS] + rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    for problem in library.problems:
        print(f"not listed: {problem.format()}", file=sys.stderr)
    return 0
