"""A reusable text classifier: sentence vector + word/char n-grams + context numbers.

Logistic regression (seeded, deterministic) over

- the store's MiniLM sentence vector (``Embedder``, cached per text),
- word 1-2 gram and character 2-5 gram TF-IDF,
- optional numeric context features (for example products on screen, items in cart),

with probabilities calibrated on held-out folds (sigmoid, ``CalibratedClassifierCV``).
Fit from rows ``{"text", "label", ...context}``; predict returns ``(label, confidence)``.
Save/load write one pickle into an artefact folder (see :func:`trained_classifier`), which
is built from committed JSONL files by ``knowledge.artefacts.built_artefact`` and never
committed itself.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from knowledge.artefacts import built_artefact
from knowledge.embeddings import Embedder

MODEL_FILE = "classifier.pkl"


def split_of(key: str, *, eval_only: bool = False) -> str:
    """Fixed split of a labelled row by ``sha1(key) % 10``.

    Training sets: 0-5 train, 6-7 dev, 8-9 test. Eval-only sets: 0-4 dev, 5-9 test.
    """
    bucket = int(hashlib.sha1(key.strip().lower().encode()).hexdigest(), 16) % 10
    if eval_only:
        return "dev" if bucket < 5 else "test"
    return "train" if bucket < 6 else ("dev" if bucket < 8 else "test")


def read_jsonl(paths: Iterable[Path | str]) -> list[dict[str, Any]]:
    """Read rows from JSONL files (blank lines and ``#`` comment lines skipped)."""
    rows: list[dict[str, Any]] = []
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                rows.append(json.loads(line))
    return rows


class Predicts:
    """``predict`` for any intent model that has ``proba`` (one copy for all of them)."""

    def proba(self, text: str, context: Mapping[str, Any] | None = None) -> dict[str, float]:
        """Probability of each label for ``text`` said in ``context``."""
        raise NotImplementedError

    def predict(self, text: str, context: Mapping[str, Any] | None = None
                ) -> tuple[str, float]:
        """The most probable label of ``text`` and its probability."""
        scores = self.proba(text, context)
        best = max(scores, key=scores.__getitem__)
        return best, scores[best]


@dataclass
class ClassifierConfig:
    """Feature weights and model settings (all fixed, so training is reproducible)."""

    context_keys: tuple[str, ...] = ()
    embedding_weight: float = 1.0
    context_weight: float = 1.0
    c: float = 8.0
    calibrate: bool = True
    calibration: str = "temperature"
    ensemble: bool = False
    seed: int = 13
    char_ngrams: tuple[int, int] = (2, 5)
    word_ngrams: tuple[int, int] = (1, 2)
    extra: dict[str, Any] = field(default_factory=dict)


class TextClassifier(Predicts):
    """Fit on labelled rows, predict ``(label, confidence)``; one instance per process."""

    def __init__(self, config: ClassifierConfig, embedder: Embedder | None = None) -> None:
        """Create an unfitted classifier; the embedder is attached at fit/load time."""
        self.config = config
        self.embedder = embedder
        self.words = TfidfVectorizer(ngram_range=config.word_ngrams, sublinear_tf=True,
                                     min_df=1, lowercase=True,
                                     token_pattern=r"(?u)\b\w+\b|[?!$%]")
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=config.char_ngrams,
                                     sublinear_tf=True, min_df=2, lowercase=True)
        self.model: Any = None
        self.labels: list[str] = []
        self._fast: FastLinear | bool | None = None

    # -- features --------------------------------------------------------------------
    def _context(self, contexts: Sequence[Mapping[str, Any]]) -> np.ndarray:
        keys = self.config.context_keys
        values = [[float(c.get(k) or 0.0) for k in keys] for c in contexts]
        return np.asarray(values, dtype=np.float32).reshape(len(contexts), len(keys))

    def _vectors(self, texts: Sequence[str], *, many: bool) -> np.ndarray:
        assert self.embedder is not None, "attach an Embedder before predicting"
        if many:
            return self.embedder.embed([t.strip().lower() for t in texts])
        return np.stack([self.embedder.embed_query(t) for t in texts])

    def _features(self, texts: Sequence[str], contexts: Sequence[Mapping[str, Any]], *,
                  many: bool) -> sparse.csr_matrix:
        cfg = self.config
        parts = [self.words.transform(texts), self.chars.transform(texts)]
        if cfg.embedding_weight:  # weight 0: an n-gram-only model that never embeds
            parts.append(sparse.csr_matrix(self._vectors(texts, many=many)
                                           * cfg.embedding_weight))
        if cfg.context_keys:
            parts.append(sparse.csr_matrix(self._context(contexts) * cfg.context_weight))
        return sparse.hstack(parts, format="csr")

    # -- training --------------------------------------------------------------------
    def fit(self, rows: Sequence[Mapping[str, Any]]) -> TextClassifier:
        """Fit on rows ``{"text", "label", ...context}`` (deterministic for a given seed)."""
        if not rows:
            raise ValueError("cannot train a classifier on no rows")
        texts = [str(r["text"]) for r in rows]
        labels = [str(r["label"]) for r in rows]
        self.words.fit(texts)
        self.chars.fit(texts)
        features = self._features(texts, rows, many=True)
        base = LogisticRegression(C=self.config.c, solver="newton-cg", max_iter=200,
                                  random_state=self.config.seed)
        if self.config.calibrate and min(labels.count(x) for x in set(labels)) >= 3:
            self.model = CalibratedClassifierCV(base, method=self.config.calibration, cv=3,
                                                ensemble=self.config.ensemble)
        else:
            self.model = base
        self.model.fit(features, labels)
        self.labels = [str(x) for x in self.model.classes_]
        return self

    # -- prediction ------------------------------------------------------------------
    def proba(self, text: str, context: Mapping[str, Any] | None = None) -> dict[str, float]:
        """Calibrated probability of every label for one text.

        Served by :class:`FastLinear` (the same numbers without scikit-learn's per-call
        overhead) when the model is a multinomial LR, plain or temperature-calibrated.
        """
        if self._fast is None:
            self._fast = FastLinear.compile(self) or False
        if isinstance(self._fast, FastLinear):
            vector = (self._vectors([text], many=False)[0] if self.config.embedding_weight
                      else np.zeros(0, dtype=np.float32))
            row = self._fast.proba(text, vector, self._context([context or {}])[0])
        else:
            row = self.model.predict_proba(
                self._features([text], [context or {}], many=False))[0]
        return {label: float(p) for label, p in zip(self.labels, row, strict=True)}

    def sklearn_proba(self, text: str, context: Mapping[str, Any] | None = None
                      ) -> np.ndarray:
        """The same probabilities computed by scikit-learn itself (to check the fast path)."""
        return np.asarray(self.model.predict_proba(
            self._features([text], [context or {}], many=False))[0])

    def predict_many(self, texts: Sequence[str],
                     contexts: Sequence[Mapping[str, Any]] | None = None
                     ) -> list[tuple[str, float]]:
        """Predict many texts at once (batched embeddings)."""
        if not texts:
            return []
        ctx = list(contexts) if contexts is not None else [{} for _ in texts]
        probs = self.model.predict_proba(self._features(list(texts), ctx, many=True))
        out = []
        for row in probs:
            i = int(np.argmax(row))
            out.append((self.labels[i], float(row[i])))
        return out

    # -- persistence -----------------------------------------------------------------
    def save(self, folder: Path) -> None:
        """Write the fitted model (not the embedder) into ``folder``."""
        state = {"config": self.config, "words": self.words, "chars": self.chars,
                 "model": self.model, "labels": self.labels}
        (Path(folder) / MODEL_FILE).write_bytes(pickle.dumps(state))

    @classmethod
    def load(cls, folder: Path, embedder: Embedder) -> TextClassifier:
        """Load a model written by :meth:`save` and attach the store's embedder."""
        state = pickle.loads((Path(folder) / MODEL_FILE).read_bytes())  # noqa: S301 - own cache
        out = cls(state["config"], embedder)
        out.words, out.chars = state["words"], state["chars"]
        out.model, out.labels = state["model"], state["labels"]
        return out


