"""`python main.py check --text`: scripts, errors, the record file, and the player's words."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from game.checks import words
from game.checks.library import load_forms
from game.cli import main

ROOT = Path(__file__).resolve().parents[2]
# the right answer to every item of form A, certain each time
PERFECT = [("red 4" if item.is_signal else "safe 4") for item in load_forms()["A"].items]


def write(tmp_path, lines, name="answers.txt"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(capsys, *args):
    code = main(["check", "--text", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_scripted_check_writes_the_record(tmp_path, capsys):
    script = write(tmp_path, ["# answers", ""] + PERFECT)
    code, out, err = run(capsys, "--form", "A", "--phase", "pre", "--script", script,
                         "--result-json", tmp_path / "r.json", "--no-save")
    assert (code, err) == (0, "")
    record = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert (record["form"], record["phase"], record["complete"]) == ("A", "pre", True)
    assert (record["hits"], record["false_alarms"], record["auc"]) == (8, 0, 1.0)
    assert record["d_prime"] == 3.1864        # 2 x z(17/18), see test_check_scoring
    assert out.rstrip().endswith(words.THANKS)
    assert "[16/16]" in out and "d_prime" not in out and "3.18" not in out    # no score for the player


def test_end_of_script_before_the_last_item_is_an_incomplete_check(tmp_path, capsys):
    script = write(tmp_path, ["red 2", "skip"])
    code, out, _ = run(capsys, "--form", "b", "--script", script, "--result-json", tmp_path / "r.json", "--no-save")
    record = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert code == 0
    assert (record["form"], record["complete"], len(record["answers"])) == ("B", False, 2)
    assert record["answers"][1] == {"item": "b02", "skip": True}
    assert words.THANKS_PARTLY in out


def test_a_bad_line_names_its_line_and_exits_2(tmp_path, capsys):
    script = write(tmp_path, ["red 2", "# fine", "safe 5"])
    code, _, err = run(capsys, "--script", script, "--result-json", tmp_path / "r.json", "--no-save")
    assert code == 2
    assert err.strip() == f"{script}: line 3: how sure must be 1 to 4, not 5"
    assert not (tmp_path / "r.json").exists()


def test_lines_after_the_last_item(tmp_path, capsys):
    script = write(tmp_path, PERFECT + ["skip"])
    code, _, err = run(capsys, "--script", script, "--no-save")
    assert code == 2 and "line 17: the check is over (16 items)" in err


def test_bad_command_lines(tmp_path, capsys):
    code, _, err = run(capsys, "--script", tmp_path / "missing.txt", "--no-save")
    assert code == 2 and "cannot read script" in err and "Traceback" not in err
    code, _, err = run(capsys, "--result-json", tmp_path / "no" / "r.json", "--no-save")
    assert code == 2 and "does not exist" in err


def test_unknown_form_message(capsys):
    code, _, err = run(capsys, "--form", "C", "--no-save")
    assert code == 2 and err.strip() == "check: no form 'C' (forms: A, B)"


def test_keyboard_answers_with_retries_and_quit(monkeypatch, capsys):
    typed = iter(["red 3", "safe 9", "maybe", "s2", "quit"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(typed))
    code, out, _ = run(capsys, "--form", "A", "--no-save")
    assert code == 0
    assert "how sure must be 1 to 4, not 9" in out and "unknown command 'maybe'" in out
    assert words.THANKS_PARTLY in out


def test_real_subprocess_reads_stdin(tmp_path):
    proc = subprocess.run([sys.executable, "main.py", "check", "--text", "--script", "-", "--form", "A",
                           "--no-save", "--result-json", str(tmp_path / "r.json")],
                          input="\n".join(PERFECT[:3]) + "\n", cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    record = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert (record["signal_items"], record["hits"], record["noise_items"]) == (2, 2, 1)     # a01 red, a02 safe, a03 red
