// The teacher's page (works on a phone): pick the chat, pace it, run votes and discussions,
// reveal, rewind, and look after the room. The teacher token comes in the address
// (/teach#TOKEN) and is then kept in this tab only.

import { api, el, postWithRetry } from "./api.js";
import { connectLive } from "./live.js";

const $ = (id) => document.getElementById(id);
let token = null;
let state = null;

function takeToken() {
  const fromHash = location.hash.replace(/^#/, "");
  if (fromHash) {
    sessionStorage.setItem("redflags.teacher", fromHash);
    history.replaceState(null, "", location.pathname);   // keep the token off the screen
  }
  return fromHash || sessionStorage.getItem("redflags.teacher");
}

function problem(message) {
  const box = $("problem");
  box.textContent = message || "";
  box.classList.toggle("hidden", !message);
}

async function act(action, body = {}) {
  problem("");
  try {
    const next = await postWithRetry(`/api/v1/room/${action}`, body, token);
    render(next);
    return next;
  } catch (err) {
    problem(err.message);
    return null;
  }
}

function render(next) {
  state = next;
  $("code").textContent = state.join_code;
  $("joined").textContent = String(state.students.joined);
  $("phase").textContent = state.words;
  const storeError = $("store-error");   // the results cannot be saved now (kept and retried by the server)
  if (storeError) {
    if (storeError.textContent !== (state.store_error || "")) storeError.textContent = state.store_error || "";
    storeError.hidden = !state.store_error;
  }
  const can = state.can || {};
  $("advance").disabled = !can.advance;
  $("advance-all").disabled = !can.advance;
  $("vote-open").disabled = !can.open_vote;
  $("nudge").disabled = !state.next_nudge || !can.open_vote;
  $("end").disabled = !state.scenario || state.phase === "ended" || state.phase === "reveal";
  $("reveal").disabled = !can.reveal || state.phase === "reveal";
  $("lock").textContent = state.locked ? "Unlock the room" : "Lock the room";
  const pace = state.pace || { auto: false };
  $("pace").textContent = pace.auto ? `Auto-advance: every ${pace.seconds} s (turn off)` : "Auto-advance: off";
  $("pace").setAttribute("aria-pressed", String(Boolean(pace.auto)));
  $("picker-box").classList.toggle("hidden", Boolean(state.scenario) && !["ended", "reveal"].includes(state.phase));
  renderCheckBox();
  renderVote();
  renderIntro();
  renderDiscussion();
  renderTranscript();
  refreshStudents();
}

// The check: progress in counts only (never names or answers); no check while a chat is running.
function renderCheckBox() {
  const check = state.check;
  const running = Boolean(check && check.open);
  const chatRunning = Boolean(state.scenario) && !["ended", "reveal"].includes(state.phase);
  for (const id of ["check-pre", "check-post", "check-followup"]) $(id).disabled = running || chatRunning || state.closed;
  $("check-end").disabled = !running;
  let line = chatRunning && !running ? "End the chat to start the check." : "";
  if (check && check.phase) {
    line = `${running ? "Running" : "Ended"} (${check.words.phase}): ${check.words.progress}` +
      (check.started > check.finished ? ` · ${check.started - check.finished} part-way` : "");
  }
  $("check-progress").textContent = line;
  if (check && check.store_error) problem(check.store_error);
}

function renderVote() {
  const vote = state.vote;
  const open = vote && vote.open;
  $("vote-box").classList.toggle("hidden", !open);
  if (!open) return;
  $("voted").textContent = `· ${state.students.voted} of ${state.students.joined} voted`;
  const counts = vote.counts || {};
  $("vote-rows").replaceChildren(...vote.options.map((o) =>
    el("div", { class: "student-row tally" },
      el("span", { class: "name" }, `${/^\d+$/.test(o.key) ? o.key + ". " : ""}${o.text}`),
      el("span", { class: "count" }, String(counts[o.key] || 0)),
      el("label", { class: "dim" }, "hands ", el("input", { type: "number", min: "0", inputmode: "numeric",
                                                            "data-key": o.key, "aria-label": `show of hands for ${o.text}` })),
      el("button", { type: "button", onclick: () => act("vote/close", { key: o.key }) }, "Play this"))));
}

$("vote-close").addEventListener("click", () => {
  const tally = {};
  for (const input of $("vote-rows").querySelectorAll("input[data-key]")) {
    const n = parseInt(input.value, 10);
    if (n > 0) tally[input.dataset.key] = n;
  }
  act("vote/close", Object.keys(tally).length ? { tally } : {});
});

function renderIntro() {
  const show = state.phase === "intro";
  $("intro-box").classList.toggle("hidden", !show);
  if (!show) return;
  $("rules-title").textContent = state.ground_rules.title;
  $("rules").replaceChildren(...state.ground_rules.points.map((p) => el("li", {}, p)));
  $("content-notes").replaceChildren(...(state.content_notes || []).map((p) => el("li", {}, p)));
}

function renderDiscussion() {
  const questions = state.discussion_questions || [];
  $("questions").replaceChildren(...questions.map((q, i) =>
    el("button", { type: "button", "aria-pressed": state.discussion && state.discussion.number === i + 1 ? "true" : "false",
                   onclick: () => act("discussion", { question: i + 1 }) }, q)));
  $("resume").classList.toggle("hidden", !state.discussion);
  $("notes").textContent = state.facilitator_notes || "";
}

$("resume").addEventListener("click", () => act("discussion", { question: null }));

function renderTranscript() {
  const total = state.students.joined;
  $("transcript").replaceChildren(...(state.messages || []).map((m) =>
    el("li", {}, el("strong", {}, `[${m.n}] `), m.text, " ",
      el("span", { class: "dim" }, `· ${m.flagged} of ${total} flagged`),
      m.red_flags && m.red_flags.length ? el("span", { class: "rf" }, ` · red flag: ${m.red_flags.join(", ")}`) : null)));
  $("replies").replaceChildren(...(state.replies || []).map((r) =>
    el("li", { class: "student-row" }, el("span", { class: "name" }, `${r.number}. ${r.text}`),
      el("button", { type: "button", onclick: () => act("rewind", { reply: r.number }) }, "Go back to this reply"))));
}

let studentsTimer = null;
function refreshStudents() {
  if (studentsTimer) return;
  studentsTimer = setTimeout(async () => {
    studentsTimer = null;
    try {
      const list = await api("GET", "/api/v1/room/students", undefined, token);
      $("students").replaceChildren(...list.map((s) =>
        el("div", { class: "student-row" },
          el("span", { class: "name" }, s.player),
          el("span", { class: "dim" }, `${s.flags} flags${s.voted ? " · voted" : ""}`),
          el("button", { type: "button", onclick: () => rename(s) }, "Rename"),
          el("button", { type: "button", class: "danger", onclick: () => remove(s) }, "Remove"))));
    } catch (err) {
      problem(err.message);
    }
  }, 400);
}

function rename(s) {
  const nick = prompt(`New nickname for ${s.player} (letters, numbers, _ and -)`, s.player);
  if (nick && nick !== s.player) act("rename", { student: s.id, player: nick });
}

function remove(s) {
  if (confirm(`Remove ${s.player} from this class session?`)) act("remove", { student: s.id });
}

async function loadPicker() {
  const age = $("age").value;
  try {
    const list = await api("GET", `/api/v1/scenarios${age ? `?age=${age}` : ""}`);
    $("picker").replaceChildren(...list.map((s) =>
      el("button", { type: "button", onclick: () => act("start", { scenario: s.id }) },
        el("strong", {}, s.title), el("br"), el("span", { class: "dim" }, `${s.audience} · ${s.summary}`))));
  } catch (err) {
    problem(err.message);
  }
}

function wire() {
  $("advance").addEventListener("click", () => act("advance"));
  $("advance-all").addEventListener("click", () => act("advance", { all: true }));
  $("vote-open").addEventListener("click", () => act("vote/open"));
  $("nudge").addEventListener("click", () => act("wait"));
  $("pace").addEventListener("click", () => act("pace", { auto: !(state && state.pace && state.pace.auto) }));
  $("end").addEventListener("click", () => confirm("End the chat now? It counts as leaving.") && act("end"));
  $("reveal").addEventListener("click", () => act("reveal"));
  $("lock").addEventListener("click", () => act("lock", { locked: !state.locked }));
  $("close-room").addEventListener("click", () =>
    confirm("Close the room? The join code stops working.") && act("close"));
  $("age").addEventListener("change", loadPicker);
  for (const id of ["check-pre", "check-post", "check-followup"]) {
    $(id).addEventListener("click", () => act("check/start", { phase: $(id).dataset.phase }));
  }
  $("check-end").addEventListener("click", () =>
    confirm("End the check? Students who have not finished keep what they answered.") && act("check/end"));
}

token = takeToken();
wire();
if (!token) {
  problem("Open the teacher link the server printed (it ends in #…).");
} else {
  loadPicker();
  connectLive({
    streamPath: "/api/v1/room/teacher/events",
    pollPath: "/api/v1/room/teacher",
    token,
    onState: render,
    onGone: (message) => problem(message),
    onStatus: (text) => { $("connection").textContent = text === "live" ? "● connected" : "○ reconnecting…"; },
  });
}
