"""The window on a really full disk and a read-only store: a small notice, the save status, nothing lost.

The chat is played through the chat screen's ``act`` (the click path) with
the window's writer thread; the disk is a real tmpfs filled to the last block.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pytest  # noqa: E402
from small_disk import small_disk  # noqa: E402, F401 - the fixture

from game.command_language import read_script  # noqa: E402
from game.play import saving, sessions  # noqa: E402
from game.play.options import PlayOptions  # noqa: E402
from game.results.store import Store  # noqa: E402
from game.session import run_script  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.routes import ROUTES  # noqa: E402
from game.ui.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = "age-keeps-changing"
SCRIPT = ROOT / "tests" / "golden" / SCENARIO / "best.script"


def lines() -> list[tuple[int, str]]:
    with open(SCRIPT, encoding="utf-8") as handle:
        return list(read_script(handle))


def wait_for(app: App, predicate, limit: float = 30.0) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        app.tick([], 0.05)
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


def banner_pixels(app: App) -> pygame.Surface:
    w, _ = app.surface.get_size()
    return app.surface.subsurface(pygame.Rect(w // 2 - 200, 78, 400, 40)).copy()


@pytest.mark.parametrize("failure", ["full", "read-only"])
def test_window_shows_a_notice_keeps_playing_and_saves_when_it_can(small_disk, failure, tmp_path):  # noqa: F811
    data = small_disk.path / "data"
    with Store.open(data):
        pass                                             # the store exists, as on a device used before
    settings = Settings.load(tmp_path / "settings")
    settings.typing_speed = "instant"
    app = App(settings, size=(1280, 720), routes=ROUTES, options=PlayOptions(data_dir=data))
    try:
        if failure == "read-only":      # a mount cannot turn read-only under open files: before the chat
            small_disk.read_only()
        session = sessions.start(SCENARIO, app.play_options().with_(seed=1))
        chat = app.open("chat", session=session)
        app.tick([])
        before = banner_pixels(app)
        if failure == "full":           # the disk fills up in the middle of the chat
            small_disk.fill()
        script = lines()
        run_script(session, script[:6], execute=chat.act_or_raise)
        assert wait_for(app, lambda: app.save_banner.state == "retrying")
        before = before if failure == "full" else None
        reason = "the disk is full" if failure == "full" else "the results folder is read-only"
        assert app.save_banner.toast == saving.FAILING.format(reason=reason)
        assert app.save_banner.label == "Not saved yet: trying again"
        app.draw()
        if before is not None:
            assert banner_pixels(app).get_view("2").raw != before.get_view("2").raw   # it is on screen
        app.save_screenshot(tmp_path / f"banner-{failure}.png")
        # the chat goes on: more replies, no dialog in the way
        run_script(session, script[6:10], execute=chat.act_or_raise)
        assert app.top is chat
        assert app.save_banner.notice.failed and app.save_banner.toast is not None   # said once, not again
        small_disk.free() if failure == "full" else small_disk.writable()
        assert wait_for(app, lambda: app.save_banner.state == "saved")
        assert app.save_banner.toast == saving.RECOVERED and app.save_banner.label is None
        run_script(session, script[10:], execute=chat.act_or_raise)
        assert session.ended
        assert session.recorder is not None and session.recorder.wait_saved(30)
        with Store.open(data) as store:
            (record,) = store.sessions()
            assert record.status == "complete"
            assert len(store.events(record.id)) == len(session.events)
            assert store.result(record.id)["score"] == session.result()["score"]
    finally:
        app.close()


def test_scripted_window_on_a_full_disk_exits_1_with_one_line(small_disk, tmp_path):  # noqa: F811
    data = small_disk.path / "data"
    with Store.open(data):
        pass
    small_disk.fill()
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    done = subprocess.run([sys.executable, "main.py", "play", SCENARIO, "--seed", "1", "--data-dir", str(data),
                           "--script", str(SCRIPT), "--screenshot-dir", str(tmp_path / "shots")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        f"play: {saving.NOT_SAVED.format(reason='the disk is full')}"]
    commands = [text for _, text in lines() if text.strip() and not text.lstrip().startswith("#")]
    assert len(list((tmp_path / "shots").glob("*.png"))) == len(commands)
