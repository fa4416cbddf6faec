"""Try again from here: a practice run rebuilt from the event log, never stored."""

import pytest

from game.play import sessions
from game.play.options import PlayOptions
from game.play.practice import decision_points, practice_from
from game.results.store import Store


def finished(tmp_path):
    s = sessions.start("first-dm", PlayOptions(seed=1, data_dir=str(tmp_path)))
    s.deliver_all()
    for line in ("1", "2"):
        s.execute_line(line)
        s.deliver_all()
    s.execute_line("block")
    s.finish()
    return s


def test_a_practice_run_starts_just_before_the_reply(tmp_path):
    s = finished(tmp_path)
    events = s.conv.events
    for k, at in enumerate(decision_points(events)):
        p = practice_from(s.scenario, events, k)
        assert p.practice == k and not p.ended and p.recorder is None
        assert p.conv.events == events[:at]
        offered = [e for e in events[:at] if e["type"] == "choices"][-1]["options"]
        assert [c.text for c in p.conv.choices()] == [o["text"] for o in offered]


def test_a_practice_run_is_not_stored_and_the_first_result_stays(tmp_path):
    s = finished(tmp_path)
    first = s.result()
    p = practice_from(s.scenario, s.conv.events, 0)
    p.deliver_all()
    p.execute_line("2")
    p.deliver_all()
    p.execute_line("leave")
    p.finish()
    store = Store.open(tmp_path)
    try:
        stored = store.sessions()
        assert len(stored) == 1 and stored[0].result["score"] == first["score"]
    finally:
        store.close()


def test_there_is_no_reply_to_try_again_from():
    s = sessions.start("first-dm", PlayOptions(seed=1, save=False))
    with pytest.raises(sessions.PlayError, match="no reply 1"):
        practice_from(s.scenario, s.conv.events, 0)
