// The campaign list (pause / resume) and the creative gallery (approve / reject).
import { h, money } from "/static/http.js";
import { byMetric, campaignRows, figure, label } from "./render.js";

const $ = (testid) => document.querySelector(`[data-testid=${testid}]`);
const RUNNING = new Set(["active", "running", "scheduled", "live"]);
const DECIDED = new Set(["approved", "rejected"]);

function button(text, testid, cls, onClick) {
  const b = h("button", { cls, text, testid, attrs: { type: "button" } });
  b.addEventListener("click", async () => {
    b.disabled = true;
    try { await onClick(); } finally { b.disabled = false; }
  });
  return b;
}

function forecastLine(forecast) {
  if (!forecast || typeof forecast !== "object") return null;
  const parts = Object.entries(byMetric(forecast))
    .filter(([k]) => ["spend", "gmv", "roi", "orders"].includes(k.toLowerCase()))
    .map(([k, v]) => `${label(k)} ${figure(k, v.p50)}`);
  return parts.length ? h("p", { cls: "median", text: `Forecast median: ${parts.join(" \u00b7 ")}` })
    : null;
}

function campaignCard(c, call, reload) {
  const status = String(c.status || "unknown");
  const act = (op) => async () => { await call(`/api/campaigns/${encodeURIComponent(c.id)}/${op}`,
    { method: "POST" }); await reload(); };
  const actions = [];
  if (RUNNING.has(status)) actions.push(button("Pause", "console-campaign-pause", "ghost", act("pause")));
  if (status === "paused") actions.push(button("Resume", "console-campaign-resume", "primary", act("resume")));
  return h("article", { cls: "card", testid: "console-campaign", attrs: { "data-id": c.id } }, [
    h("div", { cls: "card-head" }, [h("strong", { text: c.name || c.id }),
      h("span", { cls: `badge ${status}`, text: status, testid: "console-campaign-status" })]),
    campaignRows(c), forecastLine(c.forecast), actions.length ? h("div", { cls: "actions" }, actions) : null]);
}

const CHANNEL_NAMES = { store: "storefront", ucp_agent: "AI agents (UCP)" };

/** Show the merchant's sales per channel, outside AI agents included. */
async function loadChannels(call) {
  const line = $("console-channels");
  try {
    const { channels } = await call("/api/sales/channels");
    const parts = Object.entries(channels).map(([name, c]) =>
      `${CHANNEL_NAMES[name] || name}: ${c.orders} orders, ${money(c.revenue / 100)}`);
    line.textContent = parts.length ? `Sales by channel \u2013 ${parts.join(" \u00b7 ")}` : "No sales yet.";
  } catch (err) {
    line.textContent = `Sales are unavailable: ${err.message}`;
  }
}

/** Fetch `path` and show its items in the list `testid`, one `card(item, guarded, reload)` each. */
async function loadList(call, notify, { testid, path, card, noun, empty, reload }) {
  const list = $(testid);
  const guarded = async (p, opts) => {
    try { return await call(p, opts); } catch (err) { notify(err.message); return null; }
  };
  try {
    const data = await call(path);
    list.replaceChildren(...(data.items.length ? data.items.map((c) => card(c, guarded, reload))
      : [h("p", { cls: "empty", text: empty })]));
  } catch (err) {
    list.replaceChildren(h("p", { cls: "empty", text: `${noun} are unavailable: ${err.message}` }));
  }
}

/** Fetch and show the merchant's campaigns (and sales per channel above them). */
export async function loadCampaigns(call, notify) {
  loadChannels(call);
  await loadList(call, notify, {
    testid: "console-campaigns", path: "/api/campaigns", card: campaignCard, noun: "Campaigns",
    empty: "No campaigns yet: describe one to the assistant.",
    reload: () => loadCampaigns(call, notify) });
}

