"""The CSV report's ``report_reason`` column (and the JSON's, and the outcome label of a list built without
event logs): what a player who reported said happened.

Chats are played through the real command line into one data folder; the CSV comes from
`report --format csv` (streamed) and from the report model (``csv_report.render``), which must agree.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.results.reports import csv_report, model
from game.results.reports.labels import OUTCOMES
from game.results.store import Filters, Store

ROOT = Path(__file__).resolve().parents[2]

# (nickname, the chat's commands, the column expected)
PLAYS = [
    ("kiwi", "report threats\n", "threats"),
    ("mango", "flag 2\nreport pictures\n", "pictures"),
    ("lime", "report\n", ""),                 # a script's plain report: no reason
    ("fig", "block\n", ""),
    ("plum", "1\n", ""),                       # stopped mid-chat
]


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "REDFLAGS_DATA_DIR"}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, input=stdin, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("reasons")
    for player, commands, _ in PLAYS:
        proc = run("play", "first-dm", "--text", "--seed", "1", "--player", player, "--data-dir", str(data),
                   "--script", "-", stdin=commands)
        assert proc.returncode == 0, proc.stderr
    return data


def rows(text: str) -> dict[str, dict[str, str]]:
    return {r["player"]: r for r in csv.DictReader(io.StringIO(text))}


def test_the_csv_names_the_reason_of_each_report(data_dir: Path) -> None:
    proc = run("report", "--format", "csv", "--data-dir", str(data_dir))
    assert proc.returncode == 0, proc.stderr
    header = proc.stdout.splitlines()[0].split(",")
    assert header[-1] == "report_reason"                   # new columns go at the end
    assert header[:-1] == list(csv_report.COLUMNS[:-1])
    got = rows(proc.stdout)
    assert {p: got[p]["report_reason"] for p, _, _ in PLAYS} == {p: want for p, _, want in PLAYS}
    assert got["kiwi"]["outcome"] == got["lime"]["outcome"] == "reported"
    assert got["fig"]["outcome"] == "blocked" and got["plum"]["status"] != "complete"


def test_streamed_and_rendered_csv_agree_with_or_without_transcripts(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        whole = csv_report.render(model.build(store))
        lists = csv_report.render(model.build(store, transcripts=False))   # no event log read
        for batch in (1, 2, 500):                                          # batch edges
            buf = io.StringIO()
            assert csv_report.stream(store, Filters(), buf, batch=batch) == len(PLAYS)
            assert buf.getvalue() == whole, batch
    assert lists == whole
    assert rows(whole)["mango"]["report_reason"] == "pictures"


def test_report_reasons_reads_only_the_end_events_asked_for(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        ids = {s.player: s.id for s in store.sessions()}
        assert store.report_reasons([ids["kiwi"], ids["lime"], ids["fig"], ids["kiwi"]]) == {ids["kiwi"]: "threats"}
        assert store.report_reasons([]) == {}


def test_json_and_the_lists_name_the_reason_too(data_dir: Path) -> None:
    proc = run("report", "--format", "json", "--data-dir", str(data_dir))
    assert proc.returncode == 0, proc.stderr
    by_player = {s["player"]: s for s in json.loads(proc.stdout)["sessions"]}
    assert by_player["kiwi"]["report_reason"] == "threats" and by_player["lime"]["report_reason"] is None
    with Store.open(data_dir) as store:
        with_logs = {v.player: v.outcome_label for v in model.build(store).sessions}
        lists = {v.player: v.outcome_label for v in model.build(store, transcripts=False).sessions}
    assert lists == with_logs                       # the counsellor view's lists read no event log
    assert lists["kiwi"] == f"{OUTCOMES['reported']} (threats or blackmail)" and lists["mango"].endswith("(asking for pictures)")
    assert "(" not in lists["lime"]
