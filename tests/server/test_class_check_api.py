"""The discernment check run by the teacher on the students' devices (game/server/roomcheck.py, check_api.py).

The teacher starts a check with a phase; each student answers the items one at a time (red / safe
and how sure, or skip), can stop at any time; forms alternate so half the class starts with each;
a finished check is stored with the student's nickname and the class code, exactly as the terminal
stores it; retries count once; the teacher and projector see counts only.
"""

from __future__ import annotations

import json
import random

import pytest
from class_kit import Student, bearer, make_config, open_class

from game.checks import storage
from game.checks.library import load_forms
from game.checks.scoring import Answer, score_check
from game.checks.session import CheckSession
from game.checks.simulate import answer_item
from game.results.store import Store

FORMS = load_forms()


@pytest.fixture
def data(tmp_path):
    return tmp_path / "data"


def stored(data_dir):
    with Store.open(data_dir) as store:
        return storage.rows(store)


def answer(student: Student, item: str, kind: str, confidence: int | None = None, expect: int = 200,
           **extra) -> dict:
    body = {"item": item, "answer": kind, **extra}
    if confidence is not None:
        body["confidence"] = confidence
    r = student.client.post("/api/v1/room/check/answer", json=body, headers=student.headers)
    assert r.status_code == expect, r.text
    return r.json()


def my_check(student: Student) -> dict | None:
    r = student.client.get("/api/v1/room/check", headers=student.headers)
    assert r.status_code == 200, r.text
    assert r.json()["check"] == student.state()["check"]        # the room state carries the same part
    return r.json()["check"]


def take_all(student: Student, plan) -> dict:
    """Answer every item with plan(item_id) -> ("red"|"safe", n) or ("skip", None)."""
    check = my_check(student)
    while check["state"] == "taking":
        kind, n = plan(check["item"]["id"])
        check = answer(student, check["item"]["id"], kind, n)["check"]
    return check


def test_a_class_takes_the_check_and_each_record_is_the_terminals(data):
    with open_class(make_config(save=True, data_dir=data, class_code="8B")) as (client, teacher):
        kids = [Student(client, player=f"kid{i}") for i in range(6)]
        state = teacher.post("check/start", {"phase": "pre"})
        assert state["check"]["open"] and state["check"]["phase"] == "pre"
        forms = [my_check(k)["form"] for k in kids]
        assert sorted(forms) == ["A", "A", "A", "B", "B", "B"]          # half the class starts with each
        rng = random.Random(5)
        plans = {}
        for kid, form in zip(kids, forms):
            answers = {}
            for item in FORMS[form].items:
                roll = rng.random()
                answers[item.id] = ("skip", None) if roll < 0.1 else answer_item(rng, item.is_signal, 1.0, 0.0)
            plans[kid.player] = (form, answers)
            done = take_all(kid, answers.__getitem__)
            assert done["state"] == "finished" and done["message"].startswith("Thanks")
            assert "item" not in done
        rows = stored(data)
    assert [(r.player, r.class_code) for r in rows] == [(f"kid{i}", "8B") for i in range(6)]
    for row in rows:
        form, answers = plans[row.player]
        session = CheckSession(FORMS[form], "pre")          # what `check --text --script` computes
        for item in FORMS[form].items:
            kind, n = answers[item.id]
            session.skip() if kind == "skip" else session.answer(kind, n)
        assert dict(row.record) == session.record()


def test_the_post_check_gives_each_student_the_other_form_and_their_own_change(data):
    config = make_config(save=True, data_dir=data, class_code="8B")
    with open_class(config) as (client, teacher):
        kids = [Student(client, player=n) for n in ("ana", "ben")]
        teacher.post("check/start", {"phase": "pre"})
        first = {}
        for kid in kids:
            first[kid.player] = my_check(kid)["form"]
            take_all(kid, lambda item: ("skip", None) if item.endswith("1") else ("safe", 2))
        teacher.post("check/end")
        teacher.post("start", {"scenario": "generous-teammate", "seed": 1})
        teacher.post("end")
        state = teacher.post("check/start", {"phase": "post"})
        assert state["check"]["words"]["progress"] == "0 of 2 finished"
        for kid in kids:
            check = my_check(kid)
            assert check["form"] != first[kid.player] and check["phase"] == "post"
            form = FORMS[check["form"]]
            done = take_all(kid, lambda item, form=form: ("red", 4) if form.item(item).is_signal else ("safe", 4))
            assert done["improvement"].startswith("Last time you spotted 0 of 7 warning signs")
            assert "This time you spotted 8 of 8" in done["improvement"]
    assert [r.record["phase"] for r in stored(data)] == ["pre", "pre", "post", "post"]


