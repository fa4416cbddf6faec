"""What a class session stores (classroom.md): the class's conversation with its votes,
and per student a class-play result scored from their own flags."""

from __future__ import annotations

import inspect

from class_kit import Student, make_config, open_class

from game.results.store import Store


def _mode(record) -> str | None:
    return getattr(record, "mode", None)


def test_class_session_and_each_students_result_are_stored(tmp_path):
    data = tmp_path / "store"
    config = make_config(save=True, data_dir=data, class_code="8B")
    with open_class(config) as (client, teacher):
        a, b = Student(client, player="fox"), Student(client, player="owl")
        teacher.post("start", {"scenario": "generous-teammate", "seed": 4})
        teacher.advance_all()
        teacher.post("vote/open")
        a.vote("1")
        b.vote("1")
        a.flag("4")
        teacher.post("vote/close")
        teacher.advance_all()
        b.flag("loadout.5")
        teacher.post("end")
        uid = client.app.state.first_room.current.uid
    store = Store.open(data)
    try:
        sessions = store.sessions()
        assert len(sessions) == 3
        by_player = {s.player: s for s in sessions}
        assert set(by_player) == {None, "fox", "owl"}
        klass = by_player[None]
        assert all(s.class_code == "8B" and s.status == "complete" for s in sessions)
        class_events = store.events(klass.id)
        assert not any(e["type"] in ("flag", "unflag") for e in class_events)
        assert [e["type"] for e in class_events].count("choice") == 1
        fox = store.result(by_player["fox"].id)
        owl = store.result(by_player["owl"].id)
        assert fox["hits"] == ["intro.3"] and owl["hits"] == ["loadout.5"]
        assert fox["outcome"] == owl["outcome"] == "left"
        fox_events = store.events(by_player["fox"].id)
        assert [e for e in fox_events if e["type"] != "flag"] == class_events   # the class's log + own flags
        if "mode" in inspect.signature(store.create_session).parameters:
            assert _mode(klass) == "class_session" and _mode(by_player["fox"]) == "class"
            assert getattr(by_player["fox"], "class_session_uid", None) == uid
            votes = store.votes(klass.id)
            assert votes[0]["counts"]["1"] == 2 and votes[0]["chosen"] == "1"
    finally:
        store.close()


def test_server_stop_stores_a_running_chat_as_unfinished(tmp_path):
    data = tmp_path / "store"
    with open_class(make_config(save=True, data_dir=data)) as (client, teacher):
        a = Student(client, player="fox")
        teacher.post("start", {"scenario": "generous-teammate", "seed": 4})
        teacher.advance_all()
        a.flag("4")
    store = Store.open(data)
    try:
        fox = next(s for s in store.sessions() if s.player == "fox")
        assert fox.status == "quit"
        assert any(e["type"] == "flag" and e["id"] == "intro.3" for e in store.events(fox.id))
    finally:
        store.close()


def test_flags_survive_a_server_killed_without_warning(tmp_path):
    """kill -9 right after the last flag was answered: every flag a device was told about is in the store."""
    import json
    import os
    import signal
    import subprocess
    import sys
    import time
    import urllib.request
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    status, data = tmp_path / "status.json", tmp_path / "data"
    proc = subprocess.Popen([sys.executable, "main.py", "class", "--no-window", "--host", "127.0.0.1", "--port", "0",
                             "--status-file", str(status), "--data-dir", str(data), "--class", "8B",
                             "--scenario", "generous-teammate"], cwd=root, env=dict(os.environ),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while not status.exists():
            assert proc.poll() is None and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.05)
        info = json.loads(status.read_text())

        def post(path: str, body: dict, token: str = "") -> dict:
            req = urllib.request.Request(info["url"] + "api/v1/" + path, data=json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json",
                                                  "Authorization": f"Bearer {token}"})
            with urllib.request.urlopen(req, timeout=10) as r:
                return json.load(r)

        teacher = info["teacher_token"]
        fox = post("join", {"join_code": info["join_code"], "player": "fox"})["token"]
        owl = post("join", {"join_code": info["join_code"], "player": "owl"})["token"]
        post("room/advance", {"all": True}, teacher)
        post("room/flag", {"item": "profile.bio"}, fox)
        post("room/flag", {"item": "1"}, owl)
        post("room/flag", {"item": "1", "on": False}, owl)
        post("room/vote/open", {}, teacher)
        post("room/vote", {"key": "1"}, fox)
        post("room/vote/close", {}, teacher)
        post("room/advance", {"all": True}, teacher)
        assert post("room/flag", {"item": "4"}, fox)["my_flags"] == ["profile.bio", "intro.3"]
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()
    store = Store.open(data)
    try:
        by_player = {s.player: s for s in store.sessions() if _mode(s) == "class"}
        assert set(by_player) == {"fox", "owl"} and all(s.class_code == "8B" for s in by_player.values())
        assert all(s.status != "complete" for s in by_player.values())    # the chat never ended
        flags = {p: [(e["type"], e["id"]) for e in store.events(s.id) if e["type"] in ("flag", "unflag")]
                 for p, s in by_player.items()}
        assert flags == {"fox": [("flag", "profile.bio"), ("flag", "intro.3")],
                         "owl": [("flag", "intro.0"), ("unflag", "intro.0")]}
        fox_events = store.events(by_player["fox"].id)
        assert [e["type"] for e in fox_events].count("choice") == 1       # the class's reply is woven in
        klass = next(s for s in store.sessions() if _mode(s) == "class_session")
        assert [e for e in fox_events if e["type"] not in ("flag", "unflag")] == store.events(klass.id)
    finally:
        store.close()


def test_a_generated_nickname_never_pairs_two_students_of_one_class(tmp_path, monkeypatch):
    # Two lessons of class 8B: a student who types no nickname on the second day must not be
    # given the generated nickname stored for another student on the first day.
    from game.server import nicknames
    monkeypatch.setattr(nicknames, "generate", lambda rng=None: "CalmOtter")
    data = tmp_path / "store"
    with open_class(make_config(save=True, data_dir=data, class_code="8B")) as (client, teacher):
        first = Student(client)
        teacher.post("start", {"scenario": "generous-teammate", "seed": 4})
        teacher.advance_all()
        first.flag("intro.3")
        teacher.post("end")
    with open_class(make_config(save=True, data_dir=data, class_code="8B")) as (client, teacher):
        second = Student(client)
    with open_class(make_config(save=True, data_dir=data, class_code="9A")) as (client, teacher):
        other_class = Student(client)
    assert (first.player, second.player, other_class.player) == ("CalmOtter", "CalmOtter2", "CalmOtter")


def test_a_typed_nickname_still_pairs_a_student_across_lessons(tmp_path):
    data = tmp_path / "store"
    with open_class(make_config(save=True, data_dir=data, class_code="8B")) as (client, teacher):
        teacher.post("start", {"scenario": "generous-teammate", "seed": 4})
        teacher.advance_all()
        Student(client, player="fox").flag("intro.3")
        teacher.post("end")
    with open_class(make_config(save=True, data_dir=data, class_code="8B")) as (client, teacher):
        assert Student(client, player="fox").player == "fox"
