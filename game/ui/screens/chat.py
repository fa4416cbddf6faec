"""The chat screen: one conversation with a simulated stranger.

The screen drives a ``game.session.Session`` (the same object the terminal
drives) and shows the engine's events as they appear in ``conv.events``:

* pending stranger messages arrive one by one after a "typing…" pause whose
  length follows the message (its ``delay`` if authored, else a seeded
  length-based time), scaled by the typing-speed setting;
* while choices are shown and the player does nothing, the current node's
  idle nudges arrive through ``conv.wait()`` (any key, click or scroll
  restarts the wait);
* stranger messages, platform notices and profile items are flagged by a
  click or with the keyboard (Tab to the zone, arrows, F or Enter);
* Block, Report and Leave are always visible and ask for a short confirm;
* Escape or the Pause button opens the pause menu (help, settings, quick exit).

When the conversation ends the session is finished at once (result stored,
``--result-json`` written) and "See how you did" hands over to
``app.show_debrief(result, conversation, scenario=..., session=...)``.

``scripted=True`` turns off the pacing: run.py feeds a ``--script`` through
``game.session.run_script`` and calls :meth:`ChatScreen.sync` after each command.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Optional

import pygame

from game.command_language import Command
from game.engine import CommandError
from game.loader import resolve_asset
from game.play.chat_view import CHAT_OVER_FLAGS, ChatLine, ChatView, confirm_words
from game.play.pacing import Pacer

from ..app import App, Screen
from ..chat import icons
from ..chat.avatar import Avatars
from ..chat.timeline import ENDING, SYSTEM, ChatItem, ItemRenderer, RenderContext, Timeline
from ..theme import PALETTES
from ..widgets import Button, draw_flag_marker, draw_focus_ring, draw_round_rect, flag_badge
from .overlays import ConfirmScreen, LinkWarningScreen, PauseScreen

HINT = "Tip: click any message or profile detail that feels off to flag it. Click again to unflag. Keys: Tab, F"
DRAG_THRESHOLD = 6


class ProfileCard:
    """One profile item in the side panel; flaggable."""

    def __init__(self, item: Any):
        self.item = item
        self.item_id: str = item.item_id
        self.rect = pygame.Rect(0, 0, 0, 0)   # screen coordinates (after scroll)
        self.h = 0


class ChatScreen(Screen):
    def __init__(self, app: App, session: Any, *, scripted: bool = False, result_json: Optional[str] = None,
                 clock_base: Optional[float] = None, resumed: bool = False):
        super().__init__(app)
        self.session = session
        self.conv = session.conv
        self.scenario = session.scenario
        self.skin = self.scenario.platform if self.scenario.platform in PALETTES else "menu"
        self.scripted = scripted
        self.result_json = result_json
        self.result: Optional[dict] = None
        self.finished = False
        self.stranger_name = self.scenario.stranger.name
        self.player_name = self.scenario.player.name or "You"
        self.stranger_picture = self._resolve(self.scenario.stranger.avatar)
        self.avatars = Avatars(app.kit)
        if clock_base is None:   # a resumed chat's clock carries on from its last event: that moment is now
            clock_base = time.time() - (self.conv.elapsed() if self.conv.started else 0.0)
        self.view = ChatView(session, resumed=resumed)
        self.pacer = Pacer(session, typing_factor=lambda: float(self.app.settings.typing_factor))
        self.ctx = RenderContext(self.stranger_name, self.player_name, self.stranger_picture,
                                 is_flagged=self.conv.is_flagged, receipt=self._receipt, clock_base=clock_base)
        self.timeline = Timeline(self._renderer())
        self.profile_cards = [ProfileCard(p) for p in self.scenario.stranger.profile]
        self.scroll = 0
        self.stick_bottom = True
        self.unseen = 0
        self.profile_scroll = 0
        self.profile_content_h = 0
        self.profile_open = False       # the drawer, in narrow windows
        self.hint_visible = True
        self.replies = 0
        self.choice_overflow = 0
        self.choice_scroll = 0
        self.choice_buttons: list[Button] = []
        self.end_button: Optional[Button] = None
        self.status_message = ""
        # focus: a zone and an index inside it
        self.fzone: Optional[str] = None
        self.findex: dict[str, int] = {}
        self.focus_visible = False
        # mouse
        self.hover: Any = None
        self._press: Optional[tuple[int, int]] = None
        self._press_scroll = 0
        self._dragging = False
        self._pressed_button: Optional[Button] = None
        self._anim_phase = -1
        self._build_buttons()
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
    def _resolve(self, ref: str) -> Optional[Path]:
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
        self.b_pause = Button("Pause", self.open_pause, kind="normal", ident="pause", icon=icons.pause)
        self.b_profile = Button("Profile", self.toggle_profile, kind="normal", ident="profile", icon=icons.person)
        self._icons = {b.ident: b.icon for b in (self.b_block, self.b_report, self.b_leave, self.b_pause,
                                                 self.b_profile)}

    @property
    def header_buttons(self) -> list[Button]:
        out = [] if self.wide else [self.b_profile]
        return out + [self.b_block, self.b_report, self.b_leave, self.b_pause]

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
        return ChatItem(line.kind, line.text, item_id=line.item_id, n=line.number, t=line.t,
                        image=self._resolve(line.image) if line.image else None, image_ref=line.image,
                        link=line.link, nudge=line.nudge, title=line.title, outcome=line.outcome, source=line)

    def sync(self) -> None:
        """Show every engine event not shown yet (called after each command and delivery)."""
        for ev in self.view.unseen():
            kind = ev.get("type")
            if kind == "deliver":
                self._refresh_receipt(self.view.mark_seen())
            line = self.view.feed(ev)
            item = self._item(line) if line is not None else None
            if kind == "deliver" and item is not None:
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
                self.timeline.refresh(lambda it, i=item_id: it.item_id == i)
                if str(item_id).startswith("profile."):
                    self._layout_profile()
                if kind == "flag":
                    if self.hint_visible:
                        self.hint_visible = False
                        self._layout(self.app.size)
                    if not (self.scripted or self._quiet):
                        self.app.sounds.play("flag")
            elif kind == "end":
                self._on_end(ev, item)
        self._refresh_choices()
        self.dirty = True

    def _refresh_receipt(self, line: Optional[ChatLine]) -> None:
        """Redraw the reply whose read receipt changed."""
        if line is not None:
            self.timeline.refresh(lambda it: it.source is line)

    def _receipt(self, item: ChatItem) -> Optional[str]:
        return self.view.receipt(item.source) if item.source is not None else None

    def _add(self, item: ChatItem) -> None:
        at_bottom = self.stick_bottom
        self.timeline.append(item)
        if not at_bottom:
            self.unseen += 1

    def _on_end(self, ev: dict, item: Optional[ChatItem]) -> None:
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
    def act_or_raise(self, command: Command) -> Optional[str]:
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

    def act(self, command: Command) -> Optional[str]:
        """``act_or_raise`` for input: a command that cannot be done now shows its one-line reason."""
        try:
            return self.act_or_raise(command)
        except CommandError as exc:
            self.status_message = str(exc)
            self.dirty = True
            return None

    def choose(self, shown: int) -> None:
        self.act(Command("choose", str(shown)))

    def toggle_flag(self, item_id: str) -> None:
        if self.conv.ended:
            self.status_message = CHAT_OVER_FLAGS
            self.dirty = True
            return
        self.act(Command("unflag" if self.conv.is_flagged(item_id) else "flag", item_id))

    def ask_end(self, how: str) -> None:
        if self.conv.ended:
            return
        title, body, label = confirm_words(how, self.stranger_name)
        self.app.push(ConfirmScreen(self.app, title, body, label, lambda: self.end_action(how), skin=self.skin,
                                    kind="danger" if how != "leave" else "primary"))

    def end_action(self, how: str) -> None:
        self.act(Command(how))

    def open_pause(self) -> None:
        self.app.push(PauseScreen(self.app, on_quick_exit=self.quick_exit, skin=self.skin))

    def quick_exit(self) -> None:
        """Quit the session (stored as incomplete) and go back to the start screen."""
        self._quit_session()
        self.app.show_start()

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

    def open_link(self, item: ChatItem) -> None:
        flagged = bool(item.item_id and self.conv.is_flagged(item.item_id))
        self.app.push(LinkWarningScreen(self.app, item.link, skin=self.skin, flagged=flagged,
                                        on_flag=(lambda: self.toggle_flag(item.item_id)) if item.item_id else None))

    # ------------------------------------------------------------------ choices
    def _refresh_choices(self) -> None:
        if self.conv.ended:
            new: list[str] = []
        else:
            new = [c.text for c in self.conv.choices()]
        old = [b.label for b in self.choice_buttons]
        if new != old:
            self.choice_buttons = [Button(text, (lambda n=i + 1: self.choose(n)), kind="choice", badge=str(i + 1),
                                          ident=f"choice{i + 1}") for i, text in enumerate(new)]
            if self.fzone == "choices":
                self.findex["choices"] = 0
            self.choice_scroll = 0
            self.pacer.activity()
            self._layout(self.app.size)

    # ------------------------------------------------------------------ time
    @property
    def animating(self) -> bool:
        return False   # the typing dots step at a few frames a second: the idle loop is fast enough

    def update(self, dt: float) -> None:
        if self.scripted or self.conv.ended:
            return
        was_typing = self.pacer.typing
        tick = self.pacer.advance(dt)
        if self.pacer.typing and not was_typing:   # they started typing: they have read the reply
            self._refresh_receipt(self.view.mark_seen())
        if tick.typing_changed:
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
        t, kit = self.theme, self.kit
        W, H = size
        pad = t.px(12)
        # side panels
        pw = max(t.px(250), min(t.px(320), W // 4))
        self.wide = W - pw >= t.px(560)
        squad_w = t.px(200) if (self.skin == "game_chat" and self.wide and W - pw - t.px(200) >= t.px(620)) else 0
        if self.wide:
            self.profile_open = False
            self.b_profile.kind = "normal"
        # header: identity on the left, buttons on the right (a second row when they don't fit)
        hb = self.header_buttons
        bh = kit.line_height("body_bold") + 2 * t.px(8)
        header_h = max(t.px(64), kit.line_height("heading") + kit.line_height("small") + 2 * t.px(8))
        # the name and the status line under it ("Your match · online") both want to be read whole
        name_full = max(kit.measure(self._title(), "heading"), kit.measure(self._status(False), "small"))
        ident = lambda name_w: pad + t.px(44) + t.px(12) + name_w + t.px(16)  # noqa: E731

        def buttons_width() -> tuple[list[int], int]:
            ws = [b.preferred_size(kit, t)[0] for b in hb]
            return ws, sum(ws) + t.px(8) * (len(hb) - 1) + pad

        def try_layout(icons_on: bool) -> tuple[list[int], int]:
            for b in hb:
                b.icon = self._icons[b.ident] if icons_on else None
            return buttons_width()

        # one row with icons, one row of labels, then two rows (icons if they fit)
        two_rows = False
        widths, buttons_w = try_layout(True)
        if ident(min(name_full, t.px(140))) + buttons_w > W:
            widths, buttons_w = try_layout(False)
            if ident(min(name_full, t.px(110))) + buttons_w > W:
                two_rows = True
                widths, buttons_w = try_layout(True)
                if buttons_w + pad > W:
                    widths, buttons_w = try_layout(False)
        self.r_header = pygame.Rect(0, 0, W, header_h)
        if two_rows:
            self.r_actions = pygame.Rect(0, header_h, W, bh + 2 * t.px(8))
            top = self.r_actions.bottom
            x = pad
            avail = W - 2 * pad - t.px(8) * (len(hb) - 1)
            scale = min(1.0, avail / max(1, sum(widths)))
            for b, w in zip(hb, widths):
                b.rect = pygame.Rect(x, self.r_actions.y + t.px(8), int(w * scale), bh)
                x = b.rect.right + t.px(8)
        else:
            self.r_actions = pygame.Rect(0, 0, 0, 0)
            top = header_h
            x = W - buttons_w
            for b, w in zip(hb, widths):
                b.rect = pygame.Rect(x, (header_h - bh) // 2, w, bh)
                x = b.rect.right + t.px(8)
        # hint strip
        chat_x = squad_w
        chat_w = W - squad_w - (pw if self.wide else 0)
        if self.hint_visible:
            hint_h = kit.render_block(HINT, "small", t.p.text, chat_w - 2 * pad - t.px(24)).get_height() + 2 * t.px(7)
            self.r_hint = pygame.Rect(chat_x, top, chat_w, hint_h)
            top_chat = top + hint_h
        else:
            self.r_hint = pygame.Rect(chat_x, top, chat_w, 0)
            top_chat = top
        self.r_squad = pygame.Rect(0, top, squad_w, H - top)
        self.r_profile = pygame.Rect(W - pw, top, pw, H - top) if self.wide else \
            pygame.Rect(W - min(W - t.px(40), t.px(340)), top, min(W - t.px(40), t.px(340)), H - top)
        # composer: choices, the end button, or a status line
        inner_w = chat_w - 2 * pad
        gap = t.px(8)
        cy = pad
        if self.end_button is not None:
            bw_, bhh = self.end_button.preferred_size(kit, t)
            self.end_button.rect = pygame.Rect(0, 0, min(inner_w, max(bw_, t.px(280))), max(bhh, t.px(52)))
            comp_h = self.end_button.rect.h + 2 * pad
        elif self.choice_buttons:
            sizes = [b.preferred_size(kit, t, inner_w) for b in self.choice_buttons]
            needed = sum(max(h, t.px(48)) for _, h in sizes) + gap * (len(sizes) - 1) + 2 * pad
            comp_h = min(needed, int((H - top_chat) * 0.62))
            self.choice_overflow = needed - comp_h     # > 0: the choices scroll inside the composer
        else:
            comp_h = kit.line_height("body") + 2 * pad
        if not self.choice_buttons:
            self.choice_overflow = 0
        self.choice_scroll = max(0, min(getattr(self, "choice_scroll", 0), self.choice_overflow))
        self.r_composer = pygame.Rect(chat_x, H - comp_h, chat_w, comp_h)
        if self.end_button is not None:
            self.end_button.rect.center = self.r_composer.center
        elif self.choice_buttons:
            y = self.r_composer.y + cy - self.choice_scroll
            for b, (_, h) in zip(self.choice_buttons, sizes):
                b.rect = pygame.Rect(chat_x + pad, y, inner_w, max(h, t.px(48)))
                y = b.rect.bottom + gap
        self.r_view = pygame.Rect(chat_x, top_chat, chat_w, max(t.px(60), self.r_composer.y - top_chat))
        self.timeline.ensure(self.r_view.w)
        self._clamp_scroll(stick=self.stick_bottom)
        self._layout_profile()
        self.dirty = True

    def _status(self, typing: bool) -> str:
        return self.view.status(typing)

    def _title(self) -> str:
        return self.view.title()

    # ------------------------------------------------------------------ scrolling
    @property
    def typing_h(self) -> int:
        return self.theme.px(46) if self.pacer.typing else 0

    @property
    def content_h(self) -> int:
        return self.timeline.height + self.typing_h

    @property
    def max_scroll(self) -> int:
        return max(0, self.content_h - self.r_view.h)

    def _clamp_scroll(self, stick: bool = False) -> None:
        if stick:
            self.scroll = self.max_scroll
        self.scroll = max(0, min(self.scroll, self.max_scroll))
        self.stick_bottom = self.scroll >= self.max_scroll - 2
        if self.stick_bottom:
            self.unseen = 0

    def scroll_by(self, dy: int) -> None:
        self.timeline.ensure(self.r_view.w)
        old = self.scroll
        self.scroll = max(0, min(self.max_scroll, self.scroll + dy))
        self.stick_bottom = self.scroll >= self.max_scroll - 2
        if self.stick_bottom:
            self.unseen = 0
        if self.scroll != old:
            self.dirty = True

    def scroll_to_item(self, item: ChatItem) -> None:
        self.timeline.ensure(self.r_view.w)
        top = item.y - self.theme.px(8)
        bottom = item.y + item.h + self.theme.px(8)
        if top < self.scroll:
            self.scroll_by(top - self.scroll)
        elif bottom > self.scroll + self.r_view.h:
            self.scroll_by(bottom - self.scroll - self.r_view.h)

    # ------------------------------------------------------------------ profile panel
    def profile_visible(self) -> bool:
        return self.wide or self.profile_open

    def _profile_sub_lines(self, width: int) -> list[str]:
        """The line(s) under the profile's name: the claimed age and how to flag, wrapped, never cut."""
        kit = self.kit
        if self.skin == "dating_app":
            parts = ["Click a detail that seems off to flag it"]
        else:
            age = self.scenario.stranger.claimed_age
            parts = ([f"Says they are {age}"] if age else []) + ["Click a detail to flag it"]
        one = "  ·  ".join(parts)
        if kit.measure(one, "small") <= width:
            return [one]
        lines: list[str] = []
        for part in parts:
            lines += kit.wrap(part, "small", max(40, width))
        return lines

    def _profile_head_h(self) -> int:
        t, kit = self.theme, self.kit
        sub_h = len(self._profile_sub_lines(self.r_profile.w - 2 * t.px(14))) * kit.line_height("small")
        if self.skin == "dating_app":
            return min(self.r_profile.w - 2 * t.px(16), int(self.r_profile.h * 0.36)) + t.px(16) + \
                sub_h + t.px(16)
        return t.px(16) + kit.line_height("small_bold") + t.px(10) + t.px(64) + t.px(10) + \
            kit.line_height("heading") + sub_h + t.px(12)

    def _layout_profile(self) -> None:
        t, kit = self.theme, self.kit
        inner = self.r_profile.w - 2 * t.px(14)
        y = self._profile_head_h()
        for card in self.profile_cards:
            text_w = inner - 2 * t.px(12)
            h = t.px(10) + len(kit.wrap(self._card_label(card), "small_bold", text_w)) * \
                kit.line_height("small_bold") + t.px(2) + \
                kit.render_block(card.item.text, "body", t.p.text, text_w).get_height() + t.px(10)
            if self.conv.is_flagged(card.item_id):
                h += flag_badge(kit, t).get_height() + t.px(6)
            card.h = h
            card.rect = pygame.Rect(self.r_profile.x + t.px(14), self.r_profile.y + y - self.profile_scroll, inner, h)
            y += h + t.px(8)
        self.profile_content_h = y + t.px(8)
        max_s = max(0, self.profile_content_h - self.r_profile.h)
        if self.profile_scroll > max_s:
            self.profile_scroll = max_s
            self._layout_profile()

    def _scroll_profile(self, dy: int) -> None:
        max_s = max(0, self.profile_content_h - self.r_profile.h)
        new = max(0, min(max_s, self.profile_scroll + dy))
        if new != self.profile_scroll:
            self.profile_scroll = new
            self._layout_profile()
            self.dirty = True

    # ------------------------------------------------------------------ focus
    def _zones(self) -> dict[str, list[tuple[str, Any]]]:
        msgs: list[tuple[str, Any]] = []
        for it in self.timeline.items:
            if it.flaggable:
                msgs.append(("item", it))
                if it.link:
                    msgs.append(("link", it))
        zones = {"messages": msgs,
                 "profile": [("profile", c) for c in self.profile_cards] if self.profile_visible() else [],
                 "choices": [("button", self.end_button)] if self.end_button is not None else
                 [("button", b) for b in self.choice_buttons],
                 "actions": [("button", b) for b in self.header_buttons]}
        return zones

    ZONE_ORDER = ("messages", "profile", "choices", "actions")

    def _current(self) -> Optional[tuple[str, Any]]:
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
        if target is not None and target[0] in ("item", "link"):
            self.scroll_to_item(target[1])
        if target is not None and target[0] == "profile":
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

    def _scroll_choices(self, dy: int) -> None:
        new = max(0, min(self.choice_overflow, self.choice_scroll + dy))
        if new != self.choice_scroll:
            self.choice_scroll = new
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
        elif kind == "link":
            if flag_key:
                self.toggle_flag(obj.item_id)
            else:
                self.open_link(obj)
        elif kind == "profile":
            self.toggle_flag(obj.item_id)
            self._layout_profile()
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

    def _button_at(self, pos) -> Optional[Button]:
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
                    return ("profile", c)
            return ("panel", None)
        if self.r_view.collidepoint(pos):
            if self.unseen and self._new_pill_rect().collidepoint(pos):
                return ("newpill", None)
            it, part = self.timeline.hit(pos[0] - self.r_view.x, pos[1] - self.r_view.y + self.scroll)
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
                and not (b is self.b_profile):
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
        elif kind in ("item", "link", "profile"):
            zone = "profile" if kind == "profile" else "messages"
            items = self._zones()[zone]
            for i, tg in enumerate(items):
                if tg[0] == kind and tg[1] is target[1]:
                    self.fzone, self.findex[zone] = zone, i
            self.focus_visible = False
            self._activate(target)
        return True

    # ------------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        self.timeline.ensure(self.r_view.w)
        if self.stick_bottom:
            self.scroll = self.max_scroll
        card = getattr(self, "_reveal_top", None)
        if card is not None:
            self._reveal_top = None
            if card.h + self.theme.px(16) > self.r_view.h:
                self.scroll = max(0, min(self.max_scroll, card.y - self.theme.px(8)))
                self.stick_bottom = self.scroll >= self.max_scroll - 2
        surface.fill(t.p.bg)
        self._draw_timeline(surface)
        self._draw_composer(surface)
        if self.r_hint.h:
            self._draw_hint(surface)
        if self.r_squad.w:
            self._draw_squad(surface)
        if self.profile_visible():
            self._draw_profile(surface)
        self._draw_header(surface)

    # header ---------------------------------------------------------------
    def _draw_header(self, surface: pygame.Surface) -> None:
        t, kit = self.theme, self.kit
        p = t.p
        r = self.r_header
        full = r.union(self.r_actions) if self.r_actions.h else r
        pygame.draw.rect(surface, p.surface, full)
        if self.skin == "game_chat":
            pygame.draw.line(surface, p.accent, (0, full.bottom - 2), (full.w, full.bottom - 2), 2)
        else:
            pygame.draw.line(surface, p.border, (0, full.bottom - 1), (full.w, full.bottom - 1), t.border_width)
        pad = t.px(12)
        av = t.px(44)
        shape = "square" if self.skin == "game_chat" else "circle"
        a = self.avatars.get(self.stranger_name, av, self.stranger_picture, shape)
        ay = r.y + (r.h - av) // 2
        surface.blit(a, (pad, ay))
        # presence dot, with the word next to the name so colour is not the only cue
        pygame.draw.circle(surface, p.surface, (pad + av - t.px(5), ay + av - t.px(5)), t.px(7))
        pygame.draw.circle(surface, p.online, (pad + av - t.px(5), ay + av - t.px(5)), t.px(5))
        x = pad + av + t.px(12)
        right_limit = (min(b.rect.x for b in self.header_buttons) - pad) if not self.r_actions.h else r.right - pad
        name = kit.render_line(kit.ellipsize(self._title(), "heading", max(40, right_limit - x)), "heading", p.text)
        typing = self.pacer.typing
        status = self._status(typing)
        stat = kit.render_line(kit.ellipsize(status, "small", max(40, right_limit - x)), "small",
                               p.accent if typing and not t.high_contrast else p.text_dim)
        total = name.get_height() + stat.get_height()
        y = r.y + (r.h - total) // 2
        surface.blit(name, (x, y))
        surface.blit(stat, (x, y + name.get_height()))
        focused = self._current() if self.focus_visible else None
        for b in self.header_buttons:
            b.draw(surface, kit, t, focused is not None and focused[1] is b)

    def _draw_hint(self, surface: pygame.Surface) -> None:
        t, kit = self.theme, self.kit
        r = self.r_hint
        pygame.draw.rect(surface, t.p.surface_alt, r)
        pygame.draw.line(surface, t.p.border, (r.x, r.bottom - 1), (r.right, r.bottom - 1), 1)
        m = kit.line_height("small")
        draw_flag_marker(surface, t.p.flag, r.x + t.px(12), r.y + t.px(7) + 2, int(m * 0.8))
        block = kit.render_block(HINT, "small", t.p.text, r.w - 2 * t.px(12) - t.px(24))
        surface.blit(block, (r.x + t.px(12) + t.px(24), r.y + t.px(7)))

    # timeline ---------------------------------------------------------------
    def _draw_background(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        t = self.theme
        if self.skin == "game_chat" and not t.high_contrast:
            step = t.px(32)
            c = (22, 30, 40)
            for gx in range(r.x - (r.x % step), r.right, step):
                pygame.draw.line(surface, c, (gx, r.y), (gx, r.bottom))
            off = self.scroll % step
            for gy in range(r.y - off, r.bottom, step):
                pygame.draw.line(surface, c, (r.x, gy), (r.right, gy))

    def _draw_timeline(self, surface: pygame.Surface) -> None:
        t = self.theme
        v = self.r_view
        prev_clip = surface.get_clip()
        surface.set_clip(v)
        self._draw_background(surface, v)
        top = self.scroll
        # short chats sit at the top of the view
        for it in self.timeline.visible(top, top + v.h):
            surface.blit(it.surf, (v.x + it.x, v.y + it.y - top))
        if self.typing_h:
            self._draw_typing(surface, v.y + self.timeline.height - top)
        hover = getattr(self, "_hover_target", None)
        if hover is not None and hover[0] in ("item", "link") and not self.focus_visible:
            it = hover[1]
            rect = (it.link_rect if hover[0] == "link" and it.link_rect else it.bubble).move(v.x, v.y + it.y - top)
            pygame.draw.rect(surface, t.p.text_dim, rect.inflate(6, 6), width=1, border_radius=t.shape.bubble_radius)
        cur = self._current() if self.focus_visible else None
        if cur is not None and cur[0] in ("item", "link"):
            it = cur[1]
            rect = (it.link_rect if cur[0] == "link" and it.link_rect else it.bubble).move(v.x, v.y + it.y - top)
            draw_focus_ring(surface, t, rect, t.shape.bubble_radius)
            tip = self.kit.render_line("F: flag / unflag" if cur[0] == "item" else "Enter: open   F: flag",
                                       "tiny", t.p.text_dim)
            # beside the bubble (after its "Flagged" badge) where there is room, so it never sits on the
            # bubble above or below; else under it, else over it
            bubble = it.bubble.move(v.x, v.y + it.y - top)
            bx = bubble.right + t.focus_width + t.px(10)
            if it.item_id and self.conv.is_flagged(it.item_id):
                bx += flag_badge(self.kit, t).get_width() + t.px(8)
            if bx + tip.get_width() + t.px(14) <= v.right:
                tx, ty = bx, bubble.centery - tip.get_height() // 2
            else:
                tx = min(rect.right + t.px(10), v.right - tip.get_width() - t.px(6))
                ty = rect.bottom + t.px(6)
                if ty + tip.get_height() > v.bottom:
                    ty = rect.y - tip.get_height() - t.px(6)
            draw_round_rect(surface, t.p.surface, pygame.Rect(tx - 4, ty - 2, tip.get_width() + 8,
                                                              tip.get_height() + 4), 4,
                            1 if t.high_contrast else 0, t.p.border)
            surface.blit(tip, (tx, ty))
        surface.set_clip(prev_clip)
        # scrollbar
        if self.max_scroll > 0:
            track = pygame.Rect(v.right - t.px(6), v.y + t.px(4), t.px(4), v.h - t.px(8))
            th = max(t.px(28), int(track.h * v.h / max(1, self.content_h)))
            ty = track.y + int((track.h - th) * self.scroll / self.max_scroll)
            pygame.draw.rect(surface, t.p.border, pygame.Rect(track.x, ty, track.w, th), border_radius=2)
        if self.unseen:
            self._draw_new_pill(surface)

    def _new_pill_rect(self) -> pygame.Rect:
        t, kit = self.theme, self.kit
        label = "New message ↓" if self.unseen == 1 else f"{self.unseen} new messages ↓"
        w = kit.measure(label, "small_bold") + 2 * t.px(14)
        h = kit.line_height("small_bold") + t.px(10)
        r = pygame.Rect(0, 0, w, h)
        r.midbottom = (self.r_view.centerx, self.r_view.bottom - t.px(10))
        return r

    def _draw_new_pill(self, surface: pygame.Surface) -> None:
        t, kit = self.theme, self.kit
        r = self._new_pill_rect()
        label = "New message ↓" if self.unseen == 1 else f"{self.unseen} new messages ↓"
        draw_round_rect(surface, t.p.accent, r, r.h // 2)
        s = kit.render_line(label, "small_bold", t.p.accent_text)
        surface.blit(s, s.get_rect(center=r.center))

    def _draw_typing(self, surface: pygame.Surface, y: int) -> None:
        t, kit = self.theme, self.kit
        v = self.r_view
        phase = int(time.monotonic() * 6) % 6
        dots_w = t.px(44)
        if self.skin == "game_chat":
            label = kit.render_line(f"{self.stranger_name.upper()} is typing", "small", t.p.text_dim)
            x = v.x + t.px(8) + t.px(30) + t.px(10)
            surface.blit(label, (x, y + t.px(10)))
            dx = x + label.get_width() + t.px(6)
            for i in range(3):
                on = (phase // 2) == i
                pygame.draw.rect(surface, t.p.accent if on else t.p.text_dim,
                                 pygame.Rect(dx + i * t.px(9), y + t.px(10) + label.get_height() - t.px(7),
                                             t.px(5), t.px(5)))
            return
        av = t.px(34)
        margin = t.px(10)
        a = self.avatars.get(self.stranger_name, av, self.stranger_picture, "circle")
        bubble = pygame.Rect(v.x + margin + av + t.px(8), y + t.px(4), dots_w + t.px(16), t.px(34))
        surface.blit(a, (v.x + margin, bubble.bottom - av))
        pygame.draw.rect(surface, t.p.bubble_in, bubble, border_radius=bubble.h // 2)
        if t.high_contrast or self.skin == "dating_app":
            pygame.draw.rect(surface, t.p.border, bubble, width=t.border_width, border_radius=bubble.h // 2)
        for i in range(3):
            lift = t.px(4) if (phase // 2) == i else 0
            pygame.draw.circle(surface, t.p.text_dim,
                               (bubble.x + t.px(16) + i * t.px(14), bubble.centery - lift), t.px(4))

    # composer ---------------------------------------------------------------
    def _draw_composer(self, surface: pygame.Surface) -> None:
        t, kit = self.theme, self.kit
        r = self.r_composer
        pygame.draw.rect(surface, t.p.surface, r)
        line_col = t.p.accent if self.skin == "game_chat" and not t.high_contrast else t.p.border
        pygame.draw.line(surface, line_col, (r.x, r.y), (r.right, r.y), t.border_width)
        cur = self._current() if self.focus_visible else None
        if self.end_button is not None:
            self.end_button.draw(surface, kit, t, cur is not None and cur[1] is self.end_button)
        elif self.choice_buttons:
            prev_clip = surface.get_clip()
            surface.set_clip(r)
            for b in self.choice_buttons:
                b.draw(surface, kit, t, cur is not None and cur[1] is b)
            surface.set_clip(prev_clip)
            if self.choice_overflow:
                more = "More replies below" if self.choice_scroll < self.choice_overflow else "More replies above"
                m = kit.render_line(more, "small_bold", t.p.accent_text)
                box = pygame.Rect(0, 0, m.get_width() + t.px(16), m.get_height() + t.px(6))
                box.bottomright = (r.right - t.px(16), r.bottom - t.px(4))
                if more.endswith("above"):
                    box.topright = (r.right - t.px(16), r.y + t.px(4))
                draw_round_rect(surface, t.p.accent, box, box.h // 2)
                surface.blit(m, m.get_rect(center=box.center))
        else:
            text = self.view.composer_status()
            s = kit.render_line(kit.ellipsize(text, "body", r.w - 2 * t.px(16)), "body", t.p.text_dim)
            surface.blit(s, (r.x + t.px(16), r.centery - s.get_height() // 2))
        if self.status_message:
            s = kit.render_line(kit.ellipsize(self.status_message, "small_bold", r.w - 2 * t.px(20)), "small_bold",
                                t.p.text)
            box = pygame.Rect(0, 0, s.get_width() + t.px(20), s.get_height() + t.px(10))
            box.midbottom = (r.centerx, r.y - t.px(8))
            draw_round_rect(surface, t.p.surface_alt, box, t.px(6), t.border_width, t.p.border)
            surface.blit(s, s.get_rect(center=box.center))

    # side panels --------------------------------------------------------------
    def _draw_squad(self, surface: pygame.Surface) -> None:
        t, kit = self.theme, self.kit
        r = self.r_squad
        pygame.draw.rect(surface, t.p.surface_alt, r)
        pygame.draw.line(surface, t.p.border, (r.right - 1, r.y), (r.right - 1, r.bottom), t.border_width)
        x, y = r.x + t.px(14), r.y + t.px(16)
        head = kit.render_line("SQUAD  2/4", "small_bold", t.p.accent if not t.high_contrast else t.p.text)
        surface.blit(head, (x, y))
        y += head.get_height() + t.px(12)
        av = t.px(32)
        rows = [(self.stranger_name, self.stranger_picture, "in voice"), (self.player_name, None, "mic off")]
        for name, pic, sub in rows:
            a = self.avatars.get(name, av, pic, "square", avoid=None if pic or name == self.stranger_name
                                 else self.stranger_name)
            surface.blit(a, (x, y))
            n = kit.render_line(kit.ellipsize(name, "small_bold", r.w - av - t.px(50)), "small_bold", t.p.text)
            s = kit.render_line(sub, "tiny", t.p.text_dim)
            surface.blit(n, (x + av + t.px(8), y))
            surface.blit(s, (x + av + t.px(8), y + n.get_height()))
            icons.mic(surface, pygame.Rect(r.right - t.px(30), y + t.px(6), t.px(16), t.px(20)),
                      t.p.online if sub == "in voice" else t.p.text_dim, muted=sub != "in voice")
            y += av + t.px(14)
        for _ in range(2):
            slot = pygame.Rect(x, y, av, av)
            pygame.draw.rect(surface, t.p.border, slot, width=1, border_radius=t.shape.bubble_radius)
            s = kit.render_line("Open slot", "small", t.p.text_dim)
            surface.blit(s, (x + av + t.px(8), y + (av - s.get_height()) // 2))
            y += av + t.px(14)
        y += t.px(8)
        for line in ("LOBBY · RANKED", "Text chat"):
            s = kit.render_line(line, "tiny", t.p.text_dim)
            surface.blit(s, (x, y))
            y += s.get_height() + t.px(4)

    def _draw_profile(self, surface: pygame.Surface) -> None:
        t, kit = self.theme, self.kit
        p = t.p
        r = self.r_profile
        if not self.wide and p.shadow[3]:   # the drawer lies over the chat: a soft shadow along its edge
            n = t.px(12)
            strip = pygame.Surface((n, r.h), pygame.SRCALPHA)
            for i in range(n):
                a = int(p.shadow[3] * 1.6 * ((i + 1) / n) ** 2)
                pygame.draw.line(strip, (*p.shadow[:3], min(255, a)), (i, 0), (i, r.h))
            surface.blit(strip, (r.x - n, r.y))
        pygame.draw.rect(surface, p.surface_alt, r)
        pygame.draw.line(surface, p.border, (r.x, r.y), (r.x, r.bottom), t.border_width)
        prev_clip = surface.get_clip()
        surface.set_clip(r)
        pad = t.px(14)
        x = r.x + pad
        y = r.y + t.px(16) - self.profile_scroll
        s = self.scenario.stranger
        if self.skin == "dating_app":
            side = min(r.w - 2 * pad, int(r.h * 0.36))
            photo = pygame.Rect(x, y, r.w - 2 * pad, side)
            surface.blit(self.avatars.photo_card(s.name, photo.w, photo.h, t.shape.panel_radius,
                                                 self.stranger_picture), photo.topleft)
            shade = pygame.Surface((photo.w, photo.h // 3), pygame.SRCALPHA)
            pygame.draw.rect(shade, (0, 0, 0, 130), shade.get_rect(), border_bottom_left_radius=t.shape.panel_radius,
                             border_bottom_right_radius=t.shape.panel_radius)
            surface.blit(shade, (photo.x, photo.bottom - shade.get_height()))
            name = kit.render_line(kit.ellipsize(self._title(), "heading", photo.w - 2 * pad), "heading",
                                   (255, 255, 255))
            surface.blit(name, (photo.x + pad, photo.bottom - shade.get_height() // 2 - name.get_height() // 2))
            y = photo.bottom + t.px(16)
            for line in self._profile_sub_lines(r.w - 2 * pad):
                hint = kit.render_line(line, "small", p.text_dim)
                surface.blit(hint, (x, y))
                y += hint.get_height()
        else:
            title = "PLAYER CARD" if self.skin == "game_chat" else "Profile"
            head = kit.render_line(title, "small_bold", p.text_dim)
            surface.blit(head, (x, y))
            y += head.get_height() + t.px(10)
            side = t.px(64)
            a = self.avatars.get(s.name, side, self.stranger_picture,
                                 "square" if self.skin == "game_chat" else "circle")
            surface.blit(a, (x, y))
            y += side + t.px(10)
            name = kit.render_line(kit.ellipsize(s.name, "heading", r.w - 2 * pad), "heading", p.text)
            surface.blit(name, (x, y))
            y += name.get_height()
            for line in self._profile_sub_lines(r.w - 2 * pad):
                sl = kit.render_line(line, "small", p.text_dim)
                surface.blit(sl, (x, y))
                y += sl.get_height()
        cur = self._current() if self.focus_visible else None
        hover = getattr(self, "_hover_target", None)
        for card in self.profile_cards:
            self._draw_card(surface, card, focused=cur is not None and cur[1] is card,
                            hovered=hover is not None and hover[1] is card)
        if not self.profile_cards:
            s_ = kit.render_block("No profile details.", "small", p.text_dim, r.w - 2 * pad)
            surface.blit(s_, (x, r.y + self._profile_head_h() - self.profile_scroll))
        max_s = max(0, self.profile_content_h - r.h)
        if max_s:   # a scrollbar says there is more below
            track = pygame.Rect(r.right - t.px(6), r.y + t.px(4), t.px(4), r.h - t.px(8))
            th = max(t.px(28), int(track.h * r.h / self.profile_content_h))
            ty = track.y + int((track.h - th) * self.profile_scroll / max_s)
            pygame.draw.rect(surface, p.text_dim, pygame.Rect(track.x, ty, track.w, th), border_radius=2)
        surface.set_clip(prev_clip)

    def _card_label(self, card: ProfileCard) -> str:
        return card.item.label.upper() if self.theme.shape.uppercase_labels else card.item.label

    def _draw_card(self, surface: pygame.Surface, card: ProfileCard, focused: bool, hovered: bool) -> None:
        t, kit = self.theme, self.kit
        p = t.p
        r = card.rect
        flagged = self.conv.is_flagged(card.item_id)
        radius = t.shape.bubble_radius if self.skin != "social_media" else t.px(12)
        bg = p.surface if not t.high_contrast else p.bg
        draw_round_rect(surface, bg, r, radius, t.border_width,
                        p.flag if flagged else (p.text_dim if hovered else p.border))
        if flagged:
            pygame.draw.rect(surface, p.flag, r, width=3, border_radius=radius)
        x, y = r.x + t.px(12), r.y + t.px(10)
        ls = kit.render_block(self._card_label(card), "small_bold", p.text_dim, r.w - 2 * t.px(12))
        surface.blit(ls, (x, y))
        y += ls.get_height() + t.px(2)
        body = kit.render_block(card.item.text, "body", p.text, r.w - 2 * t.px(12))
        surface.blit(body, (x, y))
        y += body.get_height()
        if flagged:
            b = flag_badge(kit, t)
            surface.blit(b, (x, y + t.px(6)))
        if focused:
            draw_focus_ring(surface, t, r, radius)
