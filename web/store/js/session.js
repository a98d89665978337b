// The shopper's session id, shared with the widget through localStorage, and behaviour events.
import { api } from "/static/http.js";

const KEY = "shopmage.session";

function fresh() {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  return "s_" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

let current = null;
try {
  current = localStorage.getItem(KEY);
  if (!current) {
    current = fresh();
    localStorage.setItem(KEY, current);
  }
} catch (err) {
  current = fresh(); // storage blocked: a session for this page view only
}

// The widget announces the id the server settled on; follow it.
window.addEventListener("shopmage:session", (ev) => {
  if (ev.detail && ev.detail.sessionId) current = ev.detail.sessionId;
});

/** This shopper's session id. */
export function sessionId() {
  return current;
}

/** Record a behaviour event (view, click, cart, purchase); failures never break the page. */
export function track(type, fields = {}) {
  return api("/api/events", { method: "POST", body: { session_id: current, type, ...fields } })
    .catch((err) => console.warn("event not recorded:", err.message));
}
