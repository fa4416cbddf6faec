"""Run in a subprocess by test_projector_window.py: a real class server on 127.0.0.1, the projector
window on the dummy display, three students over HTTP, the teacher on the window's keys.

Prints one JSON object: every step's phase, the window's texts and what the server says.
``argv[1]``: a folder for the PNG of every step (or "-").
"""

from __future__ import annotations

import json
import os
import sys
import urllib.error
import urllib.request
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import pygame  # noqa: E402

from game.library import load_library  # noqa: E402
from game.server.config import ServerConfig  # noqa: E402
from game.server.projector_link import ProjectorLink  # noqa: E402
from game.server.serve import ServerThread  # noqa: E402
from game.ui.projector.window import ProjectorWindow, open_surface  # noqa: E402


def call(url: str, path: str, token: str, body: dict | None = None) -> dict:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url + "api/v1/" + path, data=data, method="GET" if body is None else "POST",
                                 headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return json.load(r)
    except urllib.error.HTTPError as exc:
        return json.load(exc)


def main() -> None:
    shots = None if sys.argv[1] == "-" else Path(sys.argv[1])
    config = ServerConfig(library=load_library(), save=False, join_code="K7QM",
                          public_url="http://192.168.1.20:8765/")
    steps: list[dict] = []
    with ServerThread(config) as server:
        link = ProjectorLink(server.app, server.server.loop)
        window = ProjectorWindow(link, open_surface((1920, 1080)))
        teacher = config.teacher_token

        def step(name: str) -> None:
            window.refresh()
            window.draw()
            if shots is not None:
                pygame.image.save(window.surface, str(shots / f"{len(steps) + 1}-{name}.png"))
            steps.append({"name": name, "phase": window.state.get("phase"), "texts": list(window.painter.texts),
                          "pace": window.state.get("pace"),
                          "problem": window.frame.problem, "size": list(window.surface.get_size())})

        def key(k: int, text: str = "") -> None:
            window.refresh()
            window.key(pygame.event.Event(pygame.KEYDOWN, key=k, unicode=text, mod=0))

        step("join")
        students = [call(server.url, "join", "", {"join_code": "K7QM", "player": name})
                    for name in ("pixel_fox", "otter", "comet")]
        step("joined")
        call(server.url, "room/start", teacher, {"scenario": "generous-teammate", "seed": 7})
        step("intro")
        key(pygame.K_u)
        step("auto on")
        key(pygame.K_u)
        key(pygame.K_SPACE)
        step("one message")
        key(pygame.K_a)
        for s in students[:2]:
            call(server.url, "room/flag", s["token"], {"item": "1", "on": True})
        step("chat")
        key(pygame.K_v)
        call(server.url, "room/vote", students[0]["token"], {"key": "2"})
        step("vote")
        key(pygame.K_t)
        for k, text in ((pygame.K_1, "1"), (pygame.K_DOWN, ""), (pygame.K_1, "1")):
            key(k, text)
        step("tally")
        key(pygame.K_RETURN)                       # 1 + 1 device vote for "2" beats 1 for "1"
        step("voted")
        key(pygame.K_d)
        step("discussion")
        key(pygame.K_e)
        step("ended")
        key(pygame.K_r)
        step("reveal")
        teacher_state = call(server.url, "room/teacher", teacher)
    print(json.dumps({"steps": steps, "players": [s["player"] for s in students],
                      "replies": teacher_state.get("replies"), "line_height": window.painter.kit.line_height("body"),
                      "reveal": teacher_state.get("reveal")}, ensure_ascii=False))


if __name__ == "__main__":
    main()
