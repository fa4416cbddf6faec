"""Solo play under load: 150 scripted players against one server process on loopback.

    python bench/solo_load.py [--users 150] [--seconds 60] [--database URL]

Starts the class server (uvicorn, 127.0.0.1, port 0, a fresh SQLite store in a
temporary folder unless ``--database``), runs Locust headless in this process
with ``bench/locustfile.py``'s ``SoloPlayer`` (paced chats with human pauses)
for the given time, stops everything, and prints:

- p50 / p99 latency of command requests (and of deliver / start);
- events committed per second (counted in the store afterwards);
- the server's CPU (share of one core, and per session) and memory: resident
  memory growth per open session, and the Python heap per live chat measured
  in-process with tracemalloc;
- lost events: events the server acknowledged that the store does not hold
  (must be 0).

Targets on a 2-core machine: p99 < 100 ms for commands, < 2 MB per open session.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import gevent  # noqa: E402  (Locust patches the standard library for gevent: import it first)
from locust.env import Environment  # noqa: E402

_RUNNING = re.compile(rb"Uvicorn running on (http://127\.0\.0\.1:\d+)")


def start_server(data_dir: Path, database: str | None) -> tuple[subprocess.Popen, str]:
    env = dict(os.environ, REDFLAGS_DATA_DIR=str(data_dir), PYTHONPATH=f"{ROOT}{os.pathsep}{ROOT / 'bench'}")
    if database:
        env["REDFLAGS_BENCH_DATABASE"] = database
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "solo_app:app", "--host", "127.0.0.1",
                             "--port", "0", "--no-access-log", "--log-level", "warning"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # uvicorn at "warning" still prints nothing for the address: ask the OS instead
    import psutil

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server did not start: {proc.stderr.read().decode(errors='replace')}")
        ports = [c.laddr.port for c in psutil.Process(proc.pid).net_connections(kind="tcp")
                 if c.status == psutil.CONN_LISTEN]
        if ports:
            return proc, f"http://127.0.0.1:{ports[0]}"
        time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start within 30 s")


def heap_per_chat(n: int = 300) -> float:
    """Bytes of Python heap one live paced chat costs in a server process (tracemalloc)."""
    from game.library import load_library
    from game.results.store import Store
    from game.server.solo.service import SoloService

    library = load_library()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(tmp)
        service = SoloService({s.id: s for s in library.scenarios}, store)
        ids = [s.id for s in library.scenarios]
        service.create(ids[0], paced=True)          # warm up caches and the connection pool
        tracemalloc.start()
        before = tracemalloc.take_snapshot()
        for i in range(n):
            token = service.create(ids[i % len(ids)], paced=True)["session"]
            while service.state(token).get("pending"):
                service.deliver(token)
        after = tracemalloc.take_snapshot()
        tracemalloc.stop()
        store.close()
    grown = sum(s.size_diff for s in after.compare_to(before, "filename"))
    return grown / n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=150)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--database", help="a PostgreSQL URL instead of a fresh SQLite store")
    args = parser.parse_args(argv)

    import locustfile
    import psutil

    with tempfile.TemporaryDirectory(prefix="redflags-load-") as tmp:
        proc, url = start_server(Path(tmp), args.database)
        server = psutil.Process(proc.pid)
        try:
            import urllib.request

            urllib.request.urlopen(f"{url}/api/v1/scenarios", timeout=10).read()
            rss0, cpu0 = server.memory_info().rss, server.cpu_times()
            env = Environment(user_classes=[locustfile.SoloPlayer], host=url)
            runner = env.create_local_runner()
            peak = [rss0]

            def sample() -> None:
                while runner.state not in ("stopped", "stopping"):
                    peak[0] = max(peak[0], server.memory_info().rss)
                    gevent.sleep(1.0)

            t0 = time.monotonic()
            runner.start(args.users, spawn_rate=max(1, args.users / 10))
            gevent.spawn(sample)
            gevent.spawn_later(args.seconds, runner.quit)
            runner.greenlet.join()
            elapsed = time.monotonic() - t0
            rss1, cpu1 = server.memory_info().rss, server.cpu_times()
        finally:
            proc.terminate()
            proc.wait(timeout=20)

        from game.results.store import Store

        store = Store.open(tmp) if not args.database else Store.open(database=args.database)
        sessions = store.sessions(class_code="LOAD")
        stored = sum(s.event_count for s in sessions)
        store.close()

    acked = sum(locustfile.ACKED.values())
    cpu_s = (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system)
    stats = env.stats

    def pct(name: str, method: str, q: float) -> str:
        entry = stats.entries.get((name, method))
        if entry is None or not entry.num_requests:
            return "-"
        return f"{entry.get_response_time_percentile(q):.0f}"

    def count(name: str, method: str) -> int:
        entry = stats.entries.get((name, method))
        return entry.num_requests if entry else 0

    heap = heap_per_chat()
    print(f"solo play load: {args.users} players, {elapsed:.0f} s, one server process on 127.0.0.1 "
          f"({'PostgreSQL' if args.database else 'SQLite'} store)")
    print(f"  requests: {stats.total.num_requests} ({stats.total.num_failures} failed), "
          f"{stats.total.num_requests / elapsed:.1f}/s")
    for name, method in (("command", "POST"), ("deliver", "POST"), ("start", "POST"), ("state", "GET")):
        print(f"  {name:8s} n={count(name, method):6d}  p50 {pct(name, method, 0.5):>4s} ms  "
              f"p99 {pct(name, method, 0.99):>4s} ms" + ("   (target p99 < 100 ms)" if name == "command" else ""))
    print(f"  events committed: {stored} ({stored / elapsed:.1f}/s) in {len(sessions)} chats")
    print(f"  lost events: {max(0, acked - stored)} (acknowledged {acked}, stored {stored}; target 0)")
    print(f"  server CPU: {100 * cpu_s / elapsed:.0f}% of one core, {1000 * cpu_s / max(1, len(sessions)):.1f} ms "
          f"per chat")
    open_chats = min(args.users, len(sessions))
    print(f"  server memory: {rss0 / 2**20:.0f} MB idle, {rss1 / 2**20:.0f} MB at the end, "
          f"peak {peak[0] / 2**20:.0f} MB;"
          f" {(peak[0] - rss0) / 2**20 / max(1, len(sessions)):.3f} MB per chat started "
          f"({(peak[0] - rss0) / 2**20 / max(1, open_chats):.3f} MB per open chat; target < 2 MB)")
    print(f"  Python heap per live chat (tracemalloc, 300 chats in-process): {heap / 1024:.0f} KiB")
    return 0 if acked <= stored and stats.total.num_failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
