// The discernment check on a student's device in a class session: one short chat at a time,
// "Red flag" or "Safe", then how sure (1-4), or Skip; "Stop the check" at any time (never
// required). Every word comes from the server (state.check.words, from game/checks/words.py).
// An answer names its item and carries a request id, so a retry on a bad connection counts once.

import { el, postWithRetry } from "./api.js";
import { checkCard } from "./check_card.js";

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
  return checkCard({
    item, words, number: check.number, total: check.total,
    chosen: chosen && chosen.item === item.id ? chosen.answer : null,
    onPick: (kind) => { chosen = { item: item.id, answer: kind }; render(check); },
    onSure: (n) => answer(chosen.answer, n),
    onSkip: () => answer("skip"),
    onBack: () => { chosen = null; render(check); },
  });
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
