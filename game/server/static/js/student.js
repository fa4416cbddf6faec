// A student's device in a class session: join with the code, read the chat, flag privately,
// vote, and read your own debrief at the end. The token is kept in this browser (localStorage),
// so a reload, a locked screen or lost Wi-Fi finds your flags and your vote again.

import { ApiError, api, el, postWithRetry } from "./api.js";
import { render as renderCheck, setupCheck } from "./check.js";
import { connectLive } from "./live.js";

const $ = (id) => document.getElementById(id);
const STORE_KEY = "redflags.class";

let token = null;
let live = null;
let state = null;
const pendingFlags = new Map();   // item id -> wanted state, while the request is on its way

function saved() {
  try {
    return JSON.parse(localStorage.getItem(STORE_KEY) || "null");
  } catch (err) {
    return null;
  }
}

function save(value) {
  try {
    if (value) localStorage.setItem(STORE_KEY, JSON.stringify(value));
    else localStorage.removeItem(STORE_KEY);
  } catch (err) {
    /* private mode: the session lasts as long as the page */
  }
}

function showJoin(message) {
  if (live) live.stop();
  live = null;
  token = null;
  $("room-view").classList.add("hidden");
  $("join-view").classList.remove("hidden");
  const code = new URLSearchParams(location.search).get("code");
  if (code && !$("join-code").value) $("join-code").value = code.toUpperCase();
  const error = $("join-error");
  error.textContent = message || "";
  error.classList.toggle("hidden", !message);
  ($("join-code").value ? $("nickname") : $("join-code")).focus();
}

async function join(event) {
  event.preventDefault();
  const button = $("join-button");
  button.disabled = true;
  try {
    const body = { join_code: $("join-code").value.trim() };
    const nick = $("nickname").value.trim();
    if (nick) body.player = nick;
    const joined = await postWithRetry("/api/v1/join", body);
    save({ token: joined.token, player: joined.player, code: body.join_code.toUpperCase() });
    enterRoom(joined.token);
  } catch (err) {
    showJoin(err instanceof ApiError ? err.message : String(err));
  } finally {
    button.disabled = false;
  }
}

function enterRoom(newToken) {
  token = newToken;
  setupCheck(token, (check) => {
    if (state) render({ ...state, check });
  });
  $("join-view").classList.add("hidden");
  $("room-view").classList.remove("hidden");
  live = connectLive({
    streamPath: "/api/v1/room/events",
    pollPath: "/api/v1/room",
    token,
    onState: render,
    onGone: (message) => {
      save(null);
      showJoin(message);
    },
    onStatus: (text) => {
      $("connection").textContent = text === "live" ? "● connected" : "○ reconnecting…";
      $("connection").classList.toggle("offline", text !== "live");
    },
  });
}

// -- flags and votes ---------------------------------------------------------------------
function flagged(id) {
  if (pendingFlags.has(id)) return pendingFlags.get(id);
  return state && state.my_flags.includes(id);
}

async function toggleFlag(id) {
  const on = !flagged(id);
  pendingFlags.set(id, on);
  render(state);
  try {
    const answer = await postWithRetry("/api/v1/room/flag", { item: id, on }, token);
    state.my_flags = answer.my_flags;
  } catch (err) {
    showProblem(err.message);
  } finally {
    pendingFlags.delete(id);
    render(state);
  }
}

async function castVote(key) {
  try {
    const answer = await postWithRetry("/api/v1/room/vote", { key }, token);
    state.my_vote = answer.my_vote;
    render(state);
  } catch (err) {
    showProblem(err.message);
  }
}

function showProblem(message) {
  const box = $("gone");
  box.textContent = message;
  box.classList.remove("hidden");
  setTimeout(() => box.classList.add("hidden"), 5000);
}

function flagButton(id, label) {
  const on = flagged(id);
  return el("button", {
    class: `flag-button${on ? " on" : ""}`,
    type: "button",
    "aria-pressed": on ? "true" : "false",
    "aria-label": `${on ? "Unflag" : "Flag"} ${label}`,
    "data-item": id,
    onclick: () => toggleFlag(id),
  }, on ? "⚑ Flagged" : "⚐ Flag");
}

// -- rendering ------------------------------------------------------------------------------
function render(next) {
  if (!next) return;
  state = next;
  $("me").textContent = state.player ? `You: ${state.player}` : "";
  $("chat-title").textContent = state.chat ? ` · ${state.chat.title}` : "";
  $("phase-words").textContent = state.words || "";
  document.body.dataset.phase = state.phase;
  renderCheck(checkShown(state));
  renderDiscussion();
  renderProfile();
  renderMessages();
  renderVote();
  renderDebrief();
}

// The check's card: while it runs, and its last words until the next chat starts.
function checkShown(current) {
  const check = current.check;
  if (!check) return null;
  if (check.open || ["waiting", "ended", "reveal"].includes(current.phase)) return check;
  return null;
}

function renderDiscussion() {
  const box = $("discussion");
  box.classList.toggle("hidden", !state.discussion);
  $("discussion-question").textContent = state.discussion ? state.discussion.question : "";
}

