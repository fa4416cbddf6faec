"""The conversation engine (game.engine.Conversation) against scenario-format.md and docs/architecture.md.

The lab scenario below is built to exercise one rule per part; the expected
deliveries, choices and variables are worked out by hand from the format's rules.
"""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import CommandError, Conversation
from game.library import load_library
from game.validator import load_scenario

LAB = """\
format: 1
id: engine-lab
title: Engine lab
platform: game_chat
stranger:
  name: Tester
  profile:
    - id: bio
      label: Bio
      text: hello
    - id: joined
      label: Joined
      text: yesterday
      red_flags: [fake_profile]
start: hub
nodes:
  hub:
    messages:
      - text: welcome
        id: hello
        variants: [hi there, hey]
      - text: you came back
        if: "visited(side)"
      - text: I can see myself
        id: self_seen
        if: "visited(hub)"
      - text: trust is high
        id: high
        if: "trust >= 2"
        red_flags: [flattery]
        severity: 3
    choices:
      - text: go to side
        next: side
        add: {trust: 1}
      - text: once only
        next: side
        once: true
        set: {went_once: true}
      - text: needs trust
        next: done
        if: "trust >= 2"
      - text: hidden by myself
        next: done
        if: "not visited(hub)"
      - text: finish
        next: done
        discloses: [age]
        tells_adult: true
    idle_nudges:
      - after: 10
        text: "??"
        red_flags: [pressure_urgency]
      - after: 20
        text: only with trust
        if: "trust >= 1"
      - after: 30
        text: last nudge
  side:
    messages:
      - text: where do you live
        red_flags: [asks_personal_info]
      - text: Tester sent you 1,000 coins
        from: system
        red_flags: [offers_gifts]
      - text: claim here
        link: freeskins.example/claim
    choices:
      - text: back
        next: hub
      - text: back and reset
        next: hub
        set: {trust: 0}
  done:
    messages:
      - text: bye
    end:
      outcome: unsafe
"""


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    path = tmp_path_factory.mktemp("lab") / "engine-lab.yaml"
    path.write_text(LAB, encoding="utf-8")
    return load_scenario(path)


def new(lab, seed=1, clock=None) -> Conversation:
    conv = Conversation(lab, seed=seed, clock=clock or Clock())
    conv.start()
    return conv


def delivered(conv, since=0) -> list[str]:
    return [e["id"] for e in conv.events[since:] if e["type"] == "deliver"]


def texts(conv) -> list[str]:
    return [c.text for c in conv.choices()]


def state(conv) -> str:
    data = conv.to_json()
    data.pop("elapsed")
    return json.dumps(data, sort_keys=True)


# -- starting, delivering, choices ----------------------------------------------------------------

def test_start_event_carries_what_scoring_needs(lab):
    conv = new(lab, seed=42)
    start = conv.events[0]
    assert start["type"] == "start"
    assert (start["scenario"], start["seed"], start["kind"], start["platform"]) == ("engine-lab", 42, "grooming", "game_chat")
    assert start["scenario_sha256"] == lab.sha256 and len(lab.sha256) == 64
    assert start["scoring"] == {"exit_threshold": 3, "exit_grace": 0,
                                "weights": {"detection": "2/5", "exit": "2/5", "privacy": "1/5"}}
    assert start["profile"] == [{"id": "profile.bio", "red_flags": [], "severity": 0},
                                {"id": "profile.joined", "red_flags": ["fake_profile"], "severity": 2}]
    assert conv.events[1] == {"type": "enter", "node": "hub", "t": 0.0}


def test_messages_are_queued_and_delivered_one_by_one(lab):
    conv = new(lab)
    # first entry: hello; hub.1 needs visited(side); self_seen sees visited(hub); high needs trust >= 2
    assert [p["id"] for p in conv.pending] == ["hello", "self_seen"]
    assert conv.choices() == []                       # hidden while messages are pending
    with pytest.raises(CommandError):
        conv.choose(1)
    first = conv.deliver_next()
    assert (first["type"], first["id"], first["n"], first["node"], first["nudge"]) == ("deliver", "hello", 1, "hub", False)
    assert conv.choices() == []
    second = conv.deliver_next()
    assert (second["id"], second["n"]) == ("self_seen", 2)
    assert conv.deliver_next() is None
    assert texts(conv) == ["go to side", "once only", "finish"]
    choices_event = conv.events[-1]
    assert choices_event["type"] == "choices"
    # authored indices, 0-based: 2 (trust) and 3 (not visited(hub)) are hidden
    assert choices_event["options"] == [{"index": 0, "text": "go to side"}, {"index": 1, "text": "once only"},
                                        {"index": 4, "text": "finish"}]


