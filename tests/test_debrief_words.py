"""Debrief words of scoring version 2, shared by the window and the terminal (game/debrief.py).

Counts in the expected sentences come from the golden workings (tests/golden/*/NAME.workings.md).
"""

import subprocess
import sys
from pathlib import Path

from game import debrief
from game.command_language import read_script
from game.library import find_scenario
from game.session import Session, run_script
from game.validator import load_scenario

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"


def play(scenario, lines, seed=1):
    session = Session(scenario, seed=seed, clock=lambda: 0.0)
    session.start()
    run_script(session, list(read_script(lines)))
    result = session.finish()
    return debrief.build(scenario, session.conv.events, result), result


def golden(scenario_id, name):
    text = (GOLDEN / scenario_id / f"{name}.script").read_text(encoding="utf-8")
    seed = int(text.split("seed:")[1].split()[0]) if text.startswith("# seed:") else 1
    return play(find_scenario(scenario_id), text.splitlines(), seed)


def part(d, name):
    return next(p for p in d.parts if p.name == name)


def test_an_unjustified_exit_is_explained_kindly():
    d, result = golden("first-dm", "block-at-once")
    assert result["exit_justified"] is False
    meaning = part(d, "Getting out").meaning
    assert "Leaving was right, and leaving is always OK in real life." in meaning
    assert "Next time, flag the warning sign that told you to leave" in meaning
    assert "counts half" in meaning
    # block at once: 0 of 4 warning signs and 0 of 2 normal items flagged
    assert part(d, "Spotting").meaning == ("You flagged 0 of 4 warning signs (0%) and 0 of 2 normal messages "
                                          "(0%): spotting 0%.")


def test_a_justified_exit_gets_no_such_note():
    d, result = golden("first-dm", "spot-one-leave")
    assert result["exit_justified"] is True
    assert part(d, "Getting out").meaning == "You got out before the danger built up."
    assert part(d, "Spotting").meaning == ("You flagged 1 of 4 warning signs (25%) and 0 of 2 normal messages "
                                          "(0%): spotting 25%.")


def test_late_and_unjustified_says_both():
    d, result = golden("model-scout", "block-at-once")      # exit point intro.2, no reply: late 0
    assert result["exit_point"] == "intro.2" and result["exit_justified"] is False
    assert part(d, "Getting out").meaning.startswith("You got out as soon as the danger was clear. Leaving was right")


def test_a_safe_friend_blocked_is_called_safe_with_what_showed_it():
    d, result = golden("lost-charger", "block-at-once")
    assert d.headline == "maxi_plays was safe: you blocked a real friend."
    assert d.safe_person and d.summary.startswith("Max was safe. The account is two years old")
    assert "counts a quarter" in part(d, "Getting out").meaning
    assert "below is what showed this one was safe" in part(d, "Getting out").meaning
    assert part(d, "Spotting").meaning == ("There were no warning signs here. You flagged 0 of 5 normal messages "
                                          "(0%): spotting 100%.")


def test_false_alarms_in_a_safe_chat_in_the_spec_s_words():
    d, result = golden("art-club-friend", "worst")
    # 5 of 18 normal items flagged (27.8%, half up 28%); detection 13/18 = 0.7222 -> 72%
    assert part(d, "Spotting").meaning == ("There were no warning signs here. You flagged 5 of 18 normal messages "
                                          "(28%): spotting 72%.")
    assert d.headline == "pencilmoth was safe: you blocked a real friend."


def test_a_grooming_chat_left_before_anything_showed(tmp_path):
    path = tmp_path / "quiet.yaml"
    path.write_text("format: 1\nid: quiet\ntitle: Quiet\nplatform: game_chat\nstranger: {name: Kai}\n"
                    "start: a\nnodes:\n  a:\n    messages: [{text: hi}]\n    choices: [{text: hey, next: b}]\n"
                    "  b:\n    messages: [{text: send a pic, red_flags: [requests_images]}]\n"
                    "    end: {outcome: unsafe}\n", encoding="utf-8")
    d, result = play(load_scenario(path), ["leave"])
    # hit rate 0.5 (nothing to spot yet), no flag: exit capped at 0.5
    assert result["score"]["detection"] == 0.5 and result["exit_justified"] is False
    assert part(d, "Spotting").meaning == ("The chat ended before any warning sign showed up, so there was nothing "
                                          "to spot yet. You flagged 0 of 1 normal message (0%): spotting 50%.")
    assert "leaving is always OK in real life" in part(d, "Getting out").meaning


def test_the_terminal_shows_the_same_words(tmp_path):
    script = tmp_path / "s.script"
    script.write_text("block\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "play", "first-dm", "--text", "--script", str(script),
                          "--seed", "1", "--no-save", "--data-dir", str(tmp_path)],
                         capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    text = " ".join(out.stdout.split())
    assert "Leaving was right, and leaving is always OK in real life." in text
    assert "Next time, flag the warning sign that told you to leave" in text
