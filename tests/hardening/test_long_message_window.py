"""A message of a million characters in the real window stays within a 2 GB address space.

Before: one 1,000,000-character message made the window lay out all of it
(3.9 GB). Now the chat bubble shows at most ``display_text.MAX_SHOWN_CHARS``
characters and says how many more are not shown.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from scenario_kit import scenario, write

from game import display_text

ROOT = Path(__file__).resolve().parents[2]

WINDOW = textwrap.dedent("""
    import resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024 ** 3, 2 * 1024 ** 3))
    from game.validator import load_scenario
    from game.play.options import PlayOptions
    from game.ui.run import run_window
    code = run_window(PlayOptions(save=False), scenario=load_scenario(sys.argv[1]),
                      script=[(1, "flag 1"), (2, "1")], script_name="script", screenshot_dir=sys.argv[2])
    sys.exit(code)
""")


def test_bounded_keeps_normal_messages_whole_and_cuts_huge_ones():
    normal = "a long but human message " * 400            # 10,000 characters
    assert display_text.bounded(normal) == normal
    huge = "word " * 200_000
    shown = display_text.bounded(huge)
    assert len(shown) < display_text.MAX_SHOWN_CHARS + 100
    assert shown.splitlines()[-1].endswith("more characters not shown)")


def test_a_million_character_message_in_the_window(tmp_path):
    text = scenario(message="")
    text = text.replace("      - text: hi\n", "      - text: " + "word " * 199_999 + "end\n")
    path = write(tmp_path, text)
    shots = tmp_path / "shots"
    run = subprocess.run([sys.executable, "-c", WINDOW, str(path), str(shots)], cwd=ROOT, capture_output=True,
                         text=True, timeout=300, check=False,
                         env=dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYTHONPATH=str(ROOT)))
    assert run.returncode == 0, (run.returncode, run.stderr[-2000:])
    assert sorted(p.name for p in shots.iterdir()) == ["0001.png", "0002.png"]
