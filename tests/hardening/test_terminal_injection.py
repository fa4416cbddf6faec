"""Terminal control sequences in scenario or player text are refused by the loader and never reach a terminal.

The attack corpus: ANSI colours, clear screen, a new window title (OSC 0), an
OSC 52 clipboard write, the C1 CSI and OSC characters, a bare carriage return
that overwrites the line, BEL and backspace.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re

import pytest
from results_helpers import record_session
from results_helpers import scenario as shipped
from scenario_kit import scenario, write

from game.commands import list as list_command
from game.diagnostics import CODES
from game.graph import to_dot
from game.library import Library, load_library
from game.results.reports import csv_report, model
from game.results.store import Store
from game.session import Session
from game.textui import TextRenderer, play_script
from game.validator import check_file

ATTACKS = {
    "colour": "\x1b[31mred\x1b[0m",
    "clear-screen": "\x1b[2J\x1b[H",
    "window-title": "\x1b]0;owned\x07",
    "osc52-clipboard": "\x1b]52;c;Y3VybCBldmlsIHwgc2g=\x07",
    "c1-csi": "\x9b2J",
    "c1-osc": "\x9d0;owned\x9c",
    "carriage-return": "safe text\rEVIL",
    "bell-backspace": "\x07\x08\x08",
    "nul": "a\x00b",
    "del": "a\x7fb",
}
# the same attacks as YAML double-quoted escapes, which the YAML reader turns into the characters
YAML_ESCAPES = {
    "colour": r"\e[31mred\e[0m",
    "clear-screen": r"\e[2J\e[H",
    "window-title": r"\e]0;owned\a",
    "osc52-clipboard": r"\x1b]52;c;Y3VybCBldmlsIHwgc2g=\a",
    "c1-csi": r"\u009b2J",
    "c1-osc": r"\x9d0;owned\x9c",
    "carriage-return": r"safe text\rEVIL",
    "bell-backspace": r"\a\b\b",
    "nul": r"a\0b",
    "del": r"a\x7fb",
    "nel": r"a\Nb",
}
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> bool:
    return not CONTROL.search(text)


@pytest.mark.parametrize("name", sorted(YAML_ESCAPES))
@pytest.mark.parametrize("where", ["title", "message", "choice", "key"])
def test_loader_refuses_control_characters_with_a_located_error(tmp_path, name, where):
    bad = f'"x{YAML_ESCAPES[name]}"'
    if where == "title":
        text = scenario().replace("title: Tiny", f"title: {bad}")
        line = 3
    elif where == "message":
        text = scenario(message=f"      - text: {bad}\n")
        line = 13
    elif where == "choice":
        text = scenario(c0="", choice=f"      - text: {bad}\n        next: b\n")
        line = 16
    else:
        text = scenario(top=f"{bad}: 1\n")
        line = 5
    _, findings = check_file(write(tmp_path, text))
    assert [(d.code, d.line) for d in findings] == [("RF008", line)], [d.format() for d in findings]
    assert CODES["RF008"][1] == "error"
    assert clean(findings[0].format())


def test_newline_and_tab_escapes_are_still_fine(tmp_path):
    _, findings = check_file(write(tmp_path, scenario(message='      - text: "one\\ttwo\\nthree"\n')))
    assert findings == []


def test_crlf_scenario_file_is_fine(tmp_path):
    text = scenario(message="      - text: |\n          one\n          two\n").replace("\n", "\r\n")
    sc, findings = check_file(write(tmp_path, text.encode()))
    assert findings == []
    assert sc.nodes["a"].messages[1].text == "one\ntwo\n"


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_neutralise_leaves_no_control_character(name):
    from game.safetext import neutralise

    shown = neutralise(ATTACKS[name])
    assert clean(shown)
    assert "\\x" in shown


def _evil_scenario(tmp_path, attack: str):
    """A scenario that loaded cleanly, then given hostile text the way an old store or a bundle could."""
    sc, _ = check_file(write(tmp_path, scenario()))
    node = sc.nodes["a"]
    message = dataclasses.replace(node.messages[0], text=f"hi {attack}")
    choice = dataclasses.replace(node.choices[0], text=f"ok {attack}")
    nodes = dict(sc.nodes, a=dataclasses.replace(node, messages=(message,), choices=(choice,)))
    stranger = dataclasses.replace(sc.stranger, name=f"Sam{attack}")
    return dataclasses.replace(sc, title=f"Tiny {attack}", nodes=nodes, stranger=stranger,
                               content_notes=(attack,))


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_play_text_shows_hostile_text_without_obeying_it(tmp_path, name):
    sc = _evil_scenario(tmp_path, ATTACKS[name])
    out = io.StringIO()
    session = Session(sc, seed=1)
    play_script(session, [(1, "profile"), (2, "flag 1"), (3, "1")], out=out)
    text = out.getvalue()
    assert "Tiny" in text and "hi " in text
    assert clean(text), repr(text[:300])


def test_typed_text_echoed_in_an_error_is_neutralised(tmp_path):
    sc, _ = check_file(write(tmp_path, scenario()))
    out = io.StringIO()
    view = TextRenderer(Session(sc, seed=1), out)
    view.line("! unknown command '\x1b]52;c;aGk=\x07'")
    assert clean(out.getvalue())


def test_list_neutralises_titles(monkeypatch, capsys, tmp_path):
    evil = _evil_scenario(tmp_path, ATTACKS["osc52-clipboard"])
    monkeypatch.setattr(list_command, "load_library", lambda: Library([evil], []))
    assert list_command.run(None) == 0
    out, _ = capsys.readouterr()
    assert "Tiny" in out and clean(out)


def test_graph_neutralises_labels(tmp_path):
    dot = to_dot(_evil_scenario(tmp_path, ATTACKS["window-title"] + ATTACKS["colour"]))
    assert "Tiny" in dot and clean(dot.replace("\n", ""))


def test_csv_neutralises_titles_and_names(tmp_path):
    real = shipped("generous-teammate")
    evil = dataclasses.replace(real, title="Team \x1b]0;owned\x07 chat")
    with Store.open(path=tmp_path / "r.sqlite3") as store:
        record_session(store, evil, player="fox")
        text = csv_report.render(model.build(store))
    assert clean(text.replace("\r\n", ""))
    (row,) = list(csv.DictReader(io.StringIO(text)))
    assert row["title"].startswith("Team \\x1b]0;owned")


def test_shipped_library_is_unaffected():
    library = load_library()
    assert library.scenarios and not library.problems
