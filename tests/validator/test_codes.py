"""Every diagnostic code of game.diagnostics.CODES, triggered by a tiny scenario.

Each case is the clean base scenario of scenario_kit plus the smallest change
that breaks one rule of scenario-format.md. `»` marks the spot the finding must
point at. Every case must give exactly the one expected finding: one mistake,
one line of output.
"""

from __future__ import annotations

import pytest
from scenario_kit import DEFAULT_ENDING, locate, scenario, write

from game.diagnostics import CODES
from game.validator import check_file, validate_paths

LONG = "x" * 501

# (case name, expected code, scenario text with one `»`, expected hint or None)
CASES = [
    ("tab-indent", "RF001", scenario(top="»\tlanguage: en\n"), None),
    ("bad-date", "RF001", scenario(top="audience: »2024-13-45\n"), None),
    ("anchor", "RF003", scenario(top="audience: »&who teens\nsummary: *who\n"), None),
    ("alias", "RF003", scenario(top="summary: »*who\n"), None),
    ("python-tag", "RF004", scenario(message='        why: »!!python/object/apply:os.system ["true"]\n'), None),
    ("local-tag", "RF004", scenario(message="        why: »!shout hello\n"), None),
    ("too-deep", "RF005", scenario(top="content_notes: " + "[" * 31 + "»[x" + "]" * 32 + "\n"), None),
    ("top-level-list", "RF007", "»- format: 1\n- id: tiny\n", None),
    ("top-level-text", "RF007", "»just some words\n", None),
    ("ansi-colour-in-text", "RF008", scenario(message='      - text: »"hi \\e[31mthere"\n'), None),
    ("osc52-clipboard-in-title", "RF008", scenario().replace("title: Tiny", 'title: »"Tiny\\x1b]52;c;aGk=\\a"'),
     "terminal control codes are not allowed in scenario text; remove the escape"),
    ("c1-csi-in-why", "RF008", scenario(message='        why: »"\\u009b2J"\n'), None),
    ("misspelt-next", "RF010", scenario(c0="        »nxet: b\n"), "did you mean 'next'?"),
    ("misspelt-top-key", "RF010", scenario(top="»tittle: Tiny again\n"), "did you mean 'title'?"),
    ("misspelt-message-key", "RF010", scenario(message="        »severty: 2\n"), "did you mean 'severity'?"),
    ("misspelt-node-key", "RF010", scenario(nodes="  c:\n    »ends: {outcome: safe}\n    end: {outcome: safe}\n",
                                              choice="      - text: c\n        next: c\n"), "did you mean 'end'?"),
    ("missing-start", "RF011", "»" + scenario(start=None), None),
    ("missing-choice-next", "RF011", scenario(choice="      - »text: no next here\n"), None),
    ("missing-message-text", "RF011", scenario(message="      - »why: nothing to say\n"), None),
    ("missing-stranger-name", "RF011", scenario(stranger="  »claimed_age: 15\n").replace("  name: Sam\n", ""), None),
    ("empty-choice-next", "RF011", scenario(choice="      - text: go\n        »next:\n"), None),
    ("empty-string-next", "RF011", scenario(choice="      - text: go\n        »next: ''\n"), None),
    ("empty-start", "RF011", scenario().replace("start: a\n", "»start:\n"), None),
    ("empty-outcome", "RF011", scenario(b_node="  b:\n    end:\n      »outcome:\n"), None),
    ("text-for-number", "RF012", scenario(top="difficulty: »hard\n"), None),
    ("mapping-for-list", "RF012", scenario(stranger="  profile: »{bio: hello}\n"), None),
    ("list-for-mapping", "RF012", scenario(top="player: »[You]\n"), None),
    ("number-for-flag", "RF012", scenario(c0="        once: »1\n"), None),
    ("mapping-as-key", "RF012", scenario(top="»[a, b]: c\n"), None),
    ("difficulty-range", "RF013", scenario(top="difficulty: »5\n"), None),
    ("unknown-kind", "RF013", scenario(top="kind: »groomin\n"), "did you mean 'grooming'?"),
    ("format-2", "RF013", scenario().replace("format: 1", "format: »2"), None),
    ("bad-node-id", "RF013", scenario(nodes="  »Side-Room:\n    end: {outcome: safe}\n",
                                        choice="      - text: side\n        next: Side-Room\n"), None),
    ("empty-choice-list", "RF013", scenario(nodes="  c:\n    choices: »[]\n",
                                              choice="      - text: c\n        next: c\n"), None),
    ("nudges-on-an-ending", "RF013", scenario(b_node="  b:\n    end:\n      outcome: unsafe\n"
                                                     "    idle_nudges: »[{after: 5, text: hello?}]\n"), None),
    ("unknown-outcome", "RF013", scenario(b_node="  b:\n    end:\n      outcome: »unsfe\n"), "did you mean 'unsafe'?"),
    ("negative-delay", "RF013", scenario(message="        delay: »-1\n"), None),
    ("duplicate-message-id", "RF014", scenario(message="      - »text: again\n        id: a.0\n"), "first at line 11"),
    ("duplicate-profile-id", "RF014", scenario(stranger="  profile:\n    - {id: bio, label: Bio, text: one}\n"
                                                       "    - {id: »bio, label: Bio, text: two}\n"), "first at line 8"),
    ("duplicate-key", "RF015", scenario(message="        »text: again\n"), "first at line 11"),
    ("next-names-no-node", "RF101", scenario(choice="      - text: go\n        next: »nowhere\n"),
     "add the node or fix the id"),
    ("next-near-miss", "RF101", scenario(nodes="  photo:\n    end: {outcome: unsafe}\n",
                                           choice="      - text: go\n        next: »phot\n"), "did you mean 'photo'?"),
    ("start-near-miss", "RF101", scenario(start="»aa"), "did you mean 'a'?"),
    ("visited-no-node", "RF101", scenario(message='        if: »"visited(nowhere)"\n'), None),
    ("unknown-red-flag", "RF102", scenario(flags="        red_flags: [»flatery]\n"), "did you mean 'flattery'?"),
    ("unknown-red-flag-far", "RF102", scenario(message="      - text: x\n        red_flags: [flattery, »zzzz]\n"),
     "see game/data/taxonomy.yaml for the red-flag category ids"),
    ("unknown-profile-red-flag", "RF102", scenario(stranger="  profile:\n    - id: joined\n      label: Joined\n"
                                                            "      text: today\n      red_flags: [»fake_profil]\n"),
     "did you mean 'fake_profile'?"),
    ("unknown-disclosure", "RF103", scenario(c0="        discloses: [»scool]\n"), "did you mean 'school'?"),
    ("expression-syntax", "RF104", scenario(message='        if: »"trust >"\n'), None),
    ("no-eval", "RF104", scenario(message="        if: »__import__('os')\n"), None),
    ("node-without-choices-or-end", "RF105", scenario(nodes="  c:\n    »messages:\n      - text: hello\n",
                                                          choice="      - text: c\n        next: c\n"), None),
    ("node-with-empty-choices", "RF105", scenario(nodes="  c:\n    »messages:\n      - text: hello\n    choices:\n",
                                                      choice="      - text: c\n        next: c\n"), None),
    ("node-with-choices-and-end", "RF106", scenario(b_node="  b:\n    »end:\n      outcome: unsafe\n"
                                                           "    choices:\n      - text: again\n        next: a\n"), None),
    ("image-climbs-out", "RF107", scenario(message="        image: »../../secret.png\n"), None),
    ("absolute-avatar", "RF107", scenario(stranger="  avatar: »/etc/passwd\n"), None),
    ("windows-drive", "RF107", scenario(message="        image: »C:\\\\pics\\\\me.png\n"), None),
    ("weights-sum", "RF108", scenario(tail="scoring:\n  weights: »{detection: 0.5, exit: 0.5, privacy: 0.2}\n"), None),
    ("debrief-unknown-ending", "RF109", scenario(tail="debrief:\n  sections:\n    - endings: »[paid]\n"
                                                      "      text: Paying made it worse.\n"),
     "list ending nodes or block, report, leave"),
    ("debrief-near-miss-ending", "RF109", scenario(tail="debrief:\n  sections:\n    - endings: »[blok]\n"
                                                        "      text: You blocked.\n"), "did you mean 'block'?"),
    ("debrief-not-an-ending", "RF109", scenario(tail="debrief:\n  sections:\n    - endings: »[a]\n      text: x\n"),
     "list ending nodes (with 'end:') or block, report, leave"),
    ("debrief-section-visited-no-node", "RF101", scenario(tail='debrief:\n  sections:\n    - if: »"visited(nowhere)"\n'
                                                               "      text: x\n"), None),
    ("misspelt-debrief-section-key", "RF010", scenario(tail='debrief:\n  sections:\n    - if: "visited(b)"\n'
                                                            "      »txet: x\n      text: y\n"), "did you mean 'text'?"),
    ("unreachable-node", "RF201", scenario(nodes="  c: »{choices: [{text: go, next: b}]}\n"), None),
    ("unreachable-ending", "RF202", scenario(nodes="  c: »{end: {outcome: safe}}\n"), None),
    ("grooming-without-red-flags", "RF203", "»" + scenario(flags=""), None),
    ("grooming-without-unsafe-ending", "RF204", "»" + scenario(b_node=DEFAULT_ENDING.replace("unsafe", "safe")), None),
    ("benign-with-red-flags", "RF205", scenario(top="kind: benign\n", m0="»",
                                                b_node=DEFAULT_ENDING.replace("unsafe", "safe")), None),
    ("variable-never-set", "RF206", scenario(message='        if: »"trust >= 2"\n'), "it is always 0"),
    ("missing-image", "RF207", scenario(m0="»", message="        image: images/not-there.png\n"), None),
    ("missing-avatar", "RF207", scenario(stranger="  avatar: »avatars/not-there.png\n"), None),
    ("missing-profile-photo", "RF207", scenario(stranger="  profile:\n    - {id: photos, label: Photos, text: 3 photos,"
                                                          " image: »photos/not-there.png}\n"), None),
    ("long-message", "RF208", scenario(message=f"      - »text: {LONG}\n"), None),
    ("long-variant", "RF208", scenario(message=f"      - »text: short\n        variants: [short too, {LONG}]\n"), None),
    ("all-choices-conditional", "RF209", scenario(a0="»", c0='        if: "not visited(b)"\n'), None),
    ("once-in-a-loop", "RF209", scenario(nodes="  c:\n    »choices:\n      - {text: again, next: c, once: true}\n",
                                           choice="      - text: c\n        next: c\n"), None),
    ("debrief-section-always-shown", "RF211", scenario(tail="debrief:\n  sections:\n    - »text: Well done.\n"), None),
    ("red-flag-on-ending", "RF210", scenario(b_node="  b:\n    messages:\n      - »text: now a photo\n"
                                                    "        red_flags: [requests_images]\n"
                                                    "    end:\n      outcome: unsafe\n"), None),
]

