"""Validator findings and the table of their stable codes.

Every finding prints as `FILE:LINE:COL: error|warning: [CODE] message (hint)`.
The codes never change meaning; docs/diagnostics.md documents each one and a
test keeps that page in step with `CODES`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"

# code: (name, severity, one-line example of what triggers it)
CODES: dict[str, tuple[str, str, str]] = {
    "RF001": ("yaml-syntax", ERROR, "a tab or an unclosed quote: `text: \"hi`"),
    "RF002": ("file-too-large", ERROR, "a scenario file over 1 MiB"),
    "RF003": ("yaml-alias", ERROR, "`base: &b {...}` then `<<: *b`"),
    "RF004": ("yaml-tag", ERROR, "`text: !!python/object ...` or any explicit `!tag`"),
    "RF005": ("too-deep", ERROR, "lists or mappings nested more than 32 levels"),
    "RF006": ("not-utf8", ERROR, "a file saved in another encoding than UTF-8"),
    "RF007": ("empty-file", ERROR, "a file with no YAML document, or a top level that is not a mapping"),
    "RF008": ("control-character", ERROR, "`text: \"\\e[2J\"` (a terminal escape written in the text)"),
    "RF010": ("unknown-key", ERROR, "`nxet: intro` (did you mean `next`?)"),
    "RF011": ("missing-field", ERROR, "a scenario without `start:`"),
    "RF012": ("wrong-type", ERROR, "`difficulty: hard` where a number is expected"),
    "RF013": ("bad-value", ERROR, "`platform: chatroom`, `difficulty: 5`, `format: 2`"),
    "RF014": ("duplicate-id", ERROR, "two messages with `id: asks_age` in one file"),
    "RF015": ("duplicate-key", ERROR, "the same key twice in one mapping"),
    "RF016": ("duplicate-scenario-id", ERROR, "two files with `id: generous-teammate`"),
    "RF101": ("unknown-node", ERROR, "`next: photo` when there is no node `photo`"),
    "RF102": ("unknown-red-flag", ERROR, "`red_flags: [flatery]`"),
    "RF103": ("unknown-disclosure", ERROR, "`discloses: [adress]`"),
    "RF104": ("expression-syntax", ERROR, "`if: \"trust >\"`"),
    "RF105": ("node-without-choices-or-end", ERROR, "a node with messages but neither `choices` nor `end`"),
    "RF106": ("node-with-choices-and-end", ERROR, "a node with both `choices` and `end`"),
    "RF107": ("unsafe-asset-path", ERROR, "`image: ../../secret.png` or `avatar: /etc/passwd`"),
    "RF108": ("weights-sum", ERROR, "`weights: {detection: 0.5, exit: 0.5, privacy: 0.2}`"),
    "RF109": ("debrief-unknown-ending", ERROR,
              "`sections: [{endings: [paid_off], text: ...}]` with no ending `paid_off`"),
    "RF110": ("bad-picture", ERROR, "`image: huge.png` that declares 1 x 100,000 pixels, or an SVG"),
    "RF120": ("form-size", ERROR, "a check form with 15 items"),
    "RF121": ("form-balance", ERROR, "a check form with 9 red_flag and 7 safe items"),
    "RF122": ("unknown-twin", ERROR, "`twin: b99` when no other form has an item `b99`"),
    "RF123": ("twin-mismatch", ERROR, "`a01` is red_flag on game_chat, its twin `b01` is safe or on social_media"),
    "RF124": ("form-categories", ERROR, "the red_flag items of a form cover only 6 red-flag categories"),
    "RF125": ("text-in-scenario", ERROR, "a check item line that is also a message of a scenario"),
    "RF126": ("duplicate-item-id", ERROR, "item id `a01` in form A and in form B"),
    "RF127": ("duplicate-form", ERROR, "two form files with `form: A`"),
    "RF201": ("unreachable-node", WARNING, "a node no `next` leads to"),
    "RF202": ("unreachable-ending", WARNING, "an ending node no path from `start` reaches"),
    "RF203": ("grooming-without-red-flags", WARNING, "a `kind: grooming` scenario with no red flags at all"),
    "RF204": ("grooming-without-unsafe-ending", WARNING,
              "a grooming scenario where no `outcome: unsafe` ending is reachable"),
    "RF205": ("benign-with-red-flags", WARNING, "a `kind: benign` scenario whose messages carry red flags"),
    "RF206": ("variable-never-set", WARNING, "`if: \"trust >= 2\"` but no choice sets or adds `trust`"),
    "RF207": ("missing-asset", WARNING, "`image: images/gift.png` when that file does not exist"),
    "RF208": ("long-message", WARNING, "a message over 500 characters"),
    "RF209": ("possible-dead-end", WARNING, "a node whose choices all have `if` (or `once` in a loop)"),
    "RF210": ("unflaggable-red-flag", WARNING,
              "red_flags on a message of an `end` node: the chat is over before it can be flagged"),
    "RF211": ("debrief-section-always-shown", WARNING, "a debrief section with `text` but neither `if` nor `endings`"),
}


def one_line(text: str) -> str:
    """Text with control characters and line breaks escaped, so a finding is always one line."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or unicodedata.category(ch) not in ("Cc", "Zl", "Zp")
                   else repr(ch)[1:-1] for ch in text)


@dataclass(frozen=True, order=True)
class Diagnostic:
    file: str
    line: int
    col: int
    severity: str
    code: str
    message: str
    hint: str = ""

    def __post_init__(self):
        # messages quote the author's own text (keys, ids, values), which may hold line breaks
        for name in ("file", "message", "hint"):
            object.__setattr__(self, name, one_line(getattr(self, name)))

    def format(self) -> str:
        text = f"{self.file}:{self.line}:{self.col}: {self.severity}: [{self.code}] {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def as_json(self) -> dict:
        message = f"{self.message} ({self.hint})" if self.hint else self.message
        return {"file": self.file, "line": self.line, "col": self.col,
                "severity": self.severity, "code": self.code, "message": message}

    def promoted(self) -> Diagnostic:
        """The same finding as an error (for --strict)."""
        return Diagnostic(self.file, self.line, self.col, ERROR, self.code, self.message, self.hint)


class Reporter:
    """Collects findings for one file; each finding knows its code's severity."""

    def __init__(self, file: str):
        self.file = file
        self.findings: list[Diagnostic] = []

    def add(self, code: str, pos: tuple[int, int] | None, message: str, hint: str = "") -> None:
        line, col = pos or (1, 1)
        self.findings.append(Diagnostic(self.file, line, col, CODES[code][1], code, message, hint))

    @property
    def has_errors(self) -> bool:
        return any(d.severity == ERROR for d in self.findings)
