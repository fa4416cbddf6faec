"""Property tests: whatever bytes a scenario file holds, the validator only ever reports.

Random bytes, random YAML-ish text, random data structures and mutations of
the shipped scenarios go through game.validator.check_file. It must never
raise; every finding must have a known code, its code's severity, a position
>= 1:1 and a one-line message. When a mutated file has no errors, the engine
must be able to play it.
"""

from __future__ import annotations

import copy
import os
import random
import re
from pathlib import Path

import yaml
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from game import paths
from game.diagnostics import CODES
from game.engine import CommandError, Conversation
from game.loader import ScenarioError
from game.validator import check_file, load_scenario

SHIPPED = {p.name: p.read_bytes() for p in sorted(paths.SCENARIOS_DIR.glob("*.yaml"))}
NAMES = sorted(SHIPPED)
PARSED = {name: yaml.safe_load(data) for name, data in SHIPPED.items()}
SCALE = int(os.environ.get("RF_PROPERTY_SCALE", "1"))   # more examples for a long local run: RF_PROPERTY_SCALE=20


def budget(examples: int) -> settings:
    """Each property test stays within a few seconds by default."""
    return settings(max_examples=examples * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])


FAST = budget(150)
KEYS = ["format", "id", "title", "platform", "kind", "language", "audience", "difficulty", "summary", "content_notes",
        "learning_goals", "stranger", "player", "start", "nodes", "debrief", "scoring", "name", "claimed_age",
        "avatar", "profile", "label", "text", "red_flags", "severity", "why", "context", "messages", "choices",
        "idle_nudges", "end", "delay", "if", "variants", "image", "link", "from", "after", "next", "discloses",
        "add", "set", "once", "tells_adult", "outcome", "discussion_questions", "facilitator_notes",
        "exit_threshold", "exit_grace", "weights", "detection", "exit", "privacy", "nxet", "txt", "<<", "=", "?"]
SCALARS = ["~", "null", "yes", "no", "on", "true", "-1", "0", "3", "99999999999999999999", "1e999", "-.inf", ".nan",
           "0x1F", "0o17", "1_000", "12:30", "2024-01-01", "2024-13-45", "1.5", "''", '""', "[]", "{}", "=", "<<",
           "'visited(a)'", '"trust >= 1 and not visited(intro)"', '"((((((1))))))"', '"__import__(\'os\')"',
           "../../etc/passwd", "/abs.png", "images/x.png", "x" * 600, "ünïcødé 🙂", "'9999999999999999999999'",
           "[flattery, secrecy]", "[age, school]", "{trust: 1}", "{trust: true}", "{detection: 1, exit: 0, privacy: 0}",
           "game_chat", "benign", "grooming", "unsafe", "safe", "system", "intro"]
TAGS = ['!!python/object/apply:os.system ["true"]', "!!binary aGk=", "!foo", "!!str", "!!int 3", "!!map {}",
        "!<tag:yaml.org,2002:str> x"]


class _NoAliasDumper(yaml.CSafeDumper):
    """Dump shared objects twice instead of as anchors and aliases (which the loader refuses)."""

    def ignore_aliases(self, data):
        return True


def check_only_reports(path: Path):
    """check_file must not raise, and every finding must be well formed. Returns the findings."""
    scenario, findings = check_file(path)
    for d in findings:
        assert d.code in CODES, d
        assert d.severity == CODES[d.code][1], d
        assert isinstance(d.line, int) and isinstance(d.col, int) and d.line >= 1 and d.col >= 1, d
        assert d.file == str(path)
        assert "\n" not in d.format() and "\r" not in d.format(), d
    errors = [d for d in findings if d.severity == "error"]
    if not errors:
        assert scenario is not None
    return scenario, findings, errors


