// Small helpers shared by the storefront and the merchant console (ES module).

/** An HTTP failure carrying the status and the server's own message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The readable message in a server error body: {"error": {message}} or FastAPI's {"detail"}. */
function messageOf(body, status) {
  if (body && body.error && body.error.message) return body.error.message;
  if (body && typeof body.detail === "string") return body.detail;
  if (body && Array.isArray(body.detail)) {
    return body.detail.map((d) => `${(d.loc || []).slice(1).join(".")}: ${d.msg}`).join("; ");
  }
  return `the server answered ${status}`;
}

/** Fetch JSON; throws ApiError with the server's message on a non-2xx answer. */
export async function api(path, { method = "GET", body, headers = {} } = {}) {
  const init = { method, headers: { Accept: "application/json", ...headers } };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (err) {
    throw new ApiError(0, "the server cannot be reached");
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (err) {
    data = null;
  }
  if (!response.ok) throw new ApiError(response.status, messageOf(data, response.status));
  return data;
}

/** A query string from an object, skipping empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") q.set(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** Create an element with class, text and data-testid in one call. */
export function h(tag, { cls, text, testid, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined && text !== null) node.textContent = text;
  if (testid) node.dataset.testid = testid;
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** A price as money. */
export function money(value) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return "";
  return new Intl.NumberFormat(undefined, { style: "currency", currency: "USD" }).format(value);
}

/** A ws:// or wss:// URL for a path on this page's server. */
export function wsUrl(path, params = {}) {
  const url = new URL(path, location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  for (const [key, value] of Object.entries(params)) if (value) url.searchParams.set(key, value);
  return url.toString();
}

/** Show `text` in the notice element `box` (class `${base} ${kind}`), hidden again after `ms`. */
export function showNotice(box, text, { base, kind, ms }) {
  box.textContent = text;
  box.className = `${base} ${kind}`;
  box.hidden = false;
  clearTimeout(box.noticeTimer);
  box.noticeTimer = setTimeout(() => { box.hidden = true; }, ms);
}
