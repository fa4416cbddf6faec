"""Class sessions under load: two rooms of 35 students flagging and voting for 60 s.

    python bench/class_load.py [--students 35] [--rooms 2] [--seconds 60]

Starts the real class server (``python main.py class --no-window``, 127.0.0.1, port 0, a
fresh SQLite store in a temporary folder), opens the second room with the admin token,
starts a chat in each room, shows every message and opens a vote. Then Locust (headless,
in this process, ``bench/locustfile.py``'s ``ClassStudent``) joins the students, who flag and
unflag messages and profile items and vote (changing their minds) until the time is up. The
teacher then closes the votes and ends the chats, the server stops, and the store is read:

- p50 / p99 latency of flag and vote requests (target p99 < 100 ms on this 2-core machine);
- the server's CPU (share of one core) and memory (resident, start and peak);
- lost or doubled flags and votes: every student's final flags in their stored class-play
  result against what the server answered them, and the stored vote counts against the
  students' last answered votes (must be 0).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import gevent  # noqa: E402  (Locust patches the standard library for gevent: import it first)
from locust.env import Environment  # noqa: E402

SCENARIO = "generous-teammate"


def call(url: str, path: str, token: str, body: dict | None = None) -> dict:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url + path, data=data, method="GET" if body is None else "POST",
                                 headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)


def start_server(tmp: Path) -> tuple[subprocess.Popen, dict]:
    status = tmp / "status.json"
    env = dict(os.environ, REDFLAGS_DATA_DIR=str(tmp / "data"))
    proc = subprocess.Popen([sys.executable, "main.py", "class", "--no-window", "--host", "127.0.0.1",
                             "--port", "0", "--status-file", str(status), "--class", "LOAD"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while not status.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"the class server did not start: {proc.stderr.read().decode() if proc.stderr else ''}")
        time.sleep(0.05)
    return proc, json.loads(status.read_text())


def final_flags(events: list[dict]) -> set[str]:
    flags: set[str] = set()
    for e in events:
        if e["type"] == "flag":
            flags.add(e["id"])
        elif e["type"] == "unflag":
            flags.discard(e["id"])
    return flags


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=35, help="students per room")
    parser.add_argument("--rooms", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args(argv)

    import locustfile
    import psutil

    with tempfile.TemporaryDirectory(prefix="redflags-class-load-") as tmp_name:
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
                call(url, "api/v1/room/start", token, {"scenario": SCENARIO, "seed": 1})
                call(url, "api/v1/room/advance", token, {"all": True})
                call(url, "api/v1/room/vote/open", token, {})
            locustfile.CLASS_ROOMS[:] = list(teachers)
            users = args.students * args.rooms
            rss0, cpu0 = server.memory_info().rss, server.cpu_times()
            env = Environment(user_classes=[locustfile.ClassStudent], host=url.rstrip("/"), stop_timeout=10)
            runner = env.create_local_runner()
            peak = [rss0]

            def sample() -> None:
                while runner.state not in ("stopped", "stopping"):
                    peak[0] = max(peak[0], server.memory_info().rss)
                    gevent.sleep(0.5)

            t0 = time.monotonic()
            runner.start(users, spawn_rate=max(1, users / 10))
            gevent.spawn(sample)
            gevent.spawn_later(args.seconds, runner.quit)
            runner.greenlet.join()
            elapsed = time.monotonic() - t0
            rss1, cpu1 = server.memory_info().rss, server.cpu_times()
            uids = {}
            for code, token in teachers.items():
                uids[code] = call(url, "api/v1/room/teacher", token)["session_uid"]
                call(url, "api/v1/room/vote/close", token, {"key": "1"})
                call(url, "api/v1/room/end", token, {})
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

        from game.results.store import Store

        store = Store.open(tmp / "data")
        try:
            sessions = store.sessions(class_code="LOAD")
            classes = [s for s in sessions if getattr(s, "mode", None) == "class_session"]
            students = [s for s in sessions if getattr(s, "mode", None) == "class"]
            code_of = {uid: code for code, uid in uids.items()}
            lost_flags = doubled_flags = lost_votes = doubled_votes = 0
            stored_students = set()
            for s in students:
                key = (code_of.get(s.class_session_uid, "?"), s.player)
                stored_students.add(key)
                acked = locustfile.CLASS_ACKED.get(key)
                stored = final_flags(store.events(s.id))
                wanted = acked["flags"] if acked else set()
                lost_flags += len(wanted - stored)
                doubled_flags += len(stored - wanted)
            # votes: per room, the students' last answered votes against the stored counts
            for klass in classes:
                votes = store.votes(klass.id)
                counts = Counter(votes[0]["counts"]) if votes else Counter()
                code = code_of.get(klass.uid)
                want: Counter = Counter(v["vote"] for (c, p), v in locustfile.CLASS_ACKED.items()
                                        if c == code and v["vote"] is not None)
                for key in set(counts) | set(want):
                    diff = counts.get(key, 0) - want.get(key, 0)
                    doubled_votes += max(0, diff)
                    lost_votes += max(0, -diff)
            missing = set(locustfile.CLASS_ACKED) - stored_students
        finally:
            store.close()

    cpu_s = (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system)
    stats = env.stats

    def pct(name: str, q: float) -> str:
        entry = stats.entries.get((name, "POST"))
        return f"{entry.get_response_time_percentile(q):.0f}" if entry and entry.num_requests else "-"

    def count(name: str) -> int:
        entry = stats.entries.get((name, "POST"))
        return entry.num_requests if entry else 0

    print(f"class sessions under load: {args.rooms} rooms x {args.students} students, {elapsed:.0f} s, "
          "one server process on 127.0.0.1")
    for name in ("flag", "vote", "join"):
        print(f"  {name:5s} requests: {count(name):6d}   p50 {pct(name, 0.5):>4s} ms   p99 {pct(name, 0.99):>4s} ms")
    print(f"  requests: {stats.total.num_requests} ({stats.total.num_failures} failed), "
          f"{stats.total.num_requests / elapsed:.1f}/s")
    print(f"  server CPU: {100 * cpu_s / elapsed:.0f}% of one core")
    mb = 2**20
    print(f"  server memory: {rss0 / mb:.0f} MB at start, {peak[0] / mb:.0f} MB peak, {rss1 / mb:.0f} MB at end")
    print(f"  class-play results stored: {len(students)} of {len(locustfile.CLASS_ACKED)} students "
          f"({len(missing)} missing); class sessions: {len(classes)}")
    print(f"  flags: {lost_flags} lost, {doubled_flags} doubled   votes: {lost_votes} lost, {doubled_votes} doubled")
    ok = not (lost_flags or doubled_flags or lost_votes or doubled_votes or missing or stats.total.num_failures)
    print("  OK" if ok else "  PROBLEM: see the counts above")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
