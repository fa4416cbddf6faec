"""The start screen offers the unfinished chat of this device and carries it on where it stopped."""
import sqlite3

import pygame
import pytest
from conftest import key, run_until

from game.command_language import parse
from game.library import find_scenario
from game.play.options import PlayOptions
from game.play.sessions import new_session
from game.results import location
from game.results.store import Store
from game.session import Session, run_script
from game.ui import check_flow
from game.ui.screens.away import AwayScreen
from game.ui.screens.chat import ChatScreen
from game.ui.screens.start import ResumeFailedDialog, StartScreen

SCENARIO = "generous-teammate"
# the best play of tests/golden/generous-teammate/best.script, cut in two
BEFORE = ["flag profile.bio", "flag profile.joined", "flag profile.activity", "flag intro.3", "3",
          "flag loadout.5"]
CUT = "3"              # chosen just before the interruption, its answers still pending
AFTER = ["flag tag_test.3", "flag tag_test.4", "3", "flag next_match.7", "flag next_match.8", "3",
         "flag move.3", "2", "flag ask_dad.0", "2"]
SHIFT_TAB = key(pygame.K_TAB, pygame.KMOD_SHIFT)


def _lines(commands):
    return [(i + 1, c) for i, c in enumerate(commands)]


def uninterrupted() -> dict:
    session = Session(find_scenario(SCENARIO), seed=1)
    session.start()
    run_script(session, _lines(BEFORE + [CUT] + AFTER))
    return session.finish()


def interrupted(data_dir, *, how: str, player="kiwi", scenario=SCENARIO, commands=None):
    """A stored session stopped before its end: ``kill`` (nothing more written) or ``quit``."""
    options = PlayOptions(save=True, data_dir=str(data_dir), player=player, class_code="8B", seed=1)
    session = new_session(find_scenario(scenario), options)
    session.start()
    run_script(session, _lines(BEFORE if commands is None else commands))
    if commands is None:
        session.conv.choose(int(CUT))          # its answers are queued, not delivered yet
    session.pending_texts = [p["text"] for p in session.conv.pending]
    if how == "quit":
        session.finish()
    else:                                       # power cut: the store just stops
        session.recorder.store.close()
    return session


def start_screen(app, player: str | None = "kiwi") -> StartScreen:
    """The start screen with ``player`` typed as the nickname (the offer is that nickname's own)."""
    app.show_start()
    app.tick([])
    assert isinstance(app.top, StartScreen)
    if player:
        app.top.nick.set_text(player)
        app.tick([])
    return app.top


def play_rest_in_the_window(app, chat: ChatScreen) -> None:
    """The rest of the script through the chat screen: number keys for replies, F-style flag toggles."""
    for line in AFTER:
        assert run_until(app, lambda: not chat.conv.pending, dt=0.05)
        command = parse(line)
        if command.name == "choose":
            app.tick([key(pygame.K_1 + command.number - 1)])
        else:
            chat.toggle_flag(command.arg)
            app.tick([])
    assert run_until(app, lambda: chat.finished, dt=0.05)


@pytest.mark.parametrize("how", ["kill", "quit"])
def test_continue_from_the_start_screen_gives_the_uninterrupted_record(app, private_data_dir, how):
    expected = uninterrupted()
    first = interrupted(private_data_dir, how=how)
    said_before = [e["text"] for e in first.conv.events if e["type"] in ("deliver", "choice")]
    pending_before = first.pending_texts
    assert pending_before

    start = start_screen(app)
    scenario = find_scenario(SCENARIO)
    assert start.cont.offer is not None and start.cont.offer.title == scenario.title
    assert start.cont in start.widgets and start.cont.rect.h > 0
    # keyboard only: the card sits just above Play, which has the focus
    app.tick([SHIFT_TAB])
    assert start.focus.current is start.cont
    app.tick([key(pygame.K_RETURN)])
    chat = app.top
    assert isinstance(chat, ChatScreen) and chat.resumed

    shown = [it.text for it in chat.timeline.items]
    for text in said_before:                    # the transcript so far is on screen
        assert text in shown
    assert "You left this chat earlier. It carries on from here." in shown
    assert all(chat.conv.is_flagged(i) for i in ("intro.3", "loadout.5", "profile.bio"))
    assert run_until(app, lambda: not chat.conv.pending, dt=0.05)
    shown = [it.text for it in chat.timeline.items]
    for text in pending_before:                 # what was still on its way arrives
        assert text in shown

    play_rest_in_the_window(app, chat)
    record = chat.result
    assert record["outcome"] == expected["outcome"] == "ending"
    assert record["ending"] == expected["ending"]
    assert sorted(record["hits"]) == sorted(expected["hits"])
    assert sorted(record["false_alarms"]) == sorted(expected["false_alarms"])
    assert record["score"] == expected["score"]

    with Store.open(private_data_dir) as store:
        sessions = store.sessions()
        assert len(sessions) == 1 and sessions[0].status == "complete"
        assert store.incomplete_sessions() == []
        assert sorted(store.result(sessions[0].id)["hits"]) == sorted(expected["hits"])
    # back at the start: nothing left to continue
    start = start_screen(app)
    assert start.cont.offer is None and start.cont not in start.widgets


