"""Command-line edges: each is one line on standard error and a documented exit status, never a traceback.

Huge seeds, a huge ``--since``, scripts saved by Windows Notepad (byte-order
mark, CRLF), standard input or output closed or full, and ``forget`` asking
for confirmation when nobody can answer. The exit statuses are those of
docs/safety.md.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from results_helpers import record_session
from results_helpers import scenario as shipped

from game.cli import main
from game.results.store import Store

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = "generous-teammate"


def shell(command: str, data_dir: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    """Run `python main.py ...` through bash, so redirections such as `<&-` and `>&-` can close streams."""
    return subprocess.run(check=False, args=["bash", "-c", f"exec {sys.executable} main.py {command}"],
                          cwd=ROOT, text=True, capture_output=True, timeout=timeout,
                          env={"PATH": "/usr/bin:/bin", "REDFLAGS_DATA_DIR": str(data_dir),
                               "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"})


def one_line_error(stderr: str) -> None:
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines, "expected a message on standard error"


@pytest.mark.parametrize("seed", [str(2 ** 63), str(10 ** 30), str(-(2 ** 63) - 1)])
def test_seed_outside_64_bits_is_a_usage_error(capsys, seed):
    with pytest.raises(SystemExit) as exit_info:
        main(["play", SCENARIO, "--text", "--seed", seed])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "--seed" in err.splitlines()[-1] and "out of range" in err.splitlines()[-1]


def test_largest_seed_is_stored(tmp_path, private_data_dir):
    script = tmp_path / "s.txt"
    script.write_text("1\n")
    result = tmp_path / "r.json"
    code = main(["play", SCENARIO, "--text", "--seed", str(2 ** 63 - 1), "--script", str(script),
                 "--result-json", str(result)])
    assert code == 0
    assert json.loads(result.read_text())["seed"] == 2 ** 63 - 1
    with Store.open(private_data_dir) as store:
        assert [s.seed for s in store.sessions()] == [2 ** 63 - 1]


@pytest.mark.parametrize("since", ["999999999999d", "99999999999999999999999d", "0001-01-01"])
def test_since_beyond_the_calendar_is_one_line_and_status_2(capsys, since):
    assert main(["report", "--since", since, "--format", "csv"]) == 2
    err = capsys.readouterr().err
    one_line_error(err)
    assert err.count("\n") == 1 and since in err


@pytest.mark.parametrize("encoding", ["bom", "crlf", "bom+crlf"])
def test_notepad_scripts_play_like_any_other(tmp_path, encoding):
    plain = tmp_path / "plain.txt"
    plain.write_bytes(b"flag 1\n1\n")
    data = b"flag 1\r\n1\r\n" if "crlf" in encoding else b"flag 1\n1\n"
    if "bom" in encoding:
        data = b"\xef\xbb\xbf" + data
    odd = tmp_path / "odd.txt"
    odd.write_bytes(data)
    results = []
    for script in (plain, odd):
        out = tmp_path / f"{script.stem}.json"
        assert main(["play", SCENARIO, "--text", "--no-save", "--seed", "3", "--script", str(script),
                     "--result-json", str(out)]) == 0
        result = json.loads(out.read_text())
        result.pop("duration_s", None)
        results.append(result)
    assert results[0] == results[1]
    assert results[0]["hits"] or results[0]["false_alarms"]   # the flag on line 1 was read


def test_closed_stdin_in_the_terminal_game_is_end_of_input(tmp_path):
    run = shell(f"play {SCENARIO} --text <&-", tmp_path / "data")
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    with Store.open(tmp_path / "data") as store:
        (session,) = store.sessions()
        assert session.status != "complete"   # stored as unfinished (quit), so it can be resumed


def test_script_from_closed_stdin_is_one_line_and_status_2(tmp_path):
    run = shell(f"play {SCENARIO} --text --script - <&-", tmp_path / "data")
    assert run.returncode == 2
    one_line_error(run.stderr)
    assert "standard input is closed" in run.stderr


@pytest.mark.parametrize("command", ["list", f"graph {SCENARIO}", "validate", f"play {SCENARIO} --text",
                                     "report --format csv"])
def test_closed_stdout_is_one_line_and_status_2(tmp_path, command):
    run = shell(f"{command} >&-", tmp_path / "data")
    assert run.returncode == 2, run.stderr
    one_line_error(run.stderr)
    assert "standard output is closed" in run.stderr


@pytest.mark.parametrize("command", ["list", f"graph {SCENARIO}", "report --format csv"])
def test_full_stdout_is_one_line_and_status_1(tmp_path, command):
    run = shell(f"{command} >/dev/full", tmp_path / "data")
    assert run.returncode == 1, run.stderr
    one_line_error(run.stderr)
    assert "No space left on device" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_report_to_a_file_works_with_stdout_closed(tmp_path):
    run = shell(f"report --format csv --out {tmp_path / 'r.csv'} >&-", tmp_path / "data")
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "r.csv").read_text().startswith("session,")


@pytest.mark.parametrize("stdin", ["<&-", "</dev/null"])
def test_forget_without_anyone_to_answer_deletes_nothing(tmp_path, stdin):
    data = tmp_path / "data"
    with Store.open(data) as store:
        record_session(store, shipped(SCENARIO), player="zebracorn")
    run = shell(f"forget --player zebracorn {stdin}", data)
    assert run.returncode == 1
    one_line_error(run.stderr)
    assert "--yes" in run.stderr and "nothing was deleted" in run.stderr
    with Store.open(data) as store:
        assert len(store.sessions()) == 1


def test_forget_with_yes_needs_no_stdin(tmp_path):
    data = tmp_path / "data"
    with Store.open(data) as store:
        record_session(store, shipped(SCENARIO), player="zebracorn")
    run = shell("forget --player zebracorn --yes <&-", data)
    assert run.returncode == 0, run.stderr
    with Store.open(data) as store:
        assert store.sessions() == []


def test_script_over_the_size_limit_is_refused_without_reading_it_all(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(8 * 1024 ** 3)   # sparse: 8 GiB of NUL bytes that take no disk space
    run = shell(f"play {SCENARIO} --text --no-save --script {big}", tmp_path / "data")
    assert run.returncode == 2
    one_line_error(run.stderr)
    assert "limit" in run.stderr
