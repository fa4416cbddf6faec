// The discernment check on the play page (solo play). The server says whether one is due
// (GET /api/v1/check/offer, the window's rule); the player takes it here one chat at a time or
// says "Not now" (holds for this tab); the answers go to the server once, at the end or when the
// player stops (POST /api/v1/check, with a request id, so a retry stores nothing more).
//
// await offerCheck(player, moment, show)  moment: "chat" (starting one) | "debrief" (leaving one)
// resolves when the player is done with it (taken, stopped or declined), never with an error.

import { api, el, postWithRetry, requestId } from "/static/js/api.js";
import { checkCard } from "/static/js/check_card.js";

const NOT_NOW = "redflags.check.notnow";
const $ = (id) => document.getElementById(id);

function declined() {
  try { return sessionStorage.getItem(NOT_NOW) === "1"; } catch (err) { return false; }
}

function decline() {
  try { sessionStorage.setItem(NOT_NOW, "1"); } catch (err) { /* private mode: asked again next time */ }
}

function ask(offer) {
  return new Promise((resolve) => {
    const dialog = $("dlg-check");
    const w = offer.words;
    $("check-offer-title").textContent = w.title;
    $("check-offer-body").textContent = w.offer;
    $("check-offer-note").textContent = w.not_a_test;
    $("check-take").textContent = w.take;
    $("check-not-now").textContent = w.not_now;
    const done = (take) => {
      dialog.onclose = null;
      if (dialog.open) dialog.close();
      resolve(take);
    };
    $("check-take").onclick = () => done(true);
    $("check-not-now").onclick = () => done(false);
    dialog.onclose = () => done(false);          // Escape: not now
    dialog.showModal();
    $("check-take").focus();
  });
}

function take(offer, player, show) {
  return new Promise((resolve) => {
    const w = offer.words;
    const answers = [];
    const body = $("check-body");
    let chosen = null;
    let sending = false;
    show("check");
    $("check-title").textContent = w.title;

    async function finish() {
      if (sending) return;
      sending = true;
      const payload = { form: offer.form, phase: offer.phase, answers, request_id: requestId() };
      if (player.nick) payload.player = player.nick;
      if (player.klass) payload.class = player.klass;
      let words = { message: "", improvement: "" };
      if (answers.length) {
        try {
          words = await postWithRetry("/api/v1/check", payload);
        } catch (err) {
          words = { message: err.message, improvement: "" };
        }
      }
      const next = el("button", { type: "button", class: "primary", id: "check-continue", onclick: () => resolve() },
        w.continue);
      body.replaceChildren(el("p", { class: "check-message", role: "status" }, words.message || w.stopped_empty),
        words.improvement ? el("p", {}, words.improvement) : null, next);
      next.focus();
    }

    function record(entry) {
      answers.push(entry);
      chosen = null;
      if (answers.length >= offer.items.length) finish();
      else draw(true);
    }

    function draw(moveFocus) {
      const item = offer.items[answers.length];
      const { parts, heading } = checkCard({
        item, words: w, number: answers.length + 1, total: offer.items.length, chosen,
        onPick: (kind) => { chosen = kind; draw(false); },
        onSure: (n) => record({ item: item.id, answer: chosen, confidence: n }),
        onSkip: () => record({ item: item.id, answer: "skip" }),
        onBack: () => { chosen = null; draw(false); },
      });
      const intro = answers.length === 0 && !chosen ? [el("p", {}, w.intro), el("p", { class: "dim" }, w.not_a_test)] : [];
      body.replaceChildren(...intro, ...parts,
        el("button", { type: "button", class: "check-stop", onclick: () => { if (confirm(w.stop_confirm)) finish(); } },
          w.stop));
      if (moveFocus) heading.focus();
    }

    draw(false);
    $("check-title").focus();
  });
}

export async function offerCheck(player, moment, show) {
  if (!player.nick || declined()) return;
  let found;
  try {
    const query = new URLSearchParams({ player: player.nick, moment });
    if (player.klass) query.set("class", player.klass);
    found = await api("GET", `/api/v1/check/offer?${query}`);
  } catch (err) {
    return;                     // never let the check stand between a player and a chat
  }
  const offer = found && found.offer;
  if (!offer) return;
  if (!(await ask(offer))) {
    decline();
    return;
  }
  await take(offer, player, show);
}