def play_randomly(scenario, seed: int) -> None:
    """A file with no errors must play: random commands raise nothing but CommandError."""
    rng = random.Random(seed)
    conv = Conversation(scenario, seed=seed, clock=lambda: 0.0)
    conv.start()
    for _ in range(60):
        conv.deliver_all()
        if conv.ended:
            break
        roll = rng.random()
        try:
            if roll < 0.2 and conv.numbers:
                conv.toggle_flag(str(rng.choice(list(conv.numbers))))
            elif roll < 0.3:
                conv.wait()
            elif conv.choices():
                conv.choose(rng.randrange(len(conv.choices())) + 1)
            else:
                conv.end_action("leave")
        except CommandError:
            pass
    if not conv.ended:
        conv.quit()


def _write(tmp_path_factory, data: bytes) -> Path:
    path = tmp_path_factory.mktemp("prop") / "scenario.yaml"
    path.write_bytes(data)
    return path


# -- random input ------------------------------------------------------------------------------

@FAST
@given(data=st.binary(max_size=2000))
@example(data=b"\x00")
@example(data=b"\xff\xfe" + "a: 1".encode("utf-16-le"))
@example(data=b"\xef\xbb\xbf")
def test_random_bytes(tmp_path_factory, data):
    check_only_reports(_write(tmp_path_factory, data))


YAMLISH = st.text(alphabet=st.sampled_from(list(":-[]{}#&*!|>'\"%@`,?\n\t  abcxyz019_.\\\u00e9\U0001F642\r")),
                  max_size=400)


@FAST
@given(text=YAMLISH)
@example(text="a: &x 1\nb: *x")
@example(text="- [")
@example(text="%YAML 1.1\n---\na: 1\n...\n---\nb: 2")
@example(text="? a\n? a\n")
def test_random_yaml_text(tmp_path_factory, text):
    check_only_reports(_write(tmp_path_factory, text.encode("utf-8", "surrogatepass")))


@FAST
@given(lines=st.lists(st.tuples(st.integers(0, 8), st.sampled_from(KEYS), st.sampled_from(SCALARS + ["", "- x"])),
                      max_size=40))
def test_random_key_value_lines(tmp_path_factory, lines):
    """Lines made of real keys at random indentation: gets past the YAML parser into the loader."""
    text = "".join(f"{' ' * indent}{key}: {value}\n" for indent, key, value in lines)
    check_only_reports(_write(tmp_path_factory, text.encode()))


# -- structure-aware mutations of the shipped scenarios ----------------------------------------------

LEAVES = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.integers(), st.floats(allow_nan=True),
                   st.text(max_size=20), st.sampled_from(KEYS), st.just([]), st.just({}))
VALUES = st.recursive(LEAVES, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.sampled_from(KEYS), inner, max_size=3), max_leaves=8)


def _paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _paths(value, prefix + (i,))


def _replace(data, path, value):
    if not path:
        return value
    data[path[0]] = _replace(data[path[0]], path[1:], value)
    return data


@budget(200)
@given(name=st.sampled_from(NAMES), picks=st.lists(st.tuples(st.integers(0, 10**6), VALUES), min_size=1, max_size=3),
       seed=st.integers(0, 1000))
def test_structural_mutations(tmp_path_factory, name, picks, seed):
    """Replace random subtrees of a parsed shipped scenario with random values; dump; check; play."""
    data = copy.deepcopy(PARSED[name])
    for index, value in picks:
        where = list(_paths(data))
        data = _replace(data, where[index % len(where)], value)
    text = yaml.dump(data, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False)
    path = _write(tmp_path_factory, text.encode())
    scenario, _, errors = check_only_reports(path)
    event(f"first error {errors[0].code}" if errors else "no errors: played")
    if not errors:
        play_randomly(scenario, seed)
    else:
        try:
            load_scenario(path)
        except ScenarioError:
            pass
        else:
            raise AssertionError("load_scenario accepted a file with errors")


CONDITIONS = ["true", "false", "trust >= 1", "not visited({node})", "trust > 0 and visited({node})",
              "(a or b) and not c", "x == 1 or y != 2", "1 < 2", "(((trust)))", "not not b"]
BAD_CONDITIONS = ["visited(nowhere)", "trust >", "not", "1 +"]


