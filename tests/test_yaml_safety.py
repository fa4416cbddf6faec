"""Scenario files are untrusted: nothing in them is executed, and the safety limits hold.

scenario-format.md, "Safety limits on input": safe loading only (no tags that
construct objects), files over 1 MiB, anchors/aliases and nesting deeper than
32 are errors, asset paths stay inside the scenario's folder or assets/, and
no scenario text is executed, formatted as a template or passed to a shell.
"""

from __future__ import annotations

import pytest
from scenario_kit import scenario, write

from game import yamlsafe
from game.engine import Conversation
from game.loader import ScenarioError, safe_asset_path
from game.validator import check_file, load_scenario

PAYLOADS = [
    '!!python/object/apply:os.system ["touch {marker}"]',
    '!!python/object/apply:subprocess.call [["touch", "{marker}"]]',
    '!!python/object/new:subprocess.Popen [["touch", "{marker}"]]',
    '!!python/object/apply:builtins.exec ["open(\'{marker}\', \'w\').close()"]',
    "!!python/name:os.system",
    "!<tag:yaml.org,2002:python/object/apply:os.system> [\"touch {marker}\"]",
]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("place", ["value", "key", "top"])
def test_tag_payloads_never_run(tmp_path, payload, place):
    marker = tmp_path / "pwned"
    tagged = payload.format(marker=marker)
    if place == "value":
        text = scenario(message=f"        why: {tagged}\n")
    elif place == "key":
        text = scenario(top=f"? {tagged}\n: 1\n")
    else:
        text = f"--- {tagged}\n"
    path = write(tmp_path, text)
    _, findings = check_file(path)
    assert [d.code for d in findings] == ["RF004"]
    with pytest.raises(ScenarioError):
        load_scenario(path)
    with pytest.raises(yamlsafe.YamlProblem):
        yamlsafe.loads(text)
    assert not marker.exists(), "a YAML tag ran code"


def test_tag_directive_shorthand_is_refused(tmp_path):
    marker = tmp_path / "pwned"
    text = f'%TAG !p! tag:yaml.org,2002:python/object/apply:\n---\nx: !p!os.system ["touch {marker}"]\n'
    with pytest.raises(yamlsafe.YamlProblem) as exc:
        yamlsafe.loads(text)
    assert exc.value.code == "RF004" and exc.value.pos == (3, 4)
    assert not marker.exists()


@pytest.mark.parametrize("tag", ["!!str", "!!int", "!!binary", "!!set", "!!omap", "!!map", "!!timestamp", "!custom"])
def test_even_harmless_tags_are_refused(tag):
    with pytest.raises(yamlsafe.YamlProblem) as exc:
        yamlsafe.loads(f"a: {tag} 1\n")
    assert (exc.value.code, exc.value.pos) == ("RF004", (1, 4))


def test_billion_laughs_is_refused_at_the_first_anchor_quickly():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    with pytest.raises(yamlsafe.YamlProblem) as exc:
        yamlsafe.loads("\n".join(lines) + "\n")
    assert (exc.value.code, exc.value.pos) == ("RF003", (1, 4))   # at the first anchor, nothing expanded


def test_merge_key_with_alias_is_refused():
    text = "base: &b {text: hi}\nother:\n  <<: *b\n"
    with pytest.raises(yamlsafe.YamlProblem) as exc:
        yamlsafe.loads(text)
    assert exc.value.code == "RF003"
    with pytest.raises(yamlsafe.YamlProblem) as exc:
        yamlsafe.loads("other:\n  <<: *b\n")
    assert (exc.value.code, exc.value.pos) == ("RF003", (2, 7))


def test_plain_equals_and_merge_signs_are_just_text():
    assert yamlsafe.loads("a: =\nb: <<\n") == {"a": "=", "b": "<<"}


