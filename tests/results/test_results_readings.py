"""Honest numbers: a class where one student trusts everyone, one flags everything and one tells them apart.

Each student plays three real scenarios; the pooled counts are worked out by
hand from the golden workings (tests/golden/*/NAME.workings.md):

- trusting: the worst runs of first-dm, generous-teammate, free-skin-trader (nothing flagged):
  warning signs 6 + 15 + 13 = 34, normal items 5 + 23 + 13 = 41, H = 0, F = 0 -> trusts too easily
  (free-skin-trader's worst run has 13 warning signs since its threats became one item per tactic;
  generous-teammate's worst run has 15 warning signs and 23 normal items since its rewrite);
- suspicious: flag everything in sight, then block, in the same three: warning signs 4 + 4 + 5 = 13 all
  flagged, normal items 2 + 5 + 3 = 10 all flagged, H = 1, F = 1 -> suspicious of everything;
- careful: the best runs: warning signs 6 + 11 + 9 = 26 all flagged, normal 4 + 23 + 4 = 31, none
  flagged, H = 1, F = 0 -> tells them apart well.

The class pools 39 of 34 + 13 + 26 = 73 warning signs (53.4%) and 10 of 41 + 10 + 31 = 82 normal
items (12.2%): "misses many".
"""

import csv
import io
import json

import pytest
from playback import GOLDEN_DIR, script_seed

from game.command_language import read_script
from game.library import find_scenario
from game.results import scenario_facts, stats
from game.results.recorder import Recorder
from game.results.reports import csv_report, html_report, json_report, model
from game.results.store import Store
from game.session import Session, run_script

SCENARIOS = ("first-dm", "generous-teammate", "free-skin-trader")


def _session(store, scenario_id, player, seed=1):
    sc = find_scenario(scenario_id)
    rec = Recorder(store, scenario_path=str(sc.path), player=player, class_code="8B",
                   scenario_info=scenario_facts.facts(sc))
    session = Session(sc, seed=seed, recorder=rec, clock=lambda: 0.0)
    session.start()
    return session


def play_golden(store, scenario_id, name, player):
    text = (GOLDEN_DIR / scenario_id / f"{name}.script").read_text(encoding="utf-8")
    session = _session(store, scenario_id, player, script_seed(text))
    run_script(session, list(read_script(text.splitlines())))
    session.finish()


def flag_everything_then_block(store, scenario_id, player):
    session = _session(store, scenario_id, player)
    conv = session.conv
    conv.deliver_all()
    items = [e["id"] for e in conv.events if e["type"] == "deliver"] + [p["id"] for p in conv.events[0]["profile"]]
    for item_id in dict.fromkeys(items):
        conv.flag(item_id)
    conv.end_action("block")
    session.finish()


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    store = Store.open(path=tmp_path_factory.mktemp("readings") / "r.sqlite3")
    for sid in SCENARIOS:
        play_golden(store, sid, "worst", "trusting")
        flag_everything_then_block(store, sid, "suspicious")
        play_golden(store, sid, "best", "careful")
    rep = model.build(store)
    yield rep
    store.close()


def test_the_three_students_get_the_three_readings(report):
    by_name = {p.name: p for p in report.players}
    assert by_name["trusting"].discernment.counts == stats.Counts(34, 41, 0, 0)
    assert by_name["suspicious"].discernment.counts == stats.Counts(13, 10, 13, 10)
    assert by_name["careful"].discernment.counts == stats.Counts(26, 31, 26, 0)
    assert by_name["trusting"].reading == "misses many warning signs (trusts too easily)"
    assert by_name["suspicious"].reading == ("spots warning signs, but also flags normal chat "
                                             "(suspicious of everything)")
    assert by_name["careful"].reading == "tells warning signs from normal chat well"
    assert report.discernment.counts == stats.Counts(73, 82, 39, 10)
    assert report.reading == "misses many warning signs (trusts too easily)"
    assert report.version_note is None and report.scoring_versions == {2: 9}


def test_html_shows_raw_shares_with_counts_and_the_readings(report):
    html = html_report.render(report)
    for reading in ("misses many warning signs (trusts too easily)",
                    "spots warning signs, but also flags normal chat (suspicious of everything)",
                    "tells warning signs from normal chat well"):
        assert reading in html
    # the suspicious student: all 13 warning signs and all 10 normal items flagged, side by side
    assert "13 of 13 (100%)" in html and "10 of 10 (100%)" in html
    # raw shares, not the log-linear ones inside d' (13.5/14 = 96%, 10.5/11 = 95% for this student)
    assert "96%" not in html and "95%" not in html
    # the class pooled shares: 39/73 (53.4%) and 10/82 (12.2%)
    assert "39 of 73 (53%)" in html and "10 of 82 (12%)" in html
    # the per-chat average has its own name
    assert "Spotting score" in html and "Red flags spotted" not in html


def test_json_names_each_figure_once(report):
    data = json.loads(json_report.render(report))
    players = {p["player"]: p for p in data["players"]}
    assert players["suspicious"]["discernment"]["spotted_share"] == 1.0
    assert players["suspicious"]["discernment"]["normal_flagged_share"] == 1.0
    assert players["careful"]["reading"] == "tells warning signs from normal chat well"
    assert data["discernment"]["spotted_share"] == 0.5342 and data["discernment"]["normal_flagged_share"] == 0.122
    assert {"spotting score", "warning signs spotted", "normal messages flagged"} <= set(data["glossary"])
    assert data["overview"]["scoring_versions"] == {"2": 9}


def test_csv_rows_carry_their_counts_and_scoring_version(report):
    rows = list(csv.DictReader(io.StringIO(csv_report.render(report))))
    sus = [r for r in rows if r["player"] == "suspicious"]
    assert sorted((r["scenario"], r["hits"], r["signal_items"], r["false_alarms"], r["noise_items"]) for r in sus) == [
        ("first-dm", "4", "4", "2", "2"), ("free-skin-trader", "5", "5", "3", "3"),
        ("generous-teammate", "4", "4", "5", "5")]
    assert all(r["scoring_version"] == "2" and r["exit_justified"] == "0" for r in sus)


def test_a_report_over_two_scoring_versions_says_so_until_rescored(tmp_path):
    store = Store.open(path=tmp_path / "r.sqlite3")
    play_golden(store, "first-dm", "best", "careful")
    play_golden(store, "first-dm", "worst", "trusting")
    old = store.sessions()[0]
    v1 = {k: v for k, v in old.result.items() if k not in ("scoring_version", "exit_justified")}
    store.cache_result(old.id, v1)              # a result stored by a version-1 game
    rep = model.build(store)
    assert rep.scoring_versions == {1: 1, 2: 1}
    assert "1 under version 1" in rep.version_note and "report --rescore" in rep.version_note
    assert rep.version_note in html_report.render(rep)
    rows = list(csv.DictReader(io.StringIO(csv_report.render(rep))))
    assert sorted(r["scoring_version"] for r in rows) == ["1", "2"]
    assert store.rescore_all() == 2
    rep = model.build(store)
    assert rep.scoring_versions == {2: 2} and rep.version_note is None
    store.close()


def test_blocking_at_once_is_not_staying_too_long(report):
    # the suspicious student's exits are capped at 0.5 (nothing shown to justify them), but none came late:
    # only the trusting student's three unsafe endings stayed too long
    assert report.overview["stayed_too_long"] == 3
    assert {s.player for s in report.sessions if s.stayed_too_long} == {"trusting"}
    assert all(s.stayed_too_long == 1 for s in report.scenarios)
