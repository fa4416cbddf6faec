"""The class session's HTTP API (classroom.md), in-process with Starlette's TestClient."""

from __future__ import annotations

import json

import pytest
from class_kit import Student, Teacher, bearer, library, make_config, open_class

from game.scoring import score
from game.session import Session

SCENARIO = "generous-teammate"


@pytest.fixture
def cls():
    with open_class() as (client, teacher):
        yield client, teacher


def started(client, teacher, seed=7):
    teacher.post("start", {"scenario": SCENARIO, "seed": seed})
    return teacher


# -- joining ----------------------------------------------------------------------------
def test_join_gives_token_and_friendly_nickname(cls):
    client, teacher = cls
    a = Student(client)
    assert len(a.token) >= 43 and a.player.isalnum() and a.player[0].isupper()
    b = Student(client, join_code=" k7qm ", player="pixel_fox")
    c = Student(client, player="Pixel_Fox")
    assert b.player == "pixel_fox" and c.player == "Pixel_Fox2"
    assert teacher.state()["students"] == {"joined": 3, "voted": 0, "flags": 0}
    state = a.state()
    assert state["phase"] == "waiting" and state["scenario"] is None and state["messages"] == []
    assert state["my_flags"] == [] and state["player"] == a.player


@pytest.mark.parametrize("player", ["Anna Smith", "a" * 21, "<script>", "name!", "\u202eevil"])
def test_nicknames_are_checked_like_the_start_screen(cls, player):
    client, _ = cls
    r = client.post("/api/v1/join", json={"join_code": "K7QM", "player": player})
    assert r.status_code == 400 and "letters, numbers" in r.json()["error"]


@pytest.mark.parametrize("body,status", [
    ({"join_code": "ZZZZ"}, 404), ({}, 400), ({"join_code": 7}, 400), ({"join_code": "K7QM", "player": 3}, 400)])
def test_bad_joins_are_4xx(cls, body, status):
    client, teacher = cls
    r = client.post("/api/v1/join", json=body)
    assert r.status_code == status and r.json()["error"]
    assert teacher.state()["students"]["joined"] == 0


def test_wrong_join_codes_are_rate_limited():
    with open_class(make_config(bad_join_burst=3, bad_join_rate=0.0001)) as (client, _):
        codes = [client.post("/api/v1/join", json={"join_code": "AAAA"}).status_code for _ in range(4)]
        assert codes == [404, 404, 404, 429]
        r = client.post("/api/v1/join", json={"join_code": "K7QM"})
        assert r.status_code == 429 and "wrong join codes" in r.json()["error"]
        assert int(r.headers["retry-after"]) >= 1


def test_joins_are_rate_limited_per_address():
    with open_class(make_config(join_burst=2, join_rate=0.0001)) as (client, _):
        codes = [client.post("/api/v1/join", json={"join_code": "K7QM"}).status_code for _ in range(3)]
        assert codes == [200, 200, 429]


def test_locked_room_refuses_new_students_and_keeps_old_ones(cls):
    client, teacher = cls
    a = Student(client)
    teacher.post("lock", {"locked": True})
    r = client.post("/api/v1/join", json={"join_code": "K7QM"})
    assert r.status_code == 403 and "locked" in r.json()["error"]
    assert a.state()["phase"] == "waiting"
    teacher.post("lock", {"locked": False})
    Student(client)


def test_closed_room_join_code_stops_working(cls):
    client, teacher = cls
    a = Student(client)
    started(client, teacher)
    teacher.advance_all()
    a.flag("4")
    teacher.post("close")
    r = client.post("/api/v1/join", json={"join_code": "K7QM"})
    assert r.status_code == 404
    assert a.flag("1", expect=409)["error"]
    assert a.state()["debrief"]["items"]          # the student can still read their debrief
    assert teacher.post("start", {"scenario": SCENARIO}, expect=409)["error"]


# -- tokens ---------------------------------------------------------------------------------
TEACHER_POSTS = ["start", "advance", "wait", "vote/open", "vote/close", "end", "discussion", "reveal",
                 "rewind", "lock", "close", "remove", "rename"]