class FastLinear:
    """One-text scoring of a fitted model with plain numpy, as scikit-learn scores it.

    TF-IDF by dictionary lookup, the linear logits block by block, then the temperature
    softmax.
    """

    def __init__(self, clf: TextClassifier, coef: np.ndarray, intercept: np.ndarray,
                 beta: float) -> None:
        """Split the coefficient matrix into its word, char, vector and context blocks."""
        nw, nc = len(clf.words.vocabulary_), len(clf.chars.vocabulary_)
        dim = coef.shape[1] - nw - nc - len(clf.config.context_keys)
        self.blocks = (coef[:, :nw], coef[:, nw:nw + nc], coef[:, nw + nc:nw + nc + dim],
                       coef[:, nw + nc + dim:])
        self.intercept, self.beta = intercept, beta
        self.weights = (clf.config.embedding_weight, clf.config.context_weight)
        self.vectorizers = [(v.build_analyzer(), v.vocabulary_, v.idf_) for v in
                            (clf.words, clf.chars)]

    @classmethod
    def compile(cls, clf: TextClassifier) -> FastLinear | None:
        """The fast scorer for ``clf``, or None when its model is of another kind."""
        model = clf.model
        beta = 1.0
        if isinstance(model, CalibratedClassifierCV):
            if model.method != "temperature" or len(model.calibrated_classifiers_) != 1:
                return None
            fitted = model.calibrated_classifiers_[0]
            model, beta = fitted.estimator, float(fitted.calibrators[0].beta_)
        if not isinstance(model, LogisticRegression) or model.coef_.shape[0] != len(clf.labels):
            return None
        names = [str(c) for c in model.classes_]
        if names not in (clf.labels, [str(i) for i in range(len(clf.labels))]):
            return None  # the calibrated wrapper fits its estimator on encoded labels
        return cls(clf, np.asarray(model.coef_), np.asarray(model.intercept_), beta)

    @staticmethod
    def _tfidf(analyzer: Any, vocabulary: dict[str, int], idf: np.ndarray, text: str
               ) -> tuple[np.ndarray, np.ndarray]:
        counts: dict[int, int] = {}
        for token in analyzer(text):
            index = vocabulary.get(token)
            if index is not None:
                counts[index] = counts.get(index, 0) + 1
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        idx = np.fromiter(counts, dtype=np.int64, count=len(counts))
        values = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64))) * idf[idx]
        return idx, values / np.linalg.norm(values)

    def proba(self, text: str, vector: np.ndarray, context: np.ndarray) -> np.ndarray:
        """Calibrated probabilities for one text (its sentence vector and context given)."""
        logits = self.intercept.astype(np.float64).copy()
        for block, (analyzer, vocabulary, idf) in zip(self.blocks[:2], self.vectorizers,
                                                      strict=True):
            idx, values = self._tfidf(analyzer, vocabulary, idf, text)
            logits += block[:, idx] @ values
        logits += self.blocks[2] @ (vector.astype(np.float64) * self.weights[0])
        if context.size:
            logits += self.blocks[3] @ (context.astype(np.float64) * self.weights[1])
        scaled = self.beta * logits
        scaled -= scaled.max()
        exp = np.exp(scaled)
        return np.asarray(exp / exp.sum())


def trained_classifier(cache_dir: Path, name: str, version: str, sources: Sequence[Path],
                       embedder: Embedder, config: ClassifierConfig,
                       rows: Callable[[Sequence[Path]], list[dict[str, Any]]] | None = None
                       ) -> TextClassifier:
    """Build (once, cached by source hash) and load a classifier trained on ``sources``.

    ``rows`` turns the source files into training rows (default: every row of every JSONL
    file whose ``split_of(text)`` is ``train``).
    """
    def default_rows(paths: Sequence[Path]) -> list[dict[str, Any]]:
        return [r for r in read_jsonl(paths) if split_of(r["text"]) == "train"]

    def build(folder: Path) -> None:
        TextClassifier(config, embedder).fit((rows or default_rows)(sources)).save(folder)

    folder = built_artefact(cache_dir, name, version, sources, build)
    return TextClassifier.load(folder, embedder)
