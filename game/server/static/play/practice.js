// "Try again" from a reply of the debrief: a practice run from one of the player's replies (docs/solo-play.md,
// POST /api/v1/play/TOKEN/practice). The server rebuilds the chat as it was before that reply
// and never stores the run; the page plays it as any chat, with a bar that says it is practice
// and leads back to the debrief. Every word comes from the server (game.play.practice).

import { postWithRetry, el } from "/static/js/api.js";

// Start a practice run from reply `decision` of the ended chat `token`; resolves to its token.
export async function startPractice(token, decision) {
  const answer = await postWithRetry(`/api/v1/play/${token}/practice`, { decision });
  return answer.session;
}

// The bar at the top of the chat during a practice run: the badge and the way back.
// `words` is the chat view's `practice` (null for a chat that is not practice: the bar goes).
export function markPractice(words, onBack) {
  const view = document.getElementById("view-chat");
  let bar = document.getElementById("practice-bar");
  if (!words) {
    if (bar) bar.remove();
    return;
  }
  if (!bar) {
    bar = el("div", { id: "practice-bar", class: "practice-bar", role: "note" });
    view.prepend(bar);
  }
  const back = el("button", { type: "button", class: "small-button", id: "practice-back" }, words.back);
  back.addEventListener("click", onBack);
  bar.replaceChildren(el("strong", { class: "practice-badge" }, words.badge), back);
}

// The top of a practice run's debrief: the badge, "this was a practice run ... not saved", the way back.
export function practiceNote(words, onBack) {
  const back = el("button", { type: "button", class: "primary", id: "practice-home" }, words.back);
  back.addEventListener("click", onBack);
  return el("section", { class: "card practice-note", "aria-label": words.badge },
    el("p", { class: "practice-badge" }, words.badge), el("p", {}, words.note), back);
}
