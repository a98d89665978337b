// The merchant console: API-key sign-in, then the chat, campaign list and creative gallery.
import { ApiError, api, showNotice } from "/static/http.js";
import { startChat } from "./chat.js";
import { loadCampaigns, loadCreatives } from "./lists.js";

const KEY = "shopmage.merchantKey";
const $ = (testid) => document.querySelector(`[data-testid=${testid}]`);
const loginView = $("console-login");
const appView = $("console-app");
const loginForm = $("console-login-form");
const loginError = $("console-login-error");
let chat = null;

/** Headers carrying the merchant's key. */
function auth() {
  return { "X-API-Key": sessionStorage.getItem(KEY) || "" };
}

/** Call the API as this merchant; a 401 signs out with a clear message. */
export async function merchantApi(path, options = {}) {
  try {
    return await api(path, { ...options, headers: { ...auth(), ...(options.headers || {}) } });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      signOut("Your API key is no longer accepted. Please sign in again.");
    }
    throw err;
  }
}

/** Show a notice over the app (errors of actions, busy model). */
export function notify(text, kind = "error") {
  showNotice($("console-notice"), text, { base: "notice", kind, ms: 6000 });
}

function showLogin(message) {
  appView.hidden = true;
  loginView.hidden = false;
  loginError.hidden = !message;
  loginError.textContent = message || "";
  loginForm.key.focus();
}

function signOut(message) {
  sessionStorage.removeItem(KEY);
  if (chat) chat.close();
  chat = null;
  showLogin(message);
}

async function signIn(key) {
  let me;
  try {
    me = await api("/api/merchant/me", { headers: { "X-API-Key": key } });
  } catch (err) {
    sessionStorage.removeItem(KEY);
    const text = err.status === 401
      ? "That API key was not accepted. Check it and try again."
      : `Cannot sign in: ${err.message}`;
    showLogin(text);
    return;
  }
  sessionStorage.setItem(KEY, key);
  loginView.hidden = true;
  appView.hidden = false;
  $("console-merchant-name").textContent = me.name;
  const refresh = { campaigns: () => loadCampaigns(merchantApi, notify),
    creatives: () => loadCreatives(merchantApi, notify) };
  refresh.campaigns();
  refresh.creatives();
  chat = startChat({ key, notify, refresh, onAuthFail: () => signOut(
    "The chat refused this API key. Please sign in again.") });
}

loginForm.addEventListener("submit", (ev) => {
  ev.preventDefault();
  const key = loginForm.key.value.trim();
  if (key) signIn(key);
});

$("console-logout").addEventListener("click", () => signOut(""));

for (const tab of document.querySelectorAll("[role=tab]")) {
  tab.addEventListener("click", () => {
    for (const other of document.querySelectorAll("[role=tab]")) {
      other.setAttribute("aria-selected", String(other === tab));
    }
    for (const panel of document.querySelectorAll("[data-panel]")) {
      panel.hidden = panel.dataset.panel !== tab.dataset.tab;
    }
  });
}

const saved = sessionStorage.getItem(KEY);
if (saved) signIn(saved);
else showLogin("");
