"""The discernment check in the window: offered before the first chat, answered with keys, stored."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.checks import storage, words
from game.checks.library import load_forms
from game.checks.session import CheckSession
from game.cli import main
from game.library import load_library
from game.results.store import Store
from game.ui.screens.chat import ChatScreen
from game.ui.screens.check import CheckOfferDialog, CheckScreen
from game.ui.screens.picker import launch_scenario


def key(k):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0)


@pytest.fixture
def player(app):
    app.show_start()
    app.player, app.class_code = "kiwi", "7C"
    return app


def answer_all(app, form):
    """The right answer to every item, "certain": R or S, then 4."""
    for item in load_forms()[form].items:
        app.tick([key(pygame.K_r if item.is_signal else pygame.K_s)])
        app.tick([key(pygame.K_4)])


def test_a_new_player_is_offered_the_check_before_the_first_chat(player, private_data_dir):
    app = player
    launch_scenario(app, "first-dm")
    offer = app.top
    assert isinstance(offer, CheckOfferDialog) and (offer.phase, offer.form) == ("pre", "A")
    assert words.OFFER["pre"] in offer.body
    app.tick([key(pygame.K_1)])                                   # take it
    check = app.top
    assert isinstance(check, CheckScreen) and check.session.number == 1
    assert "Red flag or safe?" in check.body and words.NOT_A_TEST in check.body
    answer_all(app, "A")
    assert check.title == words.THANKS and check.body == ""       # after a pre check: only thanks
    check.done()                                                  # the Continue button
    assert isinstance(app.top, ChatScreen)                        # the chat follows
    with Store.open(private_data_dir) as store:
        [row] = storage.rows(store)
    assert (row.player, row.class_code, row.record["phase"], row.record["hits"]) == ("kiwi", "7C", "pre", 8)
    assert row.record["complete"] is True and row.record["auc"] == 1.0


def test_not_now_skips_it_for_this_run(player):
    app = player
    launch_scenario(app, "first-dm")
    app.tick([key(pygame.K_2)])
    assert isinstance(app.top, ChatScreen)
    app.show_start()
    launch_scenario(app, "first-dm")
    assert isinstance(app.top, ChatScreen)                        # not offered again


def test_no_offer_without_a_nickname(app):
    app.show_start()
    app.player = None
    launch_scenario(app, "first-dm")
    assert isinstance(app.top, ChatScreen)


def test_skip_stop_and_the_words_after_a_later_check(player, private_data_dir):
    app = player
    with Store.open(private_data_dir) as store:
        pre = CheckSession(load_forms()["A"], "pre")
        for _ in pre.form.items:
            pre.answer("red", 2)                                   # flags everything
        storage.save(store, pre.record(), form_sha256="x", player="kiwi", class_code="7C",
                     taken_at=store.clock() - 60)
    done = []
    screen = CheckScreen(app, CheckSession(load_forms()["B"], "post"), on_done=lambda: done.append(1))
    app.push(screen)
    app.tick([])
    app.tick([key(pygame.K_k)])                                   # skip the first
    assert screen.session.answers[0].skipped
    app.tick([key(pygame.K_r)])
    assert "How sure are you?" in screen.body and [b.ident for b in screen.buttons][:4] == \
        ["sure1", "sure2", "sure3", "sure4"]
    app.tick([key(pygame.K_3)])
    app.tick([key(pygame.K_ESCAPE)])                              # stop: kept as unfinished
    assert screen.title == words.THANKS_PARTLY
    screen.done()
    assert done == [1]
    with Store.open(private_data_dir) as store:
        rows = storage.rows(store)
    assert [r.record["complete"] for r in rows] == [True, False]
    assert len(rows[1].record["answers"]) == 2


def test_the_player_sees_their_own_change_after_the_post_check(player, private_data_dir):
    app = player
    with Store.open(private_data_dir) as store:
        pre = CheckSession(load_forms()["A"], "pre")
        for _ in pre.form.items:
            pre.answer("red", 2)
        storage.save(store, pre.record(), form_sha256="x", player="kiwi", class_code="7C",
                     taken_at=store.clock() - 60)
    screen = CheckScreen(app, CheckSession(load_forms()["B"], "post"))
    app.push(screen)
    app.tick([])
    answer_all(app, "B")
    assert screen.title == words.THANKS
    assert screen.body.startswith("Last time you spotted 8 of 8 warning signs and called 8 of 8 normal chats")
    assert "You got better at telling warning signs from normal chat." in screen.body


# -- after the teacher's number of chats: offered when the player leaves that chat's debrief ---------
BEST = Path(__file__).resolve().parents[1] / "golden" / "generous-teammate" / "best.script"


def finish_chats(n, capsys):
    for _ in range(n):
        assert main(["play", "generous-teammate", "--text", "--script", str(BEST),
                     "--player", "kiwi", "--class", "7C"]) == 0
    capsys.readouterr()


def debrief(app):
    with Store.open(app.play_options().data_dir) as store:
        last = store.sessions(player="kiwi", class_code="7C")[-1]
        result = store.result(last.id)
    return app.show_debrief(result, scenario=load_library().get("generous-teammate"))


def store_pre(private_data_dir, taken_ago=3600.0, phase="pre", form="A"):
    with Store.open(private_data_dir) as store:
        session = CheckSession(load_forms()[form], phase)
        for _ in session.form.items:
            session.answer("red", 2)
        storage.save(store, session.record(), form_sha256="x", player="kiwi", class_code="7C",
                     taken_at=store.clock() - taken_ago)


def test_the_post_check_is_offered_on_leaving_the_debrief_of_the_fifth_chat(player, private_data_dir, capsys):
    app = player
    store_pre(private_data_dir)
    finish_chats(4, capsys)
    debrief(app).choose_another()
    assert app.top.__class__.__name__ == "PickerScreen"          # four chats: not yet
    finish_chats(1, capsys)
    debrief(app).choose_another()
    offer = app.top
    assert isinstance(offer, CheckOfferDialog) and (offer.phase, offer.form, offer.chats) == ("post", "B", 5)
    assert words.OFFER["post"].format(chats=5) in offer.body
    app.tick([key(pygame.K_1)])                                   # take it
    assert isinstance(app.top, CheckScreen) and app.top.session.phase == "post"
    answer_all(app, "B")
    app.top.done()
    assert app.top.__class__.__name__ == "PickerScreen"          # then where the player was going
    with Store.open(private_data_dir) as store:
        assert [r.record["phase"] for r in storage.rows(store)] == ["pre", "post"]
    debrief(app).to_start()
    assert app.top.__class__.__name__ == "StartScreen"           # taken: not offered again


def test_not_now_on_the_debrief_goes_where_the_player_was_going(player, private_data_dir, capsys):
    app = player
    store_pre(private_data_dir)
    finish_chats(5, capsys)
    debrief(app).to_start()
    assert isinstance(app.top, CheckOfferDialog)
    app.tick([key(pygame.K_2)])                                   # not now
    assert app.top.__class__.__name__ == "StartScreen"
    launch_scenario(app, "first-dm")
    assert isinstance(app.top, ChatScreen)                        # and not again in this run


def test_the_follow_up_is_offered_a_week_after_the_post_check(player, private_data_dir, capsys):
    app = player
    store_pre(private_data_dir, taken_ago=10 * 86400)
    finish_chats(5, capsys)
    store_pre(private_data_dir, taken_ago=8 * 86400, phase="post", form="B")
    debrief(app).to_start()
    offer = app.top
    assert isinstance(offer, CheckOfferDialog) and (offer.phase, offer.form) == ("followup", "A")
    assert words.OFFER["followup"] in offer.body


def test_not_now_is_the_nicknames_at_a_shared_computer(player):
    app = player
    launch_scenario(app, "first-dm")
    app.tick([key(pygame.K_2)])                                   # kiwi: not now
    app.show_start()
    app.player = "pika"                                           # the next student at the same computer
    launch_scenario(app, "first-dm")
    assert isinstance(app.top, CheckOfferDialog)                  # is still asked
    app.show_start()
    app.player = "Kiwi"                                           # kiwi again (nicknames ignore case)
    launch_scenario(app, "first-dm")
    assert isinstance(app.top, ChatScreen)
