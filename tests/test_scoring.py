"""Scoring (scoring.md): every expected number here is worked out by hand from the spec.

Most tests build an event log directly (the log alone is enough to score a
session); the worked example is also played through the real engine.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from game.engine import Conversation
from game.scoring import round_half_up, score
from game.validator import load_scenario


class Log:
    """An event log in the format of docs/architecture.md, written by hand."""

    def __init__(self, kind="grooming", profile=(), threshold=3, grace=0, weights=("0.4", "0.4", "0.2")):
        self.n = 0
        self.events = [{
            "type": "start", "scenario": "hand-made", "scenario_sha256": "0" * 64, "seed": 7, "kind": kind,
            "title": "Hand made", "platform": "game_chat",
            "scoring": {"exit_threshold": threshold, "exit_grace": grace,
                        "weights": dict(zip(("detection", "exit", "privacy"), weights))},
            "profile": [{"id": f"profile.{pid}", "red_flags": list(flags), "severity": sev}
                        for pid, flags, sev in profile],
            "t": 0.0}]

    def add(self, **event):
        event.setdefault("t", float(len(self.events)))
        self.events.append(event)
        return self

    def deliver(self, item_id, severity=0, red_flags=None):
        if red_flags is None:
            red_flags = ["flattery"] if severity else []
        self.n += 1
        return self.add(type="deliver", id=item_id, n=self.n, node=item_id.split(".")[0], text="...",
                        **{"from": "stranger"}, red_flags=list(red_flags), severity=severity, nudge=False)

    def choice(self, discloses=(), tells_adult=False):
        return self.add(type="choice", node="x", index=0, shown=1, text="...", next="x",
                        discloses=list(discloses), tells_adult=tells_adult)

    def flag(self, *ids):
        for item_id in ids:
            self.add(type="flag", id=item_id)
        return self

    def unflag(self, item_id):
        return self.add(type="unflag", id=item_id)

    def end(self, how, node=None, outcome=None):
        if how == "ending":
            return self.add(type="end", how=how, node=node, outcome=outcome)
        return self.add(type="end", how=how)

    def score(self, **kwargs):
        return score(self.events, **kwargs)


def worked_example_log() -> Log:
    """scoring.md's example: 4 of 5 red-flag items spotted, one reply after the exit point, age disclosed, report."""
    log = Log(profile=[("joined", ["fake_profile"], 2)])
    log.deliver("intro.0").deliver("intro.1", 1, ["asks_personal_info"])
    log.choice(discloses=["age"])
    log.deliver("gift.0", 2, ["offers_gifts"])          # danger 1 + 2 = 3: the exit point
    log.deliver("gift.1").deliver("gift.2", 3, ["secrecy"])
    log.choice()                                        # the one reply after the exit point: late = 1
    log.deliver("photo.0", 3, ["requests_images"]).deliver("photo.1").deliver("photo.2").deliver("photo.3")
    log.flag("intro.1", "gift.0", "gift.2", "photo.0")
    return log.end("report")


def test_worked_example_of_scoring_md():
    record = worked_example_log().score()
    assert record["score"] == {"total": 85, "detection": 0.8, "exit": 0.75, "privacy": 0.9}
    assert record["hits"] == ["intro.1", "gift.0", "gift.2", "photo.0"]
    assert record["misses"] == ["profile.joined"]
    assert record["false_alarms"] == []
    assert record["disclosures"] == ["age"]
    assert (record["outcome"], record["ending"], record["complete"]) == ("reported", None, True)
    assert (record["reported"], record["told_adult"]) == (True, False)
    assert (record["exit_point"], record["late"], record["messages_delivered"]) == ("gift.0", 1, 9)
    assert record["signal"] == {"signal_items": 5, "noise_items": 5, "hits": 4, "false_alarms": 0}
    assert (record["scenario"], record["seed"]) == ("hand-made", 7)
    # 4/5 > 0/5 and a real red flag was flagged: a justified exit, so the example still gives 85 in version 2
    assert (record["scoring_version"], record["exit_justified"]) == (2, True)