def test_student_token_never_gets_a_teacher_action_done(cls):
    client, teacher = cls
    a = Student(client)
    started(client, teacher)
    before = teacher.state()
    bodies = {"start": {"scenario": SCENARIO}, "advance": {"all": True}, "vote/close": {"key": "1"},
              "discussion": {"question": 1}, "rewind": {"reply": 1}, "remove": {"student": "s1"},
              "rename": {"student": "s1", "player": "x"}, "lock": {"locked": True}}
    for action in TEACHER_POSTS:
        r = client.post(f"/api/v1/room/{action}", json=bodies.get(action, {}), headers=a.headers)
        assert r.status_code == 403, action
        assert "teacher" in r.json()["error"]
    for path in ("/api/v1/room/teacher", "/api/v1/room/students", "/api/v1/room/qr.svg",
                 "/api/v1/room/teacher/events"):
        assert client.get(path, headers=a.headers).status_code == 403
    assert client.post("/api/v1/rooms", json={}, headers=a.headers).status_code == 403
    after = teacher.state()
    assert after == before


def test_missing_or_unknown_tokens_are_401(cls):
    client, teacher = cls
    for path in ("/api/v1/room", "/api/v1/room/teacher"):
        assert client.get(path).status_code == 401
        assert client.get(path, headers=bearer("nope")).status_code == 401
    assert client.post("/api/v1/room/flag", json={"item": "1"}).status_code == 401
    r = client.get("/api/v1/room", headers=teacher.headers)
    assert r.status_code == 403 and "teacher" in r.json()["error"]


def test_admin_opens_rooms_and_each_teacher_token_acts_on_its_own_room():
    config = make_config(class_code="8B")
    with open_class(config) as (client, teacher_a):
        r = client.post("/api/v1/rooms", json={"class": "9c"}, headers=bearer(config.admin_token))
        assert r.status_code == 200
        code_b, token_b = r.json()["join_code"], r.json()["teacher_token"]
        assert code_b != "K7QM" and len(token_b) >= 43
        teacher_b = Teacher(client, token_b)
        assert teacher_b.state()["class"] == "9C" and teacher_a.state()["class"] == "8B"
        a = Student(client, "K7QM")
        b = Student(client, code_b)
        teacher_b.post("start", {"scenario": SCENARIO, "seed": 1})
        assert teacher_a.state()["phase"] == "waiting" and teacher_b.state()["phase"] == "intro"
        assert a.state()["phase"] == "waiting" and b.state()["phase"] == "intro"
        teacher_b.post("remove", {"student": "s1"})            # room B's first student, not room A's
        assert client.get("/api/v1/room", headers=b.headers).status_code == 403
        assert a.state()["phase"] == "waiting"
        assert client.post("/api/v1/rooms", json={}, headers=teacher_a.headers).status_code == 403
        assert client.post("/api/v1/rooms", json={}, headers=bearer("x")).status_code == 401
        assert teacher_a.state()["students"]["joined"] == 1


# -- the conversation ----------------------------------------------------------------------------
def test_teacher_paced_messages_and_no_idle_nudges(cls):
    client, teacher = cls
    a = Student(client)
    state = teacher.post("start", {"scenario": SCENARIO, "seed": 3})
    assert state["phase"] == "intro" and state["messages"] == [] and state["pending"] == 5
    assert state["ground_rules"]["points"] and state["content_notes"]
    assert teacher.post("advance")["delivered"] == [1]
    assert [m["n"] for m in a.state()["messages"]] == [1]
    assert teacher.post("advance", {"all": True})["delivered"] == [2, 3, 4, 5]
    assert teacher.post("advance", expect=409)["error"].startswith("no message is waiting")
    state = a.state()
    assert state["phase"] == "chat"
    assert [set(m) for m in state["messages"]] == [{"n", "id", "text", "from"}] * 5
    assert all("red_flags" not in m for m in state["messages"])      # no answers on the devices


