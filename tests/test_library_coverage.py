"""The shipped library meets the coverage the scenario issue asks for, and COVERAGE.md is current."""

from collections import Counter

from game import paths
from game.coverage import categories_in, disclosures_in, table
from game.library import load_library
from game.taxonomy import load_taxonomy

LIBRARY = load_library()


def test_library_loads_without_errors():
    assert not LIBRARY.problems, [p.format() for p in LIBRARY.problems]


def test_at_least_five_scenarios_per_platform_and_four_benign():
    platforms = Counter(s.platform for s in LIBRARY.scenarios)
    assert all(platforms[p] >= 5 for p in ("game_chat", "social_media", "dating_app")), platforms
    assert sum(s.kind == "benign" for s in LIBRARY.scenarios) >= 4


def test_every_category_in_two_scenarios_and_every_disclosure_in_one():
    taxonomy = load_taxonomy()
    for category in taxonomy.categories:
        users = [s.id for s in LIBRARY.scenarios if category in categories_in(s)]
        assert len(users) >= 2, f"{category}: {users}"
    for kind in taxonomy.disclosures:
        assert any(kind in disclosures_in(s) for s in LIBRARY.scenarios), kind


def test_difficulties_span_one_to_three():
    assert {s.difficulty for s in LIBRARY.scenarios} == {1, 2, 3}


def test_coverage_table_is_current():
    committed = (paths.SCENARIOS_DIR / "COVERAGE.md").read_text(encoding="utf-8")
    assert committed == table(LIBRARY.scenarios), "run: python -m game.coverage > scenarios/COVERAGE.md"


def test_season_two_size_and_balance():
    scenarios = LIBRARY.scenarios
    assert len(scenarios) >= 26
    for platform in ("game_chat", "social_media", "dating_app"):
        on = [s for s in scenarios if s.platform == platform]
        assert len(on) >= 8, platform
        assert sum(s.benign for s in on) >= 3, platform
    assert sum(s.benign and s.difficulty == 3 for s in scenarios) >= 2
    assert sum(s.audience == "12-14" for s in scenarios) >= 6


def test_every_story_names_shipped_scenarios():
    from game.coverage import load_stories

    ids = {s.id for s in LIBRARY.scenarios}
    stories = load_stories()
    assert len({story.id for story in stories}) == len(stories)
    for story in stories:
        assert story.text and story.scenarios, story.id
        assert set(story.scenarios) <= ids, (story.id, set(story.scenarios) - ids)
    friend_finder = next(story for story in stories if story.id == "friend_finder_app")
    by_id = {s.id: s for s in LIBRARY.scenarios}
    assert sum(by_id[sid].platform == "dating_app" for sid in friend_finder.scenarios) >= 2