# codes that need more than one inline text; tested below
SPECIAL = {"RF002", "RF006", "RF016", "RF110"}   # RF110: tests/hardening/test_pictures.py
# the check forms' rules (prepost.md) need a pair of form files: tests/checks/test_check_forms.py
SPECIAL |= {code for code in CODES if code.startswith("RF12")}


def test_every_code_has_a_case():
    assert {code for _, code, _, _ in CASES} | SPECIAL == set(CODES)


@pytest.mark.parametrize("name,code,text,hint", CASES, ids=[c[0] for c in CASES])
def test_code_is_reported_once_at_the_marked_spot(tmp_path, name, code, text, hint):
    clean, (line, col) = locate(text)
    path = write(tmp_path, clean)
    _, findings = check_file(path)
    assert [(d.code, d.line, d.col) for d in findings] == [(code, line, col)], [d.format() for d in findings]
    finding = findings[0]
    assert finding.severity == CODES[code][1]
    assert finding.file == str(path)
    if hint is not None:
        assert finding.hint == hint
    assert "\n" not in finding.format()


def test_base_scenario_is_clean(tmp_path):
    scenario_obj, findings = check_file(write(tmp_path, scenario()))
    assert findings == []
    assert scenario_obj.id == "tiny" and set(scenario_obj.nodes) == {"a", "b"}


