// The debrief's replay: every line of the chat, the red flags marked Spotted / Missed (a badge
// with its word and icon, never colour alone), and under each of the player's replies the
// replies they did not pick, with a button to try again from that reply when the page offers it.
// The rows and every word come from the server (game/play/replay.py, game.debrief.replay_words).

import { el } from "/static/js/api.js";
import { icon } from "/static/play/icons.js";

const ICON = { spotted: "flag", missed: "flag-outline", false_alarm: "flag-outline" };

function badge(mark, words) {
  return el("span", { class: `status-badge ${mark}` }, icon(ICON[mark]), words[mark]);
}

function strangerLine(row, name, first, words) {
  const extra = [];
  if (row.picture) extra.push(words.picture);
  if (row.link) extra.push(words.link.replace("{link}", row.link));
  const text = [row.text, ...extra].filter(Boolean).join(" ") || "…";
  const li = el("li", { class: `rline in ${row.who}${row.mark ? ` marked ${row.mark}` : ""}`, "data-item": row.item_id || "" });
  if (first && row.who === "stranger") li.append(el("span", { class: "rwho" }, name));
  const head = [];
  if (row.n) head.push(el("span", { class: "rnum dim small" }, words.message.replace("{n}", row.n)));
  if (row.mark) head.push(badge(row.mark, words));
  if (head.length) li.append(el("div", { class: "rhead" }, ...head));
  li.append(el("p", { class: "rbubble" }, text));
  return li;
}

function playerLine(row, first, words, onRetry) {
  const li = el("li", { class: "rline out", "data-decision": String(row.decision) });
  if (first) li.append(el("span", { class: "rwho" }, words.you));
  li.append(el("p", { class: "rbubble" }, row.text || "…"));
  if (row.shared.length) li.append(el("p", { class: "rnote" }, words.shared.replace("{kinds}", row.shared.join(", "))));
  if (row.adult) li.append(el("p", { class: "rnote" }, words.adult));
  if (row.others.length || onRetry) {
    const box = el("div", { class: "not-picked" });
    if (row.others.length) {
      const id = `others-${row.decision}`;
      const list = el("ul", { "aria-labelledby": id });
      for (const other of row.others) list.append(el("li", {}, `“${other}”`));
      box.append(el("p", { class: "not-picked-head", id }, words.others), list);
    }
    if (onRetry) {
      const button = el("button", { type: "button", class: "small-button retry", "data-retry": String(row.decision) },
        words.retry);
      button.addEventListener("click", () => onRetry(row.decision, button));
      box.append(button);
    }
    li.append(box);
  }
  return li;
}

// The replay section; `onRetry(decision, button)` (optional) starts a practice run from a reply.
export function replaySection(d, onRetry = null) {
  const words = d.replay_words;
  const list = el("ol", { class: "replay" });
  let previous = null;
  for (const row of d.replay) {
    if (row.who === "player") list.append(playerLine(row, previous !== "player", words, onRetry));
    else if (row.who === "end") list.append(el("li", { class: "rline end" }, el("p", {}, row.text)));
    else list.append(strangerLine(row, d.stranger, previous !== "stranger", words));
    previous = row.who;
  }
  return el("section", { class: "replay-section", "aria-labelledby": "replay-title" },
    el("h2", { id: "replay-title" }, d.safe_person ? words.title_safe : words.title), list);
}
