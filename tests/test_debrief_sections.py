"""Debrief sections: each is shown only when it is true on the path the player took."""

from __future__ import annotations

import io

import pytest
from scenario_kit import write

from game import debrief
from game.engine import Conversation
from game.scoring import score
from game.session import Session, run_script
from game.textui import TextRenderer
from game.validator import load_scenario

SCENARIO = """\
format: 1
id: sections
title: Sections
platform: game_chat
stranger: {name: Sam}
start: a
nodes:
  a:
    messages:
      - {text: send a pic, red_flags: [requests_images]}
    choices:
      - {text: "[you send one]", next: sent, set: {sent: true}}
      - {text: "no", next: refused}
  refused:
    messages: [{text: ok fine}]
    choices:
      - {text: bye, next: bye}
  sent:
    end: {outcome: unsafe, title: Sent}
  bye:
    end: {outcome: safe, title: Bye}
debrief:
  summary: Always true.
  sections:
    - if: "sent"
      text: You sent a picture.
    - if: "visited(refused)"
      text: You said no.
    - endings: [bye]
      text: You ended it yourself.
    - endings: [block, report]
      text: You shut the door.
    - endings: [bye, leave]
      if: "not sent"
      text: No picture left your phone.
"""


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    return load_scenario(write(tmp_path_factory.mktemp("s"), SCENARIO))


def sections_after(scenario, *commands) -> tuple[str, ...]:
    conv = Conversation(scenario, seed=1, clock=lambda: 0.0)
    conv.start()
    for command in commands:
        conv.deliver_all()
        if isinstance(command, int):
            conv.choose(command)
        else:
            conv.end_action(command)
    conv.deliver_all()
    return debrief.build(scenario, conv.events, score(conv.events)).sections


def test_sections_follow_the_path(scenario):
    assert sections_after(scenario, 1) == ("You sent a picture.",)
    assert sections_after(scenario, 2, 1) == ("You said no.", "You ended it yourself.", "No picture left your phone.")
    assert sections_after(scenario, "block") == ("You shut the door.",)
    assert sections_after(scenario, "leave") == ("No picture left your phone.",)
    assert sections_after(scenario, 2, "report") == ("You said no.", "You shut the door.")


def test_an_unfinished_chat_has_no_sections(scenario):
    conv = Conversation(scenario, seed=1, clock=lambda: 0.0)
    conv.start()
    conv.deliver_all()
    conv.quit()
    assert debrief.path_sections(scenario, conv.events) == ()


def test_the_terminal_debrief_shows_only_the_true_sections(scenario):
    out = io.StringIO()
    session = Session(scenario, seed=1, clock=lambda: 0.0)
    session.start()
    run_script(session, [(1, "2"), (2, "1")])
    TextRenderer(session, out).debrief()
    text = out.getvalue()
    assert "You said no." in text and "You ended it yourself." in text
    assert "You sent a picture." not in text and "You shut the door." not in text