WORKED = """\
format: 1
id: worked-example
title: Worked example
platform: game_chat
stranger:
  name: Gifter
  profile:
    - {id: joined, label: Account created, text: 3 days ago, red_flags: [fake_profile]}
start: intro
nodes:
  intro:
    messages:
      - text: gg
      - text: how old r u
        red_flags: [asks_personal_info]
    choices:
      - {text: "14", next: gift, discloses: [age]}
  gift:
    messages:
      - text: here's 1000 coins
        red_flags: [offers_gifts]
      - text: no reason lol
      - text: don't tell anyone
        red_flags: [secrecy]
    choices:
      - {text: thanks, next: photo}
  photo:
    messages:
      - text: send a pic
        red_flags: [requests_images]
      - text: just one
      - text: pls
      - text: ok?
    choices:
      - {text: "no", next: bye}
  bye:
    end: {outcome: unsafe}
"""


def test_worked_example_through_the_engine(tmp_path):
    path = tmp_path / "worked.yaml"
    path.write_text(WORKED, encoding="utf-8")
    conv = Conversation(load_scenario(path), seed=3, clock=lambda: 0.0)
    conv.start()
    conv.deliver_all()
    conv.flag("intro.1")
    conv.choose(1)
    conv.deliver_all()
    conv.flag("gift.0")
    conv.flag("gift.2")
    conv.choose(1)
    conv.deliver_all()
    conv.flag("photo.0")
    conv.end_action("report")
    record = score(conv.events)
    assert record["score"] == {"total": 85, "detection": 0.8, "exit": 0.75, "privacy": 0.9}
    assert record["hits"] == ["intro.1", "gift.0", "gift.2", "photo.0"]
    assert record["misses"] == ["profile.joined"]
    assert (record["exit_point"], record["late"], record["messages_delivered"]) == ("gift.0", 1, 9)
    assert record["signal"] == {"signal_items": 5, "noise_items": 5, "hits": 4, "false_alarms": 0}


# -- rounding ---------------------------------------------------------------------------------

def test_round_half_up():
    assert round_half_up(Fraction(121, 2)) == 61 and round(60.5) == 60     # Python's round would say 60
    assert round_half_up(Fraction(601, 10)) == 60 and round_half_up(Fraction(609, 10)) == 61
    assert round_half_up(Fraction(0)) == 0 and round_half_up(Fraction(100)) == 100


def test_half_up_in_a_total():
    # weights 0.5 / 0.3 / 0.2; detection 1/2, exit 0.75 (one reply late), privacy 1 - 0.1 - 0.25 = 0.65
    # 100 x (0.25 + 0.225 + 0.13) = 60.5 exactly -> 61
    log = Log(weights=("0.5", "0.3", "0.2"))
    log.deliver("a.0", 3, ["secrecy"]).deliver("a.1", 1)
    log.choice(discloses=["age", "school"])
    log.flag("a.0").end("leave")
    record = log.score()
    assert record["score"] == {"total": 61, "detection": 0.5, "exit": 0.75, "privacy": 0.65}


def test_total_is_computed_exactly_not_in_floats():
    # weights 0.5 / 0.3 / 0.2; detection 1/2 (a.0 of a.0, a.1; no normal messages), exit 0.75 (a.0 is
    # the exit point, one reply after it; justified), privacy 1 - 0.5 (location) = 0.5
    # 100 x (0.25 + 0.225 + 0.1) = 57.5 exactly -> 58 (in floats it is 57.4999..., which rounds to 57)
    log = Log(weights=("0.5", "0.3", "0.2"))
    log.deliver("a.0", 3, ["meet_in_person"]).deliver("a.1", 1).flag("a.0")
    log.choice(discloses=["location"]).end("block")
    assert 100 * (0.5 * 0.5 + 0.3 * 0.75 + 0.2 * 0.5) < 57.5
    assert log.score()["score"] == {"total": 58, "detection": 0.5, "exit": 0.75, "privacy": 0.5}


