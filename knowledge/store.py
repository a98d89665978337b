"""The store: database, embedder, vectors, search and (lazily) the LLM, built once."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select
from tqdm import tqdm

from knowledge.db import make_engine
from knowledge.embeddings import Embedder
from knowledge.models import Product
from knowledge.search import SearchEngine
from knowledge.settings import Settings
from knowledge.sql import transaction
from knowledge.text import embedding_text
from knowledge.vectors import VectorStore

if TYPE_CHECKING:
    from knowledge.llm import LLMBackend

log = logging.getLogger(__name__)


class Store:
    """Everything the assistants know, opened from one Settings object."""

    def __init__(self, settings: Settings, *, engine: Engine | None = None,
                 embedder: Embedder | None = None) -> None:
        """Open the database, the embedding model and the vector store; load the index."""
        self.settings = settings
        self.engine = engine or make_engine(settings)
        self.embedder = embedder or Embedder(settings)
        self.vectors = VectorStore(settings, self.embedder)
        self.drop_orphan_vectors()
        self.search = SearchEngine(self.engine, self.embedder, self.vectors)
        self._llm: LLMBackend | None = None

    def drop_orphan_vectors(self) -> int:
        """Delete vectors of products the database does not hold; returns how many.

        SQL is the record: a process killed between the vector upsert and the SQL commit of
        an import leaves vectors without rows, and they must not surface in search.
        """
        stored = self.vectors.count()
        if stored == 0:
            return 0
        with Session(self.engine) as session:
            rows = int(session.exec(select(func.count()).select_from(Product)).one())
        if rows == stored:
            return 0
        ids = self.vectors.ids()
        orphans = sorted(set(ids) - self.existing_ids(ids))
        if orphans:
            log.warning("dropping %d vectors with no product row (an interrupted import)",
                        len(orphans))
            self.vectors.delete(orphans)
        return len(orphans)

    @property
    def llm(self) -> LLMBackend:
        """The language model, loaded on first use."""
        if self._llm is None:
            from knowledge.llm import LLMBackend

            self._llm = LLMBackend(self.settings)
        return self._llm

    def write_products(self, products: list[Product], batch: int = 256) -> None:
        """Store products in SQL and Chroma together; on any failure neither keeps them."""
        ids = [p.id for p in products]
        already = self.existing_ids(ids)
        texts = [embedding_text(p) for p in products]
        chunks = []
        for start in tqdm(range(0, len(texts), batch), desc="embedding", unit=" batches",
                          disable=None):
            chunks.append(self.embedder.embed(texts[start:start + batch]))
        import numpy as np

        vectors = np.concatenate(chunks) if chunks else np.zeros((0, self.embedder.dimension))
        metadatas = [_metadata(p) for p in products]
        try:
            with transaction(self.engine) as session:
                for product in products:  # new rows in bulk; merge (a SELECT each) for updates
                    if product.id in already:
                        session.merge(product)
                    else:
                        session.add(product)
                session.flush()
                self.vectors.upsert(ids, vectors, metadatas)
        except BaseException:
            self.vectors.delete([i for i in ids if i not in already])
            raise
        self.search.add_products(products)

    def existing_ids(self, ids: list[str]) -> set[str]:
        """Which of ``ids`` are already stored."""
        found: set[str] = set()
        with Session(self.engine) as session:
            for start in range(0, len(ids), 5000):  # stay under the bound-parameter cap
                chunk = ids[start:start + 5000]
                found.update(session.exec(select(Product.id).where(col(Product.id).in_(chunk))))
        return found

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()


def _metadata(p: Product) -> dict[str, str | float | int]:
    meta: dict[str, str | float | int] = {"stock": p.stock}
    for key, value in (("category", p.category), ("brand", p.brand), ("color", p.color)):
        if value:
            meta[key] = value.lower()
    if p.price is not None:
        meta["price"] = float(p.price)
    return meta


def open_store(settings: Settings) -> Store:
    """Open the store described by ``settings``."""
    return Store(settings)
