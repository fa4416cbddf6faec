"""The two shipped forms: clean under `validate`, parallel, and covering what the issue asks for."""

from __future__ import annotations

import re

from game.checks.library import FORMS_DIR, check_form_files, form_files, load_forms
from game.library import load_library

BRANDS = re.compile(r"\b(insta|instagram|snap|snapchat|discord|roblox|robux|fortnite|v-?bucks|minecraft|tiktok|"
                    r"whatsapp|telegram|youtube|facetime|xbox|playstation|steam|twitch|tinder|amazon|paypal)\b",
                    re.IGNORECASE)


def test_shipped_forms_are_clean_against_the_library():
    assert check_form_files(form_files(), load_library().scenarios) == []


def test_there_are_forms_a_and_b_in_fixed_item_order():
    forms = load_forms()
    assert sorted(forms) == ["A", "B"]
    assert [i.id for i in forms["A"].items] == [f"a{n:02d}" for n in range(1, 17)]
    assert [i.id for i in forms["B"].items] == [f"b{n:02d}" for n in range(1, 17)]
    # red flags and safe items are mixed, not in two blocks
    answers = "".join("r" if i.is_signal else "s" for i in forms["A"].items)
    assert "rrr" not in answers and "sss" not in answers


def test_twins_share_the_position_as_well():
    forms = load_forms()
    for a, b in zip(forms["A"].items, forms["B"].items, strict=False):
        assert (a.twin, b.twin) == (b.id, a.id)


def test_safe_items_include_the_normal_but_odd_things_friends_do():
    safe = [" ".join(line.text.lower() for line in item.lines)
            for form in load_forms().values() for item in form.items if not item.is_signal]
    assert any("how old" in text for text in safe)                       # asking your age in a game
    assert any("bday" in text or "gift" in text or "codes" in text for text in safe)   # a gift between friends
    assert sum("other app" in text for text in safe) >= 2               # "add me on the other app"


def test_no_brand_names_and_short_lines():
    for form in load_forms().values():
        assert form.path.parent == FORMS_DIR
        for item in form.items:
            for line in item.lines:
                assert not BRANDS.search(line.text), (item.id, line.text)
                assert len(line.text) <= 120, (item.id, line.text)