def test_a_retry_counts_once_and_an_answered_item_cannot_change(data):
    with open_class(make_config(save=True, data_dir=data)) as (client, teacher):
        kid = Student(client, player="kiwi")
        teacher.post("check/start", {"phase": "pre"})
        first = my_check(kid)["item"]["id"]
        a = answer(kid, first, "red", 3, request_id="r1")
        b = answer(kid, first, "red", 3, request_id="r1")
        assert a == b and a["check"]["answered"] == 1
        c = answer(kid, first, "red", 3)                           # the same answer again, no request id
        assert c["check"]["answered"] == 1 and c["check"]["item"]["id"] != first
        answer(kid, first, "safe", 3, expect=409)                  # changing an earlier answer: refused
        later = FORMS[a["check"]["form"]].items[5].id
        assert "in order" in answer(kid, later, "red", 1, expect=409)["error"]
        assert my_check(kid)["answered"] == 1


@pytest.mark.parametrize("body, words", [
    ({"answer": "red", "confidence": 2}, "'item'"),
    ({"item": 3, "answer": "red", "confidence": 2}, "'item'"),
    ({"item": "a01", "answer": "maybe", "confidence": 2}, "red, safe or skip"),
    ({"item": "a01", "confidence": 2}, "red, safe or skip"),
    ({"item": "a01", "answer": "red"}, "'confidence'"),
    ({"item": "a01", "answer": "red", "confidence": 0}, "'confidence'"),
    ({"item": "a01", "answer": "red", "confidence": 5}, "'confidence'"),
    ({"item": "a01", "answer": "red", "confidence": "3"}, "'confidence'"),
    ({"item": "a01", "answer": "red", "confidence": True}, "'confidence'"),
    ({"item": "a01", "answer": "skip", "confidence": 2}, "no 'confidence'"),
    ({"item": "zz9", "answer": "red", "confidence": 2}, "no chat 'zz9'"),
    ({"item": "a01", "answer": "red", "confidence": 2, "request_id": ""}, "request_id"),
    ({"item": "a01", "answer": "red", "confidence": 2, "request_id": 7}, "request_id"),
])
def test_bad_answers_are_a_clear_400_and_change_nothing(body, words):
    with open_class() as (client, teacher):
        kid = Student(client, player="kiwi")
        teacher.post("check/start", {"phase": "pre"})
        before = my_check(kid)
        r = client.post("/api/v1/room/check/answer", json=body, headers=kid.headers)
        assert r.status_code == 400, r.text
        assert words in r.json()["error"] and "\n" not in r.json()["error"]
        assert my_check(kid) == before


def test_requests_that_are_not_possible_now_or_not_allowed():
    with open_class() as (client, teacher):
        kid = Student(client, player="kiwi")
        assert my_check(kid) is None
        assert "no check is running" in answer(kid, "a01", "red", 2, expect=409)["error"]
        r = client.post("/api/v1/room/check/leave", json={}, headers=kid.headers)
        assert r.status_code == 409
        assert "no check is running" in teacher.post("check/end", expect=409)["error"]
        for phase in (None, "later", 3, ["pre"]):
            assert "'phase'" in teacher.post("check/start", {"phase": phase}, expect=400)["error"]
        r = client.post("/api/v1/room/check/start", content=b"{not json", headers=teacher.headers)
        assert r.status_code == 400 and "JSON" in r.json()["error"]
        # a student token never starts or ends a check, nor reads the progress; the teacher's never answers
        for path in ("/api/v1/room/check/start", "/api/v1/room/check/end"):
            r = client.post(path, json={"phase": "pre"}, headers=kid.headers)
            assert r.status_code == 403, r.text
        assert client.get("/api/v1/room/check/progress", headers=kid.headers).status_code == 403
        r = client.post("/api/v1/room/check/answer", json={"item": "a01", "answer": "red", "confidence": 1},
                        headers=teacher.headers)
        assert r.status_code == 403
        assert client.get("/api/v1/room/check").status_code == 401
        # one thing at a time on the devices: not while a chat runs
        teacher.post("start", {"scenario": "generous-teammate", "seed": 1})
        assert "chat is running" in teacher.post("check/start", {"phase": "pre"}, expect=409)["error"]
        teacher.post("end")
        teacher.post("check/start", {"phase": "pre"})
        assert "already running" in teacher.post("check/start", {"phase": "post"}, expect=409)["error"]


def test_stopping_keeps_what_was_answered_and_nothing_when_nothing_was(data):
    with open_class(make_config(save=True, data_dir=data, class_code="8B")) as (client, teacher):
        quitter, starter, midway, late = (Student(client, player=n) for n in ("quitter", "starter", "midway", "late"))
        teacher.post("check/start", {"phase": "pre"})
        r = client.post("/api/v1/room/check/leave", json={"request_id": "x"}, headers=quitter.headers)
        assert r.json()["check"]["state"] == "left"
        again = client.post("/api/v1/room/check/leave", json={"request_id": "x"}, headers=quitter.headers)
        assert again.json() == r.json()
        first = my_check(starter)["item"]["id"]
        answer(starter, first, "red", 2)
        left = client.post("/api/v1/room/check/leave", json={}, headers=starter.headers).json()["check"]
        assert left["state"] == "left" and "kept" in left["message"]
        answer(starter, left["form"] == "A" and "a02" or "b02", "red", 2, expect=409)
        check = my_check(midway)
        for _ in range(3):
            check = answer(midway, check["item"]["id"], "safe", 1)["check"]
        state = teacher.post("check/end")
        assert state["check"]["open"] is False
        assert state["check"]["started"] == 2 and state["check"]["finished"] == 0
        assert my_check(midway)["state"] == "ended"
        assert my_check(late) is None          # never opened it: nothing to show, nothing stored
        rows = stored(data)
    assert sorted((r.player, r.record["complete"], len(r.record["answers"])) for r in rows) == [
        ("midway", False, 3), ("starter", False, 1)]


