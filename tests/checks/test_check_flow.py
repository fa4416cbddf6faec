"""The whole flow on one device: form A, five chats, form B, then the counsellor's report.

A class takes the pre check (forms alternate between students), each student
plays chats, then takes the post check with the other form; the report says
in one sentence and one chart whether discrimination improved.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from test_check_command import PERFECT, write

from game.checks import storage
from game.checks.library import load_forms
from game.checks.simulate import take
from game.cli import main
from game.results.store import Store

FORMS = load_forms()
BEST = Path(__file__).resolve().parents[1] / "golden" / "generous-teammate" / "best.script"


def answers(form, rng, accuracy):
    return [(("red" if item.is_signal else "safe") if rng.random() < accuracy else
             ("safe" if item.is_signal else "red")) + f" {rng.randint(1, 4)}" for item in FORMS[form].items]


def check(capsys, tmp_path, lines, *args):
    script = write(tmp_path, lines, "s.txt")
    code = main(["check", "--text", "--script", str(script), "--result-json", str(tmp_path / "r.json"), *args])
    out = capsys.readouterr().out
    return code, out, json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))


def play(capsys, *args):
    assert main(["play", "generous-teammate", "--text", "--script", str(BEST),
                 *args]) == 0
    capsys.readouterr()


def test_defaults_alternate_forms_and_follow_the_chats(tmp_path, capsys, private_data_dir):
    code, out, first = check(capsys, tmp_path, PERFECT, "--player", "Ana", "--class", "7b")
    assert (code, first["form"], first["phase"]) == (0, "A", "pre")
    assert "Last time" not in out
    _, _, ben = check(capsys, tmp_path, ["skip"] * 16, "--player", "Ben", "--class", "7B")
    assert (ben["form"], ben["phase"]) == ("B", "pre")          # half the class starts with each form
    play(capsys, "--player", "ana", "--class", "7B")
    lines = ["red 4" if item.is_signal else "red 1" for item in FORMS["B"].items]     # flags everything
    _, out, post = check(capsys, tmp_path, lines, "--player", "Ana", "--class", "7B")
    assert (post["form"], post["phase"]) == ("B", "post")
    assert ("Last time you spotted 8 of 8 warning signs and called 0 of 8 normal chats a red flag. This time you "
            "spotted 8 of 8 warning signs and called 8 of 8 normal chats a red flag.") in out
    assert "You flagged more this time, normal chats too." in out
    with Store.open(private_data_dir) as store:
        assert [(r.player, r.record["phase"]) for r in storage.rows(store)] == \
            [("Ana", "pre"), ("Ben", "pre"), ("Ana", "post")]


def test_no_save_stores_nothing(tmp_path, capsys, private_data_dir):
    check(capsys, tmp_path, PERFECT, "--player", "Ana", "--no-save")
    with Store.open(private_data_dir) as store:
        assert storage.count(store) == 0


def test_a_class_report_says_whether_discrimination_improved(tmp_path, capsys, private_data_dir):
    rng = random.Random(4)
    with Store.open(private_data_dir) as store:
        for k in range(24):
            first, second = ("A", "B") if k % 2 == 0 else ("B", "A")
            d, c = rng.gauss(1.0, 0.3), rng.gauss(0.0, 0.3)
            storage.save(store, take(rng, FORMS[first], "pre", d, c), form_sha256="x", player=f"p{k}",
                         class_code="7B", taken_at=store.clock() - 86400 + k)
            storage.save(store, take(rng, FORMS[second], "post", d + 1.0, c), form_sha256="x", player=f"p{k}",
                         class_code="7B", taken_at=store.clock() + k)
    out = tmp_path / "report.html"
    assert main(["report", "--class", "7B", "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert '<p class="verdict good">Discrimination improved</p>' in html
    assert html.count('role="img"') >= 1 and "24 students took a check before and after playing." in html
    assert '<a href="#check">Before and after</a>' in html
    assert "48 checks" in capsys.readouterr().err

    assert main(["report", "--format", "csv", "--checks", "--out", str(tmp_path / "c.csv")]) == 0
    assert len((tmp_path / "c.csv").read_text(encoding="utf-8").splitlines()) == 49
    assert main(["report", "--format", "json", "--out", str(tmp_path / "r.json")]) == 0
    plain = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert plain["checks"]["classes"][0]["change"]["sentence"] == "discrimination improved"


def test_a_report_without_checks_has_no_check_section(tmp_path, capsys):
    play(capsys, "--player", "ana")
    out = tmp_path / "report.html"
    assert main(["report", "--out", str(out)]) == 0
    assert 'id="check"' not in out.read_text(encoding="utf-8")


def test_forget_deletes_a_players_checks(tmp_path, capsys, private_data_dir):
    check(capsys, tmp_path, PERFECT, "--player", "Ana", "--class", "7B")
    check(capsys, tmp_path, PERFECT, "--player", "Ben", "--class", "7B")
    assert main(["forget", "--player", "ana", "--class", "7B", "--yes"]) == 0
    assert "Deleted 0 sessions and 1 check for good." in capsys.readouterr().out
    with Store.open(private_data_dir) as store:
        assert [r.player for r in storage.rows(store)] == ["Ben"]


def test_the_teacher_sets_the_number_of_chats_before_the_post_check(capsys, private_data_dir):
    with Store.open(private_data_dir) as store:
        assert storage.post_after(store) == 5
    assert main(["check", "--post-after", "3"]) == 0
    assert "offered after 3 chats" in capsys.readouterr().out
    with Store.open(private_data_dir) as store:
        assert storage.post_after(store) == 3
    assert main(["check", "--post-after", "0"]) == 2
    assert "1 to 100" in capsys.readouterr().err
