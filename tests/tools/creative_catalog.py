"""A small real catalogue for the creative tests: written through the store, owned by a merchant."""

from __future__ import annotations

from knowledge.merchants import create_merchant
from knowledge.models import Merchant, Product
from knowledge.store import Store

PRODUCTS = [
    dict(id="mat-tpe", title="Zenfit Yoga Mat", brand="Zenfit", color="purple", price=39.0,
         category="fitness", attributes={"type": "yoga mat", "material": "tpe",
                                         "features": ["non-slip", "extra-thick"]}),
    dict(id="mat-pvc", title="Flexa Yoga Mat", brand="Flexa", color="blue", price=24.0,
         category="fitness", attributes={"type": "yoga mat", "material": "pvc",
                                         "features": ["lightweight"]}),
    dict(id="mat-cork", title="Corkly Yoga Mat", brand="Corkly", color="beige", price=59.0,
         category="fitness", attributes={"type": "yoga mat", "material": "cork",
                                         "features": ["eco-friendly", "non-slip"]}),
    dict(id="boot-wp", title="TerraStep Hiking Boots", brand="TerraStep", color="brown",
         price=120.0, category="shoes",
         attributes={"type": "hiking boots", "material": "leather",
                     "features": ["waterproof", "arch-support"], "sizes": ["7", "8", "9"]}),
    dict(id="boot-dry", title="Nimbly Hiking Boots", brand="Nimbly", color="grey", price=95.0,
         category="shoes", attributes={"type": "hiking boots", "material": "suede",
                                       "features": ["breathable", "lightweight"]}),
    dict(id="bowls", title="BambooBee Baby Bowls", brand="BambooBee", color="green", price=19.0,
         category="baby", attributes={"type": "baby bowls", "material": "bamboo",
                                      "features": ["suction-base", "bpa-free"]}),
]


def seed_catalog(store: Store) -> tuple[Merchant, Merchant]:
    """Write the products (owned by merchant A, one owned by B); return (A, B)."""
    a, _ = create_merchant(store.engine, name="Acme Outdoor")
    b, _ = create_merchant(store.engine, name="Other Shop")
    rows = [Product(merchant_id=a.id, **p) for p in PRODUCTS]
    rows.append(Product(id="foreign", merchant_id=b.id, title="Other Shop Tent", price=80.0,
                        category="outdoor", attributes={"type": "tent",
                                                        "features": ["waterproof"]}))
    store.write_products(rows)
    return a, b
