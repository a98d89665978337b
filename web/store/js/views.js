// Storefront views: product grid, search results, a product page and the "for you" row.
import { api, h, money, query, showNotice } from "/static/http.js";
import { sessionId, track } from "./session.js";

const PER_PAGE = 24;

/** A product without a usable picture: its initial on a soft tile (nothing is fetched). */
function placeholder(product, cls) {
  const letter = ((product.title || "").match(/[A-Za-z0-9]/) || ["?"])[0].toUpperCase();
  return h("div", { cls: `${cls} noimg`, text: letter, attrs: { "aria-hidden": "true" } });
}

function picture(product, cls) {
  if (!product.image) return placeholder(product, cls);
  const img = h("img", { cls, attrs: { src: product.image, alt: product.title, loading: "lazy",
    width: "320", height: "320" } });
  img.addEventListener("error", () => img.replaceWith(placeholder(product, cls)));
  return img;
}

/** One product tile linking to its page; evidence lines when the search gave them. */
function tile(product) {
  const link = h("a", { cls: "tile", testid: "store-product",
    attrs: { href: `#/product/${encodeURIComponent(product.id)}`, "data-product-id": product.id } }, [
    picture(product, "tile-img"),
    h("span", { cls: "tile-title", text: product.title }),
    h("span", { cls: "tile-meta" }, [
      h("b", { text: money(product.price) }),
      product.brand ? h("span", { text: product.brand }) : null,
    ]),
  ]);
  if (product.why && product.why.length) {
    link.append(h("ul", { cls: "why", testid: "store-product-why" },
      product.why.slice(0, 2).map((line) => h("li", { text: line }))));
  }
  link.addEventListener("click", () => track("click", { product_id: product.id }));
  return link;
}

/** A sponsored slot: the product tile, labelled "Sponsored", with the approved ad copy. */
function sponsoredTile(ad) {
  const link = tile(ad.product);
  link.classList.add("sponsored");
  link.dataset.testid = "store-sponsored";
  link.dataset.impressionId = ad.impression_id;
  const label = h("span", { cls: "ad-label", text: ad.label || "Sponsored",
    testid: "store-sponsored-label" });
  link.prepend(label);
  if (ad.headline) link.append(h("span", { cls: "ad-copy", text: ad.headline }));
  link.addEventListener("click", () => {
    api("/api/ads/click", { method: "POST", body: { impression_id: ad.impression_id } })
      .catch((err) => console.warn("ad click not recorded:", err.message));
  });
  return link;
}

function sponsoredRow(ads) {
  if (!ads || !ads.length) return null;
  return h("div", { cls: "grid sponsored-row", testid: "store-sponsored-row" },
    ads.map(sponsoredTile));
}

async function placementAds(placement, extra = {}) {
  try {
    const data = await api(`/api/ads${query({ placement, session_id: sessionId(), ...extra })}`);
    return data.items;
  } catch (err) {
    return []; // ads are a bonus: the page works without them
  }
}

function grid(products) {
  return h("div", { cls: "grid", testid: "store-grid" }, products.map(tile));
}

function pager(base, page, total) {
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  if (pages === 1) return null;
  const link = (n, label, testid) => (n < 1 || n > pages)
    ? h("span", { cls: "off", text: label })
    : h("a", { text: label, testid, attrs: { href: `${base}?page=${n}` } });
  return h("nav", { cls: "pager", testid: "store-pager" }, [
    link(page - 1, "\u2190 Previous", "store-prev"),
    h("span", { text: `Page ${page} of ${pages}` }),
    link(page + 1, "Next \u2192", "store-next"),
  ]);
}

async function forYou() {
  const section = h("section", { cls: "foryou", testid: "store-for-you" }, [
    h("h2", { text: "For you" })]);
  try {
    const [data, ads] = await Promise.all([
      api(`/api/recommendations${query({ session_id: sessionId(), k: 8 })}`),
      placementAds("for_you")]);
    if (!data.items.length) return null;
    section.append(h("div", { cls: "row" }, [...ads.map(sponsoredTile), ...data.items.map(tile)]));
    return section;
  } catch (err) {
    return null; // the row is a bonus: the page works without it
  }
}

/** The home page: "for you" and every product, paged. */
export async function showHome(view, page) {
  const [row, data] = await Promise.all([forYou(),
    api(`/api/products${query({ page, per_page: PER_PAGE })}`)]);
  view.replaceChildren(...[row, h("h1", { text: "All products" }),
    h("p", { cls: "count", text: `${data.total} products` }), grid(data.items),
    pager("#/", page, data.total)].filter(Boolean));
}

