"""game.transcript: one annotated transcript for the debrief, the reports and the counsellor view."""
from game import transcript
from game.library import find_scenario
from game.session import Session


def _played(lines, scenario_id="first-dm", seed=7, finish=True):
    session = Session(find_scenario(scenario_id), seed=seed)
    session.start()
    session.deliver_all()
    for line in lines:
        session.execute_line(line)
    return session, (session.finish() if finish else None)


def test_marks_follow_the_result_record():
    session, result = _played(["flag 1", "flag 2", "1", "block"])
    tr = transcript.annotate(session.events, result)
    assert tr.scored and tr.spotted == sorted(result["hits"], key=tr.spotted.index)
    assert set(tr.spotted) == set(result["hits"]) and set(tr.missed) == set(result["misses"])
    assert set(tr.false_alarms) == set(result["false_alarms"])
    marks = {ln.item_id: ln.mark for ln in tr.lines if ln.item_id}
    for item_id in result["hits"]:
        if item_id in marks:
            assert marks[item_id] == transcript.SPOTTED
    reply = next(ln for ln in tr.lines if ln.who == "player")
    assert reply.discloses == ["age", "school"]
    assert tr.end is not None and tr.end.how == "block"


def test_unfinished_sessions_show_the_flags_as_they_stood():
    session, _ = _played(["flag 2"], finish=False)
    tr = transcript.annotate(session.events, None)
    assert not tr.scored
    assert session.conv.numbers[2] in tr.spotted
    assert session.conv.numbers[3] in tr.missed


def test_exit_point_and_late_replies():
    """tests/golden/first-dm/worst: the danger reaches the threshold at shared.1; the reply after it is late."""
    session, result = _played(["1", "1"])
    assert result["exit_point"] == "shared.1"
    tr = transcript.annotate(session.events, result)
    (exit_line,) = [ln for ln in tr.lines if ln.exit_point]
    assert exit_line.item_id == "shared.1"
    replies = [ln for ln in tr.lines if ln.who == "player"]
    assert [ln.late for ln in replies] == [False, True] and tr.late_replies == 1


def test_report_model_uses_the_same_lines(tmp_path):
    from game.play import sessions
    from game.play.options import PlayOptions
    from game.results.reports import model
    from game.results.store import Store

    live = sessions.start("first-dm", PlayOptions(seed=7, data_dir=tmp_path))
    live.deliver_all()
    for line in ("flag 2", "3", "block"):
        live.execute_line(line)
    result = live.finish()
    with Store.open(tmp_path) as store:
        report = model.build(store)
    (view,) = report.sessions
    assert view.lines == transcript.annotate(live.events, result).lines
