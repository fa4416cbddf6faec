"""One rule for nicknames and class codes: the start screen, the command line and the real-name reminder."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.cli import main

SCENARIO = "generous-teammate"
TYPED = st.text(alphabet=st.sampled_from("aZ09_-. ;=é\x1b\u202e🙂 A"), max_size=24)


@pytest.mark.parametrize("option,value", [
    ("--player", "Anna Smith"), ("--player", "x;=1+2"), ("--player", "fox\x1b[2J"), ("--player", "a" * 21),
    ("--player", "\u202eevil"), ("--class", "8B.1"), ("--class", "8B 2"), ("--class", "C" * 17),
])
def test_play_refuses_what_the_start_screen_refuses(capsys, option, value):
    assert main(["play", SCENARIO, "--text", "--no-save", option, value]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and option in err and "\x1b" not in err


def test_play_accepts_what_the_start_screen_accepts(tmp_path, capsys):
    script = tmp_path / "s.txt"
    script.write_text("1\n")
    assert main(["play", SCENARIO, "--text", "--player", "pixel_fox", "--class", "8b-2025",
                 "--script", str(script)]) == 0
    assert "real name" not in capsys.readouterr().err


@pytest.mark.parametrize("name", ["Anna_Smith", "Anna-Smith"])
def test_a_real_looking_name_gets_the_reminder(tmp_path, capsys, name):
    script = tmp_path / "s.txt"
    script.write_text("1\n")
    assert main(["play", SCENARIO, "--text", "--no-save", "--player", name, "--script", str(script)]) == 0
    assert "looks like a real name" in capsys.readouterr().err


@settings(max_examples=300, deadline=None)
@given(TYPED)
def test_the_start_screen_field_and_the_command_line_agree(text):
    from game.results import identity
    from game.ui.screens.start import TextField

    field = TextField("Nickname", max_len=identity.NICKNAME_MAX, ident="nickname")
    field.insert(text)
    screen_takes_it = field.text == text and field.problem is None
    assert screen_takes_it == (identity.nickname_problem(text) is None)
    klass = TextField("Class", max_len=identity.CLASS_CODE_MAX, ident="class_code", upper=True)
    klass.insert(text)
    assert (klass.text == text.upper() and klass.problem is None) == (identity.new_class_code_problem(text) is None)


def test_the_start_screen_repeats_the_reminder_for_a_real_looking_name(tmp_path):
    from game.ui.screens.start import StartScreen

    class App:   # the little of the App that the start screen's nickname field needs
        player = None
        class_code = None

    screen = StartScreen.__new__(StartScreen)
    screen.app = App()
    from game.ui.screens.start import TextField

    screen.nick = TextField("Nickname", max_len=20, ident="nickname", on_change=screen._set_player)
    screen.nick.insert("Anna_Smith")
    assert screen.nick.problem and "real name" in screen.nick.problem
