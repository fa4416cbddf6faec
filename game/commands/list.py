"""`python main.py list`: the library as a table; `--age N` keeps the chats whose age band holds N."""

from __future__ import annotations

import argparse
import sys

from ..library import load_library
from ..play.catalogue import AGE_CHOICES, suits_age
from ..safetext import neutralise

COLUMNS = ("id", "platform", "kind", "difficulty", "title")


def _age(text: str) -> int:
    try:
        age = int(text)
    except ValueError:
        age = -1
    if age not in AGE_CHOICES[1:]:
        raise argparse.ArgumentTypeError(f"an age from {AGE_CHOICES[1]} to {AGE_CHOICES[-1]}, not {text!r}")
    return age


def add_parser(sub, common):
    parser = sub.add_parser("list", parents=[common], help="list the scenario library")
    parser.add_argument("--age", type=_age, default=0, metavar="N",
                        help="only the chats whose age band (the scenario's audience) includes age N (12 to 17)")
    return parser


def run(args) -> int:
    library = load_library()
    age = getattr(args, "age", 0) or 0
    rows = [tuple(neutralise(cell, keep_newlines=False)
                  for cell in (s.id, s.platform, s.kind, str(s.difficulty), s.title))
            for s in library.scenarios if suits_age(s, age)]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(COLUMNS)]
    for row in [COLUMNS] + rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    for problem in library.problems:
        print(f"not listed: {problem.format()}", file=sys.stderr)
    return 0
