"""What a creative may draw on: the brief, the product's data and the served knowledge.

``product_brief`` writes a catalogue product's attributes as a brief (so the same parser
and listing builder serve both paths); ``support_for`` gathers every source text into the
closed-world :class:`~tools.creatives.closed_world.Support` the claim checker reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from knowledge.models import Product
from tools.creatives.claims import graph_audiences, knowledge_audiences
from tools.creatives.closed_world import Support
from tools.creatives.facts import MAX_BRIEF

if TYPE_CHECKING:
    from knowledge.store import Store

SKIP = {"search_keywords", "facts", "brief", "attribute_spans"}


def _values(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value if v not in (None, "")]
    return [str(value)] if value not in (None, "") else []


def product_brief(product: Product) -> str:
    """A catalogue product written as a brief: type, material, features, audience, sizes."""
    attrs = product.attributes or {}
    if attrs.get("brief"):
        return str(attrs["brief"])[:MAX_BRIEF]
    kind = str(attrs.get("type") or product.category or product.title)
    parts = [kind]
    parts += [f"made of {m}" for m in _values(attrs.get("material"))[:2]]
    parts += _values(attrs.get("features"))[:6]
    audience = _values(attrs.get("audience"))
    if audience and audience[0] not in ("everyone", "all"):
        parts.append(f"for {audience[0]}")
    sizes = _values(attrs.get("sizes"))
    if sizes:
        parts.append("sizes " + " / ".join(sizes[:8]))
    if not attrs:
        parts = [product.title, *(product.bullets or [])[:4]]
    return ", ".join(p.strip(" ,.") for p in parts if p.strip())[:MAX_BRIEF]


def knowledge_lines(store: Store | None, product: Product) -> list[str]:
    """Served knowledge about the product's type, as plain lines (empty without a store)."""
    if store is None:
        return []
    pairs = (knowledge_audiences(product, store.search.expander)
             + graph_audiences(product, store.engine))
    return [f"for {tail}" for tail, _ in pairs]


def product_texts(product: Product) -> list[str]:
    """The product's own fields as source texts."""
    texts = [product.title, *(product.bullets or []), product.description or ""]
    texts += [x for x in (product.brand, product.color, product.category) if x]
    if product.price is not None:
        texts.append(f"${product.price:,.2f} ${product.price:,.0f}")
    for key, value in (product.attributes or {}).items():
        if key not in SKIP:
            texts += _values(value)
    brief = (product.attributes or {}).get("brief")
    if brief:
        texts.append(str(brief))
    return [t for t in texts if t]


def support_for(store: Store | None, product: Product, brief: str | None = None) -> Support:
    """Everything a draft for ``product`` may say, as a closed-world support."""
    texts = product_texts(product) + knowledge_lines(store, product)
    if brief:
        texts.append(brief)
    names = [product.title, str((product.attributes or {}).get("type") or "")]
    return Support.of(texts, names=names)
