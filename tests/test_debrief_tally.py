"""The replay's tally (game.debrief.tally): one rule for the window, the terminal and the browser.

Counts come from the golden results (tests/golden/*/NAME.expected.json: hits, misses, false alarms).
"""

from dataclasses import replace

from test_debrief_words import golden

from game import debrief


def test_after_an_unsafe_ending_counts_of_nothing_are_left_out():
    d, result = golden("first-dm", "worst")                 # unsafe; 0 hits, 6 misses
    assert result["ending"]["outcome"] == "unsafe" and d.help_first
    assert debrief.tally(d) == (("missed", 6),)


def test_an_unsafe_ending_with_some_spotted_counts_both():
    d, result = golden("generous-teammate", "meeting")      # unsafe; 2 hits, 15 misses
    assert result["ending"]["outcome"] == "unsafe"
    assert debrief.tally(d) == (("spotted", 2), ("missed", 15))


def test_an_unsafe_ending_with_everything_spotted_leaves_out_missed_0():
    d, _ = golden("first-dm", "worst")
    everything = tuple(replace(i, status=debrief.SPOTTED) for i in d.items)
    assert debrief.tally(replace(d, items=everything)) == (("spotted", 6),)


def test_otherwise_a_manipulator_counts_spotted_and_missed_even_at_zero():
    d, result = golden("first-dm", "best")                  # safe ending; 6 hits, 0 misses
    assert not d.help_first
    assert debrief.tally(d) == (("spotted", 6), ("missed", 0))
    assert debrief.tally(replace(d, items=())) == (("spotted", 0), ("missed", 0))   # nothing shown yet


def test_a_safe_person_counts_only_what_happened():
    d, _ = golden("art-club-friend", "worst")               # blocked a real friend; 5 false alarms
    assert d.safe_person
    assert debrief.tally(d) == (("false_alarm", 5),)
    d, _ = golden("art-club-friend", "best")
    assert debrief.tally(d) == ()