function claimLines(claims) {
  if (Array.isArray(claims)) {
    return claims.map((x) => (typeof x === "string" ? x : x.text || x.claim || JSON.stringify(x)));
  }
  if (claims && typeof claims === "object") {
    return Object.entries(claims).map(([term, evidence]) => `${term}: ${evidence}`);
  }
  return [];
}

/** The words of a creative, whatever its kind: listing, ad copy, banner or selling points. */
function creativeBody(c) {
  const content = c.content || {};
  const parts = [];
  const heading = content.title || content.headline;
  if (heading) parts.push(h("p", { cls: "copy-head", text: heading }));
  const body = c.text || content.description || content.subline || content.text;
  if (body) parts.push(h("p", { cls: "copy", text: body, testid: "console-creative-text" }));
  const items = (content.bullets || []).concat((content.points || []).map((p) => p.text || p.term));
  if (items.length) parts.push(h("ul", { cls: "bullets" }, items.map((t) => h("li", { text: t }))));
  const extras = [content.price, content.cta && `CTA: ${content.cta}`, content.size,
    content.angle && `angle: ${content.angle}`].filter(Boolean);
  if (extras.length) parts.push(h("p", { cls: "meta", text: extras.join(" \u00b7 ") }));
  return parts;
}

/** What the claim checker removed from a draft, sentence by sentence, with each reason. */
function droppedList(content) {
  const dropped = Array.isArray(content && content.dropped) ? content.dropped : [];
  if (!dropped.length) return null;
  const items = dropped.map((d) => {
    const why = (d.unsupported || []).map((u) => `\u201c${u.phrase}\u201d: ${u.reason}`).join("; ");
    return h("li", { text: `${d.field ? `${d.field} \u2013 ` : ""}${d.sentence}${why ? ` (${why})` : ""}` });
  });
  return h("details", { cls: "claims dropped", testid: "console-creative-dropped" }, [
    h("summary", { text: `${dropped.length} sentence(s) removed by the claim check` }),
    h("ul", {}, items)]);
}

function creativeCard(c, call, reload) {
  const status = String(c.status || "draft");
  const act = (op) => async () => { await call(`/api/creatives/${encodeURIComponent(c.id)}/${op}`,
    { method: "POST" }); await reload(); };
  const meta = [c.product_id && `product ${c.product_id}`, c.campaign_id && `campaign ${c.campaign_id}`]
    .filter(Boolean).join(" \u00b7 ");
  const image = c.image_url || c.image;
  const claims = claimLines(c.claims);
  const flagged = (c.content && Array.isArray(c.content.flagged)) ? c.content.flagged.length : 0;
  return h("article", { cls: "card creative", testid: "console-creative", attrs: { "data-id": c.id } }, [
    h("div", { cls: "card-head" }, [h("strong", { text: label(String(c.kind || "creative")) }),
      h("span", { cls: `badge ${status}`, text: status, testid: "console-creative-status" })]),
    image ? h("img", { cls: "banner", attrs: { src: image, alt: `${c.kind} ${c.id}`,
      loading: "lazy" } }) : null,
    ...creativeBody(c),
    claims.length ? h("details", { cls: "claims" }, [h("summary", { text: `Evidence for ${claims.length} claim(s)` }),
      h("ul", {}, claims.map((t) => h("li", { text: t })))]) : null,
    flagged ? h("p", { cls: "meta flagged", text: `${flagged} unsupported claim(s) removed` }) : null,
    droppedList(c.content),
    meta ? h("p", { cls: "meta", text: meta }) : null,
    DECIDED.has(status) ? null : h("div", { cls: "actions" }, [
      button("Approve", "console-creative-approve", "primary", act("approve")),
      button("Reject", "console-creative-reject", "ghost", act("reject"))]),
  ]);
}

/** Fetch and show the creatives awaiting review and those decided. */
export async function loadCreatives(call, notify) {
  await loadList(call, notify, {
    testid: "console-creatives", path: "/api/creatives", card: creativeCard, noun: "Creatives",
    empty: "No creatives yet: they appear when a campaign is created.",
    reload: () => loadCreatives(call, notify) });
}
