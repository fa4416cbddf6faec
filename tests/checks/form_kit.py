"""Small valid pairs of check forms for tests, and helpers to break them on purpose."""

from __future__ import annotations

from pathlib import Path

CATEGORIES = ("offers_gifts", "secrecy", "requests_images", "meet_in_person", "risk_check",
              "moves_to_private_channel", "flattery", "pressure_urgency")


def items(letter: str, other: str, platform: str = "game_chat") -> list[dict]:
    out = []
    for i in range(1, 17):
        red = i <= 8
        item = {"id": f"{letter}{i:02d}", "platform": platform, "answer": "red_flag" if red else "safe",
                "twin": f"{other}{i:02d}",
                "lines": [{"from": "stranger", "text": f"form {letter} item {i} says hello there"},
                          {"from": "you", "text": f"reply {letter}{i}"}]}
        if red:
            item["categories"] = [CATEGORIES[i - 1]]
        out.append(item)
    return out


def render(form: str, form_items: list[dict]) -> str:
    """YAML text with one key per line, so tests can find a value's line and column."""
    out = [f"form: {form}", "items:"]
    for item in form_items:
        out.append(f"  - id: {item['id']}")
        for key in ("platform", "answer", "twin"):
            if key in item:
                out.append(f"    {key}: {item[key]}")
        if "categories" in item:
            out.append(f"    categories: [{', '.join(item['categories'])}]")
        out.append("    lines:")
        for line in item["lines"]:
            out.append(f"      - {{from: {line['from']}, text: \"{line['text']}\"}}")
    return "\n".join(out) + "\n"


def write_pair(folder: Path, a_items: list[dict] | None = None, b_items: list[dict] | None = None) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    a, b = folder / "form-a.yaml", folder / "form-b.yaml"
    a.write_text(render("A", a_items if a_items is not None else items("a", "b")), encoding="utf-8")
    b.write_text(render("B", b_items if b_items is not None else items("b", "a")), encoding="utf-8")
    return a, b


def line_of(path: Path, needle: str) -> int:
    """1-based number of the first line of `path` containing `needle`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
