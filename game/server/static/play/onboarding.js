// The practice chat on the play page (game/play/onboarding.py): the picker offers it to a new
// nickname; it is played like any chat, with a coach card that ticks off three steps (the
// server says which are done), and it is never stored or scored. Finishing, skipping,
// declining or a quick exit all count as "seen": the server remembers it for a nickname,
// this browser's localStorage for a player without one. All words come from the server.

import { api, postWithRetry, el } from "/static/js/api.js";

const LOCAL = "redflags.practice.seen";   // "1" once a player without a nickname has met it here

function localSeen() {
  try { return localStorage.getItem(LOCAL) === "1"; } catch (err) { return false; }
}

export async function markSeen(player, beacon = false) {
  if (!player.nick) {
    try { localStorage.setItem(LOCAL, "1"); } catch (err) { /* private mode */ }
    return;
  }
  const body = { player: player.nick };
  if (beacon && navigator.sendBeacon) navigator.sendBeacon("/api/v1/practice/seen", JSON.stringify(body));
  else await postWithRetry("/api/v1/practice/seen", body).catch(() => {});
}

// The server's offer for this player, or null (not due, already seen here, or no answer).
export async function fetchOffer(player) {
  if (!player.nick && localSeen()) return null;
  try {
    const answer = await api("GET", `/api/v1/practice/offer${player.nick ? `?player=${encodeURIComponent(player.nick)}` : ""}`);
    return answer.due ? answer.offer : null;
  } catch (err) {
    return null;                // no offer: the real chats are there anyway
  }
}

// The offer on the picker, in `box`; onStart() starts the practice, onDecline() after the player declines.
export function showOffer(offer, player, box, onStart, onDecline) {
  box.replaceChildren();
  box.hidden = true;
  if (!offer) return;
  const w = offer;
  const start = el("button", { type: "button", class: "primary", id: "practice-start" }, w.start);
  const no = el("button", { type: "button", id: "practice-no" }, w.no);
  start.addEventListener("click", onStart);
  no.addEventListener("click", () => {
    markSeen(player);
    box.hidden = true;
    box.replaceChildren();
    if (onDecline) onDecline();
  });
  box.append(el("section", { class: "card practice-offer", "aria-labelledby": "practice-offer-title" },
    el("h2", { id: "practice-offer-title" }, w.title), el("p", {}, w.body), el("div", { class: "row" }, start, no)));
  box.hidden = false;
}

// The coach card over the practice chat's messages: "Practice · ✓ 1. ... 2. ... 3. ...",
// the step to do now and how, and the skip button.
export function drawCoach(box, words, done, onSkip) {
  const step = done[2] ? -1 : done.findIndex((d) => !d);   // over: the last card, whatever was skipped
  const now = step < 0 ? words.all_done : words.steps[step];
  const marks = el("ol", { class: "coach-steps" });
  words.steps.forEach((s, i) => {
    marks.append(el("li", { class: done[i] ? "done" : "", "data-step-done": done[i] ? "1" : "0" },
      el("span", { "aria-hidden": "true" }, done[i] ? "✓ " : `${i + 1}. `), s.title));
  });
  const head = el("p", { class: "coach-word eyebrow" }, words.word);
  const title = el("p", { class: "coach-title", id: "coach-title" }, now.title);
  const how = el("p", { class: "coach-how dim small" }, now.how);
  const parts = [head, marks, title, how];
  if (!done[2]) {
    const skip = el("button", { type: "button", class: "small-button", id: "coach-skip" }, words.skip);
    skip.addEventListener("click", onSkip);
    parts.push(skip);
  }
  box.replaceChildren(...parts);
  box.hidden = false;
}
