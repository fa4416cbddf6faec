"""Scenario file -> model, reporting every structural problem with its position.

The loader checks what one value at a time can tell: keys, types, allowed
values, ids, red-flag and disclosure ids, expression syntax and asset paths.
Whole-scenario checks (references, reachability, warnings) are in
game.validator, whose `load_scenario` raises ScenarioError when a file has errors,
so the engine only ever sees a scenario that loaded cleanly.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import stat
from fractions import Fraction
from pathlib import Path, PurePosixPath
from typing import Any

from . import paths, yamlsafe
from .diagnostics import Diagnostic, Reporter
from .expressions import ExpressionError
from .expressions import parse as parse_expression
from .model import (
    KINDS,
    OUTCOMES,
    PLATFORMS,
    SWITCH_PLATFORMS,
    Choice,
    Debrief,
    DebriefSection,
    Ending,
    Message,
    Node,
    Player,
    ProfileItem,
    Scenario,
    ScoringConfig,
    Stranger,
)
from .taxonomy import Taxonomy, load_taxonomy
from .yamlsafe import LList, LMap

SCENARIO_ID = re.compile(r"[a-z0-9-]+\Z")
NODE_ID = re.compile(r"[a-z0-9_]+\Z")
ITEM_ID = re.compile(r"[a-z0-9_]+\Z")
MESSAGE_ID = re.compile(r"[a-z0-9_][a-z0-9_.-]*\Z")
VARIABLE = re.compile(r"[a-z_][a-z0-9_]*\Z")
LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*\Z")

TOP_KEYS = {"format", "id", "title", "platform", "kind", "language", "audience", "difficulty", "summary",
            "content_notes", "learning_goals", "stranger", "player", "start", "nodes", "debrief", "scoring",
            "clock", "message_request"}
STRANGER_KEYS = {"name", "claimed_age", "avatar", "profile"}
PROFILE_KEYS = {"id", "label", "text", "red_flags", "severity", "why", "image"}
PLAYER_KEYS = {"name", "context"}
NODE_KEYS = {"messages", "choices", "idle_nudges", "end", "platform"}
MESSAGE_KEYS = {"text", "id", "red_flags", "severity", "why", "delay", "if", "variants", "image", "link", "from",
                "preview"}
PREVIEW_KEYS = {"title", "text"}
NUDGE_KEYS = MESSAGE_KEYS | {"after"}
CHOICE_KEYS = {"text", "next", "discloses", "add", "set", "if", "once", "tells_adult"}
END_KEYS = {"outcome", "title", "text"}
DEBRIEF_KEYS = {"summary", "discussion_questions", "facilitator_notes", "sections"}
SECTION_KEYS = {"text", "if", "endings"}
SCORING_KEYS = {"exit_threshold", "exit_grace", "weights"}
WEIGHT_KEYS = {"detection", "exit", "privacy"}

_MISSING = object()


class ScenarioError(Exception):
    """A scenario that cannot be played; `diagnostics` says why."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        errors = [d for d in diagnostics if d.severity == "error"] or diagnostics
        super().__init__("\n".join(d.format() for d in errors[:20]))


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    return {int: "a number", float: "a number", str: "text", LMap: "a mapping", LList: "a list",
            type(None): "nothing"}.get(type(value), type(value).__name__)


