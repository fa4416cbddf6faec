"""The counsellor PIN: a stored throttle, a deliberate step to set it, a confirmed reset, clear errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game.results import pin
from game.results.store import Store

ROOT = Path(__file__).resolve().parents[2]


def run(args, data, stdin=None, closed_stdin=False):
    if closed_stdin:
        return subprocess.run(["bash", "-c", f"exec {sys.executable} main.py {args} --data-dir {data} <&-"],
                              cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    return subprocess.run([sys.executable, "main.py", *args.split(), "--data-dir", str(data)], cwd=ROOT,
                          input=stdin or "", capture_output=True, text=True, timeout=120, check=False)


def test_the_wait_survives_reopening_the_pin_screen(tmp_path):
    now = [1_000_000.0]
    with Store.open(path=tmp_path / "r.sqlite3") as store:
        pin.set_pin(store, "482913")
        first = pin.Throttle(lambda: now[0], store=store)
        for _ in range(4):
            first.record(False)
        assert first.wait_s() == pytest.approx(10.0)
        reopened = pin.Throttle(lambda: now[0], store=store)   # the screen was closed and opened again
        assert reopened.wait_s() == pytest.approx(10.0)
        now[0] += 11
        assert reopened.wait_s() == 0
        reopened.record(False)
        assert pin.Throttle(lambda: now[0], store=store).wait_s() == pytest.approx(20.0)
        now[0] -= 3600                                         # the clock moved backwards
        assert pin.Throttle(lambda: now[0], store=store).wait_s() == pytest.approx(20.0)


def test_the_window_gate_keeps_the_count_when_reopened(tmp_path):
    pygame = pytest.importorskip("pygame")
    from game.ui.app import App
    from game.ui.routes import ROUTES
    from game.ui.screens import counsellor as cv
    from game.ui.settings import Settings

    data = tmp_path / "data"
    with Store.open(data) as store:
        pin.set_pin(store, "482913")
    app = App(Settings.load(data), size=(1280, 720), data_dir=data, routes=ROUTES)
    try:
        app.show_start()
        now = [5000.0]
        for _ in range(2):   # 3 wrong PINs, then close; open again and guess at once
            gate = cv.CounsellorScreen(app, clock=lambda: now[0])
            app.push(gate)
            app.tick([])
            for wrong in ("1234", "2345", "3456")[: 3 if _ == 0 else 1]:
                app.tick([pygame.event.Event(pygame.TEXTINPUT, text=wrong),
                          pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="", scancode=0)])
            if _ == 0:
                gate.leave()
        assert "Try again in" in gate.message
    finally:
        app.close()


def _tampered(n: int, r: int = 8, p: int = 1) -> str:
    good = pin.hash_pin("482913")
    _, _, _, _, salt, key = good.split("$")
    return f"scrypt${n}${r}${p}${salt}${key}"


@pytest.mark.parametrize("n,r,p", [(3, 8, 1), (1000, 8, 1), (2 ** 20, 32, 16), (2 ** 21, 8, 1)])
def test_tampered_scrypt_parameters_are_a_clear_error(tmp_path, n, r, p):
    with Store.open(path=tmp_path / "r.sqlite3") as store:
        store.set_setting(pin.SETTING, _tampered(n, r, p))
        with pytest.raises(pin.DamagedPin) as info:
            pin.check_pin(store, "482913")
    message = str(info.value)
    assert "\n" not in message and "damaged" in message and "--reset-pin" in message


def test_pin_set_is_the_deliberate_step(tmp_path):
    data = tmp_path / "data"
    res = run("pin set", data, stdin="739164\n739164\n")
    assert res.returncode == 0, res.stderr
    with Store.open(data) as store:
        assert pin.check_pin(store, "739164")
    res = run("pin set", data, stdin="482913\n482914\n")
    assert res.returncode == 2 and "not the same" in res.stderr
    with Store.open(data) as store:
        assert pin.check_pin(store, "739164")


@pytest.mark.parametrize("answer,kept", [("no\n", True), ("yes\n", False), (None, True)])
def test_reset_pin_asks_first(tmp_path, answer, kept):
    data = tmp_path / "data"
    with Store.open(data) as store:
        pin.set_pin(store, "739164")
    res = run("forget --reset-pin", data, stdin=answer, closed_stdin=answer is None)
    assert "Traceback" not in res.stderr
    assert res.returncode == (1 if kept else 0)
    with Store.open(data) as store:
        assert pin.is_set(store) == kept