def test_flags_are_private_and_validated(cls):
    client, teacher = cls
    a, b = Student(client), Student(client)
    started(client, teacher)
    assert a.flag("profile.bio") == {"my_flags": ["profile.bio"]}      # profile items from the start
    assert a.flag("1", expect=400)["error"] == "no message [1] yet"
    teacher.advance_all()
    assert a.flag("4") == {"my_flags": ["profile.bio", "intro.3"]}
    assert a.flag("intro.3") == {"my_flags": ["profile.bio", "intro.3"]}  # twice: once
    assert a.flag("intro.0", on=True)["my_flags"] == ["profile.bio", "intro.3", "intro.0"]
    assert a.flag("1", on=False)["my_flags"] == ["profile.bio", "intro.3"]
    assert a.flag("loadout.0", expect=400)["error"] == "message 'loadout.0' has not arrived yet"
    assert a.flag("nothing.9", expect=400)["error"].startswith("unknown message")
    assert a.flag("", expect=400)["error"]
    r = client.post("/api/v1/room/flag", json={"item": "4", "on": "yes"}, headers=a.headers)
    assert r.status_code == 400 and "true or false" in r.json()["error"]
    assert b.state()["my_flags"] == []
    teacher_view = teacher.state()
    assert [m["flagged"] for m in teacher_view["messages"]] == [0, 0, 0, 1, 0]
    assert teacher_view["profile_flags"]["profile.bio"] == 1
    assert a.player not in json.dumps(teacher_view) and b.player not in json.dumps(teacher_view)


def vote_round(client, teacher, students, keys):
    teacher.advance_all()
    state = teacher.post("vote/open")
    assert state["phase"] == "vote"
    for s, k in zip(students, keys, strict=False):
        if k is not None:
            assert s.vote(k) == {"my_vote": k}
    return state


def test_vote_counts_hidden_until_closed_then_majority_played(cls):
    client, teacher = cls
    students = [Student(client) for _ in range(3)]
    started(client, teacher)
    state = vote_round(client, teacher, students, ["2", "2", "1"])
    assert [o["key"] for o in state["vote"]["options"]] == ["1", "2", "3", "block", "report", "leave"]
    seen = students[0].state()
    assert seen["vote"]["open"] is True and "counts" not in seen["vote"] and seen["my_vote"] == "2"
    assert students[2].vote("1") == {"my_vote": "1"}
    teacher_view = teacher.state()
    assert teacher_view["students"] == {"joined": 3, "voted": 3, "flags": 0}
    assert teacher_view["vote"]["counts"]["2"] == 2
    closed = teacher.post("vote/close")
    assert closed["vote"]["open"] is False and closed["vote"]["chosen"] == "2"
    assert closed["vote"]["counts"] == {"1": 1, "2": 2, "3": 0, "block": 0, "report": 0, "leave": 0}
    assert closed["replies"][0]["text"] == "why'd u send me that?"
    seen = students[0].state()
    assert seen["vote"]["counts"]["2"] == 2 and seen["replies"] == [
        {"after": 5, "text": "why'd u send me that?", "key": "2"}]
    assert students[0].vote("1", expect=409)["error"] == "there is no vote open right now"


def test_vote_changes_until_it_closes_and_bad_keys(cls):
    client, teacher = cls
    a = Student(client)
    started(client, teacher)
    assert a.vote("1", expect=409)["error"]
    vote_round(client, teacher, [a], ["1"])
    assert a.vote("3") == {"my_vote": "3"}
    assert a.vote("9", expect=400)["error"].startswith("no option '9'")
    assert teacher.post("vote/open", expect=409)["error"] == "a vote is already open"
    assert teacher.post("advance", expect=409)["error"] == "a vote is open: close it first"
    assert teacher.post("vote/close")["vote"]["chosen"] == "3"


