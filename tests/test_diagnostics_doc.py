"""docs/diagnostics.md documents exactly the codes of game.diagnostics.CODES, with their names and severities."""

import re
from pathlib import Path

from game.diagnostics import CODES

DOC = Path(__file__).resolve().parent.parent / "docs" / "diagnostics.md"
ROW = re.compile(r"^\|\s*(RF\d{3})\s*\|(.*)\|\s*$")


def doc_rows() -> list[list[str]]:
    rows = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match:
            rows.append([match.group(1)] + [cell.strip() for cell in match.group(2).split(" | ")])
    return rows


def test_doc_lists_exactly_the_codes_in_the_table():
    codes = [row[0] for row in doc_rows()]
    assert len(codes) == len(set(codes)), "a code is listed twice"
    assert set(codes) == set(CODES)


def test_doc_rows_are_in_code_order():
    codes = [row[0] for row in doc_rows()]
    assert codes == sorted(codes)


def test_doc_names_and_severities_match_the_code_table():
    for code, name, severity, meaning, example in doc_rows():
        assert (name, severity) == CODES[code][:2], code
        assert meaning and example, f"{code} needs a meaning and an example"


def test_codes_are_stable_shape():
    for code, (_name, severity, _example) in CODES.items():
        assert re.fullmatch(r"RF\d{3}", code)
        assert severity in ("error", "warning")
        # RF2xx are the warnings of scenario-format.md; everything else is an error
        assert (severity == "warning") == code.startswith("RF2"), code