def test_weights_as_fractions_from_the_start_event():
    log = Log(weights=("2/5", "2/5", "1/5"))
    log.deliver("a.0", 1).flag("a.0").end("block")
    assert log.score()["score"]["total"] == 100


def test_floats_stored_to_four_places():
    log = Log()
    log.deliver("a.0", 1).deliver("a.1", 1).deliver("a.2", 1)   # danger 3 at a.2, no replies after it
    log.flag("a.0", "a.1").end("block")
    # detection 2/3; 100 x (0.4 x 2/3 + 0.4 + 0.2) = 86.666... -> 87
    assert log.score()["score"] == {"total": 87, "detection": 0.6667, "exit": 1.0, "privacy": 1.0}


# -- exit -------------------------------------------------------------------------------------

def exit_log(late, grace=0, threshold=3, how="block", flag=True):
    log = Log(threshold=threshold, grace=grace)
    log.deliver("a.0", 3, ["requests_images"])          # the exit point at once
    if flag:
        log.flag("a.0")                                 # the flag shows why: a justified exit
    for _ in range(late):
        log.choice().deliver("b.0")
    return log.end(how)


@pytest.mark.parametrize("late,grace,expected", [
    (0, 0, 1.0), (1, 0, 0.75), (2, 0, 0.5), (3, 0, 0.25), (4, 0, 0.25), (9, 0, 0.25),
    (0, 1, 1.0), (1, 1, 1.0), (2, 1, 0.75), (3, 1, 0.5), (4, 1, 0.25), (5, 1, 0.25),
    (2, 2, 1.0), (3, 2, 0.75),
])
def test_exit_grace_and_floor(late, grace, expected):
    record = exit_log(late, grace).score()
    assert record["late"] == late
    assert record["score"]["exit"] == expected
    assert record["exit_justified"] is True


@pytest.mark.parametrize("late,grace,expected", [
    (0, 0, 0.5), (1, 0, 0.5), (2, 0, 0.5), (3, 0, 0.25), (9, 0, 0.25), (1, 1, 0.5), (3, 1, 0.5), (4, 1, 0.25),
])
def test_unjustified_exit_is_at_most_one_half(late, grace, expected):
    # a.0 never flagged: the same exits as above, capped at 0.5 (0.25 stays 0.25)
    record = exit_log(late, grace, flag=False).score()
    assert record["score"]["exit"] == expected
    assert record["exit_justified"] is False


@pytest.mark.parametrize("how", ["block", "report", "leave"])
def test_exit_point_never_reached_is_full_exit(how):
    log = Log()
    log.deliver("a.0", 1).flag("a.0").choice().deliver("b.0", 1).choice().choice().end(how)   # danger 2 < 3
    record = log.score()
    assert (record["exit_point"], record["late"], record["score"]["exit"]) == (None, 0, 1.0)
    assert record["exit_justified"] is True


@pytest.mark.parametrize("how", ["block", "report", "leave"])
def test_exit_point_never_reached_without_a_flag_is_half_exit(how):
    log = Log()
    log.deliver("a.0", 1).choice().deliver("b.0", 1).choice().choice().end(how)
    record = log.score()
    assert (record["exit_point"], record["score"]["exit"], record["exit_justified"]) == (None, 0.5, False)


def test_replies_before_the_exit_point_are_not_late():
    log = Log()
    log.deliver("a.0").choice().choice().deliver("a.1", 2).choice().deliver("a.2", 1).flag("a.2")
    log.choice().end("block")
    record = log.score()
    # danger reaches 3 at a.2; one reply after it
    assert (record["exit_point"], record["late"], record["score"]["exit"]) == ("a.2", 1, 0.75)