def test_deliver_event_fields(lab):
    conv = new(lab)
    conv.deliver_all()
    conv.choose(1)
    events = conv.deliver_all()
    assert [e["id"] for e in events] == ["side.0", "side.1", "side.2"]
    assert [e["n"] for e in events] == [3, 4, 5]
    assert events[0]["red_flags"] == ["asks_personal_info"] and events[0]["severity"] == 1
    assert events[1]["from"] == "system" and events[1]["severity"] == 2
    assert events[0]["from"] == "stranger"
    assert events[2]["link"] == "freeskins.example/claim" and events[2]["severity"] == 0
    assert events[2]["red_flags"] == []


def test_visited_self_is_true_inside_the_node(lab):
    conv = new(lab)
    conv.deliver_all()
    assert "self_seen" in delivered(conv)
    assert "hidden by myself" not in [c.text for c in conv.choices()]


def test_add_set_once_and_if_on_choices(lab):
    conv = new(lab)
    conv.deliver_all()
    conv.choose(1)                                      # go to side: trust 1
    assert conv.variables == {"trust": 1}
    conv.deliver_all()
    conv.choose(1)                                      # back
    mark = len(conv.events)
    conv.deliver_all()
    # re-entry delivers again; conditions evaluated afresh: now visited(side)
    assert delivered(conv, mark) == ["hello", "hub.1", "self_seen"]
    assert texts(conv) == ["go to side", "once only", "finish"]
    conv.choose(2)                                      # once only
    assert conv.variables == {"trust": 1, "went_once": True}
    conv.deliver_all()
    conv.choose(1)
    conv.deliver_all()
    assert texts(conv) == ["go to side", "finish"]      # `once` is gone
    conv.choose(1)                                      # trust 2
    conv.deliver_all()
    conv.choose(1)
    mark = len(conv.events)
    conv.deliver_all()
    assert delivered(conv, mark) == ["hello", "hub.1", "self_seen", "high"]
    assert texts(conv) == ["go to side", "needs trust", "finish"]
    conv.choose(1)                                      # trust 3
    conv.deliver_all()
    conv.choose(2)                                      # back and reset: set trust 0
    assert conv.variables["trust"] == 0
    conv.deliver_all()
    assert texts(conv) == ["go to side", "finish"]


def test_choice_event_fields_use_authored_index_and_shown_number(lab):
    conv = new(lab)
    conv.deliver_all()
    event = conv.choose(3)                              # "finish": authored index 4
    assert {k: v for k, v in event.items() if k != "t"} == {
        "type": "choice", "node": "hub", "index": 4, "shown": 3, "text": "finish", "next": "done",
        "discloses": ["age"], "tells_adult": True}
    assert conv.events[-1] == {"type": "enter", "node": "done", "t": 0.0}


def test_reentering_delivers_the_same_ids_again_with_new_numbers(lab):
    conv = new(lab)
    conv.deliver_all()
    conv.choose(1)
    conv.deliver_all()
    conv.choose(1)
    conv.deliver_all()
    hellos = [e for e in conv.events if e["type"] == "deliver" and e["id"] == "hello"]
    assert [e["n"] for e in hellos] == [1, 6]
    assert conv.numbers[1] == conv.numbers[6] == "hello"
    assert conv.flag("6") is True and conv.flags == ["hello"]
    assert conv.flag("1") is False                      # the same item


def test_ending_node_ends_after_its_messages(lab):
    conv = new(lab)
    conv.deliver_all()
    conv.choose(3)                                      # finish -> done
    assert not conv.ended and [p["id"] for p in conv.pending] == ["done.0"]
    assert conv.choices() == []
    conv.deliver_next()
    assert conv.ended
    end = conv.events[-1]
    assert {k: v for k, v in end.items() if k != "t"} == {"type": "end", "how": "ending", "node": "done",
                                                          "outcome": "unsafe"}
    assert conv.end_event is end
    for command in (lambda: conv.choose(1), lambda: conv.flag("1"), lambda: conv.wait(),
                    lambda: conv.end_action("block"), lambda: conv.quit()):
        before = state(conv)
        with pytest.raises(CommandError):
            command()
        assert state(conv) == before


# -- variants ---------------------------------------------------------------------------------