function renderProfile() {
  const box = $("profile");
  const chat = state.chat;
  box.classList.toggle("hidden", !chat || state.phase === "waiting");
  if (!chat) return;
  $("profile-title").textContent = `${chat.stranger.name}'s profile`;
  const list = $("profile-items");
  list.replaceChildren(...chat.profile.map((item) =>
    el("li", { class: flagged(item.id) ? "flagged" : "" },
      el("span", { class: "profile-text" }, el("strong", {}, `${item.label}: `), item.text),
      state.debrief ? null : flagButton(item.id, `profile: ${item.label}`))));
}

function renderMessages() {
  const list = $("messages");
  const items = [];
  const replies = state.replies || [];
  const name = state.chat ? state.chat.stranger.name : "";
  const addReplies = (after) => {
    for (const reply of replies.filter((r) => r.after === after)) {
      items.push(el("li", { class: "bubble out" }, el("span", { class: "who" }, "The class"), reply.text));
    }
  };
  addReplies(0);
  for (const message of state.messages) {
    const system = message.from === "system";
    items.push(el("li", { class: `bubble ${system ? "system" : "in"}${flagged(message.id) ? " flagged" : ""}`,
                          "data-n": message.n },
      el("span", { class: "who" }, system ? "Notice" : name, el("span", { class: "num" }, ` [${message.n}]`)),
      el("span", { class: "text" }, message.text),
      state.debrief ? null : flagButton(message.id, `message ${message.n}`)));
    addReplies(message.n);
  }
  const wasAtBottom = window.innerHeight + window.scrollY >= document.body.scrollHeight - 80;
  list.replaceChildren(...items);
  if (wasAtBottom && state.phase !== "vote") window.scrollTo(0, document.body.scrollHeight);
}

function renderVote() {
  const box = $("vote");
  const vote = state.vote;
  const show = vote && (vote.open || (state.phase !== "ended" && state.phase !== "reveal" && vote.counts &&
    state.replies && state.replies.length && state.replies[state.replies.length - 1].key === vote.chosen));
  box.classList.toggle("hidden", !show);
  if (!show) return;
  $("vote-title").textContent = vote.open ? "Vote: what should we reply?" : "The class chose";
  $("vote-help").textContent = vote.open
    ? (state.my_vote ? "Vote saved. You can change it until the teacher closes the vote." : "Pick one. Nobody sees who voted for what.")
    : "";
  const options = vote.options.map((option) => {
    const mine = state.my_vote === option.key;
    const count = vote.counts ? vote.counts[option.key] : null;
    const label = [option.text];
    if (count !== null && count !== undefined) label.push(el("span", { class: "count" }, ` ${count}`));
    return el("button", {
      type: "button",
      class: `vote-option${mine ? " mine" : ""}${vote.chosen === option.key ? " chosen" : ""}` +
             (["block", "report", "leave"].includes(option.key) ? " exit" : ""),
      "aria-pressed": mine ? "true" : "false",
      "data-key": option.key,
      disabled: !vote.open,
      onclick: () => castVote(option.key),
    }, ...label);
  });
  $("vote-options").replaceChildren(...options);
  if (vote.open && !box.dataset.shown) box.scrollIntoView({ block: "nearest" });
  box.dataset.shown = vote.open ? "1" : "";
}

function renderDebrief() {
  const box = $("debrief");
  const d = state.debrief;
  box.classList.toggle("hidden", !d);
  if (!d) return;
  $("debrief-headline").textContent = d.headline;
  $("debrief-parts").replaceChildren(...d.parts.map((part) =>
    el("div", { class: "part card" }, el("strong", {}, part.name), el("p", {}, part.meaning))));
  const words = { spotted: "You spotted", missed: "You missed", false_alarm: "Flagged, but it was ordinary" };
  $("debrief-items").replaceChildren(...d.items.map((item) =>
    el("li", { class: `item ${item.status}` },
      el("span", { class: "status-word" }, words[item.status] || item.status),
      el("q", {}, item.text),
      item.why ? el("p", { class: "why" }, item.why) : null)));
  if (!d.items.length) $("debrief-items").append(el("li", {}, "Nothing to list here."));
  $("debrief-fault").replaceChildren(...d.never_your_fault.map((line) => el("li", {}, line)));
  $("debrief-help").replaceChildren(...d.help.map((h) =>
    el("li", {}, el("strong", {}, h.name), ` (${h.region}): ${h.purpose} `,
      h.phone ? el("span", { class: "phone" }, h.phone) : null, h.website ? ` · ${h.website}` : "")));
}

// -- start ------------------------------------------------------------------------------------
async function start() {
  $("join-form").addEventListener("submit", join);
  const code = new URLSearchParams(location.search).get("code");
  const previous = saved();
  if (previous && previous.token && (!code || code.toUpperCase() === previous.code)) {
    try {
      const current = await api("GET", "/api/v1/room", undefined, previous.token);
      enterRoom(previous.token);
      render(current);
      return;
    } catch (err) {
      if (err.status === 401 || err.status === 403) save(null);
      else {
        enterRoom(previous.token);   // no connection now: keep trying in the background
        return;
      }
    }
  }
  showJoin("");
}

start();
