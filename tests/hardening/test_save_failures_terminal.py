"""The terminal on a really full disk and a really read-only store (item 4 of the hardening issue).

Before: 25 chats on a full disk all exited 0 with nothing said and 24 were
lost; a read-only store saved nothing, silently. Now the player is told once
(on standard error) that the result could not be saved yet, the chat goes on
with the events kept in memory, every event is written as soon as the disk
takes it again, and a chat that ends unsaved exits with status 1 and one line.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from small_disk import small_disk  # noqa: F401 - the fixture

from game.play import saving
from game.results.store import Store

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = "age-keeps-changing"
SCRIPT = ROOT / "tests" / "golden" / SCENARIO / "best.script"
EXPECTED = json.loads((ROOT / "tests" / "golden" / SCENARIO / "best.expected.json").read_text())
COMMANDS = [line for line in SCRIPT.read_text().splitlines() if line.strip() and not line.startswith("#")]


def play(data_dir: Path, *args: str, stdin: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", "play", SCENARIO, "--text", "--seed", "1",
                           "--data-dir", str(data_dir), *args], cwd=ROOT, input=stdin, text=True,
                          capture_output=True, timeout=timeout)


def scripted(data_dir: Path) -> subprocess.CompletedProcess:
    return play(data_dir, "--script", str(SCRIPT))


def stored(data_dir: Path) -> list:
    with Store.open(data_dir) as store:
        return [(s.status, store.result(s.id), store.events(s.id)) for s in store.sessions()]


def lines_of(text: str) -> list[str]:
    assert "Traceback" not in text, text
    return [line for line in text.splitlines() if line.strip()]


def reference_events(tmp_path: Path) -> list[dict]:
    folder = tmp_path / "reference"
    assert scripted(folder).returncode == 0
    ((status, result, events),) = stored(folder)
    assert status == "complete" and result["score"] == EXPECTED["score"]
    return events


def same_log(a: list[dict], b: list[dict]) -> bool:
    def strip(events):
        return [{k: v for k, v in e.items() if k != "t"} for e in events]
    return strip(a) == strip(b)


@pytest.mark.parametrize("failure", ["full", "read-only"])
def test_a_chat_that_cannot_be_saved_says_so_and_exits_1(small_disk, failure):  # noqa: F811
    data = small_disk.path / "data"
    assert scripted(data).returncode == 0            # one chat stored while there was room
    small_disk.fill() if failure == "full" else small_disk.read_only()
    done = scripted(data)
    reason = "the disk is full" if failure == "full" else "the results folder is read-only"
    err = lines_of(done.stderr)
    assert done.returncode == 1, done.stderr
    assert err == [f"({saving.FAILING.format(reason=reason)})",
                   f"play: {saving.NOT_SAVED.format(reason=reason)}"], err
    assert "You left the chat" in done.stdout or done.stdout.strip()   # the chat itself went on to its end
    small_disk.free() if failure == "full" else small_disk.writable()
    rows = stored(data)
    assert [status for status, _, _ in rows] == ["complete"]        # the older chat is untouched


def test_a_chat_on_a_store_folder_that_cannot_be_created(small_disk):  # noqa: F811
    small_disk.read_only()
    done = scripted(small_disk.path / "new" / "data")
    err = lines_of(done.stderr)
    assert done.returncode == 1
    assert err[-1] == f"play: {saving.NOT_SAVED.format(reason='the results folder is read-only')}"
    assert len(err) == 2


class Player:
    """`play --text` at a (piped) keyboard: send lines, read standard error as it comes."""

    def __init__(self, data_dir: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "main.py", "play", SCENARIO, "--text", "--seed", "1", "--data-dir", str(data_dir)],
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
        self.err: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self.proc.stdout.read, daemon=True).start()   # type: ignore[union-attr]

    def _read(self) -> None:
        for line in self.proc.stderr:   # type: ignore[union-attr]
            self.err.put(line.rstrip("\n"))

    def send(self, *lines: str) -> None:
        assert self.proc.stdin is not None
        for line in lines:
            self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def next_error_line(self, timeout: float = 60) -> str:
        return self.err.get(timeout=timeout)

    def close(self, timeout: float = 120) -> tuple[int, list[str]]:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        code = self.proc.wait(timeout)
        rest = []
        while True:
            try:
                rest.append(self.err.get(timeout=1))
            except queue.Empty:
                return code, rest


@pytest.mark.parametrize("failure", ["full", "read-only"])
def test_nothing_is_lost_when_space_comes_back_mid_chat(small_disk, tmp_path, failure):  # noqa: F811
    reference = reference_events(tmp_path)
    data = small_disk.path / "data"
    assert scripted(data).returncode == 0
    small_disk.fill() if failure == "full" else small_disk.read_only()
    player = Player(data)
    half = len(COMMANDS) // 2
    player.send(*COMMANDS[:half])
    reason = "the disk is full" if failure == "full" else "the results folder is read-only"
    assert player.next_error_line() == f"({saving.FAILING.format(reason=reason)})"
    small_disk.free() if failure == "full" else small_disk.writable()
    player.send(*COMMANDS[half:])
    code, rest = player.close()
    assert code == 0, rest
    assert rest == [f"({saving.RECOVERED})"]           # told once that it failed, once that it is saved
    rows = stored(data)
    assert [status for status, _, _ in rows] == ["complete", "complete"]
    _, result, events = rows[-1]
    assert result["score"] == EXPECTED["score"]
    assert same_log(events, reference)                 # every event, in order