def test_custom_threshold():
    log = Log(threshold=4)
    log.deliver("a.0", 3).choice().deliver("a.1", 1).choice().choice().end("leave")
    record = log.score()
    assert (record["exit_point"], record["late"], record["score"]["exit"]) == ("a.1", 2, 0.5)


def test_messages_without_red_flags_add_no_danger():
    log = Log()
    log.deliver("a.0", 0).deliver("a.1", 0).deliver("a.2", 2).choice().end("block")
    assert log.score()["exit_point"] is None


@pytest.mark.parametrize("outcome,exit_score", [("safe", 1.0), ("neutral", 0.5), ("unsafe", 0.0)])
def test_authored_endings(outcome, exit_score):
    log = Log()
    log.deliver("a.0", 3).choice().choice().choice().choice().choice().end("ending", "b", outcome)
    record = log.score()
    assert record["score"]["exit"] == exit_score and record["exit_justified"] is None
    assert (record["outcome"], record["ending"]) == ("ending", {"node": "b", "outcome": outcome})
    # a.0 not flagged: detection 0; privacy 1
    assert record["score"]["total"] == round_half_up(Fraction(100) * (Fraction(2, 5) * Fraction(exit_score)
                                                                      + Fraction(1, 5)))


# -- bonuses and the cap ----------------------------------------------------------------------

def test_report_bonus_only_for_report_in_grooming():
    base = Log()
    base.deliver("a.0", 1).choice(discloses=["school"])
    # detection 0 (a.0 missed), exit 1.0 (no exit point) capped at 0.5 (nothing flagged), privacy 0.75:
    # 100 x (0 + 0.2 + 0.15) = 35; report still earns its 5 in a grooming chat
    for how, total in (("block", 35), ("leave", 35), ("report", 40)):
        log = Log()
        log.events = [dict(e) for e in base.events]
        assert log.end(how).score()["score"]["total"] == total, how


def test_tells_adult_bonus():
    log = Log()
    log.deliver("a.0", 1).choice(tells_adult=True).end("ending", "b", "safe")
    record = log.score()
    # detection 0, exit 1, privacy 1: 60, + 5
    assert (record["score"]["total"], record["told_adult"]) == (65, True)


def test_both_bonuses_are_capped_at_100():
    log = Log()
    log.deliver("a.0", 1).flag("a.0").choice(tells_adult=True).end("report")
    record = log.score()
    assert record["score"]["total"] == 100
    assert (record["reported"], record["told_adult"]) == (True, True)


def test_bonus_still_applies_below_the_cap():
    log = Log()
    log.deliver("a.0", 1).deliver("a.1", 1).flag("a.0").choice(tells_adult=True).end("report")
    # detection 1/2: 100 x (0.2 + 0.4 + 0.2) = 80, + 5 + 5 = 90
    assert log.score()["score"]["total"] == 90


# -- detection and false alarms ---------------------------------------------------------------

def test_false_alarm_rate():
    log = Log(profile=[("bio", [], 0)])
    log.deliver("a.0", 1).deliver("a.1").deliver("a.2").deliver("a.3").deliver("a.4")
    log.flag("a.0", "a.1", "profile.bio").end("block")
    record = log.score()
    # hit rate 1/1; false alarms a.1 and profile.bio of 5 normal items (a.1..a.4, bio): 1 - 2/5 = 0.6
    # exit 1.0 (danger 1 < 3, and 1 > 2/5 so justified): 100 x (0.24 + 0.4 + 0.2) = 84
    assert record["score"] == {"total": 84, "detection": 0.6, "exit": 1.0, "privacy": 1.0}
    assert record["false_alarms"] == ["a.1", "profile.bio"]
    assert record["signal"] == {"signal_items": 1, "noise_items": 5, "hits": 1, "false_alarms": 2}
    assert record["exit_justified"] is True