def test_tie_needs_the_teacher_and_no_votes_need_a_show_of_hands(cls):
    client, teacher = cls
    a, b = Student(client), Student(client)
    started(client, teacher)
    vote_round(client, teacher, [a, b], ["1", "2"])
    err = teacher.post("vote/close", expect=409)["error"]
    assert "tied between 1 and 2" in err
    assert teacher.state()["vote"]["open"] is True                 # nothing changed
    assert teacher.post("vote/close", {"key": "1"})["vote"]["chosen"] == "1"
    # the next reply: nobody votes on a device, the teacher types the show of hands
    vote_round(client, teacher, [], [])
    assert "show of hands" in teacher.post("vote/close", expect=409)["error"]
    assert teacher.post("vote/close", {"tally": {"1": 3, "zz": 1}}, expect=400)["error"]
    closed = teacher.post("vote/close", {"tally": {"1": 4, "2": 11, "3": 2}})
    assert closed["vote"]["chosen"] == "2" and closed["vote"]["counts"]["2"] == 11


def test_block_report_leave_votes_end_the_chat(cls):
    client, teacher = cls
    a = Student(client)
    started(client, teacher)
    vote_round(client, teacher, [a], ["report"])
    state = teacher.post("vote/close")
    assert state["phase"] == "ended" and state["ended_how"] == "report"
    assert a.state()["debrief"]["headline"].startswith("You reported")


def test_end_counts_as_leave_and_every_device_gets_its_own_debrief(cls):
    client, teacher = cls
    a, b = Student(client), Student(client)
    started(client, teacher)
    teacher.advance_all()
    a.flag("4")
    a.flag("profile.joined")
    b.flag("1")
    state = teacher.post("end")
    assert state["phase"] == "ended" and state["ended_how"] == "leave"
    da, db = a.state()["debrief"], b.state()["debrief"]
    spotted_a = {i["id"] for i in da["items"] if i["status"] == "spotted"}
    assert spotted_a == {"intro.3", "profile.joined"}
    assert {i["id"] for i in db["items"] if i["status"] == "false_alarm"} == {"intro.0"}
    for d in (da, db):
        assert "never your fault" in d["never_your_fault"][0]
        assert d["help"] and all(h["name"] for h in d["help"])
    assert a.flag("1", expect=409)["error"].startswith("the chat is over")


def test_class_play_result_equals_a_solo_play_with_the_same_replies_and_flags(cls):
    """A student's result is scored from their own flags as if they had played the chat."""
    client, teacher = cls
    a, b = Student(client), Student(client)
    started(client, teacher, seed=11)
    vote_round(client, teacher, [a, b], ["1", "1"])
    a.flag("4")
    teacher.post("vote/close")
    teacher.advance_all()
    a.flag("loadout.5")
    a.flag("profile.bio")
    b.flag("loadout.0")
    teacher.post("vote/open")
    a.vote("1")
    teacher.post("vote/close")
    teacher.advance_all()
    teacher.post("end")
    server_room = client.app.state.first_room
    branch = server_room.current
    solo = Session(library().get(SCENARIO), seed=11)
    solo.start()
    conv = solo.conv
    conv.deliver_all()
    conv.flag("intro.3")
    conv.choose(1)
    conv.deliver_all()
    conv.flag("loadout.5")
    conv.flag("profile.bio")
    conv.choose(1)
    conv.deliver_all()
    conv.end_action("leave")
    expected = score(conv.events)
    got = branch.results["s1"]
    assert set(got) == set(expected)
    for key in expected:
        if key != "duration_s":
            assert got[key] == expected[key], key
    assert branch.results["s2"]["false_alarms"] == ["loadout.0"]
    assert branch.class_result["hits"] == []        # the class session holds no flags of its own


# -- idempotency ------------------------------------------------------------------------------
def test_request_id_makes_retries_have_the_effect_of_one(cls):
    client, teacher = cls
    a = Student(client)
    started(client, teacher)
    first = teacher.post("advance", {"request_id": "adv-1"})
    again = teacher.post("advance", {"request_id": "adv-1"})
    assert first["delivered"] == again["delivered"] == [1]
    assert len(teacher.state()["messages"]) == 1
    assert teacher.post("advance", {"request_id": "adv-2"})["delivered"] == [2]
    teacher.advance_all()
    a.flag("4", request_id="f1")
    a.flag("4", on=False, request_id="f2")
    assert a.flag("4", request_id="f1") == {"my_flags": ["intro.3"]}   # the retry answers as the first time
    assert a.state()["my_flags"] == []                                   # and changes nothing
    r = client.post("/api/v1/room/flag", json={"item": "4", "request_id": 5}, headers=a.headers)
    assert r.status_code == 400 and "request_id" in r.json()["error"]
    r1 = client.post("/api/v1/join", json={"join_code": "K7QM", "request_id": "j1"})
    r2 = client.post("/api/v1/join", json={"join_code": "K7QM", "request_id": "j1"})
    assert r1.json() == r2.json() and teacher.state()["students"]["joined"] == 2
    teacher.post("vote/open", {"request_id": "v1"})
    teacher.post("vote/open", {"request_id": "v1"})     # not "a vote is already open"
    a.vote("2")
    teacher.post("vote/close", {"request_id": "c1"})
    closed = teacher.post("vote/close", {"request_id": "c1"})
    assert len(closed["replies"]) == 1


