"""The command line of cli.md: play --text --script, list, graph, and errors without tracebacks."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from scenario_kit import scenario, write

from game.cli import main
from game.library import load_library

ROOT = Path(__file__).resolve().parent.parent

# start node a: message a.0 "hi" (flattery), one choice "ok" -> b (unsafe ending).
# A second, longer scenario for scripts with more than one step: a.1 asks the age; choices of a are
# 1) ok -> b (unsafe end), 2) 14 -> c (discloses age), 3) I'll ask my dad -> c (tells an adult);
# c sends c.0 (requests_images) and has one choice, 'no' -> d (safe end).
TWO_STEP = scenario(id="two-step", message="      - text: how old are you\n        red_flags: [asks_personal_info]\n",
                    choice="      - text: '14'\n        next: c\n        discloses: [age]\n"
                           "      - text: I'll ask my dad\n        next: c\n        tells_adult: true\n",
                    nodes="  c:\n    messages:\n      - text: send a pic\n        red_flags: [requests_images]\n"
                          "    choices:\n      - text: 'no'\n        next: d\n  d:\n    end:\n      outcome: safe\n")


def play(capsys, scenario_path, script_text, *extra, tmp_path):
    script = write(tmp_path, script_text, "commands.script")
    code = main(["play", str(scenario_path), "--text", "--no-save", "--script", str(script), *map(str, extra)])
    out, err = capsys.readouterr()
    return code, out, err, script


# -- play --text --script ----------------------------------------------------------------------

@pytest.mark.parametrize("script_text,line,message", [
    ("flag 1\n\n# a comment\n5\n", 4, "no choice 5 (the only choice is 1)"),
    ("dance\n", 1, "unknown command 'dance' (type help for the list)"),
    ("flag 1\nflag 9\n", 2, "no message [9] yet"),
    ("flag nope\n", 1, "unknown message or profile item 'nope'"),
    ("flag\n", 1, "'flag' needs one message number or id, like 'flag 3'"),
    ("block now\n", 1, "'block' takes nothing after it"),
])
def test_bad_script_line_exits_2_naming_the_line(capsys, tmp_path, script_text, line, message):
    path = write(tmp_path, scenario())
    code, out, err, script = play(capsys, path, script_text, tmp_path=tmp_path)
    assert code == 2
    assert f"{script}: line {line}: {message}" in err.splitlines()
    assert "Traceback" not in err


def test_choice_out_of_range_with_two_choices(capsys, tmp_path):
    path = write(tmp_path, TWO_STEP)
    code, _, err, script = play(capsys, path, "\n\n\n\n\n\n9\n", tmp_path=tmp_path)
    assert code == 2
    assert f"{script}: line 7: no choice 9 (choices are 1-3)" in err.splitlines()


def test_result_json_is_written(capsys, tmp_path):
    path = write(tmp_path, TWO_STEP)
    result = tmp_path / "result.json"
    code, out, err, _ = play(capsys, path, "flag 1\nflag 2\n2\nflag 3\n1\n", "--seed", 4242, "--result-json", result,
                             tmp_path=tmp_path)
    assert (code, err) == (0, "")
    record = json.loads(result.read_text(encoding="utf-8"))
    # a.0 (flattery 1) + a.1 (asks_personal_info 1) + c.0 (requests_images 3): all three flagged;
    # danger 1, 2, 5: the exit point is c.0; age disclosed; safe ending: exit 1.0
    # 100 x (0.4 x 1 + 0.4 x 1 + 0.2 x 0.9) = 98
    assert record["score"] == {"total": 98, "detection": 1.0, "exit": 1.0, "privacy": 0.9}
    assert (record["outcome"], record["ending"], record["complete"]) == ("ending", {"node": "d", "outcome": "safe"}, True)
    assert (record["seed"], record["scenario"], record["exit_point"], record["late"]) == (4242, "two-step", "c.0", 1)
    assert record["hits"] == ["a.0", "a.1", "c.0"] and record["disclosures"] == ["age"]


def test_end_of_script_before_the_end_counts_as_quit(capsys, tmp_path):
    path = write(tmp_path, TWO_STEP)
    result = tmp_path / "result.json"
    code, _, err, _ = play(capsys, path, "flag 2\n3\n", "--result-json", result, tmp_path=tmp_path)
    assert (code, err) == (0, "")
    record = json.loads(result.read_text(encoding="utf-8"))
    assert (record["outcome"], record["complete"], record["told_adult"]) == ("quit", False, True)
    assert record["score"]["total"] is None


def test_platform_action_in_a_script(capsys, tmp_path):
    path = write(tmp_path, TWO_STEP)
    result = tmp_path / "result.json"
    code, _, _, _ = play(capsys, path, "flag 1\nreport\n", "--result-json", result, tmp_path=tmp_path)
    record = json.loads(result.read_text(encoding="utf-8"))
    # a.1 missed: detection 1/2; no exit point (danger 2): exit 1; 100 x (0.2 + 0.4 + 0.2) = 80, + 5 for report
    assert (code, record["outcome"], record["score"]["total"], record["reported"]) == (0, "reported", 85, True)


def test_lines_after_the_end_are_ignored_with_a_note(capsys, tmp_path):
    path = write(tmp_path, scenario())
    code, _, err, script = play(capsys, path, "1\n# done\nflag 1\n", tmp_path=tmp_path)
    assert code == 0
    assert err.splitlines() == [f"{script}: line 3: the conversation is over; the rest of the script is ignored"]


def test_missing_script_file_exits_2(capsys, tmp_path):
    path = write(tmp_path, scenario())
    code = main(["play", str(path), "--text", "--no-save", "--script", str(tmp_path / "none.script")])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_result_json_folder_must_exist(capsys, tmp_path):
    path = write(tmp_path, scenario())
    code = main(["play", str(path), "--text", "--no-save", "--result-json", str(tmp_path / "no" / "r.json")])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_unloadable_scenario_exits_2_with_the_validator_message(capsys, tmp_path):
    path = write(tmp_path, scenario(c0="        nxet: b\n"))
    code = main(["play", str(path), "--text", "--no-save"])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{path}:16:9: error: [RF010] unknown key 'nxet' in a choice (did you mean 'next'?)" in err.splitlines()
    assert "Traceback" not in err


@pytest.mark.parametrize("command", [["play", "no-such-scenario", "--text"], ["graph", "no-such-scenario"],
                                     ["play", "missing/file.yaml", "--text"], ["graph", "missing.yaml"]])
def test_unknown_scenario_exits_2_with_one_line(capsys, command):
    code = main(command)
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err


def test_bad_command_line_exits_2():
    for argv in (["play"], ["play", "first-dm", "--seed", "abc"], ["frobnicate"], ["list", "--bogus"]):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2, argv


def run_main(*args, stdin=None):
    return subprocess.run([sys.executable, "main.py", *map(str, args)], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, timeout=60)


def test_script_from_stdin_and_transcript(tmp_path):
    path = write(tmp_path, TWO_STEP)
    result = tmp_path / "r.json"
    proc = run_main("play", path, "--text", "--no-save", "--seed", 1, "--script", "-", "--result-json", result,
                    stdin="flag 2\n2\n")
    assert proc.returncode == 0, proc.stderr
    assert "[1] Sam: hi" in proc.stdout and "[2] Sam: how old are you" in proc.stdout
    assert "(flagged [2])" in proc.stdout
    assert "[3] Sam: send a pic" in proc.stdout
    record = json.loads(result.read_text())
    assert (record["outcome"], record["hits"]) == ("quit", ["a.1"])


def test_bad_script_in_a_real_process(tmp_path):
    path = write(tmp_path, scenario())
    proc = run_main("play", path, "--text", "--no-save", "--script", "-", stdin="\n7\n")
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1] == "-: line 2: no choice 7 (the only choice is 1)"
    assert "Traceback" not in proc.stderr


# -- list ---------------------------------------------------------------------------------------

def test_list_prints_the_library_as_a_table(capsys):
    code = main(["list"])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[0].split() == ["id", "platform", "kind", "difficulty", "title"]
    library = load_library().scenarios
    assert len(out) == 1 + len(library)
    columns = [out[0].index(h) for h in ("id", "platform", "kind", "difficulty", "title")]
    rows = {}
    for line in out[1:]:
        cells = [line[start:end].strip() for start, end in zip(columns, columns[1:] + [None])]
        rows[cells[0]] = cells
    for s in library:
        assert rows[s.id] == [s.id, s.platform, s.kind, str(s.difficulty), s.title]
        assert s.platform in ("game_chat", "social_media", "dating_app") and s.kind in ("grooming", "benign")


def test_list_age_keeps_the_chats_whose_band_holds_that_age(capsys):
    from game.play.catalogue import age_range

    library = load_library().scenarios
    for age in (12, 15, 17):
        assert main(["list", "--age", str(age)]) == 0
        ids = {line.split()[0] for line in capsys.readouterr().out.splitlines()[1:]}
        assert ids == {s.id for s in library if age_range(s)[0] <= age <= age_range(s)[1]}, age
        assert ids
    for bad in ("11", "18", "x"):
        with pytest.raises(SystemExit) as stop:
            main(["list", "--age", bad])
        assert stop.value.code == 2
        assert "an age from 12 to 17" in capsys.readouterr().err


# -- graph --------------------------------------------------------------------------------------

NASTY = scenario(id="nasty", top='summary: x\n', message='        variants: [\'say "hi"\']\n',
                 nodes='  c:\n    messages:\n      - text: "back\\\\slash \\"quoted\\" {braces} <b>tags</b> -> arrow;"\n'
                       '    choices:\n      - {text: "a \\"quoted\\" reply \\\\", next: b, if: "true"}\n',
                 choice="      - text: 'go to \"c\"'\n        next: c\n        discloses: [age]\n"
                 ).replace("title: Tiny", 'title: "The \\"Tiny\\" \\\\ one"')


def dot_structure(text: str, scenario_obj) -> None:
    lines = text.strip().splitlines()
    assert re.match(r'^digraph ".*" \{$', lines[0]) and lines[-1] == "}"
    assert text.count("{") - text.count("\\{") >= 1
    for node_id in scenario_obj.nodes:
        assert re.search(rf'^  "{node_id}" \[', text, re.M), node_id
    for node in scenario_obj.nodes.values():
        for choice in node.choices:
            assert f'"{node.id}" -> "{choice.next}"' in text


@pytest.mark.parametrize("source", ["first-dm", "nasty"])
def test_graph_prints_valid_dot(capsys, tmp_path, source):
    from game.validator import load_scenario

    path = write(tmp_path, NASTY) if source == "nasty" else ROOT / "scenarios" / "first-dm.yaml"
    code = main(["graph", str(path)])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    dot_structure(out, load_scenario(path))
    if shutil.which("dot"):
        proc = subprocess.run(["dot", "-Tsvg"], input=out, capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr == "", proc.stderr      # no syntax warnings either
        assert "<svg" in proc.stdout


def test_graph_by_library_id(capsys):
    code = main(["graph", "first-dm"])
    out = capsys.readouterr().out
    assert code == 0 and out.startswith('digraph "first-dm" {')


def _debrief_of(scenario_id, script):
    path = ROOT / "tests" / "golden" / scenario_id / f"{script}.script"
    proc = run_main("play", scenario_id, "--text", "--no-save", "--script", path)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split("== Debrief ==", 1)[1]


def test_the_terminal_tally_leaves_out_counts_of_nothing_after_an_unsafe_ending():
    text = _debrief_of("first-dm", "worst")                     # unsafe: nothing spotted, 6 missed
    assert "\nMissed × 6\n" in text
    assert "Spotted × 0" not in text and "Red flags you spotted" not in text
    assert "Red flags you missed:" in text
    # the same rule as the window's and the browser's: a good ending still counts "Missed × 0"
    text = _debrief_of("first-dm", "best")
    assert "\nSpotted × 6   Missed × 0\n" in text
