"""`python main.py class`: options checked at start, the status file, a clean stop."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_class(*args: str, env_dir: Path, timeout: float = 30) -> subprocess.CompletedProcess:
    env = dict(os.environ, REDFLAGS_DATA_DIR=str(env_dir))
    return subprocess.run([sys.executable, "main.py", "class", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("args,message", [
    (["--library", "/no/such/folder"], "--library /no/such/folder: no such folder"),
    (["--scenario", "nope"], "--scenario nope: not in the library"),
    (["--class", "bad code!"], "--class bad code!:"),
    (["--port", "70000"], "--port 70000: not a port number"),
    (["--status-file", "/no/such/dir/status.json"], "the folder does not exist"),
])
def test_bad_options_are_one_line_and_exit_2(tmp_path, args, message):
    result = run_class("--no-window", "--host", "127.0.0.1", "--port", "0", *args, env_dir=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_library_folder_is_validated_and_bad_files_are_named(tmp_path):
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "broken.yaml").write_text("id: [unclosed\n")
    result = run_class("--no-window", "--host", "127.0.0.1", "--port", "0", "--library", str(lib),
                       env_dir=tmp_path)
    assert result.returncode == 2
    assert "left out:" in result.stderr and "broken.yaml" in result.stderr
    assert "no scenario in it loads" in result.stderr


def test_status_file_then_clean_stop_on_ctrl_c(tmp_path):
    status = tmp_path / "status.json"
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "squad-up.yaml").write_bytes((ROOT / "scenarios" / "squad-up.yaml").read_bytes())
    (lib / "broken.yaml").write_text("id: x\n")
    env = dict(os.environ, REDFLAGS_DATA_DIR=str(tmp_path / "data"))
    proc = subprocess.Popen([sys.executable, "main.py", "class", "--no-window", "--host", "127.0.0.1",
                             "--port", "0", "--status-file", str(status), "--library", str(lib),
                             "--class", "8b", "--scenario", "squad-up"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 20
        while not status.exists():
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline, "no status file"
            time.sleep(0.05)
        assert stat.S_IMODE(status.stat().st_mode) == 0o600
        data = json.loads(status.read_text())
        assert set(data) == {"url", "join_code", "teacher_token", "admin_token"}
        assert data["url"].startswith("http://127.0.0.1:") and data["url"].endswith("/")
        assert len(data["teacher_token"]) >= 43 and len(data["admin_token"]) >= 43
        with urllib.request.urlopen(data["url"] + "api/v1/scenarios", timeout=5) as r:
            assert [s["id"] for s in json.load(r)] == ["squad-up"]
        req = urllib.request.Request(data["url"] + "api/v1/room/teacher",
                                     headers={"Authorization": f"Bearer {data['teacher_token']}"})
        with urllib.request.urlopen(req, timeout=5) as r:
            state = json.load(r)
        assert state["phase"] == "intro" and state["scenario"] == "squad-up" and state["class"] == "8B"
        # a live stream held open must not keep the server from stopping
        stream = urllib.request.urlopen(urllib.request.Request(
            data["url"] + "api/v1/room/teacher/events",
            headers={"Authorization": f"Bearer {data['teacher_token']}"}), timeout=5)
        assert stream.readline().startswith(b"retry:")
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=15)
        stream.close()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert "left out:" in err and "broken.yaml" in err
    assert f"join code {data['join_code']}" in out and f"/teach#{data['teacher_token']}" in out
    assert "stopped" in out