def test_quick_exit_then_continue_at_once(app, private_data_dir):
    first = interrupted(private_data_dir, how="kill")
    start_screen(app).continue_chat()
    chat = app.top
    assert isinstance(chat, ChatScreen)
    assert run_until(app, lambda: not chat.conv.pending, dt=0.05)
    replies = len([e for e in chat.conv.events if e["type"] == "choice"])
    app.tick([key(pygame.K_ESCAPE)])
    app.tick([key(pygame.K_q)])                 # quick exit: stored as quit, then the neutral page
    assert isinstance(app.top, AwayScreen) and len(app.stack) == 1
    app.tick([key(pygame.K_ESCAPE)])
    app.tick([key(pygame.K_ESCAPE)])            # Escape twice: back to the start, still as kiwi
    start = app.top
    assert isinstance(start, StartScreen) and start.cont.offer is not None
    app.tick([key(pygame.K_c)])                 # C continues too
    chat = app.top
    assert isinstance(chat, ChatScreen)
    assert len([e for e in chat.conv.events if e["type"] == "choice"]) == replies
    assert first.conv.events[0]["seed"] == chat.conv.seed


def test_the_offer_follows_the_nickname_and_is_never_the_last_players(app, private_data_dir):
    interrupted(private_data_dir, how="quit", player="kiwi")
    interrupted(private_data_dir, how="kill", player="mango", scenario="quick-follow-back", commands=["1"])
    start = start_screen(app, player=None)
    # a shared computer: without a nickname, nobody else's chat is offered
    assert start.cont.offer is None and start.cont not in start.widgets
    start._focus(start.nick)
    app.tick([pygame.event.Event(pygame.TEXTINPUT, text="KIWI")])
    assert start.cont.offer.player == "kiwi" and start.cont.offer.scenario_id == SCENARIO
    assert "played as" not in start.cont.detail()
    start.nick.set_text("mango")
    app.tick([])
    assert start.cont.offer.player == "mango" and start.cont.offer.scenario_id == "quick-follow-back"
    start.nick.set_text("nobody")
    app.tick([])
    assert start.cont.offer is None and start.cont not in start.widgets
    assert not start.scroller.scrollable


def test_a_chat_played_without_a_nickname_is_offered_only_without_one(app, private_data_dir):
    interrupted(private_data_dir, how="quit", player=None)
    start = start_screen(app, player=None)
    assert start.cont.offer is not None and start.cont.offer.player is None
    start.nick.set_text("kiwi")
    app.tick([])
    assert start.cont.offer is None


def test_a_changed_scenario_says_why_and_offers_a_fresh_start(app, private_data_dir):
    first = interrupted(private_data_dir, how="quit")
    sid = first.recorder.session_id
    with Store.open(private_data_dir) as store:         # the scenario file was edited since
        raw = sqlite3.connect(store.path)
        raw.execute("UPDATE events SET data = json_set(data, '$.scenario_sha256', 'edited')"
                           " WHERE session_id = ? AND seq = 0", (sid,))
        raw.execute("UPDATE sessions SET scenario_sha256 = 'edited' WHERE id = ?", (sid,))
        raw.commit()
    start = start_screen(app)
    start.continue_chat()
    dialog = app.top
    assert isinstance(dialog, ResumeFailedDialog)
    assert "has changed" in dialog.reason
    app.draw()
    assert [b.ident for b in dialog.buttons] == ["fresh", "not_now"]
    check_flow.decline(app)                              # kiwi's first chat would offer the check first
    app.tick([key(pygame.K_RETURN)])                     # "Start it again" has the focus
    chat = app.top
    assert isinstance(chat, ChatScreen) and not chat.resumed
    assert chat.scenario.id == SCENARIO and len([e for e in chat.conv.events if e["type"] == "choice"]) == 0
    chat.quick_exit()                                    # the new chat is unfinished now: it is offered
    start = start_screen(app)
    assert start.cont.offer is not None and start.cont.offer.session_id != sid
    with Store.open(private_data_dir) as store:          # the old one is kept, just not offered again
        assert store.session(sid).unfinished


def test_not_now_keeps_the_start_screen_without_the_broken_offer(app, private_data_dir):
    first = interrupted(private_data_dir, how="kill")
    with Store.open(private_data_dir) as store:
        raw = sqlite3.connect(store.path)
        raw.execute("UPDATE events SET data = json_set(data, '$.scenario_sha256', 'edited')"
                           " WHERE session_id = ? AND seq = 0", (first.recorder.session_id,))
        raw.commit()
    start = start_screen(app)
    start.continue_chat()
    assert isinstance(app.top, ResumeFailedDialog)
    app.tick([key(pygame.K_ESCAPE)])
    assert app.top is start and start.cont.offer is None


def test_no_database_no_offer_and_none_created(app, private_data_dir):
    start = start_screen(app)
    assert start.cont.offer is None
    assert not location.db_path(private_data_dir).exists()