# -- discussion, reveal, rewind ----------------------------------------------------------------------
def test_discussion_freezes_the_chat_with_a_question_and_notes_stay_on_the_teacher_page(cls):
    client, teacher = cls
    a = Student(client)
    started(client, teacher)
    teacher.post("advance")
    state = teacher.post("discussion", {"question": 2})
    questions = library().get(SCENARIO).debrief.discussion_questions
    assert state["phase"] == "discussion" and state["discussion"] == {"number": 2, "question": questions[1]}
    assert state["facilitator_notes"]
    assert a.state()["discussion"]["question"] == questions[1]
    seen = json.dumps(a.state())
    assert "facilitator_notes" not in seen and library().get(SCENARIO).debrief.facilitator_notes[:40] not in seen
    assert teacher.post("advance", expect=409)["error"].startswith("the chat is paused")
    assert teacher.post("discussion", {"question": 99}, expect=400)["error"]
    assert teacher.post("discussion", {}, expect=400)["error"]
    assert a.flag("profile.bio")["my_flags"] == ["profile.bio"]     # flagging is still private and allowed
    assert teacher.post("discussion", {"question": None})["phase"] == "chat"
    teacher.post("advance")


def test_reveal_shows_flag_counts_per_item_and_the_class_shares(cls):
    client, teacher = cls
    students = [Student(client) for _ in range(3)]
    started(client, teacher)
    teacher.advance_all()
    assert teacher.post("reveal", expect=409)["error"].startswith("the reveal comes")
    students[0].flag("4")
    students[1].flag("4")
    students[1].flag("1")
    students[2].flag("profile.joined")
    assert teacher.state()["students"]["flags"] == 4      # the projector's live total (no per-item counts)
    teacher.post("end")
    state = teacher.post("reveal")
    assert state["phase"] == "reveal" and students[0].state()["phase"] == "reveal"
    reveal = state["reveal"]
    items = {i["id"]: i for i in reveal["items"]}
    assert items["intro.3"]["words"] == "2 of 3" and items["intro.3"]["red_flag"] is True
    assert items["intro.0"]["words"] == "1 of 3" and items["intro.0"]["red_flag"] is False
    assert items["profile.joined"]["words"] == "1 of 3"
    # per student: 3 profile red flags + intro.3 = 4 signal items; 1 normal profile item + 4 normal messages
    assert reveal["spotted"]["signal_items"] == 12 and reveal["spotted"]["hits"] == 3
    assert reveal["spotted"]["percent"] == 25
    assert reveal["false_alarms"]["noise_items"] == 15 and reveal["false_alarms"]["false_alarms"] == 1
    assert reveal["spotted"]["words"].startswith("Spotted: 25% of the warning signs")
    assert reveal["false_alarms"]["words"] == "Flagged normal messages: 7% (1 of 15)"
    assert reveal["reading"] == "misses many warning signs (trusts too easily)"


def test_reading_words_follow_scoring_md():
    from game.server.views import reading
    assert reading(9, 9, 0, 20) == "not enough chats yet to tell"
    assert reading(7, 10, 2, 10) == "tells warning signs from normal chat well"
    assert reading(7, 10, 3, 10) == "spots warning signs, but also flags normal chat (suspicious of everything)"
    assert reading(6, 10, 2, 10) == "misses many warning signs (trusts too easily)"
    assert reading(6, 10, 3, 10) == "not yet telling warning signs from normal chat"


