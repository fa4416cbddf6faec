"""The discernment check for solo play in the browser (game/server/solo_check.py).

The server says when a check is due, by the window's rule (before the first chat; leaving the
debrief once the teacher's number of chats is reached; a week after the post check); the page
sends all the answers at once; the check is stored exactly as the terminal stores one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from class_kit import make_config, open_class

from game.checks import storage, words
from game.checks.library import load_forms
from game.checks.scoring import Answer, score_check
from game.cli import main
from game.results.store import Store

FORMS = load_forms()
BEST = Path(__file__).resolve().parents[1] / "golden" / "generous-teammate" / "best.script"


@pytest.fixture
def client(private_data_dir):
    with open_class(make_config(save=True, data_dir=private_data_dir, class_code="8B")) as (c, _):
        yield c


def offer(client, **query):
    r = client.get("/api/v1/check/offer", params=query)
    assert r.status_code == 200, r.text
    return r.json()["offer"]


def body_for(form, n=16, kind=lambda item: ("red", 3) if item.is_signal else ("safe", 2), **extra):
    answers = []
    for item in FORMS[form].items[:n]:
        a, c = kind(item)
        answers.append({"item": item.id, "answer": a} | ({"confidence": c} if c else {}))
    return {"form": form, "answers": answers} | extra


def rows(private_data_dir):
    with Store.open(private_data_dir) as store:
        return storage.rows(store)


def test_offered_before_the_first_chat_only_with_a_nickname(client):
    assert offer(client) is None                                   # no nickname: nothing to pair
    found = offer(client, player="kiwi", **{"class": "7c"})
    assert (found["phase"], found["form"], found["chats"]) == ("pre", "A", 0)
    assert [i["id"] for i in found["items"]] == [i.id for i in FORMS["A"].items]
    assert not {"answer", "categories", "twin"} & set(found["items"][0])   # never the right answer
    assert found["words"]["offer"] == words.OFFER["pre"] and found["words"]["take"] == words.TAKE_IT
    assert offer(client, player="kiwi", moment="debrief") is None  # the pre check belongs before a chat


def test_a_check_is_stored_as_the_terminal_stores_it_and_a_retry_counts_once(client, private_data_dir):
    body = body_for("A", phase="pre", player="kiwi", request_id="r-1", **{"class": "7c"})
    first = client.post("/api/v1/check", json=body)
    again = client.post("/api/v1/check", json=body)
    assert first.status_code == 200 and first.json() == again.json()
    assert first.json() == {"stored": True, "complete": True, "message": words.THANKS, "improvement": ""}
    [row] = rows(private_data_dir)
    assert (row.player, row.class_code) == ("kiwi", "7C")
    answers = [Answer(a["item"], a["answer"], a["confidence"]) for a in body["answers"]]
    assert dict(row.record) == score_check(FORMS["A"], answers, phase="pre", complete=True)
    assert offer(client, player="kiwi", **{"class": "7C"}) is None        # taken: not offered again


def test_after_five_chats_leaving_the_debrief_offers_the_other_form(client, private_data_dir, capsys):
    client.post("/api/v1/check", json=body_for("A", phase="pre", player="kiwi"))    # stored under 8B
    for _ in range(5):
        assert offer(client, player="kiwi", moment="debrief") is None
        assert main(["play", "generous-teammate", "--text", "--script", str(BEST), "--player", "kiwi",
                     "--class", "8B"]) == 0
    capsys.readouterr()
    found = offer(client, player="kiwi", moment="debrief")
    assert (found["phase"], found["form"], found["chats"]) == ("post", "B", 5)
    assert found["words"]["offer"] == words.OFFER["post"].format(chats=5)
    r = client.post("/api/v1/check", json=body_for("B", 3, phase="post", player="kiwi"))
    assert r.json()["complete"] is False and r.json()["message"] == words.THANKS_PARTLY
    assert r.json()["improvement"].startswith("Last time you spotted 8 of 8 warning signs")
    assert [(x.record["phase"], x.record["complete"], x.class_code) for x in rows(private_data_dir)] == [
        ("pre", True, "8B"), ("post", False, "8B")]


@pytest.mark.parametrize("change, words_", [
    ({"phase": "later"}, "'phase'"),
    ({"phase": None}, "'phase'"),
    ({"form": "Z"}, "'form'"),
    ({"form": 1}, "'form'"),
    ({"answers": []}, "'answers'"),
    ({"answers": "red 3"}, "'answers'"),
    ({"answers": [{"item": "b01", "answer": "red", "confidence": 2}]}, "answer 1 must be for chat 'a01'"),
    ({"answers": [{"item": "a01", "answer": "red"}]}, "answer 1: 'confidence'"),
    ({"answers": [{"item": "a01", "answer": "skip", "confidence": 2}]}, "answer 1: a skipped chat"),
    ({"answers": [{"item": "a01", "answer": "maybe", "confidence": 2}]}, "red, safe or skip"),
    ({"answers": ["red 3"]}, "answer 1 must be an object"),
    ({"answers": [{"item": "a01", "answer": "red", "confidence": 1}] * 17}, "'answers'"),
    ({"player": "x" * 70}, "'player'"),
    ({"player": "Jane Smith"}, "nickname"),
    ({"class": "7B;DROP"}, "class"),
    ({"request_id": ""}, "'request_id'"),
])
def test_bad_bodies_are_a_clear_400_and_store_nothing(client, private_data_dir, change, words_):
    body = body_for("A", phase="pre", player="kiwi") | change
    r = client.post("/api/v1/check", json=body)
    assert r.status_code == 400, r.text
    assert words_ in r.json()["error"] and "\n" not in r.json()["error"]
    assert rows(private_data_dir) == []


def test_bad_queries_are_a_clear_400(client):
    for query in ({"moment": "later"}, {"player": "Jane Smith"}, {"class": "7B;DROP"}):
        r = client.get("/api/v1/check/offer", params=query)
        assert r.status_code == 400 and r.json()["error"]
