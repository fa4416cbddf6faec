"""A shared computer, through the real command line: `play --resume` takes only the
unfinished chats of the nickname in use; without a nickname only those played without one
(the rule the window's start screen follows, game.play.sessions.unfinished(mine=True))."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ANON_REPLY = "You: thanks! I'm 13, I go to Riverside Academy"   # first-dm's reply 1
KIWI_REPLY = "You: thanks 🙂 I'd rather not say"                  # first-dm's reply 2


def play(data_dir, *args, stdin=""):
    env = {k: v for k, v in os.environ.items() if k != "REDFLAGS_DATA_DIR"}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([sys.executable, "main.py", "play", "first-dm", "--text", "--seed", "5",
                           "--data-dir", str(data_dir), *args], cwd=ROOT, input=stdin, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def one_line_refusal(proc, *words):
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert "no unfinished session" in lines[0] and all(w in lines[0] for w in words), lines[0]


def test_resume_takes_only_the_chats_of_the_nickname_in_use(tmp_path):
    # Someone without a nickname stops after one reply; then kiwi stops after another (newer).
    assert play(tmp_path, "--script", "-", stdin="1\n").returncode == 0
    assert play(tmp_path, "--script", "-", "--player", "kiwi", stdin="2\n").returncode == 0

    # The next student, mango, has nothing here: a clear line, not kiwi's chat.
    one_line_refusal(play(tmp_path, "--resume", "--player", "mango", "--script", "-"), "'mango'")
    offer = play(tmp_path, "--player", "mango", stdin="quit\n")           # interactive: no offer either
    assert offer.returncode == 0 and "unfinished chat" not in offer.stdout

    # Without a nickname: the chat played without one, although kiwi's is newer.
    anon = play(tmp_path, "--resume", "--script", "-", stdin="leave\n")
    assert anon.returncode == 0, anon.stderr
    assert ANON_REPLY in anon.stdout and KIWI_REPLY not in anon.stdout
    one_line_refusal(play(tmp_path, "--resume"), "without a nickname", "--player")

    # kiwi (any case) gets kiwi's chat back, with what was said before.
    kiwi = play(tmp_path, "--resume", "--player", "KIWI", "--script", "-", stdin="leave\n")
    assert kiwi.returncode == 0, kiwi.stderr
    assert KIWI_REPLY in kiwi.stdout and ANON_REPLY not in kiwi.stdout
    one_line_refusal(play(tmp_path, "--resume", "--player", "kiwi"), "'kiwi'")
