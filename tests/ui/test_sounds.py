"""Sounds: gentle alone, quiet in a classroom, silent when muted or without a sound device."""
from game.ui.sound import CLASSROOM_VOLUME, QUIET_IN_CLASS, SOLO_VOLUME, SOUND_NAMES, Sounds


def test_quiet_in_a_classroom_and_silent_when_muted():
    alone = Sounds(classroom=False)
    assert all(alone.volume(n) == SOLO_VOLUME for n in SOUND_NAMES)
    room = Sounds(classroom=True)
    assert CLASSROOM_VOLUME < SOLO_VOLUME / 2
    for name in SOUND_NAMES:
        assert room.volume(name) == (0.0 if name in QUIET_IN_CLASS else CLASSROOM_VOLUME)
    assert room.play("message_out") is False              # your own reply makes no sound in class
    assert all(Sounds(muted=True).volume(n) == 0.0 for n in SOUND_NAMES)


def test_a_class_code_makes_the_window_a_classroom(app):
    app.class_code = None
    assert not app.sounds.in_classroom()
    app.class_code = "8B"                                 # typed on the start screen, or --class
    assert app.sounds.in_classroom() and app.sounds.volume("message_in") == CLASSROOM_VOLUME
