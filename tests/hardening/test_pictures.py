"""Pictures: header checks in the validator (RF110), symbolic-link escapes (RF107), and the real window
never decoding a hostile picture, under a 2 GB address-space limit in a subprocess."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import textwrap
from pathlib import Path

import picture_kit
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from picture_kit import HOSTILE, png
from picture_kit import write as write_picture
from scenario_kit import scenario, write

from game.validator import check_file

ROOT = Path(__file__).resolve().parents[2]


def picture_scenario(tmp_path: Path, key: str = "image") -> Path:
    if key == "image":
        text = scenario(message="      - text: look\n        image: images/pic.png\n")
    elif key == "profile":
        text = scenario(stranger="  profile:\n    - id: photos\n      label: Photos\n      text: 1 photo\n"
                                 "      image: images/pic.png\n")
    else:
        text = scenario(stranger="  avatar: images/pic.png\n")
    return write(tmp_path, text)


@pytest.mark.parametrize("name", sorted(HOSTILE))
@pytest.mark.parametrize("key", ["image", "avatar", "profile"])
def test_validator_refuses_hostile_pictures_with_a_located_error(tmp_path, name, key):
    path = picture_scenario(tmp_path, key)
    write_picture(tmp_path, "images/pic.png", HOSTILE[name]())
    _, findings = check_file(path)
    codes = [(d.code, d.line) for d in findings]
    assert codes == [("RF110", {"image": 13, "avatar": 7, "profile": 11}[key])], [d.format() for d in findings]
    assert "cannot be shown" in findings[0].message


def test_a_sane_picture_is_fine(tmp_path):
    path = picture_scenario(tmp_path)
    write_picture(tmp_path, "images/pic.png", png(480, 320))
    _, findings = check_file(path)
    assert findings == []


def test_every_shipped_picture_passes_the_header_check():
    from game import paths, pictures

    for picture in paths.ASSETS_DIR.rglob("*.png"):
        assert pictures.problem(picture) is None, picture


@pytest.mark.parametrize("how", ["file-link", "folder-link"])
def test_a_symbolic_link_out_of_the_folder_is_refused(tmp_path, how):
    outside = tmp_path / "outside"
    outside.mkdir()
    write_picture(outside, "secret.png", png(10, 10))
    game_dir = tmp_path / "scenario"
    game_dir.mkdir()
    path = picture_scenario(game_dir)
    if how == "file-link":
        (game_dir / "images").mkdir()
        (game_dir / "images" / "pic.png").symlink_to(outside / "secret.png")
    else:
        (outside / "pic.png").symlink_to(outside / "secret.png")
        (game_dir / "images").symlink_to(outside)
    _, findings = check_file(path)
    assert [(d.code, d.line) for d in findings] == [("RF107", 13)], [d.format() for d in findings]
    assert "symbolic link" in findings[0].message
    from game.loader import resolve_asset

    assert resolve_asset(game_dir, "images/pic.png") is None   # no front end shows it either


def test_a_symbolic_link_inside_the_folder_is_fine(tmp_path):
    path = picture_scenario(tmp_path)
    write_picture(tmp_path, "real/pic.png", png(10, 10))
    (tmp_path / "images").symlink_to(tmp_path / "real")
    _, findings = check_file(path)
    assert findings == []


WINDOW = textwrap.dedent("""
    import resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024 ** 3, 2 * 1024 ** 3))
    from pathlib import Path
    from game.library import find_scenario
    from game.play.options import PlayOptions
    from game.ui.run import run_window
    scenario = find_scenario(sys.argv[1])
    Path(sys.argv[2]).write_bytes(Path(sys.argv[3]).read_bytes())   # swapped after it was validated
    code = run_window(PlayOptions(save=False), scenario=scenario, script=[(1, "profile"), (2, "flag 1")],
                      script_name="script", screenshot_dir=sys.argv[4])
    sys.exit(code)
""")


@pytest.mark.parametrize("platform", ["game_chat", "dating_app"])
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_the_window_shows_a_placeholder_instead_of_decoding_a_hostile_picture(tmp_path, name, platform):
    game_dir = tmp_path / "scenario"
    game_dir.mkdir()
    text = scenario(stranger="  avatar: images/pic.png\n",
                    message="      - text: look\n        image: images/pic.png\n")
    text = text.replace("platform: game_chat", f"platform: {platform}")
    path = write(game_dir, text)
    target = write_picture(game_dir, "images/pic.png", png(48, 48))
    hostile = write_picture(tmp_path, "hostile.bin", HOSTILE[name]())
    shots = tmp_path / "shots"
    run = subprocess.run([sys.executable, "-c", WINDOW, str(path), str(target), str(hostile), str(shots)],
                         cwd=ROOT, capture_output=True, text=True, timeout=180, check=False,
                         env=dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
                                  PYTHONPATH=str(ROOT)))
    assert run.returncode == 0, (run.returncode, run.stderr[-2000:])   # a native crash is a negative code
    assert sorted(p.name for p in shots.iterdir()) == ["0001.png", "0002.png"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=st.sampled_from([b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF89a", b"<svg", b"RIFF", b""]),
       width=st.integers(0, 2 ** 32 - 1), height=st.integers(0, 2 ** 32 - 1), tail=st.binary(max_size=64))
def test_any_header_is_judged_without_an_exception(tmp_path, prefix, width, height, tail):
    from game import pictures

    if prefix.startswith(b"\x89PNG"):
        data = picture_kit.png_header_only(width, height) + tail
    elif prefix == b"GIF89a":
        data = prefix + struct.pack("<HH", width & 0xFFFF, height & 0xFFFF) + tail
    elif prefix == b"\xff\xd8\xff":
        data = prefix + b"\xc0\x00\x11\x08" + struct.pack(">HH", height & 0xFFFF, width & 0xFFFF) + tail
    else:
        data = prefix + tail
    path = tmp_path / "p.bin"
    path.write_bytes(data)
    reason = pictures.problem(path)
    if reason is None:
        info = pictures.read_header(path)
        assert 1 <= info.width <= pictures.MAX_SIDE and 1 <= info.height <= pictures.MAX_SIDE
        assert max(info.width, info.height) <= pictures.MAX_ASPECT * min(info.width, info.height)
    else:
        assert "\n" not in reason
