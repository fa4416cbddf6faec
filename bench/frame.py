"""Frame-time benchmark of the game window, headless (SDL dummy drivers).

    python bench/frame.py [--messages 500] [--frames 600] [--idle 5]

Prints:
  * median and 99th-percentile time of a frame (draw + flip) while scrolling a
    chat of 500 messages, at 1280x720;
  * time from launching a fresh Python process to the first drawn frame of a
    chat (interpreter start, imports, scenario loading, fonts, first draw);
  * CPU used by the main loop over 5 s of an idle chat screen, as a
    percentage of one core (time.process_time).

Targets on a 2-core machine: p99 < 8 ms, first frame < 1 s, idle CPU < 3 %.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SCENARIO = "generous-teammate"
TEXTS = [
    "gg that was insane 🔥",
    "wanna duo again later? i can carry u to diamond lol",
    "ok real talk tho, how old r u? u seem really mature for ur age 😅",
    "haha ok",
    "i sent u 1000 coins, dont tell anyone ok? ppl get jealous. its just our thing 🤐",
    "what school do u go to",
    "brb",
    "this is a longer message that wraps onto several lines in the bubble so the layout has to cope with "
    "paragraph-sized text, the way people actually type when they explain something in a chat window.",
]


def _make_chat(app, messages: int):
    from game.library import find_scenario
    from game.session import Session
    from game.ui.chat.timeline import PLAYER, STRANGER, ChatItem
    from game.ui.screens.chat import ChatScreen

    scenario = find_scenario(SCENARIO)
    session = Session(scenario, seed=1)
    chat = ChatScreen(app, session, scripted=True, clock_base=0.0)
    app.push(chat)
    session.conv.deliver_all()
    chat.sync()
    for i in range(messages):
        kind = STRANGER if i % 3 else PLAYER
        chat.timeline.append(ChatItem(kind, TEXTS[i % len(TEXTS)], item_id=f"bench.{i}" if kind == STRANGER else None,
                                      n=i + 100, t=float(i * 7)))
    chat.on_resize(app.size)
    return chat


def bench_scroll(messages: int, frames: int) -> dict:
    from game.ui.app import App
    from game.ui.settings import Settings

    app = App(Settings(), size=(1280, 720))
    t0 = time.perf_counter()
    chat = _make_chat(app, messages)
    app.draw()
    build = time.perf_counter() - t0
    step = 37
    times = []
    chat.scroll_by(-10**9)
    direction = 1
    for _ in range(frames):
        if chat.scroll >= chat.max_scroll and direction > 0:
            direction = -1
        elif chat.scroll <= 0 and direction < 0:
            direction = 1
        chat.scroll_by(direction * step)
        start = time.perf_counter()
        app.draw()
        times.append((time.perf_counter() - start) * 1000)
    app.close()
    times.sort()
    return {"median_ms": statistics.median(times), "p99_ms": times[min(len(times) - 1, int(len(times) * 0.99))],
            "max_ms": times[-1], "build_s": build, "content_px": chat.content_h}


FIRST_FRAME_CHILD = r"""
import os, sys, time
t_launch = float(sys.argv[1])
sys.path.insert(0, sys.argv[2])
from game.ui.run import open_app
from game.library import find_scenario
from game.ui.screens.chat import ChatScreen
app = open_app(None, size=(1280, 720))
scenario = find_scenario(sys.argv[3])
from game.session import Session
chat = ChatScreen(app, Session(scenario, seed=1))
app.push(chat)
app.tick([])
print(f"{time.time() - t_launch:.4f}")
app.close()
"""


def bench_first_frame(runs: int = 3) -> float:
    env = dict(os.environ, REDFLAGS_DATA_DIR=str(Path(os.environ.get("TMPDIR", "/tmp")) / "redflags-bench"))
    best = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", FIRST_FRAME_CHILD, repr(time.time()), str(ROOT), SCENARIO],
                             capture_output=True, text=True, env=env, check=True)
        best.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(best)


def bench_idle(seconds: float) -> dict:
    from game.library import find_scenario
    from game.session import Session
    from game.ui.app import App
    from game.ui.screens.chat import ChatScreen
    from game.ui.settings import Settings

    app = App(Settings(), size=(1280, 720))
    session = Session(find_scenario(SCENARIO), seed=1)
    chat = ChatScreen(app, session)
    app.push(chat)
    session.conv.deliver_all()      # everything has arrived: the chat waits for a reply
    chat.sync()
    app.tick([])
    frames_before = app.frames_drawn
    timer = threading.Timer(seconds, app.quit)
    c0, w0 = time.process_time(), time.perf_counter()
    timer.start()
    app.run()
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    drawn = app.frames_drawn - frames_before
    app.close()
    return {"cpu_percent": 100 * cpu / wall, "wall_s": wall, "frames_drawn": drawn}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=500)
    ap.add_argument("--frames", type=int, default=600)
    ap.add_argument("--idle", type=float, default=5.0)
    a = ap.parse_args()
    s = bench_scroll(a.messages, a.frames)
    print(f"scroll {a.messages} messages at 1280x720, {a.frames} frames: median {s['median_ms']:.2f} ms, "
          f"p99 {s['p99_ms']:.2f} ms, max {s['max_ms']:.2f} ms (building the chat {s['build_s'] * 1000:.0f} ms, "
          f"{s['content_px']} px tall)   target p99 < 8 ms")
    ff = bench_first_frame()
    print(f"launch to first drawn frame: {ff * 1000:.0f} ms (median of 3 fresh processes)   target < 1000 ms")
    idle = bench_idle(a.idle)
    print(f"idle chat screen over {idle['wall_s']:.1f} s: CPU {idle['cpu_percent']:.2f}% of one core, "
          f"{idle['frames_drawn']} frames drawn   target < 3%")
    ok = s["p99_ms"] < 8 and ff < 1.0 and idle["cpu_percent"] < 3
    print("all targets met" if ok else "SOME TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