def test_flagging_everything_scores_zero_spotting_and_an_unjustified_exit():
    log = Log()
    log.deliver("a.0", 1).deliver("a.1", 1)
    for i in range(6):
        log.deliver(f"b.{i}")
    log.flag("a.0", "a.1", *[f"b.{i}" for i in range(6)]).end("block")
    record = log.score()
    # hit rate 2/2 = false-alarm rate 6/6: detection 0; exit 1.0 capped at 0.5; 100 x (0 + 0.2 + 0.2) = 40
    assert record["score"] == {"total": 40, "detection": 0.0, "exit": 0.5, "privacy": 1.0}
    assert record["exit_justified"] is False


def test_detection_clamps_at_zero():
    log = Log()
    log.deliver("a.0", 1).deliver("a.1", 1)
    for i in range(6):
        log.deliver(f"b.{i}")
    log.flag("a.0", *[f"b.{i}" for i in range(6)]).end("block")
    # 1/2 - 6/6 < 0 -> 0
    record = log.score()
    assert record["score"]["detection"] == 0.0 and record["exit_justified"] is False


def test_justified_needs_hit_rate_above_false_alarm_rate():
    # 1 of 2 red flags and 1 of 2 normal messages: 1/2 = 1/2, not justified; exit 1.0 capped at 0.5
    log = Log()
    log.deliver("a.0", 1).deliver("a.1", 1).deliver("b.0").deliver("b.1").flag("a.0", "b.0").end("leave")
    record = log.score()
    assert (record["score"]["detection"], record["score"]["exit"], record["exit_justified"]) == (0.0, 0.5, False)
    # 1 of 2 red flags and 1 of 4 normal messages: 1/2 > 1/4, justified; detection 1/4
    log = Log()
    log.deliver("a.0", 1).deliver("a.1", 1)
    for i in range(4):
        log.deliver(f"b.{i}")
    log.flag("a.0", "b.0").end("leave")
    record = log.score()
    assert (record["score"]["detection"], record["score"]["exit"], record["exit_justified"]) == (0.25, 1.0, True)
    # 100 x (0.1 + 0.4 + 0.2) = 70
    assert record["score"]["total"] == 70


def test_block_at_once_in_grooming_is_not_a_top_score():
    log = Log()
    log.deliver("a.0").deliver("a.1", 1).end("block")
    record = log.score()
    # hit rate 0/1, fa 0/1: detection 0; exit 1.0 (danger 1) capped at 0.5: 100 x (0 + 0.2 + 0.2) = 40
    assert record["score"] == {"total": 40, "detection": 0.0, "exit": 0.5, "privacy": 1.0}
    assert record["exit_justified"] is False


def test_grooming_chat_left_before_any_red_flag_gives_half_hit_rate():
    log = Log()
    log.deliver("a.0").deliver("a.1").end("leave")
    record = log.score()
    # nothing to spot yet in a grooming chat: hit rate 1/2, fa 0: detection 0.5; no hit, so the exit is
    # unjustified: 0.5. 100 x (0.2 + 0.2 + 0.2) = 60 (version 1 gave 100)
    assert record["score"] == {"total": 60, "detection": 0.5, "exit": 0.5, "privacy": 1.0}
    assert record["exit_justified"] is False
    log = Log()
    log.deliver("a.0").deliver("a.1").flag("a.1").end("leave")
    # 1/2 - 1/2 = 0
    assert log.score()["score"]["detection"] == 0.0


def test_benign_chat_with_nothing_to_spot_gives_full_hit_rate():
    log = Log(kind="benign")
    log.deliver("a.0").deliver("a.1").end("leave")
    assert log.score()["score"]["detection"] == 1.0
    log = Log(kind="benign")
    log.deliver("a.0").deliver("a.1").flag("a.1").end("leave")
    # 1 - 1/2
    assert log.score()["score"]["detection"] == 0.5


