"""The chat screen: one conversation with a simulated stranger (state, input, focus).

Every player action (a click on a reply or a message, a key, a script line)
is a command given to ``act``, which calls ``Session.execute``, the same call
the terminal and the class server make. ``sync`` turns new events into
timeline items through ``game.play.chat_view.ChatView`` (which also holds
the words); ``game.play.pacing.Pacer`` shows pending messages after a
"typing…" pause and idle nudges after a silence; ``chat/layout.py`` lays the
screen out and ``chat/painter.py`` draws it. Block, Report and Leave ask for a
short confirm; Escape or Pause opens the pause menu. When the chat ends the
session is finished at once (result stored, ``--result-json`` written) and
"See how you did" hands over to the debrief. ``scripted=True`` turns pacing
off: ``game.ui.run`` feeds a ``--script`` through ``act``.
"""
from __future__ import annotations

import time
from functools import partial
from pathlib import Path
from typing import Any

import pygame

from game import display_text
from game.command_language import Command
from game.engine import CommandError
from game.loader import resolve_asset
from game.play.chat_view import CHAT_OVER_FLAGS, REQUEST_DECLINE_AS, ChatLine, ChatView
from game.play.pacing import Pacer

from ..app import App, Screen
from ..chat import icons
from ..chat.avatar import Avatars
from ..chat.clock import chat_clock
from ..chat.flagfx import FlagEffects
from ..chat.layout import layout_chat
from ..chat.painter import ChatPainter
from ..chat.profile import ProfileCard, ProfilePanel
from ..chat.scroll import MessageScroll
from ..chat.timeline import ENDING, SYSTEM, ChatItem, ItemRenderer, RenderContext, Timeline
from ..scrolling import Scroller
from ..theme import PALETTES
from ..widgets import Button
from .exits import open_exit_dialog
from .overlays import LinkWarningScreen, PauseScreen
from .safety_menu import SafetyMenuScreen

DRAG_THRESHOLD = 6
#: one keystroke to each way out, as the Safety menu says
END_KEYS = {pygame.K_b: "block", pygame.K_r: "report", pygame.K_l: "leave"}


def _is_item(item_id: Any, item: ChatItem) -> bool:
    return item.item_id == item_id