def test_rewind_plays_the_other_branch_as_its_own_class_session(cls):
    client, teacher = cls
    a, b = Student(client), Student(client)
    started(client, teacher, seed=5)
    vote_round(client, teacher, [a, b], ["1", "1"])
    a.flag("4")
    teacher.post("vote/close")
    teacher.advance_all()
    b.flag("loadout.5")
    teacher.post("vote/open")
    a.vote("report")
    teacher.post("vote/close")
    first = client.app.state.first_room.current
    assert first.ended and first.stored and first.results["s2"]["hits"] == ["loadout.5"]
    assert teacher.post("rewind", {"reply": 9}, expect=400)["error"] == "no reply 9 (replies are 1-2)"
    state = teacher.post("rewind", {"reply": 2})
    assert state["branch"] == 2 and state["phase"] == "chat"
    assert state["branches"][1]["rewound_from"] == {"branch": 1, "reply": 2}
    assert [r["text"] for r in state["replies"]] == ["omg wait thank u!! 😭"]
    assert state["pending"] == 0 and state["can"]["open_vote"]
    assert a.state()["my_flags"] == ["intro.3"] and b.state()["my_flags"] == ["loadout.5"]
    assert "debrief" not in a.state()
    teacher.post("vote/open")
    b.vote("2")
    teacher.post("vote/close")
    assert [r["key"] for r in teacher.state()["replies"]] == ["1", "2"]
    teacher.post("end")
    second = client.app.state.first_room.current
    assert second is not first and second.uid != first.uid
    assert second.results["s1"]["hits"] == ["intro.3"]
    assert first.results["s1"]["outcome"] == "reported" and second.results["s1"]["outcome"] != "reported"


def test_starting_again_while_a_chat_runs_stores_it_as_unfinished(cls):
    client, teacher = cls
    Student(client)
    started(client, teacher)
    teacher.advance_all()
    first = client.app.state.first_room.current
    teacher.post("start", {"scenario": "squad-up", "seed": 2})
    assert first.ended and first.results["s1"]["complete"] is False
    assert teacher.state()["scenario"] == "squad-up"


def test_start_validates(cls):
    _client, teacher = cls
    assert teacher.post("start", {}, expect=400)["error"] == "'scenario' is missing"
    assert teacher.post("start", {"scenario": "../../etc/passwd"}, expect=404)["error"].startswith("no scenario")
    assert teacher.post("start", {"scenario": SCENARIO, "class": "bad code!"}, expect=400)["error"]
    assert teacher.post("start", {"scenario": SCENARIO, "seed": -1}, expect=400)["error"]
    assert teacher.post("advance", expect=409)["error"].startswith("no chat has started")


def test_wait_delivers_an_idle_nudge_only_when_the_teacher_asks():
    with_nudges = [s for s in library().scenarios if any(n.idle_nudges for n in s.nodes.values())
                   and s.nodes[s.start].idle_nudges]
    if not with_nudges:
        pytest.skip("no scenario has idle nudges at its start node")
    scenario = with_nudges[0]
    with open_class() as (_client, teacher):
        teacher.post("start", {"scenario": scenario.id, "seed": 1})
        assert teacher.post("wait", expect=409)["error"] == "messages are still waiting: show them first"
        state = teacher.advance_all()
        before = len(state["messages"])
        assert state["next_nudge"] is True
        teacher.post("wait")
        assert len(teacher.state()["messages"]) == before          # queued, not shown
        state = teacher.post("advance")
        assert state["messages"][-1].get("nudge") is True


