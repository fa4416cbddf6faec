"""Condition parser benchmark: parse `x and x and ...` conditions of growing length.

    python bench/expressions_scale.py [--terms 1000 10000 50000] [--repeats 5]

Prints the best parse time of each length and the time per term; the last
column should stay roughly flat (linear growth). Target: 50,000 terms (about
300 KB, far beyond any real `if:`) in well under 2 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.expressions import parse  # noqa: E402


def best_parse_time(terms: int, repeats: int) -> float:
    source = " and ".join(["x"] * terms)
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        parse(source)
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--terms", type=int, nargs="+", default=[1_000, 10_000, 50_000])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    print(f"{'terms':>8} {'best time':>10} {'per term':>10}")
    for terms in args.terms:
        seconds = best_parse_time(terms, args.repeats)
        print(f"{terms:>8,} {seconds:>9.3f}s {seconds / terms * 1e6:>8.1f}µs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
