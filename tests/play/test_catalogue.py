"""game.play.catalogue: a picker card never gives away which chats are safe."""
from game.library import load_library
from game.play import catalogue


def test_cards_of_safe_chats_look_like_any_other():
    for scenario in load_library().scenarios:
        card = catalogue.card(scenario)
        assert card.content_notes
        for note in card.content_notes:
            assert not catalogue._SPOILER_NOTE.search(note), (scenario.id, note)
        assert card.difficulty_word in ("Easy", "Medium", "Hard")
        assert card.platform_name in catalogue.PLATFORM_NAMES.values()
        assert "benign" not in str(card.as_dict()).lower()


def test_a_spoiling_note_is_replaced_by_a_plain_one():
    class Fake:
        platform = "game_chat"
        content_notes = ("none", "no red flags here")

    assert catalogue.content_notes(Fake()) == ["a chat with another player"]


def test_played_words_and_grouping():
    assert catalogue.played_words(None) == "New"
    assert catalogue.played_words((2, 87)) == "Played · best 87"
    assert catalogue.played_words((1, None)) == "Played"
    groups = catalogue.grouped(load_library().scenarios)
    assert [p for p, _ in groups] == ["game_chat", "social_media", "dating_app"]


def _ids(scenarios):
    return [s.id for s in scenarios]


def test_a_picker_shows_one_version_of_a_two_language_chat():
    scenarios = load_library().scenarios
    ids = set(_ids(scenarios))
    assert {"first-dm", "first-dm-us", "quick-follow-back", "quick-follow-back-gb"} <= ids
    us = _ids(catalogue.one_per_locale(scenarios, "en-US"))
    uk = _ids(catalogue.one_per_locale(scenarios, "en-GB"))
    auto = _ids(catalogue.one_per_locale(scenarios, None))
    assert "first-dm-us" in us and "first-dm" not in us
    assert "quick-follow-back" in us and "quick-follow-back-gb" not in us
    assert "first-dm" in uk and "first-dm-us" not in uk
    assert "quick-follow-back-gb" in uk and "quick-follow-back" not in uk
    # the country is automatic: the originals, as before the second versions existed
    assert "first-dm" in auto and "quick-follow-back" in auto
    assert "first-dm-us" not in auto and "quick-follow-back-gb" not in auto
    # nothing else is hidden, and the library's order is kept
    for shown in (us, uk, auto):
        assert len(shown) == len(scenarios) - len(catalogue.locale_pairs(scenarios))
        assert shown == [i for i in _ids(scenarios) if i in shown]


def test_a_chat_is_a_locale_version_only_beside_its_original_in_another_language():
    class Fake:
        def __init__(self, id, language):
            self.id, self.language = id, language

    lone = Fake("castle-us", "en-US")                  # no "castle": an ordinary id
    same = [Fake("tides", "en-US"), Fake("tides-us", "en-US")]
    assert catalogue.locale_pairs([lone]) == []
    assert catalogue.locale_pairs(same) == []
    pair = [Fake("tides", "en-US"), Fake("tides-gb", "en-GB")]
    assert [(a.id, b.id) for a, b in catalogue.locale_pairs(pair)] == [("tides", "tides-gb")]


def test_the_picker_language_follows_the_country_setting(monkeypatch):
    monkeypatch.delenv("REDFLAGS_COUNTRY", raising=False)
    assert catalogue.picker_language("US") == "en-US"
    assert catalogue.picker_language("UK") == "en-GB"
    monkeypatch.setenv("REDFLAGS_COUNTRY", "UK")
    assert catalogue.picker_language(None) == "en-GB"      # no choice of the player's: the school's
    monkeypatch.setenv("REDFLAGS_COUNTRY", "auto")
    assert catalogue.picker_language(None) is None           # automatic: no preference
