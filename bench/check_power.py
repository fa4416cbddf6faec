"""How often the discernment check's class sentence is right, on simulated classes.

    python bench/check_power.py [--seeds 100] [--students 30]

Each simulated class (game.checks.simulate) takes form A or B before and the
other after. Prints, for each true change, how many of the seeds got each
sentence (prepost.md, "Class change"):

  * a true gain of 0.5 in d' (target: "discrimination improved" in most seeds);
  * a criterion-only shift of 0.5 towards flagging (target: "suspicion grew
    without better discrimination" in most seeds);
  * no change at all (how often a change is reported when there is none);
  * the gain of 0.5 with only 10 students, for a sense of a small class.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.checks import change as ch
from game.checks.library import load_forms
from game.checks.simulate import simulate_class


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=100)
    parser.add_argument("--students", type=int, default=30)
    args = parser.parse_args()
    forms = load_forms()
    pair = (forms["A"], forms["B"])
    cases = [("true d' gain 0.5", {"d_gain": 0.5}, args.students),
             ("criterion shift -0.5 only", {"c_shift": -0.5}, args.students),
             ("no change", {}, args.students),
             ("true d' gain 0.5, 10 students", {"d_gain": 0.5}, 10)]
    print(f"{args.seeds} simulated classes per row; base d' 1.0, spread 0.3 between students")
    short = {ch.NOT_ENOUGH: "not enough", ch.IMPROVED: "improved", ch.SUSPICION: "suspicion grew",
             ch.NO_CLEAR: "no clear change"}
    print(f"{'case':32} {'students':>8} " + " ".join(f"{short[s]:>15}" for s in ch.SENTENCES) + "  s/class")
    for name, kwargs, students in cases:
        start = time.perf_counter()
        found = collections.Counter(simulate_class(seed, pair, students=students, **kwargs).sentence
                                    for seed in range(args.seeds))
        per_class = (time.perf_counter() - start) / args.seeds
        print(f"{name:32} {students:>8} " + " ".join(f"{found[s]:>15}" for s in ch.SENTENCES) + f"  {per_class:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
