"""`python main.py validate`: output lines, hints, --strict, --format json, exit codes, summary."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from scenario_kit import locate, scenario, write

from game import paths
from game.cli import main
from game.validator import check_file

ROOT = Path(__file__).resolve().parents[2]
LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): "
                  r"\[(?P<code>RF\d{3})\] (?P<message>.+?)(?: \((?P<hint>[^()]*)\))?$")
SUMMARY = re.compile(r"^(\d+) files? checked: (\d+) errors?, (\d+) warnings?$")


def run(capsys, *args) -> tuple[int, list[str], str]:
    code = main(["validate", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def parsed(lines: list[str]) -> list[dict]:
    """Finding lines as dicts; every line but the last must be a finding."""
    found = []
    for line in lines[:-1]:
        match = LINE.match(line)
        assert match, f"not a finding line: {line!r}"
        found.append(match.groupdict())
    assert SUMMARY.match(lines[-1]), lines[-1]
    return found


def summary(lines: list[str]) -> tuple[int, int, int]:
    return tuple(int(x) for x in SUMMARY.match(lines[-1]).groups())


def test_clean_file_prints_only_the_summary_and_exits_0(tmp_path, capsys):
    code, lines, err = run(capsys, write(tmp_path, scenario()))
    assert code == 0
    assert lines == ["1 file checked: 0 errors, 0 warnings"]
    assert err == ""


def test_error_line_format_and_exit_1(tmp_path, capsys):
    text, (line, col) = locate(scenario(c0="        »nxet: b\n"))
    path = write(tmp_path, text)
    code, lines, _ = run(capsys, path)
    assert code == 1
    [finding] = parsed(lines)
    assert finding == {"file": str(path), "line": str(line), "col": str(col), "severity": "error",
                       "code": "RF010", "message": "unknown key 'nxet' in a choice", "hint": "did you mean 'next'?"}
    assert summary(lines) == (1, 1, 0)


@pytest.mark.parametrize("change,code,hint", [
    (dict(message="        tetx: hello\n"), "RF010", "did you mean 'text'?"),
    (dict(flags="        red_flags: [secrecyy]\n"), "RF102", "did you mean 'secrecy'?"),
    (dict(c0="        discloses: [loaction]\n"), "RF103", "did you mean 'location'?"),
    (dict(nodes="  gift_offer:\n    end: {outcome: unsafe}\n", choice="      - text: x\n        next: gift_ofer\n"),
     "RF101", "did you mean 'gift_offer'?"),
])
def test_did_you_mean_hints_are_printed(tmp_path, capsys, change, code, hint):
    exit_code, lines, _ = run(capsys, write(tmp_path, scenario(**change)))
    [finding] = parsed(lines)
    assert (exit_code, finding["code"], finding["hint"]) == (1, code, hint)


def test_warnings_alone_exit_0_and_strict_makes_them_errors(tmp_path, capsys):
    path = write(tmp_path, scenario(message='        if: "trust >= 2"\n'))   # RF206
    code, lines, _ = run(capsys, path)
    [finding] = parsed(lines)
    assert (code, finding["severity"], finding["code"]) == (0, "warning", "RF206")
    assert summary(lines) == (1, 0, 1)

    code, lines, _ = run(capsys, "--strict", path)
    [finding] = parsed(lines)
    assert (code, finding["severity"], finding["code"]) == (1, "error", "RF206")
    assert summary(lines) == (1, 1, 0)


def test_json_format(tmp_path, capsys):
    # an error (difficulty out of range, line 5) and a warning that errors do not hold back (RF208)
    text = scenario(top="difficulty: 7\n", message="      - text: " + "y" * 501 + "\n")
    path = write(tmp_path, text)
    code, lines, _ = run(capsys, "--format", "json", path)
    assert code == 1
    data = json.loads("\n".join(lines))
    assert isinstance(data, list)
    for item in data:
        assert set(item) == {"file", "line", "col", "severity", "code", "message"}
        assert item["file"] == str(path)
    assert data == [
        {"file": str(path), "line": 5, "col": 13, "severity": "error", "code": "RF013",
         "message": "'difficulty' must be between 1 and 3, not 7"},
        {"file": str(path), "line": 14, "col": 9, "severity": "warning", "code": "RF208",
         "message": "message 'a.1' is 501 characters long (keep chat messages under 500; split it into several)"},
    ]


def test_json_message_folds_the_hint_in(tmp_path, capsys):
    code, lines, _ = run(capsys, "--format", "json", write(tmp_path, scenario(c0="        nxet: b\n")))
    [item] = json.loads("\n".join(lines))
    assert item["message"] == "unknown key 'nxet' in a choice (did you mean 'next'?)"
    assert code == 1


def test_json_of_a_clean_file_is_an_empty_list(tmp_path, capsys):
    code, lines, _ = run(capsys, "--format", "json", write(tmp_path, scenario()))
    assert (code, json.loads("\n".join(lines))) == (0, [])


def test_strict_json_reports_warnings_as_errors(tmp_path, capsys):
    path = write(tmp_path, scenario(message='        if: "trust >= 2"\n'))
    code, lines, _ = run(capsys, "--strict", "--format", "json", path)
    assert code == 1
    assert [(d["code"], d["severity"]) for d in json.loads("\n".join(lines))] == [("RF206", "error")]


def test_missing_path_exits_2_with_one_line(tmp_path, capsys):
    code, lines, err = run(capsys, write(tmp_path, scenario()), tmp_path / "nope.yaml")
    assert code == 2
    assert lines == []
    assert err.strip().splitlines() == [f"validate: no such file or folder: {tmp_path / 'nope.yaml'}"]


def test_folder_without_yaml_exits_2(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("hello")
    code, lines, err = run(capsys, tmp_path)
    assert code == 2 and lines == [] and len(err.strip().splitlines()) == 1


def test_unknown_option_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["validate", "--format", "xml"])
    assert exc.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_folders_are_searched_and_output_sorted_by_file_and_line(tmp_path, capsys):
    sub = tmp_path / "more"
    sub.mkdir()
    write(tmp_path, scenario(id="one", top="difficulty: 9\n", message="        severty: 2\n"), "b.yaml")
    write(sub, scenario(id="two", top="kind: grooming2\n"), "a.yaml")
    write(tmp_path, scenario(id="three"), "c.yml")
    write(tmp_path, "not: [a scenario\n", "ignored.txt")
    code, lines, _ = run(capsys, tmp_path)
    found = parsed(lines)
    keys = [(f["file"], int(f["line"]), int(f["col"])) for f in found]
    assert keys == sorted(keys)
    assert {Path(f["file"]).name for f in found} == {"a.yaml", "b.yaml"}
    assert len(found) == 3
    assert summary(lines) == (3, 3, 0)
    assert code == 1


def test_duplicate_ids_across_files_in_cli(tmp_path, capsys):
    write(tmp_path, scenario(id="twin"), "a.yaml")
    write(tmp_path, scenario(id="twin"), "b.yaml")
    code, lines, _ = run(capsys, tmp_path)
    [finding] = parsed(lines)
    assert (code, finding["code"], Path(finding["file"]).name) == (1, "RF016", "b.yaml")


def test_summary_counts_many_files(tmp_path, capsys):
    for i in range(3):
        write(tmp_path, scenario(id=f"s{i}", message='        if: "x > 1"\n' if i else ""), f"s{i}.yaml")
    code, lines, _ = run(capsys, tmp_path)
    assert code == 0
    assert lines[-1] == "3 files checked: 0 errors, 2 warnings"


def test_shipped_scenarios_have_no_errors(capsys):
    code, lines, _ = run(capsys)        # default: the bundled scenarios/ folder and the check's forms
    files = len([p for p in paths.SCENARIOS_DIR.rglob("*") if p.suffix in (".yaml", ".yml")])
    files += len(list((paths.DATA_DIR / "checks").glob("*.yaml")))
    checked, errors, _ = summary(lines)
    assert (code, checked, errors) == (0, files, 0), "\n".join(lines)


def test_real_subprocess(tmp_path):
    good = write(tmp_path, scenario(id="good"), "good.yaml")
    bad_text, (line, col) = locate(scenario(id="bad", flags="        red_flags: [»flatery]\n"))
    bad = write(tmp_path, bad_text, "bad.yaml")
    proc = subprocess.run([sys.executable, "main.py", "validate", str(good), str(bad)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    assert proc.stdout.splitlines() == [
        f"{bad}:{line}:{col}: error: [RF102] unknown red-flag category 'flatery' (did you mean 'flattery'?)",
        "2 files checked: 1 error, 0 warnings",
    ]
    proc = subprocess.run([sys.executable, "main.py", "validate", str(tmp_path / "missing")], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and proc.stdout == ""


# -- one typo, one finding (or two): no cascades ------------------------------------------------

SHIPPED = sorted(paths.SCENARIOS_DIR.glob("*.yaml"))
TYPOS = [("choices:", "choises:"), ("next:", "nxet:"), ("red_flags:", "red_flag:"), ("messages:", "mesages:"),
         ("outcome:", "outcom:"), ("start:", "strat:")]


def _signature(findings):
    return {(d.code, d.message) for d in findings}


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_one_typo_does_not_cascade(tmp_path, path):
    original = path.read_text(encoding="utf-8")
    before = _signature(check_file(path)[1])
    lines = original.splitlines(keepends=True)
    for old, new in TYPOS:
        # the first occurrence of the key, the one that hides the most behind it
        index = next((i for i, line in enumerate(lines) if line.lstrip(" -").startswith(old)), None)
        if index is None:
            continue
        mutated = lines[:index] + [lines[index].replace(old, new, 1)] + lines[index + 1:]
        _, findings = check_file(write(tmp_path, "".join(mutated), path.name))
        new_findings = [d for d in findings if (d.code, d.message) not in before]
        assert 1 <= len(new_findings) <= 2, (old, [d.format() for d in new_findings])
        assert all(d.severity == "error" for d in new_findings), (old, [d.format() for d in new_findings])
        assert any(d.code in ("RF010", "RF011") for d in new_findings)
