"""A report can say what happened: recorded in the end event, never scored, given back in the transcript."""

import pytest

from game import transcript
from game.engine import CommandError
from game.library import find_scenario
from game.play import chat_view
from game.play.sessions import rebuild
from game.report_reasons import REASONS, label
from game.scoring import score
from game.session import Session


def played(*lines):
    s = Session(find_scenario("first-dm"), seed=1)
    s.start()
    s.deliver_all()
    for line in lines:
        s.execute_line(line)
        s.deliver_all()
    return s


@pytest.mark.parametrize("reason", [r.id for r in REASONS])
def test_the_reason_is_in_the_end_event_and_the_score_does_not_change(reason):
    with_reason = played("1", f"report {reason}")
    without = played("1", "report")
    end = with_reason.conv.events[-1]
    assert end == {"type": "end", "how": "report", "reason": reason, "t": end["t"]}
    assert "reason" not in without.conv.events[-1]
    a, b = score(with_reason.conv.events), score(without.conv.events)
    a.pop("duration_s", None), b.pop("duration_s", None)
    assert a == b


@pytest.mark.parametrize("line,message", [
    ("report nonsense", "unknown report reason 'nonsense'"),
    ("report threats pictures", "'report' takes at most one reason"),
    ("block threats", "'block' takes nothing after it"),
])
def test_a_wrong_reason_is_one_line_and_changes_nothing(line, message):
    s = played("1")
    before = list(s.conv.events)
    with pytest.raises(CommandError, match=message):
        s.execute_line(line)
    assert s.conv.events == before and not s.ended


def test_block_and_leave_take_no_reason_from_the_engine():
    s = played("1")
    with pytest.raises(CommandError, match="only 'report' takes a reason"):
        s.conv.end_action("block", "threats")


def test_a_stored_report_with_a_reason_rebuilds():
    s = played("1", "report secrets")
    again = rebuild(s.scenario, s.conv.events)
    assert again.conv.events[-1]["reason"] == "secrets"


def test_the_transcript_and_the_chat_line_say_the_reason():
    s = played("1", "report pictures")
    tr = transcript.annotate(s.conv.events, s.result())
    assert tr.end is not None and tr.end.reason == "pictures" and tr.end.reason_label == label("pictures")
    line = chat_view.ChatView(s).update()[-1]
    assert "asking for pictures" in line.text


def test_the_transcript_keeps_the_replies_not_picked():
    s = played("1")
    choices = next(e for e in s.conv.events if e["type"] == "choices")
    picked = next(e for e in s.conv.events if e["type"] == "choice")
    reply = next(ln for ln in transcript.annotate(s.conv.events).lines if ln.who == "player")
    assert reply.decision == 0
    assert reply.others == [o["text"] for o in choices["options"] if o["index"] != picked["index"]]
    assert len(reply.others) == len(choices["options"]) - 1



def test_the_reports_say_the_reason(tmp_path):
    from game.play import sessions
    from game.play.options import PlayOptions
    from game.results.reports import model
    from game.results.store import Store

    s = sessions.start("first-dm", PlayOptions(seed=1, data_dir=str(tmp_path)))
    s.deliver_all()
    s.execute_line("1")
    s.execute_line("report meeting")
    s.finish()
    store = Store.open(tmp_path)
    try:
        sid = store.sessions()[0].id
        view = model.session_view(store, sid)
    finally:
        store.close()
    assert view is not None and view.outcome_label.endswith("(asking to meet up)")
