"""The projector in the game window: driven by the running server's rooms, in a subprocess on the dummy display."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from game.server import words

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def _env(**extra: str) -> dict[str, str]:
    return dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1",
                **extra)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = subprocess.run([sys.executable, str(HERE / "projector_drive.py"), "-"], cwd=ROOT, env=_env(),
                         capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr[-3000:]
    data = json.loads(out.stdout.strip().splitlines()[-1])
    data["by_name"] = {s["name"]: s for s in data["steps"]}
    return data


def texts(run, name):
    """Every line of a step's frame, joined with spaces (wrapped sentences read whole again)."""
    return " ".join(run["by_name"][name]["texts"])


def test_the_join_screen_shows_address_code_and_count(run):
    join = run["by_name"]["join"]
    assert join["phase"] == "waiting" and join["size"] == [1920, 1080]
    assert "K7QM" in join["texts"] and "http://192.168.1.20:8765/" in join["texts"]
    assert "0 joined" in join["texts"]
    assert "3 joined" in run["by_name"]["joined"]["texts"]


def test_text_is_big_enough_for_the_back_of_the_room(run):
    assert run["line_height"] >= 48          # body text about 42 px at 1080 lines


def test_keys_pace_the_chat_and_counts_are_live(run):
    intro = texts(run, "intro")
    assert words.GROUND_RULES_TITLE in intro and words.GROUND_RULES[0] in intro
    assert run["by_name"]["auto on"]["pace"] == {"auto": True, "seconds": 8}
    assert run["by_name"]["one message"]["pace"]["auto"] is False      # U again: off
    assert "[1]" in texts(run, "one message") and "[2]" not in texts(run, "one message")
    chat = texts(run, "chat")
    assert "[5]" in chat and "2 flags so far" in chat and "3 joined" in chat


def test_the_vote_shows_how_many_voted_and_no_counts_until_it_closes(run):
    vote = run["by_name"]["vote"]
    assert vote["phase"] == "vote" and "1 of 3 voted" in vote["texts"]
    assert words.PROJECTOR["vote_title"] in texts(run, "vote")
    assert words.PROJECTOR["voted_title"] not in texts(run, "vote")
    assert words.PROJECTOR_TALLY_HELP in texts(run, "tally")
    assert run["by_name"]["voted"]["phase"] == "chat" and words.PROJECTOR["voted_title"] in texts(run, "voted")
    assert run["replies"][0]["key"] == "2"     # show of hands 1/1 plus one device vote for 2


def test_discussion_end_and_reveal(run):
    assert run["by_name"]["discussion"]["phase"] == "discussion"
    assert words.PROJECTOR["discussion_title"] in texts(run, "discussion")
    assert run["by_name"]["ended"]["phase"] == "ended"
    reveal = run["by_name"]["reveal"]
    assert reveal["phase"] == "reveal" and not reveal["problem"]
    assert run["reveal"]["spotted"]["words"] in reveal["texts"]
    assert "2 of 3" in reveal["texts"]


def test_the_projector_never_shows_a_name(run):
    for s in run["steps"]:
        for player in run["players"]:
            assert not any(player in t for t in s["texts"]), (s["name"], player)


def test_class_command_opens_the_window_and_stops_cleanly(tmp_path):
    status, shots = tmp_path / "status.json", tmp_path / "shots"
    proc = subprocess.Popen([sys.executable, "main.py", "class", "--host", "127.0.0.1", "--port", "0",
                             "--status-file", str(status), "--data-dir", str(tmp_path / "data")],
                            cwd=ROOT, env=_env(REDFLAGS_PROJECTOR_SHOTS=str(shots), REDFLAGS_WINDOW_SIZE="1920x1080"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        def frame() -> dict:
            try:
                return json.loads((shots / "frame.json").read_text())
            except (OSError, ValueError):
                return {}

        def until(predicate, what):
            deadline = time.monotonic() + 60
            while not predicate():
                assert proc.poll() is None, proc.communicate()[1][-2000:]
                assert time.monotonic() < deadline, what
                time.sleep(0.05)

        until(status.exists, "no status file")
        data = json.loads(status.read_text())
        until(lambda: data["join_code"] in frame().get("texts", []), "the window never showed the join code")
        assert frame()["size"] == [1920, 1080] and "0 joined" in frame()["texts"]
        req = urllib.request.Request(data["url"] + "api/v1/join", data=json.dumps(
            {"join_code": data["join_code"]}).encode(), headers={"Content-Type": "application/json"})
        urllib.request.urlopen(req, timeout=10).close()
        until(lambda: "1 joined" in frame().get("texts", []), "the window did not follow the room")
        assert (shots / "frame.png").stat().st_size > 1000
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == 0, err
        assert "Every result is saved" in out and "Traceback" not in err
        assert not status.exists()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
