"""The bundled assets: present, licensed, and reproducible from their scripts."""

import math
import os
import struct
import subprocess
import sys
import wave
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
SCENARIOS = ROOT / "scenarios"
TOOLS = ASSETS / "tools"

PICTURES = [
    "gift_card", "game_currency", "rare_skin", "voice_app_invite", "blurred_selfie",
    "modelling_contract", "bus_ticket", "map_pin", "concert_tickets", "meme_cat",
    "game_screenshot", "dog_photo", "homework",
]
SOUNDS = ["message_in", "message_out", "notice", "flag", "nudge"]
FONT_SUFFIXES = {".ttf", ".otf", ".ttc", ".woff", ".woff2"}

ENV = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
           PYGAME_HIDE_SUPPORT_PROMPT="1")


def asset_files():
    return sorted(p for p in ASSETS.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts)


def referenced_paths(node):
    """Every string under an `image:` or `avatar:` key, anywhere in a scenario."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("image", "avatar") and isinstance(value, str):
                yield value
            else:
                yield from referenced_paths(value)
    elif isinstance(node, list):
        for item in node:
            yield from referenced_paths(item)


def test_scenario_pictures_exist():
    missing = []
    files = sorted(SCENARIOS.rglob("*.yaml")) + sorted(SCENARIOS.rglob("*.yml"))
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for ref in referenced_paths(data):
            if not ((path.parent / ref).is_file() or (ASSETS / ref).is_file()):
                missing.append(f"{path.relative_to(ROOT)}: {ref}")
    assert not missing, "pictures not found beside the scenario or in assets/:\n" + "\n".join(missing)


def test_every_font_has_a_licence():
    fonts_dir = ASSETS / "fonts"
    fonts = [p for p in fonts_dir.iterdir() if p.suffix.lower() in FONT_SUFFIXES]
    assert fonts, "no fonts in assets/fonts"
    for font in fonts:
        family = font.stem.split("-")[0]
        licence = fonts_dir / f"LICENSE-{family}.txt"
        assert licence.is_file(), f"{font.name} has no {licence.name} beside it"
        text = licence.read_text(encoding="utf-8")
        assert font.name in text, f"{licence.name} does not name {font.name}"
        assert len(text) > 1000, f"{licence.name} does not hold the full licence text"
    for licence in fonts_dir.glob("LICENSE-*.txt"):
        family = licence.stem[len("LICENSE-"):]
        assert any(f.stem.split("-")[0] == family for f in fonts), f"{licence.name} covers no font"


def test_every_asset_is_in_the_licence_table():
    table = (ASSETS / "LICENSES.md").read_text(encoding="utf-8")
    unlisted = [str(p.relative_to(ASSETS)) for p in asset_files()
                if f"`{p.relative_to(ASSETS).as_posix()}`" not in table]
    assert not unlisted, "add these to assets/LICENSES.md: " + ", ".join(unlisted)
    assert (ROOT / "LICENSE").is_file()


@pytest.mark.parametrize("name", SOUNDS)
def test_sound_is_short_quiet_mono_wav(name):
    with wave.open(str(ASSETS / "sounds" / f"{name}.wav"), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 22050)
        seconds = w.getnframes() / w.getframerate()
        frames = w.readframes(w.getnframes())
    assert 0 < seconds < 0.5
    samples = struct.unpack(f"<{len(frames) // 2}h", frames)
    peak_dbfs = 20 * math.log10(max(abs(s) for s in samples) / 32768)
    assert -17 < peak_dbfs < -13, f"{name}: peak {peak_dbfs:.1f} dBFS, expected -14 to -16"


def run_tool(script, out_dir):
    result = subprocess.run([sys.executable, str(TOOLS / script), str(out_dir)],
                            env=ENV, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_make_sounds_reproduces_the_committed_sounds(tmp_path):
    run_tool("make_sounds.py", tmp_path)
    for name in SOUNDS:
        made = (tmp_path / f"{name}.wav").read_bytes()
        assert made == (ASSETS / "sounds" / f"{name}.wav").read_bytes(), \
            f"sounds/{name}.wav differs from make_sounds.py output: run the script and commit"


def _pixels(path):
    import pygame
    surf = pygame.image.load(str(path))
    return surf.get_size(), pygame.image.tobytes(surf, "RGB")


def test_make_art_reproduces_the_committed_pictures(tmp_path):
    pygame = pytest.importorskip("pygame")
    run_tool("make_art.py", tmp_path)
    made = sorted(p.name for p in tmp_path.glob("*.png"))
    assert made == sorted(f"{n}.png" for n in PICTURES)
    same_versions = ((tmp_path / "made_with.txt").read_text(encoding="utf-8")
                     == (ASSETS / "images" / "made_with.txt").read_text(encoding="utf-8"))
    for name in made:
        size, new = _pixels(tmp_path / name)
        old_size, old = _pixels(ASSETS / "images" / name)
        assert size == old_size == (480, 320), name
        if new == old:
            continue
        assert not same_versions, (
            f"images/{name} is not what make_art.py draws: run "
            f"`python assets/tools/make_art.py`, look at the picture and commit it")
        # Another pygame-ce/FreeType may rasterise text edges a little differently.
        diffs = [abs(a - b) for a, b in zip(new, old)]
        strong = sum(1 for d in diffs if d > 48) / len(diffs)
        mean = sum(diffs) / len(diffs)
        assert strong < 0.015 and mean < 1.0, (
            f"images/{name} differs from make_art.py output beyond text rendering "
            f"({strong:.1%} of values, mean {mean:.2f}); pygame {pygame.version.ver}")


def test_committed_pictures_are_complete():
    import pygame
    for name in PICTURES:
        surf = pygame.image.load(str(ASSETS / "images" / f"{name}.png"))
        assert surf.get_size() == (480, 320), name


# -- avatars and profile photos (tools/make_faces.py) ----------------------------------------
def _faces(folder):
    return sorted(p.name for p in (ASSETS / folder).glob("*.png"))


def test_make_faces_reproduces_the_committed_avatars_and_photos(tmp_path):
    pygame = pytest.importorskip("pygame")
    run_tool("make_faces.py", tmp_path)
    for folder, size in (("avatars", (192, 192)), ("photos", (480, 320))):
        made = sorted(p.name for p in (tmp_path / folder).glob("*.png"))
        assert made == _faces(folder), f"{folder}/ holds pictures make_faces.py does not draw (or misses some)"
        same_versions = ((tmp_path / folder / "made_with.txt").read_text(encoding="utf-8")
                         == (ASSETS / folder / "made_with.txt").read_text(encoding="utf-8"))
        for name in made:
            new_size, new = _pixels(tmp_path / folder / name)
            old_size, old = _pixels(ASSETS / folder / name)
            assert new_size == old_size == size, f"{folder}/{name}"
            if new == old:
                continue
            assert not same_versions, f"{folder}/{name} is not what make_faces.py draws: run it and commit"
            diffs = [abs(a - b) for a, b in zip(new, old)]
            assert sum(1 for d in diffs if d > 48) / len(diffs) < 0.015, \
                f"{folder}/{name} differs beyond text rendering; pygame {pygame.version.ver}"


def test_avatars_and_photos_are_small_and_pass_the_picture_checks():
    from game import pictures
    for folder in ("avatars", "photos"):
        for path in sorted((ASSETS / folder).glob("*.png")):
            assert pictures.problem(path) is None, path
            assert path.stat().st_size < 100 * 1024, f"{path.name} is {path.stat().st_size // 1024} KiB"


def test_every_shipped_stranger_has_a_drawn_avatar_and_every_photo_item_a_picture():
    for path in sorted(SCENARIOS.glob("*.yaml")):
        stranger = yaml.safe_load(path.read_text(encoding="utf-8"))["stranger"]
        assert str(stranger.get("avatar", "")).startswith("avatars/"), f"{path.name}: no avatar"
        for item in stranger.get("profile", []):
            if item["id"] in ("photos", "posts", "pinned"):
                assert str(item.get("image", "")).startswith("photos/"), f"{path.name}: {item['id']} has no picture"
                # the picture shows the clue; the text says what a real profile says
                assert len(item["text"]) <= 60, f"{path.name}: {item['id']} describes its photos in words"
            if item.get("red_flags") and item.get("image"):
                assert item.get("why"), f"{path.name}: {item['id']} needs a why: saying what the photo shows"
