"""The branch map's shared layout (game.graph.map_layout) and the browser's data (game.play.branch_map)."""

import pytest

from game.debrief import map_words
from game.graph import branch_map, map_layout, path_taken
from game.library import find_scenario
from game.play import sessions
from game.play.branch_map import map_view
from game.play.chat_view import end_summary, outcome_words
from game.play.options import PlayOptions


def played(tmp_path, scenario_id, lines, end=None):
    s = sessions.start(scenario_id, PlayOptions(seed=3, data_dir=str(tmp_path)))
    s.deliver_all()
    for line in lines:
        if s.ended:
            break
        s.execute_line(line)
        s.deliver_all()
    if end and not s.ended:
        s.execute_line(end)
    s.finish()
    return s


@pytest.mark.parametrize("scenario_id", ["first-dm", "generous-teammate", "just-joking-right", "too-perfect-match"])
def test_every_node_has_its_own_place_and_short_columns_are_centred(scenario_id):
    scenario = find_scenario(scenario_id)
    bm = branch_map(scenario)
    layout = map_layout(scenario, [])
    assert [p.node for p in layout.nodes] == list(bm.nodes) and layout.edges == bm.edges
    places = {(p.x, p.y) for p in layout.nodes}
    assert len(places) == len(layout.nodes)
    for column in range(bm.columns):
        ys = [p.y for p in layout.nodes if p.x == column]
        assert ys and min(ys) >= 0 and max(ys) <= bm.rows - 1
        assert min(ys) + max(ys) == pytest.approx(bm.rows - 1)       # centred on the tallest column's middle
    assert all(p.step is None for p in layout.nodes) and layout.taken == ()


def test_the_path_is_numbered_in_the_order_first_reached_and_its_edges_are_taken(tmp_path):
    s = played(tmp_path, "generous-teammate", ["1"] * 12)
    layout = map_layout(s.scenario, s.conv.events)
    entered, taken = path_taken(s.conv.events)
    assert [p.node.id for p in layout.on_path] == list(dict.fromkeys(entered))
    assert [p.step for p in layout.on_path] == list(range(1, len(set(entered)) + 1))
    assert list(layout.taken) == taken and taken


def test_the_browser_data_marks_the_path_labels_endings_by_kind_and_lists_the_path(tmp_path):
    s = played(tmp_path, "first-dm", ["1", "1"])              # the worst path: an unsafe ending
    view = map_view(s.scenario, s.conv.events)
    words = map_words()
    choices = [e for e in s.conv.events if e["type"] == "choice"]
    assert sum(e["taken"] for e in view["edges"]) == len(choices)
    endings = [n for n in view["nodes"] if n["kind"] == "ending"]
    assert endings and all(n["label"] == words[n["outcome"]] for n in endings)
    assert all(n["label"] == "" for n in view["nodes"] if n["kind"] == "moment")
    path = view["path"]
    assert [row["step"] for row in path] == list(range(1, len(path) + 1))
    assert path[0]["text"].startswith("1. " + words["start"])
    for row, choice in zip(path, choices):
        assert f"“{choice['text']}”" in row["text"]
    last = path[-1]
    ending = s.scenario.nodes[last["node"]].end
    assert last["ending"] == "unsafe" and outcome_words("unsafe") in last["text"] and ending.title in last["text"]
    assert str(len(path)) in view["label"]


def test_a_chat_left_early_says_where_the_player_got_out(tmp_path):
    s = played(tmp_path, "first-dm", ["2"], end="report threats")
    last = map_view(s.scenario, s.conv.events)["path"][-1]
    said = end_summary("report", s.scenario.stranger.name, "", "Threats or blackmail")
    assert last["ending"] is None and last["text"].endswith(f"{map_words()['you_left']}: {said}")
