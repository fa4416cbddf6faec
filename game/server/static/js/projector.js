// The projector: the chat big for the whole class, the join code and QR code, vote totals only
// once a vote closes, the discussion question full screen, and the reveal. It shows counts,
// never names. It holds the teacher token (/projector#TOKEN), so the keys pace the chat, and a
// show-of-hands tally can be typed here when devices cannot join.

import { api, el, postWithRetry } from "./api.js";
import { connectLive } from "./live.js";

const $ = (id) => document.getElementById(id);
let token = null;
let state = null;
let qrUrl = "";

function takeToken() {
  const fromHash = location.hash.replace(/^#/, "");
  if (fromHash) {
    sessionStorage.setItem("redflags.teacher", fromHash);
    history.replaceState(null, "", location.pathname);
  }
  return fromHash || sessionStorage.getItem("redflags.teacher");
}

function problem(message) {
  $("problem").textContent = message || "";
  $("problem").classList.toggle("hidden", !message);
}

async function act(action, body = {}) {
  problem("");
  try {
    render(await postWithRetry(`/api/v1/room/${action}`, body, token));
  } catch (err) {
    problem(err.message);
  }
}

async function loadQr() {
  try {
    const response = await fetch("/api/v1/room/qr.svg", { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) return;
    const svg = await response.text();
    qrUrl = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svg)))}`;
    if (state) render(state);
  } catch (err) {
    /* the code and address are still on screen */
  }
}

function qrImage() {
  return qrUrl ? el("img", { src: qrUrl, alt: W("qr_alt") }) : null;
}

// The projector's words come with the state (game/server/words.py), as the window's do.
const W = (name, values = {}) =>
  (state.screen[name] || "").replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));

function render(next) {
  state = next;
  const [before, after] = W("join_line", { address: "\u0000", code: "\u0001" }).split("\u0000");
  const [middle, rest] = after.split("\u0001");
  $("join-line").replaceChildren(
    before, el("strong", {}, state.address), middle, el("span", { class: "code" }, state.join_code), rest,
    `  ·  ${W("joined", { n: state.students.joined })}`);
  $("qr-small").replaceChildren(...(state.phase === "waiting" ? [] : [qrImage()].filter(Boolean)));
  const views = { waiting: waitingView, intro: introView, chat: chatView, vote: chatView,
                  discussion: discussionView, ended: endedView, reveal: revealView };
  const checking = state.check && state.check.open;
  $("stage").replaceChildren(...(checking ? checkView() : (views[state.phase] || waitingView)()));
  const side = checking ? [] : sideView();
  $("side").classList.toggle("hidden", !side.length);
  $("side").replaceChildren(...side);
}

function waitingView() {
  return [el("div", { class: "proj-join" },
    el("h1", {}, W("title")),
    el("p", {}, W("join_open")),
    el("p", { class: "address" }, state.address),
    el("p", {}, W("join_type")),
    el("p", { class: "code" }, state.join_code),
    qrImage(),
    el("p", { class: "proj-big-count" }, W("joined", { n: state.students.joined })))];
}

// The check running on the devices: how many have finished, nothing else (no names, no answers).
function checkView() {
  const c = state.check;
  const meter = el("div", { class: "meter", role: "img", "aria-label": c.words.progress },
    el("span", { "data-fill": String(c.joined ? c.finished / c.joined : 0) }));
  return [el("div", { class: "proj-full proj-check" },
    el("h1", {}, c.words.title),
    el("p", {}, c.words.help),
    el("p", { class: "proj-big-count" }, c.words.progress),
    meter)];
}

function introView() {
  return [el("div", { class: "proj-full proj-rules" },
    el("h1", {}, state.ground_rules.title),
    el("ul", {}, ...state.ground_rules.points.map((p) => el("li", {}, p))),
    state.content_notes && state.content_notes.length
      ? el("p", { class: "dim" }, W("includes", { notes: state.content_notes.join("; ") })) : null,
    el("p", { class: "dim" }, `${state.chat.title} · ${state.chat.stranger.name}`))];
}

function transcript(limit) {
  const items = [];
  const name = state.chat.stranger.name;
  const replies = state.replies || [];
  const add = (after) => replies.filter((r) => r.after === after).forEach((r) =>
    items.push(el("li", { class: "bubble out" }, el("span", { class: "who" }, W("the_class")), r.text)));
  add(0);
  for (const m of state.messages) {
    items.push(el("li", { class: `bubble ${m.from === "system" ? "system" : "in"}` },
      el("span", { class: "who" }, m.from === "system" ? W("notice") : name, el("span", { class: "num" }, ` [${m.n}]`)),
      el("span", { class: "text" }, m.text)));
    add(m.n);
  }
  return el("ol", { class: "messages" }, ...items.slice(-limit));
}

function chatView() {
  return [el("h2", {}, `${state.chat.title}`), transcript(7)];
}

function sideView() {
  const vote = state.vote;
  if (!vote || !["chat", "vote"].includes(state.phase)) return [];
  if (vote.open) {
    return [el("div", { class: "card" },
      el("h2", {}, W("vote_title")),
      el("ol", {}, ...vote.options.map((o) => el("li", {}, o.text))),
      el("p", { class: "proj-big-count" }, W("voted", { voted: state.students.voted, joined: state.students.joined })),
      tallyForm(vote))];
  }
  const last = (state.replies || []).slice(-1)[0];
  if (!last || last.vote !== vote.number) return [];
  const max = Math.max(1, ...Object.values(vote.counts || {}));
  return [el("div", { class: "card" },
    el("h2", {}, W("voted_title")),
    ...vote.options.map((o) => el("div", { class: `proj-vote-row${o.key === vote.chosen ? " chosen" : ""}` },
      el("span", { class: "label" }, o.text),
      el("span", { class: "bar", style: null, "data-w": String(vote.counts[o.key]) }),
      el("strong", {}, String(vote.counts[o.key] || 0)))))];
}

function tallyForm(vote) {
  const form = el("details", { class: "tally" }, el("summary", {}, W("tally_offer")));
  for (const o of vote.options) {
    form.append(el("label", {}, `${o.text} `, el("input", { type: "number", min: "0", "data-key": o.key })));
  }
  form.append(el("button", { type: "button", class: "primary", onclick: () => {
    const tally = {};
    for (const input of form.querySelectorAll("input[data-key]")) {
      const n = parseInt(input.value, 10);
      if (n > 0) tally[input.dataset.key] = n;
    }
    act("vote/close", { tally });
  } }, W("tally_play")));
  return form;
}

function discussionView() {
  return [el("div", { class: "proj-full" },
    el("h1", {}, W("discussion_title")),
    el("p", { class: "question" }, state.discussion.question))];
}

function endedView() {
  return [el("div", { class: "proj-full" },
    el("h1", {}, W("ended_title")),
    el("p", {}, W("ended_debrief")),
    el("p", { class: "dim" }, W("ended_next")))];
}

function revealView() {
  const r = state.reveal;
  if (!r) return endedView();
  const list = el("ol", { class: "reveal-list", tabindex: "0", "aria-label": W("reveal_title") }, ...r.items.map((item) =>
    el("li", { class: item.red_flag ? "red" : "" },
      el("span", { class: "of" }, item.words),
      el("span", { class: "mark" }, W(item.red_flag ? "red_flag" : "normal")),
      el("span", { class: "txt" }, item.n ? `[${item.n}] ${item.text}` : `${W("profile")} · ${item.text}`))));
  return [
    el("h2", {}, W(r.benign ? "reveal_safe" : "reveal_title")),
    el("div", { class: "reveal-sum" },
      el("p", {}, el("strong", {}, r.spotted.words)),
      el("p", {}, el("strong", {}, r.false_alarms.words)),
      el("p", { class: "dim" }, W("reveal_reading", { reading: r.reading }))),
    list,
  ];
}

// Bars are sized here rather than with inline styles (the page's CSP forbids those).
const observer = new MutationObserver(() => {
  const bars = document.querySelectorAll(".bar[data-w]");
  const max = Math.max(1, ...Array.from(bars, (b) => Number(b.dataset.w)));
  bars.forEach((b) => { b.style.width = `${(55 * Number(b.dataset.w)) / max}%`; });
  document.querySelectorAll("[data-fill]").forEach((f) => { f.style.width = `${100 * Number(f.dataset.fill)}%`; });
});

function keys(event) {
  if (event.target instanceof HTMLInputElement) return;
  const map = { ArrowRight: ["advance"], " ": ["advance"], a: ["advance", { all: true }], v: ["vote/open"],
                c: ["vote/close"], w: ["wait"], e: ["end"],
                u: ["pace", { auto: !(state && state.pace && state.pace.auto) }],
                r: ["reveal", { on: !state || state.phase !== "reveal" }] };
  const action = map[event.key];
  if (!action) return;
  event.preventDefault();
  act(...action);
}

token = takeToken();
if (!token) {
  problem("Open the projector link the server printed (it ends in #…).");
} else {
  observer.observe(document.body, { childList: true, subtree: true });
  document.addEventListener("keydown", keys);
  loadQr();
  connectLive({
    streamPath: "/api/v1/room/teacher/events",
    pollPath: "/api/v1/room/teacher",
    token,
    onState: render,
    onGone: (message) => problem(message),
  });
}
