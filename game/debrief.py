"""What the debrief says, for any front end (terminal, window, reports).

Turns a scenario, its event log and its result record into plain-language
parts: the score with what each part means, every red flag spotted or missed
with its explanation, false alarms explained kindly, what was shared, the
debrief sections that are true on the player's path, the discussion
questions and where to get help.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .expressions import State
from .model import DebriefSection, Ending, Message, ProfileItem, Scenario
from .taxonomy import (
    Category,
    DisclosureKind,
    HelpInfo,
    help_for,
    load_help,
    load_taxonomy,
)

SPOTTED, MISSED, FALSE_ALARM = "spotted", "missed", "false_alarm"


@dataclass(frozen=True)
class ScorePart:
    name: str
    value: Optional[float]
    meaning: str


@dataclass(frozen=True)
class ItemReview:
    id: str
    number: Optional[int]        # first delivery number; None for profile items
    text: str
    status: str                  # spotted | missed | false_alarm
    categories: tuple[Category, ...]
    why: str


@dataclass(frozen=True)
class Debrief:
    scenario: Scenario
    result: dict
    headline: str
    ending: Optional[Ending]
    parts: tuple[ScorePart, ...]
    items: tuple[ItemReview, ...]
    disclosed: tuple[DisclosureKind, ...]
    safe_person: bool
    summary: str
    questions: tuple[str, ...]
    help: HelpInfo = field(default_factory=load_help)
    sections: tuple[str, ...] = ()     # texts of the debrief sections true on this path, in file order

    @property
    def spotted(self):
        return [i for i in self.items if i.status == SPOTTED]

    @property
    def missed(self):
        return [i for i in self.items if i.status == MISSED]

    @property
    def false_alarms(self):
        return [i for i in self.items if i.status == FALSE_ALARM]


def _headline(scenario: Scenario, result: dict) -> str:
    name = scenario.stranger.name or "the other person"
    outcome = result["outcome"]
    if outcome == "quit":
        return "You stopped before the end. Nothing was scored."
    if scenario.benign:
        if outcome in ("blocked", "reported", "left"):
            return f"{name} was safe. Ending the chat was okay, but this one was a real friend."
        return f"{name} was safe, and you treated them like a friend."
    if outcome == "reported":
        return f"You reported and blocked {name}. That protects you and others."
    if outcome == "blocked":
        return f"You blocked {name}. You got out."
    if outcome == "left":
        return f"You left the chat with {name}."
    ending = result["ending"] or {}
    return {"safe": "You got out safely.", "neutral": "The chat ended, but it could have gone better.",
            "unsafe": "This ending was not safe. It is not your fault."}.get(ending.get("outcome"), "The chat ended.")


def _exit_meaning(scenario: Scenario, result: dict) -> str:
    outcome, late = result["outcome"], result["late"]
    if outcome == "quit":
        return "Not scored: the chat was not finished."
    if scenario.benign and outcome in ("blocked", "reported", "left"):
        return "This person was safe, so ending the chat only half counts: not everyone online is a threat."
    if outcome == "ending":
        return {"safe": "You reached a safe ending.",
                "neutral": "The chat ended with things left open: not the worst outcome, not the safest.",
                "unsafe": "The chat went where the other person wanted. In real life, this is the moment to tell someone."
                }[result["ending"]["outcome"]]
    if result["exit_point"] is None:
        return "You got out before the danger built up."
    if result["score"]["exit"] == 1.0:
        return "You got out as soon as the danger was clear."
    return f"You got out, but you sent {late} more {'reply' if late == 1 else 'replies'} after the danger was clear."


def final_state(scenario: Scenario, events: list[dict]) -> State:
    """Variables and visited nodes when the chat ended, replayed from the event log."""
    variables: dict[str, int | bool] = {}
    visited: set[str] = set()
    for event in events:
        if event["type"] == "enter":
            visited.add(event["node"])
        elif event["type"] == "choice":
            node = scenario.nodes.get(event["node"])
            if node is None or not 0 <= event["index"] < len(node.choices):
                continue
            choice = node.choices[event["index"]]
            for name, amount in choice.add:
                variables[name] = int(variables.get(name, 0)) + amount
            for name, value in choice.set:
                variables[name] = value
    return State(variables, visited)


def section_applies(section: DebriefSection, state: State, end_event: dict) -> bool:
    """True when the chat ended where the section says and its condition holds."""
    if section.endings:
        how = str(end_event.get("how", ""))
        where = str(end_event.get("node", "")) if how == "ending" else how
        if where not in section.endings:
            return False
    return section.condition is None or bool(section.condition(state))


def path_sections(scenario: Scenario, events: list[dict]) -> tuple[str, ...]:
    """The debrief sections that are true on the path these events record (none for an unfinished chat)."""
    end = events[-1] if events and events[-1]["type"] == "end" else None
    if end is None or end.get("how") == "quit" or not scenario.debrief.sections:
        return ()
    state = final_state(scenario, events)
    return tuple(s.text for s in scenario.debrief.sections if s.text and section_applies(s, state, end))


def build(scenario: Scenario, events: list[dict], result: dict) -> Debrief:
    taxonomy = load_taxonomy()
    numbers: dict[str, int] = {}
    texts: dict[str, str] = {}
    for event in events:
        if event["type"] == "deliver":
            numbers.setdefault(event["id"], event["n"])
            texts.setdefault(event["id"], event["text"])

    reviews = []
    for status, ids in ((SPOTTED, result["hits"]), (MISSED, result["misses"]), (FALSE_ALARM, result["false_alarms"])):
        for item_id in ids:
            item = scenario.items.get(item_id)
            categories = tuple(taxonomy.categories[c] for c in getattr(item, "red_flags", ()) if c in taxonomy.categories)
            if isinstance(item, ProfileItem):
                text = f"Profile - {item.label}: {item.text}"
            else:
                text = texts.get(item_id, item.text if isinstance(item, Message) else item_id)
            if status == FALSE_ALARM:
                what = "profile detail" if isinstance(item, ProfileItem) else "message"
                why = (f"This {what} was ordinary. Being careful is good; the skill is telling "
                       "manipulation apart from normal friendliness.")
            else:
                why = getattr(item, "why", "") or " ".join(c.why for c in categories[:1])
            reviews.append(ItemReview(item_id, numbers.get(item_id), text, status, categories, why))
    order = {item_id: i for i, item_id in enumerate(list(numbers) + [p.item_id for p in scenario.stranger.profile])}
    reviews.sort(key=lambda r: order.get(r.id, len(order)))

    score = result["score"]
    n_red = len(result["hits"]) + len(result["misses"])
    if n_red:
        spot = f"You flagged {len(result['hits'])} of {n_red} red flags."
    else:
        spot = "There were no red flags to find here."
    if result["false_alarms"]:
        count = len(result["false_alarms"])
        spot += f" {count} harmless {'message was' if count == 1 else 'messages were'} flagged too."
    disclosed = tuple(taxonomy.disclosures[k] for k in result["disclosures"] if k in taxonomy.disclosures)
    privacy = ("You kept your personal information to yourself." if not disclosed else
               "You shared: " + ", ".join(d.title.lower() for d in disclosed) + ".")
    parts = (ScorePart("Spotting", score["detection"], spot),
             ScorePart("Getting out", score["exit"], _exit_meaning(scenario, result)),
             ScorePart("Keeping your info", score["privacy"], privacy))
    ending = None
    if result["ending"]:
        node = scenario.nodes.get(result["ending"]["node"])
        ending = node.end if node else None
    return Debrief(scenario, result, _headline(scenario, result), ending, parts, tuple(reviews), disclosed,
                   scenario.benign, scenario.debrief.summary, scenario.debrief.discussion_questions,
                   help=help_for(scenario.language), sections=path_sections(scenario, events))
