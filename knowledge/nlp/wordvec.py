"""Word clusters from the packaged MiniLM's input embeddings: features that generalise to new words.

A word's vector is the mean of its word-piece input embeddings (no network pass, so it
costs microseconds); k-means over the training vocabulary (seeded) gives cluster ids the
tagger uses as features, so "bookcase" behaves like the "dresser" it has seen.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

_LOCK = threading.Lock()


class WordVectors:
    """Static word vectors: word-piece tokenizer + input embedding table of the packaged MiniLM."""

    def __init__(self, model_dir: Path) -> None:
        """Open the tokenizer and the embedding table (memory-mapped) from ``model_dir``."""
        from safetensors import safe_open
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(Path(model_dir) / "tokenizer.json"))
        with safe_open(str(Path(model_dir) / "model.safetensors"), "np") as handle:
            name = next(k for k in handle.keys() if k.endswith("word_embeddings.weight"))
            self.table = np.asarray(handle.get_tensor(name), dtype=np.float32)
        self._cache: dict[str, np.ndarray] = {}

    def vector(self, word: str) -> np.ndarray:
        """The unit-length mean word-piece embedding of ``word``."""
        found = self._cache.get(word)
        if found is None:
            with _LOCK:
                ids = self.tokenizer.encode(word, add_special_tokens=False).ids or [100]
            vec = self.table[ids].mean(axis=0)
            found = vec / (np.linalg.norm(vec) or 1.0)
            if len(self._cache) < 200_000:
                self._cache[word] = found
        return found

    def matrix(self, words: list[str]) -> np.ndarray:
        """Vectors of ``words`` stacked in rows."""
        return np.stack([self.vector(w) for w in words]) if words else np.zeros((0, 384))


def kmeans(vectors: np.ndarray, k: int, seed: int = 13, iterations: int = 25) -> np.ndarray:
    """Seeded spherical k-means; returns the ``k`` unit centroids."""
    rng = np.random.default_rng(seed)
    centroids = vectors[rng.choice(len(vectors), size=min(k, len(vectors)), replace=False)]
    for _ in range(iterations):
        assign = np.argmax(vectors @ centroids.T, axis=1)
        for c in range(len(centroids)):
            members = vectors[assign == c]
            if len(members):
                mean = members.mean(axis=0)
                centroids[c] = mean / (np.linalg.norm(mean) or 1.0)
    return centroids


class WordClusters:
    """Nearest-centroid cluster ids at two granularities."""

    def __init__(self, vectors: WordVectors, centroids: dict[str, np.ndarray]) -> None:
        """``centroids``: name ("c64", "c256"...) -> (k, dim) unit centroids."""
        self.vectors, self.centroids = vectors, centroids
        self._cache: dict[str, dict[str, str]] = {}

    def of(self, word: str) -> dict[str, str]:
        """Cluster id per granularity for ``word``."""
        found = self._cache.get(word)
        if found is None:
            vec = self.vectors.vector(word)
            found = {name: str(int(np.argmax(c @ vec))) for name, c in self.centroids.items()}
            if len(self._cache) < 200_000:
                self._cache[word] = found
        return found