class ChatScreen(MessageScroll, ProfilePanel, Screen):
    def __init__(self, app: App, session: Any, *, scripted: bool = False, result_json: str | None = None,
                 clock_base: float | None = None, resumed: bool | str = False):
        super().__init__(app)
        self.session = session
        self.conv = session.conv
        self.scenario = session.scenario
        self.skin = self.scenario.platform if self.scenario.platform in PALETTES else "menu"
        self._platform = self.scenario.platform   # where the chat is now (chat_view.platform())
        self.scripted = scripted
        self.result_json = result_json
        self.result: dict | None = None
        self.finished = False
        self.stranger_name = self.scenario.stranger.name
        self.player_name = self.scenario.player.name or "You"
        self.stranger_picture = self._resolve(self.scenario.stranger.avatar)
        self.avatars = Avatars(app.kit)
        self.flag_fx = FlagEffects()          # the ripple and pennant of a new flag (chat/flagfx.py)
        clock = chat_clock(self.scenario, self.conv, session, bool(resumed), fixed=clock_base)   # message times
        self.view = ChatView(session, resumed=resumed)
        self.pacer = Pacer(session, typing_factor=lambda: float(self.app.settings.typing_factor))
        self.ctx = RenderContext(self.stranger_name, self.player_name, self.stranger_picture,
                                 is_flagged=self.conv.is_flagged, receipt=self._receipt, clock_base=clock.base,
                                 resumed_at=clock.resumed_at, earlier_base=clock.earlier_base)
        self.timeline = Timeline(self._renderer())
        self.profile_cards = [ProfileCard(p, self._resolve(p.image)) for p in self.scenario.stranger.profile]
        self.scroller = Scroller()            # the messages (the window's one scroll model)
        self.profile_scroller = Scroller()    # the profile panel
        self.stick_bottom = True
        self.unseen = 0
        self.profile_open = False       # the drawer, in narrow windows
        self.hint_visible = True
        self.replies = 0
        self.choice_scroller = Scroller()     # the reply list, when the replies outgrow the reply area
        self.pause_outside = False            # the Pause button sits outside the phone (chat/layout.py)
        self.frame: Any = None                # chat/frame.py: phone, overlay or full window
        self._reveal_top: ChatItem | None = None   # a long ending card, to be shown from its top
        self.choice_buttons: list[Button] = []
        self._choices_key: tuple[bool, list[str]] = (False, [])
        self.end_button: Button | None = None
        self.request_card: Any = None         # chat/request.py: the message request's card, while it waits
        self.status_message = ""
        # focus: a zone and an index inside it
        self.fzone: str | None = None
        self.findex: dict[str, int] = {}
        self.focus_visible = False
        # mouse
        self.hover: Any = None
        self._press: tuple[int, int] | None = None
        self._press_scroll = 0
        self._dragging = False
        self._pressed_button: Button | None = None
        self._anim_phase = -1
        self._build_buttons()
        self.painter = ChatPainter(self)
        # rects, set by _layout
        z = pygame.Rect(0, 0, 0, 0)
        self.r_header = self.r_actions = self.r_hint = self.r_squad = self.r_profile = z
        self.r_view = self.r_composer = z
        self.wide = True
        for line in self.view.lines:        # the player's situation, before anything is said
            self.timeline.append(self._item(line))
        self.session.start()
        self._quiet = True       # what was already said (a resumed chat) arrives without a burst of sounds
        self.sync()
        self._quiet = False
        self.resumed = resumed
        note = self.view.resumed_note()
        if note is not None:
            self.timeline.append(self._item(note))

    # ------------------------------------------------------------------ setup
    def _resolve(self, ref: str) -> Path | None:
        if not ref:
            return None
        try:
            return resolve_asset(Path(self.scenario.path).parent, ref)
        except (OSError, ValueError):
            return None

    def _renderer(self) -> ItemRenderer:
        return ItemRenderer(self.theme, self.kit, self.avatars, self.ctx)

    def _build_buttons(self) -> None:
        self.b_block = Button("Block", lambda: self.ask_end("block"), kind="danger", ident="block", icon=icons.block)
        self.b_report = Button("Report", lambda: self.ask_end("report"), kind="danger", ident="report",
                               icon=icons.report)
        self.b_leave = Button("Leave", lambda: self.ask_end("leave"), kind="normal", ident="leave", icon=icons.leave)
        self.b_safety = Button("Safety", self.open_safety_menu, kind="danger", ident="safety", icon=icons.shield)
        self.b_pause = Button("Pause", self.open_pause, kind="normal", ident="pause", icon=icons.pause)
        self.b_profile = Button("Profile", self.toggle_profile, kind="normal", ident="profile", icon=icons.person)
        self._icons = {b.ident: b.icon for b in (self.b_block, self.b_report, self.b_leave, self.b_pause,
                                                 self.b_profile, self.b_safety)}

    @property
    def header_buttons(self) -> list[Button]:
        out = [] if self.wide else [self.b_profile]
        return out + [self.b_safety, self.b_pause]

    def adopt_session(self, session: Any) -> None:
        """Carry on with a session restored from JSON (same events, new objects)."""
        self.session = session
        self.conv = session.conv
        self.view.session = session
        self.pacer.session = session
        self.ctx.is_flagged = self.conv.is_flagged
        self.view.rewind(len(self.conv.events))
        self.dirty = True

    # ------------------------------------------------------------------ engine events
    def _item(self, line: ChatLine) -> ChatItem:
        """The timeline item that draws a chat line."""
        return ChatItem(line.kind, display_text.bounded(line.text), item_id=line.item_id, n=line.number, t=line.t,
                        image=self._resolve(line.image) if line.image else None, image_ref=line.image,
                        link=line.link, nudge=line.nudge, title=line.title, outcome=line.outcome,
                        preview_title=line.preview_title, preview_text=line.preview_text, source=line)

    def sync(self) -> None:
        """Show every engine event not shown yet (called after each command and delivery)."""
        for ev in self.view.unseen():
            kind = ev.get("type")
            if kind == "deliver":
                self._refresh_receipt(self.view.mark_seen())
            line = self.view.feed(ev)
            item = self._item(line) if line is not None else None
            if kind == "deliver" and item is not None:
                self.ctx.note_time(item)   # a notice "Friday, 3:52 PM": the story's clock moves on
                self._add(item)
                if not (self.scripted or self._quiet):
                    self.app.sounds.play("notice" if item.kind == SYSTEM else
                                         ("nudge" if item.nudge else "message_in"))
            elif kind == "choice" and item is not None:
                self._add(item)
                self.replies += 1
                if self.replies >= 2 and self.hint_visible:   # the tip has had its chance
                    self.hint_visible = False
                    self._layout(self.app.size)
                if not (self.scripted or self._quiet):
                    self.app.sounds.play("message_out")
            elif kind in ("flag", "unflag"):
                item_id = ev.get("id")
                self.timeline.refresh(partial(_is_item, item_id))
                if str(item_id).startswith("profile."):
                    self._layout_profile()
                if kind == "flag":
                    if self.hint_visible:
                        self.hint_visible = False
                        self._layout(self.app.size)
                    if not (self.scripted or self._quiet):
                        self.app.sounds.play("flag")
                self.flag_fx.toggled(str(item_id), kind == "flag" and not (self.scripted or self._quiet))
            elif kind == "end":
                self._on_end(ev, item)
            elif item is not None:     # a move to another app
                self._add(item)
        moved_to = self.view.platform()
        if moved_to != self._platform and moved_to in PALETTES:   # a node moved the chat to another app
            self._platform = moved_to
            self._move_to(moved_to)
        self._refresh_choices()
        self._settle_scroll()
        self.dirty = True

    def _move_to(self, platform: str) -> None:
        """The stranger moved the chat to another app: the whole screen takes that app's look."""
        self.skin = platform
        self.avatars.clear()
        self.timeline.set_renderer(self._renderer())
        if not (self.scripted or self._quiet):
            self.app.sounds.play("notice")
        if self.r_view.w:
            self._layout(self.app.size)

    def _refresh_receipt(self, line: ChatLine | None) -> None:
        """Redraw the reply whose read receipt changed."""
        if line is not None:
            self.timeline.refresh(lambda it: it.source is line)

    def _receipt(self, item: ChatItem) -> str | None:
        return self.view.receipt(item.source) if item.source is not None else None

    def _add(self, item: ChatItem) -> None:
        at_bottom = self.stick_bottom
        self.timeline.append(item)
        if not at_bottom:
            self.unseen += 1

    def _on_end(self, ev: dict, item: ChatItem | None) -> None:
        how = ev.get("how")
        if item is not None:
            self._add(item)
            if item.kind == ENDING:
                self._reveal_top = item   # a long ending is read from its top, not its bottom
        self.pacer.reset()
        if not self.scripted:   # run.py finishes scripted sessions itself, with --result-json
            self.finish_session()
        if how != "quit":
            self.end_button = Button("See how you did", self.show_debrief, kind="primary", ident="debrief",
                                     badge=None)
            self.choice_buttons = []
            self._layout(self.app.size)
            if not self.scripted:
                self._set_focus("choices", 0, visible=self.focus_visible)

    def finish_session(self) -> dict:
        """Store the session and write --result-json once; returns the result record."""
        if self.result is None:
            try:
                self.result = self.session.finish(self.result_json)
            except Exception as exc:  # storing must never crash the game
                self.status_message = f"Could not save this session: {exc}"
                self.result = self.session.result()
            self.finished = True
        return self.result

    def show_debrief(self) -> None:
        result = self.finish_session()
        self.app.show_debrief(result, self.conv, scenario=self.scenario, session=self.session)

    # ------------------------------------------------------------------ commands from the player
    def act_or_raise(self, command: Command) -> str | None:
        """Carry out one player command through the session; every click, key and script line ends here.

        Returns what the session says to show ("profile", "help" or None); raises
        CommandError (nothing changed) for a command that cannot be done now.
        """
        self.pacer.activity()
        try:
            shown = self.session.execute(command)
        finally:
            self.sync()
        if shown == "profile":
            self.show_profile()
        return shown

    def act(self, command: Command) -> str | None:
        """``act_or_raise`` for input: a command that cannot be done now shows its one-line reason."""
        try:
            return self.act_or_raise(command)
        except CommandError as exc:
            self.status_message = str(exc)
            self.dirty = True
            return None

    def choose(self, shown: int) -> None:
        self.act(Command("choose", str(shown)))

    def accept_request(self) -> None:
        """Accept the message request: the replies show."""
        self.view.accept_request()
        self.pacer.activity()
        self._refresh_choices()
        self.dirty = True

    def decline_request(self) -> None:
        """Decline the message request: the same command as Leave (chat_view.REQUEST_DECLINE_AS)."""
        self.act(Command(REQUEST_DECLINE_AS))

    def toggle_flag(self, item_id: str) -> None:
        if self.conv.ended:
            self.status_message = CHAT_OVER_FLAGS
            self.dirty = True
            return
        self.act(Command("unflag" if self.conv.is_flagged(item_id) else "flag", item_id))

    def ask_end(self, how: str) -> None:
        if not self.conv.ended:      # block explains itself, report asks what happened, leave confirms
            open_exit_dialog(self.app, how, self.stranger_name, self.end_action, skin=self.skin)

    def open_safety_menu(self) -> None:
        """The header's Safety menu: Block, Report, Leave (each also a key: B, R, L)."""
        if self.conv.ended:
            return
        self.app.push(SafetyMenuScreen(self.app, self.stranger_name, self.ask_end, anchor=self.b_safety.rect,
                                       skin=self.skin))

    def end_action(self, how: str, reason: str | None = None) -> None:
        self.act(Command(how, reason))

    def open_pause(self) -> None:
        self.app.push(PauseScreen(self.app, on_quick_exit=self.quick_exit, skin=self.skin))

    def quick_exit(self) -> None:
        """Quit the session (stored as incomplete) and leave to the neutral page (screens/away.py)."""
        self._quit_session()
        self.app.show_away()

    def on_window_close(self) -> None:
        self._quit_session()

    def _quit_session(self) -> None:
        if not self.conv.ended:
            self.act(Command("quit"))
        self.sync()
        self.finish_session()

    def toggle_profile(self) -> None:
        self.profile_open = not self.profile_open
        self.b_profile.kind = "primary" if self.profile_open else "normal"
        if self.profile_open:
            self._set_focus("profile", 0, visible=self.focus_visible)
        elif self.fzone == "profile":
            self.fzone = None
        self.dirty = True

    def show_profile(self) -> None:
        """The `profile` command: make the profile visible."""
        if not self.wide and not self.profile_open:
            self.toggle_profile()
        self.dirty = True

    def show_more(self, item: ChatItem) -> None:
        """Show the next part of a very long message (game.display_text.cut: 500 characters, then +2000)."""
        item.more_steps += 1
        self.stick_bottom = False
        self.timeline.refresh(lambda it: it is item)
        self.timeline.ensure(self.r_view.w)
        self._clamp_scroll()
        self.dirty = True

    def open_link(self, item: ChatItem) -> None:
        flagged = bool(item.item_id and self.conv.is_flagged(item.item_id))
        self.app.push(LinkWarningScreen(self.app, item.link, skin=self.skin, flagged=flagged,
                                        on_flag=partial(self.toggle_flag, item.item_id) if item.item_id else None))

    # ------------------------------------------------------------------ choices
    def _refresh_choices(self) -> None:
        request = not self.conv.ended and self.view.request_pending()
        if self.conv.ended:
            new: list[str] = []
        elif request:
            words = self.view.request_words()
            new = [words["accept"], words["decline"]]
        else:
            new = [c.text for c in self.conv.choices()]
        if (request, new) != self._choices_key:
            self._choices_key = (request, new)
            if request:
                self.choice_buttons = [
                    Button(new[0], self.accept_request, kind="choice", badge="1", ident="accept"),
                    Button(new[1], self.decline_request, kind="choice", badge="2", ident="decline")]
            else:
                self.choice_buttons = [Button(text, partial(self.choose, i + 1), kind="choice", badge=str(i + 1),
                                              ident=f"choice{i + 1}") for i, text in enumerate(new)]
            if self.fzone == "choices":
                self.findex["choices"] = 0
            self.choice_scroller.offset = 0
            self.pacer.activity()
            self._layout(self.app.size)

    # ------------------------------------------------------------------ time
    @property
    def animating(self) -> bool:
        return self.flag_fx.active()   # a flag's ripple; the typing dots are fine with the idle loop

    def update(self, dt: float) -> None:
        self.dirty = self.flag_fx.needs_frame() or self.dirty
        if self.scripted or self.conv.ended:
            return
        was_typing = self.pacer.typing
        tick = self.pacer.advance(dt)
        if self.pacer.typing and not was_typing:   # they started typing: they have read the reply
            self._refresh_receipt(self.view.mark_seen())
        if tick.typing_changed:
            self._settle_scroll()
            self.dirty = True
        if tick.events:
            self.sync()
        elif self.pacer.typing:
            phase = int(time.monotonic() * 6) % 6
            if phase != self._anim_phase:
                self._anim_phase = phase
                self.dirty = True

    # ------------------------------------------------------------------ layout
    def on_settings_changed(self) -> None:
        self.avatars.clear()
        self.timeline.set_renderer(self._renderer())
        self._layout(self.app.size)

    def on_resize(self, size: tuple[int, int]) -> None:
        self._layout(size)

    def _layout(self, size: tuple[int, int]) -> None:
        layout_chat(self, size)

    # ------------------------------------------------------------------ focus
    def _zones(self) -> dict[str, list[tuple[str, Any]]]:
        msgs: list[tuple[str, Any]] = []
        for it in self.timeline.items:
            if it.flaggable:
                msgs.append(("item", it))
                if it.more_rect is not None:
                    msgs.append(("more", it))
                if it.link:
                    msgs.append(("link", it))
        zones = {"messages": msgs,
                 "profile": [tg for c in self.profile_cards for tg in (("profile", c), ("photo", c))
                             if tg[0] == "profile" or c.picture is not None] if self.profile_visible() else [],
                 "choices": [("button", self.end_button)] if self.end_button is not None else
                 [("button", b) for b in self.choice_buttons],
                 "actions": [("button", b) for b in self.header_buttons]}
        return zones

    ZONE_ORDER = ("messages", "profile", "choices", "actions")

    def _current(self) -> tuple[str, Any] | None:
        if self.fzone is None:
            return None
        items = self._zones().get(self.fzone, [])
        if not items:
            return None
        i = max(0, min(self.findex.get(self.fzone, 0), len(items) - 1))
        self.findex[self.fzone] = i
        return items[i]

    def _set_focus(self, zone: str, index: int, visible: bool = True) -> None:
        self.fzone = zone
        self.findex[zone] = index
        self.focus_visible = visible or self.focus_visible
        target = self._current()
        if target is not None and target[0] in ("item", "link", "more"):
            self.scroll_to_item(target[1])
        if target is not None and target[0] in ("profile", "photo"):
            self._profile_into_view(target[1])
        if target is not None and zone == "choices" and self.choice_overflow:
            self._choice_into_view(target[1])
        self.dirty = True

    def _choice_into_view(self, b: Button) -> None:
        r, pad = self.r_composer, self.theme.px(12)
        if b.rect.y < r.y + pad:
            self._scroll_choices(b.rect.y - r.y - pad)
        elif b.rect.bottom > r.bottom - pad:
            self._scroll_choices(b.rect.bottom - r.bottom + pad)

    @property
    def choice_overflow(self) -> int:
        """How far the reply list can scroll (0: every reply shows)."""
        return self.choice_scroller.max_offset

    @property
    def choice_scroll(self) -> int:
        return self.choice_scroller.offset

    def _scroll_choices(self, dy: int) -> None:
        if self.choice_scroller.scroll_by(dy):
            self._layout(self.app.size)

    def _profile_into_view(self, card: ProfileCard) -> None:
        if card.rect.y < self.r_profile.y:
            self._scroll_profile(card.rect.y - self.r_profile.y - self.theme.px(8))
        elif card.rect.bottom > self.r_profile.bottom:
            self._scroll_profile(card.rect.bottom - self.r_profile.bottom + self.theme.px(8))

    def _next_zone(self, step: int) -> None:
        zones = self._zones()
        order = [z for z in self.ZONE_ORDER if zones[z]]
        if not order:
            return
        if self.fzone not in order or not self.focus_visible:
            if not self.focus_visible and self.fzone in order:
                zone = self.fzone
            else:
                zone = "choices" if "choices" in order else order[0] if step > 0 else order[-1]
        else:
            zone = order[(order.index(self.fzone) + step) % len(order)]
        default = len(zones[zone]) - 1 if zone == "messages" else 0
        self._set_focus(zone, self.findex.get(zone, default) if zone != "messages" or zone == self.fzone
                        else default)

    def _move_in_zone(self, step: int) -> bool:
        if self.fzone is None:
            return False
        items = self._zones().get(self.fzone, [])
        if not items:
            return False
        if not self.focus_visible:
            self._set_focus(self.fzone, self.findex.get(self.fzone, 0))
            return True
        i = max(0, min(len(items) - 1, self.findex.get(self.fzone, 0) + step))
        self._set_focus(self.fzone, i)
        return True

    def _activate(self, target: tuple[str, Any], flag_key: bool = False) -> None:
        kind, obj = target
        if kind == "item":
            self.toggle_flag(obj.item_id)
        elif kind == "more":
            if flag_key:
                self.toggle_flag(obj.item_id)
            else:
                self.show_more(obj)
        elif kind == "link":
            if flag_key:
                self.toggle_flag(obj.item_id)
            else:
                self.open_link(obj)
        elif kind == "profile" or (kind == "photo" and flag_key):
            self.toggle_flag(obj.item_id)
            self._layout_profile()
        elif kind == "photo":
            self.open_photo(obj)
        elif kind == "button" and not flag_key:
            obj.activate()
        self.dirty = True

    # ------------------------------------------------------------------ input
    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.MOUSEWHEEL):
            self.pacer.activity()   # any input restarts the wait for an idle nudge
            if self.status_message:
                self.status_message = ""
                self.dirty = True
        if event.type == pygame.KEYDOWN:
            return self._key(event)
        if event.type == pygame.MOUSEWHEEL:
            pos = pygame.mouse.get_pos()
            step = -event.y * 3 * self.kit.line_height("body")
            if self.profile_visible() and self.r_profile.collidepoint(pos):
                self._scroll_profile(step)
            elif self.choice_overflow and self.r_composer.collidepoint(pos):
                self._scroll_choices(step)
            else:
                self.scroll_by(step)
            return True
        if event.type == pygame.MOUSEMOTION:
            return self._motion(event)
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return self._down(event)
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            return self._up(event)
        return False

    def _key(self, event: pygame.event.Event) -> bool:
        key, mod = event.key, event.mod
        if key == pygame.K_ESCAPE:
            if self.profile_open and not self.wide:
                self.toggle_profile()
            else:
                self.open_pause()
            return True
        if key == pygame.K_TAB:
            self._next_zone(-1 if mod & pygame.KMOD_SHIFT else 1)
            return True
        if key in END_KEYS and not mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META):
            self.ask_end(END_KEYS[key])
            return True
        target = self._current() if key == pygame.K_v else None
        if target is not None and target[0] in ("profile", "photo") and target[1].picture is not None:
            self.open_photo(target[1])     # V: the focused card's photo, big
            return True
        if key == pygame.K_m:
            self.app.settings.muted = not self.app.settings.muted
            self.app.sounds.muted = self.app.settings.muted   # no relayout needed, just save
            self.app.settings.save()
            self.status_message = "Sound off (M to turn it on)" if self.app.settings.muted else "Sound on"
            self.dirty = True
            return True
        if pygame.K_1 <= key <= pygame.K_9 or pygame.K_KP1 <= key <= pygame.K_KP9:
            n = (key - pygame.K_1 if key <= pygame.K_9 else key - pygame.K_KP1) + 1
            if n <= len(self.choice_buttons):
                self.choice_buttons[n - 1].activate()
            return True
        if key in (pygame.K_UP, pygame.K_DOWN):
            step = -1 if key == pygame.K_UP else 1
            if not self._move_in_zone(step):
                self.scroll_by(step * 2 * self.kit.line_height("body"))
            return True
        if key in (pygame.K_LEFT, pygame.K_RIGHT):
            if self.fzone in ("actions", "choices"):
                self._move_in_zone(-1 if key == pygame.K_LEFT else 1)
            return True
        if key == pygame.K_PAGEUP:
            self.scroll_by(-(self.r_view.h - self.kit.line_height("body")))
            return True
        if key == pygame.K_PAGEDOWN:
            self.scroll_by(self.r_view.h - self.kit.line_height("body"))
            return True
        if key == pygame.K_HOME:
            self.scroll_by(-10**9)
            return True
        if key == pygame.K_END:
            self.scroll_by(10**9)
            return True
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_f):
            target = self._current()
            if target is not None:
                if not self.focus_visible:
                    self.focus_visible = True
                    self.dirty = True
                    if key != pygame.K_f:
                        return True
                self._activate(target, flag_key=(key == pygame.K_f))
            return True
        return False

    def _button_at(self, pos) -> Button | None:
        buttons = list(self.header_buttons) + list(self.choice_buttons)
        if self.end_button is not None:
            buttons.append(self.end_button)
        for b in buttons:
            if b.rect.collidepoint(pos):
                return b
        return None

    def _target_at(self, pos) -> Any:
        b = self._button_at(pos)
        if b is not None:
            return ("button", b)
        if self.profile_visible() and self.r_profile.collidepoint(pos):
            for c in self.profile_cards:
                if c.rect.collidepoint(pos):
                    return ("photo" if c.chip.collidepoint(pos) else "profile", c)
            return ("panel", None)
        if self.r_view.collidepoint(pos):
            if self.unseen and self._new_pill_rect().collidepoint(pos):
                return ("newpill", None)
            it, part = self.timeline.hit(pos[0] - self.r_view.x, pos[1] - self.r_view.y + self.scroll)
            if it is not None and part == "more":
                return ("more", it)
            if it is not None and (it.flaggable or part == "link"):
                return ("link" if part == "link" else "item", it)
        return None

    def _motion(self, event: pygame.event.Event) -> bool:
        if self._press is not None and event.buttons[0] and self.r_view.collidepoint(self._press):
            dy = event.pos[1] - self._press[1]
            if self._dragging or abs(dy) > DRAG_THRESHOLD:
                self._dragging = True
                self.scroll_by(self._press_scroll - dy - self.scroll)
                return True
        target = self._target_at(event.pos)
        key = (target[0], id(target[1])) if target else None
        if key != self.hover:
            for b in self.header_buttons + self.choice_buttons + ([self.end_button] if self.end_button else []):
                b.hovered = target is not None and target[0] == "button" and target[1] is b
            self.hover = key
            self._hover_target = target
            try:
                pygame.mouse.set_cursor(pygame.SYSTEM_CURSOR_HAND if target and target[0] != "panel"
                                        else pygame.SYSTEM_CURSOR_ARROW)
            except pygame.error:
                pass
            self.dirty = True
        return False

    def _down(self, event: pygame.event.Event) -> bool:
        self._press = event.pos
        self._press_scroll = self.scroll
        self._dragging = False
        b = self._button_at(event.pos)
        self._pressed_button = b
        return True

    def _up(self, event: pygame.event.Event) -> bool:
        press, dragging = self._press, self._dragging
        self._press = None
        self._dragging = False
        if press is None or dragging:
            return True
        b = self._pressed_button
        self._pressed_button = None
        if self.profile_open and not self.wide and not self.r_profile.collidepoint(event.pos) \
                and b is not self.b_profile:
            if b is None:
                self.toggle_profile()
                return True
        if b is not None:
            if b.rect.collidepoint(event.pos):
                self.focus_visible = False
                b.activate()
            return True
        target = self._target_at(event.pos)
        if target is None:
            return True
        kind = target[0]
        if kind == "newpill":
            self.scroll_by(10**9)
        elif kind in ("item", "link", "profile", "photo", "more"):
            zone = "profile" if kind in ("profile", "photo") else "messages"
            items = self._zones()[zone]
            for i, tg in enumerate(items):
                if tg[0] == kind and tg[1] is target[1]:
                    self.fzone, self.findex[zone] = zone, i
            self.focus_visible = False
            self._activate(target)
        return True

    # ------------------------------------------------------------------ drawing
    def _settle_scroll(self) -> None:
        """Keep the newest message in view (or a long ending's top); after layout, events and ticks."""
        if self.r_view.w <= 0:     # not laid out yet: on_resize settles it
            return
        self.timeline.ensure(self.r_view.w)
        if self.stick_bottom:
            self.scroll = self.max_scroll
        card = self._reveal_top
        if card is not None:
            self._reveal_top = None
            if card.h + self.theme.px(16) > self.r_view.h:
                self.scroll = max(0, min(self.max_scroll, card.y - self.theme.px(8)))
                self.stick_bottom = self.scroll >= self.max_scroll - 2

    def draw(self, surface: pygame.Surface) -> None:
        self.painter.draw(surface)
        self.flag_fx.draw(surface, self)

    def _new_pill_rect(self) -> pygame.Rect:
        t, kit = self.theme, self.kit
        label = "New message ↓" if self.unseen == 1 else f"{self.unseen} new messages ↓"
        w = kit.measure(label, "small_bold") + 2 * t.px(14)
        h = kit.line_height("small_bold") + t.px(10)
        r = pygame.Rect(0, 0, w, h)
        r.midbottom = (self.r_view.centerx, self.r_view.bottom - t.px(10))
        return r

