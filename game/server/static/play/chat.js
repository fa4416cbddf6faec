// One chat on the page. The server sends the chat as lines (the shared chat view) and the
// pacing: wait `pause`, show "typing…" for `typing` seconds, then ask for the message; when
// replies are shown and nothing happens for `idle` seconds, send `wait` (an idle nudge).
// The page never decides anything about the conversation itself.

import { api, postWithRetry, el } from "/static/js/api.js";
import { MenuButton } from "/static/play/menu.js";
import { countryControl, countryQuery } from "/static/play/help_country.js";
import { drawCoach } from "/static/play/onboarding.js";
import { icon } from "/static/play/icons.js";

const $ = (id) => document.getElementById(id);

// The header's Safety menu (Block / Report / Leave / Cancel): one per page, acting on the open chat.
let safetyMenu = null;
const SHORTCUTS = { b: "block", r: "report", l: "leave" };
const SEE_DEBRIEF = $("see-debrief").textContent;   // the end button's words (the first-chat practice has its own)

function clock(t, base) {
  const when = new Date((base + t) * 1000);
  return when.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

// The base that makes moment t read "HH:MM" (the story's clock, or a time notice's
// `sets_clock`: the server decides which notices set it; the page only counts on).
function baseAt(t, hhmm, base) {
  const [h, m] = hhmm.split(":").map(Number);
  const day = new Date((base + t) * 1000);
  day.setHours(h, m, 0, 0);
  return day.getTime() / 1000 - t;
}

export class Chat {
  constructor(token, hooks) {
    this.token = token;
    this.hooks = hooks;
    this.view = null;        // fixed parts (names, profile, words)
    this.answer = null;      // the last answer (events, pending, pacing, view)
    this.drawn = 0;          // lines already in the thread
    this.timers = [];
    this.paused = false;
    this.busy = false;
    this.idleTimer = null;
    this.base = Date.now() / 1000;
    this.onKey = (e) => this.key(e);
    this.onActivity = () => this.activity();
  }

  // ---------- opening ----------
  async open() {
    this.view = await api("GET", `/api/v1/play/${this.token}/chat`);
    const answer = await api("GET", `/api/v1/play/${this.token}`);
    const start = answer.events.length ? answer.events[0].t : 0;
    this.base = Date.now() / 1000 - (answer.events.length ? answer.events[answer.events.length - 1].t - start : 0);
    if (this.view.clock) {   // the story's time of day: a chat set "just after 10 at night" shows 22:04
      this.base = baseAt(start, this.view.clock, Date.now() / 1000 - start);
    }
    this.hooks.show(this.view.platform);
    this.header();
    this.profile();
    // the first-chat practice (onboarding): a coach card instead of the hint, and its own end button
    this.coachKey = null;
    $("coach").hidden = !this.view.onboarding;
    $("flag-hint").hidden = !!this.view.onboarding;
    $("see-debrief").textContent = this.view.onboarding ? this.view.onboarding.done : SEE_DEBRIEF;
    $("thread").replaceChildren();
    this.drawn = 0;
    this.lastSender = null;
    this.bind();
    this.apply(answer, false);
    if (this.hooks.resumed && !answer.ended) {
      // after a reload: the window's "it carries on from here" line, below what was said before
      $("thread").append(el("li", { class: "line info resumed" }, el("div", { class: "bubble" }, this.view.resumed_line)));
    }
    $("main").focus({ preventScroll: true });
  }

  bind() {
    document.addEventListener("keydown", this.onKey);
    for (const type of ["pointerdown", "keydown", "wheel", "touchstart"]) {
      document.addEventListener(type, this.onActivity, { passive: true });
    }
    if (!safetyMenu) {
      safetyMenu = new MenuButton($("safety-button"), $("safety-pop"), $("safety-menu"), (item) => {
        if (item.dataset.action && safetyMenu.chat) safetyMenu.chat.confirm(item.dataset.action);
      });
      for (const id of ["dlg-confirm", "dlg-block", "dlg-report"]) {
        $(id).addEventListener("close", () => { if (safetyMenu.chat) safetyMenu.chat.refocus(); });
      }
    }
    safetyMenu.chat = this;
    $("profile-toggle").onclick = () => this.toggleProfile();
    $("profile-close").onclick = () => this.toggleProfile(false);
    $("pause-button").onclick = () => this.pause();
    $("pause-resume").onclick = () => $("dlg-pause").close();
    $("dlg-pause").onclose = () => this.resume();
    $("pause-help").onclick = () => this.showHelp();
    $("pause-exit").onclick = () => this.hooks.quickExit();
    $("help-back").onclick = () => $("dlg-help").close();
    $("link-ok").onclick = () => $("dlg-link").close();
    $("see-debrief").onclick = () => this.hooks.onDebrief();
  }

  stop() {
    this.clearTimers();
    document.removeEventListener("keydown", this.onKey);
    for (const type of ["pointerdown", "keydown", "wheel", "touchstart"]) {
      document.removeEventListener(type, this.onActivity);
    }
  }

  header() {
    const v = this.view;
    $("chat-name").textContent = v.header;
    $("chat-status").textContent = v.status;
    for (const id of ["chat-avatar", "profile-avatar"]) {
      const box = $(id);
      box.replaceChildren();
      if (v.stranger.avatar) box.append(el("img", { src: v.stranger.avatar, alt: "" }));
      else box.textContent = v.stranger.initials;
    }
    $("profile-long").textContent = v.profile_button.long;     // the word and how many details
    $("profile-short").textContent = v.profile_button.short;   // only how many, where room is short
    $("profile-title").textContent = v.stranger.name;
    $("profile-age").textContent = v.stranger.claimed_age ? `Says they are ${v.stranger.claimed_age}` : "";
    $("typing-text").textContent = `${v.stranger.name} is ${v.typing}`;
    // the Safety menu's words (game/play/exits.py, as the window's)
    const safety = v.safety;
    $("safety-word").textContent = safety.button;
    $("safety-button").setAttribute("aria-label", safety.button_label);
    for (const item of safety.items) {
      const button = document.querySelector(`#safety-menu [data-action="${item.action}"]`);
      button.querySelector("span").textContent = item.label;
      button.querySelector("kbd").textContent = item.key;
      button.setAttribute("aria-keyshortcuts", item.key);
    }
    document.querySelector("#safety-menu [data-menu-cancel] span").textContent = safety.cancel;
    $("safety-keys").textContent = safety.keys_line;
  }

  profile() {
    const list = $("profile-items");
    list.replaceChildren();
    for (const item of this.view.profile) {
      const button = this.flagButton(item.id, `${item.label}: ${item.text}`);
      const li = el("li", { class: "profile-item", "data-item": item.id },
        el("div", { class: "label" }, item.label), el("div", { class: "value" }, item.text));
      if (item.image) {   // the photo itself: its details are the clue
        const pic = this.view.pictures[item.image] || { url: "" };
        li.append(el("img", { class: "profile-photo", src: pic.url, alt: `${item.label}: ${item.text}`, loading: "lazy" }));
      }
      li.append(button);
      list.append(li);
    }
  }

  toggleProfile(open) {
    const panel = $("profile-panel");
    const now = open === undefined ? !panel.classList.contains("open") : open;
    panel.classList.toggle("open", now);
    $("profile-toggle").setAttribute("aria-expanded", String(now));
    if (now) { const first = panel.querySelector("button"); if (first) first.focus(); }
    else $("profile-toggle").focus();
  }

  // ---------- drawing ----------
  flagButton(itemId, what) {
    const button = el("button", { type: "button", class: "flag-btn", "aria-pressed": "false", "data-flag": itemId,
      "aria-label": `Flag: ${what}` });
    button.append(icon("flag-outline"), el("span", { class: "flag-word" }, "Flag"));
    button.addEventListener("click", () => this.toggleFlag(itemId));
    return button;
  }

  setFlagged(button, on) {
    button.setAttribute("aria-pressed", String(on));
    button.replaceChildren(icon(on ? "flag" : "flag-outline"), el("span", { class: "flag-word" }, on ? "Flagged" : "Flag"));
    const holder = button.closest(".line, .profile-item");
    if (holder) holder.classList.toggle("flagged", on);
  }

  lineNode(line, animate) {
    const kind = line.kind;
    const li = el("li", { class: `line ${kind}${animate ? " new" : ""}` });
    if (line.request && this.view.request) return this.requestCard(li);
    if (kind === "match" || kind === "switch") {   // the swipe app's match; the chat moved to another app
      const eyebrow = kind === "match" ? el("p", { class: "moment-title" }, line.title)
        : el("p", { class: "eyebrow" }, icon("info"), this.view.switch_title);
      li.append(el("div", { class: `moment ${kind}` }, eyebrow, el("p", {}, line.text)));
      return li;
    }
    if (kind === "ending") {
      const shape = { safe: "circle-check", neutral: "circle-bar", unsafe: "report" }[line.outcome] || "info";
      const words = this.view.outcome_words[line.outcome] || "Ending";
      li.append(el("div", { class: "ending-card" },
        el("p", { class: "eyebrow" }, icon(shape), words), el("h2", {}, line.title), el("p", {}, line.text)));
      return li;
    }
    // a notice that is only a time ("Friday, 3:52 PM"): what follows counts on from it
    if (line.sets_clock) this.base = baseAt(line.t, line.sets_clock, this.base);
    // a name and time over the first message of each run from one sender, as in the window
    if ((kind === "stranger" || kind === "player") && this.lastSender !== kind) {
      const who = kind === "stranger" ? this.view.stranger.name : this.view.player.name;
      li.append(el("p", { class: "meta" }, `${who} · ${clock(line.t, this.base)}`));
    }
    this.lastSender = kind;
    const bubble = el("div", { class: "bubble" });
    if (kind === "info" && line.text && !line.flaggable) bubble.append(icon("info"), " ");
    bubble.append(line.text);
    if (line.image) {
      const pic = this.view.pictures[line.image] || { url: "", name: "picture" };
      bubble.append(el("img", { src: pic.url, alt: `Picture: ${pic.name}`, loading: "lazy" }));
    }
    if (line.link) {
      const link = line.preview_title
        ? el("button", { type: "button", class: "fake-link preview" },
          el("span", { class: "site" }, icon("link"), line.link.split("/")[0]),
          el("strong", {}, line.preview_title), line.preview_text ? el("span", {}, line.preview_text) : "")
        : el("button", { type: "button", class: "fake-link" }, icon("link"), line.link);
      link.addEventListener("click", () => this.openLink(line));
      bubble.append(el("br"), link);
    }
    const row = el("div", { class: "msg-row" }, bubble);
    if (line.flaggable) {
      const label = line.number ? `message ${line.number}, "${line.text}"` : `"${line.text}"`;
      const button = this.flagButton(line.item_id, label);
      row.append(button);
      li.dataset.item = line.item_id;
      if (line.number) li.dataset.number = String(line.number);
      if (line.nudge) li.dataset.nudge = "1";
    }
    li.append(row);
    if (kind === "player") li.append(el("p", { class: "receipt", "data-receipt": "1" }, line.receipt || ""));
    return li;
  }

  // The message request at the top of the thread, as the apps show it: who is asking, what
  // their profile says at a glance (the text items; photos stay in the profile), and the way
  // to the whole profile. Accept and Decline are in the reply area while the request waits.
  requestCard(li) {
    const v = this.view;
    const words = v.request;
    li.classList.add("request-line");
    const avatar = el("span", { class: "avatar big", "aria-hidden": "true" });
    if (v.stranger.avatar) avatar.append(el("img", { src: v.stranger.avatar, alt: "" }));
    else avatar.textContent = v.stranger.initials;
    const facts = el("dl", { class: "request-facts" });
    for (const item of v.profile.filter((p) => !p.image).slice(0, 3)) {
      facts.append(el("div", {}, el("dt", {}, item.label), el("dd", {}, item.text)));
    }
    const more = el("button", { type: "button", class: "small-button", "data-request-profile": "1" }, icon("profile"), words.profile);
    more.addEventListener("click", () => this.toggleProfile(true));
    const card = el("section", { class: "request-card", "aria-labelledby": "request-card-name" },
      el("p", { class: "eyebrow" }, icon("info"), words.eyebrow),
      el("div", { class: "request-who" }, avatar,
        el("div", {}, el("h2", { id: "request-card-name" }, v.stranger.name),
          v.stranger.claimed_age ? el("p", { class: "dim small" }, v.header) : "")),
      facts, more);
    li.append(card);
    return li;
  }

  draw(view, animate) {
    const thread = $("thread");
    const lines = view.lines;
    for (let i = this.drawn; i < lines.length; i += 1) {
      const node = this.lineNode(lines[i], animate);
      thread.append(node);
      if (animate) this.announce(lines[i]);
    }
    this.drawn = Math.max(this.drawn, lines.length);
    // receipts: only the last reply has one
    const receipts = thread.querySelectorAll("[data-receipt]");
    const playerLines = lines.filter((l) => l.kind === "player");
    receipts.forEach((node, i) => { node.textContent = (playerLines[i] && playerLines[i].receipt) || ""; });
    // flags: messages and profile
    const flagged = new Set(lines.filter((l) => l.flagged).map((l) => l.item_id).concat(view.profile_flags));
    for (const button of document.querySelectorAll("[data-flag]")) {
      this.setFlagged(button, flagged.has(button.dataset.flag));
      button.disabled = view.ended;
      if (view.ended) button.title = this.view.chat_over_flags;
    }
    if (view.platform) document.body.dataset.skin = view.platform;   // a node can move the chat to another app
    if (view.onboarding && this.view.onboarding) this.coach(view.onboarding);
    this.replies(view);
    const wrap = document.querySelector(".thread-wrap");
    wrap.scrollTop = wrap.scrollHeight;
    if (animate) {
      const last = thread.lastElementChild;
      if (last && last.scrollIntoView) last.scrollIntoView({ block: "nearest" });
    }
  }

  // The coach card follows the server's word on which steps are done (redrawn only when that changes).
  coach(done) {
    const key = done.join();
    if (key === this.coachKey) return;
    this.coachKey = key;
    drawCoach($("coach"), this.view.onboarding, done, () => this.skipPractice());
  }

  async skipPractice() {
    if (this.answer && !this.answer.ended) await this.send("quit", true);
    this.hooks.onDebrief();
  }

  announce(line) {
    const box = $("announcer");
    let text = "";
    if (line.kind === "stranger") text = `${this.view.stranger.name}: ${line.text}`;
    else if (line.kind === "system" || line.kind === "info") text = line.text;
    else if (line.kind === "ending") text = `${line.title}. ${line.text}`;
    if (line.image) text += ` (${(this.view.pictures[line.image] || {}).name || "picture"})`;
    if (!text) return;
    box.append(el("p", {}, text));
    while (box.childElementCount > 3) box.firstElementChild.remove();
  }

  replies(view) {
    const list = $("choices");
    const had = list.contains(document.activeElement);
    list.replaceChildren();
    if (view.request && !view.ended) {   // a message request: Accept (kept by the server), or Decline (= leave)
      const words = view.request;
      const buttons = el("div", { class: "request-buttons" });
      [[words.accept, "primary", () => this.accept()], [words.decline, "", () => this.send(this.view.request_decline_as)]]
        .forEach(([text, kind, act], i) => {
          const button = el("button", { type: "button", class: `choice ${kind}`, "data-request": String(i + 1) },
            el("span", { class: "num", "aria-hidden": "true" }, String(i + 1)), el("span", {}, text));
          button.addEventListener("click", act);
          buttons.append(button);
        });
      list.append(el("li", { class: "request-ask" },
        el("p", { class: "request-title", id: "request-title" }, words.title),
        el("p", { class: "request-body" }, words.body), buttons));
      $("composer-status").textContent = "";     // the card says it
      $("ended-bar").hidden = true;
      if (had) buttons.querySelector("button").focus();
      return;
    }
    view.replies.forEach((text, i) => {
      const button = el("button", { type: "button", class: "choice", "data-choice": String(i + 1) },
        el("span", { class: "num", "aria-hidden": "true" }, String(i + 1)), el("span", {}, text));
      button.setAttribute("aria-label", `Reply ${i + 1}: ${text}`);
      button.addEventListener("click", () => this.send(String(i + 1)));
      list.append(el("li", {}, button));
    });
    $("composer-status").textContent = view.replies.length ? "" : view.composer_status;
    $("ended-bar").hidden = !view.ended;
    if (view.ended && !this.endedShown) {
      this.endedShown = true;
      $("see-debrief").focus();
    } else if (had && list.firstElementChild) {
      list.querySelector("button").focus();
    }
  }

  // ---------- the server's answers ----------
  apply(answer, animate = true) {
    this.answer = answer;
    // the server's words while this chat's events cannot be saved (kept and retried there)
    const saveNote = $("save-note");
    if (saveNote) {
      const problem = answer.save && answer.save.problem;
      if (problem && saveNote.textContent !== problem) saveNote.textContent = problem;
      saveNote.hidden = !problem;
    }
    // "settled": nothing on its way and no request out (tests and the composer wait for it)
    document.body.dataset.chat = answer.ended || !answer.pending ? "settled" : "arriving";
    if (answer.view) this.draw(answer.view, animate);
    $("safety-button").disabled = !!answer.ended;
    if (answer.ended && safetyMenu) safetyMenu.close(false);
    if (answer.ended) {
      this.clearTimers();
      $("typing").hidden = true;
      $("chat-status").textContent = this.view.status;
      if (this.hooks.onEnded) this.hooks.onEnded();
      return;
    }
    this.schedule();
  }

  clearTimers() {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  later(seconds, fn) {
    this.timers.push(setTimeout(fn, Math.max(0, seconds) * 1000));
  }

  schedule() {
    this.clearTimers();
    if (this.paused || !this.answer || this.answer.ended) return;
    const pacing = this.answer.pacing || {};
    if (this.answer.pending > 0 && pacing.next) {
      const next = pacing.next;
      this.later(next.pause, () => {
        if (next.indicator) this.typing(true);
        this.later(next.typing, () => this.deliver());
      });
    } else if (pacing.idle !== undefined) {
      this.idleAfter = pacing.idle;
      this.idleTimer = setTimeout(() => this.send("wait", true), pacing.idle * 1000);
    }
  }

  typing(on) {
    $("typing").hidden = !on;
    $("chat-status").textContent = on ? this.view.typing : this.view.status;
    if (on && this.answer.view && this.answer.view.seen_word) {
      const receipts = document.querySelectorAll("[data-receipt]");
      const last = receipts[receipts.length - 1];
      if (last && last.textContent) last.textContent = this.answer.view.seen_word;
    }
  }

  activity() {
    // any input restarts the wait for an idle nudge
    if (this.idleTimer && this.idleAfter !== undefined && !this.paused) {
      clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => this.send("wait", true), this.idleAfter * 1000);
    }
  }

  async deliver() {
    try {
      const answer = await postWithRetry(`/api/v1/play/${this.token}/deliver`, {});
      this.typing(false);
      this.error("");
      this.apply(answer);
    } catch (err) {
      this.typing(false);
      this.failed(err);
    }
  }

  // Accept the message request: the server keeps it, so a reload does not ask again.
  async accept() {
    if (this.busy) return;
    this.busy = true;
    try {
      const answer = await postWithRetry(`/api/v1/play/${this.token}/accept`, {});
      this.error("");
      this.apply(answer, false);
      const first = document.querySelector("#choices [data-choice]");
      if (first) first.focus();
    } catch (err) {
      this.failed(err);
    } finally {
      this.busy = false;
    }
  }

  async send(line, quiet = false) {
    if (this.busy) return;
    this.busy = true;
    document.body.dataset.chat = "sending";
    try {
      const answer = await postWithRetry(`/api/v1/play/${this.token}/command`, { line });
      this.error("");
      this.apply(answer);
    } catch (err) {
      if (this.answer) document.body.dataset.chat = this.answer.pending ? "arriving" : "settled";
      if (!quiet || err.status !== 400) this.failed(err);
    } finally {
      this.busy = false;
    }
  }

  failed(err) {
    if (err.status === 404) { this.stop(); this.hooks.onGone(err.message); return; }
    this.error(err.message);
    if (err.status === 409 || err.status === 0) {
      // the chat moved on elsewhere, or the connection dropped: reload it from the server
      this.later(2, () => this.reload());
    }
  }

  async reload() {
    try {
      const answer = await api("GET", `/api/v1/play/${this.token}`);
      this.error("");
      this.apply(answer, false);
    } catch (err) {
      this.error(err.message);
      if (err.status === 0) this.later(4, () => this.reload());
    }
  }

  error(message) {
    const node = $("chat-error");
    node.textContent = message;
    node.hidden = !message;
  }

  toggleFlag(itemId) {
    if (!this.answer || this.answer.ended) return;
    const button = document.querySelector(`[data-flag="${CSS.escape(itemId)}"]`);
    const on = button && button.getAttribute("aria-pressed") === "true";
    this.send(`${on ? "unflag" : "flag"} ${itemId}`);
  }

  // ---------- dialogs ----------
  // Block, Report or Leave (from the Safety menu, or its key in the chat): each asks first.
  // When the question closes and nothing else took the focus, it goes back to the Safety button.
  confirm(how) {
    if (!this.answer || this.answer.ended) return;
    if (how === "block") return this.askBlock();
    if (how === "report") return this.askReport();
    const [title, body, label] = this.view.confirm[how];
    $("confirm-title").textContent = title;
    $("confirm-body").textContent = body;
    $("confirm-yes").textContent = label;
    $("confirm-yes").onclick = () => { $("dlg-confirm").close(); this.send(how); };
    $("confirm-no").onclick = () => $("dlg-confirm").close();
    $("dlg-confirm").showModal();
    $("confirm-no").focus();
  }

  // Block says what it does and does not do (words from the server: game/play/exits.py).
  askBlock() {
    const w = this.view.block;
    $("block-title").textContent = w.title;
    $("block-does-title").textContent = w.does_title;
    $("block-does-not-title").textContent = w.does_not_title;
    $("block-does").replaceChildren(...w.does.map((t) => el("li", {}, t)));
    $("block-does-not").replaceChildren(...w.does_not.map((t) => el("li", {}, t)));
    $("block-still").textContent = w.still;
    $("block-yes").textContent = w.confirm;
    $("block-report").textContent = w.report_instead;
    $("block-no").textContent = w.cancel;
    $("block-yes").onclick = () => { $("dlg-block").close(); this.send("block"); };
    $("block-report").onclick = () => { $("dlg-block").close(); this.askReport(); };
    $("block-no").onclick = () => $("dlg-block").close();
    $("dlg-block").showModal();
    $("block-yes").focus();
  }

  // The report form: one reason to pick, then the command "report REASON".
  askReport() {
    const w = this.view.report_form;
    $("report-title").textContent = w.title;
    $("report-question").textContent = w.question;
    $("report-intro").textContent = w.intro;
    $("report-after").textContent = w.after;
    $("report-send").textContent = w.send;
    $("report-no").textContent = w.cancel;
    $("report-error").hidden = true;
    $("report-reasons").replaceChildren(...w.reasons.map((r, i) => {
      const id = `reason-${r.id}`;
      return el("label", { class: "reason", for: id },
        el("input", { type: "radio", name: "reason", value: r.id, id }),
        el("span", { class: "reason-label" }, `${i + 1}. ${r.label}`),
        el("span", { class: "reason-hint dim small" }, r.hint));
    }));
    $("report-form").onsubmit = (e) => {
      e.preventDefault();
      const chosen = $("report-form").querySelector("input[name=reason]:checked");
      if (!chosen) {
        $("report-error").textContent = w.choose_first;
        $("report-error").hidden = false;
        $("report-reasons").querySelector("input").focus();
        return;
      }
      $("dlg-report").close();
      this.send(`report ${chosen.value}`);
    };
    $("report-no").onclick = () => $("dlg-report").close();
    $("dlg-report").showModal();
    $("report-reasons").querySelector("input").focus();
  }

  refocus() {
    const here = document.activeElement;
    if (this.anyDialogOpen() || (here && here !== document.body && here.offsetParent !== null)) return;
    const button = $("safety-button");
    if (!button.disabled) button.focus();
    else if (!$("ended-bar").hidden) $("see-debrief").focus();
  }

  openLink(line) {
    $("link-body").textContent = `This is ${this.view.fake_link}.`;
    $("link-text").textContent = line.link;
    const flagged = document.querySelector(`.line[data-item="${CSS.escape(line.item_id || "")}"].flagged`);
    $("link-flag").hidden = !line.item_id || !!flagged || this.answer.ended;
    $("link-flag").onclick = () => { $("dlg-link").close(); this.toggleFlag(line.item_id); };
    $("dlg-link").showModal();
    $("link-ok").focus();
  }

  pause() {
    if ($("dlg-pause").open) return;
    const w = this.view.pause;
    $("pause-title").textContent = w.title;
    $("pause-body").textContent = w.body;
    $("pause-resume").textContent = w.resume;
    $("pause-help").textContent = w.help;
    $("pause-exit").textContent = w.quick_exit;
    this.paused = true;
    this.clearTimers();
    $("dlg-pause").showModal();
    $("pause-resume").focus();
  }

  resume() {
    if (!this.paused) return;
    this.paused = false;
    this.schedule();
  }

  // The pause dialog's help button: the help for this chat, in the player's help country choice.
  async showHelp(refocus = false) {
    const body = $("help-body");
    let help = null;
    try {
      const query = countryQuery();
      help = await api("GET", `/api/v1/help?scenario=${encodeURIComponent(this.view.scenario)}${query ? `&${query}` : ""}`);
    } catch (err) {
      help = this.hooks.help;          // the catalogue's (every country's) help, when the server cannot be asked
    }
    body.replaceChildren();
    if (help) {
      if (help.title) $("help-title").textContent = help.title;
      if (help.control) {
        body.append(countryControl(help.control, () => this.showHelp(true)),
          el("p", { class: "dim small help-showing", "data-help-showing": "1" }, help.showing));
      }
      if (help.school_contact) body.append(el("p", { class: "school-contact" }, help.school_contact));
      for (const s of help.never_your_fault) body.append(el("p", { class: "fault" }, s));
      const ul = el("ul", { class: "help-list" });
      for (const r of help.resources) {
        ul.append(el("li", {}, el("strong", {}, r.name), ` (${r.region}): ${r.purpose} `,
          [r.website, r.phone].filter(Boolean).join(", ")));
      }
      body.append(ul);
    }
    if (!$("dlg-help").open) $("dlg-help").showModal();
    if (refocus) body.querySelector("[data-help-country]").focus();
    else $("help-back").focus();
  }

  anyDialogOpen() {
    return [...document.querySelectorAll("dialog")].some((d) => d.open);
  }

  key(e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const tag = (e.target && e.target.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA") return;
    if ($("dlg-pause").open && (e.key === "q" || e.key === "Q")) { e.preventDefault(); this.hooks.quickExit(); return; }
    if (this.anyDialogOpen()) return;
    if (e.key === "Escape") { e.preventDefault(); this.pause(); return; }
    if ((e.key === "k" || e.key === "K") && this.view.onboarding && this.answer && !this.answer.ended) {
      e.preventDefault();
      this.skipPractice();                // K skips the practice, as in the window
      return;
    }
    const how = SHORTCUTS[e.key.toLowerCase()];
    if (how && e.key.length === 1) {   // B, R, L: Block, Report, Leave at once (each still asks first)
      e.preventDefault();
      if (safetyMenu) safetyMenu.close(false);
      this.confirm(how);
      return;
    }
    if (/^[1-9]$/.test(e.key)) {
      const button = document.querySelector(`[data-choice="${e.key}"], #choices [data-request="${e.key}"]`);
      if (button) { e.preventDefault(); button.click(); }
      return;
    }
    if ((e.key === "f" || e.key === "F") && e.target && e.target.dataset && e.target.dataset.flag) {
      e.preventDefault();
      e.target.click();
    }
  }
}
