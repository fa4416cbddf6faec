"""Browser solo play and the class server on a really full disk: said in the answers, nothing lost.

Before: a command whose events the store refused answered 409 "this chat
changed at the same moment (another tab?)" and the events were dropped.
Now the answer carries ``save`` (the shared sentence: "could not be saved
yet (the disk is full) ... keeps trying"), the chat goes on, retried
requests still count once, and everything is written when space comes back.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from small_disk import small_disk  # noqa: F401 - the fixture
from starlette.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))

from solo_factory import app as create_app  # noqa: E402
from solo_kit import golden_lines  # noqa: E402

from game.play import saving  # noqa: E402
from game.results.store import Store  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tests" / "golden" / "first-dm" / "best.script"
EXPECTED = json.loads((ROOT / "tests" / "golden" / "first-dm" / "best.expected.json").read_text())


def test_solo_play_says_it_keeps_playing_and_saves_when_space_comes_back(small_disk):  # noqa: F811
    data = small_disk.path / "data"
    seed, lines = golden_lines(SCRIPT)
    with TestClient(create_app(data)) as client:
        token = client.post("/api/v1/play", json={"scenario": "first-dm", "seed": seed}).json()["session"]
        small_disk.fill()
        half = len(lines) // 2
        answers = []
        for n, line in enumerate(lines[:half]):
            r = client.post(f"/api/v1/play/{token}/command", json={"line": line, "request_id": f"r{n}"})
            assert r.status_code == 200, r.text
            answers.append(r.json())
        problem = saving.FAILING.format(reason="the disk is full")
        assert all(a["save"] == {"saved": False, "state": "retrying", "problem": problem} for a in answers)
        # a retried request (the phone lost the answer) is still applied once
        again = client.post(f"/api/v1/play/{token}/command", json={"line": lines[half - 1], "request_id": f"r{half - 1}"})
        assert again.json()["events"] == answers[-1]["events"]
        small_disk.free()
        for n, line in enumerate(lines[half:], start=half):
            r = client.post(f"/api/v1/play/{token}/command", json={"line": line, "request_id": f"r{n}"})
            assert r.status_code == 200 and "save" not in r.json(), r.text
        final = r.json()
        assert final["ended"] and final["result"]["score"] == EXPECTED["score"]
        log = client.get(f"/api/v1/play/{token}").json()["events"]
    with Store.open(data) as store:
        (record,) = store.sessions()
        assert record.status == "complete"
        assert store.events(record.id) == log                    # every event, once, in order
        assert store.result(record.id)["score"] == EXPECTED["score"]


def test_solo_start_on_a_full_disk_says_why(small_disk):  # noqa: F811
    data = small_disk.path / "data"
    with TestClient(create_app(data)) as client:
        small_disk.fill()
        r = client.post("/api/v1/play", json={"scenario": "first-dm", "seed": 1})
        assert r.status_code == 503
        assert "could not be saved (the disk is full)" in r.json()["error"]


def test_class_server_tells_the_teacher_and_stores_everything_later(small_disk, capfd):  # noqa: F811
    from class_kit import Student, make_config, open_class

    data = small_disk.path / "data"
    config = make_config(save=True, data_dir=data, class_code="8B")
    with open_class(config) as (client, teacher):
        a, b = Student(client, player="fox"), Student(client, player="owl")
        teacher.post("start", {"scenario": "generous-teammate", "seed": 4})
        small_disk.fill()
        teacher.advance_all()
        teacher.post("vote/open")
        a.vote("1")
        b.vote("1")
        a.flag("4")
        teacher.post("vote/close")
        teacher.advance_all()
        b.flag("loadout.5")
        teacher.post("end")                                # students' results cannot be stored now
        state = teacher.state()
        assert "the disk is full" in state["store_error"] and "keeps trying" in state["store_error"]
        warnings = [line for line in capfd.readouterr().err.splitlines() if line.startswith("warning:")]
        assert len(warnings) == 1 and "the disk is full" in warnings[0]      # said once, not per event
        small_disk.free()
        assert "store_error" not in teacher.state()        # the teacher's page asks again: all written
    with Store.open(data) as store:
        sessions = store.sessions()
        assert sorted(s.player or "" for s in sessions) == ["", "fox", "owl"]
        assert all(s.status == "complete" for s in sessions)
        by_player = {s.player: s for s in sessions}
        assert store.result(by_player["fox"].id)["hits"] == ["intro.3"]
        assert store.result(by_player["owl"].id)["hits"] == ["loadout.5"]
