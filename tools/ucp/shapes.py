"""shopmage records as UCP objects: products, line items, totals, carts, checkouts, orders."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from knowledge.commerce import AgentCart, CheckoutSession, Order
from knowledge.models import Product
from tools.ucp.errors import UCP_VERSION

CURRENCY = "USD"
CAPABILITIES = {
    "catalog_search": "dev.ucp.shopping.catalog.search",
    "catalog_lookup": "dev.ucp.shopping.catalog.lookup",
    "cart": "dev.ucp.shopping.cart",
    "checkout": "dev.ucp.shopping.checkout",
    "order": "dev.ucp.shopping.order",
}
HANDOFF_CODE = "buyer_review_required"
HANDOFF_TEXT = ("This store takes no payment through agents: the buyer reviews and places the "
                "order on the store's checkout page at continue_url.")


def minor(price: float | None) -> int:
    """A price in ISO 4217 minor units (cents)."""
    return round((price or 0.0) * 100)


def envelope(*capabilities: str, payment_handlers: bool = False) -> dict[str, Any]:
    """The ``ucp`` metadata of a success response naming the capabilities it used."""
    meta: dict[str, Any] = {"version": UCP_VERSION, "status": "success", "capabilities": {
        CAPABILITIES[c]: [{"version": UCP_VERSION}] for c in capabilities}}
    if payment_handlers:
        meta["payment_handlers"] = {}  # shopmage processes no payments
    return meta


def absolute(base_url: str, path: str | None) -> str | None:
    """An absolute URL for a stored image path (URLs pass through)."""
    if not path:
        return None
    if path.startswith(("http://", "https://")):
        return path
    if path.startswith("/"):  # already a served path, e.g. /media/images/P1.png
        return base_url + quote(path)
    return f"{base_url}/media/{quote(path)}"


def product_url(base_url: str, product_id: str) -> str:
    """The product's page in the storefront."""
    return f"{base_url}/store/#/product/{quote(product_id, safe='')}"


def _price(amount: int) -> dict[str, Any]:
    return {"amount": amount, "currency": CURRENCY}


def product(p: Product, base_url: str, why: list[str] | None = None,
            inputs: list[str] | None = None) -> dict[str, Any]:
    """A UCP product with its one variant (shopmage products have no option axes)."""
    description = {"plain": p.description or p.title}
    price = _price(minor(p.price))
    variant: dict[str, Any] = {
        "id": p.id, "sku": p.id, "title": p.title, "description": description, "price": price,
        "availability": {"available": p.stock > 0,
                         "status": "in_stock" if p.stock > 0 else "out_of_stock"}}
    if inputs:
        variant["inputs"] = [{"id": i, "match": "exact"} for i in inputs]
    shaped: dict[str, Any] = {
        "id": p.id, "title": p.title, "description": description,
        "url": product_url(base_url, p.id), "price_range": {"min": price, "max": price},
        "variants": [variant], "tags": sorted(p.tags())[:20],
        "metadata": {"brand": p.brand, "color": p.color, "attributes": p.attributes,
                     "stock": p.stock, "why": why or []}}
    if p.category:
        shaped["categories"] = [{"value": p.category, "taxonomy": "merchant"}]
    image = absolute(base_url, p.image)
    if image:
        shaped["media"] = [{"type": "image", "url": image, "alt_text": p.title}]
    return shaped


def totals(amount: int) -> list[dict[str, Any]]:
    """Subtotal and total (no tax, fees or shipping are computed here)."""
    return [{"type": "subtotal", "amount": amount}, {"type": "total", "amount": amount}]


def line_item(line: dict[str, Any], title: str, unit_price: int, base_url: str,
              image: str | None = None) -> dict[str, Any]:
    """A UCP line item with its totals."""
    item: dict[str, Any] = {"id": line["product_id"], "title": title, "price": unit_price}
    url = absolute(base_url, image)
    if url:
        item["image_url"] = url
    return {"id": line["id"], "item": item, "quantity": line["quantity"],
            "totals": totals(unit_price * line["quantity"])}


def cart(c: AgentCart, products: dict[str, Product], base_url: str) -> dict[str, Any]:
    """A UCP cart, priced from the catalogue as it is now."""
    lines = []
    for line in c.lines:
        p = products[line["product_id"]]
        lines.append(line_item(line, p.title, minor(p.price), base_url, p.image))
    subtotal = sum(li["totals"][0]["amount"] for li in lines)
    return {"ucp": envelope("cart"), "id": c.id, "line_items": lines, "currency": c.currency,
            "totals": totals(subtotal), "messages": [
                {"type": "info", "content": f"cart is {c.status}"}]}


def _links(base_url: str) -> list[dict[str, str]]:
    return [{"type": "terms_of_service", "url": f"{base_url}/store/"},
            {"type": "privacy_policy", "url": f"{base_url}/store/"}]


def continue_url(base_url: str, checkout: CheckoutSession) -> str:
    """The store's checkout page for this session (the link carries its confirmation token)."""
    return f"{base_url}/store/checkout.html?id={checkout.id}&token={checkout.token}"


def order_url(base_url: str, order_id: str, checkout: CheckoutSession) -> str:
    """Where the buyer sees the placed order."""
    return f"{continue_url(base_url, checkout)}&order={order_id}"


def checkout(c: CheckoutSession, base_url: str) -> dict[str, Any]:
    """A UCP checkout session; open ones hand off to the store's page for buyer review."""
    lines = [line_item(line, line["title"], line["unit_price"], base_url, line.get("image"))
             for line in c.lines]
    subtotal = sum(li["totals"][0]["amount"] for li in lines)
    shaped: dict[str, Any] = {
        "ucp": envelope("checkout", payment_handlers=True), "id": c.id, "line_items": lines,
        "status": c.status, "currency": c.currency, "totals": totals(subtotal),
        "links": _links(base_url), "expires_at": c.expires_at.isoformat(), "messages": []}
    if c.buyer:
        shaped["buyer"] = c.buyer
    if c.status == "requires_escalation":
        shaped["continue_url"] = continue_url(base_url, c)
        shaped["messages"] = [{"type": "error", "code": HANDOFF_CODE, "content": HANDOFF_TEXT,
                               "severity": "requires_buyer_review"}]
    if c.status == "completed" and c.order_id:
        shaped["order"] = {"id": c.order_id, "permalink_url": order_url(base_url, c.order_id, c)}
    return shaped


def order(o: Order, c: CheckoutSession, base_url: str) -> dict[str, Any]:
    """A UCP order: what was bought, nothing fulfilled yet."""
    lines = []
    for line in o.lines:
        li = line_item(line, line["title"], line["unit_price"], base_url, line.get("image"))
        li["quantity"] = {"original": line["quantity"], "total": line["quantity"],
                          "fulfilled": 0}
        li["status"] = "processing"
        lines.append(li)
    return {"ucp": envelope("order"), "id": o.id, "checkout_id": o.checkout_id,
            "permalink_url": order_url(base_url, o.id, c), "line_items": lines,
            "fulfillment": {"expectations": [], "events": []}, "currency": o.currency,
            "totals": totals(o.total)}
