// The play page: join (nickname + class code), the picker, the chat, the debrief.
// The server runs the engine and paces the chat; this page only draws what it is sent
// (docs/solo-play.md). The chat's token is kept in localStorage, so a reload or a lost
// connection carries on with the same chat.

import { api, ApiError, postWithRetry, el } from "/static/js/api.js";
import { Chat } from "/static/play/chat.js";
import { renderDebrief, showHelp } from "/static/play/debrief.js";
import { offerCheck } from "/static/play/check.js";
import { startPractice, markPractice } from "/static/play/practice.js";
import { countryControl, countryQuery } from "/static/play/help_country.js";
import { fetchOffer, markSeen, showOffer } from "/static/play/onboarding.js";

const STORE_PLAYER = "redflags.player";
const STORE_CHAT = "redflags.chat";
const STORE_CONTRAST = "redflags.contrast";
const AWAY = "/static/play/away.html";

const $ = (id) => document.getElementById(id);
const state = { catalogue: null, player: loadJSON(STORE_PLAYER) || { nick: "", klass: "" }, chat: null, scenario: null,
  home: null, from: null,   // home: the chat whose debrief a practice run leads back to; from: its reply
  onboarding: false };       // the first-chat practice (onboarding.js) is on

function loadJSON(key) {
  try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (err) { return null; }
}
function saveJSON(key, value) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch (err) { /* private mode: the chat still works, a reload starts over */ }
}

export function showError(id, message) {
  const node = $(id);
  if (!node) return;
  node.textContent = message || "";
  node.hidden = !message;
}

function show(view, skin = "menu") {
  for (const section of document.querySelectorAll(".view")) section.hidden = section.id !== `view-${view}`;
  document.body.dataset.skin = skin;
  document.body.dataset.view = view;
}

// ---------- quick exit: one tap (or Esc then Q) to a neutral page ----------
export function quickExit() {
  if (state.onboarding) markSeen(state.player, true);    // a quick exit from the practice counts as seen
  const chat = loadJSON(STORE_CHAT);
  if (chat && chat.token && !chat.ended && navigator.sendBeacon) {
    navigator.sendBeacon(`/api/v1/play/${chat.token}/command`, JSON.stringify({ line: "quit" }));
  }
  saveJSON(STORE_CHAT, null);
  location.replace(AWAY);
}

// ---------- high contrast ----------
function applyContrast(on) {
  document.body.classList.toggle("hc", on);
  for (const b of document.querySelectorAll(".contrast-toggle")) b.setAttribute("aria-pressed", String(on));
}

// ---------- join ----------
function showJoin() {
  show("join");
  $("nickname").value = state.player.nick || "";
  $("classcode").value = state.player.klass || "";
  $("nickname").focus();
}

function join(event) {
  event.preventDefault();
  state.player = { nick: $("nickname").value.trim(), klass: $("classcode").value.trim() };
  saveJSON(STORE_PLAYER, state.player);
  showPicker();
}

// ---------- picker ----------
// The picker follows the help country: a chat that ships in both locales is listed in that
// country's language (asked again when the choice changes).
async function loadCatalogue() {
  const query = countryQuery();
  if (!state.catalogue || state.catalogueQuery !== query) {
    try {
      state.catalogue = await api("GET", `/api/v1/catalogue${query ? `?${query}` : ""}`);
    } catch (err) {
      if (!query || err.status !== 400) throw err;
      state.catalogue = await api("GET", "/api/v1/catalogue");   // a stored country the server no longer lists
    }
    state.catalogueQuery = query;
  }
  return state.catalogue;
}

function dots(level) {
  const box = el("span", { class: "dots", "aria-hidden": "true" });
  for (let i = 1; i <= 3; i += 1) box.append(el("i", { class: i <= level ? "on" : "" }));
  return box;
}

