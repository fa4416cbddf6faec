"""Safe YAML loading for untrusted scenario files, keeping line and column.

Scenario files may come from other schools, so they are treated as hostile:
no tags (nothing constructs objects), no anchors or aliases, at most 32 levels
of nesting and 1 MiB. Values come back as plain Python data in `LMap` and
`LList` containers that remember where each key and value stood, so every
later error can point at `FILE:LINE:COL`.
"""

from __future__ import annotations

from typing import Any

import yaml

from .safetext import first_control

_Loader: Any = yaml.SafeLoader   # the pure-Python parser, unless libyaml is there
try:  # libyaml is much faster; PyYAML's wheels ship it
    from yaml import CSafeLoader
    _Loader = CSafeLoader
except ImportError:  # pragma: no cover - pure-Python fallback
    pass

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32

Pos = tuple[int, int]


class YamlProblem(Exception):
    """A file that cannot be turned into data; carries a diagnostic code and position."""

    def __init__(self, code: str, message: str, pos: Pos = (1, 1), hint: str = ""):
        super().__init__(message)
        self.code, self.message, self.pos, self.hint = code, message, pos, hint


class LMap(dict):
    """A mapping that remembers its own position and those of its keys and values."""

    pos: Pos = (1, 1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key_pos: dict[str, Pos] = {}
        self.val_pos: dict[str, Pos] = {}

    def where(self, key: str) -> Pos:
        """Position of the value under `key`, else of the key, else of the mapping."""
        return self.val_pos.get(key) or self.key_pos.get(key) or self.pos


class LList(list):
    """A list that remembers its own position and that of each item."""

    pos: Pos = (1, 1)

    def __init__(self, *args):
        super().__init__(*args)
        self.item_pos: list[Pos] = []

    def where(self, index: int) -> Pos:
        return self.item_pos[index] if index < len(self.item_pos) else self.pos


def _mark(mark) -> Pos:
    return (mark.line + 1, mark.column + 1)


def _scan_events(text: str, loader=_Loader) -> None:
    """Refuse aliases, anchors, explicit tags and deep nesting before building anything."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem("RF003", f"YAML alias '*{event.anchor}' is not allowed",
                              _mark(event.start_mark), "write the value out in full")
        anchor = getattr(event, "anchor", None)
        if anchor:
            raise YamlProblem("RF003", f"YAML anchor '&{anchor}' is not allowed",
                              _mark(event.start_mark), "write the value out in full")
        tag = getattr(event, "tag", None)
        if tag:  # only explicit tags are reported by the parser
            raise YamlProblem("RF004", f"YAML tag '{tag}' is not allowed", _mark(event.start_mark),
                              "remove the tag; scenario files hold plain text and numbers")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlProblem("RF005", f"nesting deeper than {MAX_DEPTH} levels",
                                  _mark(event.start_mark), "flatten the structure")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


_constructor = yaml.constructor.SafeConstructor()
# YAML 1.1 resolves a plain `=` and `<<` to the "value" and "merge" types, which have no meaning
# here and nothing to build them: read them as the text they are.
_TEXT_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:value", "tag:yaml.org,2002:merge"}


def _one_line(text: object, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


_CONTROL_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "backspace", 0x0D: "carriage return", 0x1B: "ESC",
                  0x7F: "DEL", 0x85: "NEL", 0x9B: "CSI", 0x9D: "OSC"}


def _refuse_controls(node) -> None:
    """RF008 for a scalar whose text holds a C0/C1 control character other than newline and tab.

    Raw control characters are already refused by the YAML reader (RF001); this catches the
    ones written as escapes in double-quoted text ("\\e[2J", "\\x1b]52;c;...", "\\u009b").
    """
    index = first_control(node.value)
    if index < 0:
        return
    code = ord(node.value[index])
    name = _CONTROL_NAMES.get(code, "control character")
    raise YamlProblem("RF008", f"text holds the control character U+{code:04X} ({name}) at character {index + 1}",
                      _mark(node.start_mark),
                      "terminal control codes are not allowed in scenario text; remove the escape")


def _convert(node):
    """Composed YAML node -> plain data with positions."""
    if isinstance(node, yaml.ScalarNode):
        _refuse_controls(node)
        if node.tag in _TEXT_TAGS:
            return node.value
        try:
            return _constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as exc:
            reason = getattr(exc, "problem", None) or exc
            raise YamlProblem("RF001", f"cannot read value {_one_line(node.value)!r}: {_one_line(reason, 200)}",
                              _mark(node.start_mark)) from None
        finally:
            # the constructor caches every node it built (and, after a failure, the one it was building)
            _constructor.constructed_objects.clear()
            _constructor.recursive_objects.clear()
    if isinstance(node, yaml.SequenceNode):
        items = LList()
        items.pos = _mark(node.start_mark)
        for item in node.value:
            items.append(_convert(item))
            items.item_pos.append(_mark(item.start_mark))
        return items
    out = LMap()
    out.pos = _mark(node.start_mark)
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlProblem("RF012", "a mapping key must be plain text", _mark(key_node.start_mark))
        _refuse_controls(key_node)
        key = key_node.value
        if key in out:
            raise YamlProblem("RF015", f"key '{key}' appears twice in this mapping",
                              _mark(key_node.start_mark), f"first at line {out.key_pos[key][0]}")
        out[key] = _convert(value_node)
        out.key_pos[key] = _mark(key_node.start_mark)
        out.val_pos[key] = _mark(value_node.start_mark)
    return out


def loads(text: str):
    """Parse one YAML document of untrusted text into LMap/LList/scalars."""
    try:
        try:
            _scan_events(text)
        except yaml.MarkedYAMLError as exc:
            # Newer libyaml builds look ahead in flow collections and stop at their own
            # depth limit before this scan reaches ours; the pure-Python parser does not
            # look that far, so it finds the first level too deep and names its place.
            if "nesting depth" not in str(exc.problem):
                raise
            _scan_events(text, yaml.SafeLoader)
            raise
        node = yaml.compose(text, Loader=_Loader)
    except YamlProblem:
        raise
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow; libyaml counts UTF-8 bytes
        before = text.encode("utf-8", "surrogatepass")[: exc.position].decode("utf-8", "ignore")
        pos = (before.count("\n") + 1, len(before) - before.rfind("\n"))
        raise YamlProblem("RF001", f"YAML syntax: {exc.reason} (character #x{exc.character:04x})",
                          pos, "remove it; scenario files hold plain text") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = _mark(mark) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlProblem("RF001", f"YAML syntax: {problem}", pos) from None
    except yaml.YAMLError as exc:
        raise YamlProblem("RF001", f"YAML syntax: {_one_line(exc, 200)}") from None
    if node is None:
        raise YamlProblem("RF007", "the file holds no YAML document")
    return _convert(node)


def load_bytes(data: bytes, max_bytes: int = MAX_BYTES):
    """Check size and encoding, then parse."""
    if len(data) > max_bytes:
        raise YamlProblem("RF002", f"file is {len(data):,} bytes; the limit is {max_bytes:,}",
                          hint="split it into several scenarios")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise YamlProblem("RF006", "the file is not valid UTF-8", (line, 1), "save it as UTF-8") from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise YamlProblem("RF006", "the file contains a NUL character", (line, 1), "save it as UTF-8 text")
    return loads(text)
