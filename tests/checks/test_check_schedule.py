"""Default form and phase, and when a check is offered (game.checks.schedule)."""

from __future__ import annotations

from game.checks.schedule import (
    FOLLOWUP_AFTER_S,
    History,
    TakenCheck,
    default_form,
    default_phase,
    due,
)

DAY = 24 * 3600.0


def test_new_players_alternate_so_half_a_class_starts_with_each():
    assert default_form(History()) == "A"
    assert default_form(History(class_first_forms={"A": 1})) == "B"
    assert default_form(History(class_first_forms={"A": 1, "B": 1})) == "A"
    assert default_form(History(class_first_forms={"A": 3, "B": 5})) == "A"


def test_a_player_gets_the_form_not_taken_yet_then_the_older_one():
    assert default_form(History(checks=(TakenCheck("A", "pre", 1.0),))) == "B"
    assert default_form(History(checks=(TakenCheck("B", "pre", 1.0),))) == "A"
    both = History(checks=(TakenCheck("A", "pre", 1.0), TakenCheck("B", "post", 2.0)))
    assert default_form(both) == "A"


def test_phase_pre_before_the_first_chat_post_after_followup_a_week_later():
    assert default_phase(History(), 0.0) == "pre"
    assert default_phase(History(chats_finished=1), 0.0) == "post"
    after_post = History(chats_finished=5, checks=(TakenCheck("A", "pre", 0.0), TakenCheck("B", "post", DAY)))
    assert default_phase(after_post, DAY + FOLLOWUP_AFTER_S - 1) == "post"
    assert default_phase(after_post, DAY + FOLLOWUP_AFTER_S) == "followup"


def test_offers():
    assert due(History(), 0.0) == "pre"
    assert due(History(checks=(TakenCheck("A", "pre", 0.0),)), 0.0) is None
    assert due(History(chats_finished=4), 0.0) is None
    assert due(History(chats_finished=5), 0.0) == "post"
    assert due(History(chats_finished=3), 0.0, post_after=3) == "post"
    posted = History(chats_finished=6, checks=(TakenCheck("B", "post", 0.0),))
    assert due(posted, 6 * DAY) is None
    assert due(posted, 7 * DAY) == "followup"
    followed = History(chats_finished=6, checks=(TakenCheck("B", "post", 0.0), TakenCheck("A", "followup", 8 * DAY)))
    assert due(followed, 30 * DAY) is None
