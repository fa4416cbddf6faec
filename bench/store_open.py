"""Time of the first opening of a SQLite results store in a process: with and without the check.

    python bench/store_open.py PATH/results.sqlite3 [--rounds N]

Each opening runs in a fresh process (as every command and the window do).
"checked" is an opening that runs ``PRAGMA quick_check`` (the mark beside the
file removed first); "unchanged" is the next opening, when nothing has
written the file since its last sound check, so the check is skipped
(``game/results/salvage.py``). The file is only read (and its mark written).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from game.results import salvage
spent = []
real = salvage.quick_check
def timed(p):
    t = time.perf_counter()
    try:
        return real(p)
    finally:
        spent.append(time.perf_counter() - t)
salvage.quick_check = timed
from game.results.store import Store
t = time.perf_counter()
store = Store.open(path=Path({path!r}))
opened = time.perf_counter() - t
store.close()
print(json.dumps({{"open_s": opened, "quick_check_s": sum(spent), "checked": bool(spent)}}))
"""


def one(path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT), path=str(path))],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    mark = args.path.with_name(args.path.name + ".checked")
    size = args.path.stat().st_size
    print(f"{args.path} ({size / 1e6:.0f} MB)")
    for r in range(args.rounds):
        mark.unlink(missing_ok=True)
        first, second = one(args.path), one(args.path)
        print(f"round {r + 1}: checked: open {first['open_s']:.2f} s (quick_check {first['quick_check_s']:.2f} s); "
              f"unchanged: open {second['open_s']:.2f} s ({'checked' if second['checked'] else 'no check'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
