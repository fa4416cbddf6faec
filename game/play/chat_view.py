"""The chat as every front end shows it: events in, chat lines and the words on screen out.

``ChatView(session)`` turns the session's event log into ``ChatLine`` values
(stranger message, platform notice, the player's reply, an information line,
the ending card), keeps the read receipt of the player's last reply, and owns
the sentences every front end uses: what blocking, reporting and leaving say,
the confirm questions, the header status per platform, the composer's status
line. It also follows the format extensions: the app the chat is in now
(``platform()``, moved by a node's ``platform:``, with a switch line), the
swipe app's match line, link previews and the message request. The window,
the terminal and the browser render these; none of them writes its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game import report_reasons

from .clock import sets_clock

STRANGER, PLAYER, SYSTEM, ENDING, INFO = "stranger", "player", "system", "ending", "info"
SWITCH, MATCH = "switch", "match"     # the chat moved to another app; the swipe app's match moment

RESUMED_LINE = "You left this chat earlier. It carries on from here."
CHAT_OVER_FLAGS = "The chat is over: flags can't change now."
CHAT_ENDED = "This chat has ended."
NO_REPLY = "Nothing to reply here. You can flag messages, or use Block, Report or Leave."
FAKE_LINK = "a fake link; in real life, don't open links from people you don't know"

#: what an end action says in the chat, with {name} the stranger's name
END_LINES = {
    "block": "You blocked {name}. They can't message you any more.",
    "report": "You blocked and reported {name}. Reporting helps keep other people safe too.",
    "leave": "You left the chat.",
}

#: an end action as a reply button or a vote option ("what should we do?")
END_ACTION_LABELS = {
    "block": "Block",
    "report": "Report and block",
    "leave": "Leave the chat",
}

#: the debrief's short line where the chat ended, with {name} the stranger's name
END_SUMMARY = {"block": "You blocked {name}.", "report": "You reported and blocked {name}.",
               "leave": "You left the chat.", "quit": "You stopped the chat before the end."}

#: the tag of an authored ending's card (chat and debrief)
OUTCOME_WORDS = {"safe": "Safe ending", "neutral": "Neutral ending", "unsafe": "Unsafe ending"}

#: the confirm question before an end action: (title, body, button)
CONFIRM = {
    "block": ("Block {name}?", "They won't be able to message you. This ends the chat.", "Block"),
    "report": ("Block and report {name}?",
               "The platform's safety team gets this chat, and they can't message you. This ends the chat.",
               "Block and report"),
    "leave": ("Leave this chat?", "You stop talking to them. This ends the chat.", "Leave"),
}

#: the line under the stranger's name in the chat header
HEADER_STATUS = {"game_chat": "IN SQUAD LOBBY · ONLINE", "social_media": "Active now",
                 "dating_app": "Your match · online", "messenger": "Disappearing messages: on"}

#: the label over the line that says the chat moved to another app
SWITCH_TITLE = "The chat moved"
#: what the chat says when a node moves it to another app, with {name} the stranger's name
SWITCH_LINES = {
    "messenger": "{name} moved the chat to a private messaging app. Messages here disappear after 24 hours, "
                 "and there is nobody to report to but you.",
    "social_media": "{name} moved the chat to direct messages on a social app.",
    "game_chat": "{name} moved the chat into a game's chat.",
    "dating_app": "{name} moved the chat to a dating app.",
}
#: the swipe app's match moment, at the top of a dating-app chat
MATCH_TITLE = "It's a match!"
MATCH_LINE = "You and {name} liked each other. You can unmatch, block or report at any time."

#: the message request before a stranger's first DM (Decline is the same as Leave)
REQUEST = {
    "title": "{name} wants to send you a message",
    "body": "You don't follow each other. Accept to reply, or decline: the chat ends and they aren't told.",
    "accept": "Accept",
    "decline": "Decline",
    "status": "Accept or decline the message request first.",
    "profile": "See their profile",          # the request card's way to the whole profile
    "eyebrow": "Message request",             # the label over the card
    "context": "You don't follow each other.",                    # the window's card: the line under the name
    "decline_note": "Decline ends the chat, and {name} isn't told.",  # ...and what declining does
}
#: a profile photo opened big (the window's photo view; a click on the card itself still flags it)
PHOTO_VIEW = {"open": "View photo", "close": "Close", "flag": "Flag this photo", "unflag": "Remove the flag",
              "flagged": "Flagged"}
DECLINED_LINE = "You declined the message request. {name} isn't told, and the chat is closed."
REQUEST_DECLINE_AS = "leave"   # the command Decline sends: scoring.md v2 scores it exactly as Leave
TYPING = "typing…"


def profile_label(count: int, short: bool = False) -> str:
    """The Profile button's words: a cue that there is something to look at ("Profile · 3 details")."""
    details = f"{count} detail" + ("" if count == 1 else "s")
    if count == 0:
        return "Profile"
    return details if short else f"Profile · {details}"