def test_late_joiners_take_it_and_a_finished_student_is_not_asked_twice(data):
    with open_class(make_config(save=True, data_dir=data)) as (client, teacher):
        early = Student(client, player="early")
        teacher.post("check/start", {"phase": "pre"})
        take_all(early, lambda item: ("skip", None))
        late = Student(client, player="late")
        assert my_check(late)["state"] == "taking"
        teacher.post("check/end")
        teacher.post("check/start", {"phase": "pre"})          # again, for those who missed it
        assert my_check(early)["state"] == "done_before"
        assert my_check(late)["state"] == "taking" and my_check(late)["answered"] == 0


def test_the_teacher_and_projector_see_counts_never_names_or_answers(data):
    with open_class(make_config(save=True, data_dir=data)) as (client, teacher):
        kids = [Student(client, player=f"secretnick{i}") for i in range(3)]
        teacher.post("check/start", {"phase": "pre"})
        take_all(kids[0], lambda item: ("red", 4))
        check = my_check(kids[1])
        answer(kids[1], check["item"]["id"], "safe", 3)
        state = teacher.state()
        progress = client.get("/api/v1/room/check/progress", headers=teacher.headers).json()
        assert state["check"] == progress
        assert (progress["joined"], progress["started"], progress["finished"]) == (3, 2, 1)
        assert progress["words"]["progress"] == "1 of 3 finished"
        text = json.dumps(state)
        assert "secretnick" not in text.replace(json.dumps(client.get(
            "/api/v1/room/students", headers=teacher.headers).json()), "")
        for leak in ('"answers"', '"confidence"', "a01", "b01", '"hits"', "red_flag"):
            assert leak not in json.dumps(state["check"]), leak
        # the students' part never tells the right answer either
        assert not {"answer", "categories", "twin"} & set(my_check(kids[2])["item"])


def test_a_server_that_stops_mid_check_keeps_what_was_answered(data):
    config = make_config(save=True, data_dir=data, class_code="8B")
    with open_class(config) as (client, teacher):
        kid = Student(client, player="kiwi")
        teacher.post("check/start", {"phase": "post"})
        check = my_check(kid)
        answer(kid, check["item"]["id"], "red", 2)
    [row] = stored(data)
    assert (row.player, row.record["phase"], row.record["complete"], len(row.record["answers"])) == (
        "kiwi", "post", False, 1)
    assert row.record == score_check(FORMS[check["form"]], [Answer(check["item"]["id"], "red", 2)],
                                     phase="post", complete=False)


def test_without_a_store_the_check_still_runs_and_forms_still_alternate():
    with open_class() as (client, teacher):
        kids = [Student(client) for _ in range(4)]
        teacher.post("check/start", {"phase": "followup"})
        assert [my_check(k)["form"] for k in kids] == ["A", "B", "A", "B"]
        assert take_all(kids[0], lambda item: ("skip", None))["state"] == "finished"


def test_the_room_states_carry_the_check_live():
    with open_class() as (client, teacher):
        kid = Student(client, player="kiwi")
        teacher.post("check/start", {"phase": "pre"})
        r = client.get("/api/v1/room/events?max_events=1", headers=kid.headers)
        frame = next(line for line in r.text.splitlines() if line.startswith("data: "))
        assert json.loads(frame[6:])["check"]["state"] == "taking"
        r = client.get("/api/v1/room/teacher/events?max_events=1", headers=bearer(teacher.headers["authorization"][7:]))
        frame = next(line for line in r.text.splitlines() if line.startswith("data: "))
        assert json.loads(frame[6:])["check"]["open"] is True


def test_a_removed_student_leaves_no_part_way_check(data):
    with open_class(make_config(save=True, data_dir=data)) as (client, teacher):
        kid = Student(client, player="realname_oops")
        teacher.post("check/start", {"phase": "pre"})
        check = my_check(kid)
        answer(kid, check["item"]["id"], "red", 2)
        [entry] = client.get("/api/v1/room/students", headers=teacher.headers).json()
        teacher.post("remove", {"student": entry["id"]})
        assert client.get("/api/v1/room/check", headers=kid.headers).status_code == 403
        state = teacher.post("check/end")
        assert state["check"]["joined"] == 0
    assert stored(data) == []
