"""The terminal's app moments and report form, through the real command line (subprocess main.py).

- a node that moves the chat to another app prints the chat view's switch line (the window's words);
- a message request is offered at the keyboard (accept / decline; decline is exactly leave) and
  holds the replies back until answered; numbers and flags still work, so a script typed at the
  keyboard gives the result it gives with --script;
- `report` at the keyboard asks what happened with the report form's reasons and records the one
  chosen in the end event, as the window's form does; scripts are never asked anything.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from game.play import exits
from game.play.chat_view import DECLINED_LINE, REQUEST, SWITCH_LINES, SWITCH_TITLE
from game.report_reasons import REASONS
from game.results.store import Store
from game.textui import NO_REQUEST, REPORT_CANCELLED, REQUEST_PROMPT

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
SCOUT = "novastar.scout.elle"       # model-scout's stranger (a message request)
JAY = "jay.draws.stuff"             # first-dm's stranger (moves the chat to messenger)
IGNORED = ("duration_s", "scenario_sha256")


def play(scenario, *args, stdin="", data_dir=None):
    env = {k: v for k, v in os.environ.items() if k != "REDFLAGS_DATA_DIR"}
    env["PYTHONIOENCODING"] = "utf-8"
    store = ["--data-dir", str(data_dir)] if data_dir else ["--no-save"]
    return subprocess.run([sys.executable, "main.py", "play", scenario, "--text", "--seed", "1", *store, *args],
                          cwd=ROOT, input=stdin, env=env, capture_output=True, text=True, encoding="utf-8",
                          timeout=120)


def flat(text):
    """The output with the terminal's line wrapping undone (words joined by single spaces)."""
    return " ".join(text.split())


def record(path):
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if k not in IGNORED}


