"""Scripted window runs give the terminal's result record, and one PNG per command."""
import json

import pytest
from playback import comparable, golden_cases, play, script_seed

from game.cli import main
from game.command_language import parse, read_script
from game.engine import Conversation
from game.library import find_scenario
from game.play import sessions
from game.play.options import PlayOptions
from game.session import Session, run_script

CASES = golden_cases()


def _commands_run(scenario_id, script):
    """How many commands the terminal engine carries out (lines after the end are ignored)."""
    text = script.read_text(encoding="utf-8")
    session = Session(find_scenario(scenario_id), seed=script_seed(text))
    session.start()
    count = []
    run_script(session, list(read_script(text.splitlines())), lambda c, s: count.append(c))
    return len(count)


@pytest.mark.skipif(not CASES, reason="no golden scripts yet")
@pytest.mark.parametrize("scenario_id,script", CASES, ids=[f"{s}/{p.stem}" for s, p in CASES])
def test_window_script_matches_terminal_record(scenario_id, script, tmp_path):
    """The command line's own path: every script line goes through the chat screen's click call."""
    expected = json.loads(script.with_suffix(".expected.json").read_text(encoding="utf-8"))
    shots = tmp_path / "shots"
    out = tmp_path / "result.json"
    seed = script_seed(script.read_text(encoding="utf-8"))
    assert main(["play", scenario_id, "--script", str(script), "--screenshot-dir", str(shots),
                 "--result-json", str(out), "--seed", str(seed), "--no-save", "--data-dir", str(tmp_path)]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert comparable(record) == comparable(expected)
    assert comparable(record) == play(scenario_id, script)
    pngs = sorted(p.name for p in shots.glob("*.png"))
    n = _commands_run(scenario_id, script)
    assert pngs == [f"{i:04d}.png" for i in range(1, n + 1)]


@pytest.mark.skipif(not CASES, reason="no golden scripts yet")
@pytest.mark.parametrize("scenario_id,script", CASES[::3], ids=[f"{s}/{p.stem}" for s, p in CASES[::3]])
def test_window_script_through_save_restore(scenario_id, script, app):
    """The chat screen keeps working when the engine is restored from JSON before every command."""
    from game.ui.screens.chat import ChatScreen

    scenario = find_scenario(scenario_id)
    text = script.read_text(encoding="utf-8")
    session = Session(scenario, seed=script_seed(text))
    chat = ChatScreen(app, session, scripted=True)
    app.push(chat)

    def after(command, shown):
        chat.sync()
        app.draw()

    for number, line in read_script(text.splitlines()):
        if parse(line) is None:
            continue
        state = json.loads(json.dumps(session.conv.to_json()))
        session = Session(scenario, conversation=Conversation.from_json(scenario, state))
        chat.adopt_session(session)
        run_script(session, [(number, line)], after)
        if session.ended:
            break
    expected = json.loads(script.with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert comparable(session.finish()) == comparable(expected)
    flagged = {it.item_id for it in chat.timeline.items if it.flaggable and session.conv.is_flagged(it.item_id)}
    assert flagged <= set(session.conv.flags)


def test_bad_script_line_stops_with_status_2(tmp_path, capsys):
    script = tmp_path / "bad.script"
    script.write_text("9\n", encoding="utf-8")
    assert main(["play", "generous-teammate", "--script", str(script), "--seed", "1", "--no-save",
                 "--data-dir", str(tmp_path)]) == 2
    assert "line 1: no choice 9" in capsys.readouterr().err


def test_resume_in_the_window_continues_a_stored_session(tmp_path):
    """play SCENARIO --resume: the window shows the stored chat and carries on from it."""
    first = sessions.start("first-dm", PlayOptions(seed=7, data_dir=str(tmp_path), player="kiwi"))
    run_script(first, [(1, "flag 2"), (2, "3")])
    flags_before = list(first.conv.flags)
    # the game is killed here: no finish()
    script = tmp_path / "rest.script"
    script.write_text("flag 3\nblock\n", encoding="utf-8")
    out = tmp_path / "result.json"
    assert main(["play", "first-dm", "--resume", "--script", str(script), "--result-json", str(out),
                 "--player", "kiwi", "--data-dir", str(tmp_path)]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["outcome"] == "blocked"
    assert set(flags_before) <= set(record["hits"]) | set(record["false_alarms"])


def test_resume_without_a_stored_session_says_so(tmp_path, capsys):
    assert main(["play", "first-dm", "--resume", "--data-dir", str(tmp_path)]) == 2
    assert "no unfinished session" in capsys.readouterr().err
