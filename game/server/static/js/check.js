// The discernment check on a student's device in a class session: one short chat at a time,
// "Red flag" or "Safe", then how sure (1-4), or Skip; "Stop the check" at any time (never
// required). Every word comes from the server (state.check.words, from game/checks/words.py).
// An answer names its item and carries a request id, so a retry on a bad connection counts once.

import { el, postWithRetry } from "./api.js";

const $ = (id) => document.getElementById(id);

let token = null;
let onChange = () => {};
let check = null;
let chosen = null;        // {item, answer}: red/safe picked, waiting for how sure
let shownItem = null;     // the item whose heading last got the focus
let sending = false;

export function setupCheck(studentToken, changed) {
  token = studentToken;
  onChange = changed;
}

function problem(message) {
  const box = $("check-problem");
  box.textContent = message || "";
  box.classList.toggle("hidden", !message);
}

async function send(path, body) {
  if (sending) return;
  sending = true;
  problem("");
  try {
    const answer = await postWithRetry(path, body, token);
    chosen = null;
    onChange(answer.check);
  } catch (err) {
    problem(err.message);
  } finally {
    sending = false;
  }
}

function answer(kind, confidence) {
  const body = { item: check.item.id, answer: kind };
  if (confidence) body.confidence = confidence;
  send("/api/v1/room/check/answer", body);
}

function stop() {
  if (confirm(check.words.stop_confirm)) send("/api/v1/room/check/leave", {});
}

function itemView(words) {
  const item = check.item;
  const platform = words.platforms[item.platform] || item.platform;
  const lines = item.lines.map((line) =>
    el("li", { class: `bubble ${line.from === "you" ? "out" : "in"}` },
      el("span", { class: "who" }, words.speakers[line.from] || line.from), el("span", { class: "text" }, line.text)));
  const heading = el("h2", { id: "check-item-title", tabindex: "-1" }, words.item_of);
  const parts = [heading, el("p", { class: "dim check-platform" }, platform),
                 el("ol", { class: "messages check-lines", "aria-label": platform }, ...lines)];
  if (!chosen || chosen.item !== item.id) {
    parts.push(el("p", { class: "check-question", id: "check-question" }, words.question),
      el("div", { class: "check-buttons", role: "group", "aria-labelledby": "check-question" },
        el("button", { type: "button", class: "check-answer", "data-answer": "red",
                       onclick: () => { chosen = { item: item.id, answer: "red" }; render(check); } }, words.red),
        el("button", { type: "button", class: "check-answer", "data-answer": "safe",
                       onclick: () => { chosen = { item: item.id, answer: "safe" }; render(check); } }, words.safe),
        el("button", { type: "button", class: "check-skip", "data-answer": "skip",
                       onclick: () => answer("skip") }, words.skip)));
  } else {
    parts.push(el("p", { class: "check-question", id: "check-sure" },
      `${chosen.answer === "red" ? words.red : words.safe} · ${words.how_sure}`),
      el("div", { class: "check-buttons sure", role: "group", "aria-labelledby": "check-sure" },
        ...[1, 2, 3, 4].map((n) => el("button", { type: "button", class: "check-sure", "data-sure": String(n),
                                                 onclick: () => answer(chosen.answer, n) },
          el("strong", {}, String(n)), ` ${words.confidence[String(n)]}`)),
        el("button", { type: "button", class: "check-back", onclick: () => { chosen = null; render(check); } },
          words.back)));
  }
  return { parts, heading };
}

// Shows the check (returns true while the student is taking it, so the chat stays out of the way).
export function render(next) {
  check = next;
  const box = $("check");
  const body = $("check-body");
  document.body.dataset.check = check ? check.state : "";
  if (!check) {
    box.classList.add("hidden");
    shownItem = null;
    return false;
  }
  box.classList.remove("hidden");
  const words = check.words || {};
  $("check-title").textContent = words.title || "";
  if (check.state === "taking" && check.item) {
    const intro = check.answered === 0 ? [el("p", {}, words.intro), el("p", { class: "dim" }, words.not_a_test)] : [];
    const { parts, heading } = itemView(words);
    body.replaceChildren(...intro, ...parts,
      el("button", { type: "button", class: "check-stop", onclick: stop }, words.stop));
    if (shownItem !== check.item.id) {
      shownItem = check.item.id;
      if (check.answered > 0) heading.focus();
    }
    return true;
  }
  shownItem = null;
  body.replaceChildren(
    el("p", { class: "check-message", role: "status" }, check.message || ""),
    check.improvement ? el("p", { class: "check-improvement" }, check.improvement) : null);
  return false;
}
