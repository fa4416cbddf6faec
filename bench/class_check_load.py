"""The discernment check under load: two rooms of 35 students taking it on their devices at once.

    python bench/class_check_load.py [--students 35] [--rooms 2]

Starts the real class server (``python main.py class --no-window``, 127.0.0.1, port 0, a fresh
SQLite store in a temporary folder), opens the second room with the admin token and starts the
"before playing" check in each room. Locust (headless, in this process, ``bench/check_locust.py``)
joins the students, who answer the 16 chats one by one (every fourth answer sent twice with the
same request id). It ends by itself once every student has finished (or after 10 minutes). The
server stops and the store is read:

- p50 / p99 latency of the answer requests (target p99 < 100 ms on this 2-core machine);
- the server's CPU (share of one core) and memory (resident, start and peak);
- lost or doubled answers: every stored check against the answers the server acknowledged to
  that student (must be 0), and every student's check stored once.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import gevent  # noqa: E402  (Locust patches the standard library for gevent: import it first)
from class_load import call, start_server  # noqa: E402
from locust.env import Environment  # noqa: E402

LIMIT_S = 600


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=35, help="students per room")
    parser.add_argument("--rooms", type=int, default=2)
    args = parser.parse_args(argv)

    import check_locust
    import psutil

    users = args.students * args.rooms
    with tempfile.TemporaryDirectory(prefix="redflags-check-load-") as tmp_name:
        tmp = Path(tmp_name)
        proc, status = start_server(tmp)
        url = status["url"]
        server = psutil.Process(proc.pid)
        try:
            teachers = {status["join_code"]: status["teacher_token"]}
            for _ in range(args.rooms - 1):
                room = call(url, "api/v1/rooms", status["admin_token"], {"class": "LOAD"})
                teachers[room["join_code"]] = room["teacher_token"]
            for token in teachers.values():
                call(url, "api/v1/room/check/start", token, {"phase": "pre"})
            check_locust.ROOMS[:] = list(teachers)
            rss0, cpu0 = server.memory_info().rss, server.cpu_times()
            env = Environment(user_classes=[check_locust.CheckStudent], host=url.rstrip("/"))
            runner = env.create_local_runner()
            peak = [rss0]
            t0 = time.monotonic()
            runner.start(users, spawn_rate=max(1, users / 10))

            def watch() -> None:
                while runner.state not in ("stopped", "stopping"):
                    peak[0] = max(peak[0], server.memory_info().rss)
                    spawned = runner.state not in ("spawning", "init")
                    if (spawned and runner.user_count == 0) or time.monotonic() - t0 > LIMIT_S:
                        runner.quit()
                        return
                    gevent.sleep(0.5)

            gevent.spawn(watch)
            runner.greenlet.join()
            elapsed = time.monotonic() - t0
            rss1, cpu1 = server.memory_info().rss, server.cpu_times()
            progress = [call(url, "api/v1/room/check/progress", token) for token in teachers.values()]
            for token in teachers.values():
                call(url, "api/v1/room/check/end", token, {})
        finally:
            import signal
            import subprocess

            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

        from game.checks import storage
        from game.results.store import Store

        store = Store.open(tmp / "data")
        try:
            rows = storage.rows(store)
        finally:
            store.close()

    stored: dict[str, list[dict]] = {}
    doubled = 0
    for r in rows:
        if r.player in stored:
            doubled += 1
        stored[r.player or ""] = list(r.record["answers"])
    lost = wrong = 0
    for (_, player), answers in check_locust.ACKED.items():
        got = stored.get(player)
        if got is None:
            lost += len(answers)
        elif got != answers:
            wrong += 1
    forms = {}
    for r in rows:
        forms[r.record["form"]] = forms.get(r.record["form"], 0) + 1
    cpu_s = (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system)
    stats = env.stats
    entry = stats.entries.get(("answer", "POST"))

    def pct(q: float) -> str:
        return f"{entry.get_response_time_percentile(q):.0f}" if entry and entry.num_requests else "-"

    finished = sum(p["finished"] for p in progress)
    print(f"the check under load: {args.rooms} rooms x {args.students} students, {elapsed:.0f} s, "
          "one server process on 127.0.0.1")
    print(f"  answer requests: {entry.num_requests if entry else 0}   p50 {pct(0.5)} ms   p99 {pct(0.99)} ms")
    print(f"  requests: {stats.total.num_requests} ({stats.total.num_failures} failed), "
          f"{stats.total.num_requests / elapsed:.1f}/s")
    print(f"  server CPU: {100 * cpu_s / elapsed:.0f}% of one core")
    mb = 2**20
    print(f"  server memory: {rss0 / mb:.0f} MB at start, {peak[0] / mb:.0f} MB peak, {rss1 / mb:.0f} MB at end")
    print(f"  finished (teacher's progress): {finished} of {users}; checks stored: {len(rows)} "
          f"(forms {', '.join(f'{k} {v}' for k, v in sorted(forms.items()))})")
    print(f"  answers: {lost} lost, {wrong} checks differing from what the server acknowledged, "
          f"{doubled} checks stored twice")
    ok = not (lost or wrong or doubled or stats.total.num_failures) and finished == users == len(rows)
    print("  OK" if ok else "  PROBLEM: see the counts above")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