def test_variants_are_seeded_and_reproducible(lab):
    seen = {}
    for seed in range(60):
        conv = new(lab, seed=seed)
        conv.deliver_all()
        text = conv.events[2]["text"]
        assert text in ("welcome", "hi there", "hey")
        seen[seed] = text
        again = new(lab, seed=seed)
        again.deliver_all()
        assert again.events == conv.events
    assert set(seen.values()) == {"welcome", "hi there", "hey"}    # every variant can come up


def test_variants_on_redelivery_may_differ_but_are_reproducible(lab):
    def hello_texts(seed):
        conv = new(lab, seed=seed)
        conv.deliver_all()
        for _ in range(4):
            conv.choose(1)
            conv.deliver_all()
            conv.choose(1)
            conv.deliver_all()
        return [e["text"] for e in conv.events if e["type"] == "deliver" and e["id"] == "hello"]

    runs = {seed: hello_texts(seed) for seed in range(10)}
    assert runs == {seed: hello_texts(seed) for seed in range(10)}
    assert any(len(set(t)) > 1 for t in runs.values())


def test_seed_is_recorded(lab):
    assert new(lab, seed=987654).events[0]["seed"] == 987654


# -- idle nudges ------------------------------------------------------------------------------

def test_nudges_arrive_in_order_skip_false_conditions_and_run_out(lab):
    conv = new(lab)
    conv.deliver_all()
    assert conv.wait() is True
    assert [p["id"] for p in conv.pending] == ["hub.nudge0"]
    assert conv.choices() == []                          # a pending nudge hides the choices too
    assert conv.wait() is False                          # nothing while a message is still arriving
    nudge = conv.deliver_next()
    assert (nudge["id"], nudge["nudge"], nudge["text"], nudge["severity"]) == ("hub.nudge0", True, "??", 2)
    assert texts(conv) == ["go to side", "once only", "finish"]
    assert conv.wait() is True                           # trust is 0: "only with trust" is skipped
    assert conv.deliver_next()["id"] == "hub.nudge2"
    assert conv.wait() is False
    assert conv.deliver_next() is None
    assert delivered(conv) == ["hello", "self_seen", "hub.nudge0", "hub.nudge2"]


def test_nudges_start_over_on_entering_a_node(lab):
    conv = new(lab)
    conv.deliver_all()
    conv.wait()
    conv.deliver_all()
    conv.choose(1)                                       # trust 1
    conv.deliver_all()
    assert conv.wait() is False                          # side has no nudges
    conv.choose(1)
    conv.deliver_all()
    ids = []
    while conv.wait():
        ids.append(conv.deliver_next()["id"])
    assert ids == ["hub.nudge0", "hub.nudge1", "hub.nudge2"]   # trust 1: all three, in order


def test_flagging_a_nudge(lab):
    conv = new(lab)
    conv.deliver_all()
    conv.wait()
    n = conv.deliver_next()["n"]
    assert conv.flag(str(n)) and conv.flags == ["hub.nudge0"]
    assert conv.resolve_item("hub.nudge0") == "hub.nudge0"


# -- flagging ---------------------------------------------------------------------------------

def test_flag_by_number_id_and_profile_id(lab):
    conv = new(lab)
    conv.deliver_all()
    assert conv.flag("profile.joined") is True           # the profile can be flagged at any time
    assert conv.flag("1") is True                         # delivery number 1 = hello
    assert conv.flag("self_seen") is True
    assert conv.flags == ["profile.joined", "hello", "self_seen"]
    assert [e["id"] for e in conv.events if e["type"] == "flag"] == ["profile.joined", "hello", "self_seen"]
    assert conv.flag("hello") is False                    # already flagged: no second event
    assert conv.unflag("2") is True and conv.flags == ["profile.joined", "hello"]
    assert conv.unflag("2") is False
    assert conv.toggle_flag("profile.bio") is True and conv.toggle_flag("profile.bio") is False
    assert [e["type"] for e in conv.events[-2:]] == ["flag", "unflag"]
    assert conv.is_flagged("hello") and not conv.is_flagged("profile.bio")


def test_flag_before_start_is_an_error(lab):
    conv = Conversation(lab, seed=1, clock=Clock())
    with pytest.raises(CommandError):
        conv.flag("profile.bio")
    assert conv.events == []


