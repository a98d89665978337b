// The merchant chat: streamed replies, campaign drafts to confirm, forecasts with their chart.
import { h, wsUrl } from "/static/http.js";
import { draftView, forecastView } from "./render.js";

const $ = (testid) => document.querySelector(`[data-testid=${testid}]`);
const AUTH_CLOSE = new Set([1008, 4001, 4401, 4403]);

/** Connect the chat panel to /ws/merchant; returns {close}. */
export function startChat({ key, notify, refresh, onAuthFail }) {
  const box = $("console-messages");
  const form = $("console-chat-form");
  const input = $("console-chat-input");
  const send = $("console-chat-send");
  const status = $("console-status");
  let ws = null;
  let current = null;
  let waiting = false;
  let closed = false;
  let retry = 0;
  let turnId = 0;
  const queue = [];

  const message = (role, text) => {
    const node = h("div", { cls: `msg ${role}`, testid: "console-message", attrs: { "data-role": role } },
      [h("div", { cls: "text", text: text || "" })]);
    box.append(node);
    box.scrollTop = box.scrollHeight;
    return node;
  };
  const reply = () => { current = current || message("assistant", ""); return current; };
  const setWaiting = (on) => {
    if (on) turnId += 1;
    waiting = on;
    send.disabled = on;
    input.disabled = on;
    if (!on && current) current.classList.remove("streaming");
    if (!on) { current = null; input.focus(); }
  };
  // "busy" and "error" are followed by "done"; should it never come, free the input anyway.
  const releaseSoon = () => {
    const turn = turnId;
    setTimeout(() => { if (waiting && turn === turnId) setWaiting(false); }, 3000);
  };
  const setStatus = (text) => { status.textContent = text; status.dataset.state = text; };
  const transmit = (frame) => {
    const text = JSON.stringify(frame);
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(text);
    else queue.push(text);
  };
  const act = (action) => { message("user", action === "confirm" ? "Confirm" : "Cancel");
    setWaiting(true); transmit({ type: "action", action }); };

  const handlers = {
    token: (ev) => {
      const node = reply();
      node.classList.add("streaming");
      node.querySelector(".text").textContent += ev.text || "";
      box.scrollTop = box.scrollHeight;
    },
    campaign_draft: (ev) => { reply().append(draftView(ev.draft || {}, act)); },
    forecast: (ev) => { reply().append(forecastView(ev.forecast || {}, ev.chart_url)); },
    campaign: () => refresh.campaigns(),
    creative: () => refresh.creatives(),
    error: (ev) => { notify(ev.message || "Something went wrong."); releaseSoon(); },
    busy: (ev) => { notify(ev.message || "The assistant is busy; try again shortly.", "busy");
      releaseSoon(); },
    done: () => setWaiting(false),
  };

  function connect() {
    if (closed) return;
    setStatus("connecting");
    // The key goes in the first frame, never in the URL (proxies and access logs keep URLs).
    ws = new WebSocket(wsUrl("/ws/merchant", {}));
    ws.onopen = () => {
      retry = 0;
      ws.send(JSON.stringify({ type: "auth", api_key: key }));
      setStatus("online");
      while (queue.length) ws.send(queue.shift());
    };
    ws.onmessage = (ev) => {
      let data;
      try { data = JSON.parse(ev.data); } catch (err) { return; }
      (handlers[data.type] || (() => {}))(data);
      if (data.type !== "token") box.scrollTop = box.scrollHeight;
    };
    ws.onclose = (ev) => {
      setStatus("offline");
      if (waiting) { setWaiting(false); notify("The connection dropped; please send that again."); }
      if (closed) return;
      if (AUTH_CLOSE.has(ev.code)) { onAuthFail(); return; }
      setTimeout(connect, Math.min(15000, 500 * 2 ** retry++));
    };
  }

  form.onsubmit = (ev) => {
    ev.preventDefault();
    const text = input.value.trim();
    if (!text || waiting) return;
    if (text.length > 2000) { notify("Messages are limited to 2,000 characters."); return; }
    message("user", text);
    input.value = "";
    setWaiting(true);
    transmit({ type: "message", text });
  };
  input.onkeydown = (ev) => {
    if (ev.key === "Enter" && !ev.shiftKey) { ev.preventDefault(); form.requestSubmit(); }
  };

  connect();
  return { close: () => { closed = true; if (ws) ws.close(); } };
}