@dataclass
class ChatLine:
    """One line of the chat, as a front end draws it."""

    kind: str                        # stranger | system | player | info | ending
    text: str
    item_id: str | None = None       # the engine's id of a stranger message or notice
    number: int | None = None        # its delivery number [n] (flag n uses it)
    t: float = 0.0                   # seconds since the start
    image: str = ""                  # picture reference as authored ("" = none)
    link: str = ""
    nudge: bool = False
    title: str = ""                  # ending card: its title; match and switch lines: their label
    outcome: str = ""                # ending card: safe | neutral | unsafe
    flagged: bool = False            # filled in by ChatView.snapshot()
    receipt: str | None = None       # "Sent" / "Seen" under the player's last reply
    sets_clock: str = ""             # a notice that is only a time: "15:52", the clock from here on
    platform: str = ""               # switch line: the app the chat moved to
    preview_title: str = ""          # link preview card of a message with a link (empty: a plain link)
    preview_text: str = ""
    request: bool = False            # the message request's line (a page can draw it as the request card)

    @property
    def flaggable(self) -> bool:
        return self.kind in (STRANGER, SYSTEM) and self.item_id is not None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready (for a browser)."""
        data = {k: v for k, v in self.__dict__.items()}
        data["flaggable"] = self.flaggable
        return data


def picture_name(ref: str) -> str:
    """'pictures/free_skin.png' -> 'free skin' (what a text front end says about a picture)."""
    return ref.rsplit("/", 1)[-1].rsplit(".", 1)[0].replace("_", " ")


def end_line(how: str, stranger: str, reason: str = "") -> str | None:
    """What the chat says after block / report / leave (None for the others); ``reason`` is a report's label."""
    text = END_LINES.get(how)
    if not text:
        return None
    text = text.format(name=stranger)
    if how == "report" and reason:
        text = text.replace(". ", f" for: {reason.lower()}. ", 1)
    return text


def end_summary(how: str, stranger: str, ending_title: str = "", reason: str = "") -> str:
    """The debrief's short line where the chat ended ("You blocked Jay.", "The chat ended: <title>")."""
    if how == "ending":
        return "The chat ended" + (f": {ending_title}" if ending_title else ".")
    text = END_SUMMARY.get(how, "The chat ended.").format(name=stranger)
    if how == "report" and reason:
        text = f"{text[:-1]}: {reason.lower()}."
    return text


def outcome_words(outcome: str) -> str:
    """'Unsafe ending' for an authored ending's outcome ('Ending' when unknown)."""
    return OUTCOME_WORDS.get(outcome, "Ending")


def confirm_words(how: str, stranger: str) -> tuple[str, str, str]:
    """(title, body, button label) of the confirm dialog before an end action."""
    title, body, label = CONFIRM[how]
    return title.format(name=stranger), body, label