@pytest.mark.parametrize("ref,message", [
    ("side.0", "message 'side.0' has not arrived yet"),    # exists, not delivered yet
    ("high", "message 'high' has not arrived yet"),
    ("3", "no message [3] yet"),                          # only [1] and [2] so far
    ("nope", "unknown message or profile item 'nope'"),
    ("profile.nope", "unknown message or profile item 'profile.nope'"),
    ("joined", "unknown message or profile item 'joined'"),   # profile items are `profile.<id>`
])
def test_bad_flags_change_nothing(lab, ref, message):
    conv = new(lab)
    conv.deliver_all()
    before = state(conv)
    for command in (conv.flag, conv.unflag):
        with pytest.raises(CommandError) as exc:
            command(ref)
        assert str(exc.value) == message
        assert state(conv) == before


@pytest.mark.parametrize("number,message", [(0, "no choice 0 (choices are 1-3)"), (4, "no choice 4 (choices are 1-3)"),
                                            (-1, "no choice -1 (choices are 1-3)")])
def test_choice_out_of_range_changes_nothing(lab, number, message):
    conv = new(lab)
    conv.deliver_all()
    before = state(conv)
    with pytest.raises(CommandError) as exc:
        conv.choose(number)
    assert str(exc.value) == message
    assert state(conv) == before


def test_unknown_end_action_changes_nothing(lab):
    conv = new(lab)
    conv.deliver_all()
    before = state(conv)
    with pytest.raises(CommandError):
        conv.end_action("explode")
    assert state(conv) == before


# -- ending -----------------------------------------------------------------------------------

@pytest.mark.parametrize("how", ["block", "report", "leave"])
def test_end_actions(lab, how):
    conv = new(lab)
    conv.deliver_next()                                   # one message still pending
    event = conv.end_action(how)
    assert {k: v for k, v in event.items() if k != "t"} == {"type": "end", "how": how}
    assert conv.ended and conv.pending == [] and conv.choices() == []
    assert conv.deliver_next() is None and conv.deliver_all() == []
    assert delivered(conv) == ["hello"]                   # the pending message was never shown


def test_quit(lab):
    conv = new(lab)
    conv.deliver_all()
    conv.quit()
    assert conv.ended and conv.events[-1]["how"] == "quit"
    with pytest.raises(CommandError):
        conv.quit()


def test_start_twice_is_an_error(lab):
    conv = new(lab)
    with pytest.raises(CommandError):
        conv.start()


def test_commands_before_start_are_errors(lab):
    conv = Conversation(lab, seed=1, clock=Clock())
    for command in (lambda: conv.choose(1), conv.wait, conv.quit, lambda: conv.end_action("leave")):
        with pytest.raises(CommandError):
            command()
    assert conv.choices() == [] and conv.events == []


def test_event_times_follow_the_clock(lab):
    clock = Clock()
    conv = new(lab, clock=clock)
    clock.now += 1.25
    conv.deliver_next()
    clock.now += 0.0004
    conv.deliver_next()
    assert [e["t"] for e in conv.events] == [0.0, 0.0, 1.25, 1.25, 1.25]   # start, enter, two delivers, choices


def test_every_event_is_json(lab):
    conv = new(lab)
    conv.deliver_all()
    conv.wait()
    conv.deliver_all()
    conv.flag("profile.joined")
    conv.choose(1)
    conv.deliver_all()
    conv.end_action("report")
    assert json.loads(json.dumps(conv.events)) == conv.events


def test_on_event_sees_every_event(lab):
    seen = []
    conv = Conversation(lab, seed=3, clock=Clock(), on_event=seen.append)
    conv.start()
    conv.deliver_all()
    conv.choose(3)
    conv.deliver_all()
    assert seen == conv.events and seen[-1]["type"] == "end"


# -- save and restore -------------------------------------------------------------------------

SCRIPT = [("deliver_all",), ("wait",), ("deliver_next",), ("flag", "1"), ("deliver_all",), ("choose", 1),
          ("deliver_next",), ("flag", "profile.joined"), ("deliver_next",), ("deliver_next",), ("choose", 1),
          ("deliver_all",), ("choose", 2), ("deliver_all",), ("wait",), ("deliver_all",), ("choose", 1),
          ("deliver_all",), ("choose", 1), ("deliver_all",), ("unflag", "hello"), ("choose", 2), ("deliver_all",),
          ("choose", 2), ("deliver_next",)]   # hub after the reset shows [go to side, finish]: finish, then "bye"


def apply(conv, step):
    name, *args = step
    return getattr(conv, name)(*args)


def roundtrip(lab, conv, clock):
    data = json.loads(json.dumps(conv.to_json()))
    return Conversation.from_json(lab, data, clock=clock)