def test_a_500_character_message_is_fine(tmp_path):
    _, findings = check_file(write(tmp_path, scenario(message="      - text: " + "x" * 500 + "\n")))
    assert findings == []


def test_32_levels_of_nesting_are_fine_33_are_not(tmp_path):
    # the top-level mapping is level 1, so 31 lists inside it make 32 levels
    ok = scenario(top="content_notes: " + "[" * 31 + "x" + "]" * 31 + "\n")
    _, findings = check_file(write(tmp_path, ok))
    assert "RF005" not in {d.code for d in findings}
    deep = scenario(top="content_notes: " + "[" * 32 + "x" + "]" * 32 + "\n")
    _, findings = check_file(write(tmp_path, deep))
    assert [d.code for d in findings] == ["RF005"]


def test_file_over_one_mebibyte(tmp_path):
    text = scenario()
    padding = 1024 * 1024 + 1 - len(text.encode()) - 3
    big = text + "# " + "x" * padding + "\n"
    assert len(big.encode()) == 1024 * 1024 + 1
    _, findings = check_file(write(tmp_path, big))
    assert [(d.code, d.line, d.col) for d in findings] == [("RF002", 1, 1)]
    exactly = text + "# " + "x" * (padding - 1) + "\n"
    assert len(exactly.encode()) == 1024 * 1024
    _, findings = check_file(write(tmp_path, exactly))
    assert findings == []


