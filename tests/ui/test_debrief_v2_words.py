"""The window's debrief shows the version-2 words of game/debrief.py (unjustified exit, safe friend blocked)."""

from test_screens_debrief import open_debrief, play


def test_window_explains_an_unjustified_exit_kindly(app):
    session, result = play("first-dm", "block-at-once")
    screen = open_debrief(app, session, result)
    meaning = next(p.meaning for p in screen.debrief.parts if p.name == "Getting out")
    assert "leaving is always OK in real life" in meaning and "flag the warning sign" in meaning
    assert meaning in screen.texts


def test_window_says_a_blocked_safe_friend_was_safe_and_why(app):
    session, result = play("lost-charger", "block-at-once")
    screen = open_debrief(app, session, result)
    d = screen.debrief
    assert d.headline == "maxi_plays was safe: you blocked a real friend."
    assert d.headline in screen.texts
    assert " ".join(d.summary.split()) in screen.texts          # what showed they were safe
