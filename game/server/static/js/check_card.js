// One chat of the discernment check, drawn the same way on every page that shows the check
// (a student's device in a class: js/check.js; solo play: play/check.js). Every word comes from
// the server (game/checks/words.py); this module only lays them out.
//
// checkCard({item, words, number, total, chosen, onPick, onSure, onSkip, onBack})
//   -> {parts: [nodes], heading}: the heading ("Chat 3 of 16"), the lines, then either
//   Red flag / Safe / Skip or (once one is chosen) How sure 1-4 and Back.
// Red flag and Safe look alike on purpose: the check must not nudge anyone towards either answer.

import { el } from "./api.js";

export function checkCard({ item, words, number, total, chosen, onPick, onSure, onSkip, onBack }) {
  const platform = words.platforms[item.platform] || item.platform;
  const lines = item.lines.map((line) =>
    el("li", { class: `check-line ${line.from === "you" ? "out" : "in"}` },
      el("span", { class: "who" }, words.speakers[line.from] || line.from), el("span", { class: "text" }, line.text)));
  const title = (words.item_of || "").replace("{number}", String(number)).replace("{total}", String(total));
  const heading = el("h2", { id: "check-item-title", tabindex: "-1" }, title);
  const parts = [heading, el("p", { class: "dim check-platform" }, platform),
                 el("ol", { class: "check-lines", "aria-label": platform }, ...lines)];
  if (!chosen) {
    parts.push(el("p", { class: "check-question", id: "check-question" }, words.question),
      el("div", { class: "check-buttons", role: "group", "aria-labelledby": "check-question" },
        el("button", { type: "button", class: "check-answer", "data-answer": "red", onclick: () => onPick("red") },
          words.red),
        el("button", { type: "button", class: "check-answer", "data-answer": "safe", onclick: () => onPick("safe") },
          words.safe),
        el("button", { type: "button", class: "check-skip", "data-answer": "skip", onclick: onSkip }, words.skip)));
  } else {
    parts.push(el("p", { class: "check-question", id: "check-sure" },
      `${chosen === "red" ? words.red : words.safe} · ${words.how_sure}`),
      el("div", { class: "check-buttons sure", role: "group", "aria-labelledby": "check-sure" },
        ...[1, 2, 3, 4].map((n) => el("button", { type: "button", class: "check-sure", "data-sure": String(n),
                                                 onclick: () => onSure(n) },
          el("strong", {}, String(n)), ` ${words.confidence[String(n)]}`)),
        el("button", { type: "button", class: "check-back", onclick: onBack }, words.back)));
  }
  return { parts, heading };
}
