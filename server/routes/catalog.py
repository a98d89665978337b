"""Products, search, categories, shopper events and the "for you" feed."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field
from sqlalchemy import func
from sqlmodel import Session, col, select

from agents.protocol import ProductCard
from knowledge.errors import NotFoundError
from knowledge.models import Product, ProductBase
from knowledge.profiles import build_profile, recommend, record_event
from knowledge.search import Hit, SearchFilters
from server.deps import StateDep
from server.routes.ads import ads_pool, attribute_event, now_for, search_ads
from tools.catalog import card

router = APIRouter(prefix="/api", tags=["catalog"])


class ProductPublic(ProductBase):
    """A product as the API shows it."""

    id: str


class ProductPage(BaseModel):
    """A page of products."""

    items: list[ProductPublic]
    total: int


class SearchItem(ProductPublic):
    """A search result: the product, its score and why it was chosen."""

    score: float
    why: list[str] = Field(default_factory=list)
    matched_attributes: list[str] = Field(default_factory=list)


class SearchPage(BaseModel):
    """Search results, and the sponsored slots beside them (each labelled "Sponsored")."""

    items: list[SearchItem]
    sponsored: list[dict[str, Any]] = Field(default_factory=list)


class CardPage(BaseModel):
    """Product cards (recommendations)."""

    items: list[ProductCard]


class EventIn(BaseModel):
    """A storefront behaviour event."""

    session_id: str = Field(min_length=1, max_length=100)
    type: Literal["search", "view", "click", "cart", "purchase"]
    product_id: str | None = Field(default=None, max_length=100)
    query: str | None = Field(default=None, max_length=500)


@router.get("/categories")
def categories(state: StateDep) -> list[str]:
    """Category names, most products first."""
    stmt = (select(Product.category, func.count()).where(col(Product.category).is_not(None))
            .group_by(Product.category).order_by(func.count().desc()))
    with Session(state.store.engine) as session:
        return [str(name) for name, _ in session.exec(stmt) if name]


@router.get("/products")
def list_products(state: StateDep, category: str | None = None,
                  page: Annotated[int, Query(ge=1, le=10_000)] = 1,
                  per_page: Annotated[int, Query(ge=1, le=100)] = 24) -> ProductPage:
    """Browse the catalogue, optionally one category."""
    stmt = select(Product)
    count = select(func.count()).select_from(Product)
    if category:
        stmt, count = stmt.where(Product.category == category), count.where(
            Product.category == category)
    stmt = stmt.order_by(Product.id).offset((page - 1) * per_page).limit(per_page)
    with Session(state.store.engine) as session:
        items = [ProductPublic.model_validate(p, from_attributes=True) for p in session.exec(stmt)]
        total = int(session.exec(count).one())
    return ProductPage(items=items, total=total)


@router.get("/products/{product_id}")
def get_product(product_id: str, state: StateDep) -> ProductPublic:
    """One product."""
    with Session(state.store.engine) as session:
        product = session.get(Product, product_id)
    if product is None:
        raise NotFoundError(f"no product with id {product_id!r}")
    return ProductPublic.model_validate(product, from_attributes=True)


@router.get("/search")
def search(state: StateDep, request: Request,
           q: Annotated[str, Query(min_length=1, max_length=500)],
           k: Annotated[int, Query(ge=1, le=100)] = 12,
           min_price: Annotated[float | None, Query(ge=0)] = None,
           max_price: Annotated[float | None, Query(ge=0)] = None,
           category: str | None = None, brand: str | None = None, color: str | None = None,
           in_stock: bool = False, session_id: str | None = None) -> SearchPage:
    """Hybrid search with knowledge expansion; personalised when a session id is given."""
    filters = SearchFilters(min_price=min_price, max_price=max_price, category=category,
                            brand=brand, color=color, in_stock=in_stock)
    profile = build_profile(state.store, session_id).vector if session_id else None
    pool = max(k, ads_pool(state))  # sponsored slots come from the organic top N
    hits = state.store.search.search(q, filters, k=pool, profile_vector=profile)
    sponsored = search_ads(state, request, q, hits, session_id)
    if session_id:
        # on the ad server's clock (a traffic driver's simulated time when it allows one), so
        # a campaign's re-forecast finds the searches it met in its own period
        when = now_for(request, state) if state.ads is not None else None
        record_event(state.store, user_id=session_id, kind="search", query=q, ts=when)
    return SearchPage(items=[_item(h) for h in hits[:k]], sponsored=sponsored)


def _item(hit: Hit) -> SearchItem:
    data: dict[str, Any] = hit.product.model_dump()
    return SearchItem(**data, score=hit.score, why=hit.why,
                      matched_attributes=hit.matched_attributes)


@router.post("/events")
def post_event(body: EventIn, state: StateDep, request: Request) -> dict[str, bool]:
    """Record a storefront event; it shapes this shopper's results from now on.

    A cart or purchase is credited to the last sponsored click on it, if any.
    """
    event = record_event(state.store, user_id=body.session_id, kind=body.type,
                         product_id=body.product_id, query=body.query)
    if body.type in ("cart", "purchase") and body.product_id:
        attribute_event(state, request, event)
    return {"ok": True}


@router.get("/recommendations")
def recommendations(state: StateDep,
                    session_id: Annotated[str, Query(min_length=1, max_length=100)],
                    k: Annotated[int, Query(ge=1, le=50)] = 8) -> CardPage:
    """The "for you" feed of this shopper."""
    return CardPage(items=[ProductCard(**card(h))
                           for h in recommend(state.store, session_id, k)])
