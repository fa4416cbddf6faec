// The debrief: what happened, the score in words, every red flag spotted or missed with
// its explanation, harmless messages flagged (explained kindly), the questions, and help.
// All sentences come from the server (game/debrief.py); this only lays them out.

import { el } from "/static/js/api.js";

const ICONS = "/static/play/icons.svg";
const STATUS = {
  spotted: { word: "Spotted", icon: "flag", title: "Red flags you spotted" },
  missed: { word: "Missed", icon: "flag-outline", title: "Red flags you missed" },
  false_alarm: { word: "Flagged, but harmless", icon: "flag-outline", title: "Flagged, but harmless" },
};

function icon(name) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("class", "icon");
  svg.setAttribute("aria-hidden", "true");
  const use = document.createElementNS("http://www.w3.org/2000/svg", "use");
  use.setAttribute("href", `${ICONS}#${name}`);
  svg.append(use);
  return svg;
}

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

export function renderDebrief(root, d) {
  root.replaceChildren();
  if (d.ending) {
    root.append(el("section", { class: "card" }, el("h2", {}, d.ending.title), el("p", {}, d.ending.text)));
  }
  root.append(el("p", { class: "headline" }, d.headline));
  if (d.complete && d.total !== null) root.append(el("p", { class: "score-total" }, `Score: ${d.total} / 100`));
  const parts = el("section", { "aria-labelledby": "score-title" }, el("h2", { id: "score-title" }, "Your score, part by part"));
  for (const p of d.parts) parts.append(part(p));
  root.append(parts);
  if (d.summary || d.sections.length) {
    const box = el("section", {}, el("h2", {}, d.safe_person ? `${d.stranger} was safe` : "What was really going on"));
    for (const text of [d.summary, ...d.sections]) if (text) box.append(el("p", {}, text));
    root.append(box);
  }
  for (const status of ["spotted", "missed", "false_alarm"]) {
    const items = d.items.filter((i) => i.status === status);
    if (!items.length) continue;
    const meta = STATUS[status];
    const list = el("ul", { class: "review" });
    for (const item of items) {
      const badge = el("span", { class: `status-badge ${status}` }, icon(meta.icon), meta.word);
      const where = item.number ? `Message ${item.number}` : "Profile";
      list.append(el("li", { class: status },
        el("div", { class: "row" }, badge,
          el("span", { class: "dim small" }, [where, ...item.categories].join(" · "))),
        el("p", { class: "quote" }, `“${item.text}”`),
        item.why ? el("p", { class: "why" }, item.why) : null));
    }
    root.append(el("section", {}, el("h2", {}, meta.title), list));
  }
  if (d.disclosed.length) {
    root.append(el("section", {}, el("h2", {}, "What you shared"), el("p", {}, d.disclosed.join(", "))));
  }
  if (d.questions.length) {
    const ul = el("ul");
    for (const q of d.questions) ul.append(el("li", {}, q));
    root.append(el("section", {}, el("h2", {}, "Talk about it"), ul));
  }
  const help = el("section", { "aria-labelledby": "help-head" }, el("h2", { id: "help-head" }, "Where to get help"));
  for (const s of d.never_your_fault) help.append(el("p", { class: "fault" }, s));
  const ul = el("ul", { class: "help-list" });
  for (const r of d.help) {
    ul.append(el("li", {}, el("strong", {}, r.name), ` (${r.region}): ${r.purpose} `,
      [r.website, r.phone].filter(Boolean).join(", ")));
  }
  help.append(ul);
  root.append(help);
}
