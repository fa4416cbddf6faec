// The debrief's replay: every line of the chat, the red flags marked Spotted / Missed (a badge
// with its word and icon, never colour alone), and under each of the player's replies the
// replies they did not pick, with a button to try again from that reply when the page offers it.
// The rows and every word come from the server (game/play/replay.py, game.debrief.replay_words).

import { el } from "/static/js/api.js";
import { icon } from "/static/play/icons.js";

const ICON = { spotted: "flag", missed: "flag-outline", false_alarm: "flag-outline" };

export function badge(mark, words) {
  return el("span", { class: `status-badge ${mark}` }, icon(ICON[mark]), words[mark]);
}

// Why a spotted or missed item matters (or why a harmless one was fine): under its line, once.
function explanation(item) {
  if (!item) return null;
  const box = el("div", { class: `why-box ${item.status}` });
  if (item.categories.length && item.status !== "false_alarm") box.append(el("p", { class: "why-cats" }, item.categories.join(" · ")));
  if (item.why) box.append(el("p", { class: "why" }, item.why));
  return box.childNodes.length ? box : null;
}

function strangerLine(row, name, first, words, item) {
  const extra = [];
  if (row.picture) extra.push(words.picture);
  if (row.link) extra.push(words.link.replace("{link}", row.link));
  const text = [row.text, ...extra].filter(Boolean).join(" ") || "…";
  const li = el("li", { class: `rline in ${row.who}${row.mark ? ` marked ${row.mark}` : ""}`, "data-item": row.item_id || "" });
  if (first && row.who === "stranger") li.append(el("span", { class: "rwho" }, name));
  const head = [];
  // the message's number beside its mark (the number the player could flag it by); plain lines stay plain
  if (row.n && row.mark) head.push(el("span", { class: "rnum dim small" }, words.message.replace("{n}", row.n)));
  if (row.mark) head.push(badge(row.mark, words));
  if (head.length) li.append(el("div", { class: "rhead" }, ...head));
  li.append(el("p", { class: "rbubble" }, text));
  const why = explanation(item);
  if (why) li.append(why);
  return li;
}

// Spotted × 2, Missed × 3: which counts are shown is the server's (game.debrief.tally, the rule
// the window and the terminal follow too: no "Spotted × 0" after an unsafe ending).
function tally(d, words) {
  const row = el("p", { class: "tally" });
  for (const { status, count } of d.tally || []) {
    row.append(el("span", { class: "tally-cell" }, badge(status, words), ` × ${count}`));
  }
  if (row.childNodes.length) return row;
  return d.items.length || d.safe_person ? el("p", {}, words.none_flagged) : null;
}

function reviewItem(item, words) {
  const text = item.text.startsWith("Profile - ") ? item.text.slice("Profile - ".length) : item.text;
  return el("li", { class: `rline in marked ${item.status}`, "data-item": item.id },
    el("div", { class: "rhead" }, badge(item.status, words)), el("p", { class: "rbubble" }, text), explanation(item));
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
// Each red flag (and each harmless message flagged) is explained under its line, the first time
// it was shown; the profile's come first, as they were there all along.
export function replaySection(d, onRetry = null) {
  const words = d.replay_words;
  const items = new Map(d.items.map((i) => [i.id, i]));
  const explained = new Set();
  const section = el("section", { class: "replay-section", "aria-labelledby": "replay-title" },
    el("h2", { id: "replay-title" }, d.safe_person ? words.title_safe : words.title), tally(d, words));
  if (!d.items.length && !d.safe_person) section.append(el("p", { class: "dim" }, words.none_shown));
  const profile = d.items.filter((i) => i.number === null && i.id.startsWith("profile."));
  if (profile.length) {
    const list = el("ul", { class: "replay" });
    for (const item of profile) { list.append(reviewItem(item, words)); explained.add(item.id); }
    section.append(el("h3", {}, words.profile.replace("{name}", d.stranger)), list);
  }
  const list = el("ol", { class: "replay" });
  let previous = null;
  for (const row of d.replay) {
    if (row.who === "player") list.append(playerLine(row, previous !== "player", words, onRetry));
    else if (row.who === "end") list.append(el("li", { class: "rline end" }, el("p", {}, row.text)));
    else {
      const item = row.mark && !explained.has(row.item_id) ? items.get(row.item_id) : null;
      if (item) explained.add(item.id);
      list.append(strangerLine(row, d.stranger, previous !== "stranger", words, item));
    }
    previous = row.who;
  }
  section.append(el("h3", {}, words.messages), list);
  const rest = d.items.filter((i) => !explained.has(i.id));     // never hide a flag, even one not in the log
  if (rest.length) {
    const more = el("ul", { class: "replay" });
    for (const item of rest) more.append(reviewItem(item, words));
    section.append(more);
  }
  return section;
}
