"""The branch map: every reachable node drawn, the path numbered in order (not by colour alone)."""
import pytest
from test_screens_debrief import open_debrief, play

from game.debrief import map_words
from game.graph import branch_map, path_taken


@pytest.mark.parametrize("scenario_id,script", [("generous-teammate", "worst"), ("first-dm", "block-at-once"),
                                                ("squad-up", "best")])
def test_the_path_is_numbered_in_the_order_it_was_taken(app, scenario_id, script):
    session, result = play(scenario_id, script)
    screen = open_debrief(app, session, result)
    entered, _taken = path_taken(session.conv.events)
    first_seen = list(dict.fromkeys(entered))
    assert list(screen.map_steps) == first_seen
    assert list(screen.map_steps.values()) == list(range(1, len(first_seen) + 1))
    assert map_words()["title"] in screen.texts and screen.map_y > 0


def test_the_map_has_every_reachable_node_once_and_every_reply_edge():
    from game.library import find_scenario

    scenario = find_scenario("generous-teammate")
    bm = branch_map(scenario)
    ids = [n.id for n in bm.nodes]
    assert len(ids) == len(set(ids)) and ids[0] == scenario.start
    for node in scenario.nodes.values():
        if node.id in ids:
            for choice in node.choices:
                assert any(e.source == node.id and e.target == choice.next for e in bm.edges)
    assert {n.outcome for n in bm.nodes if n.outcome} <= {"safe", "neutral", "unsafe"}
    cells = {(n.column, n.row) for n in bm.nodes}
    assert len(cells) == len(bm.nodes)                    # no two nodes in one place
