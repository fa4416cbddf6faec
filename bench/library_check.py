"""Library check: in every shipped scenario, careful play must beat blanket suspicion.

    python bench/library_check.py [--folder scenarios/]

For every scenario of the library (new files are picked up automatically) it
plays four runs and prints their totals (scoring.md, version 2):

- ``block at once``: block before anything else;
- ``flag all+block``: flag every delivered message and every profile item,
  then block;
- ``go along``: never flag, always take the first reply offered, to the end;
- ``flag all+go``: flag every message as it arrives and every profile item,
  and always take the first reply offered;
- ``best``: the scenario's ``best`` golden playthrough (tests/golden/ID/best.script).

The best run must beat both "block at once" and "flag everything then block"
by at least 25 points in every scenario, and by at least 30 on average over
the library. In a grooming scenario it must also beat "go along" and "flag
all+go" by at least 25: the first reply on offer is never the answer. (In a
safe chat going along with a real friend is the right call and scores well;
flagging everything there scores low by itself.) Exit status 0 when it holds,
1 when it does not (each failing scenario is named), 2 for a scenario without
a best golden.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game import paths  # noqa: E402
from game.command_language import read_script  # noqa: E402
from game.library import find_scenario, load_library  # noqa: E402
from game.model import Scenario  # noqa: E402
from game.session import Session, run_script  # noqa: E402

GOLDEN_DIR = ROOT / "tests" / "golden"
MIN_MARGIN = 25
MIN_MEAN_MARGIN = 30
MAX_REPLIES = 500          # a "go along" run that never ends is reported, not waited for
_SEED = re.compile(r"#\s*seed:\s*(\d+)")


@dataclass
class Row:
    scenario_id: str
    kind: str
    block: int
    flag_all: int
    go_along: int | None
    best: int | None
    flag_go: int | None = None

    @property
    def naive_margins(self) -> tuple[int, ...]:
        """best minus the first-reply strategies; checked in grooming scenarios only."""
        if self.best is None or self.kind != "grooming":
            return ()
        return tuple(self.best - v for v in (self.go_along, self.flag_go) if v is not None)

    @property
    def margins(self) -> tuple[int, int] | None:
        if self.best is None:
            return None
        return self.best - self.block, self.best - self.flag_all

    @property
    def ok(self) -> bool:
        m = self.margins
        return m is not None and min(m) >= MIN_MARGIN and all(n >= MIN_MARGIN for n in self.naive_margins)


def _session(scenario: Scenario, seed: int = 1) -> Session:
    session = Session(scenario, seed=seed, clock=lambda: 0.0)
    session.start()
    session.conv.deliver_all()
    return session


def _total(session: Session) -> int | None:
    return session.finish()["score"]["total"]


def block_at_once(scenario: Scenario) -> int | None:
    session = _session(scenario)
    session.conv.end_action("block")
    return _total(session)


def flag_everything_then_block(scenario: Scenario) -> int | None:
    session = _session(scenario)
    conv = session.conv
    start = conv.events[0]
    items = [e["id"] for e in conv.events if e["type"] == "deliver"]
    items += [p["id"] for p in start.get("profile", [])]
    for item_id in dict.fromkeys(items):
        conv.flag(item_id)
    conv.end_action("block")
    return _total(session)


def go_along(scenario: Scenario) -> int | None:
    """Never flag; always the first reply offered. None if it does not end within MAX_REPLIES."""
    session = _session(scenario)
    conv = session.conv
    for _ in range(MAX_REPLIES):
        if conv.ended:
            return _total(session)
        if not conv.choices():          # a dead end the validator warned about: the player leaves
            conv.end_action("leave")
            continue
        conv.choose(1)
        conv.deliver_all()
    return None


def flag_all_go_along(scenario: Scenario) -> int | None:
    """Flag everything as it arrives (and the profile); always the first reply."""
    session = _session(scenario)
    conv = session.conv
    flagged: set[str] = set()

    def flag_new() -> None:
        items = [e["id"] for e in conv.events if e["type"] == "deliver"]
        items += [p["id"] for p in conv.events[0].get("profile", [])]
        for item_id in dict.fromkeys(items):
            if item_id not in flagged:
                flagged.add(item_id)
                conv.flag(item_id)

    for _ in range(MAX_REPLIES):
        if conv.ended:              # an ending's own messages come after the last chance to flag
            return _total(session)
        flag_new()
        if not conv.choices():
            conv.end_action("leave")
            continue
        conv.choose(1)
        conv.deliver_all()
    return None


def best_golden(scenario_id: str) -> int | None:
    script = GOLDEN_DIR / scenario_id / "best.script"
    if not script.is_file():
        return None
    text = script.read_text(encoding="utf-8")
    match = _SEED.match(text.lstrip())
    session = Session(find_scenario(scenario_id), seed=int(match.group(1)) if match else 1, clock=lambda: 0.0)
    session.start()
    run_script(session, list(read_script(text.splitlines())))
    return _total(session)


def check(folder: Path = paths.SCENARIOS_DIR) -> list[Row]:
    library = load_library(folder)
    return [Row(s.id, s.kind, block_at_once(s) or 0, flag_everything_then_block(s) or 0, go_along(s),
                best_golden(s.id), flag_all_go_along(s)) for s in library.scenarios]


def _cell(value: int | None) -> str:
    return "-" if value is None else str(value)


def render(rows: list[Row]) -> tuple[list[str], bool]:
    """The table and the verdict lines; True when the library passes."""
    head = (f"{'scenario':24} {'kind':8} {'block at once':>13} {'flag all+block':>14} {'go along':>8} "
            f"{'flag all+go':>11} {'best':>4} {'best-block':>10} {'best-flagall':>12}  ok")
    lines = [head]
    for r in rows:
        m = r.margins
        lines.append(f"{r.scenario_id:24} {r.kind:8} {r.block:>13} {r.flag_all:>14} {_cell(r.go_along):>8} "
                     f"{_cell(r.flag_go):>11} {_cell(r.best):>4} {_cell(m and m[0]):>10} {_cell(m and m[1]):>12}  "
                     f"{'yes' if r.ok else 'NO'}")
    margins = [m for m in (r.margins for r in rows) if m is not None]
    ok = bool(rows) and len(margins) == len(rows) and all(r.ok for r in rows)
    if margins:
        mean_block = sum(m[0] for m in margins) / len(margins)
        mean_flag = sum(m[1] for m in margins) / len(margins)
        ok = ok and mean_block >= MIN_MEAN_MARGIN and mean_flag >= MIN_MEAN_MARGIN
        naive = [n for r in rows for n in r.naive_margins]
        naive_text = f"; grooming, best - first-reply runs: lowest {min(naive)}" if naive else ""
        lines.append(f"mean margin over {len(margins)} scenarios: best - block at once {mean_block:.1f}, "
                     f"best - flag all+block {mean_flag:.1f} (target >= {MIN_MEAN_MARGIN} each; "
                     f">= {MIN_MARGIN} in every scenario){naive_text}")
    for r in rows:
        m = r.margins
        if m is None:
            lines.append(f"{r.scenario_id}: no best golden playthrough (tests/golden/{r.scenario_id}/best.script)")
        elif min(m) >= MIN_MARGIN and not r.ok:
            lines.append(f"{r.scenario_id}: the best run beats the first-reply runs (go along, flag all+go) by "
                         f"{', '.join(map(str, r.naive_margins))}; at least {MIN_MARGIN} needed: the first reply "
                         "on offer must not be the safe one all the way through")
        elif not r.ok:
            lines.append(f"{r.scenario_id}: the best run beats block at once by {m[0]} and flag all+block "
                         f"by {m[1]}; at least {MIN_MARGIN} needed: fix the scenario (an early red flag, "
                         "a profile that shows something)")
    lines.append("library check: " + ("holds" if ok else "FAILS"))
    return lines, ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, default=paths.SCENARIOS_DIR,
                        help="scenario folder (default: the library)")
    args = parser.parse_args(argv)
    rows = check(args.folder)
    lines, ok = render(rows)
    print("\n".join(lines))
    if any(r.best is None for r in rows):
        return 2
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
