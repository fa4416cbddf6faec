"""What the debrief says, for any front end (terminal, window, reports).

Turns a scenario, its event log and its result record into plain-language
parts: the score with what each part means, every red flag spotted or missed
with its explanation, false alarms explained kindly, what was shared, the
debrief sections that are true on the player's path, the discussion
questions and where to get help. After an unsafe ending it also gives the
first steps to take ("what to do now"), which every front end shows first,
before the score; a report's reason is given back in the player's words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from math import floor

from .expressions import State
from .model import DebriefSection, Ending, Message, ProfileItem, Scenario
from .report_reasons import label
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
    value: float | None
    meaning: str


@dataclass(frozen=True)
class ItemReview:
    id: str
    number: int | None        # first delivery number; None for profile items
    text: str
    status: str                  # spotted | missed | false_alarm
    categories: tuple[Category, ...]
    why: str


@dataclass(frozen=True)
class Debrief:
    scenario: Scenario
    result: dict
    headline: str
    ending: Ending | None
    parts: tuple[ScorePart, ...]
    items: tuple[ItemReview, ...]
    disclosed: tuple[DisclosureKind, ...]
    safe_person: bool
    summary: str
    questions: tuple[str, ...]
    help: HelpInfo = field(default_factory=load_help)
    sections: tuple[str, ...] = ()     # texts of the debrief sections true on this path, in file order
    first_steps: tuple[str, ...] = ()  # "what to do now", after an unsafe ending (else empty)
    report_reason: str = ""            # what the player said happened when they reported ('' = none given)

    @property
    def help_first(self) -> bool:
        """After an unsafe ending the page leads with what happened, what to do and where to get help;
        the score comes later, in small."""
        return bool(self.first_steps)

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
        if outcome in ("blocked", "reported"):
            return f"{name} was safe: you {outcome} a real friend."
        if outcome == "left":
            return f"{name} was safe. Leaving was okay, but this one was a real friend."
        return f"{name} was safe, and you treated them like a friend."
    if outcome == "reported":
        return f"You reported and blocked {name}. That protects you and others."
    if outcome == "blocked":
        return f"You blocked {name}. You got out."
    if outcome == "left":
        return f"You left the chat with {name}."
    ending = result["ending"] or {}
    return {"safe": "You got out safely.", "neutral": "The chat ended, but it could have gone better.",
            "unsafe": "This ending was not safe. It is not your fault."}.get(str(ending.get("outcome")),
                                                                             "The chat ended.")


#: what to do now, shown first after an unsafe ending (the help resources follow)
FIRST_STEPS = (
    "Tell an adult you trust, today: a parent, a teacher or a school counsellor.",
    "Keep the evidence: screenshots of the chat and their username. Then block them.",
    "Report them on the app, and to one of the services below.",
)

def page_words(help_first: bool) -> dict[str, str]:
    """The debrief page's headings and fixed lines, for every front end that lays the page out."""
    return {"what_to_do": "What to do now", "get_help": "Where to get help", "get_help_button": "Get help",
            "scored": "How this chat scored" if help_first else "Your score, part by part",
            # after an unsafe ending "what to do now" has just said to tell an adult: say it once
            "contact": ("You can also contact one of these:" if help_first else
                        "Tell an adult you trust: a parent, a teacher, a school counsellor. Or contact one of these:"),
            "score": "Score: {total} / 100", "going_on": "What was really going on", "was_safe": "{name} was safe",
            "shared": "What you shared", "nothing_shared": "Nothing personal. You kept your details to yourself.",
            "talk": "Talk about it", "talk_intro": "With your class, a friend or an adult you trust:"}


def replay_words() -> dict[str, str]:
    """The replay's words: its heading, the status badges, the replies not picked and "try again from here"."""
    return {"others": "Replies you didn't pick:", "retry": "Try again from here",
            "title": "The chat, with the red flags marked", "title_safe": "The chat, replayed",
            "you": "You", "shared": "You shared: {kinds}", "adult": "You brought in an adult you trust",
            "picture": "[picture]", "link": "[link: {link}]", "message": "Message {n}",
            "spotted": "Spotted", "missed": "Missed", "false_alarm": "Flagged, but harmless",
            "spotted_title": "Red flags you spotted", "missed_title": "Red flags you missed",
            "false_alarm_title": "Flagged, but harmless",
            "profile": "{name}'s profile", "messages": "The messages",
            "none_flagged": "You didn't flag anything, and there was nothing to flag.",
            "none_shown": "No red flags were shown before the chat ended."}


def tally(d: Debrief) -> tuple[tuple[str, int], ...]:
    """The replay's tally, ``(status, count)`` for spotted, missed and false_alarm, in that order.

    For a manipulator spotted and missed are counted even at zero ("Missed × 0" is good news),
    except after an unsafe ending: there a "Spotted × 0" would only rub it in, so counts of
    nothing are left out. Harmless messages flagged, and everything for a safe person, are
    counted only when there were some. Every front end's tally follows this one rule.
    """
    counts = ((SPOTTED, len(d.spotted)), (MISSED, len(d.missed)), (FALSE_ALARM, len(d.false_alarms)))
    return tuple((status, n) for status, n in counts
                 if n or not (d.safe_person or d.help_first or status == FALSE_ALARM))


