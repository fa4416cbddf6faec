"""The projector window while the discernment check runs: progress only, never a name or an answer.

The painter draws the teacher state the server hands the window (its ``check`` part, from
game/server/roomcheck.py) onto an off-screen surface in a subprocess on the dummy display.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import json, os, sys
sys.path.insert(0, sys.argv[1])
import pygame
pygame.init()
from starlette.testclient import TestClient
from game.library import load_library
from game.server.app import create_app
from game.server.config import ServerConfig
from game.ui.projector.painter import Frame, ProjectorPainter

config = ServerConfig(library=load_library(), save=False, join_code="K7QM")
with TestClient(create_app(config)) as client:
    teacher = {"authorization": f"Bearer {config.teacher_token}"}
    kids = []
    for nick in ("secret_fox", "secret_owl"):
        r = client.post("/api/v1/join", json={"join_code": "K7QM", "player": nick})
        kids.append({"authorization": f"Bearer {r.json()['token']}"})
    client.post("/api/v1/room/check/start", json={"phase": "pre"}, headers=teacher)
    check = client.get("/api/v1/room/check", headers=kids[0]).json()["check"]
    while check["state"] == "taking":
        check = client.post("/api/v1/room/check/answer", json={"item": check["item"]["id"], "answer": "skip"},
                            headers=kids[0]).json()["check"]
    state = client.get("/api/v1/room/teacher", headers=teacher).json()
painter = ProjectorPainter((1920, 1080))
surface = pygame.Surface((1920, 1080))
painter.draw(surface, state, Frame())
print(json.dumps({"texts": painter.texts, "state": state}))
"""


def test_the_window_shows_how_many_finished_and_nothing_else():
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT)], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    data = json.loads(out.stdout.strip().splitlines()[-1])
    text = " ".join(data["texts"])
    said = data["state"]["check"]["words"]
    assert said["title"] in text and "1 of 2 finished" in text
    assert "K7QM" in text                                  # late joiners still see the join code
    assert "secret_fox" not in text and "secret_owl" not in text