class _Reader:
    """Typed access to located YAML values; each problem becomes one finding."""

    def __init__(self, report: Reporter, taxonomy: Taxonomy, scenario_dir: Path):
        self.report = report
        self.taxonomy = taxonomy
        self.scenario_dir = scenario_dir
        self.expressions: list[tuple[Any, tuple[int, int]]] = []

    def keys(self, mapping: LMap, allowed: set[str], required: tuple[str, ...], where: str) -> None:
        for key in mapping:
            if key not in allowed:
                close = difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=0.6)
                hint = f"did you mean '{close[0]}'?" if close else "allowed: " + ", ".join(sorted(allowed))
                self.report.add("RF010", mapping.key_pos.get(key), f"unknown key '{key}' in {where}", hint)
        for key in required:
            if key not in mapping:
                self.report.add("RF011", mapping.pos, f"{where} needs '{key}'")
            elif mapping[key] is None or mapping[key] == "":   # `next:` with nothing after it
                self.report.add("RF011", mapping.key_pos.get(key), f"'{key}' in {where} is empty")

    def value(self, mapping: LMap, key: str, kinds: tuple[type, ...], what: str, default=None):
        value = mapping.get(key, _MISSING)
        if value is _MISSING or value is None and default is not None:
            return default
        ok = isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds)
        if not ok:
            hint = ""
            if isinstance(value, bool) and str in kinds:
                hint = "YAML reads a bare yes/no/on/off/true/false as true/false; put the text in quotes, like \"no\""
            self.report.add("RF012", mapping.where(key), f"'{key}' must be {what}, not {_type_name(value)}", hint)
            return default
        return value

    def text(self, mapping: LMap, key: str, default: str = "") -> str:
        value = self.value(mapping, key, (str, int, float), "text", default)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        return value if isinstance(value, str) else default

    def integer(self, mapping: LMap, key: str, low: int, high: int, default=None):
        value = self.value(mapping, key, (int,), "a whole number", default)
        if isinstance(value, int) and not isinstance(value, bool) and not low <= value <= high:
            self.report.add("RF013", mapping.where(key), f"'{key}' must be between {low} and {high}, not {value}")
            return default
        return value

    def number(self, mapping: LMap, key: str, default=None):
        value = self.value(mapping, key, (int, float), "a number of seconds", default)
        if isinstance(value, (int, float)) and value is not None and value < 0:
            self.report.add("RF013", mapping.where(key), f"'{key}' cannot be negative")
            return default
        return float(value) if value is not None else None

    def flag(self, mapping: LMap, key: str) -> bool:
        return bool(self.value(mapping, key, (bool,), "true or false", False))

    def choice_of(self, mapping: LMap, key: str, allowed: tuple[str, ...], default: str | None) -> str | None:
        value = self.text(mapping, key, default or "")
        if key in mapping and value and value not in allowed:
            close = difflib.get_close_matches(value, allowed, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "one of: " + ", ".join(allowed)
            self.report.add("RF013", mapping.where(key), f"'{key}' cannot be '{value}'", hint)
            return default
        return value or default

    def mapping(self, mapping: LMap, key: str) -> LMap | None:
        return self.value(mapping, key, (LMap,), "a mapping", None)

    def items(self, mapping: LMap, key: str) -> LList:
        return self.value(mapping, key, (LList,), "a list", LList())

    def texts(self, mapping: LMap, key: str) -> tuple[str, ...]:
        out = []
        values = self.items(mapping, key)
        for i, value in enumerate(values):
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                out.append(str(value))
            else:
                hint = "put it in quotes" if isinstance(value, bool) else ""
                if isinstance(value, LMap):
                    hint = "a ': ' inside the text makes it a mapping; put the text in quotes"
                self.report.add("RF012", values.where(i), f"each entry of '{key}' must be text", hint)
        return tuple(out)

    def ids(self, mapping: LMap, key: str, known: dict, code: str, what: str) -> tuple[str, ...]:
        out = []
        values = self.items(mapping, key)
        for i, value in enumerate(values):
            if not isinstance(value, str):
                self.report.add("RF012", values.where(i), f"each entry of '{key}' must be a {what} id")
            elif value not in known:
                close = difflib.get_close_matches(value, list(known), n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"see game/data/taxonomy.yaml for the {what} ids"
                self.report.add(code, values.where(i), f"unknown {what} '{value}'", hint)
            else:
                out.append(value)
        return tuple(out)

    def expression(self, mapping: LMap, key: str = "if"):
        source = mapping.get(key, _MISSING)
        if source is _MISSING:
            return None
        if isinstance(source, bool):
            source = "true" if source else "false"
        if not isinstance(source, (str, int)):
            self.report.add("RF012", mapping.where(key), f"'{key}' must be a condition like \"trust >= 1\"")
            return None
        line, col = mapping.where(key)
        try:
            expression = parse_expression(str(source))
        except ExpressionError as exc:
            self.report.add("RF104", (line, col),
                            f"bad condition {str(source)!r}: {exc} (at character {exc.offset + 1})")
            return None
        self.expressions.append((expression, (line, col)))
        return expression

    def asset(self, mapping: LMap, key: str) -> str:
        value = self.text(mapping, key)
        if value and not safe_asset_path(value):
            self.report.add("RF107", mapping.where(key), f"'{key}' path {value!r} leaves the scenario folder",
                            "use a relative path inside the scenario's folder or assets/, without '..'")
            return ""
        return value

    def each_mapping(self, values: LList, where: str):
        for i, value in enumerate(values):
            if isinstance(value, LMap):
                yield i, value
            else:
                self.report.add("RF012", values.where(i), f"each {where} must be a mapping, not {_type_name(value)}")


def safe_asset_path(value: str) -> bool:
    """Relative, forward or back slashes, and never climbing out with '..'."""
    if not value or "\x00" in value:
        return False
    normal = value.replace("\\", "/")
    if normal.startswith("/") or re.match(r"[A-Za-z]:", normal) or normal.startswith("~"):
        return False
    return ".." not in PurePosixPath(normal).parts


def _inside(path: Path, base: Path) -> bool:
    """Whether ``path``, with every symbolic link followed, is inside ``base`` (links followed too)."""
    try:
        path.resolve(strict=True).relative_to(base.resolve())
    except (OSError, ValueError, RuntimeError):   # RuntimeError: a symbolic link loop
        return False
    return True


def locate_asset(scenario_dir: Path, value: str) -> tuple[Path | None, str]:
    """Where an asset path leads: ``(file, "")``, or ``(None, why)`` with why ``"missing"``,
    ``"escapes"`` (a symbolic link on the way leads out of its folder) or ``"unsafe"``."""
    if not safe_asset_path(value):
        return None, "unsafe"
    relative = value.replace("\\", "/")
    for base in (scenario_dir, paths.ASSETS_DIR):
        candidate = base / relative
        try:
            if not (candidate.is_file() or candidate.is_symlink()):
                continue
        except OSError:  # a name too long for the file system, for example: no such file
            continue
        # resolve before the containment check: `images/x.png` may be, or pass through, a link
        if not _inside(candidate, base):
            return None, "escapes"
        if candidate.is_file():
            return candidate, ""
    return None, "missing"


def resolve_asset(scenario_dir: Path, value: str, *, check_picture: bool = True) -> Path | None:
    """The file an asset path names: beside the scenario first, then in assets/.

    None when there is no such file, when the path (through a symbolic link) leads out of its
    folder, or (``check_picture``) when the picture's header says it must not be decoded
    (game.pictures), so every front end shows its placeholder instead.
    """
    from . import pictures

    found, _ = locate_asset(scenario_dir, value)
    if found is None or (check_picture and pictures.problem(found)):
        return None
    return found


def _message(r: _Reader, raw: LMap, default_id: str, nudge: bool) -> Message | None:
    r.keys(raw, NUDGE_KEYS if nudge else MESSAGE_KEYS, ("text", "after") if nudge else ("text",),
           "an idle nudge" if nudge else "a message")
    message_id = r.text(raw, "id", default_id)
    if "id" in raw and not MESSAGE_ID.match(message_id) or message_id.startswith("profile."):
        r.report.add("RF013", raw.where("id"), f"message id '{message_id}' must use a-z, 0-9, '_', '-' or '.' "
                     "and not start with 'profile.'")
    red_flags = r.ids(raw, "red_flags", r.taxonomy.categories, "RF102", "red-flag category")
    severity = r.integer(raw, "severity", 1, 3)
    effective = (severity or r.taxonomy.severity_of(red_flags)) if red_flags else 0
    sender = r.choice_of(raw, "from", ("stranger", "system"), "stranger")
    link = r.text(raw, "link")
    preview_title = preview_text = ""
    preview = r.mapping(raw, "preview")
    if preview is not None:
        r.keys(preview, PREVIEW_KEYS, ("title",), "a link preview")
        preview_title, preview_text = r.text(preview, "title"), r.text(preview, "text")
        if not link:
            r.report.add("RF013", raw.where("preview"), "a link preview needs a 'link' on the same message",
                         "add link: site.example/page, or remove the preview")
    return Message(
        id=message_id, text=r.text(raw, "text"), pos=raw.pos, variants=r.texts(raw, "variants"),
        red_flags=red_flags, severity=effective, why=r.text(raw, "why"), delay=r.number(raw, "delay"),
        condition=r.expression(raw), image=r.asset(raw, "image"), link=link,
        preview_title=preview_title, preview_text=preview_text, system=sender == "system",
        after=r.number(raw, "after") if nudge else None)


def _assignments(r: _Reader, raw: LMap, key: str, allow_bool: bool) -> tuple:
    values = r.mapping(raw, key)
    out: list = []
    if values is None:
        return tuple(out)
    for name, value in values.items():
        if not VARIABLE.match(name):
            r.report.add("RF013", values.key_pos.get(name), f"'{name}' is not a variable name",
                         "use lower case letters, digits and _, starting with a letter")
        elif isinstance(value, bool) and not allow_bool:
            r.report.add("RF012", values.where(name), f"'{key}' adds whole numbers; use 'set' for true/false")
        elif not isinstance(value, int):
            r.report.add("RF012", values.where(name), f"'{name}' must be a whole number" +
                         (" or true/false" if allow_bool else ""))
        else:
            out.append((name, value))
    return tuple(out)


def _debrief_sections(r: _Reader, values: LList) -> tuple[DebriefSection, ...]:
    """`debrief.sections`: text shown only on the paths it is true for (names checked by the validator)."""
    sections = []
    for _, raw in r.each_mapping(values, "debrief section"):
        r.keys(raw, SECTION_KEYS, ("text",), "a debrief section")
        pos = raw.where("endings") if "endings" in raw else raw.pos   # where an ending name is checked
        sections.append(DebriefSection(r.text(raw, "text"), pos, r.expression(raw),
                                       tuple(name for name in r.texts(raw, "endings") if name)))
    return tuple(sections)


def _choice(r: _Reader, raw: LMap) -> Choice:
    r.keys(raw, CHOICE_KEYS, ("text", "next"), "a choice")
    return Choice(
        text=r.text(raw, "text"), next=r.text(raw, "next"), pos=raw.where("next"),
        discloses=r.ids(raw, "discloses", r.taxonomy.disclosures, "RF103", "disclosure kind"),
        add=_assignments(r, raw, "add", False), set=_assignments(r, raw, "set", True),
        condition=r.expression(raw), once=r.flag(raw, "once"), tells_adult=r.flag(raw, "tells_adult"))


def _node(r: _Reader, node_id: str, raw: LMap, seen_ids: dict[str, tuple[int, int]]) -> Node:
    r.keys(raw, NODE_KEYS, (), f"node '{node_id}'")

    def register(message: Message) -> None:
        if message.id in seen_ids:
            r.report.add("RF014", message.pos, f"message id '{message.id}' is used twice",
                         f"first at line {seen_ids[message.id][0]}")
        seen_ids[message.id] = message.pos

    messages: list[Message] = []
    nudges: list[Message] = []
    choices = []
    for i, m in r.each_mapping(r.items(raw, "messages"), "message"):
        message = _message(r, m, f"{node_id}.{i}", nudge=False)
        if message is not None:
            messages.append(message)
            register(message)
    for i, m in r.each_mapping(r.items(raw, "idle_nudges"), "idle nudge"):
        nudge = _message(r, m, f"{node_id}.nudge{i}", nudge=True)
        if nudge is not None:
            nudges.append(nudge)
            register(nudge)
    for _, c in r.each_mapping(r.items(raw, "choices"), "choice"):
        choices.append(_choice(r, c))
    end = None
    end_raw = r.mapping(raw, "end")
    if end_raw is not None:
        r.keys(end_raw, END_KEYS, ("outcome",), f"the end of node '{node_id}'")
        end = Ending(r.choice_of(end_raw, "outcome", OUTCOMES, "neutral") or "neutral", r.text(end_raw, "title"),
                     r.text(end_raw, "text"), end_raw.pos)
    has_choices = raw.get("choices") is not None   # `choices:` with nothing after it is no choices
    if has_choices and end_raw is not None:
        r.report.add("RF106", raw.pos, f"node '{node_id}' has both 'choices' and 'end'", "keep one of them")
    elif not has_choices and end_raw is None:
        r.report.add("RF105", raw.pos, f"node '{node_id}' has neither 'choices' nor 'end'",
                     "add choices for the player, or an end")
    elif has_choices and not choices and isinstance(raw.get("choices"), LList):
        r.report.add("RF013", raw.where("choices"), f"node '{node_id}' has an empty choice list",
                     "give at least one choice, or make it an end")
    if nudges and end_raw is not None:
        r.report.add("RF013", raw.where("idle_nudges"), f"node '{node_id}' is an ending; idle nudges need choices")
    platform = r.choice_of(raw, "platform", SWITCH_PLATFORMS, "") or ""
    return Node(node_id, raw.pos, tuple(messages), tuple(choices), end, tuple(nudges), platform)


def _profile(r: _Reader, values: LList) -> tuple[ProfileItem, ...]:
    items: list[ProfileItem] = []
    seen: dict[str, int] = {}
    for _, raw in r.each_mapping(values, "profile item"):
        r.keys(raw, PROFILE_KEYS, ("id", "label", "text"), "a profile item")
        item_id = r.text(raw, "id")
        if item_id and not ITEM_ID.match(item_id):
            r.report.add("RF013", raw.where("id"), f"profile id '{item_id}' must use a-z, 0-9 and _")
        if item_id in seen:
            r.report.add("RF014", raw.where("id"), f"profile id '{item_id}' is used twice",
                         f"first at line {seen[item_id]}")
        seen[item_id] = raw.where("id")[0]
        red_flags = r.ids(raw, "red_flags", r.taxonomy.categories, "RF102", "red-flag category")
        severity = r.integer(raw, "severity", 1, 3)
        items.append(ProfileItem(item_id, r.text(raw, "label"), r.text(raw, "text"), raw.pos, red_flags,
                                 (severity or r.taxonomy.severity_of(red_flags)) if red_flags else 0,
                                 r.text(raw, "why"), r.asset(raw, "image"),
                                 raw.where("image") if "image" in raw else raw.pos))
    return tuple(items)


def _scoring(r: _Reader, raw: LMap | None) -> ScoringConfig:
    if raw is None:
        return ScoringConfig()
    r.keys(raw, SCORING_KEYS, (), "scoring")
    config = ScoringConfig(exit_threshold=r.integer(raw, "exit_threshold", 1, 1000, 3),
                           exit_grace=r.integer(raw, "exit_grace", 0, 1000, 0))
    weights = r.mapping(raw, "weights")
    if weights is None:
        return config
    r.keys(weights, WEIGHT_KEYS, tuple(sorted(WEIGHT_KEYS)), "weights")
    parts = {}
    for key in WEIGHT_KEYS:
        value = r.value(weights, key, (int, float), "a number between 0 and 1", None)
        if value is not None and not 0 <= value <= 1:
            r.report.add("RF013", weights.where(key), f"weight '{key}' must be between 0 and 1")
            value = None
        parts[key] = value
    if None in parts.values():
        return config
    fractions = {k: Fraction(str(v)) for k, v in parts.items()}
    if sum(fractions.values()) != 1:
        r.report.add("RF108", weights.pos, f"weights add up to {float(sum(fractions.values())):g}, not 1.0")
        return config
    return ScoringConfig(config.exit_threshold, config.exit_grace,
                         fractions["detection"], fractions["exit"], fractions["privacy"])


def build(data: Any, path: Path, sha256: str, report: Reporter, taxonomy: Taxonomy) -> tuple[Scenario | None, _Reader]:
    """Located YAML data -> Scenario (None if the top level is unusable)."""
    r = _Reader(report, taxonomy, path.parent)
    if not isinstance(data, LMap):
        report.add("RF007", getattr(data, "pos", (1, 1)),
                   "a scenario file must be a mapping of keys like 'id:' and 'nodes:'")
        return None, r
    r.keys(data, TOP_KEYS, ("format", "id", "title", "platform", "stranger", "start", "nodes"), "the scenario")
    if "format" in data:
        fmt = r.value(data, "format", (int,), "a whole number", None)
        if fmt is not None and fmt != 1:
            report.add("RF013", data.where("format"), f"format {fmt} is not known", "this game reads format: 1")
    scenario_id = r.text(data, "id")
    if scenario_id and not SCENARIO_ID.match(scenario_id):
        report.add("RF013", data.where("id"), f"id '{scenario_id}' must use only a-z, 0-9 and -")
    language = r.text(data, "language", "en")
    if not LANGUAGE.match(language):
        report.add("RF013", data.where("language"), f"language '{language}' is not a BCP-47 tag like en or en-GB")

    stranger_raw = r.mapping(data, "stranger") or LMap()
    if "stranger" in data:
        r.keys(stranger_raw, STRANGER_KEYS, ("name",), "stranger")
    stranger = Stranger(r.text(stranger_raw, "name"), r.integer(stranger_raw, "claimed_age", 1, 120),
                        r.asset(stranger_raw, "avatar"), _profile(r, r.items(stranger_raw, "profile")),
                        stranger_raw.where("avatar"))
    player_raw = r.mapping(data, "player") or LMap()
    r.keys(player_raw, PLAYER_KEYS, (), "player")
    player = Player(r.text(player_raw, "name", "You") or "You", r.text(player_raw, "context"))
    debrief_raw = r.mapping(data, "debrief") or LMap()
    r.keys(debrief_raw, DEBRIEF_KEYS, (), "debrief")
    debrief = Debrief(r.text(debrief_raw, "summary"), r.texts(debrief_raw, "discussion_questions"),
                      r.text(debrief_raw, "facilitator_notes"), _debrief_sections(r, r.items(debrief_raw, "sections")))

    nodes: dict[str, Node] = {}
    seen_ids: dict[str, tuple[int, int]] = {}
    nodes_raw = r.mapping(data, "nodes") or LMap()
    if "nodes" in data and not nodes_raw and isinstance(data.get("nodes"), LMap):
        report.add("RF011", data.where("nodes"), "the scenario has no nodes")
    for node_id, raw in nodes_raw.items():
        if not NODE_ID.match(node_id):
            report.add("RF013", nodes_raw.key_pos.get(node_id), f"node id '{node_id}' must use only a-z, 0-9 and _")
        if not isinstance(raw, LMap):
            report.add("RF012", nodes_raw.where(node_id),
                       f"node '{node_id}' must be a mapping with messages and choices or an end")
            continue
        nodes[node_id] = _node(r, node_id, raw, seen_ids)

    start = r.text(data, "start")
    if start and nodes_raw and start not in nodes_raw:
        close = difflib.get_close_matches(start, list(nodes_raw), n=1)
        report.add("RF101", data.where("start"), f"start names no node '{start}'",
                   f"did you mean '{close[0]}'?" if close else "it must be one of the ids under nodes:")
    scenario = Scenario(
        path=path, sha256=sha256, id=scenario_id, title=r.text(data, "title"),
        platform=r.choice_of(data, "platform", PLATFORMS, "game_chat") or "game_chat", start=start,
        nodes=nodes, stranger=stranger, kind=r.choice_of(data, "kind", KINDS, "grooming") or "grooming",
        language=language,
        audience=r.text(data, "audience"), difficulty=r.integer(data, "difficulty", 1, 3, 1),
        summary=r.text(data, "summary"), content_notes=r.texts(data, "content_notes"),
        learning_goals=r.texts(data, "learning_goals"), player=player, debrief=debrief,
        scoring=_scoring(r, r.mapping(data, "scoring")), clock=_clock(r, data),
        message_request=r.flag(data, "message_request"))
    return scenario, r


CLOCK = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


def _clock(r: _Reader, data: LMap) -> str:
    """``clock: "22:05"``, the time of day the chat starts in the story, as "HH:MM" ("" when absent).

    Unquoted, YAML reads 22:05 as the number 1325 (minutes, base 60); that is taken to mean the same.
    """
    if "clock" not in data:
        return ""
    value = data["clock"]
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return f"{value // 60:02d}:{value % 60:02d}"
    match = CLOCK.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        r.report.add("RF013", data.where("clock"), f"clock {value!r} is not a time of day",
                     'write it as "HH:MM" in 24 hours, for example clock: "22:05"')
        return ""
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def read_limited(path: Path, limit: int = yamlsafe.MAX_BYTES) -> bytes:
    """The file's bytes, never more than ``limit`` + 1 of them read.

    The size is checked before reading (a 30 GB sparse file is refused without a byte read), and
    the read stops after the limit (a file that grows, or a /proc file that reports size 0).
    Only regular files are read: a FIFO or a device would block or never end. Raises YamlProblem
    (RF002, RF001) or OSError.
    """
    # O_NONBLOCK: opening a FIFO must not wait for a writer; a regular file reads as usual
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with open(fd, "rb", buffering=0) as handle:
        st = os.fstat(handle.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise yamlsafe.YamlProblem("RF001", "cannot read the file: it is not a regular file",
                                       hint="give the path of a .yaml file")
        if st.st_size > limit:
            raise yamlsafe.YamlProblem("RF002", f"file is {st.st_size:,} bytes; the limit is {limit:,}",
                                       hint="split it into several scenarios")
        chunks, total = [], 0
        while total <= limit:
            chunk = handle.read(limit + 1 - total)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    data = b"".join(chunks)
    if len(data) > limit:
        raise yamlsafe.YamlProblem("RF002", f"file is over {limit:,} bytes, the limit",
                                   hint="split it into several scenarios")
    return data


def read_file(path: Path, report: Reporter, taxonomy: Taxonomy | None = None):
    """Read, parse and build one file. Returns (scenario or None, reader or None)."""
    taxonomy = taxonomy or load_taxonomy()
    try:
        raw = read_limited(path)
    except yamlsafe.YamlProblem as problem:
        report.add(problem.code, problem.pos, problem.message, problem.hint)
        return None, None
    except OSError as exc:
        report.add("RF001", None, f"cannot read the file: {exc.strerror or exc}")
        return None, None
    try:
        data = yamlsafe.load_bytes(raw)
    except yamlsafe.YamlProblem as problem:
        report.add(problem.code, problem.pos, problem.message, problem.hint)
        return None, None
    return build(data, path, hashlib.sha256(raw).hexdigest(), report, taxonomy)
