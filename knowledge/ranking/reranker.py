"""The serving side of the learned ranker: rerank the hybrid top candidates of one query.

:class:`Reranker` holds the trained LightGBM booster and the per-field index of the
catalogue. :func:`load_reranker` builds the model once per machine from the ESCI files in
the repo (cached with :func:`knowledge.artefacts.built_artefact`) and
:func:`attach_reranker` plugs it into a store's search. Search keeps the hybrid order
whenever reranking fails (see ``SearchEngine.search``).
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlmodel import Session, select

from knowledge.catalogue_origin import is_generated_demo
from knowledge.models import Product
from knowledge.ranking.features import FEATURES, candidate_features
from knowledge.ranking.fields import FieldIndex

if TYPE_CHECKING:
    from knowledge.embeddings import Embedder
    from knowledge.settings import Settings
    from knowledge.store import Store

log = logging.getLogger("shopmage.ranking")
NAME, VERSION = "esci-ranker", "3"
DEPTH = 40  # hybrid candidates reranked per query
VECTOR_CACHE = 20_000


class Reranker:
    """A trained booster plus the catalogue's per-field statistics."""

    def __init__(self, booster: Any, depth: int = DEPTH) -> None:
        """Wrap a LightGBM booster or an ``Ensemble`` of them (features: :data:`FEATURES`)."""
        if booster.num_feature() != len(FEATURES):
            raise ValueError(f"ranker model has {booster.num_feature()} features, "
                             f"expected {len(FEATURES)}")
        self.booster, self.depth = booster, depth
        self.fields = FieldIndex()
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self._fetch: Callable[[list[str]], dict[str, np.ndarray]] | None = None

    def index_products(self, products: list[Product]) -> None:
        """Add or refresh products in the per-field index and their cached vectors.

        After :meth:`warm`, the products' stored vectors are loaded now (they are stored
        before search is told of new products); a failure there only leaves them to be
        fetched at search time, it never fails the import.
        """
        self.fields.upsert(products)
        with self._lock:
            for p in products:
                self._vectors.pop(p.id, None)
        if self._fetch is not None:
            try:
                self._load([p.id for p in products][:VECTOR_CACHE])
            except Exception:
                log.exception("ranker could not preload %d vectors; fetched per search",
                              len(products))

    def vectors(self, ids: list[str], dimension: int,
                fetch: Callable[[list[str]], dict[str, np.ndarray]]) -> np.ndarray:
        """The candidates' embeddings (NaN rows where unknown), cached between queries."""
        with self._lock:
            missing = [i for i in ids if i not in self._vectors]
        got = fetch(missing) if missing else {}
        with self._lock:
            self._vectors.update(got)
            while len(self._vectors) > VECTOR_CACHE:
                self._vectors.popitem(last=False)
            vecs = [self._vectors.get(i) for i in ids]
        out = np.full((len(ids), dimension), np.nan, dtype=np.float32)
        for row, vec in enumerate(vecs):
            if vec is not None:
                out[row] = vec
        return out

    def warm(self, fetch: Callable[[list[str]], dict[str, np.ndarray]],
             chunk: int = 2_000) -> int:
        """Load the indexed products' vectors now (up to the cache size), not at first search.

        Returns how many vectors are cached. A search then reads candidates' vectors from
        memory instead of asking the vector store for them; products indexed later are
        loaded as they are indexed.
        """
        self._fetch = fetch
        self._load(list(self.fields.docs)[:VECTOR_CACHE], chunk)
        return len(self._vectors)

    def _load(self, ids: list[str], chunk: int = 2_000) -> None:
        if self._fetch is None:
            return
        for start in range(0, len(ids), chunk):
            got = self._fetch(ids[start:start + chunk])
            with self._lock:
                self._vectors.update(got)
                while len(self._vectors) > VECTOR_CACHE:
                    self._vectors.popitem(last=False)

    def scores(self, query: str, ids: list[str], bm25: np.ndarray, vectors: np.ndarray,
               query_vector: np.ndarray, popularity: np.ndarray,
               knowledge: np.ndarray | None) -> np.ndarray:
        """Model scores of the candidates ``ids`` (higher is better)."""
        docs = [self.fields.docs[i] for i in ids]
        cosine = vectors @ query_vector
        x = candidate_features(query, docs, self.fields, bm25, cosine, popularity, knowledge,
                               vectors)
        # one thread: for 40 rows, starting an OpenMP team costs more than the trees
        return np.asarray(self.booster.predict(x, num_threads=1), dtype=float)


def model_folder(settings: Settings, embedder: Embedder | None = None) -> Path:
    """Build (once, seeded) and return the folder holding the trained ranker."""
    from knowledge.artefacts import built_artefact
    from knowledge.embeddings import Embedder
    from knowledge.ranking.select import write_model
    from knowledge.ranking.train import ESCI_JUDGMENTS, ESCI_PRODUCTS, training_rows

    def build(folder: Path) -> None:
        model = embedder or Embedder(settings)
        rows = training_rows(ESCI_JUDGMENTS, ESCI_PRODUCTS, lambda texts: model.embed(texts))
        write_model(folder, rows, seed=0)

    code = [Path(__file__).with_name(n)
            for n in ("features.py", "fields.py", "matches.py", "train.py", "select.py")]
    # training applies attribute extraction as the importer does: its code is a source too
    extraction = Path(__file__).parent.parent / "extraction"
    code += sorted(p for p in extraction.iterdir() if p.suffix in (".py", ".txt"))
    code.append(extraction.parent / "onnx_encoder.py")  # the vectors it trains on
    # and the calibrated filter's training files (it keeps the attributes the ranker sees)
    from knowledge.extraction.gold import GOLD_DIR, GUIDELINE, TRAIN_SETS

    code += [GOLD_DIR / name for name in TRAIN_SETS] + [GUIDELINE]
    return built_artefact(settings.model_cache_dir, NAME, VERSION,
                          [ESCI_JUDGMENTS, ESCI_PRODUCTS, *code], build)


def load_reranker(settings: Settings, embedder: Embedder | None = None) -> Reranker:
    """The trained ranker (built from the repo's ESCI files on first use, then cached)."""
    from knowledge.ranking.select import load_model

    return Reranker(load_model(model_folder(settings, embedder)))


def attach_reranker(store: Store) -> Reranker | None:
    """Plug the learned ranker into ``store.search`` when enabled; on failure keep hybrid.

    It stays off on the generated demo world: trained on real listings, it ranks real
    catalogues better (+0.06 nDCG@10 on ESCI) but loses implicit-need results on the
    generated one (``python -m evals.implicit_needs demo``).
    """
    if not store.settings.ranker_enabled or is_generated_demo(store.settings):
        store.search.set_reranker(None)
        return None
    try:
        reranker = load_reranker(store.settings, store.embedder)
        with Session(store.engine) as session:
            reranker.index_products(list(session.exec(select(Product))))
        reranker.warm(store.vectors.vectors_for)
    except Exception:
        log.exception("learned ranker unavailable; search keeps the hybrid order")
        store.search.set_reranker(None)
        return None
    store.search.set_reranker(reranker)
    return reranker