async function showPicker() {
  // what the picker showed last time goes first: the practice offer may not be due any more
  $("practice-offer").hidden = true;
  $("practice-offer").replaceChildren();
  $("picker-groups").replaceChildren();
  show("picker");
  showError("picker-error", "");
  const who = state.player.nick ? `Playing as ${state.player.nick}` : "Playing without a nickname";
  $("playing-as").textContent = state.player.klass ? `${who} · class ${state.player.klass.toUpperCase()}` : who;
  let cat;
  let offer;
  try {
    [cat, offer] = await Promise.all([loadCatalogue(), fetchOffer(state.player)]);   // one layout, no jump
  } catch (err) {
    showError("picker-error", err.message);
    return;
  }
  showOffer(offer, state.player, $("practice-offer"), startOnboarding, () => {
    const first = $("picker-groups").querySelector("button");
    if (first) first.focus();
  });
  $("every-chat-note").textContent = cat.words.every_chat_note;
  const box = $("picker-groups");
  box.replaceChildren();
  for (const group of cat.groups) {
    const list = el("ul", { class: "cards" });
    for (const card of group.cards) {
      const button = el("button", { type: "button", class: "pick", "data-scenario": card.id },
        el("span", { class: "eyebrow" }, `${card.platform_name} · ${card.difficulty_word} `, dots(card.difficulty),
          ` · ${card.audience_words}`),
        el("span", { class: "title" }, card.title),
        el("span", { class: "summary" }, card.summary));
      button.addEventListener("click", () => openBefore(card));
      list.append(el("li", {}, button));
    }
    box.append(el("section", { class: "group", "aria-label": group.name }, el("h2", {}, group.name), list));
  }
  const first = box.querySelector("button");
  if (first) first.focus();
}

function openBefore(card) {
  const cat = state.catalogue;
  $("before-eyebrow").textContent = `${card.platform_name} · ${card.difficulty_word} · ${card.audience_words}`;
  $("before-title").textContent = card.title;
  const body = $("before-body");
  body.replaceChildren();
  if (card.situation) body.append(el("h3", {}, "Your situation"), el("p", {}, card.situation));
  body.append(el("h3", {}, "Before you start"));
  if (card.content_notes.length) {
    body.append(el("p", {}, "This chat includes:"));
    const ul = el("ul");
    for (const note of card.content_notes) ul.append(el("li", {}, note));
    body.append(ul);
  }
  body.append(el("p", {}, cat.words.every_chat_note));
  body.append(el("p", { class: "dim" }, cat.words.before_you_start));
  body.append(el("p", { class: "dim small" }, $("playing-as").textContent));
  $("before-start").onclick = () => { $("dlg-before").close(); startChat(card.id); };
  $("dlg-before").showModal();
  $("before-start").focus();
}

async function startChat(scenarioId) {
  showError("picker-error", "");
  await offerCheck(state.player, "chat", show);    // before the first chat, or when one is due
  const body = { scenario: scenarioId, paced: true };
  if (state.player.nick) body.player = state.player.nick;
  if (state.player.klass) body.class = state.player.klass;
  let answer;
  try {
    answer = await postWithRetry("/api/v1/play", body);
  } catch (err) {
    show("picker");
    showError("picker-error", err.message);
    return;
  }
  saveJSON(STORE_CHAT, { token: answer.session, scenario: scenarioId, ended: false });
  await openChat(answer.session, scenarioId);
}

// ---------- the first-chat practice, the onboarding (never stored, never scored) ----------
async function startOnboarding() {
  showError("picker-error", "");
  let answer;
  try {
    answer = await postWithRetry("/api/v1/practice", {});
  } catch (err) {
    showError("picker-error", err.message);
    return;
  }
  if (state.chat) state.chat.stop();
  state.onboarding = true;
  const chat = new Chat(answer.session, {
    show: (skin) => show("chat", skin),
    help: state.catalogue ? state.catalogue.help : null,
    onEnded: () => {},
    onDebrief: finishOnboarding,         // its end button leads on to the picker, not to a score
    onGone: finishOnboarding,
    quickExit,
    resumed: false,
  });
  state.chat = chat;
  await chat.open();
}

async function finishOnboarding() {
  if (state.chat) state.chat.stop();
  state.chat = null;
  state.onboarding = false;
  await markSeen(state.player);      // before the picker asks whether to offer it again
  showPicker();
}