@budget(200)
@given(name=st.sampled_from(NAMES), seed=st.integers(0, 10**6))
def test_rewired_graphs(tmp_path_factory, name, seed):
    """Mostly valid edits: rewire `next`, add conditions, `once`, set/add and nudges; what validates must play."""
    rng = random.Random(seed)
    data = copy.deepcopy(PARSED[name])
    node_ids = list(data["nodes"])

    def condition() -> str:
        if rng.random() < 0.02:
            return rng.choice(BAD_CONDITIONS)
        return rng.choice(CONDITIONS).format(node=rng.choice(node_ids))

    for node in data["nodes"].values():
        for choice in node.get("choices") or []:
            roll = rng.random()
            if roll < 0.3:
                choice["next"] = rng.choice(node_ids)
            elif roll < 0.45:
                choice["if"] = condition()
            elif roll < 0.55:
                choice["once"] = True
            elif roll < 0.65:
                choice.setdefault("add", {})[rng.choice(["trust", "a", "x"])] = rng.randint(-2, 2)
            elif roll < 0.7:
                choice.setdefault("set", {})[rng.choice(["b", "c", "y"])] = rng.choice([True, False, 0, 2])
        for message in node.get("messages") or []:
            if rng.random() < 0.15:
                message["if"] = condition()
        if "choices" in node and rng.random() < 0.2:
            node["idle_nudges"] = [{"after": 5, "text": "??", "red_flags": ["pressure_urgency"],
                                    **({"if": condition()} if rng.random() < 0.5 else {})}]
    if rng.random() < 0.2:
        data["start"] = rng.choice(node_ids)
    text = yaml.dump(data, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False)
    scenario, findings, errors = check_only_reports(_write(tmp_path_factory, text.encode()))
    event(f"first error {errors[0].code}" if errors else "no errors: played")
    if not errors:
        for run in range(3):
            play_randomly(scenario, seed + run)


def _line_index(draw, lines):
    return draw(st.integers(0, max(len(lines) - 1, 0)))


@st.composite
def text_mutation(draw, lines: list[str]) -> list[str]:
    if not lines:
        return lines
    op = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "tab", "tag", "anchor", "alias", "nest",
                               "rename", "value", "truncate_line", "blank"]))
    i = _line_index(draw, lines)
    line = lines[i]
    body = line.rstrip("\n")
    indent = len(body) - len(body.lstrip(" "))
    key, sep, value = body.partition(": ")
    if op == "delete":
        del lines[i]
    elif op == "duplicate":
        lines.insert(i, line)
    elif op == "swap":
        j = _line_index(draw, lines)
        lines[i], lines[j] = lines[j], lines[i]
    elif op == "indent":
        shift = draw(st.integers(-6, 6))
        lines[i] = " " * max(0, indent + shift) + body.lstrip(" ") + "\n"
    elif op == "tab":
        lines[i] = "\t" + line
    elif op == "tag" and sep:
        lines[i] = f"{key}: {draw(st.sampled_from(TAGS))} {value}\n"
    elif op == "anchor" and sep:
        lines[i] = f"{key}: &anchor {value}\n"
    elif op == "alias" and sep:
        lines[i] = f"{key}: *anchor\n"
    elif op == "nest" and sep:
        depth = draw(st.integers(1, 60))
        lines[i] = f"{key}: {'[' * depth}{value or 'x'}{']' * depth}\n"
    elif op == "rename" and (sep or body.rstrip().endswith(":")):
        new_key = draw(st.sampled_from(KEYS) | st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12))
        old_key = key.lstrip(" -") if sep else body.strip(" -:")
        lines[i] = line.replace(old_key, new_key, 1)
    elif op == "value" and sep:
        lines[i] = f"{key}: {draw(st.sampled_from(SCALARS))}\n"
    elif op == "truncate_line":
        lines[i] = line[: draw(st.integers(0, len(line)))] + "\n"
    elif op == "blank":
        lines[i] = "\n"
    return lines


