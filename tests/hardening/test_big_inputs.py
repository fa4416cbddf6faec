"""Big inputs: the size is checked before reading, at most the limit is read, long messages are cut for display."""

from __future__ import annotations

import os
import tracemalloc

from hypothesis import given
from hypothesis import strategies as st
from scenario_kit import scenario, write

from game.validator import check_file


def test_a_30_gb_sparse_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "huge.yaml"
    with open(big, "wb") as fh:
        fh.truncate(30 * 1024 ** 3)
    tracemalloc.start()
    _, findings = check_file(big)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [(d.code, d.line, d.col) for d in findings] == [("RF002", 1, 1)]
    assert "32,212,254,720 bytes" in findings[0].message
    assert peak < 4 * 1024 * 1024, peak


def test_a_fifo_is_refused_not_waited_for(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    _, findings = check_file(fifo)
    assert [d.code for d in findings] == ["RF001"] and "regular file" in findings[0].message


def test_a_file_at_the_limit_is_still_read(tmp_path):
    text = scenario()
    exactly = text + "# " + "x" * (1024 * 1024 - len(text.encode()) - 3) + "\n"
    _, findings = check_file(write(tmp_path, exactly))
    assert findings == []


def test_display_cut_keeps_short_messages_whole():
    from game.display_text import cut

    text = "x" * 500
    assert cut(text).shown == text and not cut(text).is_cut


def test_display_cut_of_a_million_characters_is_bounded():
    from game.display_text import MAX_SHOWN_CHARS, SHOWN_CHARS, cut, more_label

    text = "word " * 200_000
    first = cut(text)
    assert first.is_cut and len(first.shown) <= SHOWN_CHARS + 1 and first.can_show_more
    assert first.shown.endswith("…") and first.hidden == len(text) - len(first.shown) + 1 + \
        (len(text[:len(first.shown) - 1]) - len(text[:len(first.shown) - 1].rstrip()))
    assert "more characters" in more_label(first)
    for steps in range(100):
        assert len(cut(text, steps).shown) <= MAX_SHOWN_CHARS + 1
    assert not cut(text, 100).can_show_more


@given(st.text(max_size=3000), st.integers(min_value=0, max_value=20))
def test_display_cut_shows_a_prefix_and_counts_the_rest(text, steps):
    from game.display_text import ELLIPSIS, MAX_SHOWN_CHARS, cut

    c = cut(text, steps)
    if not c.is_cut:
        assert c.shown == text
    else:
        body = c.shown[: -len(ELLIPSIS)]
        assert text.startswith(body) and len(body) <= MAX_SHOWN_CHARS
        assert c.hidden > 0 and len(text) - c.hidden >= len(body)
