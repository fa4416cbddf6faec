// The help country setting: whose helplines the help dialog and the debrief show. The choice (a
// country id of the server's help file, or "auto") stays in this browser's localStorage;
// it is nothing personal, and it is sent with each request for help. The words and the
// choices come from the server (game/play/help_country.py).

import { el } from "/static/js/api.js";

const KEY = "redflags.helpcountry";
let counter = 0;
let known = null;      // the ids the server's help file lists (a stored one it no longer lists = automatic)

function knowCountries(control) {
  known = control.choices.map((c) => c.id);
}

// The choice as the server may be asked for it: automatic until the server's list is known.
export function helpCountry() {
  let id = "auto";
  try { id = localStorage.getItem(KEY) || "auto"; } catch (err) { /* private mode */ }
  return known && known.includes(id) ? id : "auto";
}

export function setHelpCountry(id) {
  try {
    if (!id || id === "auto") localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, id);
  } catch (err) { /* private mode: the choice lasts for this page only */ }
}

// The query part for a request that shows help: "country=UK" (nothing for automatic).
export function countryQuery() {
  const id = helpCountry();
  return id === "auto" ? "" : `country=${encodeURIComponent(id)}`;
}

// A labelled <select> built from the server's control ({label, choices: [{id, name}]}).
// onChange(id) runs after the choice is stored; the select keeps its place and focus.
export function countryControl(control, onChange) {
  counter += 1;
  const id = `help-country-${counter}`;
  const select = el("select", { id, class: "help-country-select", "data-help-country": "1" });
  knowCountries(control);
  const current = helpCountry();
  for (const c of control.choices) {
    const option = el("option", { value: c.id }, c.name);
    if (c.id === current) option.selected = true;
    select.append(option);
  }
  if (!control.choices.some((c) => c.id === current)) select.value = "auto";   // a country no longer listed
  select.addEventListener("change", () => {
    setHelpCountry(select.value);
    if (onChange) onChange(select.value);
  });
  return el("div", { class: "help-country" }, el("label", { for: id }, control.label), select);
}
