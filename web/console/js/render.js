// Rendering of campaign drafts, forecasts and campaign figures, shared by chat and lists.
import { h, money } from "/static/http.js";

const MONEY = /spend|gmv|revenue|budget|cost|cpc|cpa|sales|profit/i;
const LABELS = { gmv: "GMV", roi: "ROI", cpc: "CPC", cpa: "CPA", ctr: "CTR", cvr: "CVR" };

/** A human label for a field name. */
export function label(key) {
  return LABELS[key.toLowerCase()] || key.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
}

/** A figure formatted by what its name says it is. */
export function figure(key, value) {
  if (value === null || value === undefined) return "\u2013";
  if (typeof value !== "number") return String(value);
  if (/roi|roas/i.test(key)) return `${value.toFixed(2)}\u00d7`;
  if (/ctr|cvr|rate|share/i.test(key) && value <= 1) return `${(value * 100).toFixed(1)}%`;
  if (MONEY.test(key)) return money(value);
  return Number.isInteger(value) ? value.toLocaleString() : value.toLocaleString(undefined,
    { maximumFractionDigits: 2 });
}

function audienceText(audiences) {
  if (!Array.isArray(audiences)) return audiences ? String(audiences) : "";
  return audiences.map((a) => {
    if (typeof a !== "object" || a === null) return String(a);
    const name = a.name || a.label || a.segment || a.id || "segment";
    const size = a.size ?? a.shoppers ?? a.count;
    return size !== undefined ? `${name} (${Number(size).toLocaleString()})` : name;
  }).join(", ");
}

/** Definition-list rows for a campaign's settings. */
export function campaignRows(c) {
  const rows = [
    ["Budget", c.budget_total !== undefined ? `${figure("budget", c.budget_total)}` +
      (c.budget_daily ? ` (${figure("budget", c.budget_daily)}/day)` : "") : null],
    ["Target ROI", c.target_roi !== undefined ? figure("roi", c.target_roi) : null],
    ["Dates", c.start || c.end ? `${c.start || "now"} \u2192 ${c.end || "open"}` : null],
    ["Products", Array.isArray(c.product_ids) ? c.product_ids.join(", ") : null],
    ["Audiences", audienceText(c.audiences) || null],
  ];
  return h("dl", { cls: "facts" }, rows.filter(([, v]) => v).flatMap(([k, v]) =>
    [h("dt", { text: k }), h("dd", { text: v })]));
}

/** A draft campaign with Confirm / Cancel buttons calling act("confirm"|"cancel"). */
export function draftView(draft, act) {
  const confirm = h("button", { cls: "primary", text: "Confirm", testid: "console-confirm",
    attrs: { type: "button" } });
  const cancel = h("button", { cls: "ghost", text: "Cancel", testid: "console-cancel",
    attrs: { type: "button" } });
  const decide = (action) => () => {
    confirm.disabled = cancel.disabled = true;
    (action === "confirm" ? confirm : cancel).classList.add("chosen");
    act(action);
  };
  confirm.addEventListener("click", decide("confirm"));
  cancel.addEventListener("click", decide("cancel"));
  return h("div", { cls: "card draft", testid: "console-draft" }, [
    h("div", { cls: "card-head" }, [h("strong", { text: draft.name || "Draft campaign" }),
      h("span", { cls: "badge draft", text: "draft" })]),
    campaignRows(draft), h("div", { cls: "actions" }, [confirm, cancel])]);
}

/** {metric: {p10, p50, p90}} from either shape: per metric, or {p10: {metric}, p50, p90}. */
export function byMetric(forecast) {
  const out = {};
  if (forecast && forecast.p50 && typeof forecast.p50 === "object") {
    for (const key of Object.keys(forecast.p50)) {
      out[key] = { p10: (forecast.p10 || {})[key], p50: forecast.p50[key], p90: (forecast.p90 || {})[key] };
    }
    return out;
  }
  for (const [key, value] of Object.entries(forecast || {})) {
    if (value && typeof value === "object" && !Array.isArray(value) && "p50" in value) out[key] = value;
  }
  return out;
}

function quantileRows(forecast) {
  const rows = [];
  const scalars = [];
  const metrics = byMetric(forecast);
  for (const [key, value] of Object.entries(metrics)) {
    rows.push(h("tr", { testid: "console-forecast-row", attrs: { "data-metric": key } }, [
      h("th", { text: label(key) }),
      ...["p10", "p50", "p90"].map((q) => h("td", { text: figure(key, value[q]) }))]));
  }
  for (const [key, value] of Object.entries(forecast)) {
    if (key in metrics || ["p10", "p50", "p90", "chart_url"].includes(key)) continue;
    if (typeof value === "boolean") scalars.push(h("li", { text: `${label(key)}: ${value ? "yes" : "no"}` }));
    else if (typeof value === "number" || typeof value === "string") {
      scalars.push(h("li", { text: `${label(key)}: ${figure(key, value)}` }));
    }
  }
  return { rows, scalars };
}

/** The simulated outcome: a p10/p50/p90 table and the chart image. */
export function forecastView(forecast, chartUrl) {
  const { rows, scalars } = quantileRows(forecast);
  const parts = [h("strong", { text: "Forecast (simulated)" })];
  if (rows.length) {
    parts.push(h("table", { cls: "quantiles" }, [
      h("thead", {}, [h("tr", {}, [h("th"), h("th", { text: "p10" }), h("th", { text: "p50" }),
        h("th", { text: "p90" })])]),
      h("tbody", {}, rows)]));
  }
  if (scalars.length) parts.push(h("ul", { cls: "scalars" }, scalars));
  if (chartUrl) {
    parts.push(h("img", { cls: "chart", testid: "console-forecast-chart",
      attrs: { src: chartUrl, alt: "Forecast chart: spend, GMV and ROI ranges" } }));
  }
  return h("div", { cls: "card forecast", testid: "console-forecast" }, parts);
}
