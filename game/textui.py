"""The terminal front end: the same conversation, as text.

Accessible (a screen reader reads it line by line) and scriptable. Stranger
messages show their delivery number `[n]`, which `flag n` uses.

The app moments and exits say what the window and the browser say (the words
are the chat view's and ``game.play.exits``'): a node that moves the chat to
another app prints the switch line; a link with a preview prints its title
and text; a message request is offered at the
keyboard (``accept`` / ``decline``; decline sends ``chat_view.REQUEST_DECLINE_AS``);
``report`` at the keyboard asks what happened with the report form's reasons.
Scripts (``--script``) read the command language of cli.md only: they are
never asked anything, so every script gives the result it gave before.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from . import debrief as debrief_mod
from .command_language import HELP, Command, ParseError, parse
from .engine import CommandError
from .play import exits
from .play.catalogue import chat_name, content_notes
from .play.chat_view import (
    ENDING,
    FAKE_LINK,
    HEADER_STATUS,
    REQUEST_DECLINE_AS,
    SWITCH,
    SWITCH_TITLE,
    ChatView,
    picture_name,
)
from .play.saving import SaveNotice
from .safetext import neutralise
from .session import Session, run_script

WIDTH = 78

#: what the keyboard types to answer a message request (numbers stay replies, as in a script)
ACCEPT_WORD, DECLINE_WORD = "accept", "decline"
REQUEST_PROMPT = (f"Type '{ACCEPT_WORD}' to read on and reply, or '{DECLINE_WORD}' to close the chat "
                  f"(the same as '{REQUEST_DECLINE_AS}').")
NO_REQUEST = "There is no message request to answer now."
REPORT_PROMPT = "Type a number to send the report, or 'cancel' to go back to the chat."
REPORT_CANCELLED = "(Report cancelled: nothing was sent.)"


class TextRenderer:
    """Prints new events of a session as transcript lines."""

    def __init__(self, session: Session, out: TextIO, keyboard: bool = False):
        self.session = session
        self.out = out
        self.shown = 0
        #: the same chat view as the window's and the browser's (switch, request and end lines)
        self.chat = ChatView(session)
        #: at the keyboard, a message request holds the replies back until it is answered
        self.keyboard = keyboard
        self.held_choices = False

    def line(self, text: str = "", indent: str = "") -> None:
        if not text:
            print(file=self.out)
            return
        # scenario, stored and typed text is shown, never obeyed by the terminal
        for paragraph in neutralise(text).splitlines() or [""]:
            print(textwrap.fill(paragraph, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ")
                  if paragraph else "", file=self.out)

    def intro(self) -> None:
        s = self.session.scenario
        self.line(f"== {s.title} ({chat_name(s.platform)}) ==")
        self.line("Content: " + ", ".join(content_notes(s)))
        if s.player.context:
            self.line(s.player.context)
        self.line(f"Chatting with {s.stranger.name}. " + HELP)
        self.line()
        if self.chat.request_pending():
            words = self.chat.request_words()
            self.line(f"** {words['title']} **")
            self.line(words["body"], "   ")
            self.line()

    def events(self) -> None:
        """Print every event not printed yet."""
        events = self.session.conv.events
        for event in events[self.shown:]:
            self._event(event, self.chat.feed(event) if self.chat.unseen() else None)
        self.shown = len(events)
        if self.held_choices and not self.request_waiting():   # a reply or a flag accepted the request
            self.held_choices = False
            self.current_choices()

    def request_waiting(self) -> bool:
        """A message request waits for an answer at the keyboard (scripts never wait)."""
        return self.keyboard and self.chat.request_pending()

    def accept_request(self) -> None:
        """Accept: the replies held back by the request show."""
        self.chat.accept_request()
        self.held_choices = False
        self.current_choices()

    def _event(self, event: dict, seen: Any = None) -> None:
        """Print one event; ``seen`` is the chat view's line for it (None when it has none)."""
        kind = event["type"]
        name = self.session.scenario.stranger.name
        if kind == "deliver":
            if event["from"] == "system":
                self.line(f"[{event['n']}] ** {event['text']} **")
            else:
                self.line(f"[{event['n']}] {name}: {event['text']}")
            if event.get("image"):
                self.line(f"(picture: {picture_name(event['image'])})", "    ")
            if event.get("link"):
                self.line(f"(link: {event['link']} - {FAKE_LINK})", "    ")
                if seen is not None and seen.preview_title:    # the preview card the window and browser draw
                    self.line(f"(preview: {seen.preview_title}"
                              + (f" - {seen.preview_text})" if seen.preview_text else ")"), "    ")
        elif kind == "choice":
            self.line(f"{self.session.scenario.player.name}: {event['text']}", "        ")
        elif kind == "enter" and seen is not None and seen.kind == SWITCH:
            self.line()
            self.line(f"** {SWITCH_TITLE}: {seen.text} **")
            self.line(f"({chat_name(seen.platform)} · {HEADER_STATUS.get(seen.platform, 'online')})", "   ")
        elif kind == "choices" and self.request_waiting():
            self.held_choices = True
            self.line()
            self.line(REQUEST_PROMPT)
        elif kind == "choices" and event["options"]:
            self.line()
            for number, option in enumerate(event["options"], start=1):
                self.line(f"  {number}) {option['text']}")
        elif kind == "choices":
            self.line("(No reply fits here. You can flag, block, report or leave.)")
        elif kind == "flag":
            self.line(f"(flagged {self._label(event['id'])})")
        elif kind == "unflag":
            self.line(f"(removed the flag from {self._label(event['id'])})")
        elif kind == "end" and seen is not None and seen.kind != ENDING:
            self.line(seen.text)    # the chat view's end line: a report's reason, a declined request

    def _label(self, item_id: str) -> str:
        numbers = [n for n, i in self.session.conv.numbers.items() if i == item_id]
        return f"[{numbers[0]}]" if numbers else item_id

    def current_choices(self) -> None:
        """Show the replies again (after the profile or help pushed them off screen)."""
        if self.request_waiting():
            self.line()
            self.line(REQUEST_PROMPT)
            return
        choices = self.session.conv.choices()
        if choices:
            self.line()
            for number, choice in enumerate(choices, start=1):
                self.line(f"  {number}) {choice.text}")

    def ask_report_reason(self, read_line: Callable[[str], str]) -> str | None:
        """The report form at the keyboard: the reason id chosen, or None (cancelled).

        Raises EOFError when input ends at the question (the chat then stops, as at the prompt)."""
        form = exits.report_form(self.session.scenario.stranger.name)
        reasons = form["reasons"]
        self.line()
        self.line(f"-- {form['title']} --")
        self.line(f"{form['question']} {form['intro']}")
        for number, reason in enumerate(reasons, start=1):
            self.line(f"  {number}) {reason['label']}")
            self.line(reason["hint"], "       ")
        self.line(form["after"])
        self.line(REPORT_PROMPT)
        while True:
            answer = read_line("report> ").strip().lower()
            if answer in (form["cancel"].lower(), "0"):
                self.line(REPORT_CANCELLED)
                return None
            if answer.isdigit() and 1 <= int(answer) <= len(reasons):
                return str(reasons[int(answer) - 1]["id"])
            if answer in {str(r["id"]) for r in reasons}:
                return answer
            if not answer:
                self.line(f"! {form['choose_first']}")
            else:
                self.line(f"! no reason '{answer[:20]}' (type 1-{len(reasons)}, or 'cancel')")

    def profile(self) -> None:
        stranger = self.session.scenario.stranger
        self.line(f"-- Profile of {stranger.name} --")
        if stranger.claimed_age:
            self.line(f"Age: {stranger.claimed_age}", "  ")
        for item in stranger.profile:
            mark = " (flagged)" if self.session.conv.is_flagged(item.item_id) else ""
            self.line(f"{item.item_id}  {item.label}: {item.text}{mark}", "  ")
        self.line("Flag a profile item with 'flag profile.<id>'.")

    def debrief(self) -> None:
        s = self.session
        result = s.result()
        d = debrief_mod.build(s.scenario, s.conv.events, result)
        self.line()
        if d.ending is not None:
            self.line(f"== {d.ending.title or 'The end'} ==")
            if d.ending.text:
                self.line(d.ending.text)
            self.line()
        self.line("== Debrief ==")
        self.line(d.headline)
        if d.first_steps:                     # after an unsafe ending: what to do now, before the score
            self.line("What to do now:")
            for number, step in enumerate(d.first_steps, 1):
                self.line(f"{number}. {step}", "  ")
            self.line("(Where to get help is at the end.)", "  ")
        if d.report_reason:
            self.line(debrief_mod.REPORT_NOTE.format(reason=d.report_reason.lower()))
        if result["complete"]:
            self.line(f"Score: {result['score']['total']} / 100")
        for part in d.parts:
            value = "-" if part.value is None else f"{round(part.value * 100)}%"
            self.line(f"{part.name}: {value}. {part.meaning}", "  ")
        if d.summary:
            self.line()
            self.line(d.summary)
        for section in d.sections:
            self.line()
            self.line(section)
        words = debrief_mod.replay_words()
        counts = debrief_mod.tally(d)         # the replay's tally: no "Spotted × 0" after an unsafe ending
        if counts:
            self.line()
            self.line("   ".join(f"{words[status]} × {n}" for status, n in counts))
        for title, items in ((words["spotted_title"], d.spotted), (words["missed_title"], d.missed),
                             (words["false_alarm_title"], d.false_alarms)):
            if not items:
                continue
            self.line()
            self.line(title + ":")
            for item in items:
                where = f"[{item.number}] " if item.number else ""
                cats = ", ".join(c.title for c in item.categories)
                self.line(f"- {where}\"{item.text}\"" + (f" ({cats})" if cats else ""), "  ")
                if item.why:
                    self.line(item.why, "      ")
        if d.questions:
            self.line()
            self.line("Talk about it:")
            for question in d.questions:
                self.line(f"- {question}", "  ")
        self.line()
        self.line("Where to get help:")
        if d.help.school_contact:
            self.line(f"At your school: {d.help.school_contact}", "  ")
        for sentence in d.help.never_your_fault:
            self.line(sentence, "  ")
        for resource in d.help.resources:
            contact = ", ".join(x for x in (resource.website, resource.phone) if x)
            self.line(f"- {resource.name} ({resource.region}): {resource.purpose} {contact}", "  ")


