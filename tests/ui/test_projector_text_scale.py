"""The class projector window and the "Projector (bigger text)" setting share one text scale.

At 1920x1080 the projector window (what `python main.py class` opens) draws the text the game
window draws with the projector setting on (about 42 px body); elsewhere in proportion to its
1920x1080 layout. The window itself is driven in a subprocess by test_projector_window.py."""
from __future__ import annotations

import pytest

from game.ui import scaling
from game.ui.scaling import PROJECTOR_FACTOR, body_px, effective_scale, projector_window_scale


def test_at_1080p_the_window_draws_the_projector_settings_text():
    assert projector_window_scale((1920, 1080)) == effective_scale(1.0, (1920, 1080), projector=True)
    assert body_px(projector_window_scale((1920, 1080))) >= 42          # the back of a classroom


def test_it_follows_the_window_like_its_layout():
    at_1080 = projector_window_scale((1920, 1080))
    for size in [(1280, 720), (1024, 576), (2560, 1440), (1920, 1200)]:
        ratio = min(size[0] / 1920, size[1] / 1080)
        assert projector_window_scale(size) == pytest.approx(at_1080 * ratio, rel=1e-3)


def test_the_painter_uses_it(monkeypatch):
    from game.ui.projector import painter as painter_mod

    painter = painter_mod.ProjectorPainter((1920, 1080))
    assert painter.kit.size_px("body") == body_px(projector_window_scale((1920, 1080)))
    # one constant: a different projector factor changes both the setting and the projector window
    monkeypatch.setattr(scaling, "PROJECTOR_FACTOR", PROJECTOR_FACTOR * 1.2)
    bigger = painter_mod.ProjectorPainter((1920, 1080))
    assert bigger.kit.size_px("body") > painter.kit.size_px("body")
    assert body_px(effective_scale(1.0, (1920, 1080), projector=True)) == bigger.kit.size_px("body")
