"""The scenario model: what a loaded, checked scenario file holds.

Built by game.loader from YAML; read by the engine, the validator, the front
ends and the reports. Every part keeps `pos` (line, column) in its file so
that any later error can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from .expressions import Expression

Pos = tuple[int, int]

PLATFORMS = ("game_chat", "social_media", "dating_app")
#: where a node may move the chat (`platform:` on a node): the three apps, or a private messenger
#: with disappearing messages (the "somewhere private" step)
SWITCH_PLATFORMS = (*PLATFORMS, "messenger")
KINDS = ("grooming", "benign")
OUTCOMES = ("safe", "neutral", "unsafe")


@dataclass(frozen=True)
class Message:
    """A stranger-side item: a chat bubble, a system notice or an idle nudge."""

    id: str
    text: str
    pos: Pos
    variants: tuple[str, ...] = ()
    red_flags: tuple[str, ...] = ()
    severity: int = 0          # effective: authored, else highest category default, 0 without red flags
    why: str = ""
    delay: float | None = None
    condition: Expression | None = None
    image: str = ""
    link: str = ""
    preview_title: str = ""      # link preview card (`preview: {title, text}`); "" = a plain link
    preview_text: str = ""
    system: bool = False
    after: float | None = None   # idle nudges only: seconds without input

    @property
    def is_red_flag(self) -> bool:
        return bool(self.red_flags)


@dataclass(frozen=True)
class Choice:
    text: str
    next: str
    pos: Pos
    discloses: tuple[str, ...] = ()
    add: tuple[tuple[str, int], ...] = ()
    set: tuple[tuple[str, int | bool], ...] = ()
    condition: Expression | None = None
    once: bool = False
    tells_adult: bool = False


@dataclass(frozen=True)
class Ending:
    outcome: str
    title: str
    text: str
    pos: Pos


@dataclass(frozen=True)
class Node:
    id: str
    pos: Pos
    messages: tuple[Message, ...] = ()
    choices: tuple[Choice, ...] = ()
    end: Ending | None = None
    idle_nudges: tuple[Message, ...] = ()
    platform: str = ""           # entering this node moves the chat to that app ("" = stays where it is)


@dataclass(frozen=True)
class ProfileItem:
    id: str                    # as authored ("joined"); the flaggable item id is `item_id`
    label: str
    text: str
    pos: Pos
    red_flags: tuple[str, ...] = ()
    severity: int = 0
    why: str = ""
    image: str = ""            # optional picture shown with the item (a profile photo), like a message's
    image_pos: Pos = (1, 1)

    @property
    def item_id(self) -> str:
        return f"profile.{self.id}"


@dataclass(frozen=True)
class Stranger:
    name: str
    claimed_age: int | None = None
    avatar: str = ""
    profile: tuple[ProfileItem, ...] = ()
    avatar_pos: Pos = (1, 1)


@dataclass(frozen=True)
class Player:
    name: str = "You"
    context: str = ""


@dataclass(frozen=True)
class DebriefSection:
    """Debrief text shown only when it is true on the player's path (scenarios/README.md)."""

    text: str
    pos: Pos
    condition: Expression | None = None    # evaluated on the state at the end of the chat
    endings: tuple[str, ...] = ()             # ending node ids and/or block, report, leave; empty = any


@dataclass(frozen=True)
class Debrief:
    summary: str = ""
    discussion_questions: tuple[str, ...] = ()
    facilitator_notes: str = ""
    sections: tuple[DebriefSection, ...] = ()


@dataclass(frozen=True)
class ScoringConfig:
    exit_threshold: int = 3
    exit_grace: int = 0
    w_detection: Fraction = Fraction(2, 5)
    w_exit: Fraction = Fraction(2, 5)
    w_privacy: Fraction = Fraction(1, 5)


@dataclass(frozen=True)
class Scenario:
    path: Path
    sha256: str
    id: str
    title: str
    platform: str
    start: str
    nodes: dict[str, Node]
    stranger: Stranger
    kind: str = "grooming"
    language: str = "en"
    audience: str = ""
    difficulty: int = 1
    summary: str = ""
    content_notes: tuple[str, ...] = ()
    learning_goals: tuple[str, ...] = ()
    player: Player = Player()
    debrief: Debrief = Debrief()
    scoring: ScoringConfig = ScoringConfig()
    clock: str = ""            # "HH:MM": the time of day the chat starts in the story; "" = the real time
    message_request: bool = False   # the stranger's first DM arrives as a request to accept or decline
    items: dict[str, Message | ProfileItem] = field(default_factory=dict, compare=False)

    def __post_init__(self):
        if not self.items:
            for node in self.nodes.values():
                for message in node.messages + node.idle_nudges:
                    self.items[message.id] = message
            for item in self.stranger.profile:
                self.items[item.item_id] = item

    @property
    def benign(self) -> bool:
        return self.kind == "benign"