class ChatView:
    """Follows one session's events and says what the chat shows."""

    def __init__(self, session: Any, resumed: bool | str = False):
        self.session = session
        self.resumed = bool(resumed)
        #: the line after what was already said (a practice run passes its own line as ``resumed``)
        self.resumed_line = resumed if isinstance(resumed, str) else RESUMED_LINE
        self.lines: list[ChatLine] = []
        self._seen = 0
        self._last_reply: ChatLine | None = None
        self._reply_seen = False
        self._accepted = False
        self._platform_at: tuple[int, str] | None = None
        context = (self.scenario.player.context or "").strip()
        if context:
            self.lines.append(ChatLine(INFO, context))
        if self.scenario.platform == "dating_app":
            self.lines.append(ChatLine(MATCH, MATCH_LINE.format(name=self.title()), title=MATCH_TITLE))
        if getattr(self.scenario, "message_request", False):   # always the first line: it stays where it was
            words = self.request_words()
            self.lines.append(ChatLine(INFO, f"{words['title']}. {words['body']}", request=True))

    @property
    def scenario(self) -> Any:
        return self.session.scenario

    @property
    def conv(self) -> Any:
        return self.session.conv

    @property
    def skin(self) -> str:
        """The app the chat is in now: the scenario's platform, or where the last node moved it."""
        return self.platform()

    def platform(self) -> str:
        """The scenario's platform, or the one the last entered node with ``platform:`` moved the chat to."""
        events = self.conv.events
        cached = self._platform_at
        if cached is not None and cached[0] == len(events):
            return cached[1]
        current = str(self.scenario.platform)
        nodes = self.scenario.nodes
        for event in events:
            if event.get("type") == "enter":
                node = nodes.get(event.get("node"))
                moved_to = str(getattr(node, "platform", "") or "") if node is not None else ""
                if moved_to:
                    current = moved_to
        self._platform_at = (len(events), current)
        return current

    @property
    def stranger(self) -> str:
        return str(self.scenario.stranger.name)

    @property
    def player(self) -> str:
        return str(self.scenario.player.name or "You")

    # -- events -> lines -----------------------------------------------------------------
    def update(self) -> list[ChatLine]:
        """Lines for every event not seen yet (call after each command and delivery)."""
        new: list[ChatLine] = []
        for event in self.unseen():
            line = self.feed(event)
            if line is not None:
                new.append(line)
        return new

    def unseen(self) -> list[dict[str, Any]]:
        """The events not fed yet, oldest first (feed them in this order)."""
        return self.conv.events[self._seen:]

    def feed(self, event: dict[str, Any]) -> ChatLine | None:
        """Take the next event: its chat line (appended to ``lines``), or None (flags, choices...)."""
        self._seen += 1
        line = self._line(event)
        if line is not None:
            self.lines.append(line)
        return line

    def resumed_note(self) -> ChatLine | None:
        """The line a resumed chat shows after what was said before (None when not resumed or over)."""
        if not self.resumed or self.conv.ended:
            return None
        note = ChatLine(INFO, self.resumed_line)
        self.lines.append(note)
        return note

    def rewind(self, events_seen: int) -> None:
        """Follow a session restored from JSON (same events, new objects)."""
        self._seen = min(self._seen, events_seen)

    def _line(self, event: dict[str, Any]) -> ChatLine | None:
        kind = event.get("type")
        t = float(event.get("t", 0) or 0)
        if kind == "deliver":
            self.mark_seen()
            item = self.scenario.items.get(event.get("id"))
            return ChatLine(SYSTEM if event.get("from") == "system" else STRANGER, str(event.get("text", "")),
                            item_id=event.get("id"), number=event.get("n"), t=t,
                            image=str(event.get("image", "") or ""), link=str(event.get("link", "") or ""),
                            nudge=bool(event.get("nudge")),
                            sets_clock=sets_clock(str(event.get("text", ""))) if event.get("from") == "system" else "",
                            preview_title=str(getattr(item, "preview_title", "") or ""),
                            preview_text=str(getattr(item, "preview_text", "") or ""))
        if kind == "enter":
            node = self.scenario.nodes.get(event.get("node"))
            moved_to = getattr(node, "platform", "") if node is not None else ""
            if moved_to and moved_to in SWITCH_LINES:
                return ChatLine(SWITCH, SWITCH_LINES[moved_to].format(name=self.stranger), t=t, platform=moved_to,
                                title=SWITCH_TITLE)
            return None
        if kind == "choice":
            line = ChatLine(PLAYER, str(event.get("text", "")), t=t)
            self._last_reply = line
            self._reply_seen = False
            return line
        if kind == "end":
            how = str(event.get("how"))
            if how == "ending":
                node = self.scenario.nodes.get(event.get("node"))
                end = node.end if node is not None else None
                return ChatLine(ENDING, end.text.strip() if end else "", title=end.title if end else "",
                                outcome=str(event.get("outcome", "")), t=t)
            text = end_line(how, self.stranger, report_reasons.label(event.get("reason")))
            if how == REQUEST_DECLINE_AS and self._declined_request():
                text = DECLINED_LINE.format(name=self.stranger)
            return ChatLine(INFO, text, t=t) if text else None
        return None

    # -- receipts, flags -----------------------------------------------------------------
    def mark_seen(self) -> ChatLine | None:
        """The stranger has read the last reply (they started typing, or answered).

        Returns the reply whose receipt changed, or None.
        """
        if self._last_reply is not None and not self._reply_seen:
            self._reply_seen = True
            return self._last_reply
        return None

    def receipt(self, line: ChatLine) -> str | None:
        """"Sent" / "Seen" under the player's newest reply ("sent" / "read" in a game chat)."""
        if line is not self._last_reply:
            return None
        if self.skin == "game_chat":
            return "read" if self._reply_seen else "sent"
        return "Seen" if self._reply_seen else "Sent"

    def is_flagged(self, item_id: str | None) -> bool:
        return bool(item_id) and self.conv.is_flagged(item_id)

    def snapshot(self) -> list[ChatLine]:
        """Every line with ``flagged`` and ``receipt`` filled in as they stand now."""
        for line in self.lines:
            line.flagged = self.is_flagged(line.item_id) if line.flaggable else False
            line.receipt = self.receipt(line)
        return list(self.lines)

    # -- header and composer -------------------------------------------------------------
    def title(self) -> str:
        """The stranger's name as the header shows it (a dating app adds the claimed age)."""
        s = self.scenario.stranger
        if self.skin == "dating_app" and s.claimed_age:
            return f"{s.name}, {s.claimed_age}"
        return str(s.name)

    def status(self, typing: bool = False) -> str:
        """The line under the name: "typing…" or the platform's presence line."""
        if typing:
            return TYPING
        return HEADER_STATUS.get(self.skin, "online")

    # -- the message request -----------------------------------------------------------
    def request_pending(self) -> bool:
        """True while a message request waits for Accept or Decline (the scenario asks for one).

        Any reply or flag counts as accepting (a script, a resumed chat); Decline is the command
        ``REQUEST_DECLINE_AS`` (leave), so it needs no state of its own.
        """
        return not self.conv.ended and self._request_untouched()

    def _declined_request(self) -> bool:
        """The chat ended with Decline: a leave while the request was still waiting."""
        return self._request_untouched()

    def _request_untouched(self) -> bool:
        """The chat has a message request, not accepted, and no reply or flag yet."""
        return bool(getattr(self.scenario, "message_request", False)) and not self._accepted and \
            not any(e.get("type") in ("choice", "flag", "unflag") for e in self.conv.events)

    def accept_request(self) -> None:
        self._accepted = True

    def request_words(self) -> dict[str, str]:
        """The request card's words, with the stranger's name filled in."""
        return {k: v.format(name=self.stranger) for k, v in REQUEST.items()}

    def request_profile_line(self) -> str:
        """The line of their profile a request card shows under the name: the first profile item's text."""
        profile = list(getattr(self.scenario.stranger, "profile", ()) or ())
        return " ".join(str(profile[0].text).split()) if profile else ""

    def composer_status(self) -> str:
        """What the reply area says when there are no replies to pick."""
        if self.conv.ended:
            return CHAT_ENDED
        if self.request_pending():
            return REQUEST["status"]
        if self.conv.pending:
            return f"Waiting for {self.stranger}…"
        return NO_REPLY

    def replies(self, behind_request: bool = False) -> list[str]:
        """The replies the player can pick now (numbered from 1 by every front end).

        None while a message request waits, unless ``behind_request`` (a page that keeps the
        Accept on its side asks for the replies that Accept will show)."""
        if self.conv.ended or (self.request_pending() and not behind_request):
            return []
        return [c.text for c in self.conv.choices()]
