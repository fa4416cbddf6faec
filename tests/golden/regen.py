"""Regenerate the expected result records of golden playthroughs.

    python tests/golden/regen.py SCENARIO_ID [SCENARIO_ID ...]   # or --all

Read the diff before committing: the expected record is the contract.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playback import golden_cases, play  # noqa: E402


def main(argv: list[str]) -> int:
    wanted = set(argv)
    if not wanted:
        print(__doc__)
        return 2
    count = 0
    for scenario_id, script in golden_cases():
        if "--all" in wanted or scenario_id in wanted:
            record = play(scenario_id, script)
            target = script.with_suffix(".expected.json")
            target.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            print(f"{target}: total {record['score']['total']}, outcome {record['outcome']}")
            count += 1
    if not count:
        print("no golden scripts matched", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
