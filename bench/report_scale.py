"""Report scale benchmark: one class to a whole district, on SQLite or PostgreSQL.

    python bench/report_scale.py [--players 30] [--scales 1,10,100] [--database URL | --pg-temp]
                                 [--scenarios 15] [--repeats 3] [--keep DIR] [--existing]

Scale 1 is the base: ``--players`` players (default 30, one class) x
``--scenarios`` scenarios x ``--repeats`` sessions, played through the real
engine and the real recorder (every event committed on its own, as in the
game). Scale N copies that class N - 1 times inside the database (new
session ids and uids, class codes C002, C003, ...; the same sessions and
events), so a 100x district of 100 classes is built in minutes rather than
hours of simulation. A class is always 30 players, as in a school; the
district grows.

For each scale it prints the time and peak memory (maximum resident set of
a fresh process that opens the store and does only that) of:

- the one-class report (class 8B) in HTML, CSV and JSON, as ``report
  --class 8B`` makes it: read, aggregation, class sessions and the file
  (the CSV streamed, no event log read); targets: under 1 s and 300 MB at 100x;
- the whole district's CSV, streamed to a file (target: under 30 s, under 300 MB);
- the counsellor view's first frame: opening the overview and drawing it
  once in a dummy window (target: under 1 s at 100x);
- the counsellor view's class filter: showing another class, and all
  classes (the whole district's figures), once the overview is open.

``--existing`` measures the store kept in ``--keep DIR`` (or ``--database
URL``) as it is, without filling it (to compare two versions of the code on
the same data; the store is migrated first, outside the timings).

``--pg-temp`` starts a throw-away PostgreSQL server for the run (the tests'
``tests/pg_cluster.py``) and stops it at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_S, TARGET_MB, DISTRICT_S = 1.0, 300.0, 30.0


# -- filling ---------------------------------------------------------------------------------

def fill_base(store, players: int, scenarios: list, repeats: int, seed: int) -> tuple[int, int, list[float]]:
    from game.results import scenario_facts, simulate
    from game.results.recorder import Recorder

    rng = random.Random(seed)
    sessions = 0
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
    return sessions, len(latencies), latencies


def replicate(store, copies_from: int, copies_to: int) -> None:
    """Copies ``copies_from`` .. ``copies_to - 1`` of the base class, each a class of its own, in SQL."""
    import sqlalchemy as sa

    from game.results.schema import sessions

    cols = [c.name for c in sessions.columns if c.name not in ("id", "uid", "class_code")]
    with store.engine.begin() as conn:
        n = int(conn.execute(sa.text("SELECT MAX(id) FROM sessions WHERE class_code = '8B'")).scalar_one())
    for k in range(copies_from, copies_to):
        off = k * n
        code = f"C{k + 1:03d}"
        with store.engine.begin() as conn:
            conn.execute(sa.text(
                f"INSERT INTO sessions (id, uid, class_code, {', '.join(cols)}) "
                f"SELECT id + {off}, uid || '-{k}', '{code}', {', '.join(cols)} FROM sessions "
                f"WHERE class_code = '8B'"))
            conn.execute(sa.text(
                f"INSERT INTO events (session_id, seq, type, data, recorded_at, void) "
                f"SELECT session_id + {off}, seq, type, data, recorded_at, void FROM events "
                f"WHERE session_id <= {n}"))
            conn.execute(sa.text(
                f"INSERT INTO session_categories SELECT session_id + {off}, category, items, hits "
                f"FROM session_categories WHERE session_id <= {n}"))
            conn.execute(sa.text(
                f"INSERT INTO session_disclosures SELECT session_id + {off}, kind "
                f"FROM session_disclosures WHERE session_id <= {n}"))
            conn.execute(sa.text(      # the cached result records (their own table since store version 4)
                f"INSERT INTO session_results (session_id, result_json) SELECT session_id + {off}, result_json "
                f"FROM session_results WHERE session_id <= {n}"))
    if not store.is_sqlite:
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('sessions', 'id'), "
                                 "(SELECT MAX(id) FROM sessions))")
            conn.exec_driver_sql("VACUUM ANALYZE")


def _without_result(store) -> int:
    import sqlalchemy as sa

    with store.engine.connect() as conn:
        return int(conn.execute(sa.text(
            "SELECT COUNT(*) FROM sessions s WHERE s.status = 'complete' AND NOT EXISTS "
            "(SELECT 1 FROM session_results r WHERE r.session_id = s.id)")).scalar_one())


# -- measuring (each in a fresh process) -----------------------------------------------------

CHILD = r'''
import json, os, resource, sys, time
sys.path.insert(0, {root!r})
what, target = sys.argv[1], json.loads(sys.argv[2])
from game.results.store import Store, Filters
from game.results.reports import csv_report, html_report, json_report, model
out = sys.argv[3]
store = Store.open(**target)
if what in ("frame", "switch", "all"):
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy"); os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.ui.app import App
    from game.ui.routes import ROUTES
    from game.ui.screens import counsellor_pages as cv
    from game.ui.settings import Settings
    app = App(Settings.load(os.path.dirname(out)), size=(1280, 720), data_dir=os.path.dirname(out), routes=ROUTES)
    app.show_start(); app.tick([])
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0, c0 = time.perf_counter(), time.process_time()
size = 0
if what == "frame":
    screen = cv.OverviewScreen(app, store)
    app.push(screen); app.tick([])
    size = len(screen.report.players)
elif what in ("switch", "all"):
    screen = cv.OverviewScreen(app, store)
    app.push(screen); app.tick([])
    other = next((c for c in screen.classes if c != screen.class_code), None) if what == "switch" else None
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0, c0 = time.perf_counter(), time.process_time()
    if hasattr(screen, "show_class"):
        screen.show_class(other)
    else:                     # the view before show_class existed: its filter went through every class
        screen.class_code = other; screen.player_page = 0; screen.report = screen._build()
        screen.on_resize(app.size)
    app.tick([])
    size = len(screen.report.players)
elif what == "district":
    with open(out, "w", encoding="utf-8", newline="") as fh:
        size = csv_report.stream(store, Filters(), fh)
elif what == "csv":          # as `report --format csv --class 8B` does it: streamed, no event log read
    with open(out, "w", encoding="utf-8", newline="") as fh:
        csv_report.stream(store, Filters(class_code="8B"), fh)
    size = os.path.getsize(out)
else:                         # as `report --class 8B` does it: the report, its class sessions, the file
    from game.results.reports import class_sessions
    rep = model.build(store, class_code="8B")
    classes = class_sessions.build(store, class_code="8B")
    text = {{"html": html_report.render, "json": json_report.render}}[what](rep, classes=classes)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(text)
    size = len(text.encode())
secs, cpu = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({{"s": secs, "cpu": cpu, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "base_mb": rss0 / 1024, "size": size}}))
'''


def measure(what: str, target: dict, folder: Path) -> dict:
    out = folder / f"out-{what}"
    code = CHILD.format(root=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", code, what, json.dumps({k: str(v) for k, v in target.items()}),
                           str(out)], capture_output=True, text=True, timeout=3600,
                          env={**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"})
    if proc.returncode:
        return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"}
    out.unlink(missing_ok=True)
    return {**json.loads(proc.stdout.strip().splitlines()[-1]), "load": os.getloadavg()[0]}


def fmt(r: dict, limit_s: float, limit_mb: float) -> str:
    if "error" in r:
        return f"ERROR {r['error']}"
    ok = "ok" if r["s"] < limit_s and r["rss_mb"] < limit_mb else "OVER"
    # the machine is shared: the load average (1 minute) as the figure was taken says how much it means
    # and the CPU time of the measuring process (all of the work on SQLite; PostgreSQL's server time is not in it)
    return (f"{r['s']:7.2f} s  {r['rss_mb']:6.0f} MB peak  [{ok}: < {limit_s:g} s, < {limit_mb:g} MB]"
            f"  load {r['load']:.1f}, cpu {r['cpu']:.2f} s")


def report(target: dict, folder: Path) -> None:
    """Measure and print every figure for the store as it is now."""
    for what in ("html", "csv", "json"):
        r = measure(what, target, folder)
        print(f"  one-class {what:5} {fmt(r, TARGET_S, TARGET_MB)}"
              + (f"  ({r['size'] / 1e6:.1f} MB)" if "size" in r else ""))
    r = measure("district", target, folder)
    print(f"  district CSV   {fmt(r, DISTRICT_S, TARGET_MB)}  ({r.get('size', 0)} rows)")
    r = measure("frame", target, folder)
    print(f"  counsellor 1st frame {fmt(r, TARGET_S, TARGET_MB)}")
    r = measure("switch", target, folder)
    print(f"  counsellor: another class   {fmt(r, TARGET_S, TARGET_MB)}")
    r = measure("all", target, folder)
    print(f"  counsellor: all classes     {fmt(r, TARGET_S, TARGET_MB)}")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--players", type=int, default=30, help="players of the base class (scale 1)")
    ap.add_argument("--scenarios", type=int, default=15)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--scales", default="1,10,100", help="comma-separated multiples of the base class")
    ap.add_argument("--database", metavar="URL", help="a PostgreSQL database to fill (emptied first)")
    ap.add_argument("--pg-temp", action="store_true", help="start a throw-away PostgreSQL server for the run")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--keep", metavar="DIR", help="keep the SQLite database in DIR")
    ap.add_argument("--existing", action="store_true",
                    help="measure the store of --keep DIR or --database URL as it is (no filling)")
    args = ap.parse_args(argv)
    scales = sorted({int(x) for x in args.scales.split(",") if x.strip()})

    from game.results import simulate
    from game.results.store import Store

    cluster = None
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="rf-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    if args.pg_temp:
        sys.path.insert(0, str(ROOT / "tests"))
        import pg_cluster

        cluster = pg_cluster.TempCluster().start()
        # The benchmark measures a server that keeps its data: durable settings, unlike the tests'.
        args.database = cluster.new_database()
    try:
        if args.existing:
            if not (args.database or args.keep):
                ap.error("--existing needs --keep DIR or --database URL")
            target = {"database": args.database} if args.database else {"path": folder / "results.sqlite3"}
            t0 = time.perf_counter()
            with Store.open(**target) as store:      # migrations run here, before anything is timed
                total, classes = store.count_sessions(), len(store.class_codes())
                missing = _without_result(store)
            print(f"existing store: {total} sessions, {classes} classes (opened in {time.perf_counter() - t0:.1f} s)")
            if missing:
                print(f"WARNING: {missing} finished sessions have no cached result (copied by this bench before "
                      "it copied session_results): their figures are not a real district's; fill it again")
            report(target, folder)
            return 0
        if args.database:
            target = {"database": args.database}
            import sqlalchemy as sa
            with Store.open(database=args.database) as st:
                with st.engine.begin() as conn:
                    conn.execute(sa.text("TRUNCATE sessions, events, session_categories, session_disclosures, "
                                         "class_votes, scenarios RESTART IDENTITY CASCADE"))
        else:
            db_file = folder / "results.sqlite3"
            for suffix in ("", "-wal", "-shm"):
                Path(str(db_file) + suffix).unlink(missing_ok=True)
            target = {"path": db_file}
        library = simulate.library()[:args.scenarios]
        print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, load {os.getloadavg()[0]:.1f}; "
              f"engine: {'PostgreSQL' if args.database else 'SQLite'}")
        store = Store.open(**target)
        t0 = time.perf_counter()
        n, events, lat = fill_base(store, args.players, library, args.repeats, args.seed)
        lat.sort()
        print(f"base class: {n} sessions, {events} events in {time.perf_counter() - t0:.1f} s "
              f"(commit per event: median {1000 * lat[len(lat) // 2]:.2f} ms, "
              f"p95 {1000 * lat[int(len(lat) * .95)]:.2f} ms)")
        done = 1
        for scale in scales:
            t0 = time.perf_counter()
            replicate(store, done, scale)
            done = max(done, scale)
            total = store.count_sessions()
            size = ""
            if not args.database:
                size = f", file {Path(target['path']).stat().st_size / 1e6:.0f} MB"
            print(f"\n{scale}x: {total} sessions, {len(store.class_codes())} classes "
                  f"(copied in {time.perf_counter() - t0:.1f} s{size})")
            report(target, folder)
        store.close()
    finally:
        if cluster is not None:
            cluster.stop()
        if not args.keep and not args.database:
            for p in folder.glob("*"):
                p.unlink(missing_ok=True)
            folder.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
