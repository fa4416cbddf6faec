"""`play --resume` continues the newest unfinished session of a scenario in the terminal."""

import json

from game.cli import main


def run(argv, capsys, stdin_text, monkeypatch):
    import io
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin_text))
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_resume_continues_where_the_script_stopped(tmp_path, capsys, monkeypatch):
    args = ["play", "first-dm", "--text", "--script", "-", "--seed", "5", "--data-dir", str(tmp_path)]
    code, _, _ = run(args, capsys, "1\nflag 5\n", monkeypatch)   # input ends: stored as unfinished
    assert code == 0
    result = tmp_path / "r.json"
    code, out, err = run(["play", "first-dm", "--text", "--resume", "--script", "-", "--data-dir", str(tmp_path),
                          "--result-json", str(result)], capsys, "3\n", monkeypatch)
    assert code == 0, err
    assert "[5]" in out and "I'm going to ask my mum" in out   # the transcript so far is shown again
    record = json.loads(result.read_text())
    assert record["complete"] and record["ending"] == {"node": "told", "outcome": "safe"}
    assert record["hits"] == ["shared.1"] and record["disclosures"] == ["age", "school"]
    assert record["seed"] == 5 and record["told_adult"]
    code, _, err = run(["play", "first-dm", "--text", "--resume", "--data-dir", str(tmp_path)], capsys, "", monkeypatch)
    assert code == 2 and "no unfinished session" in err


def test_resume_refuses_no_save(tmp_path, capsys, monkeypatch):
    code, _, err = run(["play", "first-dm", "--text", "--resume", "--no-save"], capsys, "", monkeypatch)
    assert code == 2 and "--no-save" in err