# -- students: remove, rename ----------------------------------------------------------------------
def test_remove_and_rename_students(cls):
    client, teacher = cls
    a, b = Student(client, player="fox"), Student(client)
    listing = client.get("/api/v1/room/students", headers=teacher.headers).json()
    assert [s["player"] for s in listing] == ["fox", b.player]
    teacher.post("rename", {"student": "s1", "player": "otter"})
    assert a.state()["player"] == "otter"
    assert teacher.post("rename", {"student": "s1", "player": b.player}, expect=409)["error"]
    assert teacher.post("rename", {"student": "s1", "player": "Real Name"}, expect=400)["error"]
    started(client, teacher)
    vote_round(client, teacher, [a, b], ["1", "2"])
    teacher.post("remove", {"student": "s2"})
    r = client.get("/api/v1/room", headers=b.headers)
    assert r.status_code == 403 and "removed" in r.json()["error"]
    state = teacher.state()
    assert state["students"] == {"joined": 1, "voted": 1, "flags": 0}
    assert teacher.post("vote/close")["vote"]["counts"]["2"] == 0
    assert teacher.post("remove", {"student": "s2"}, expect=404)["error"]


# -- live updates ------------------------------------------------------------------------------------
def sse_states(client, path, headers, n):
    with client.stream("GET", f"{path}?max_events={n}", headers=headers) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        text = r.read().decode()
    frames = [f for f in text.split("\n\n") if "event: state" in f]
    return [json.loads(f.split("data: ", 1)[1]) for f in frames]


def test_server_sent_events_send_the_same_state_as_polling(cls):
    client, teacher = cls
    a = Student(client)
    started(client, teacher)
    teacher.advance_all()
    a.flag("4")
    [live] = sse_states(client, "/api/v1/room/events", a.headers, 1)
    assert live == a.state()
    [teacher_live] = sse_states(client, "/api/v1/room/teacher/events", teacher.headers, 1)
    assert teacher_live["messages"] == teacher.state()["messages"]
    assert client.get("/api/v1/room/events?max_events=0", headers=a.headers).status_code == 400


def test_qr_code_encodes_the_join_address(cls):
    client, teacher = cls
    r = client.get("/api/v1/room/qr.svg", headers=teacher.headers)
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    assert r.text.startswith("<svg") and "<script" not in r.text
    assert teacher.state()["join_url"].endswith("/?code=K7QM")


# -- auto-advance (off by default) ---------------------------------------------------------
def test_auto_advance_is_off_until_the_teacher_turns_it_on(cls):
    client, teacher = cls
    started(client, teacher)
    state = teacher.state()
    assert state["pace"] == {"auto": False, "seconds": None} and state["messages"] == []
    assert teacher.post("pace", {"auto": True, "seconds": 1}, expect=400)["error"].startswith("'seconds'")
    assert teacher.post("pace", {"auto": True, "seconds": "8"}, expect=400)["error"]
    assert teacher.state()["pace"]["auto"] is False                   # a refused request changed nothing
    room = client.app.state.first_room
    assert room.auto_advance() is False                              # off: a tick does nothing
    on = teacher.post("pace", {"auto": True})
    assert on["pace"] == {"auto": True, "seconds": 8}
    assert room.auto_advance() is True and len(teacher.state()["messages"]) == 1
    teacher.post("advance", {"all": True})
    assert room.auto_advance() is False                              # nothing waiting: the class decides
    teacher.post("vote/open")
    assert room.auto_advance() is False
    assert teacher.post("pace", {"auto": False})["pace"]["auto"] is False


def test_auto_advance_delivers_on_its_own(cls):
    import time

    client, teacher = cls
    student = Student(client)
    started(client, teacher)
    teacher.post("pace", {"auto": True, "seconds": 2})
    deadline = time.monotonic() + 30
    while len(student.state()["messages"]) < 2:
        assert time.monotonic() < deadline, "auto-advance never delivered two messages"
        time.sleep(0.2)
    teacher.post("pace", {"auto": False})


def test_generated_nicknames_differ_across_rooms_of_one_class(monkeypatch):
    from game.server import nicknames
    from game.server.rooms import Registry
    monkeypatch.setattr(nicknames, "generate", lambda rng=None: "CalmOtter")
    registry = Registry(library=None)
    monday, _ = registry.create(class_code="8B")
    tuesday, _ = registry.create(class_code="8B")
    elsewhere, _ = registry.create(class_code="9A")
    names = [registry.join(room.join_code, None)[2].player for room in (monday, tuesday, elsewhere)]
    assert names == ["CalmOtter", "CalmOtter2", "CalmOtter"]
