"""Load on the class server, for Locust (headless): ``locust -f bench/locustfile.py --headless``.

``SoloPlayer`` plays solo chats the way the browser page does: it starts a
paced chat, waits the typing pauses the server gives before asking for each
message, reads and thinks before it answers (2-6 s), flags a message now and
then, picks a reply, and at the end reads the debrief and starts another
chat. Every event the server says it committed is counted, so the bench can
compare it with the store afterwards (``bench/solo_load.py`` does, and prints
the figures).

``ClassStudent`` is a student's device in a class session: it joins a room by
its code, flags and unflags items and votes (changing its mind) while a vote
is open; ``bench/class_load.py`` runs two rooms of 35 and checks every
answered flag and vote against the store.
"""

from __future__ import annotations

import os
import random
import threading

from locust import FastHttpUser, between, task

#: events the server answered with, per chat token (checked against the store after the run)
ACKED: dict[str, int] = {}
_LOCK = threading.Lock()
SCENARIOS = ("free-skin-trader", "first-dm", "too-perfect-match", "squad-up", "model-scout",
             "same-age-match", "generous-teammate", "quick-follow-back")


def _ack(token: str, answer: dict) -> None:
    with _LOCK:
        ACKED[token] = ACKED.get(token, 0) + len(answer.get("events", []))


class SoloPlayer(FastHttpUser):
    """One student playing solo chats in the browser page, with human pauses."""

    wait_time = between(2, 6)
    typing_factor = 1.0          # the page waits the server's typing pauses (times this)

    def on_start(self) -> None:
        self.token: str | None = None
        self.answer: dict = {}
        self.rng = random.Random()

    def _post(self, path: str, body: dict, name: str) -> dict | None:
        with self.client.post(path, json=body, name=name, catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"{r.status_code}: {r.text[:120]}")
                return None
            return r.json()

    def _start(self) -> None:
        body = {"scenario": self.rng.choice(SCENARIOS), "paced": True,
                "player": f"bench{self.rng.randrange(10**6)}", "class": "LOAD",
                "request_id": f"start-{self.rng.getrandbits(64):x}"}
        answer = self._post("/api/v1/play", body, "start")
        if answer is None:
            return
        self.token = answer["session"]
        r = self.client.get(f"/api/v1/play/{self.token}", name="state")
        self.answer = r.json() if r.status_code == 200 else {}
        _ack(self.token, self.answer)

    def _deliver_pending(self) -> None:
        while self.answer.get("pending") and not self.answer.get("ended"):
            nxt = (self.answer.get("pacing") or {}).get("next") or {}
            self._sleep((nxt.get("pause", 0.5) + nxt.get("typing", 1.0)) * self.typing_factor)
            answer = self._post(f"/api/v1/play/{self.token}/deliver",
                                {"request_id": f"d-{self.rng.getrandbits(64):x}"}, "deliver")
            if answer is None:
                return
            _ack(self.token, answer)
            self.answer = answer

    def _sleep(self, seconds: float) -> None:
        import gevent

        gevent.sleep(max(0.0, seconds))

    @task
    def play(self) -> None:
        if self.token is None or self.answer.get("ended"):
            if self.token is not None:
                self.client.get(f"/api/v1/play/{self.token}/debrief", name="debrief")
            self._start()
            return
        self._deliver_pending()
        if self.answer.get("ended"):
            return
        view = self.answer.get("view") or {}
        replies = view.get("replies") or []
        unflagged = [line["number"] for line in view.get("lines", [])
                     if line.get("flaggable") and not line.get("flagged") and line.get("number")]
        if unflagged and self.rng.random() < 0.35:
            line = f"flag {self.rng.choice(unflagged)}"
        elif replies:
            line = str(self.rng.randrange(1, len(replies) + 1))
        else:
            line = self.rng.choice(("block", "report", "leave"))
        if replies and self.rng.random() < 0.04:
            line = self.rng.choice(("block", "report", "leave"))
        answer = self._post(f"/api/v1/play/{self.token}/command",
                            {"line": line, "request_id": f"c-{self.rng.getrandbits(64):x}"}, "command")
        if answer is not None:
            _ack(self.token, answer)
            self.answer = answer


# -- class sessions ----------------------------------------------------------------------------
#: what each class student's requests were answered with: (join code, nickname) -> flags and vote
CLASS_ACKED: dict[tuple[str, str], dict] = {}
#: join codes of the rooms under load (bench/class_load.py fills it in; or REDFLAGS_CLASS_ROOMS=K7QM,ABCD)
CLASS_ROOMS: list[str] = [c for c in os.environ.get("REDFLAGS_CLASS_ROOMS", "").split(",") if c]


class ClassStudent(FastHttpUser):
    """One student's device in a class session: joins a room by code, flags and unflags messages and
    profile items privately, and votes (and changes their vote) while the teacher's vote is open."""

    wait_time = between(0.5, 1.5)
    _counter = 0

    def on_start(self) -> None:
        self.rng = random.Random()
        self.player: str | None = None
        if not CLASS_ROOMS:
            return
        with _LOCK:
            code = CLASS_ROOMS[ClassStudent._counter % len(CLASS_ROOMS)]
            ClassStudent._counter += 1
        self.code = code
        self.headers: dict[str, str] = {}
        self.items: list[str] = []
        self.options: list[str] = []
        with self.client.post("/api/v1/join", json={"join_code": code}, name="join", catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"{r.status_code}: {r.text[:120]}")
                return
            joined = r.json()
        self.player = joined["player"]
        self.headers = {"Authorization": f"Bearer {joined['token']}"}
        self.flags: set[str] = set()
        self.vote: str | None = None
        with _LOCK:
            CLASS_ACKED[(code, self.player)] = {"flags": set(), "vote": None}
        self._refresh()

    def _refresh(self) -> None:
        r = self.client.get("/api/v1/room", headers=self.headers, name="room")
        if r.status_code == 200:
            state = r.json()
            profile = state.get("chat", {}).get("profile", [])
            self.items = [m["id"] for m in state["messages"]] + [p["id"] for p in profile]
            vote = state.get("vote") or {}
            self.options = [o["key"] for o in vote.get("options", [])] if vote.get("open") else []

    def _ack(self) -> None:
        with _LOCK:
            CLASS_ACKED[(self.code, self.player)] = {"flags": set(self.flags), "vote": self.vote}

    @task(3)
    def flag(self) -> None:
        if not self.player or not self.items:
            return
        item = self.rng.choice(self.items)
        on = item not in self.flags
        body = {"item": item, "on": on, "request_id": f"f-{self.rng.getrandbits(64):x}"}
        with self.client.post("/api/v1/room/flag", json=body, headers=self.headers, name="flag",
                              catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"{r.status_code}: {r.text[:120]}")
                return
            self.flags = set(r.json()["my_flags"])
        self._ack()

    @task(1)
    def cast_vote(self) -> None:
        if not self.player or not self.options:
            return
        key = self.rng.choice(self.options)
        body = {"key": key, "request_id": f"v-{self.rng.getrandbits(64):x}"}
        with self.client.post("/api/v1/room/vote", json=body, headers=self.headers, name="vote",
                              catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"{r.status_code}: {r.text[:120]}")
                return
            self.vote = r.json()["my_vote"]
        self._ack()

    @task(1)
    def poll(self) -> None:
        if self.player:
            self._refresh()
