// The demo storefront: header, category nav and a hash router over the views.
import { api } from "/static/http.js";
import { showCategory, showHome, showProduct, showSearch } from "./views.js";

const view = document.getElementById("view");
const nav = document.querySelector("[data-testid=store-categories]");
const searchForm = document.querySelector("[data-testid=store-search]");
const cartCount = document.querySelector("[data-testid=store-cart-count]");

let routeSeq = 0;

/** Turn the location hash into a view. */
async function route() {
  const [path, qs] = location.hash.replace(/^#\/?/, "").split("?");
  const params = new URLSearchParams(qs || "");
  const page = Math.max(1, parseInt(params.get("page") || "1", 10) || 1);
  const [kind, ...rest] = path.split("/").map(safeDecode);
  const arg = rest.join("/");
  markCategory(kind === "category" ? arg : null);
  document.title = "Shopmage demo store";
  const seq = ++routeSeq;
  const target = document.createElement("div"); // rendered off-page, shown if still wanted
  view.setAttribute("aria-busy", "true");
  try {
    if (kind === "product" && arg) await showProduct(target, arg);
    else if (kind === "search" && arg) await showSearch(target, arg);
    else if (kind === "category" && arg) await showCategory(target, arg, page);
    else await showHome(target, page);
  } catch (err) {
    target.replaceChildren(errorBox(err));
  }
  if (seq !== routeSeq) return; // the shopper has moved on
  view.replaceChildren(...target.childNodes);
  view.removeAttribute("aria-busy");
  view.dataset.route = kind || "home";
}

function safeDecode(part) {
  try {
    return decodeURIComponent(part);
  } catch (err) {
    return part; // a malformed escape in a hand-typed URL: use it as typed
  }
}

function errorBox(err) {
  const box = document.createElement("div");
  box.className = "error";
  box.dataset.testid = "store-error";
  box.textContent = err.status === 404 ? `Not found: ${err.message}` : `Sorry: ${err.message}`;
  return box;
}

function markCategory(name) {
  for (const link of nav.querySelectorAll("a")) {
    link.classList.toggle("active", link.dataset.category === name);
  }
}

async function loadCategories() {
  try {
    const names = await api("/api/categories");
    nav.replaceChildren(...names.map((name) => {
      const a = document.createElement("a");
      a.href = `#/category/${encodeURIComponent(name)}`;
      a.textContent = name.replace(/_/g, " ");
      a.dataset.category = name;
      a.dataset.testid = "store-category";
      return a;
    }));
  } catch (err) {
    nav.textContent = "Categories are unavailable right now.";
  }
}

searchForm.addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = searchForm.q.value.trim();
  if (q) location.hash = `#/search/${encodeURIComponent(q)}`;
});

document.querySelector("[data-testid=store-cart]").addEventListener("click", () => {
  if (window.ShopMage) window.ShopMage.open();
});

window.addEventListener("shopmage:cart", (ev) => {
  cartCount.textContent = String(ev.detail.count);
});

window.addEventListener("hashchange", () => {
  route();
  window.scrollTo(0, 0);
});

loadCategories();
route();