def map_words() -> dict[str, str]:
    """The branch map's heading and key."""
    return {"title": "The chat's branches",
            "intro": ("Each circle is a moment in the chat, each square an ending. Your path is the thick line, "
                      "numbered in the order you went; thin lines are where other replies lead."),
            "start": "Start", "you_left": "You got out here", "reached": "Your ending",
            # the browser's picture: endings labelled by kind, and its text alternative (the path as a list)
            "safe": "Safe", "neutral": "Neutral", "unsafe": "Unsafe",
            "label": ("The chat's branches: {moments} moments and {endings} endings. Your path is numbered "
                      "1 to {steps}; the list below goes through it."),
            "path_title": "Your path, step by step",
            "said": "{name}: “{text}”", "replied": "You replied: “{text}”",
            "ending": "{kind}: {title}", "other_replies": "{n} other replies led elsewhere.",
            "one_other_reply": "1 other reply led elsewhere.",
            "scroll": "The map is wider than your screen: scroll it sideways."}


REPORT_NOTE = "You reported: {reason}. Saying what happened helps the safety team act faster."


def first_steps(result: dict) -> tuple[str, ...]:
    """The "what to do now" steps: after an unsafe ending, else none."""
    ending = result.get("ending") or {}
    return FIRST_STEPS if result.get("outcome") == "ending" and ending.get("outcome") == "unsafe" else ()


def report_reason(events: list[dict]) -> str:
    """The label of the reason given with a report ('' when the chat was not reported or no reason was given)."""
    end = events[-1] if events and events[-1].get("type") == "end" else {}
    return label(end.get("reason")) if end.get("how") == "report" else ""


UNJUSTIFIED_EXIT = ("Leaving was right, and leaving is always OK in real life. Next time, flag the warning "
                    "sign that told you to leave: that shows you spotted it, and getting out counts in full. "
                    "This time it counts half.")


def _exit_meaning(scenario: Scenario, result: dict) -> str:
    outcome, late = result["outcome"], result["late"]
    if outcome == "quit":
        return "Not scored: the chat was not finished."
    if scenario.benign and outcome in ("blocked", "reported"):
        return ("This person was safe, so blocking shut out a real friend: getting out counts a quarter "
                "(leaving counts half). Not everyone online is a threat; below is what showed this one was safe.")
    if scenario.benign and outcome == "left":
        return "This person was safe, so leaving only half counts: not everyone online is a threat."
    if outcome == "ending":
        return {"safe": "You reached a safe ending.",
                "neutral": "The chat ended with things left open: not the worst outcome, not the safest.",
                "unsafe": "The chat went where the other person wanted."
                }[result["ending"]["outcome"]]
    if result["exit_point"] is None or late <= 0:
        how = ("You got out before the danger built up." if result["exit_point"] is None
               else "You got out as soon as the danger was clear.")
    else:
        how = (f"You got out, but you sent {late} more {'reply' if late == 1 else 'replies'} "
               "after the danger was clear.")
    if result.get("exit_justified") is False:
        return f"{how} {UNJUSTIFIED_EXIT}"
    return how


def _percent(share: Fraction) -> str:
    return f"{floor(share * 100 + Fraction(1, 2))}%"       # half up, like the total


def _spotting_meaning(scenario: Scenario, result: dict) -> str:
    """scoring.md's words: 'you flagged 4 of 5 warning signs (80%) and 1 of 10 normal messages (10%): ...'."""
    sig = result.get("signal") or {}
    hits, signal = int(sig.get("hits", 0)), int(sig.get("signal_items", 0))
    fas, noise = int(sig.get("false_alarms", 0)), int(sig.get("noise_items", 0))
    spotting = f"{round(result['score']['detection'] * 100)}%"    # as the front ends show the part
    normal = (f"{fas} of {noise} normal {'message' if noise == 1 else 'messages'} ({_percent(Fraction(fas, noise))})"
              if noise else "no normal messages")
    if signal:
        return (f"You flagged {hits} of {signal} warning {'sign' if signal == 1 else 'signs'} "
                f"({_percent(Fraction(hits, signal))}) and {normal}: spotting {spotting}.")
    if scenario.benign:
        return f"There were no warning signs here. You flagged {normal}: spotting {spotting}."
    return (f"The chat ended before any warning sign showed up, so there was nothing to spot yet. "
            f"You flagged {normal}: spotting {spotting}.")


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


def build(scenario: Scenario, events: list[dict], result: dict, country: str | None = None) -> Debrief:
    """The debrief of one played session; `country` is the player's help-country setting (None: automatic)."""
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
            categories = tuple(taxonomy.categories[c] for c in getattr(item, "red_flags",
                                                                       ()) if c in taxonomy.categories)
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
    spot = _spotting_meaning(scenario, result) if score["detection"] is not None else ""
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
                   help=help_for(scenario.language, country), sections=path_sections(scenario, events),
                   first_steps=first_steps(result), report_reason=report_reason(events))
