"""The picker's age band: every card says it, and a teacher can limit the picker to one age."""
import pygame
import pytest
from conftest import click, key

from game.library import load_library
from game.play.catalogue import AGE_CHOICES, age_range, age_words, one_per_locale, suits_age
from game.ui.screens.picker import PickerScreen
from game.ui.settings import Settings


@pytest.fixture
def picker(app):
    app.show_start()
    p = app.push(PickerScreen(app))
    app.tick([])
    return p


def test_every_shipped_chat_states_a_band_the_picker_can_read():
    for s in load_library().scenarios:
        low, high = age_range(s)
        assert 12 <= low <= high <= 17, s.id
        assert age_words(s) == f"Ages {low}-{high}" or age_words(s) == f"Age {low}"


def test_a_card_shows_its_age_band(app, picker):
    card = next(c for c in picker.cards if c.scenario.id == "castle-server")     # audience "12-14"
    assert picker._ages_suffix(card).endswith("Ages 12-14")
    surface = pygame.Surface(app.size)
    picker.draw(surface)               # drawing a card with its band neither raises nor overflows the card


def test_the_ages_button_limits_the_picker_and_the_choice_is_kept(app, picker, private_data_dir):
    library = one_per_locale(load_library().scenarios, None)      # one version of a two-language chat
    assert len(picker.cards) == len(library) and picker.ages.label == "Show chats for: all ages"
    seen_ages = []
    for age in AGE_CHOICES[1:]:
        app.tick(click(picker.ages.rect.center))
        seen_ages.append(Settings.load(private_data_dir).picker_age)
        shown = {c.scenario.id for c in picker.cards}
        assert shown == {s.id for s in library if (lambda b: b[0] <= age <= b[1])(age_range(s))}, age
        assert shown and picker.ages.label == f"Show chats for: age {age}"
        assert {c.ident for c in picker.cards_in_order} == shown       # laid out: only these cards
    assert seen_ages == list(AGE_CHOICES[1:])
    # the band ships enough chats for the youngest: at least six for 12-year-olds at one time
    app.settings.picker_age = 12
    assert len(PickerScreen(app).cards) >= 6
    app.settings.picker_age = 17
    app.tick(click(picker.ages.rect.center))                              # 17 -> every age again
    assert picker.ages.label == "Show chats for: all ages" and len(picker.cards) == len(library)


def test_a_new_picker_opens_with_the_kept_age_and_keyboard_reaches_the_button(app):
    app.settings.picker_age = 13
    app.show_start()
    picker = app.push(PickerScreen(app))
    app.tick([])
    assert picker.cards and all(suits_age(c.scenario, 13) for c in picker.cards)
    first = picker.cards_in_order[0]
    picker.focus.focus(first, show=True)
    app.tick([key(pygame.K_UP)])
    assert picker.focus.current is picker.ages
    app.tick([key(pygame.K_RETURN)])
    assert app.settings.picker_age == 14
    app.tick([key(pygame.K_UP)])
    assert picker.focus.current is picker.back


def test_suits_age_needs_a_stated_band():
    class Bare:
        audience = ""
    assert suits_age(Bare(), 0) and not suits_age(Bare(), 13)
    assert Settings.from_dict({"picker_age": 11}).picker_age == 0
    assert Settings.from_dict({"picker_age": True}).picker_age == 0
    assert Settings.from_dict({"picker_age": 15}).picker_age == 15
