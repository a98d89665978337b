/*
 * shopmage shopper widget: add it to any storefront with one tag,
 *   <script src="http://HOST/static/widget.js" data-shopmage-url="http://HOST"></script>
 * Optional attributes: data-title (panel title), data-product-url (link template for a
 * card title, "{id}" is replaced), data-open="true" (start open).
 * It speaks the protocol of agents/protocol.py over ws(s)://HOST/ws/shopper and shares its
 * session id with the page through localStorage["shopmage.session"].
 * Page API: window.ShopMage.{open, close, send, addToCart, removeFromCart, sessionId, cart};
 * window events "shopmage:session", "shopmage:cart", "shopmage:products", "shopmage:click".
 */
(function () {
  "use strict";
  if (window.ShopMage) return;

  var SESSION_KEY = "shopmage.session";
  var MAX_CHARS = 2000;
  var script = document.currentScript;
  var base = baseUrl(script);
  var opts = {
    title: attr("data-title") || "Shopping assistant",
    productUrl: attr("data-product-url"),
    startOpen: attr("data-open") === "true",
  };
  var state = {
    ws: null, connected: false, queue: [], retry: 0, busyTurn: false,
    current: null, cart: { items: [], total: 0 }, open: false, everOpened: false, pendingAdds: [],
    turnId: 0,
  };
  var ui = {};

  function attr(name) { return script ? script.getAttribute(name) : null; }

  function baseUrl(el) {
    var given = el && el.getAttribute("data-shopmage-url");
    var origin = el && el.src ? new URL(el.src, location.href).origin : location.origin;
    return (given || origin).replace(/\/+$/, "");
  }

  function media(path) {
    if (!path) return null;
    return /^(https?:|data:)/.test(path) ? path : base + (path.charAt(0) === "/" ? "" : "/") + path;
  }

  function storedSession() {
    try { return localStorage.getItem(SESSION_KEY); } catch (e) { return null; }
  }

  function storeSession(id) {
    try { localStorage.setItem(SESSION_KEY, id); } catch (e) { /* private mode */ }
    emit("shopmage:session", { sessionId: id });
  }

  function emit(name, detail) { window.dispatchEvent(new CustomEvent(name, { detail: detail })); }

  function el(tag, cls, text, testid) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    if (testid) node.setAttribute("data-testid", testid);
    return node;
  }

  function money(value) {
    if (value == null || isNaN(value)) return "";
    return new Intl.NumberFormat(undefined, { style: "currency", currency: "USD" }).format(value);
  }

  // ---- DOM -------------------------------------------------------------------------------
  function build() {
    var host = el("div", null, null, "shopmage-widget");
    host.id = "shopmage-widget";
    host.style.display = "none"; // shown once the stylesheet is in, so nothing flashes
    var root = host.attachShadow({ mode: "open" });
    var css = el("link");
    css.rel = "stylesheet";
    css.href = base + "/static/widget.css";
    css.onload = css.onerror = function () { host.style.display = ""; };
    root.appendChild(css);

    ui.bubble = el("button", "sm-bubble", null, "shopmage-bubble");
    ui.bubble.type = "button";
    ui.bubble.setAttribute("aria-label", "Open the shopping assistant");
    ui.bubble.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2' +
      'v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>';
    ui.badge = el("span", "sm-badge", "0", "shopmage-bubble-count");
    ui.badge.hidden = true;
    ui.bubble.appendChild(ui.badge);
    ui.bubble.addEventListener("click", function () { setOpen(!state.open); });

    ui.panel = el("section", "sm-panel", null, "shopmage-panel");
    ui.panel.setAttribute("role", "dialog");
    ui.panel.setAttribute("aria-label", opts.title);
    ui.panel.hidden = true;
    ui.panel.append(header(), cartStrip(), notice(), messages(), composer());
    root.append(ui.bubble, ui.panel);
    document.body.appendChild(host);
  }

  function header() {
    var head = el("header", "sm-head");
    var title = el("strong", "sm-title", opts.title);
    ui.status = el("span", "sm-status", "offline", "shopmage-status");
    var close = el("button", "sm-close", "\u00d7", "shopmage-close");
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", function () { setOpen(false); });
    head.append(title, ui.status, close);
    return head;
  }

  function cartStrip() {
    var strip = el("details", "sm-cart", null, "shopmage-cart");
    var summary = el("summary");
    summary.append("Cart: ");
    ui.cartCount = el("span", "sm-cart-count", "0", "shopmage-cart-count");
    summary.append(ui.cartCount, " items \u00b7 ");
    ui.cartTotal = el("span", "sm-cart-total", money(0), "shopmage-cart-total");
    summary.append(ui.cartTotal);
    ui.cartList = el("ul", "sm-cart-items", null, "shopmage-cart-items");
    strip.append(summary, ui.cartList);
    return strip;
  }

  function notice() {
    ui.notice = el("div", "sm-notice", null, "shopmage-notice");
    ui.notice.setAttribute("role", "alert");
    ui.notice.hidden = true;
    return ui.notice;
  }

  function messages() {
    ui.messages = el("div", "sm-messages", null, "shopmage-messages");
    ui.messages.setAttribute("aria-live", "polite");
    var hello = el("div", "sm-msg sm-assistant", null, "shopmage-message");
    hello.setAttribute("data-role", "assistant");
    hello.append(el("div", "sm-text", "Hi! Tell me what you are looking for, and for whom."));
    ui.messages.appendChild(hello);
    return ui.messages;
  }

  function composer() {
    var form = el("form", "sm-form", null, "shopmage-form");
    ui.input = el("textarea", "sm-input", null, "shopmage-input");
    ui.input.rows = 1;
    ui.input.maxLength = MAX_CHARS;
    ui.input.placeholder = "Ask for a product\u2026";
    ui.input.setAttribute("aria-label", "Message");
    ui.counter = el("span", "sm-counter", "", "shopmage-counter");
    ui.send = el("button", "sm-send", "Send", "shopmage-send");
    ui.send.type = "submit";
    ui.input.addEventListener("input", refreshComposer);
    ui.input.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && !ev.shiftKey) { ev.preventDefault(); submit(); }
    });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); submit(); });
    form.append(ui.input, ui.counter, ui.send);
    refreshComposer();
    return form;
  }

  function refreshComposer() {
    var n = ui.input.value.length;
    ui.counter.textContent = n > MAX_CHARS - 200 ? n + "/" + MAX_CHARS : "";
    ui.counter.classList.toggle("sm-over", n > MAX_CHARS);
    ui.send.disabled = state.busyTurn || !ui.input.value.trim() || n > MAX_CHARS;
    ui.input.disabled = state.busyTurn;
  }

  function setOpen(open) {
    state.open = open;
    ui.panel.hidden = !open;
    ui.bubble.setAttribute("aria-expanded", String(open));
    ui.bubble.classList.toggle("sm-bubble-open", open);
    if (open) {
      state.everOpened = true;
      connect();
      ui.input.focus();
    }
  }

  // ---- messages --------------------------------------------------------------------------
  function addMessage(role, text) {
    var msg = el("div", "sm-msg sm-" + role, null, "shopmage-message");
    msg.setAttribute("data-role", role);
    var body = el("div", "sm-text", text || "");
    msg.appendChild(body);
    ui.messages.appendChild(msg);
    scrollDown();
    return msg;
  }

  function assistantBubble() {
    if (!state.current) {
      state.current = addMessage("assistant", "");
      state.current.classList.add("sm-streaming");
    }
    return state.current;
  }

  function scrollDown() { ui.messages.scrollTop = ui.messages.scrollHeight; }

  // A reply taller than the panel is shown from its start (the words), not its last card.
  function revealReply(msg) {
    var box = ui.messages.getBoundingClientRect();
    var top = msg.getBoundingClientRect().top - box.top;
    if (msg.offsetHeight > ui.messages.clientHeight) ui.messages.scrollTop += top - 8;
    else scrollDown();
  }

  function showNotice(text, kind) {
    ui.notice.textContent = text;
    ui.notice.className = "sm-notice sm-" + (kind || "error");
    ui.notice.hidden = false;
  }

  function clearNotice() { ui.notice.hidden = true; }

  function submit() {
    var text = ui.input.value.trim();
    if (!text || state.busyTurn) return;
    if (text.length > MAX_CHARS) {
      showNotice("Messages are limited to " + MAX_CHARS + " characters (this one has " +
        text.length + ").");
      return;
    }
    clearNotice();
    addMessage("user", text);
    ui.input.value = "";
    startTurn();
    send({ type: "message", text: text });
  }

  function startTurn() {
    state.turnId += 1;
    state.busyTurn = true;
    state.current = null;
    ui.panel.classList.add("sm-waiting");
    refreshComposer();
  }

  // The server follows "busy" and "error" with "done"; should that never come, free the input.
  function endTurnSoon() {
    if (!state.busyTurn) return;
    var turn = state.turnId;
    setTimeout(function () { if (state.busyTurn && state.turnId === turn) endTurn(); }, 3000);
  }

  function endTurn() {
    state.busyTurn = false;
    if (state.current) {
      state.current.classList.remove("sm-streaming");
      if (state.current.querySelector(".sm-cards")) revealReply(state.current);
    }
    state.current = null;
    ui.panel.classList.remove("sm-waiting");
    refreshComposer();
    if (state.open) ui.input.focus();
  }

  // ---- cards, choices, cart ---------------------------------------------------------------
  function renderProducts(items, sponsored) {
    var msg = assistantBubble();
    var list = el("div", "sm-cards", null, "shopmage-cards");
    items.forEach(function (item) { list.appendChild(card(item)); });
    (sponsored || []).forEach(function (ad) { list.appendChild(sponsoredCard(ad)); });
    msg.appendChild(list);
    revealReply(msg);
    emit("shopmage:products", { items: items, sponsored: sponsored || [] });
  }

  // a paid slot: the advertised product as a card, labelled, with its approved ad text;
  // a click on it is reported once so the campaign is charged for it
  function sponsoredCard(ad) {
    var p = ad.product || {};
    var item = { id: p.id, title: p.title, price: p.price, brand: p.brand, image: p.image,
      why: ad.text ? [ad.text] : [] };
    var box = card(item);
    box.classList.add("sm-sponsored");
    box.setAttribute("data-testid", "shopmage-sponsored");
    box.setAttribute("data-impression-id", ad.impression_id || "");
    var label = el("span", "sm-sponsored-label", ad.label || "Sponsored",
      "shopmage-sponsored-label");
    box.querySelector(".sm-card-info").prepend(label);
    var reported = false;
    box.querySelector(".sm-card-title").addEventListener("click", function () {
      if (reported || !ad.impression_id) return;
      reported = true;
      fetch(base + "/api/ads/click", { method: "POST", keepalive: true,
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ impression_id: ad.impression_id }) }).catch(function () {});
    });
    return box;
  }

  // a store-policy answer shows the passage it quotes and where it comes from
  function renderPolicy(ev) {
    var msg = assistantBubble();
    var quote = el("blockquote", "sm-policy", null, "shopmage-policy");
    quote.appendChild(el("p", "sm-policy-passage", ev.passage || ""));
    var source = [ev.doc_title, ev.section].filter(Boolean).join(" \u2013 ");
    if (source) quote.appendChild(el("cite", "sm-policy-source", source, "shopmage-policy-source"));
    msg.appendChild(quote);
    scrollDown();
  }

  // a product without a usable picture: its initial on a soft tile (nothing is fetched)
  function placeholder(item) {
    var pic = el("div", "sm-card-img", null, "shopmage-card-image");
    var letter = ((item.title || "").match(/[A-Za-z0-9]/) || ["?"])[0].toUpperCase();
    pic.textContent = letter;
    pic.setAttribute("aria-hidden", "true");
    return pic;
  }

  function card(item) {
    var box = el("article", "sm-card", null, "shopmage-card");
    box.setAttribute("data-product-id", item.id);
    var src = media(item.image);
    var pic = src ? el("img", "sm-card-img", null, "shopmage-card-image") : placeholder(item);
    if (src) {
      pic.src = src; pic.alt = item.title; pic.loading = "lazy";
      pic.addEventListener("error", function () { pic.replaceWith(placeholder(item)); });
    }
    var info = el("div", "sm-card-info");
    var title = el(opts.productUrl ? "a" : "span", "sm-card-title", item.title, "shopmage-card-title");
    if (opts.productUrl) title.href = opts.productUrl.replace("{id}", encodeURIComponent(item.id));
    title.addEventListener("click", function () { emit("shopmage:click", { productId: item.id }); });
    var meta = el("div", "sm-card-meta");
    meta.append(el("span", "sm-price", money(item.price), "shopmage-card-price"));
    if (item.brand) meta.append(el("span", "sm-brand", item.brand, "shopmage-card-brand"));
    info.append(title, meta);
    if (item.why && item.why.length) {
      var why = el("ul", "sm-why", null, "shopmage-card-why");
      item.why.slice(0, 3).forEach(function (line) { why.appendChild(el("li", null, line)); });
      info.appendChild(why);
    }
    var add = el("button", "sm-add", "Add to cart", "shopmage-card-add");
    add.type = "button";
    add.addEventListener("click", function () {
      add.disabled = true;
      add.textContent = "Adding\u2026";
      addToCart(item.id, 1);
      state.pendingAdds.push(add);
      setTimeout(function () { resetAdd(add); }, 5000);
    });
    info.appendChild(add);
    box.append(pic, info);
    return box;
  }

  function resetAdd(button) {
    button.disabled = false;
    button.textContent = "Add to cart";
  }

  function renderChoices(question, options) {
    var msg = assistantBubble();
    if (question && !msg.querySelector(".sm-text").textContent.trim()) {
      msg.querySelector(".sm-text").textContent = question;
    } else if (question) {
      msg.appendChild(el("div", "sm-question", question));
    }
    var row = el("div", "sm-choices", null, "shopmage-clarification");
    (options || []).forEach(function (option) {
      var button = el("button", "sm-choice", option, "shopmage-choice");
      button.type = "button";
      button.addEventListener("click", function () { choose(option, row); });
      row.appendChild(button);
    });
    msg.appendChild(row);
    scrollDown();
  }

  function choose(option, row) {
    if (state.busyTurn) return;
    row.querySelectorAll("button").forEach(function (b) {
      b.disabled = true;
      if (b.textContent === option) b.classList.add("sm-chosen");
    });
    addMessage("user", option);
    startTurn();
    send({ type: "action", action: "choose", value: option });
  }

  function renderCart(cart) {
    state.cart = { items: cart.items || [], total: cart.total || 0 };
    state.pendingAdds.splice(0).forEach(resetAdd);
    var count = state.cart.items.reduce(function (n, i) { return n + (i.quantity || 0); }, 0);
    ui.cartCount.textContent = String(count);
    ui.cartTotal.textContent = money(state.cart.total);
    ui.badge.textContent = String(count);
    ui.badge.hidden = count === 0;
    ui.cartList.textContent = "";
    state.cart.items.forEach(function (item) {
      var li = el("li", null, null, "shopmage-cart-item");
      li.append(el("span", "sm-ci-title", item.quantity + " \u00d7 " + item.title),
        el("span", "sm-ci-price", money(item.price * item.quantity)));
      var remove = el("button", "sm-ci-remove", "\u2212", "shopmage-cart-remove");
      remove.type = "button";
      remove.setAttribute("aria-label", "Remove " + item.title);
      remove.addEventListener("click", function () { removeFromCart(item.product_id, 1); });
      li.appendChild(remove);
      ui.cartList.appendChild(li);
    });
    if (!state.cart.items.length) ui.cartList.appendChild(el("li", "sm-empty", "Your cart is empty."));
    emit("shopmage:cart", { items: state.cart.items, total: state.cart.total, count: count });
  }

  function addToCart(productId, quantity) {
    send({ type: "action", action: "add_to_cart", product_id: productId, quantity: quantity || 1 });
  }

  function removeFromCart(productId, quantity) {
    send({ type: "action", action: "remove_from_cart", product_id: productId,
      quantity: quantity || 1 });
  }

  // ---- socket ----------------------------------------------------------------------------
  function socketUrl() {
    var url = new URL(base + "/ws/shopper");
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    var id = storedSession();
    if (id) url.searchParams.set("session_id", id);
    return url.toString();
  }

  function connect() {
    if (state.ws) return;
    var ws = new WebSocket(socketUrl());
    state.ws = ws;
    setStatus("connecting");
    ws.onopen = function () {
      state.connected = true;
      state.retry = 0;
      setStatus("online");
      clearNotice();
      while (state.queue.length) ws.send(state.queue.shift());
    };
    ws.onmessage = function (ev) {
      var data;
      try { data = JSON.parse(ev.data); } catch (e) { return; }
      handle(data);
    };
    ws.onclose = function () {
      state.ws = null;
      state.connected = false;
      setStatus("offline");
      if (state.busyTurn) {
        state.queue = []; // the shopper is told to ask again; do not replay it later
        endTurn();
        showNotice("The connection dropped before the answer finished. Please ask again.");
      }
      var delay = Math.min(15000, 500 * Math.pow(2, state.retry++));
      if (state.everOpened || state.queue.length) setTimeout(connect, delay);
    };
  }

  function send(frame) {
    var text = JSON.stringify(frame);
    if (state.connected && state.ws) state.ws.send(text);
    else { state.queue.push(text); connect(); }
  }

  function setStatus(text) {
    ui.status.textContent = text;
    ui.status.setAttribute("data-state", text);
  }

  function handle(ev) {
    switch (ev.type) {
      case "session":
        if (ev.session_id && ev.session_id !== storedSession()) storeSession(ev.session_id);
        break;
      case "token": {
        var reply = assistantBubble();
        reply.querySelector(".sm-text").textContent += ev.text || "";
        if (!reply.querySelector(".sm-cards")) scrollDown();
        break;
      }
      case "products": renderProducts(ev.items || [], ev.sponsored); break;
      case "policy": renderPolicy(ev); break;
      case "clarification": renderChoices(ev.question, ev.options); break;
      case "cart": renderCart(ev); break;
      case "busy":
        showNotice(ev.message || "The assistant is busy right now; please try again shortly.", "busy");
        endTurnSoon();
        break;
      case "error":
        showNotice(ev.message || "Something went wrong.", "error");
        state.pendingAdds.splice(0).forEach(resetAdd);
        endTurnSoon();
        break;
      case "done": endTurn(); break;
      default: break; // events for other roles are ignored here
    }
  }

  function init() {
    build();
    renderCart(state.cart);
    // A returning shopper may have a cart on the server: reconnect to show it.
    if (storedSession()) connect();
    if (opts.startOpen) setOpen(true);
  }

  window.ShopMage = {
    open: function () { setOpen(true); },
    close: function () { setOpen(false); },
    send: function (text) { ui.input.value = text; refreshComposer(); submit(); },
    addToCart: addToCart,
    removeFromCart: removeFromCart,
    sessionId: storedSession,
    cart: function () { return state.cart; },
    baseUrl: base,
  };

  if (document.body) init();
  else document.addEventListener("DOMContentLoaded", init);
})();
