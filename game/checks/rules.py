"""Checks over a whole set of forms (prepost.md, "Items and forms").

Each form has 16 items, 8 `red_flag` and 8 `safe`; every item has a twin in
another form with the same answer, platform and (for red flags) first
category, and the twin names it back; item ids are unique across all forms;
the red-flag items of a form cover at least 8 categories; and no line of an
item is text that a scenario shows, so the check measures transfer to fresh
material rather than memory of a chat.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from ..diagnostics import Reporter
from ..model import Scenario
from .model import ITEMS_PER_FORM, MIN_CATEGORIES, Form, Item

# Short lines ("ok", "lol same", "wait why") are what everybody types: they
# may equal a scenario's text. From 12 characters a line must not equal one,
# and from 20 it must not be part of one either.
MIN_EQUAL_CHARS = 12
MIN_CONTAINED_CHARS = 20


def normalise(text: str) -> str:
    """Text compared without regard to case, spacing or punctuation at the ends."""
    return " ".join(re.sub(r"[^\w']+", " ", text.casefold()).split())


def scenario_texts(scenarios: Iterable[Scenario]) -> dict[str, str]:
    """Every text a scenario shows (messages, variants, nudges, choices, profile), normalised -> scenario id."""
    out: dict[str, str] = {}
    for scenario in scenarios:
        texts = [item.text for item in scenario.stranger.profile]
        for node in scenario.nodes.values():
            for message in node.messages + node.idle_nudges:
                texts.append(message.text)
                texts.extend(message.variants)
            texts.extend(choice.text for choice in node.choices)
        for text in texts:
            key = normalise(text)
            if key:
                out.setdefault(key, scenario.id)
    return out


def _found_in(line: str, texts: dict[str, str], joined: str) -> str | None:
    key = normalise(line)
    if len(key) < MIN_EQUAL_CHARS:
        return None
    if key in texts:
        return texts[key]
    if len(key) >= MIN_CONTAINED_CHARS and key in joined:
        for text, scenario_id in texts.items():
            if key in text:
                return scenario_id
    return None


def check_forms(checked: list[tuple[Form, Reporter]], context: Iterable[Form] = (),
                scenarios: Iterable[Scenario] = (), broken: bool = False) -> None:
    """Whole-set checks for the `checked` forms; `context` forms (not reported on) supply twins.

    `broken`: some form being checked has errors of its own and is missing
    items, so a twin that cannot be found is not reported until it is fixed.
    """
    everything = [form for form, _ in checked] + [f for f in context if f.name not in {g.name for g, _ in checked}]
    first_file: dict[str, str] = {}
    owner: dict[str, tuple[Form, Item]] = {}   # item id -> (form, item), first seen
    for form in everything:
        for item in form.items:
            owner.setdefault(item.id, (form, item))
    texts = scenario_texts(scenarios)
    joined = "\n".join(texts)

    for form, report in checked:
        if form.name in first_file:
            report.add("RF127", form.pos, f"form '{form.name}' is also defined by {first_file[form.name]}",
                       "give each form its own name")
        else:
            first_file[form.name] = str(form.path)

        signal = [i for i in form.items if i.is_signal]
        if len(form.items) != ITEMS_PER_FORM:
            report.add("RF120", form.pos, f"form '{form.name}' has {len(form.items)} items",
                       f"a form has {ITEMS_PER_FORM}")
        if len(signal) != ITEMS_PER_FORM // 2 or len(form.items) - len(signal) != ITEMS_PER_FORM // 2:
            report.add("RF121", form.pos, f"form '{form.name}' has {len(signal)} red_flag and "
                       f"{len(form.items) - len(signal)} safe items", f"a form has {ITEMS_PER_FORM // 2} of each")
        covered = {c for i in signal for c in i.categories}
        if len(covered) < MIN_CATEGORIES:
            report.add("RF124", form.pos, f"the red_flag items of form '{form.name}' cover {len(covered)} "
                       f"categor{'y' if len(covered) == 1 else 'ies'}", f"cover at least {MIN_CATEGORIES}")

        for item in form.items:
            first_form, _ = owner[item.id]
            if first_form is not form:
                report.add("RF126", item.pos, f"item id '{item.id}' is also used in form '{first_form.name}'",
                           "item ids are unique across all forms")
            twin_entry = owner.get(item.twin)
            if twin_entry is None and broken:
                pass
            elif twin_entry is None or twin_entry[0] is form:
                # the best guess is the item of another form that names this one as its twin
                others = [i.id for f in everything if f is not form for i in f.items]
                close = [i.id for f in everything if f is not form for i in f.items if i.twin == item.id][:1] \
                    or difflib.get_close_matches(item.twin, others, n=1)
                where = "in this form" if twin_entry else "in another form"
                report.add("RF122", item.twin_pos, f"twin '{item.twin}' of item '{item.id}' is no item {where}",
                           f"did you mean '{close[0]}'?" if close else "name the matched item of the other form")
            else:
                twin_form, twin = twin_entry
                problems = []
                if twin.answer != item.answer:
                    problems.append(f"answer {item.answer} vs {twin.answer}")
                if twin.platform != item.platform:
                    problems.append(f"platform {item.platform} vs {twin.platform}")
                if item.categories and twin.categories and item.categories[0] != twin.categories[0]:
                    problems.append(f"first category {item.categories[0]} vs {twin.categories[0]}")
                if twin.twin != item.id:
                    problems.append(f"its twin names '{twin.twin}', not '{item.id}'")
                if problems:
                    report.add("RF123", item.twin_pos, f"item '{item.id}' and its twin '{twin.id}' "
                               f"(form {twin_form.name}) do not match: " + "; ".join(problems))

            for line in item.lines:
                scenario_id = _found_in(line.text, texts, joined)
                if scenario_id:
                    report.add("RF125", line.pos, f"line of item '{item.id}' is text of scenario '{scenario_id}'",
                               "write fresh text: the check measures what carries over to new chats")
