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