def test_size_limit_is_checked_before_parsing(monkeypatch):
    # 2 MiB of unclosed brackets would be a syntax error, but the size is refused first
    data = b"[" * (2 * 1024 * 1024)

    def no_parsing(*args, **kwargs):
        raise AssertionError("the parser ran on a file that is too big")

    with monkeypatch.context() as patched:
        patched.setattr(yamlsafe.yaml, "parse", no_parsing)
        patched.setattr(yamlsafe.yaml, "compose", no_parsing)
        with pytest.raises(yamlsafe.YamlProblem) as exc:
            yamlsafe.load_bytes(data)
    assert exc.value.code == "RF002"
    assert yamlsafe.load_bytes(b"a: 1\n" + b"#" * 100, max_bytes=200) == {"a": 1}
    with pytest.raises(yamlsafe.YamlProblem):
        yamlsafe.load_bytes(b"a: 1\n" + b"#" * 200, max_bytes=200)


def test_deep_nesting_limit_counts_lists_and_mappings():
    ok_lists = "[" * 32 + "]" * 32
    assert yamlsafe.loads(ok_lists) is not None
    ok_maps = "{a: " * 31 + "{}" + "}" * 31
    assert yamlsafe.loads(ok_maps) is not None
    for text in ("[" * 33 + "]" * 33, "{a: " * 32 + "{}" + "}" * 32,
                 "".join("  " * i + "- \n" for i in range(40))):
        with pytest.raises(yamlsafe.YamlProblem) as exc:
            yamlsafe.loads(text)
        assert exc.value.code == "RF005"


def test_very_deep_nesting_is_refused_without_recursion():
    text = "a: " + "[" * 200_000 + "]" * 200_000
    with pytest.raises(yamlsafe.YamlProblem) as exc:
        yamlsafe.loads(text)
    assert (exc.value.code, exc.value.pos) == ("RF005", (1, 35))


def test_positions_are_kept():
    data = yamlsafe.loads("top:\n  key: value\n  list:\n    - one\n    - {x: 1}\n")
    assert data.pos == (1, 1)
    assert data["top"].key_pos["key"] == (2, 3) and data["top"].val_pos["key"] == (2, 8)
    assert data["top"]["list"].item_pos == [(4, 7), (5, 7)]
    assert data["top"]["list"][1].pos == (5, 7)
    assert data["top"].where("missing") == data["top"].pos == (2, 3)


@pytest.mark.parametrize("value,ok", [
    ("images/gift.png", True), ("gift.png", True), ("images\\gift.png", True), ("a/b/c/d.png", True),
    ("../gift.png", False), ("images/../../gift.png", False), ("images\\..\\..\\gift.png", False),
    ("/etc/passwd", False), ("\\\\server\\share\\x.png", False), ("C:\\pics\\me.png", False),
    ("c:/pics/me.png", False), ("~/me.png", False), ("~root/.ssh/id_rsa", False), ("", False),
    ("images/gift.png\x00.txt", False), ("..", False), ("./../x.png", False),
])
def test_asset_paths(value, ok):
    assert safe_asset_path(value) is ok


TEMPLATE_TEXTS = ["{0}", "{__class__.__mro__}", "%s %d %(x)s", "$(touch /tmp/x) `id`", "${HOME}", "{{7*7}}",
                  "<script>alert(1)</script>", "\\n\\t", "'; DROP TABLE results; --"]


@pytest.mark.parametrize("text", TEMPLATE_TEXTS)
def test_scenario_text_is_shown_verbatim_never_formatted(tmp_path, text):
    quoted = text.replace("'", "''")
    path = write(tmp_path, scenario(message=f"      - text: '{quoted}'\n", choice=f"      - text: '{quoted}'\n"
                                                                              "        next: b\n"))
    loaded = load_scenario(path)
    conv = Conversation(loaded, seed=1, clock=lambda: 0.0)
    conv.start()
    delivered = conv.deliver_all()
    assert [e["text"] for e in delivered] == ["hi", text]
    assert [c.text for c in conv.choices()] == ["ok", text]
    conv.choose(2)
    assert [e for e in conv.events if e["type"] == "choice"][0]["text"] == text
