// The debrief: what happened, the score in words, every red flag spotted or missed with
// its explanation, harmless messages flagged (explained kindly), the questions, and help.
// All sentences come from the server (game/debrief.py); this only lays them out.

import { el } from "/static/js/api.js";
import { badge, replaySection } from "/static/play/replay.js";
import { practiceNote } from "/static/play/practice.js";
import { mapSection } from "/static/play/branch_map.js";

function part(p) {
  const value = p.percent === null ? "not scored" : `${p.percent}%`;
  const box = el("div", { class: "part" },
    el("div", { class: "part-name" }, el("span", {}, p.name), el("span", {}, value)));
  if (p.percent !== null) {
    const bar = el("div", { class: "meter", role: "img", "aria-label": `${p.name}: ${value}` });
    const fill = el("span");
    fill.style.width = `${p.percent}%`;
    bar.append(fill);
    box.append(bar);
  }
  box.append(el("p", {}, p.meaning));
  return box;
}

function helpSection(d) {
  const help = el("section", { id: "debrief-help", "aria-labelledby": "help-head", tabindex: "-1" },
    el("h2", { id: "help-head" }, d.words.get_help));
  for (const s of d.never_your_fault) help.append(el("p", { class: "fault" }, s));
  help.append(el("p", { class: "strong" }, d.words.contact));
  const ul = el("ul", { class: "help-list" });
  for (const r of d.help) {
    ul.append(el("li", {}, el("strong", {}, r.name), ` (${r.region}): ${r.purpose} `,
      [r.website, r.phone].filter(Boolean).join(", ")));
  }
  help.append(ul);
  return help;
}

function scoreSection(d) {
  const parts = el("section", { "aria-labelledby": "score-title" }, el("h2", { id: "score-title" }, d.words.scored));
  if (d.complete && d.total !== null) {
    parts.append(el("p", { class: d.help_first ? "score-total small-total" : "score-total" }, d.words.score.replace("{total}", d.total)));
  }
  for (const p of d.parts) parts.append(part(p));
  return parts;
}

// After an unsafe ending the page leads with what happened, what to do now and where to get help;
// the score follows, in small. Otherwise the score comes first and the help last.
// hooks: onRetry(decision) for "try again from here"; onBack() leaves a practice run's debrief.
export function renderDebrief(root, d, hooks = {}) {
  root.replaceChildren();
  if (d.practice && hooks.onBack) root.append(practiceNote(d.practice, hooks.onBack));
  const ending = d.ending ? el("section", { class: "card" }, el("h2", {}, d.ending.title), el("p", {}, d.ending.text)) : null;
  const headline = el("p", { class: "headline" }, d.headline);
  if (d.help_first) {
    root.append(headline);
    if (ending) root.append(ending);
    const steps = el("ol", { class: "steps" });
    for (const s of d.first_steps) steps.append(el("li", {}, s));
    root.append(el("section", { class: "card what-to-do" }, el("h2", {}, d.words.what_to_do), steps));
    root.append(helpSection(d));
  } else {
    if (ending) root.append(ending);
    root.append(headline);
    if (d.report_note) root.append(el("p", { class: "report-note" }, d.report_note));
  }
  if (d.summary || d.sections.length) {
    const box = el("section", {}, el("h2", {}, d.safe_person ? d.words.was_safe.replace("{name}", d.stranger) : d.words.going_on));
    for (const text of [d.summary, ...d.sections]) if (text) box.append(el("p", {}, text));
    if (d.help_first) root.append(box);
    else { root.append(scoreSection(d)); root.append(box); }
  } else if (!d.help_first) {
    root.append(scoreSection(d));
  }
  if (d.help_first) root.append(scoreSection(d));
  // the replay explains every red flag under its message; the lists are for a debrief without one
  const words = d.replay_words;
  const replayed = d.replay && d.replay.length;
  for (const status of replayed ? [] : ["spotted", "missed", "false_alarm"]) {
    const items = d.items.filter((i) => i.status === status);
    if (!items.length) continue;
    const list = el("ul", { class: "review" });
    for (const item of items) {
      const mark = badge(status, words);
      const where = item.number ? `Message ${item.number}` : "Profile";
      list.append(el("li", { class: status },
        el("div", { class: "row" }, mark,
          el("span", { class: "dim small" }, [where, ...item.categories].join(" · "))),
        el("p", { class: "quote" }, `“${item.text}”`),
        item.why ? el("p", { class: "why" }, item.why) : null));
    }
    root.append(el("section", {}, el("h2", {}, words[`${status}_title`]), list));
  }
  if (replayed) root.append(replaySection(d, hooks.onRetry || null));
  if (d.map && d.map.nodes.length) root.append(mapSection(d.map, root.clientWidth || 320));
  root.append(el("section", {}, el("h2", {}, d.words.shared),
    el("p", {}, d.disclosed.length ? d.disclosed.join(", ") : d.words.nothing_shared)));
  if (d.questions.length) {
    const ul = el("ul");
    for (const q of d.questions) ul.append(el("li", {}, q));
    root.append(el("section", {}, el("h2", {}, d.words.talk), el("p", { class: "dim" }, d.words.talk_intro), ul));
  }
  if (!d.help_first) root.append(helpSection(d));
}

// The footer's "Get help": bring the help section into view and move the focus there.
export function showHelp() {
  const help = document.getElementById("debrief-help");
  if (!help) return;
  help.scrollIntoView({ block: "start" });
  help.focus();
}
