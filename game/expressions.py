"""The `if:` condition language: a tiny, safe parser and evaluator (never `eval`).

Grammar (lowest precedence first):

    expr       := and_expr ("or" and_expr)*
    and_expr   := not_expr ("and" not_expr)*
    not_expr   := "not" not_expr | comparison
    comparison := operand (("==" | "!=" | "<" | "<=" | ">" | ">=") operand)?
    operand    := INT | "true" | "false" | NAME | "visited" "(" NODE_ID ")" | "(" expr ")"

Unset variables read as 0. Booleans compare as 1 and 0.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

_TOKEN = re.compile(r"\s*(?:(-?\d+)\b|([A-Za-z_][A-Za-z0-9_]*|\d[A-Za-z0-9_]*)|(==|!=|<=|>=|<|>|\(|\)))")
_VARIABLE = re.compile(r"[a-z_][a-z0-9_]*\Z")
_NODE_ID = re.compile(r"[a-z0-9_]+\Z")
_COMPARE = {"==": operator.eq, "!=": operator.ne, "<": operator.lt,
            "<=": operator.le, ">": operator.gt, ">=": operator.ge}
_KEYWORDS = {"and", "or", "not", "true", "false", "visited"}
MAX_NESTING = 32   # parentheses and `not`s inside each other; deeper would exhaust Python's stack


class ExpressionError(ValueError):
    """A syntax error; `offset` is the 0-based character position in the source."""

    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.offset = offset


class State:
    """What an expression can see: variables and visited nodes."""

    def __init__(self, variables: Mapping[str, int | bool], visited):
        self.variables, self.visited = variables, visited


Evaluator = Callable[[State], int | bool]


@dataclass(frozen=True)
class Expression:
    source: str
    evaluate: Evaluator = field(compare=False, repr=False)
    variables: frozenset[str] = frozenset()
    nodes: frozenset[str] = frozenset()

    def __call__(self, state: State) -> bool:
        return bool(self.evaluate(state))


def _tokenize(source: str) -> list[tuple[str, str, int]]:
    tokens, pos = [], 0
    end = len(source.rstrip())   # (no slicing per token: that made long conditions quadratic)
    while pos < end:
        match = _TOKEN.match(source, pos)
        if not match:
            start = len(source) - len(source[pos:].lstrip())
            raise ExpressionError(f"unexpected character {source[start]!r}", start)
        number, word, symbol = match.groups()
        start = match.start(match.lastindex or 0)
        if number is not None:
            tokens.append(("int", number, start))
        elif word is not None:
            tokens.append(("word", word, start))
        else:
            tokens.append(("sym", symbol, start))
        pos = match.end()
    tokens.append(("end", "", len(source)))
    return tokens


class _Parser:
    def __init__(self, source: str):
        self.source = source
        self.tokens = _tokenize(source)
        self.i = 0
        self.variables: set[str] = set()
        self.nodes: set[str] = set()
        self.depth = 0

    def nest(self, pos: int) -> None:
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise ExpressionError(f"the condition is nested more than {MAX_NESTING} levels deep", pos)

    def peek(self):
        return self.tokens[self.i]

    def take(self):
        token = self.tokens[self.i]
        self.i += 1
        return token

    def expect(self, value: str):
        kind, text, pos = self.take()
        if text != value or kind == "end" and value:
            found = "the end" if kind == "end" else repr(text)
            raise ExpressionError(f"expected '{value}' but found {found}", pos)

    def parse(self) -> Evaluator:
        if self.peek()[0] == "end":
            raise ExpressionError("empty condition", 0)
        result = self.or_expr()
        kind, text, pos = self.peek()
        if kind != "end":
            raise ExpressionError(f"unexpected {text!r}", pos)
        return result

    def or_expr(self) -> Evaluator:
        parts = [self.and_expr()]
        while self.peek()[1] == "or":
            self.take()
            parts.append(self.and_expr())
        if len(parts) == 1:
            return parts[0]
        ps = tuple(parts)
        return lambda s: any(p(s) for p in ps)

    def and_expr(self) -> Evaluator:
        parts = [self.not_expr()]
        while self.peek()[1] == "and":
            self.take()
            parts.append(self.not_expr())
        if len(parts) == 1:
            return parts[0]
        ps = tuple(parts)
        return lambda s: all(p(s) for p in ps)

    def not_expr(self) -> Evaluator:
        if self.peek()[1] == "not":
            self.nest(self.take()[2])
            inner = self.not_expr()
            self.depth -= 1
            return lambda s: not inner(s)
        return self.comparison()

    def comparison(self) -> Evaluator:
        left = self.operand()
        kind, text, _ = self.peek()
        if kind == "sym" and text in _COMPARE:
            self.take()
            right = self.operand()
            op = _COMPARE[text]
            return lambda s: op(int(left(s)), int(right(s)))
        return left

    def operand(self) -> Evaluator:
        kind, text, pos = self.take()
        if kind == "int":
            try:
                value = int(text)
            except ValueError:  # Python refuses to convert integers of thousands of digits
                raise ExpressionError("the number is too long", pos) from None
            return lambda s: value
        if kind == "sym" and text == "(":
            self.nest(pos)
            inner = self.or_expr()
            self.expect(")")
            self.depth -= 1
            return inner
        if kind == "word":
            if text == "true":
                return lambda s: True
            if text == "false":
                return lambda s: False
            if text == "visited":
                self.expect("(")
                node_kind, node, node_pos = self.take()
                if node_kind not in ("word", "int") or not _NODE_ID.match(node):
                    raise ExpressionError("visited() needs a node id like visited(intro)", node_pos)
                self.expect(")")
                self.nodes.add(node)
                return lambda s: node in s.visited
            if text in _KEYWORDS:
                raise ExpressionError(f"'{text}' cannot stand here", pos)
            if not _VARIABLE.match(text):
                raise ExpressionError(f"{text!r} is not a variable name (use lower case, digits and _)", pos)
            self.variables.add(text)
            return lambda s: s.variables.get(text, 0)
        found = "the end of the condition" if kind == "end" else repr(text)
        raise ExpressionError(f"expected a value but found {found}", pos)


def parse(source: str) -> Expression:
    """Parse a condition; raises ExpressionError with the offending offset."""
    parser = _Parser(str(source))
    evaluate = parser.parse()
    return Expression(str(source), evaluate, frozenset(parser.variables), frozenset(parser.nodes))