def test_only_the_final_flags_count():
    log = Log()
    log.deliver("a.0", 1).deliver("a.1")
    log.flag("a.0").flag("a.1").flag("a.0").unflag("a.1").unflag("a.0").flag("a.0").end("block")
    record = log.score()
    assert (record["hits"], record["false_alarms"]) == (["a.0"], [])


def test_profile_items_with_and_without_red_flags():
    log = Log(profile=[("bio", [], 0), ("joined", ["fake_profile"], 2), ("photo", ["fake_profile"], 2)])
    log.deliver("a.0").flag("profile.joined", "profile.bio").end("block")
    record = log.score()
    assert record["hits"] == ["profile.joined"]
    assert record["misses"] == ["profile.photo"]
    assert record["false_alarms"] == ["profile.bio"]
    assert record["signal"] == {"signal_items": 2, "noise_items": 2, "hits": 1, "false_alarms": 1}
    # detection 1/2 - 1/2 (bio of a.0, bio) = 0; profile items add no danger, but 1/2 is not above 1/2:
    # exit 1.0 capped at 0.5
    assert record["score"]["detection"] == 0.0 and record["exit_point"] is None
    assert (record["score"]["exit"], record["exit_justified"]) == (0.5, False)


def test_undelivered_messages_are_not_items():
    log = Log()
    log.deliver("a.0", 1).end("block")      # whatever else the scenario holds was never shown
    record = log.score()
    assert (record["misses"], record["signal"]["signal_items"]) == (["a.0"], 1)


# -- re-delivery ------------------------------------------------------------------------------

def test_redelivered_messages_count_as_deliveries_and_danger_but_once_as_items():
    log = Log()
    log.deliver("hub.0", 2, ["pressure_urgency"]).deliver("hub.1").choice()
    log.deliver("side.0").choice()
    log.deliver("hub.0", 2, ["pressure_urgency"]).deliver("hub.1")   # hub again: danger 2 + 2 = 4
    log.choice().flag("hub.0").end("block")
    record = log.score()
    assert record["messages_delivered"] == 5
    assert record["signal"] == {"signal_items": 1, "noise_items": 2, "hits": 1, "false_alarms": 0}
    assert (record["exit_point"], record["late"]) == ("hub.0", 1)     # reached on the second delivery
    assert record["score"]["exit"] == 0.75
    assert record["hits"] == ["hub.0"] and record["misses"] == []


# -- privacy ----------------------------------------------------------------------------------

def test_each_disclosure_kind_counts_once():
    log = Log()
    log.choice(discloses=["age"]).choice(discloses=["age", "school"]).choice(discloses=["school"]).end("leave")
    record = log.score()
    assert record["disclosures"] == ["age", "school"]
    assert record["score"]["privacy"] == 0.65


def test_privacy_clamps_at_zero():
    log = Log()
    log.choice(discloses=["location", "photo"]).choice(discloses=["money"]).end("leave")
    record = log.score()
    assert record["score"]["privacy"] == 0.0
    assert record["disclosures"] == ["location", "photo", "money"]


@pytest.mark.parametrize("kind,weight", [("age", "0.1"), ("family", "0.1"), ("vulnerabilities", "0.1"),
                                         ("full_name", "0.25"), ("school", "0.25"), ("schedule", "0.25"),
                                         ("contact", "0.25"), ("location", "0.5"), ("photo", "0.5"),
                                         ("account", "0.5"), ("money", "0.5")])
def test_disclosure_weights_of_red_flags_md(kind, weight):
    log = Log()
    log.choice(discloses=[kind]).end("leave")
    assert log.score()["score"]["privacy"] == float(1 - Fraction(weight))


# -- benign scenarios -------------------------------------------------------------------------

@pytest.mark.parametrize("how,outcome,exit_score,total", [
    ("block", "blocked", 0.25, 70), ("report", "reported", 0.25, 70), ("leave", "left", 0.5, 80)])
