"""The HTML report in a real headless browser: it renders, draws its charts, and prints.

Needs Chromium (Debian package `chromium`; .ci/run installs it). Set
REDFLAGS_REPORT_SHOTS=DIR to keep the screenshots and PDFs for a look.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from results_helpers import fill_class

from game.results.reports import html_report, model
from game.results.store import Store

BROWSER = next((b for b in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome"))
                if b), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium found (install the 'chromium' package)")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars"]


def chromium(tmp_path, *args):
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run([BROWSER, *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120)


def keep(path: Path) -> None:
    target = os.environ.get("REDFLAGS_REPORT_SHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(target) / path.name)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def distinct_colours(path: Path) -> int:
    pygame = pytest.importorskip("pygame")
    surf = pygame.image.load(str(path))
    w, h = surf.get_size()
    return len({tuple(surf.get_at((x, y)))[:3] for x in range(0, w, 7) for y in range(0, h, 7)})


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    store = Store.open(path=folder / "r.sqlite3")
    fill_class(store, players=6, class_code="8B", quit_chance=0.03)
    class_file = folder / "report-class.html"
    class_file.write_text(html_report.render(model.build(store, class_code="8B")), encoding="utf-8")
    player = store.sessions()[0].player
    player_file = folder / "report-player.html"
    player_file.write_text(html_report.render(model.build(store, player=player)), encoding="utf-8")
    store.close()
    return class_file, player_file


@pytest.mark.parametrize("which", [0, 1], ids=["class", "player"])
def test_screenshot_shows_a_drawn_page(tmp_path, reports, which):
    page = reports[which]
    shot = tmp_path / (page.stem + ".png")
    res = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri())
    assert shot.exists(), res.stderr[-2000:]
    keep(shot)
    assert png_size(shot) == (1280, 2000)
    # Text, bars in three colours, the grey tracks: a blank or unstyled page has far fewer.
    assert distinct_colours(shot) > 40


def test_the_dom_the_browser_builds_has_every_section_and_chart(tmp_path, reports):
    res = chromium(tmp_path, "--dump-dom", reports[0].as_uri())
    dom = res.stdout
    assert dom.count("<svg") >= 5, res.stderr[-2000:]
    for heading in ("Overview", "What to teach next", "Where players stayed too long",
                    "Telling warning signs from normal talk", "Who missed what", "Sessions"):
        assert heading in dom
    assert dom.count("<details") == reports[0].read_text(encoding="utf-8").count("<details")


@pytest.mark.parametrize("which", [0, 1], ids=["class", "player"])
def test_prints_to_a_paginated_pdf(tmp_path, reports, which):
    page = reports[which]
    pdf = tmp_path / (page.stem + ".pdf")
    res = chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    assert pdf.exists(), res.stderr[-2000:]
    keep(pdf)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    # The overview, the discernment section and the session list each start a page.
    assert pages >= 3
    # A4/Letter-sized pages, not one endless strip.
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert boxes and all(550 < float(w) < 640 and 760 < float(h) < 860 for w, h in boxes)
