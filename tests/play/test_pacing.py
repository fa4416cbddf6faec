"""game.play.pacing: messages arrive as if typed, nudges after a silence, all on an injected clock."""
from playback import FakeClock

from game.library import find_scenario
from game.play.pacing import Pacer, typing_delay
from game.session import Session


def _started(seed=7):
    session = Session(find_scenario("first-dm"), seed=seed)
    session.start()
    return session


def test_typing_delay_follows_the_text_and_the_setting():
    assert typing_delay("hi", None, 1, 1, 1.0) < typing_delay("x" * 70, None, 1, 1, 1.0) <= 6.0
    assert typing_delay("anything", None, 1, 1, 0.0) == 0.0
    assert typing_delay("hi", 2.5, 1, 1, 1.0) == 2.5 and typing_delay("hi", 2.5, 1, 1, 0.5) == 1.25
    assert typing_delay("notice", None, 1, 1, 1.0, system=True) == 0.9


def test_messages_arrive_one_by_one_with_the_typing_indicator():
    session = _started()
    clock = FakeClock()
    pacer = Pacer(session, clock=clock)
    pending = len(session.conv.pending)
    assert pending == 3
    delivered, typing_seen = [], False
    for _ in range(400):
        clock.now += 0.1
        tick = pacer.tick()
        typing_seen = typing_seen or pacer.typing
        delivered += [e for e in tick.events if e["type"] == "deliver"]
        if not session.conv.pending:
            break
    assert [e["n"] for e in delivered] == [1, 2, 3] and typing_seen


def test_a_long_pause_does_not_fire_a_burst():
    session = _started()
    clock = FakeClock()
    pacer = Pacer(session, clock=clock)
    clock.now += 3600                                   # the laptop was asleep
    tick = pacer.tick()
    assert tick.events == [] and len(session.conv.pending) == 3


def test_instant_typing_delivers_at_the_next_ticks():
    session = _started()
    pacer = Pacer(session, typing_factor=0.0)
    events = []
    for _ in range(3):
        events += pacer.advance(0.0).events
    assert [e["n"] for e in events if e["type"] == "deliver"] == [1, 2, 3]


def test_idle_nudge_after_its_silence_and_activity_restarts_the_wait():
    session = _started()
    session.deliver_all()
    pacer = Pacer(session, typing_factor=0.0)
    for _ in range(24 * 4):                             # 24 s of silence: not yet (after: 25)
        assert pacer.advance(0.25).events == []
    pacer.activity()                                    # a key press
    for _ in range(24 * 4):
        assert pacer.advance(0.25).events == []
    nudged = []
    for _ in range(10):
        nudged += pacer.advance(0.25).events
        nudged += pacer.advance(0.0).events             # the nudge is typed at once (factor 0)
    assert any(e["type"] == "deliver" and e["nudge"] for e in nudged)


def test_nothing_happens_after_the_end():
    session = _started()
    session.deliver_all()
    session.execute_line("block")
    pacer = Pacer(session)
    assert not pacer.advance(100).changed
