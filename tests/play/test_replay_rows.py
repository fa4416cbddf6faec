"""The replay's rows for the browser page: every line, the replies not picked, where it ended."""

from game.play import sessions
from game.play.chat_view import end_summary
from game.play.options import PlayOptions
from game.play.replay import replay_rows


def played(tmp_path, lines, end="block"):
    s = sessions.start("first-dm", PlayOptions(seed=1, data_dir=str(tmp_path)))
    s.deliver_all()
    for line in lines:
        s.execute_line(line)
        s.deliver_all()
    if end:
        s.execute_line(end)
    s.finish()
    return s


def test_each_reply_lists_the_replies_shown_with_it_and_not_picked(tmp_path):
    s = played(tmp_path, ["1", "2"])
    events = s.conv.events
    rows = replay_rows(events, s.result(), "jay.draws.stuff")
    replies = [r for r in rows if r["who"] == "player"]
    offered = [e["options"] for e in events if e["type"] == "choices"]
    picked = [e for e in events if e["type"] == "choice"]
    assert [r["decision"] for r in replies] == [0, 1]
    for row, options, choice in zip(replies, offered, picked):
        assert row["text"] == choice["text"]
        assert row["others"] == [o["text"] for o in options if o["index"] != choice["index"]]
        assert row["text"] not in row["others"] and len(row["others"]) == len(options) - 1


def test_the_rows_follow_the_chat_and_end_with_where_it_ended(tmp_path):
    s = played(tmp_path, ["1"])
    events = s.conv.events
    rows = replay_rows(events, s.result(), "jay.draws.stuff")
    said = [e["text"] for e in events if e["type"] in ("deliver", "choice")]
    assert [r["text"] for r in rows[:-1]] == said
    assert rows[-1] == {"who": "end", "text": end_summary("block", "jay.draws.stuff")}


def test_a_missed_red_flag_is_marked_and_a_shared_detail_is_named(tmp_path):
    s = played(tmp_path, ["1"])          # reply 1 of first-dm gives away age and school
    rows = replay_rows(s.conv.events, s.result(), "jay.draws.stuff")
    assert any(r.get("mark") == "missed" for r in rows)
    first = next(r for r in rows if r["who"] == "player")
    assert first["shared"] and all(kind == kind.lower() for kind in first["shared"])
