"""Validator scale benchmark: load and validate generated scenarios of 100, 1,000 and 10,000 nodes.

    python bench/validate_scale.py [--sizes 100 1000 10000] [--repeats 5] [--keep DIR] [--profile N]

Each scenario is a branching conversation: every even node has a message
(every fifth node one with a red flag; odd nodes are pure choice points),
two or three choices (one forward, one to a node elsewhere, so the graph has
long cycles), some with `if` conditions, `add`, `once` and disclosures, idle
nudges on every eighth node, and an ending on every tenth. The files are written in compact YAML flow style so that even
the 10,000-node file stays under the 1 MiB safety limit: the benchmark goes
through exactly the path `python main.py validate` takes (game.validator.
check_file, with the normal limit), nothing is raised or bypassed.

For each size it prints the file size, the best time of `--repeats` runs of
load + validate, and the time per node; the last column should stay roughly
flat (linear growth). Target: 10,000 nodes in under 2 s on a 2-core machine.
`--profile N` runs cProfile on the N-node file and prints where the time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game import yamlsafe  # noqa: E402
from game.validator import check_file  # noqa: E402

TARGET_S = 2.0
TARGET_NODES = 10_000
FLAGS = ["flattery", "asks_personal_info", "offers_gifts", "secrecy", "requests_images"]


def node_id(i: int) -> str:
    return f"n{i}"


def generate(nodes: int) -> str:
    """A branching scenario of `nodes` nodes as compact YAML (one flow mapping per node, few spaces)."""
    lines = ["format: 1", f"id: scale-{nodes}", f"title: Scale {nodes}", "platform: game_chat",
             "stranger: {name: Bench,profile: [{id: bio,label: Bio,text: hi,red_flags: [fake_profile]}]}",
             f"start: {node_id(0)}", "nodes:"]
    last = nodes - 1
    for i in range(nodes):
        this = node_id(i)
        if i % 10 == 9 or i == last:
            outcome = ("unsafe", "safe", "neutral")[(i // 10) % 3]
            lines.append(f" {this}: {{messages: [{{text: end}}],end: {{outcome: {outcome}}}}}")
            continue
        # every fifth message has a red flag; odd nodes without one are pure choice points
        message = ("messages: [{text: hey,red_flags: [" + FLAGS[i % len(FLAGS)] + "]}]," if i % 5 == 0
                   else "messages: [{text: hey}]," if i % 2 == 0 else "")
        elsewhere = node_id((i * 7919 + 13) % nodes)        # anywhere: backward edges make long cycles
        choices = ["{text: a,next: " + node_id(i + 1) + (",add: {t: 1}" if i % 4 == 0 else "") + "}",
                   "{text: b,next: " + elsewhere + (",if: t > 1" if i % 3 == 0 else "")
                   + (",discloses: [age]" if i % 11 == 0 else "") + "}"]
        if i % 10 == 8 and i + 2 <= last:                    # go on past the ending at i + 1
            choices.append("{text: c,next: " + node_id(i + 2) + "}")
        elif i % 12 == 0:
            choices.append("{text: c,next: " + node_id(i + 1) + ",once: true,if: not visited(" + elsewhere + ")}")
        nudges = ",idle_nudges: [{after: 9,text: '??'}]" if i % 8 == 0 else ""
        lines.append(f" {this}: {{{message}choices: [{','.join(choices)}]{nudges}}}")
    return "\n".join(lines) + "\n"


def best_time(path: Path, repeats: int) -> tuple[float, list]:
    best, findings = float("inf"), []
    for _ in range(repeats):
        started = time.perf_counter()
        scenario, findings = check_file(path)
        best = min(best, time.perf_counter() - started)
        assert scenario is not None and len(scenario.nodes) > 0
    return best, findings


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000, 10_000])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--keep", metavar="DIR", help="write the generated files here and keep them")
    parser.add_argument("--profile", type=int, metavar="N", help="cProfile the load + validate of the N-node file")
    args = parser.parse_args(argv)

    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="rf-validate-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{'nodes':>7} {'bytes':>10} {'findings':>8} {'best of ' + str(args.repeats):>11} {'per node':>10}")
    result = 0
    for size in args.sizes:
        path = folder / f"scale-{size}.yaml"
        path.write_text(generate(size), encoding="utf-8")
        data_size = path.stat().st_size
        if data_size > yamlsafe.MAX_BYTES:
            print(f"{size:>7} {data_size:>10,} over the 1 MiB limit; use fewer nodes")
            result = 1
            continue
        seconds, findings = best_time(path, args.repeats)
        errors = [d for d in findings if d.severity == "error"]
        if errors:
            print("\n".join(d.format() for d in errors[:5]))
            result = 1
        print(f"{size:>7} {data_size:>10,} {len(findings):>8} {seconds:>10.3f}s {seconds / size * 1e6:>8.1f}us")
        if size == TARGET_NODES and seconds >= TARGET_S:
            print(f"        slower than the {TARGET_S:.0f} s target")
            result = 1
    if args.profile:
        path = folder / f"scale-{args.profile}.yaml"
        path.write_text(generate(args.profile), encoding="utf-8")
        profiler = cProfile.Profile()
        profiler.runcall(check_file, path)
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
        print(out.getvalue())
    if not args.keep:
        for path in folder.glob("scale-*.yaml"):
            path.unlink()
        folder.rmdir()
    return result


if __name__ == "__main__":
    sys.exit(main())
