"""Form file -> model, reporting every problem of a single value with its position.

Form files use the same safe YAML reading as scenarios (game.yamlsafe: no
tags, no aliases, size and depth limits) and the same finding codes for keys,
types and values (RF010-RF015, RF102). Checks that need the whole set of
forms (sizes, balance, twins, scenario text) are in game.checks.rules.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .. import yamlsafe
from ..diagnostics import Reporter
from ..loader import _Reader
from ..model import PLATFORMS
from ..taxonomy import load_taxonomy
from ..yamlsafe import LMap
from .model import ANSWERS, MAX_LINES, MIN_LINES, SPEAKERS, Form, Item, Line

FORM_NAME = re.compile(r"[A-Z][A-Z0-9_]{0,15}\Z")
ITEM_ID = re.compile(r"[a-z0-9_]+\Z")
TOP_KEYS = {"form", "items"}
ITEM_KEYS = {"id", "platform", "answer", "categories", "twin", "lines"}
LINE_KEYS = {"from", "text"}
# A form file is told from a scenario by a top-level `form:` key (scenarios start with `format:`).
_FORM_KEY = re.compile(rb"^form[ \t]*:", re.MULTILINE)


def is_form_file(path: Path) -> bool:
    """True when the file looks like a check form rather than a scenario (a top-level `form:` key)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(yamlsafe.MAX_BYTES + 1)
    except OSError:
        return False
    return bool(_FORM_KEY.search(head))


def _line(r: _Reader, raw: LMap, where: str) -> Line | None:
    r.keys(raw, LINE_KEYS, ("from", "text"), where)
    speaker = r.choice_of(raw, "from", SPEAKERS, None)
    text = r.text(raw, "text").strip()
    if not speaker or not text:
        return None
    return Line(speaker, text, raw.pos)


def _item(r: _Reader, raw: LMap, seen: dict[str, tuple[int, int]]) -> Item | None:
    item_id = r.text(raw, "id")
    where = f"item '{item_id}'" if item_id else "an item"
    r.keys(raw, ITEM_KEYS, ("id", "platform", "answer", "twin", "lines"), where)
    if item_id and not ITEM_ID.match(item_id):
        r.report.add("RF013", raw.where("id"), f"item id '{item_id}' must use only a-z, 0-9 and _")
        item_id = ""
    elif item_id in seen:
        r.report.add("RF014", raw.where("id"), f"item id '{item_id}' is used twice",
                     f"first at line {seen[item_id][0]}")
    elif item_id:
        seen[item_id] = raw.where("id")
    platform = r.choice_of(raw, "platform", PLATFORMS, None)
    answer = r.choice_of(raw, "answer", ANSWERS, None)
    categories = r.ids(raw, "categories", r.taxonomy.categories, "RF102", "red-flag category")
    if answer == "red_flag" and not categories and "categories" not in raw:
        r.report.add("RF011", raw.pos, f"{where} is a red flag and needs 'categories'",
                     "name at least one red-flag category")
    elif answer == "red_flag" and "categories" in raw and not r.items(raw, "categories"):
        r.report.add("RF013", raw.where("categories"), f"{where} is a red flag: 'categories' cannot be empty")
    elif answer == "safe" and r.items(raw, "categories"):
        r.report.add("RF013", raw.where("categories"), f"{where} is safe and cannot have red-flag categories",
                     "remove 'categories', or make the item 'answer: red_flag'")
        categories = ()
    twin = r.text(raw, "twin")
    lines = []
    raw_lines = r.items(raw, "lines")
    for i, line_raw in r.each_mapping(raw_lines, "chat line"):
        line = _line(r, line_raw, f"line {i + 1} of {where}")
        if line:
            lines.append(line)
    if "lines" in raw and isinstance(raw["lines"], list) and not MIN_LINES <= len(raw_lines) <= MAX_LINES:
        r.report.add("RF013", raw.where("lines"), f"{where} has {len(raw_lines)} chat lines",
                     f"an item shows {MIN_LINES} to {MAX_LINES} lines")
    if not (item_id and platform and answer and twin and lines):
        return None
    return Item(item_id, platform, answer, categories, twin, tuple(lines), raw.pos, raw.where("twin"))


def read_form(path: Path, report: Reporter) -> Form | None:
    """Load one form file; problems go to `report`. None when it cannot be read at all."""
    try:
        data_bytes = Path(path).read_bytes()
    except OSError as exc:
        report.add("RF001", None, f"cannot read the file: {exc.strerror or exc}")
        return None
    try:
        data = yamlsafe.load_bytes(data_bytes)
    except yamlsafe.YamlProblem as problem:
        report.add(problem.code, problem.pos, problem.message, problem.hint)
        return None
    if not isinstance(data, LMap):
        report.add("RF007", None, "the top level of a form file must be a mapping with 'form' and 'items'")
        return None
    r = _Reader(report, load_taxonomy(), Path(path).parent)
    r.keys(data, TOP_KEYS, ("form", "items"), "the form")
    name = r.text(data, "form").strip()
    if name and not FORM_NAME.match(name):
        report.add("RF013", data.where("form"),
                   f"form name '{name}' must be a capital letter, then capitals, digits or _", "like A or B")
        name = ""
    items: list[Item] = []
    seen: dict[str, tuple[int, int]] = {}
    for _, raw in r.each_mapping(r.items(data, "items"), "item"):
        item = _item(r, raw, seen)
        if item:
            items.append(item)
    if not name:
        return None
    return Form(name, tuple(items), Path(path), hashlib.sha256(data_bytes).hexdigest(), data.pos)
