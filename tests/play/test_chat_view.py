"""game.play.chat_view: the chat lines and the words every front end shows."""
from game.library import find_scenario
from game.play import chat_view
from game.play.chat_view import ChatView
from game.session import Session


def _chat(scenario_id="first-dm", seed=7):
    session = Session(find_scenario(scenario_id), seed=seed)
    view = ChatView(session)
    session.start()
    return session, view


def test_lines_follow_the_events_with_numbers_and_flags():
    session, view = _chat()
    assert [ln.kind for ln in view.lines] == ["info"]              # the player's situation comes first
    session.deliver_all()
    new = view.update()
    assert [(ln.kind, ln.number) for ln in new] == [("stranger", 1), ("stranger", 2), ("stranger", 3)]
    assert all(ln.flaggable for ln in new)
    session.execute_line("flag 2")
    assert view.update() == []                                     # a flag is not a line
    flagged = [ln.number for ln in view.snapshot() if ln.flagged]
    assert flagged == [2]


def test_the_receipt_turns_seen_when_the_stranger_answers():
    session, view = _chat()
    session.deliver_all()
    view.update()
    session.execute_line("2", deliver=False)
    (reply,) = view.update()
    assert reply.kind == "player" and view.receipt(reply) == "Sent"
    session.deliver_all()
    view.update()
    assert view.receipt(reply) == "Seen"
    assert view.snapshot()[-1].receipt is None                     # only the player's newest reply has one


def test_game_chat_receipts_are_lower_case():
    session, view = _chat("squad-up", seed=1)
    session.deliver_all()
    view.update()
    session.execute_line("1", deliver=False)
    (reply,) = [ln for ln in view.update() if ln.kind == "player"]
    assert view.receipt(reply) == "sent"


def test_end_actions_and_confirm_words():
    session, view = _chat()
    session.deliver_all()
    session.execute_line("report")
    last = view.update()[-1]
    assert (last.kind, last.text) == ("info", "You blocked and reported jay.draws.stuff. "
                                      "Reporting helps keep other people safe too.")
    assert view.composer_status() == chat_view.CHAT_ENDED and view.replies() == []
    title, body, label = chat_view.confirm_words("block", "jay")
    assert (title, label) == ("Block jay?", "Block") and "ends the chat" in body


def test_an_authored_ending_is_a_card_with_its_outcome():
    session, view = _chat()
    session.deliver_all()
    for line in ("flag 2", "flag 3", "3"):
        session.execute_line(line)
    while not session.ended:
        session.execute_line("1")
    card = view.update()[-1]
    assert card.kind == "ending" and card.outcome in ("safe", "neutral", "unsafe") and card.title


def test_header_and_composer_words():
    session, view = _chat()
    assert view.status() == "Active now" and view.status(typing=True) == "typing…"
    assert view.composer_status() == "Waiting for jay.draws.stuff…"
    session.deliver_all()
    assert view.composer_status() == chat_view.NO_REPLY
    assert len(view.replies()) == 3


def test_a_resumed_chat_says_so_once():
    session, _ = _chat()
    session.deliver_all()
    view = ChatView(session, resumed=True)
    view.update()
    note = view.resumed_note()
    assert note is not None and note.text == chat_view.RESUMED_LINE
    assert chat_view.picture_name("pictures/free_skin.png") == "free skin"


def test_lines_are_json_ready():
    import json

    session, view = _chat()
    session.deliver_all()
    view.update()
    data = json.loads(json.dumps([ln.as_dict() for ln in view.snapshot()]))
    assert data[1]["number"] == 1 and data[1]["flaggable"] is True


def test_a_notice_that_is_only_a_time_says_what_the_clock_reads_from_there():
    session, view = _chat("mums-friend", seed=1)
    for line in ("1", "1", "1"):                    # its golden "worst" run reaches Thursday evening
        session.deliver_all()
        session.execute_line(line)
    session.deliver_all()
    view.update()
    lines = view.snapshot()
    marker = next(ln for ln in lines if ln.text == "Thursday, 8:04 PM")
    assert marker.kind == "system" and marker.sets_clock == "20:04"      # the story started at 20:40
    assert marker.as_dict()["sets_clock"] == "20:04"                      # what the play page reads
    assert [ln.text for ln in lines if ln.sets_clock] == ["Thursday, 8:04 PM"]
    assert any(ln.kind == "stranger" for ln in lines[lines.index(marker) + 1:])


def test_time_markers_in_every_form_the_scenarios_use():
    from game.play.clock import sets_clock
    assert sets_clock("Thursday, 11:40 PM") == "23:40" and sets_clock("Saturday, 12:15 PM") == "12:15"
    assert sets_clock("12:05 AM") == "00:05" and sets_clock(" 23:40 ") == "23:40"
    assert sets_clock("see you at 3:52 PM") == "" and sets_clock("13:10 PM") == "" and sets_clock("24:00") == ""
