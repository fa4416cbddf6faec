// The debrief's branch map as an inline SVG picture. The server lays it out (game.graph.map_layout,
// the window's layout: every node's column and row) and this scales it to the page: moments are
// circles, endings squares with their kind's shape (tick, bar, warning) and word under them; the
// player's path is the thick line, every node on it numbered in order, never colour alone. The
// path is also a numbered list under the picture (its text alternative). Words: game.debrief.map_words.

import { el } from "/static/js/api.js";

const NS = "http://www.w3.org/2000/svg";
const PAD = 40;          // around the map (room for "Start" and the ending words)
const STEP_Y = 80;
const MIN_STEP_X = 76;   // below this the map scrolls sideways instead of shrinking
const MAX_STEP_X = 140;
const R = 16;            // a moment's radius; an ending is a square of 2R + 4

function svg(name, attrs = {}, ...children) {
  const node = document.createElementNS(NS, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  for (const child of children) if (child) node.append(child);
  return node;
}

function text(x, y, content, cls) {
  const t = svg("text", { x, y, class: cls, "text-anchor": "middle" });
  t.textContent = content;
  return t;
}

// The ending's kind as a shape (as the window's outcome icons): a tick, a bar, a warning triangle.
function kindShape(outcome, x, y, size, cls) {
  const h = size / 2;
  if (outcome === "unsafe") {
    return svg("g", { class: cls },
      svg("path", { d: `M${x} ${y - h} L${x + h} ${y + h * 0.8} L${x - h} ${y + h * 0.8} Z`, fill: "none" }),
      svg("path", { d: `M${x} ${y - h * 0.3} V${y + h * 0.25}` }),
      svg("circle", { cx: x, cy: y + h * 0.52, r: 1.2 }));
  }
  const mark = outcome === "safe" ? `M${x - h * 0.5} ${y} L${x - h * 0.1} ${y + h * 0.4} L${x + h * 0.55} ${y - h * 0.4}`
    : `M${x - h * 0.5} ${y} H${x + h * 0.5}`;
  return svg("g", { class: cls }, svg("circle", { cx: x, cy: y, r: h, fill: "none" }), svg("path", { d: mark, fill: "none" }));
}

function picture(m, width) {
  const cols = Math.max(1, m.columns);
  const stepX = cols > 1 ? Math.max(MIN_STEP_X, Math.min(MAX_STEP_X, (width - 2 * PAD) / (cols - 1))) : 0;
  const w = Math.round(cols > 1 ? 2 * PAD + (cols - 1) * stepX : Math.max(width, 2 * PAD));
  const h = Math.round(2 * PAD + (m.rows - 1) * STEP_Y + 18);
  const at = {};
  for (const n of m.nodes) at[n.id] = [cols > 1 ? PAD + n.x * stepX : w / 2, PAD + n.y * STEP_Y];
  const pic = svg("svg", { class: "map-svg", viewBox: `0 0 ${w} ${h}`, width: w, height: h, role: "img",
    "aria-label": m.label, "aria-describedby": "map-path" });
  const lines = svg("g", { class: "map-edges" });
  const path = svg("g", { class: "map-path-line" });
  for (const e of m.edges) {
    if (!at[e.source] || !at[e.target]) continue;
    const [x1, y1] = at[e.source];
    const [x2, y2] = at[e.target];
    (e.taken ? path : lines).append(svg("line", { x1, y1, x2, y2, class: e.taken ? "map-edge taken" : "map-edge" }));
  }
  pic.append(lines, path);
  for (const n of m.nodes) {
    const [x, y] = at[n.id];
    const on = n.step !== null;
    const cls = `map-node ${n.kind}${on ? " on-path" : ""}${n.outcome ? ` ${n.outcome}` : ""}`;
    const g = svg("g", { class: cls, "data-node": n.id });
    if (n.kind === "ending") {
      const s = R + 2;
      g.append(svg("rect", { x: x - s, y: y - s, width: 2 * s, height: 2 * s, rx: 4 }));
      if (!on) g.append(kindShape(n.outcome, x, y, R + 2, "map-kind"));
      const word = text(x + 8, y + s + 16, n.label, "map-label");
      g.append(kindShape(n.outcome, x - 4 - n.label.length * 3.6, y + s + 11, 11, "map-kind small"), word);
    } else {
      g.append(svg("circle", { cx: x, cy: y, r: R }));
    }
    if (on) g.append(text(x, y + 5, String(n.step), "map-step"));
    pic.append(g);
  }
  if (m.nodes.length) {
    const [x, y] = at[m.nodes[0].id];
    pic.append(text(x, y - R - 10, m.words.start, "map-start"));
  }
  return pic;
}

// The section: heading, key, the picture (scrolls sideways on a narrow screen) and the path list.
// `width` is the page column's width in CSS pixels, to fit the map to it.
export function mapSection(m, column) {
  const w = m.words;
  const width = column - 4;          // inside the box's borders
  const pic = picture(m, width);
  const wide = Number(pic.getAttribute("width")) > width;
  const box = el("div", wide ? { class: "map-scroll", tabindex: "0", role: "group", "aria-label": w.title }
    : { class: "map-scroll" }, pic);
  const list = el("ol", { class: "map-path", id: "map-path", "aria-labelledby": "map-path-title" });
  for (const row of m.path) {
    list.append(el("li", { class: row.ending ? `ending ${row.ending}` : "", "data-step": String(row.step) }, row.text));
  }
  return el("section", { class: "map-section", "aria-labelledby": "map-title" },
    el("h2", { id: "map-title" }, w.title), el("p", { class: "dim" }, w.intro),
    wide ? el("p", { class: "dim small map-hint" }, w.scroll) : null, box,
    el("h3", { id: "map-path-title" }, w.path_title), list);
}
