"""Report scale benchmark: a class of 30 players x 15 scenarios x 3 sessions.

    python bench/report_scale.py [--players 30] [--scenarios 15] [--repeats 3] [--keep DIR]

Fills a fresh results database through the real engine and the real
recorder (every event committed on its own, as in the game), then times the
report builds the counsellor runs: the whole class and one player, in HTML,
CSV and JSON. Each build includes reading the database and aggregating. The
HTML class report must be built in under 2 seconds on a 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.results import scenario_facts, simulate  # noqa: E402
from game.results.recorder import Recorder  # noqa: E402
from game.results.reports import csv_report, html_report, json_report, model  # noqa: E402
from game.results.store import Store  # noqa: E402

HTML_LIMIT_S = 2.0


def fill(store: Store, players: int, scenarios: list, repeats: int, seed: int) -> tuple[int, int, list[float]]:
    rng = random.Random(seed)
    sessions = events = 0
    latencies: list[float] = []
    for who in simulate.make_players(rng, players):
        for sc in scenarios:
            info = scenario_facts.facts(sc)
            for _ in range(repeats):
                rec = Recorder(store, scenario_path=str(sc.path), player=who.nickname, class_code="8B",
                               scenario_info=info)

                def timed(event, rec=rec):
                    t0 = time.perf_counter()
                    rec.on_event(event)
                    latencies.append(time.perf_counter() - t0)

                simulate.play(sc, who, rng, rng.randrange(1 << 30), on_event=timed, quit_chance=0.01)
                sessions += 1
    events = len(latencies)
    return sessions, events, latencies


def best_of(n: int, fn):
    times, out = [], None
    for _ in range(n):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times), out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--players", type=int, default=30)
    ap.add_argument("--scenarios", type=int, default=15)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--runs", type=int, default=3, help="time each report this many times")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--keep", metavar="DIR", help="keep the database and the reports in DIR")
    args = ap.parse_args(argv)

    library = simulate.library()
    if len(library) < args.scenarios:
        print(f"note: the library has {len(library)} scenarios; using all of them", file=sys.stderr)
    scenarios = library[:args.scenarios]
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="rf-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db_file = folder / "results.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db_file) + suffix).unlink(missing_ok=True)

    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    print(f"filling: {args.players} players x {len(scenarios)} scenarios x {args.repeats} sessions")
    store = Store.open(path=db_file)
    t0 = time.perf_counter()
    sessions, events, lat = fill(store, args.players, scenarios, args.repeats, args.seed)
    wall = time.perf_counter() - t0
    lat.sort()
    print(f"  {sessions} sessions, {events} events, database {db_file.stat().st_size / 1e6:.1f} MB")
    print(f"  writing the events (one commit each, synchronous=FULL): {sum(lat):.2f} s "
          f"(median {1000 * lat[len(lat) // 2]:.2f} ms, p95 {1000 * lat[int(len(lat) * 0.95)]:.2f} ms, "
          f"max {1000 * lat[-1]:.1f} ms per event); fill wall time incl. simulation {wall:.2f} s")

    renderers = {"html": html_report.render, "csv": csv_report.render, "json": json_report.render}
    player = store.sessions()[0].player
    ok = True
    for scope, filters in (("class 8B", {"class_code": "8B"}), (f"player {player}", {"player": player})):
        print(f"reports for {scope} (best / median of {args.runs}):")
        t_model, _, rep = best_of(args.runs, lambda filters=filters: model.build(store, **filters))
        print(f"  read + aggregate        {t_model:6.3f} s  ({len(rep.sessions)} sessions)")
        for fmt, render in renderers.items():
            best, med, text = best_of(args.runs,
                                      lambda render=render, filters=filters: render(model.build(store, **filters)))
            size = len(text.encode("utf-8"))
            mark = ""
            if fmt == "html" and scope.startswith("class"):
                ok = best < HTML_LIMIT_S
                mark = f"  [limit {HTML_LIMIT_S:.0f} s: {'ok' if ok else 'TOO SLOW'}]"
            print(f"  {fmt:5} total           {best:6.3f} s  (median {med:.3f} s, {size / 1e6:.2f} MB){mark}")
            if args.keep:
                (folder / f"report-{scope.split()[0]}.{fmt}").write_text(text, encoding="utf-8")
    store.close()
    if not args.keep:
        for suffix in ("", "-wal", "-shm"):
            Path(str(db_file) + suffix).unlink(missing_ok=True)
        folder.rmdir()
    else:
        print(f"kept in {folder}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