// ---------- chat ----------
// practice: a practice run (try again from here): never remembered in localStorage, so a reload
// goes back to the chat it came from.
async function openChat(token, scenarioId, resumed = false, practice = false) {
  state.scenario = scenarioId;
  if (state.chat) state.chat.stop();
  const chat = new Chat(token, {
    show: (skin) => show("chat", skin),
    help: state.catalogue ? state.catalogue.help : null,
    onEnded: () => { if (!practice) saveJSON(STORE_CHAT, { token, scenario: scenarioId, ended: true }); },
    onDebrief: () => showDebrief(token),
    onGone: practice ? (message) => showDebrief(state.home, message)
      : (message) => { saveJSON(STORE_CHAT, null); showPicker().then(() => showError("picker-error", message)); },
    quickExit,
    resumed: resumed || practice,
  });
  state.chat = chat;
  await chat.open();
  markPractice(practice ? chat.view.practice : null, () => showDebrief(state.home, "", state.from));
}

async function tryAgain(token, decision, button) {
  button.disabled = true;
  state.from = decision;     // back from the practice run, the page returns to this reply
  try {
    const practice = await startPractice(token, decision);
    await openChat(practice, state.scenario, true, true);
  } catch (err) {
    button.disabled = false;
    showError("debrief-error", err.message);
  }
}

// ---------- debrief ----------
async function showDebrief(token, problem = "", from = null, refocus = null) {
  if (state.chat) state.chat.stop();
  let data;
  const query = countryQuery();
  try {
    data = await api("GET", `/api/v1/play/${token}/debrief${query ? `?${query}` : ""}`);
  } catch (err) {
    showError("chat-error", err.message);
    return;
  }
  if (!data.practice) state.home = token;
  markPractice(null);
  show("debrief");
  renderDebrief($("debrief-body"), data, {
    onRetry: (decision, button) => tryAgain(token, decision, button),
    onBack: () => showDebrief(state.home, "", state.from),
  });
  showError("debrief-error", problem);
  helpCountryInDebrief(token, data);
  $("get-help").textContent = data.words.get_help_button;
  if (refocus) { const again = document.querySelector(refocus); if (again) { again.focus(); return; } }
  const back = from === null || data.practice ? null : document.querySelector(`[data-retry="${from}"]`);
  if (back) { back.scrollIntoView({ block: "center" }); back.focus({ preventScroll: true }); }
  else $("debrief-title").focus();
}

// The debrief's help says whose help it is, with the help country control under its heading;
// a change fetches the debrief again with that country's help.
function helpCountryInDebrief(token, data) {
  const head = document.querySelector("#debrief-help h2");
  if (!head || !data.help_country) return;
  const control = countryControl(data.help_country.control,
    () => showDebrief(token, "", null, "#debrief-help [data-help-country]"));
  head.after(el("p", { class: "dim small help-showing", "data-help-showing": "1" }, data.help_country.showing), control);
}

async function leaveDebrief(again) {
  saveJSON(STORE_CHAT, null);
  if (again && state.scenario) startChat(state.scenario);
  else {
    await offerCheck(state.player, "debrief", show);   // after the teacher's number of chats
    showPicker();
  }
}

// ---------- start ----------
async function boot() {
  applyContrast(loadJSON(STORE_CONTRAST) === true);
  $("quick-exit").addEventListener("click", quickExit);
  $("join-form").addEventListener("submit", join);
  $("change-name").addEventListener("click", showJoin);
  $("before-back").addEventListener("click", () => $("dlg-before").close());
  $("play-again").addEventListener("click", () => leaveDebrief(true));
  $("get-help").addEventListener("click", showHelp);
  $("choose-another").addEventListener("click", () => leaveDebrief(false));
  for (const b of document.querySelectorAll(".contrast-toggle")) {
    b.addEventListener("click", () => {
      const on = !document.body.classList.contains("hc");
      saveJSON(STORE_CONTRAST, on);
      applyContrast(on);
    });
  }
  try {
    const cat = await loadCatalogue();
    if (cat.help_country) $("join-help-country").replaceChildren(countryControl(cat.help_country));
  } catch (err) {
    showError("fatal-error", err.message);
  }
  const saved = loadJSON(STORE_CHAT);
  if (saved && saved.token) {
    try {
      await openChat(saved.token, saved.scenario, true);
      return;
    } catch (err) {
      saveJSON(STORE_CHAT, null);
    }
  }
  showJoin();
}

boot();
export { ApiError };
