// Live room states: server-sent events read with fetch (so the token travels in the
// Authorization header, never in a URL), with polling as the fallback.
//
// const live = connectLive({ streamPath, pollPath, token, onState, onGone, onStatus });
// live.refresh() asks for the state now; live.stop() ends everything.

import { api } from "./api.js";

export function connectLive({ streamPath, pollPath, token, onState, onGone, onStatus }) {
  let stopped = false;
  let controller = null;
  let pollTimer = null;
  let streamFailures = 0;

  const status = (text) => onStatus && onStatus(text);

  async function poll() {
    if (stopped) return;
    try {
      const state = await api("GET", pollPath, undefined, token);
      onState(state);
      status("live");
    } catch (err) {
      if (err.status === 401 || err.status === 403) {
        stopped = true;
        onGone(err.message);
        return;
      }
      status("reconnecting");
    }
  }

  function startPolling() {
    if (pollTimer === null && !stopped) pollTimer = setInterval(poll, 2000);
  }

  function stopPolling() {
    if (pollTimer !== null) clearInterval(pollTimer);
    pollTimer = null;
  }

  function handleFrame(frame) {
    let event = "message";
    const data = [];
    for (const line of frame.split("\n")) {
      if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    if (!data.length) return;
    const payload = JSON.parse(data.join("\n"));
    if (event === "state") onState(payload);
    else if (event === "gone") {
      stopped = true;
      onGone(payload.error);
    }
  }

  async function stream() {
    while (!stopped) {
      controller = new AbortController();
      try {
        const response = await fetch(streamPath, {
          headers: { Authorization: `Bearer ${token}`, Accept: "text/event-stream" },
          cache: "no-store",
          signal: controller.signal,
        });
        if (response.status === 401 || response.status === 403) {
          const body = await response.json().catch(() => ({}));
          stopped = true;
          onGone(body.error || "This device is no longer in the class session.");
          return;
        }
        if (!response.ok || !response.body) throw new Error(`stream ${response.status}`);
        streamFailures = 0;
        stopPolling();
        status("live");
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let cut;
          while ((cut = buffer.indexOf("\n\n")) >= 0) {
            handleFrame(buffer.slice(0, cut));
            buffer = buffer.slice(cut + 2);
          }
        }
      } catch (err) {
        if (stopped) return;
      }
      // The stream dropped (Wi-Fi, a locked phone, the server restarting): poll meanwhile.
      streamFailures += 1;
      status("reconnecting");
      startPolling();
      poll();
      await new Promise((resolve) => setTimeout(resolve, Math.min(15000, 1000 * streamFailures)));
    }
  }

  // A phone coming back from a locked screen: fetch the state at once.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") poll();
  });
  window.addEventListener("online", () => poll());

  poll();
  stream();
  return {
    refresh: poll,
    stop() {
      stopped = true;
      stopPolling();
      if (controller) controller.abort();
    },
  };
}
