"""Form files: loading, the whole-set rules RF120-RF127, and `validate` on forms."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from form_kit import items, line_of, write_pair

from game.checks.library import FormError, check_form_files, load_forms
from game.checks.loader import is_form_file
from game.cli import main
from game.diagnostics import CODES
from game.library import load_library

FORM_CODES = {c for c in CODES if c.startswith("RF12")}


def findings(folder, a=None, b=None, scenarios=()):
    pa, pb = write_pair(folder, a, b)
    return pa, pb, check_form_files([pa, pb], scenarios, bundled=None)


def codes(found):
    return [(d.code, d.line) for d in found]


def test_the_kit_pair_is_clean(tmp_path):
    _, _, found = findings(tmp_path)
    assert found == []
    forms = load_forms(tmp_path)
    assert sorted(forms) == ["A", "B"]
    assert [i.id for i in forms["A"].items][:2] == ["a01", "a02"]
    assert forms["A"].items[0].categories == ("offers_gifts",)
    assert forms["A"].items[8].categories == ()


def test_form_files_are_told_from_scenarios(tmp_path):
    a, _ = write_pair(tmp_path)
    scenario = tmp_path / "s.yaml"
    scenario.write_text("format: 1\nid: x\n", encoding="utf-8")
    assert is_form_file(a) and not is_form_file(scenario)


def test_rf120_size_and_rf121_balance(tmp_path):
    a = items("a", "b")[:15]
    b = items("b", "a")[:15]
    pa, _, found = findings(tmp_path, a, b)
    assert ("RF120", 1) in codes(found) and ("RF121", 1) in codes(found)
    assert all(d.code in ("RF120", "RF121", "RF122") for d in found)
    assert next(d for d in found if d.code == "RF120" and d.file == str(pa)).message == "form 'A' has 15 items"


def test_rf121_balance_with_sixteen_items(tmp_path):
    a, b = items("a", "b"), items("b", "a")
    for form in (a, b):
        form[8]["answer"] = "red_flag"
        form[8]["categories"] = ["secrecy"]
    _, _, found = findings(tmp_path, a, b)
    assert {d.code for d in found} == {"RF121"}
    assert found[0].message == "form 'A' has 9 red_flag and 7 safe items"


def test_rf122_unknown_twin_points_at_the_twin(tmp_path):
    a = items("a", "b")
    a[2]["twin"] = "b33"
    pa, _, found = findings(tmp_path, a)
    rf122 = [d for d in found if d.code == "RF122"]
    assert [(d.file, d.line, d.col) for d in rf122] == [(str(pa), line_of(pa, "twin: b33"), 11)]
    assert rf122[0].hint == "did you mean 'b03'?"
    # b03 now has a twin that does not name it back
    assert [d.code for d in found if d.file != str(pa)] == ["RF123"]


def test_rf122_twin_in_the_same_form(tmp_path):
    a = items("a", "b")
    a[0]["twin"] = "a02"
    _, _, found = findings(tmp_path, a)
    assert "is no item in this form" in next(d for d in found if d.code == "RF122").message


@pytest.mark.parametrize("key,value,words", [
    ("platform", "social_media", "platform game_chat vs social_media"),
    ("answer", "safe", "answer red_flag vs safe"),
    ("categories", ["secrecy"], "first category offers_gifts vs secrecy"),
])
def test_rf123_twins_must_match(tmp_path, key, value, words):
    b = items("b", "a")
    b[0][key] = value
    if key == "answer":
        del b[0]["categories"]
        b[8]["answer"] = "red_flag"        # keep form B balanced so only the twin rule fires
        b[8]["categories"] = ["secrecy"]
        b[8]["twin"] = "a09"
    pa, _, found = findings(tmp_path, None, b)
    mine = [d for d in found if d.file == str(pa) and d.code == "RF123"]
    assert mine and words in mine[0].message
    assert mine[0].line == line_of(pa, "twin: b01")


def test_a_later_category_may_differ(tmp_path):
    a = items("a", "b")
    a[0]["categories"] = ["offers_gifts", "secrecy"]
    _, _, found = findings(tmp_path, a)
    assert found == []


def test_rf124_categories_covered(tmp_path):
    a, b = items("a", "b"), items("b", "a")
    for form in (a, b):
        for item in form[:8]:
            item["categories"] = ["secrecy"] if int(item["id"][1:]) % 2 else ["offers_gifts"]
    _, _, found = findings(tmp_path, a, b)
    assert {d.code for d in found} == {"RF124"}
    assert found[0].message == "the red_flag items of form 'A' cover 2 categories"


def test_rf125_text_shown_by_a_scenario(tmp_path):
    library = load_library()
    shown = next(m.text for s in library.scenarios for n in s.nodes.values() for m in n.messages if len(m.text) > 30)
    a = items("a", "b")
    a[4]["lines"][0]["text"] = shown.upper().replace('"', "'")      # case does not hide it
    a[5]["lines"][1]["text"] = "ok"                                   # short text inside a chat is fine
    pa, _, found = findings(tmp_path, a, scenarios=library.scenarios)
    assert [(d.code, d.line) for d in found] == [("RF125", line_of(pa, "id: a05") + 6)]


def test_rf125_part_of_a_longer_message(tmp_path):
    library = load_library()
    shown = next(m.text for s in library.scenarios for n in s.nodes.values() for m in n.messages if len(m.text) > 60)
    words = shown.split()
    part = " ".join(words[1:-1])
    a = items("a", "b")
    a[0]["lines"][0]["text"] = part.replace('"', "'")
    _, _, found = findings(tmp_path, a, scenarios=library.scenarios)
    assert [d.code for d in found] == ["RF125"]


def test_rf126_item_id_in_two_forms(tmp_path):
    b = items("b", "a")
    b[15]["id"] = "a16"
    a = items("a", "b")
    a[15]["twin"] = "a16"      # so only the duplicate is wrong, not the twin
    _pa, pb, found = findings(tmp_path, a, b)
    assert ("RF126", line_of(pb, "id: a16")) in codes([d for d in found if d.file == str(pb)])


def test_rf127_two_files_with_one_form_name(tmp_path):
    pa, pb = write_pair(tmp_path)
    pb.write_text(pb.read_text(encoding="utf-8").replace("form: B", "form: A"), encoding="utf-8")
    found = check_form_files([pa, pb], bundled=None)
    assert ("RF127", 1) in codes([d for d in found if d.file == str(pb)])


@pytest.mark.parametrize("change,code", [
    (lambda it: it.update(platform="chatroom"), "RF013"),
    (lambda it: it.update(answer="maybe"), "RF013"),
    (lambda it: it.update(categories=["flatery"]), "RF102"),
    (lambda it: it.pop("categories"), "RF011"),
    (lambda it: it.update(id="A-1"), "RF013"),
    (lambda it: it["lines"].pop(), "RF013"),
    (lambda it: it["lines"].extend([it["lines"][0]] * 3), "RF013"),
])
def test_value_problems_use_the_scenario_codes(tmp_path, change, code):
    a = items("a", "b")
    change(a[0])
    pa, _, found = findings(tmp_path, a)
    assert code in [d.code for d in found if d.file == str(pa)]
    # the whole-set rules are held back for a file with errors
    assert not [d for d in found if d.file == str(pa) and d.code in FORM_CODES]


def test_safe_item_with_categories(tmp_path):
    a = items("a", "b")
    a[10]["categories"] = ["secrecy"]
    pa, _, found = findings(tmp_path, a)
    assert [(d.code, d.line) for d in found] == [("RF013", line_of(pa, "id: a11") + 4)]


def test_unknown_key_and_duplicate_id(tmp_path):
    pa, pb = write_pair(tmp_path)
    text = pa.read_text(encoding="utf-8").replace("    answer: safe\n", "    answr: safe\n", 1)
    text = text.replace("id: a16", "id: a15")
    pa.write_text(text, encoding="utf-8")
    found = [d.code for d in check_form_files([pa, pb], bundled=None) if d.file == str(pa)]
    assert "RF010" in found and "RF014" in found


def test_every_form_code_is_exercised_here():
    source = Path(__file__).read_text(encoding="utf-8")
    assert all(f'"{code}"' in source for code in FORM_CODES)
    assert FORM_CODES == {"RF120", "RF121", "RF122", "RF123", "RF124", "RF125", "RF126", "RF127"}


def test_load_forms_refuses_a_broken_set(tmp_path):
    write_pair(tmp_path, items("a", "b")[:15])
    with pytest.raises(FormError, match="RF120"):
        load_forms(tmp_path)


def test_validate_command_checks_form_files(tmp_path, capsys):
    a = items("a", "b")
    a[0] = copy.deepcopy(a[0])
    a[0]["twin"] = "b99"
    pa, _pb = write_pair(tmp_path, a)
    code = main(["validate", str(tmp_path)])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert any(line.startswith(f"{pa}:{line_of(pa, 'twin: b99')}:11: error: [RF122]") for line in out)
    assert out[-1].startswith("2 files checked: ")


def test_validate_command_with_a_clean_pair(tmp_path, capsys):
    write_pair(tmp_path)
    assert main(["validate", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines() == ["2 files checked: 0 errors, 0 warnings"]