def test_benign_platform_actions_and_no_report_bonus(how, outcome, exit_score, total):
    log = Log(kind="benign", profile=[("bio", [], 0)])
    log.deliver("a.0").choice().deliver("b.0").end(how)
    record = log.score()
    # detection 1, privacy 1; block/report 0.25: 100 x (0.4 + 0.1 + 0.2) = 70 (no +5 for report);
    # leave 0.5: 100 x (0.4 + 0.2 + 0.2) = 80
    assert record["score"] == {"total": total, "detection": 1.0, "exit": exit_score, "privacy": 1.0}
    assert record["outcome"] == outcome and record["kind"] == "benign"
    assert record["signal"] == {"signal_items": 0, "noise_items": 3, "hits": 0, "false_alarms": 0}
    assert record["exit_justified"] is None


def test_benign_false_alarms_and_endings():
    log = Log(kind="benign")
    log.deliver("a.0").deliver("a.1").deliver("a.2").deliver("a.3").flag("a.0").choice()
    log.end("ending", "end", "safe")
    record = log.score()
    # detection 1 - 1/4 = 0.75; safe ending scores as usual: 100 x (0.3 + 0.4 + 0.2) = 90
    assert record["score"] == {"total": 90, "detection": 0.75, "exit": 1.0, "privacy": 1.0}
    assert record["exit_justified"] is None


def test_benign_tells_adult_still_counts():
    log = Log(kind="benign")
    log.deliver("a.0").choice(tells_adult=True).end("ending", "end", "neutral")
    # 100 x (0.4 + 0.2 + 0.2) = 80, + 5
    assert log.score()["score"]["total"] == 85


# -- quitting ---------------------------------------------------------------------------------

def test_quit_is_incomplete():
    log = Log()
    log.deliver("a.0", 3).flag("a.0").choice(discloses=["age"]).end("quit")
    record = log.score()
    assert (record["complete"], record["outcome"], record["reported"]) == (False, "quit", False)
    assert record["score"]["total"] is None and record["score"]["exit"] is None
    assert record["exit_justified"] is None
    # the parts that can be known are still recorded
    assert record["score"]["detection"] == 1.0 and record["score"]["privacy"] == 0.9


def test_a_log_without_an_end_counts_as_quit():
    log = Log()
    log.deliver("a.0", 1)
    record = log.score()
    assert (record["complete"], record["outcome"]) == (False, "quit")


def test_a_log_must_start_with_start():
    with pytest.raises(ValueError):
        score([])
    with pytest.raises(ValueError):
        score([{"type": "deliver", "id": "a.0"}])


# -- discernment and the rest of the record ---------------------------------------------------

def test_discernment_counts_and_categories():
    record = worked_example_log().score()
    assert record["signal"] == {"signal_items": 5, "noise_items": 5, "hits": 4, "false_alarms": 0}
    assert record["categories"] == {
        "asks_personal_info": {"items": 1, "hits": 1}, "offers_gifts": {"items": 1, "hits": 1},
        "secrecy": {"items": 1, "hits": 1}, "requests_images": {"items": 1, "hits": 1},
        "fake_profile": {"items": 1, "hits": 0}}


def test_an_item_with_two_categories_counts_in_both():
    log = Log()
    log.deliver("a.0", 3, ["secrecy", "threats_blackmail"]).deliver("a.1", 3, ["secrecy"]).flag("a.1").end("block")
    assert log.score()["categories"] == {"secrecy": {"items": 2, "hits": 1},
                                         "threats_blackmail": {"items": 1, "hits": 0}}


def test_duration():
    log = worked_example_log()
    assert log.score()["duration_s"] == round(log.events[-1]["t"], 1)
    assert log.score(duration_s=143.24)["duration_s"] == 143.2


def test_scoring_is_a_pure_function_of_the_log():
    log = worked_example_log()
    snapshot = [dict(e) for e in log.events]
    assert log.score() == log.score()
    assert log.events == snapshot
