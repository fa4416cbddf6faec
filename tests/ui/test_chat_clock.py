"""Message times agree with each other: one pacing clock, the story's time of day, a resume's gap."""
import time
from types import SimpleNamespace

import pytest

from game.ui.chat.clock import chat_clock, marker_wall, time_marker


@pytest.mark.parametrize("text,expected", [
    ("Thursday, 11:40 PM", (23, 40)), ("Friday, 3:52 PM", (15, 52)), ("Friday 12:05 AM", (0, 5)),
    ("23:40", (23, 40)), ("7:05 am", (7, 5)),
    ("DEE_2K sent a location pin: Friday 3:45 PM.", None), ("13:00 PM", None), ("25:10", None), ("hi", None),
])
def test_a_notice_that_is_only_a_time_sets_the_clock(text, expected):
    assert time_marker(text) == expected


def test_a_marker_earlier_in_the_day_means_the_next_day():
    evening = time.mktime((2024, 3, 14, 22, 30, 0, 0, 0, -1))
    nxt = marker_wall(evening, 15, 52)
    assert time.localtime(nxt)[2:5] == (15, 15, 52)          # the 15th, 15:52
    assert time.localtime(marker_wall(evening, 23, 10))[2:5] == (14, 23, 10)


def test_the_story_clock_starts_the_chat_at_its_time_of_day(chat_factory):
    chat = chat_factory("late-night-squad")
    assert chat.scenario.clock == "22:04"
    first = next(it for it in chat.timeline.items if it.kind != "info" and it.t is not None)
    assert chat.ctx.clock(first.t) == "22:04"
    assert chat.ctx.clock(first.t + 125) == "22:06"           # and counts on with the pacing clock


def test_a_time_marker_moves_every_later_time(chat_factory):
    chat = chat_factory("mums-friend")
    ctx = chat.ctx
    before = ctx.clock(30)
    ctx.mark(40.0, marker_wall(ctx.wall(40.0), 20, 4))
    assert ctx.clock(30) == before and ctx.clock(40) == "20:04" and ctx.clock(100) == "20:05"


def test_a_resumed_chat_keeps_the_times_it_was_said_at():
    now = time.mktime((2024, 3, 14, 18, 0, 0, 0, 0, -1))
    said = now - 3 * 3600                                     # left three hours ago, 200 s into the chat
    record = SimpleNamespace(updated_at=said)
    session = SimpleNamespace(recorder=SimpleNamespace(store=SimpleNamespace(session=lambda sid: record),
                                                       session_id=7))
    conv = SimpleNamespace(started=True, elapsed=lambda: 200.0)
    clock = chat_clock(SimpleNamespace(clock=""), conv, session, resumed=True, now=now)
    assert clock.at(200.0) == pytest.approx(said)             # the last thing said: when it was said
    assert clock.at(10.0) == pytest.approx(said - 190)
    assert clock.at(230.0) == pytest.approx(now + 30)         # after the resume: from now on
    fresh = chat_clock(SimpleNamespace(clock=""), conv, session, resumed=False, now=now)
    assert fresh.at(200.0) == pytest.approx(now)