@st.composite
def mutated_file(draw) -> bytes:
    name = draw(st.sampled_from(NAMES))
    lines = SHIPPED[name].decode("utf-8").splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        lines = draw(text_mutation(lines))
    data = "".join(lines).encode("utf-8")
    byte_op = draw(st.sampled_from(["none", "none", "none", "nul", "bad_utf8", "surrogate", "truncate", "huge",
                                    "bom", "crlf"]))
    at = draw(st.integers(0, len(data)))
    if byte_op == "nul":
        data = data[:at] + b"\x00" + data[at:]
    elif byte_op == "bad_utf8":
        data = data[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xe9t\xe9", b"\x80\x80"])) + data[at:]
    elif byte_op == "surrogate":
        data = data[:at] + b"\xed\xa0\x80" + data[at:]
    elif byte_op == "truncate":
        data = data[:at]
    elif byte_op == "huge":
        data = data + b"#" * (1024 * 1024)
    elif byte_op == "bom":
        data = b"\xef\xbb\xbf" + data
    elif byte_op == "crlf":
        data = data.replace(b"\n", b"\r\n")
    return data


@budget(300)
@given(data=mutated_file(), seed=st.integers(0, 1000))
def test_text_mutations_of_shipped_scenarios(tmp_path_factory, data, seed):
    path = _write(tmp_path_factory, data)
    scenario, findings, errors = check_only_reports(path)
    event(f"first error {errors[0].code}" if errors else "no errors: played")   # --hypothesis-show-statistics
    if len(data) > 1024 * 1024:
        assert [d.code for d in findings] == ["RF002"]
    if not errors:
        play_randomly(scenario, seed)


def test_shipped_scenarios_are_valid_and_play(tmp_path_factory):
    for name, data in SHIPPED.items():
        scenario, _, errors = check_only_reports(_write(tmp_path_factory, data))
        assert not errors, name
        play_randomly(scenario, 7)


# Terminal control sequences (issue: terminal injection): colours, clear screen, window title,
# OSC 52 clipboard writes, C1 CSI/OSC, bare CR, BEL, DEL, NEL, NUL.
TERMINAL_ATTACKS = ["\x1b[31m", "\x1b[2J\x1b[H", "\x1b]0;owned\x07", "\x1b]52;c;aGk=\x07", "\x9b2J", "\x9d0;x\x9c",
                    "\r", "\x07", "\x08", "\x7f", "\x85", "\x00", "\x1b"]
CONTROL_CHAR = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _texts(scenario):
    yield scenario.title
    yield scenario.stranger.name
    for node in scenario.nodes.values():
        for m in node.messages + node.idle_nudges:
            yield m.text
            yield from m.variants
        for c in node.choices:
            yield c.text


@budget(200)
@given(name=st.sampled_from(NAMES), index=st.integers(0, 10**6), attack=st.sampled_from(TERMINAL_ATTACKS),
       at=st.integers(0, 50))
def test_terminal_control_sequences_in_any_text_are_refused(tmp_path_factory, name, index, attack, at):
    """A control sequence put into any text of a shipped scenario is RF008 (or RF001), never loaded."""
    data = copy.deepcopy(PARSED[name])
    texts = [p for p in _paths(data) if p and isinstance(_get(data, p), str)]
    where = texts[index % len(texts)]
    value = _get(data, where)
    data = _replace(data, where, value[:at] + attack + value[at:])
    text = yaml.dump(data, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False)
    scenario, _, errors = check_only_reports(_write(tmp_path_factory, text.encode()))
    assert errors and {e.code for e in errors} & {"RF008", "RF001", "RF006"}, errors
    event(f"refused as {errors[0].code}")


@FAST
@given(text=YAMLISH)
def test_nothing_that_loads_holds_a_control_character(tmp_path_factory, text):
    scenario, _, errors = check_only_reports(_write(tmp_path_factory, text.encode("utf-8", "surrogatepass")))
    if scenario is not None and not errors:
        assert not any(CONTROL_CHAR.search(t) for t in _texts(scenario))


def _get(data, path):
    for key in path:
        data = data[key]
    return data
