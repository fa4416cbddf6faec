"""Atomic writes go only to regular files: FIFOs and devices are written in place, folders refused.

`report --out`, `play --result-json` and `--screenshot-dir`; a bad target is
refused before the work starts (status 2), never with a traceback after a
whole chat.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from game.cli import main

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = "generous-teammate"


def script(tmp_path: Path) -> Path:
    path = tmp_path / "s.txt"
    path.write_text("flag 1\n1\n")
    return path


def read_fifo_in_background(fifo: Path) -> tuple[threading.Thread, list[bytes]]:
    got: list[bytes] = []

    def reader():
        with open(fifo, "rb") as fh:
            got.append(fh.read())

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    return thread, got


def test_report_into_a_fifo_writes_through_it_and_keeps_it(tmp_path, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    thread, got = read_fifo_in_background(fifo)
    assert main(["report", "--format", "csv", "--out", str(fifo)]) == 0
    thread.join(10)
    assert got and got[0].startswith(b"session,")
    assert stat.S_ISFIFO(fifo.stat().st_mode)   # still a FIFO, not replaced by a regular file


def test_report_into_a_fifo_nobody_reads_is_one_line_not_a_hang(tmp_path, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert main(["report", "--format", "csv", "--out", str(fifo)]) == 1
    err = capsys.readouterr().err
    assert "no program is reading" in err
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_report_into_dev_null_leaves_the_device_alone(capsys):
    before = os.stat("/dev/null")
    assert main(["report", "--format", "csv", "--out", "/dev/null"]) == 0
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_report_into_a_folder_is_refused_before_any_work(tmp_path, capsys):
    assert main(["report", "--format", "csv", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "folder" in err


def test_report_replaces_a_regular_file_atomically_keeping_its_mode(tmp_path, capsys):
    out = tmp_path / "r.csv"
    out.write_text("old")
    out.chmod(0o640)
    assert main(["report", "--format", "csv", "--out", str(out)]) == 0
    assert out.read_text().startswith("session,") and stat.S_IMODE(out.stat().st_mode) == 0o640
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]   # no temporary file left


def test_report_through_a_symlink_replaces_the_target_not_the_link(tmp_path, capsys):
    target = tmp_path / "real.csv"
    target.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    assert main(["report", "--format", "csv", "--out", str(link)]) == 0
    assert link.is_symlink() and target.read_text().startswith("session,")


@pytest.mark.parametrize("kind", ["folder", "socket"])
def test_result_json_that_cannot_be_a_file_is_refused_before_the_chat(tmp_path, capsys, kind):
    target = tmp_path / "target"
    if kind == "folder":
        target.mkdir()
    else:
        import socket
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(target))
    assert main(["play", SCENARIO, "--text", "--no-save", "--script", str(script(tmp_path)),
                 "--result-json", str(target)]) == 2
    out, err = capsys.readouterr()
    assert out == ""   # the chat never started
    assert err.count("\n") == 1 and "--result-json" in err


def test_result_json_into_a_fifo_writes_through_it(tmp_path, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    thread, got = read_fifo_in_background(fifo)
    assert main(["play", SCENARIO, "--text", "--no-save", "--script", str(script(tmp_path)),
                 "--result-json", str(fifo)]) == 0
    thread.join(10)
    assert json.loads(got[0])["scenario"] == SCENARIO
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_result_json_that_fails_at_the_end_keeps_the_session(tmp_path, capsys, private_data_dir):
    fifo = tmp_path / "pipe"   # nobody reads it when the chat ends
    os.mkfifo(fifo)
    code = main(["play", SCENARIO, "--text", "--script", str(script(tmp_path)), "--result-json", str(fifo)])
    assert code == 1
    err = capsys.readouterr().err
    assert "result record was not written" in err and "Traceback" not in err
    from game.results.store import Store

    with Store.open(private_data_dir) as store:
        (session,) = store.sessions()
        assert session.ended_at is not None and session.event_count > 3   # the session itself was stored


def test_screenshot_dir_that_is_a_file_is_refused_before_the_window_opens(tmp_path):
    not_a_dir = tmp_path / "shots"
    not_a_dir.write_text("x")
    run = subprocess.run(check=False, args=[sys.executable, "main.py", "play", SCENARIO, "--no-save", "--script",
                          str(script(tmp_path)), "--screenshot-dir", str(not_a_dir)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy"))
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr and "--screenshot-dir" in run.stderr
    assert not_a_dir.read_text() == "x"


def test_screenshot_over_a_fifo_in_the_folder_is_not_replaced(tmp_path):
    shots = tmp_path / "shots"
    shots.mkdir()
    os.mkfifo(shots / "0001.png")   # nobody reads it: one line, the rest of the run goes on
    run = subprocess.run(check=False, args=[sys.executable, "main.py", "play", SCENARIO, "--no-save", "--script",
                          str(script(tmp_path)), "--screenshot-dir", str(shots)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy"))
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr and "cannot save screenshot" in run.stderr
    assert stat.S_ISFIFO((shots / "0001.png").stat().st_mode)
