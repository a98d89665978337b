"""The local embedding model (all-MiniLM-L6-v2 from its wheel), batched, with a query cache."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from knowledge.settings import Settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


Encode = Callable[[Sequence[str], int], np.ndarray]


class Embedder:
    """Sentence embeddings, L2-normalised float32; the one place the model is loaded."""

    def __init__(self, settings: Settings) -> None:
        """Load the packaged model from disk (never from a hub) on the configured backend."""
        path = settings.resolved_embedding_dir()
        self.backend = settings.embedding_backend
        self.batch_size = settings.embedding_batch_size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = settings.embedding_cache_size
        self._lock = threading.Lock()
        self.model_name = path.name if path.name != "model" else "all-MiniLM-L6-v2"
        threads = max(1, os.cpu_count() or 1)
        if self.backend == "torch":
            self._encode = self._torch_encoder(path, threads)
        else:
            from knowledge.onnx_encoder import OnnxEncoder

            encoder = OnnxEncoder(path, settings.model_cache_dir,
                                  quantized=self.backend == "onnx-int8", threads=threads)
            self.dimension = encoder.dimension
            self._encode = encoder.encode

    def _torch_encoder(self, path: Path, threads: int) -> Encode:
        import torch
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        torch.set_num_threads(threads)
        hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        self.dimension = int(model.get_embedding_dimension() or 384)

        def encode(texts: Sequence[str], batch_size: int) -> np.ndarray:
            return np.asarray(model.encode(list(texts), batch_size=batch_size,
                                           normalize_embeddings=True, convert_to_numpy=True,
                                           show_progress_bar=False))
        return encode

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed many texts in batches; returns an (n, dim) array of unit vectors."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._lock:
            vectors = self._encode(list(texts), self.batch_size)
        return np.asarray(vectors, dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        """Embed one query, served from an LRU cache when seen recently."""
        key = text.strip().lower()
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        vector: np.ndarray = self.embed([key])[0]
        with self._lock:
            self._cache[key] = vector
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return vector

    def embed_cached(self, texts: Sequence[str]) -> np.ndarray:
        """Embed many short texts, reusing (and filling) the LRU cache; one batch for misses."""
        keys = [t.strip().lower() for t in texts]
        with self._lock:
            missing = list(dict.fromkeys(k for k in keys if k not in self._cache))
        if missing:
            fresh = self.embed(missing)
            with self._lock:
                for key, vector in zip(missing, fresh, strict=True):
                    self._cache[key] = vector
                while len(self._cache) > max(self._cache_size, len(keys)):
                    self._cache.popitem(last=False)
        with self._lock:
            found = [self._cache.get(k) for k in keys]
        vectors = [v for v in found if v is not None]
        if len(vectors) < len(found):  # evicted meanwhile: embed directly
            return self.embed(keys)
        return np.stack(vectors) if vectors else np.zeros((0, self.dimension), dtype=np.float32)

    def similarity(self, a: str, b: str) -> float:
        """Cosine similarity of two short texts."""
        return float(self.embed_query(a) @ self.embed_query(b))
