"""The one class that touches Chroma: on-disk by default, a Chroma server when configured."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlparse

import httpx
import numpy as np

from knowledge.embeddings import Embedder
from knowledge.errors import ConfigError, EngineUnavailableError
from knowledge.settings import Settings

PRODUCTS = "products"


class _ChromaEmbedding:
    """Chroma's embedding-function protocol over our embedder (never Chroma's default)."""

    def __init__(self, embedder: Embedder | None) -> None:
        self._embedder = embedder

    def _model(self) -> Embedder:
        if self._embedder is None:
            raise ConfigError("this Chroma collection was opened without shopmage's embedder")
        return self._embedder

    def __call__(self, input: Sequence[str]) -> list[np.ndarray]:  # noqa: A002 (Chroma's name)
        return list(self._model().embed(list(input)))

    def embed_query(self, input: Sequence[str]) -> list[np.ndarray]:  # noqa: A002
        return [self._model().embed_query(text) for text in input]

    @staticmethod
    def name() -> str:
        return "shopmage-minilm"

    def get_config(self) -> dict[str, Any]:
        return {}

    @staticmethod
    def build_from_config(_config: dict[str, Any]) -> _ChromaEmbedding:
        return _ChromaEmbedding(None)

    def is_legacy(self) -> bool:
        return False

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine"]


def make_client(settings: Settings) -> Any:
    """A Chroma client: ``HttpClient`` for ``SHOPMAGE_CHROMA_URL``, else a persistent one."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        try:
            client = chromadb.HttpClient(
                host=url.hostname or "127.0.0.1", port=url.port or 8000,
                ssl=url.scheme == "https", settings=chroma_settings,
            )
            client.heartbeat()
        except Exception as exc:
            raise ConfigError(
                f"SHOPMAGE_CHROMA_URL: no Chroma server answers at {settings.chroma_url}: {exc}"
            ) from exc
        return client
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)


class VectorStore:
    """Named cosine collections of (id, embedding, metadata) rows."""

    def __init__(self, settings: Settings, embedder: Embedder) -> None:
        """Connect and make sure the products collection exists."""
        self.embedder = embedder
        self.client = make_client(settings)
        self._function = _ChromaEmbedding(embedder)
        self._prefix = settings.chroma_collection_prefix
        self._collections: dict[str, Any] = {}
        self._url = settings.chroma_url

    @contextmanager
    def _answering(self) -> Iterator[None]:
        """Turn a lost Chroma server into one clear error naming the setting and address."""
        try:
            yield
        except httpx.TransportError as exc:
            raise EngineUnavailableError("SHOPMAGE_CHROMA_URL", "the Chroma server",
                                         self._url or "?", exc) from exc

    def collection(self, name: str = PRODUCTS) -> Any:
        """Get or create a cosine collection that uses our embedding function."""
        if name not in self._collections:
            self._collections[name] = self.client.get_or_create_collection(
                name=self._prefix + name, embedding_function=self._function,
                configuration={"hnsw": {"space": "cosine"}},
            )
        return self._collections[name]

    def upsert(self, ids: list[str], embeddings: np.ndarray,
               metadatas: list[dict[str, Any]] | None = None, name: str = PRODUCTS,
               batch: int = 4000) -> None:
        """Insert or replace rows in batches (Chroma caps one call's size)."""
        with self._answering():
            col = self.collection(name)
            for start in range(0, len(ids), batch):
                end = start + batch
                col.upsert(
                    ids=ids[start:end], embeddings=embeddings[start:end],
                    metadatas=metadatas[start:end] if metadatas else None,
                )

    def query(self, vector: np.ndarray, k: int, name: str = PRODUCTS,
              where: dict[str, Any] | None = None) -> list[tuple[str, float]]:
        """Nearest ids with cosine similarity, best first."""
        if k <= 0:
            return []
        # n_results above the row count is fine for Chroma (it returns what there is), so
        # no count() round trip per query
        with self._answering():
            result = self.collection(name).query(query_embeddings=[vector], n_results=k,
                                                 where=where, include=["distances"])
        ids, distances = result["ids"][0], result["distances"][0]
        return [(i, 1.0 - float(d)) for i, d in zip(ids, distances, strict=True)]

    def vectors_for(self, ids: list[str], name: str = PRODUCTS) -> dict[str, np.ndarray]:
        """The stored embeddings of these ids (missing ids are left out)."""
        if not ids:
            return {}
        with self._answering():
            got = self.collection(name).get(ids=ids, include=["embeddings"])
        return {i: np.asarray(e, dtype=np.float32) for i, e in
                zip(got["ids"], got["embeddings"], strict=True)}

    def count(self, name: str = PRODUCTS) -> int:
        """Rows in a collection."""
        with self._answering():
            return int(self.collection(name).count())

    def ids(self, name: str = PRODUCTS) -> list[str]:
        """Every id in a collection."""
        with self._answering():
            return list(self.collection(name).get(include=[])["ids"])

    def delete(self, ids: list[str], name: str = PRODUCTS) -> None:
        """Remove rows by id."""
        if ids:
            with self._answering():
                self.collection(name).delete(ids=ids)