@pytest.mark.parametrize("cut", range(len(SCRIPT) + 1))
def test_save_and_restore_at_any_step_continues_identically(lab, cut):
    clock = Clock()
    straight = new(lab, seed=5, clock=clock)
    for step in SCRIPT:
        clock.now += 1
        apply(straight, step)
    clock2 = Clock()
    resumed = new(lab, seed=5, clock=clock2)
    for step in SCRIPT[:cut]:
        clock2.now += 1
        apply(resumed, step)
    clock3 = Clock()
    clock3.now = 5000.0                                   # the restored game runs on another clock
    resumed = roundtrip(lab, resumed, clock3)
    for step in SCRIPT[cut:]:
        clock3.now += 1
        apply(resumed, step)
    assert resumed.events == straight.events
    assert state(resumed) == state(straight)
    assert straight.ended and straight.events[-1]["how"] == "ending"


def test_restore_keeps_pending_messages_and_numbers(lab):
    conv = new(lab, seed=9)
    conv.deliver_next()
    restored = roundtrip(lab, conv, Clock())
    assert restored.pending == conv.pending and restored.numbers == {1: "hello"}
    assert restored.choices() == []
    assert restored.deliver_next()["n"] == 2
    assert texts(restored) == ["go to side", "once only", "finish"]
    with pytest.raises(CommandError):
        restored.flag("side.0")
    assert restored.flag("1") is True


def test_restore_refuses_another_scenario_version(lab, tmp_path):
    conv = new(lab)
    data = conv.to_json()
    other_path = tmp_path / "other.yaml"
    other_path.write_text(LAB.replace("title: Engine lab", "title: Engine lab 2"), encoding="utf-8")
    other = load_scenario(other_path)
    with pytest.raises(ValueError):
        Conversation.from_json(other, data)
    with pytest.raises(ValueError):
        Conversation.from_json(lab, {**data, "version": 99})


LIBRARY = load_library().scenarios


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(index=st.integers(0, 10**6), seed=st.integers(0, 10**6), steps=st.lists(st.integers(0, 99), max_size=40),
       cut=st.integers(0, 40))
def test_random_play_survives_save_and_restore(index, seed, steps, cut):
    """Any command sequence on any shipped scenario gives the same log with a save/restore anywhere."""
    scenario = LIBRARY[index % len(LIBRARY)]

    def run(restore_at):
        clock = Clock()
        conv = Conversation(scenario, seed=seed, clock=clock)
        conv.start()
        rng = random.Random(seed)
        for i, roll in enumerate(steps):
            if i == restore_at:
                conv = Conversation.from_json(scenario, json.loads(json.dumps(conv.to_json())), clock=clock)
            clock.now += 0.5
            if conv.ended:
                break
            try:
                if roll < 30:
                    conv.deliver_next()
                elif roll < 40 and conv.numbers:
                    conv.toggle_flag(str(rng.choice(sorted(conv.numbers))))
                elif roll < 45:
                    conv.wait()
                elif roll < 47:
                    conv.end_action(rng.choice(["block", "report", "leave"]))
                elif roll < 95:
                    conv.choose(1 + roll % 3)
                else:
                    conv.flag(rng.choice(["profile.x", "nope", "99", "intro.0"]))
            except CommandError:
                pass
        return conv.events

    assert run(cut) == run(-1)


DEAD_END = """\
format: 1
id: dead-end
title: Dead end
platform: social_media
stranger: {name: Shy}
start: a
nodes:
  a:
    messages:
      - text: answer me
        red_flags: [pressure_urgency]
    choices:
      - {text: only after b, next: b, if: "visited(b)"}
  b:
    end: {outcome: unsafe}
"""


def test_when_no_choice_is_visible_the_player_can_still_flag_and_leave(tmp_path):
    path = tmp_path / "dead-end.yaml"
    path.write_text(DEAD_END, encoding="utf-8")
    conv = Conversation(load_scenario(path), seed=1, clock=Clock())   # loads: RF209 is only a warning
    conv.start()
    conv.deliver_all()
    assert conv.choices() == []
    assert conv.events[-1] == {"type": "choices", "node": "a", "options": [], "t": 0.0}
    before = state(conv)
    with pytest.raises(CommandError):
        conv.choose(1)
    assert state(conv) == before
    assert conv.flag("1") is True
    conv.end_action("leave")
    assert conv.ended and conv.events[-1]["how"] == "leave"
