"""The conversation engine: a pure state machine, commands in, events out.

A `Conversation` plays one scenario. Front ends call its commands (choose,
flag, unflag, wait, end_action, quit) and read its event log; it never draws,
sleeps or prints. Messages are queued when a node is entered and shown with
`deliver_next` (the window, one by one, after a typing pause) or
`deliver_all` (the terminal and scripts), so the same log comes out of every
front end. The whole state saves to JSON and restores to continue
identically. See docs/architecture.md for the event format.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from .expressions import State
from .model import Choice, Message, Node, Scenario
from .report_reasons import REASONS as _REASONS

END_ACTIONS = ("block", "report", "leave")
REPORT_REASONS = tuple(r.id for r in _REASONS)
STATE_VERSION = 1


class CommandError(Exception):
    """A command that cannot be carried out now; the state is unchanged."""


def start_event(scenario: Scenario, seed: int) -> dict:
    """Everything about the scenario that scoring needs, so the log stands alone."""
    cfg = scenario.scoring
    return {
        "type": "start", "scenario": scenario.id, "scenario_sha256": scenario.sha256, "seed": seed,
        "kind": scenario.kind, "title": scenario.title, "platform": scenario.platform,
        "scoring": {"exit_threshold": cfg.exit_threshold, "exit_grace": cfg.exit_grace,
                    "weights": {"detection": str(cfg.w_detection), "exit": str(cfg.w_exit),
                                "privacy": str(cfg.w_privacy)}},
        "profile": [{"id": item.item_id, "red_flags": list(item.red_flags), "severity": item.severity}
                    for item in scenario.stranger.profile],
    }


class Conversation:
    def __init__(self, scenario: Scenario, seed: int = 0, clock: Callable[[], float] = time.monotonic,
                 on_event: Callable[[dict], None] | None = None):
        self.scenario = scenario
        self.seed = int(seed)
        self.clock = clock
        self.on_event = on_event
        self._t0 = clock()
        self._offset = 0.0
        self.events: list[dict] = []
        self.node_id: str | None = None
        self.variables: dict[str, int | bool] = {}
        self.visited: list[str] = []
        self.used_once: list[list] = []       # [node_id, choice_index]
        self.pending: list[dict] = []         # deliveries queued, not shown yet
        self.numbers: dict[int, str] = {}     # delivery number -> item id
        self.delivered_ids: set[str] = set()
        self.flags: list[str] = []
        self.nudge_index = 0
        self.ended = False
        self.started = False

    # -- time and events -------------------------------------------------
    def elapsed(self) -> float:
        return round(self._offset + self.clock() - self._t0, 3)

    def _emit(self, event: dict) -> dict:
        event["t"] = self.elapsed()
        self.events.append(event)
        if self.on_event:
            self.on_event(event)
        return event

    # -- reading state ----------------------------------------------------
    @property
    def node(self) -> Node | None:
        return self.scenario.nodes.get(self.node_id) if self.node_id else None

    def _expr_state(self) -> State:
        return State(self.variables, set(self.visited))

    def _visible(self) -> list[tuple[int, Choice]]:
        node = self.node
        if node is None:
            return []
        state = self._expr_state()
        used = {tuple(x) for x in self.used_once}
        return [(i, c) for i, c in enumerate(node.choices)
                if not (c.once and (node.id, i) in used) and (c.condition is None or c.condition(state))]

    def choices(self) -> list[Choice]:
        """The choices the player sees now (none while messages are still arriving)."""
        if self.ended or self.pending or not self.started:
            return []
        return [c for _, c in self._visible()]

    def next_nudge(self) -> Message | None:
        """The idle nudge that `wait` would deliver now, if any."""
        node = self.node
        if self.ended or node is None or node.end or self.pending:
            return None
        state = self._expr_state()
        for message in node.idle_nudges[self.nudge_index:]:
            if message.condition is None or message.condition(state):
                return message
        return None

    def is_flagged(self, item_id: str) -> bool:
        return item_id in self.flags

    # -- commands -----------------------------------------------------------
    def start(self) -> None:
        if self.started:
            raise CommandError("the conversation has already started")
        self.started = True
        self._emit(start_event(self.scenario, self.seed))
        self._enter(self.scenario.start)

    def _require_open(self) -> None:
        if not self.started:
            raise CommandError("the conversation has not started")
        if self.ended:
            raise CommandError("the conversation is over")

    def _enter(self, node_id: str) -> None:
        node = self.scenario.nodes[node_id]
        self.node_id = node_id
        self.nudge_index = 0
        if node_id not in self.visited:
            self.visited.append(node_id)
        self._emit({"type": "enter", "node": node_id})
        state = self._expr_state()
        for message in node.messages:
            if message.condition is None or message.condition(state):
                self.pending.append(self._prepare(node_id, message, nudge=False))
        self._after_delivery()

    def _prepare(self, node_id: str, message: Message, nudge: bool) -> dict:
        texts = (message.text,) + message.variants
        text = texts[0]
        if message.variants:
            # a fresh RNG per delivery keeps save/restore trivial and runs reproducible
            rng = random.Random(f"{self.seed}/{len(self.numbers) + len(self.pending)}/{message.id}")
            text = texts[rng.randrange(len(texts))]
        entry = {"id": message.id, "node": node_id, "text": text,
                 "from": "system" if message.system else "stranger",
                 "red_flags": list(message.red_flags), "severity": message.severity, "nudge": nudge}
        if message.image:
            entry["image"] = message.image
        if message.link:
            entry["link"] = message.link
        return entry

    def _after_delivery(self) -> None:
        """Called whenever the queue may have emptied: offer choices or reach the ending."""
        if self.pending or self.ended:
            return
        node = self.node
        assert node is not None, "a started conversation is always at a node"
        if node.end is not None:
            self.ended = True
            self._emit({"type": "end", "how": "ending", "node": node.id, "outcome": node.end.outcome})
        else:
            visible = self._visible()
            self._emit({"type": "choices", "node": node.id,
                        "options": [{"index": i, "text": c.text} for i, c in visible]})

    def deliver_next(self) -> dict | None:
        """Show the next queued message; returns its event, or None if nothing is queued."""
        if self.ended or not self.pending:
            return None
        entry = self.pending.pop(0)
        number = len(self.numbers) + 1
        self.numbers[number] = entry["id"]
        self.delivered_ids.add(entry["id"])
        event = self._emit({"type": "deliver", "n": number, **entry})
        self._after_delivery()
        return event

    def deliver_all(self) -> list[dict]:
        delivered = []
        while self.pending and not self.ended:
            event = self.deliver_next()
            if event is not None:
                delivered.append(event)
        return delivered

    def choose(self, shown: int) -> dict:
        self._require_open()
        if self.pending:
            raise CommandError("wait until the messages have arrived")
        visible = self._visible()
        if not visible:
            raise CommandError("there is nothing to reply here; you can flag, block, report or leave")
        if not 1 <= shown <= len(visible):
            raise CommandError(f"no choice {shown} (choices are 1-{len(visible)})"
                               if len(visible) > 1 else f"no choice {shown} (the only choice is 1)")
        index, choice = visible[shown - 1]
        for name, amount in choice.add:
            self.variables[name] = int(self.variables.get(name, 0)) + amount
        for name, value in choice.set:
            self.variables[name] = value
        if choice.once:
            self.used_once.append([self.node_id, index])
        event = self._emit({"type": "choice", "node": self.node_id, "index": index, "shown": shown,
                            "text": choice.text, "next": choice.next, "discloses": list(choice.discloses),
                            "tells_adult": choice.tells_adult})
        self._enter(choice.next)
        return event

    def resolve_item(self, ref: str) -> str:
        """An item id from what the player typed: an id or a delivery number."""
        ref = str(ref).strip()
        if ref.isdigit():
            number = int(ref)
            if number not in self.numbers:
                raise CommandError(f"no message [{number}] yet")
            return self.numbers[number]
        item = self.scenario.items.get(ref)
        if item is None:
            raise CommandError(f"unknown message or profile item '{ref}'")
        if not ref.startswith("profile.") and ref not in self.delivered_ids:
            raise CommandError(f"message '{ref}' has not arrived yet")
        return ref

    def flag(self, ref: str) -> bool:
        """Flag an item; False if it was already flagged."""
        self._require_open()
        item_id = self.resolve_item(ref)
        if item_id in self.flags:
            return False
        self.flags.append(item_id)
        self._emit({"type": "flag", "id": item_id})
        return True

    def unflag(self, ref: str) -> bool:
        """Remove a flag; False if the item was not flagged."""
        self._require_open()
        item_id = self.resolve_item(ref)
        if item_id not in self.flags:
            return False
        self.flags.remove(item_id)
        self._emit({"type": "unflag", "id": item_id})
        return True

    def toggle_flag(self, ref: str) -> bool:
        """Flag or unflag; returns the new state."""
        item_id = self.resolve_item(ref)
        if item_id in self.flags:
            self.unflag(item_id)
            return False
        self.flag(item_id)
        return True

    def wait(self) -> bool:
        """Let time pass: queue the current node's next idle nudge. False if there is none."""
        self._require_open()
        message = self.next_nudge()
        if message is None:
            return False
        node = self.node
        assert node is not None, "next_nudge() found a nudge, so there is a node"
        self.nudge_index = node.idle_nudges.index(message) + 1
        self.pending.append(self._prepare(node.id, message, nudge=True))
        return True

    def end_action(self, how: str, reason: str | None = None) -> dict:
        """Block, report or leave. A report may say why (an id of game.report_reasons)."""
        self._require_open()
        if how not in END_ACTIONS:
            raise CommandError(f"'{how}' is not one of {', '.join(END_ACTIONS)}")
        if reason is not None:
            if how != "report":
                raise CommandError(f"only 'report' takes a reason, not '{how}'")
            if reason not in REPORT_REASONS:
                raise CommandError(f"unknown report reason '{reason[:40]}' (one of: {', '.join(REPORT_REASONS)})")
        return self._finish(how, reason)

    def quit(self) -> dict:
        self._require_open()
        return self._finish("quit")

    def _finish(self, how: str, reason: str | None = None) -> dict:
        self.pending.clear()
        self.ended = True
        event: dict = {"type": "end", "how": how}
        if reason is not None:
            event["reason"] = reason
        return self._emit(event)

    @property
    def end_event(self) -> dict | None:
        return self.events[-1] if self.ended else None

    # -- save and restore ---------------------------------------------------
    def to_json(self) -> dict:
        return {
            "version": STATE_VERSION, "scenario": self.scenario.id, "scenario_sha256": self.scenario.sha256,
            "seed": self.seed, "elapsed": self.elapsed(), "started": self.started, "ended": self.ended,
            "node": self.node_id, "variables": dict(self.variables), "visited": list(self.visited),
            "used_once": [list(x) for x in self.used_once], "pending": [dict(p) for p in self.pending],
            "numbers": {str(k): v for k, v in self.numbers.items()}, "flags": list(self.flags),
            "nudge_index": self.nudge_index, "events": [dict(e) for e in self.events],
        }

    @classmethod
    def from_json(cls, scenario: Scenario, data: dict, clock: Callable[[], float] = time.monotonic,
                  on_event: Callable[[dict], None] | None = None) -> Conversation:
        if data.get("version") != STATE_VERSION:
            raise ValueError(f"saved state version {data.get('version')!r} is not {STATE_VERSION}")
        if data.get("scenario_sha256") != scenario.sha256:
            raise ValueError(f"the saved game was made with another version of '{data.get('scenario')}'")
        conv = cls(scenario, data["seed"], clock=clock, on_event=on_event)
        conv._offset = float(data["elapsed"])
        conv.started, conv.ended = data["started"], data["ended"]
        conv.node_id = data["node"]
        conv.variables = dict(data["variables"])
        conv.visited = list(data["visited"])
        conv.used_once = [list(x) for x in data["used_once"]]
        conv.pending = [dict(p) for p in data["pending"]]
        conv.numbers = {int(k): v for k, v in data["numbers"].items()}
        conv.delivered_ids = set(conv.numbers.values())
        conv.flags = list(data["flags"])
        conv.nudge_index = int(data["nudge_index"])
        conv.events = [dict(e) for e in data["events"]]
        return conv