def script_lines(name):
    """A golden script's commands (comments and blank lines dropped)."""
    text = (GOLDEN / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def ended_with(data_dir):
    """The end event of the one session stored in ``data_dir``."""
    with Store.open(data_dir) as store:
        (session,) = store.sessions()
        ends = [e for e in store.events(session.id) if e["type"] == "end"]
    assert len(ends) == 1
    return ends[0]


# -- the chat moves to another app ------------------------------------------------------------

def test_a_platform_switch_prints_the_chat_views_switch_line(tmp_path):
    proc = play("first-dm", "--script", str(GOLDEN / "first-dm" / "worst.script"))
    assert proc.returncode == 0, proc.stderr
    out = flat(proc.stdout)
    said = SWITCH_LINES["messenger"].format(name=JAY)
    assert f"** {SWITCH_TITLE}: {said} **" in out
    assert "(private messages · Disappearing messages: on)" in out
    # it comes where the chat moves: after the reply that agreed, before the first message in the new app
    assert out.index("You: sure, what's your @?") < out.index(said) < out.index("yay 😊 remember, just between us")


def test_a_link_preview_prints_its_title_and_text():
    proc = play("first-dm", "--script", str(GOLDEN / "first-dm" / "worst.script"))
    out = flat(proc.stdout)
    assert "(link: chatvault.example/add/jay" in out
    assert "(preview: ChatVault: add jay.draws.stuff - Private chats that delete themselves.)" in out
    assert out.index("(link: chatvault") < out.index("(preview: ChatVault")


def test_the_switch_line_carries_its_label_for_every_front_end():
    from game.library import find_scenario
    from game.play.chat_view import SWITCH, ChatView
    from game.session import Session

    session = Session(find_scenario("first-dm"), seed=1)
    view = ChatView(session)
    session.start()
    session.conv.deliver_all()
    for line in (GOLDEN / "first-dm" / "worst.script").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            session.execute_line(line)
            session.conv.deliver_all()
    switch = [line for line in view.update() if line.kind == SWITCH]
    assert len(switch) == 1 and switch[0].as_dict()["title"] == SWITCH_TITLE   # served to the play page too
    assert switch[0].platform == "messenger"


def test_a_chat_that_never_moves_prints_no_switch_line():
    proc = play("first-dm", "--script", str(GOLDEN / "first-dm" / "best.script"))
    assert proc.returncode == 0, proc.stderr
    assert SWITCH_TITLE not in proc.stdout


# -- the message request ----------------------------------------------------------------------

def test_the_request_holds_the_replies_until_accept(tmp_path):
    first_reply = "1) omg wait fr?? 😳"
    proc = play("model-scout", stdin="accept\nquit\n")
    assert proc.returncode == 0, proc.stderr
    out = flat(proc.stdout)
    title = REQUEST["title"].format(name=SCOUT)
    assert f"** {title} **" in out and flat(REQUEST["body"]) in out
    assert flat(REQUEST_PROMPT) in out
    # the stranger's first messages are there to read, the replies only after accepting
    assert out.index(title) < out.index("Hi lovely!") < out.index(flat(REQUEST_PROMPT)) < out.index(first_reply)


def test_decline_is_exactly_leave(tmp_path):
    declined, left = tmp_path / "declined.json", tmp_path / "left.json"
    proc = play("model-scout", "--result-json", declined, stdin="decline\n")
    assert proc.returncode == 0, proc.stderr
    assert flat(DECLINED_LINE.format(name=SCOUT)) in flat(proc.stdout)
    assert "1) omg wait fr" not in proc.stdout            # declined before any reply was shown
    assert play("model-scout", "--result-json", left, "--script", "-", stdin="leave\n").returncode == 0
    assert record(declined) == record(left)
    assert record(declined)["outcome"] == "left"


def test_a_script_typed_at_the_keyboard_still_gives_its_golden_result(tmp_path):
    """Numbers and flags still work while the request waits: a reply or a flag is accepting."""
    for name in ("best", "walked-away", "report"):
        typed, scripted = tmp_path / f"{name}-typed.json", tmp_path / f"{name}-script.json"
        lines = script_lines(f"model-scout/{name}.script")
        stdin = "\n".join(lines) + "\n"
        if name == "report":      # the keyboard asks what happened; a script's plain report is not asked
            stdin = stdin.replace("report\n", "report\n8\n")
        assert play("model-scout", "--result-json", typed, stdin=stdin).returncode == 0
        assert play("model-scout", "--result-json", scripted, "--script",
                    str(GOLDEN / "model-scout" / f"{name}.script")).returncode == 0
        expected = record(GOLDEN / "model-scout" / f"{name}.expected.json")
        assert record(typed) == record(scripted) == expected, name


def test_a_script_is_never_asked_about_the_request(tmp_path):
    proc = play("model-scout", "--script", str(GOLDEN / "model-scout" / "best.script"))
    assert proc.returncode == 0, proc.stderr
    assert REQUEST["title"].format(name=SCOUT) in flat(proc.stdout)   # it says what it is...
    assert flat(REQUEST_PROMPT) not in flat(proc.stdout)             # ...but waits for nothing
    assert "1) omg wait fr?? 😳" in proc.stdout


def test_accept_or_decline_without_a_request_says_so_and_changes_nothing(tmp_path):
    result = tmp_path / "r.json"
    proc = play("first-dm", "--result-json", result, stdin="decline\naccept\nquit\n")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count(f"! {NO_REQUEST}") == 2
    assert record(result)["outcome"] == "quit"
    assert REQUEST_PROMPT.split()[0] not in proc.stdout.replace("Type a number", "")


def test_accept_after_accepting_is_refused(tmp_path):
    proc = play("model-scout", stdin="accept\naccept\nquit\n")
    assert proc.stdout.count(f"! {NO_REQUEST}") == 1


# -- the report form ---------------------------------------------------------------------------

def test_report_at_the_keyboard_lists_the_reasons_and_records_the_one_chosen(tmp_path):
    data = tmp_path / "data"
    proc = play("first-dm", stdin="report\n\n99\n3\n", data_dir=data)
    assert proc.returncode == 0, proc.stderr
    out = flat(proc.stdout)
    form = exits.report_form(JAY)
    assert f"-- {form['title']} --" in out and form["question"] in out and flat(form["after"]) in out
    for number, reason in enumerate(REASONS, start=1):
        assert f"{number}) {reason.label}" in out and flat(reason.hint) in out
    assert f"! {form['choose_first']}" in out                 # Enter alone: asked again
    assert "! no reason '99' (type 1-8, or 'cancel')" in out   # out of range: asked again
    assert f"for: {REASONS[2].label.lower()}" in out            # the chat's end line says it
    assert "You reported: threats or blackmail." in out         # and the debrief
    end = ended_with(data)
    assert (end["how"], end["reason"]) == ("report", "threats")


def test_a_reason_can_be_typed_by_its_id_or_with_the_command(tmp_path):
    for stdin, reason in (("report\npictures\n", "pictures"), ("report secrets\n", "secrets")):
        data = tmp_path / reason
        proc = play("first-dm", stdin=stdin, data_dir=data)
        assert proc.returncode == 0, proc.stderr
        assert ended_with(data)["reason"] == reason
        if stdin.startswith("report secrets"):
            assert "-- Report" not in proc.stdout       # the reason given: nothing to ask


def test_cancelling_the_report_goes_back_to_the_chat(tmp_path):
    result = tmp_path / "r.json"
    proc = play("first-dm", "--result-json", result, stdin="report\ncancel\n2\nquit\n")
    assert proc.returncode == 0, proc.stderr
    out = flat(proc.stdout)
    assert REPORT_CANCELLED in out
    assert out.index(REPORT_CANCELLED) < out.index("You: thanks 🙂 I'd rather not say")   # the chat went on
    assert record(result)["outcome"] == "quit" and not record(result)["reported"]


def test_input_ending_at_the_report_question_quits_without_a_traceback(tmp_path):
    result = tmp_path / "r.json"
    proc = play("first-dm", "--result-json", result, stdin="report\n")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    assert record(result)["outcome"] == "quit"


def test_a_scripts_plain_report_is_not_asked_anything(tmp_path):
    data = tmp_path / "data"
    proc = play("first-dm", "--script", "-", stdin="report\n", data_dir=data)
    assert proc.returncode == 0, proc.stderr
    assert "What happened?" not in proc.stdout
    end = ended_with(data)
    assert end["how"] == "report" and "reason" not in end
