"""Locust users for bench/class_check_load.py: students taking the discernment check on their devices.

Each ``CheckStudent`` joins a room by its code, reads its check, and answers the 16 chats one by
one (red or safe and how sure, now and then a skip) with a pause like a reader's; every fourth
answer is sent twice with the same request id, as a phone that lost the response would. When
the check is finished the user stops. What the server answered is kept in ``ACKED`` so the bench
can compare it with the store.
"""

from __future__ import annotations

import random
import threading

from locust import FastHttpUser, between, task
from locust.exception import StopUser

ROOMS: list[str] = []                                   # join codes, filled in by the bench
ACKED: dict[tuple[str, str], list[dict]] = {}           # (join code, nickname) -> answers the server took
FINISHED: set[tuple[str, str]] = set()
_LOCK = threading.Lock()


class CheckStudent(FastHttpUser):
    wait_time = between(0.3, 1.2)
    _counter = 0

    def on_start(self) -> None:
        self.rng = random.Random()
        self.player: str | None = None
        with _LOCK:
            code = ROOMS[CheckStudent._counter % len(ROOMS)]
            CheckStudent._counter += 1
            nick = f"{code.lower()}_{CheckStudent._counter}"     # unique across rooms of one class code
        self.code = code
        with self.client.post("/api/v1/join", json={"join_code": code, "player": nick}, name="join",
                              catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"{r.status_code}: {r.text[:120]}")
                raise StopUser()
            joined = r.json()
        self.player = joined["player"]
        self.headers = {"Authorization": f"Bearer {joined['token']}"}
        self.answers: list[dict] = []
        r = self.client.get("/api/v1/room/check", headers=self.headers, name="check")
        self.check = r.json()["check"] if r.status_code == 200 else None

    @task
    def answer(self) -> None:
        check = self.check
        if not check or check.get("state") != "taking":
            raise StopUser()
        item = check["item"]["id"]
        roll = self.rng.random()
        body: dict = {"item": item, "answer": "skip"} if roll < 0.08 else {
            "item": item, "answer": "red" if roll < 0.55 else "safe", "confidence": self.rng.randint(1, 4)}
        body["request_id"] = f"a-{self.rng.getrandbits(64):x}"
        times = 2 if len(self.answers) % 4 == 3 else 1
        for _ in range(times):
            with self.client.post("/api/v1/room/check/answer", json=body, headers=self.headers, name="answer",
                                  catch_response=True) as r:
                if r.status_code != 200:
                    r.failure(f"{r.status_code}: {r.text[:120]}")
                    return
                self.check = r.json()["check"]
        entry = {"item": item, "skip": True} if body["answer"] == "skip" else {
            "item": item, "answer": body["answer"], "confidence": body["confidence"]}
        self.answers.append(entry)
        with _LOCK:
            ACKED[(self.code, self.player or "")] = list(self.answers)
            if self.check and self.check.get("state") == "finished":
                FINISHED.add((self.code, self.player or ""))
