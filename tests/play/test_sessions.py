"""game.play.sessions: how every front end (and the class server) opens and drives a session."""
import json

import pytest
from playback import GOLDEN_DIR, comparable, golden_cases, script_seed

from game.engine import CommandError
from game.library import find_scenario
from game.play import sessions
from game.play.options import PlayOptions
from game.results.store import Store

FIRST_DM = GOLDEN_DIR / "first-dm" / "best.script"


def _commands(script):
    return [line for line in script.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def test_load_names_the_problem_in_one_message(tmp_path):
    with pytest.raises(sessions.PlayError, match="no-such-scenario"):
        sessions.load("no-such-scenario")
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(sessions.PlayError, match="cannot be played"):
        sessions.load(bad)


@pytest.mark.parametrize("scenario_id,script", golden_cases()[::4], ids=lambda x: str(x)[-30:])
def test_command_lines_give_the_golden_record(scenario_id, script, tmp_path):
    """What a web server does: start from an id and options, then one command line per request."""
    session = sessions.start(scenario_id, PlayOptions(seed=script_seed(script.read_text(encoding="utf-8")),
                                                      save=False))
    session.deliver_all()
    for line in _commands(script):
        if session.ended:
            break
        step = session.execute_line(line)
        assert step is not None and step.events == session.events[len(session.events) - len(step.events):]
    expected = json.loads(script.with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert comparable(session.finish()) == comparable(expected)


def test_a_bad_line_raises_one_line_and_changes_nothing():
    session = sessions.start("first-dm", PlayOptions(seed=7, save=False))
    session.deliver_all()
    before = list(session.events)
    for line in ("9", "dance", "flag 99", "flag"):
        with pytest.raises(CommandError) as info:
            session.execute_line(line)
        assert "\n" not in str(info.value)
    assert session.events == before
    assert session.execute_line("   ") is None
    step = session.execute_line("profile")
    assert step.shown == "profile" and step.events == []


def test_a_step_returns_exactly_the_new_events():
    session = sessions.start("first-dm", PlayOptions(seed=7, save=False))
    session.deliver_all()
    step = session.execute_line("3")
    kinds = [e["type"] for e in step.events]
    assert kinds[0] == "choice" and "deliver" in kinds        # the stranger's answer came with it
    paced = session.execute_line("flag 4", deliver=False)
    assert [e["type"] for e in paced.events] == ["flag"]


def test_the_bus_feeds_the_recorder_and_live_listeners(tmp_path):
    options = PlayOptions(seed=7, data_dir=tmp_path, player="kiwi", class_code="8B")
    session = sessions.new_session(find_scenario("first-dm"), options)
    seen, broken = [], []
    session.bus.subscribe(seen.append)

    def projector_gone(event):
        broken.append(event)
        raise ConnectionError("projector unplugged")

    session.bus.subscribe(projector_gone)
    session.start()
    session.deliver_all()
    for line in ("flag 2", "block"):
        session.execute_line(line)
    session.finish()
    assert seen == session.events and len(broken) == len(seen)
    assert "projector unplugged" in session.bus.last_error
    with Store.open(tmp_path) as store:
        (record,) = store.sessions()
        assert store.events(record.id) == session.events
        assert (record.player, record.class_code, record.status) == ("kiwi", "8B", "complete")


def test_unsubscribe_stops_the_feed():
    session = sessions.new_session(find_scenario("first-dm"), PlayOptions(seed=1, save=False))
    seen = []
    stop = session.bus.subscribe(seen.append)
    session.start()
    stop()
    session.deliver_all()
    assert [e["type"] for e in seen] == ["start", "enter"]


def test_rebuild_from_the_event_log_carries_on_in_another_process():
    """A server that keeps the log itself gets the same live session back (as resume does)."""
    commands = _commands(FIRST_DM)
    straight = sessions.start("first-dm", PlayOptions(seed=7, save=False))
    straight.deliver_all()
    for line in commands:
        straight.execute_line(line)
    expected = straight.finish()

    scenario = find_scenario("first-dm")
    first = sessions.start(scenario, PlayOptions(seed=7, save=False))
    first.deliver_all()
    for line in commands[:4]:
        first.execute_line(line)
    log = json.loads(json.dumps(first.events))        # stored as JSON, read back elsewhere
    live = sessions.rebuild(scenario, log)
    assert live.events == log and live.conv.flags == first.conv.flags
    for line in commands[4:]:
        live.execute_line(line)
    assert comparable(live.finish()) == comparable(expected)


def test_rebuild_refuses_a_log_of_another_scenario():
    first = sessions.start("first-dm", PlayOptions(seed=7, save=False))
    with pytest.raises(sessions.PlayError, match="cannot rebuild"):
        sessions.rebuild(find_scenario("squad-up"), first.events)


def test_unfinished_resume_skip_and_played_and_best(tmp_path):
    options = PlayOptions(seed=7, data_dir=tmp_path, player="kiwi")
    assert sessions.unfinished(options) == [] and sessions.played_and_best(options) == {}
    s1 = sessions.start("first-dm", options)
    s1.deliver_all()
    s1.execute_line("flag 2")
    flags = list(s1.conv.flags)
    assert len(flags) == 1
    s1.recorder.store.close()                          # the computer is switched off
    (offer,) = sessions.unfinished(options)
    assert (offer.scenario_id, offer.player, offer.title) == ("first-dm", "kiwi", "The First DM")
    assert sessions.unfinished(options, player="someone-else") == []
    again = sessions.start("first-dm", options.with_(resume=True))
    assert again.conv.flags == flags
    again.deliver_all()
    again.execute_line("block")
    result = again.finish()
    assert sessions.unfinished(options) == []
    assert sessions.played_and_best(options) == {"first-dm": (1, result["score"]["total"])}
    assert sessions.played_and_best(options, player="someone-else") == {}

    s2 = sessions.start("squad-up", options)
    s2.recorder.store.close()
    (offer,) = sessions.unfinished(options)
    sessions.skip(options, offer.session_id)
    assert sessions.unfinished(options) == []


def test_resume_without_a_stored_session_and_without_saving(tmp_path):
    with pytest.raises(sessions.PlayError, match="no unfinished session of 'first-dm'"):
        sessions.start("first-dm", PlayOptions(data_dir=tmp_path, resume=True))
    with pytest.raises(sessions.PlayError, match="--no-save"):
        sessions.start("first-dm", PlayOptions(data_dir=tmp_path, resume=True, save=False))


def test_options_from_command_line_arguments():
    from game.cli import build_parser

    args = build_parser().parse_args(["play", "first-dm", "--seed", "3", "--no-save", "--player", "kiwi",
                                      "--class", "8B", "--result-json", "r.json", "--data-dir", "d"])
    assert PlayOptions.from_args(args) == PlayOptions(seed=3, player="kiwi", class_code="8B", save=False,
                                                      data_dir="d", result_json="r.json")
