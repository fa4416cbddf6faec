"""The scenario format's optional extensions: a node's platform switch, the message request,
link previews; loaded, validated with located errors, and carried by the application layer."""
import textwrap

from game.play import chat_view as cv
from game.session import Session
from game.validator import check_file, load_scenario

BASE = """\
format: 1
id: ext-test
title: Extension test
platform: social_media
{top}
stranger: {{name: sam.k}}
start: hello
nodes:
  hello:
    messages:
      - text: join me on the other app
        link: other.example/sam
{preview}
    choices:
      - {{text: ok, next: moved}}
      - {{text: nope, next: done}}
  moved:
{platform}
    messages: [{{text: hi again}}]
    end: {{outcome: unsafe, title: Moved, text: It moved.}}
  done:
    end: {{outcome: safe, title: Done, text: Fine.}}
"""


def write(tmp_path, top="", preview="", platform=""):
    path = tmp_path / "ext-test.yaml"
    path.write_text(BASE.format(top=top, preview=preview, platform=platform), encoding="utf-8")
    return path


def load(path):
    return load_scenario(path)


def diagnostics(path):
    return [d for d in check_file(path)[1] if d.severity == "error"]


def test_files_without_extensions_load_as_before(tmp_path):
    s = load(write(tmp_path))
    assert not s.message_request and all(n.platform == "" for n in s.nodes.values())
    assert s.items["hello.0"].preview_title == ""


def test_extensions_load(tmp_path):
    s = load(write(tmp_path, top="message_request: true",
                   preview="        preview: {title: Other app, text: Chats that vanish}",
                   platform="    platform: messenger"))
    assert s.message_request
    assert s.nodes["moved"].platform == "messenger"
    m = s.items["hello.0"]
    assert (m.preview_title, m.preview_text) == ("Other app", "Chats that vanish")


def test_bad_values_are_located(tmp_path):
    bad = diagnostics(write(tmp_path, platform="    platform: mesenger"))
    assert [d.code for d in bad] == ["RF013"] and bad[0].line == 18 and "did you mean" in bad[0].hint
    bad = diagnostics(write(tmp_path, top="message_request: maybe"))
    assert [d.code for d in bad] == ["RF012"] and bad[0].line == 5
    bad = diagnostics(write(tmp_path, preview="        preview: {text: no title}"))
    assert [d.code for d in bad] == ["RF011"] and bad[0].line == 13
    bad = diagnostics(write(tmp_path, preview="        preview: {title: T, txt: x}"))
    assert [d.code for d in bad] == ["RF010"]


def test_preview_needs_a_link(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(textwrap.dedent("""\
        format: 1
        id: p
        title: P
        platform: game_chat
        stranger: {name: x}
        start: a
        nodes:
          a:
            messages:
              - text: hi
                preview: {title: T}
            end: {outcome: safe, title: E, text: e}
        """), encoding="utf-8")
    bad = diagnostics(path)
    assert [d.code for d in bad] == ["RF013"] and bad[0].line == 11 and "needs a 'link'" in bad[0].message


def test_chat_view_follows_the_switch_and_the_request(tmp_path):
    s = load(write(tmp_path, top="message_request: true", preview="        preview: {title: Other app}",
                   platform="    platform: messenger"))
    session = Session(s, seed=1)
    view = cv.ChatView(session)
    session.start()
    session.deliver_all()
    lines = view.update()
    assert view.platform() == "social_media"
    assert view.request_pending() and view.replies() == [] and view.replies(behind_request=True) == ["ok", "nope"]
    assert lines[0].preview_title == "Other app"
    assert view.lines[0].kind == cv.INFO and "wants to send you a message" in view.lines[0].text
    view.accept_request()
    assert view.replies() == ["ok", "nope"]
    session.execute_line("1")
    session.deliver_all()
    new = view.update()
    switch = [ln for ln in new if ln.kind == cv.SWITCH]
    assert switch and switch[0].platform == "messenger" and "sam.k moved the chat" in switch[0].text
    assert view.platform() == "messenger" and view.status() == cv.HEADER_STATUS["messenger"]


def test_decline_is_exactly_leave(tmp_path):
    from game.scoring import score
    s = load(write(tmp_path, top="message_request: true"))
    declined = Session(s, seed=1)
    view = cv.ChatView(declined)
    declined.start()
    declined.deliver_all()
    view.update()
    declined.execute_line(cv.REQUEST_DECLINE_AS)
    assert "declined the message request" in view.update()[-1].text
    left = Session(load(write(tmp_path)), seed=1)
    left.start()
    left.deliver_all()
    left.execute_line("leave")
    a, b = score(declined.events), score(left.events)
    assert a["score"] == b["score"] and a["outcome"] == b["outcome"]


def test_dating_chats_open_with_a_match():
    from game.library import find_scenario
    view = cv.ChatView(Session(find_scenario("too-perfect-match"), seed=1))
    match = [ln for ln in view.lines if ln.kind == cv.MATCH]
    assert match and match[0].title == cv.MATCH_TITLE
