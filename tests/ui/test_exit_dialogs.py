"""Block explains what it does and does not do; Report opens a form that asks what happened."""
import pygame
import pytest
from conftest import click, key, run_until

from game.play.exits import block_words, report_form
from game.report_reasons import REASONS
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.exits import BlockScreen, ReportFormScreen, block_body


def ready(app, chat_factory):
    chat = chat_factory("first-dm")
    assert run_until(app, lambda: chat.choice_buttons)
    return chat


def test_block_says_what_it_does_and_does_not_do(app, chat_factory):
    chat = ready(app, chat_factory)
    chat.b_block.activate()
    app.tick([])
    assert isinstance(app.top, BlockScreen)
    words = block_words(chat.stranger_name)
    body = app.top.body
    for line in words["does"] + words["does_not"]:
        assert line in body
    assert words["still"] in body
    assert body == block_body(chat.stranger_name)
    app.tick([key(pygame.K_RETURN)])             # the Block button has the focus
    assert chat.conv.ended and chat.conv.events[-1] == {**chat.conv.events[-1], "how": "block"}
    assert "reason" not in chat.conv.events[-1]


def test_report_instead_opens_the_report_form(app, chat_factory):
    chat = ready(app, chat_factory)
    chat.b_block.activate()
    app.tick([])
    report = next(b for b in app.top.buttons if b.ident == "report_instead")
    app.tick(click(report.rect.center))
    assert isinstance(app.top, ReportFormScreen) and not chat.conv.ended


def test_the_report_form_needs_a_reason_and_records_it(app, chat_factory):
    chat = ready(app, chat_factory)
    chat.b_report.activate()
    app.tick([])
    form = app.top
    assert isinstance(form, ReportFormScreen)
    assert [o.reason["id"] for o in form.options] == [r.id for r in REASONS]
    form.send()                                   # nothing chosen yet: it asks, nothing ends
    app.tick([])
    assert form.message == report_form(chat.stranger_name)["choose_first"] and not chat.conv.ended
    app.tick([key(pygame.K_3)])                   # 3 = threats
    assert form.chosen == "threats"
    app.tick(click(form.b_send.rect.center))
    end = chat.conv.events[-1]
    assert chat.conv.ended and end["how"] == "report" and end["reason"] == "threats"
    assert chat.result["outcome"] == "reported"


def test_arrows_pick_a_reason_and_enter_sends(app, chat_factory):
    chat = ready(app, chat_factory)
    chat.b_report.activate()
    app.tick([])
    form = app.top
    app.tick([key(pygame.K_DOWN), key(pygame.K_DOWN)])
    assert form.chosen == REASONS[1].id
    app.tick([key(pygame.K_RETURN)])
    assert chat.conv.events[-1]["reason"] == REASONS[1].id


def test_escape_closes_the_form_and_the_chat_goes_on(app, chat_factory):
    chat = ready(app, chat_factory)
    chat.b_report.activate()
    app.tick([])
    app.tick([key(pygame.K_ESCAPE)])
    assert app.top is chat and not chat.conv.ended


@pytest.mark.parametrize("size,text_size", [((800, 600), 3), ((640, 480), 0), ((1920, 1080), 1)])
def test_the_form_fits_and_every_reason_can_be_reached(app, chat_factory, size, text_size):
    app.settings.text_size = text_size
    app.apply_settings(save=False)
    app.resize(size)
    chat = ready(app, chat_factory)
    chat.b_report.activate()
    app.tick([])
    form = app.top
    for b in form.buttons:
        assert form.card.contains(b.rect) and b.rect.bottom <= size[1]
    for i in range(len(REASONS)):
        app.tick([key(pygame.K_TAB)] if i else [])
        o = form.focus.current
        assert o is form.options[i]
        view = form.scroller.view
        assert view.top <= o.rect.top and o.rect.bottom <= view.bottom + 1, i
    app.draw()


def test_the_debrief_says_what_was_reported(app, chat_factory):
    chat = ready(app, chat_factory)
    chat.end_action("report", "secrets")
    result = chat.result
    app.show_debrief(result, chat.conv, scenario=chat.session.scenario, session=chat.session)
    app.tick([])
    screen = app.top
    assert isinstance(screen, DebriefScreen)
    assert any("asking to keep secrets" in t for t in screen.texts)