def test_invalid_utf8_points_at_its_line(tmp_path):
    data = scenario().encode().replace(b"title: Tiny", b"title: caf\xe9")   # Latin-1 e-acute on line 3
    _, findings = check_file(write(tmp_path, data))
    assert [(d.code, d.line, d.col) for d in findings] == [("RF006", 3, 1)]


def test_nul_character_points_at_its_line(tmp_path):
    data = scenario().encode().replace(b"title: Tiny", b"title: Ti\x00ny")
    _, findings = check_file(write(tmp_path, data))
    assert [(d.code, d.line) for d in findings] == [("RF006", 3)]


def test_utf8_with_bom_is_fine(tmp_path):
    _, findings = check_file(write(tmp_path, b"\xef\xbb\xbf" + scenario().encode()))
    assert findings == []


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n"])
def test_empty_documents(tmp_path, text):
    _, findings = check_file(write(tmp_path, text))
    assert [(d.code, d.line, d.col) for d in findings] == [("RF007", 1, 1)]


def test_duplicate_scenario_id_across_files(tmp_path):
    first = write(tmp_path, scenario(id="same-id"), "a.yaml")
    second = write(tmp_path, scenario(id="same-id"), "b.yaml")
    findings, scenarios = validate_paths([first, second])
    assert [(d.file, d.code, d.line, d.col) for d in findings] == [(str(second), "RF016", 1, 1)]
    assert str(first) in findings[0].message
    assert len(scenarios) == 2
    findings, _ = validate_paths([first, write(tmp_path, scenario(id="other-id"), "c.yaml")])
    assert findings == []


def test_unreadable_path_is_a_finding_not_a_crash(tmp_path):
    folder = tmp_path / "dir.yaml"
    folder.mkdir()
    _, findings = check_file(folder)
    assert [d.code for d in findings] == ["RF001"]


def test_expression_error_names_the_character(tmp_path):
    clean, _ = locate(scenario(message='        if: »"trust > > 1"\n'))
    _, findings = check_file(write(tmp_path, clean))
    # "trust > > 1": the second '>' (character 9) cannot start a value
    assert "(at character 9)" in findings[0].message


def test_duplicate_key_hint_names_the_first_line(tmp_path):
    _, findings = check_file(write(tmp_path, scenario(top="audience: teens\naudience: kids\n")))
    assert [(d.code, d.line, d.hint) for d in findings] == [("RF015", 6, "first at line 5")]