/** One category, paged. */
export async function showCategory(view, name, page) {
  const [data, ads] = await Promise.all([
    api(`/api/products${query({ category: name, page, per_page: PER_PAGE })}`),
    placementAds("category", { category: name })]);
  view.replaceChildren(...[h("h1", { text: name.replace(/_/g, " ") }),
    h("p", { cls: "count", text: `${data.total} products` }), sponsoredRow(ads), grid(data.items),
    pager(`#/category/${encodeURIComponent(name)}`, page, data.total)].filter(Boolean));
}

/** Search results with the evidence the engine gave. */
export async function showSearch(view, q) {
  const input = document.querySelector("[data-testid=store-search-input]");
  if (input && input.value !== q) input.value = q;
  const data = await api(`/api/search${query({ q, session_id: sessionId(), k: 24 })}`);
  const title = h("h1", { text: `Results for \u201c${q}\u201d` });
  if (!data.items.length) {
    view.replaceChildren(title, h("p", { cls: "empty", testid: "store-no-results",
      text: "Nothing matches that yet. Try other words, or ask the assistant." }));
    return;
  }
  view.replaceChildren(...[title,
    h("p", { cls: "count", text: `${data.items.length} matches` }),
    sponsoredRow(data.sponsored), grid(data.items)].filter(Boolean));
}

function flash(text, kind = "ok") {
  const box = document.querySelector("[data-testid=store-flash]");
  showNotice(box, text, { base: "flash", kind, ms: 3500 });
}

function attributeRows(attributes) {
  return Object.entries(attributes || {}).map(([key, value]) => h("tr", {}, [
    h("th", { text: key.replace(/_/g, " ") }),
    h("td", { text: Array.isArray(value) ? value.join(", ") : String(value) }),
  ]));
}

function buyBox(product) {
  const qty = h("input", { testid: "store-quantity", attrs: { type: "number", min: "1",
    max: "99", value: "1", "aria-label": "Quantity" } });
  const add = h("button", { cls: "primary", text: "Add to cart", testid: "store-add-to-cart",
    attrs: { type: "button" } });
  const buy = h("button", { text: "Buy now", testid: "store-buy-now", attrs: { type: "button" } });
  const amount = () => Math.min(99, Math.max(1, parseInt(qty.value, 10) || 1));
  add.addEventListener("click", () => {
    if (!window.ShopMage) return flash("The cart is unavailable right now.", "bad");
    window.ShopMage.addToCart(product.id, amount());
    track("cart", { product_id: product.id });
    flash(`Added ${amount()} \u00d7 ${product.title} to your cart.`);
  });
  buy.addEventListener("click", () => {
    track("purchase", { product_id: product.id });
    flash("Order placed (a demo: nothing is charged).");
  });
  const stock = product.stock > 0 ? `${product.stock} in stock` : "Out of stock";
  add.disabled = buy.disabled = !(product.stock > 0);
  return h("div", { cls: "buy" }, [
    h("div", { cls: "price", text: money(product.price), testid: "store-product-price" }),
    h("div", { cls: product.stock > 0 ? "stock" : "stock out", text: stock }),
    h("label", { cls: "qty" }, ["Quantity ", qty]), add, buy]);
}

/** A product page: details, add to cart, then "for you". */
export async function showProduct(view, id) {
  const product = await api(`/api/products/${encodeURIComponent(id)}`);
  track("view", { product_id: product.id });
  document.title = `${product.title} \u2013 shopmage demo store`;
  const info = h("div", { cls: "info" }, [
    h("a", { cls: "crumb", text: (product.category || "products").replace(/_/g, " "),
      attrs: { href: product.category ? `#/category/${encodeURIComponent(product.category)}` : "#/" } }),
    h("h1", { text: product.title, testid: "store-product-title" }),
    product.brand ? h("p", { cls: "brand", text: `by ${product.brand}` }) : null,
    buyBox(product),
    product.description ? h("p", { cls: "desc", text: product.description }) : null,
    product.bullets && product.bullets.length
      ? h("ul", { cls: "bullets" }, product.bullets.map((b) => h("li", { text: b }))) : null,
    h("table", { cls: "attrs" }, attributeRows({ color: product.color, ...product.attributes })
      .filter((row) => row.lastChild.textContent && row.lastChild.textContent !== "undefined")),
  ]);
  const page = h("article", { cls: "product", testid: "store-product-page",
    attrs: { "data-product-id": product.id } }, [picture(product, "hero"), info]);
  view.replaceChildren(page);
  const row = await forYou();
  if (row) view.append(row);
}