def watch_saving(session: Session, err: TextIO | None = None) -> None:
    """Say once (on standard error) when this chat's result cannot be saved, and once when it is again."""
    recorder: Any = session.recorder
    if recorder is None or not hasattr(recorder, "status"):
        return
    notice = SaveNotice()

    def tell(status: Any) -> None:
        words = notice.update(status)
        if words:
            print(f"({words})", file=err or sys.stderr, flush=True)

    recorder.on_status = tell
    tell(recorder.status())


def play_interactive(session: Session, read_line: Callable[[str], str] = input,
                     out: TextIO | None = None) -> None:
    """Play at the keyboard until the conversation ends or input runs out."""
    out = out or sys.stdout   # looked up now, not when the module was imported
    view = TextRenderer(session, out, keyboard=True)
    view.intro()
    session.start()
    session.conv.deliver_all()
    view.events()
    while not session.ended:
        try:
            text = read_line("> ")
        except (EOFError, KeyboardInterrupt):
            print(file=out)
            break
        word = text.strip().lower()
        if word in (ACCEPT_WORD, DECLINE_WORD):
            if not view.request_waiting():
                view.line(f"! {NO_REQUEST}")
                continue
            if word == ACCEPT_WORD:
                view.accept_request()
                continue
            text = REQUEST_DECLINE_AS
        try:
            command = parse(text)
            if command is None:
                continue
            if command.name == "report" and command.arg is None and not session.ended:
                try:
                    reason = view.ask_report_reason(read_line)
                except (EOFError, KeyboardInterrupt):
                    print(file=out)
                    break
                if reason is None:
                    view.current_choices()
                    continue
                command = Command("report", reason, command.line)
            shown = session.execute(command)
        except (ParseError, CommandError) as exc:
            view.line(f"! {exc}")
            continue
        if shown == "profile":
            view.profile()
            view.current_choices()
        elif shown == "help":
            view.line(HELP)
            view.current_choices()
        session.conv.deliver_all()
        view.events()
    if not session.ended:
        session.conv.quit()
    view.debrief()


def play_script(session: Session, lines: Iterable[tuple[int, str]], out: TextIO | None = None) -> list[str]:
    """Play a script, printing the transcript; raises ScriptError on a bad line."""
    out = out or sys.stdout
    view = TextRenderer(session, out)
    view.intro()
    session.start()

    def after(command, shown: str | None) -> None:
        if shown == "profile":
            view.profile()
        view.events()

    session.conv.deliver_all()
    view.events()
    notes = run_script(session, lines, after)
    if not session.ended:
        session.conv.quit()
    view.events()
    view.debrief()
    return notes
