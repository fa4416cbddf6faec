// Calls to the class server's JSON API, shared by every page.
// api("POST", "/api/v1/join", {join_code: "K7QM"}) -> the parsed JSON, or throws ApiError
// whose message is the server's one-line error.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

let counter = 0;

// A request id unique to this page load, so a retried request has the effect of one.
export function requestId() {
  counter += 1;
  const random = new Uint32Array(2);
  crypto.getRandomValues(random);
  return `${random[0].toString(36)}${random[1].toString(36)}-${counter}`;
}

export async function api(method, path, body, token) {
  const headers = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers["Authorization"] = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
  } catch (err) {
    throw new ApiError(0, "No connection to the class server. Check the Wi-Fi and try again.");
  }
  let data = null;
  try {
    data = await response.json();
  } catch (err) {
    data = null;
  }
  if (!response.ok) {
    const message = data && typeof data.error === "string" ? data.error : `error ${response.status}`;
    throw new ApiError(response.status, message);
  }
  return data;
}

// A POST that is retried (same request_id) while the connection is down, up to `tries` times.
export async function postWithRetry(path, body, token, tries = 4) {
  const payload = { ...body, request_id: body.request_id || requestId() };
  let wait = 400;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await api("POST", path, payload, token);
    } catch (err) {
      if (err.status !== 0 || attempt >= tries) throw err;
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait *= 2;
    }
  }
}

// Text into an element without ever interpreting it as HTML.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
