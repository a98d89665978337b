"""Slot tagger: a CRF over query tokens, trained on QueryNER train, with catalogue gazetteers.

``train_tagger(folder)`` fits a seeded (deterministic) linear-chain CRF on the QueryNER
train split committed in ``knowledge/nlp/data``; ``load_tagger(settings)`` builds it once
per machine through :func:`knowledge.artefacts.built_artefact` and keeps it per process.
``Tagger.tag(text, vocabulary)`` returns labelled character spans; ``vocabulary`` is the
store's catalogue as a :class:`~knowledge.nlp.gazetteer.Gazetteer` (brands, colours,
types...), applied as features so the same model serves any imported catalogue.

Features per token (knowledge/nlp/features.py): the word, affixes, shape, neighbours,
gazetteer hits, how often the word carried each label in training (out-of-fold), and
k-means clusters of the packaged MiniLM's static word-piece vectors (knowledge/nlp/wordvec.py),
which carry what the model learned to words it never saw.

Contextual features (knowledge/nlp/contextual.py, ``contextual=True``; off in serving): the
first three layers of the packaged MiniLM give each word a vector that has read the whole
query; a small token classifier over those vectors predicts each word's label, and its
probabilities (out-of-fold in training) are features of both models. On QueryNER they moved
dev product type 0.659 -> 0.675 but test 0.680 -> 0.661, and they cost a MiniLM pass per
message and ~40 s more training CPU, so the plain model serves (``USE_CONTEXT``).

Product-type spans come from a second model over the same features, an averaged perceptron
(``type.crfsuite``): on QueryNER dev it finds product types better than the L-BFGS CRF
(span F1 0.637 -> 0.661) while the CRF stays better for every other slot, so each model
answers what it does best.
"""

from __future__ import annotations

import ctypes
import json
import re
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pycrfsuite

from knowledge.artefacts import built_artefact
from knowledge.nlp.contextual import MiniLMLayers, TokenClassifier, pca, stack_features
from knowledge.nlp.features import sentence_features, word_stats
from knowledge.nlp.gazetteer import Gazetteer, GazetteerStack, norm_token
from knowledge.nlp.lexicon import BASE_AUDIENCES, BASE_COLORS, BASE_MATERIALS
from knowledge.nlp.wordvec import WordClusters, WordVectors, kmeans
from knowledge.settings import default_embedding_dir

DATA = Path(__file__).parent / "data" / "queryner_train.jsonl"
NAME, VERSION = "slot-tagger", "3"
LABELS = {"core_product_type": "product_type", "creator": "brand", "department": "audience",
          "UoM": "size"}
GAZ_LABELS = ("brand", "color", "material", "product_type", "audience")
USE_STATS = True
USE_CLUSTERS = True
USE_CONTEXT = False  # serving: the plain model (see the module docstring)
CLUSTER_SIZES = (64, 256)
FOLDS = 5
CRF_PARAMS = {"c1": 0.02, "c2": 0.1, "max_iterations": 120,
              "feature.possible_transitions": True}
TYPE_LABEL = "product_type"
TYPE_PARAMS = {"max_iterations": 30, "feature.possible_transitions": True}  # averaged perceptron
TYPE_SEED = 1
_ARTICLES = frozenset({"a", "an", "the", "my", "your", "some", "our"})
_TOKEN = re.compile(r"\S+")
_EDGE = "\"'“”‘’,.?!;:()[]{}"


@dataclass(frozen=True)
class Span:
    """One tagged stretch of the input: ``text == input[start:end]``."""

    label: str
    start: int
    end: int
    text: str


def read_queryner(path: Path) -> list[tuple[list[str], list[str]]]:
    """(tokens, BIO labels with our label names) for each row of a QueryNER file."""
    rows = []
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                rows.append((row["tokens"], [_rename(tag) for tag in row["labels"]]))
    return rows


def _rename(tag: str) -> str:
    if tag == "O":
        return tag
    prefix, _, kind = tag.partition("-")
    return f"{prefix}-{LABELS.get(kind, kind)}"


def entities(tokens: list[str], labels: list[str]) -> list[tuple[str, str]]:
    """(label, lower-case text) of every BIO entity in one labelled query."""
    out: list[tuple[str, str]] = []
    for start, end, label in bio_spans(labels):
        out.append((label, " ".join(norm_token(t) for t in tokens[start:end])))
    return out


def bio_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """Token spans (start, end, label) from BIO tags; a stray I- opens a new span."""
    spans: list[tuple[int, int, str]] = []
    for i, tag in enumerate(labels):
        if tag == "O":
            continue
        prefix, kind = tag.split("-", 1)
        if prefix == "I" and spans and spans[-1][1] == i and spans[-1][2] == kind:
            spans[-1] = (spans[-1][0], i + 1, kind)
        else:
            spans.append((i, i + 1, kind))
    return spans


def base_gazetteer() -> Gazetteer:
    """The store-independent word lists (colours, materials, audiences)."""
    return Gazetteer.from_terms(color=BASE_COLORS, material=BASE_MATERIALS,
                                audience=list(BASE_AUDIENCES))


def gazetteer_from(rows: list[tuple[list[str], list[str]]], min_count: int = 1) -> Gazetteer:
    """Terms labelled at least ``min_count`` times in ``rows`` (for the gazetteer labels)."""
    counts: dict[tuple[str, str], int] = {}
    for tokens, labels in rows:
        for label, text in entities(tokens, labels):
            if label in GAZ_LABELS:
                counts[(label, text)] = counts.get((label, text), 0) + 1
    gaz = Gazetteer()
    for (label, text), n in sorted(counts.items()):
        if n >= min_count:
            gaz.add(label, text)
    return gaz


def train_tagger(folder: Path, data: Path = DATA, contextual: bool = USE_CONTEXT) -> Path:
    """Fit the CRF on ``data`` and write ``model.crfsuite``, ``gazetteer.json``, ``meta.json``.

    Gazetteer features in training come from the *other* folds' labelled terms (plus the
    base word lists), so the model learns how far a gazetteer hit can be trusted, as it
    will be at inference with a catalogue it has never seen. ``contextual``: add the
    MiniLM token classifier's out-of-fold label probabilities as features (``context.npz``).
    """
    began = time.perf_counter()
    rows = read_queryner(data)
    clusters = _fit_clusters(rows, folder) if USE_CLUSTERS else None
    folds = [rows[f::FOLDS] for f in range(FOLDS)]
    context = _fit_context(rows, folder) if contextual else None
    base = base_gazetteer()
    trainer = pycrfsuite.Trainer(verbose=False)
    type_trainer = pycrfsuite.Trainer("ap", verbose=False)
    for f, fold in enumerate(folds):
        others = [r for g, part in enumerate(folds) if g != f for r in part]
        gaz = base.merged(gazetteer_from(others))
        stats = word_stats(_normalised(others)) if USE_STATS else None
        for k, (tokens, labels) in enumerate(fold):
            words = [norm_token(t) for t in tokens]
            features = sentence_features(words, gaz, stats, clusters)
            if context is not None:
                features = _with(features, context[f + k * FOLDS])
            trainer.append(features, labels)
            type_trainer.append(features, labels)
    trainer.set_params(CRF_PARAMS)
    type_trainer.set_params(TYPE_PARAMS)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    trainer.train(str(folder / "model.crfsuite"))
    _seed_c_rand(TYPE_SEED)  # the perceptron shuffles its data with the C library's rand()
    type_trainer.train(str(folder / "type.crfsuite"))
    learned = gazetteer_from(rows)
    (folder / "stats.json").write_text(json.dumps(
        word_stats(_normalised(rows)) if USE_STATS else None), encoding="utf-8")
    (folder / "gazetteer.json").write_text(json.dumps(
        [[list(k), v] for k, v in sorted(learned.terms.items())]), encoding="utf-8")
    (folder / "meta.json").write_text(json.dumps({
        "rows": len(rows), "contextual": contextual, "params": CRF_PARAMS,
        "type_params": TYPE_PARAMS,
        "seconds": round(time.perf_counter() - began, 2), "version": VERSION}), encoding="utf-8")
    return folder


def _fit_clusters(rows: list[tuple[list[str], list[str]]], folder: Path) -> WordClusters:
    """Seeded k-means over the training words' static vectors; centroids saved in ``folder``."""
    vectors = WordVectors(default_embedding_dir())
    words = sorted({norm_token(t) for tokens, _ in rows for t in tokens})
    matrix = vectors.matrix(words)
    centroids = {f"c{k}": kmeans(matrix, k) for k in CLUSTER_SIZES}
    Path(folder).mkdir(parents=True, exist_ok=True)
    np.savez(Path(folder) / "clusters.npz", **centroids)  # type: ignore[arg-type]
    return WordClusters(vectors, centroids)


def _fit_context(rows: list[tuple[list[str], list[str]]], folder: Path) -> list[Any]:
    """Out-of-fold contextual features per training row; the full classifier saved in ``folder``.

    Each fold's rows get probabilities from a classifier trained on the other folds (the
    same folds as the gazetteer and word statistics), so the CRF sees them as it will at
    inference, on queries the classifier never trained on.
    """
    layers = MiniLMLayers(default_embedding_dir())
    vectors = layers.word_vectors([tokens for tokens, _ in rows])
    tags = [labels for _, labels in rows]
    labels = sorted({t for sentence in tags for t in sentence})
    projection = pca(vectors)
    features: list[Any] = [None] * len(rows)
    for f in range(FOLDS):
        train = [i for i in range(len(rows)) if i % FOLDS != f]
        model = TokenClassifier.fit([vectors[i] for i in train], [tags[i] for i in train],
                                    labels, projection)
        for i in range(f, len(rows), FOLDS):
            features[i] = stack_features(model.probabilities(vectors[i]), labels)
    Path(folder).mkdir(parents=True, exist_ok=True)
    TokenClassifier.fit(vectors, tags, labels, projection).save(Path(folder) / "context.npz")
    return features


def _with(features: list[dict[str, Any]], extra: list[dict[str, float]]) -> list[dict[str, Any]]:
    return [dict(f, **e) for f, e in zip(features, extra, strict=True)]


def _seed_c_rand(seed: int) -> None:
    """Seed the C library's ``rand()`` (crfsuite's data shuffling) so training is repeatable."""
    libc = ctypes.CDLL(None) if sys.platform != "win32" else ctypes.cdll.msvcrt
    libc.srand(ctypes.c_uint(seed))


def with_types(labels: list[str], typed: list[str], words: list[str] | None = None) -> list[str]:
    """``labels`` with their product-type spans replaced by those of ``typed``.

    A span from ``typed`` is placed only where ``labels`` hold no other slot, without a
    leading article ("a toaster": 1 type in 6,681 of QueryNER train starts with one). When
    ``typed`` names no product type at all, the CRF's own stay.
    """
    spans = [(s, e) for s, e, kind in bio_spans(typed) if kind == TYPE_LABEL]
    if not spans:
        return list(labels)
    out = ["O" if tag.endswith("-" + TYPE_LABEL) else tag for tag in labels]
    for start, end in spans:
        while words and start < end - 1 and words[start] in _ARTICLES:
            start += 1
        if all(out[t] == "O" for t in range(start, end)):
            out[start:end] = [f"B-{TYPE_LABEL}"] + [f"I-{TYPE_LABEL}"] * (end - start - 1)
    return out


def _normalised(rows: list[tuple[list[str], list[str]]]) -> list[tuple[list[str], list[str]]]:
    return [([norm_token(t) for t in tokens], labels) for tokens, labels in rows]


class Tagger:
    """A trained slot tagger (thread-safe: one crfsuite tagger per thread)."""

    def __init__(self, folder: Path) -> None:
        """Open the model and the gazetteer learned from the training data in ``folder``."""
        self.folder = Path(folder)
        self.model = str(self.folder / "model.crfsuite")
        self.type_model = str(self.folder / "type.crfsuite")
        raw = json.loads((self.folder / "gazetteer.json").read_text(encoding="utf-8"))
        self.gazetteer = base_gazetteer().merged(Gazetteer({tuple(k): v for k, v in raw}))
        self.meta: dict[str, Any] = json.loads((self.folder / "meta.json").read_text())
        self.stats = json.loads((self.folder / "stats.json").read_text(encoding="utf-8"))
        self.clusters = None
        if (self.folder / "clusters.npz").is_file():
            with np.load(self.folder / "clusters.npz") as saved:
                centroids = {name: saved[name] for name in saved.files}
            self.clusters = WordClusters(WordVectors(default_embedding_dir()), centroids)
        self.context: tuple[MiniLMLayers, TokenClassifier] | None = None
        if (self.folder / "context.npz").is_file():
            self.context = (MiniLMLayers(default_embedding_dir()),
                            TokenClassifier.load(self.folder / "context.npz"))
        self._context_cache: dict[tuple[str, ...], list[dict[str, float]]] = {}
        self._local = threading.local()

    def _crf(self) -> tuple[pycrfsuite.Tagger, pycrfsuite.Tagger]:
        crfs = getattr(self._local, "crfs", None)
        if crfs is None:
            crfs = (pycrfsuite.Tagger(), pycrfsuite.Tagger())
            crfs[0].open(self.model)
            crfs[1].open(self.type_model)
            self._local.crfs = crfs
        return crfs

    def _context(self, pieces: tuple[str, ...]) -> list[dict[str, float]]:
        """The contextual features of these words (the model is uncased), cached per query.

        The same message is often tagged twice (slots, then the answer's honesty check).
        """
        found = self._context_cache.get(pieces)
        if found is None and self.context is not None:
            layers, classifier = self.context
            vectors = layers.word_vectors([list(pieces)])[0]
            found = stack_features(classifier.probabilities(vectors), classifier.labels)
            with _LOCK:
                if len(self._context_cache) >= 4096:
                    self._context_cache.clear()
                self._context_cache[pieces] = found
        return found or []

    def _gazetteer(self, vocabulary: Gazetteer | None) -> Gazetteer | GazetteerStack:
        return self.gazetteer if vocabulary is None else GazetteerStack((vocabulary,
                                                                         self.gazetteer))

    def tag(self, text: str, vocabulary: Gazetteer | None = None) -> list[Span]:
        """Labelled spans of ``text``; ``vocabulary``: the catalogue's terms, as features."""
        found = [(m.start(), m.end()) for m in _TOKEN.finditer(text)][:64]
        if not found:
            return []
        words = [norm_token(text[s:e]) for s, e in found]
        features = sentence_features(words, self._gazetteer(vocabulary), self.stats,
                                     self.clusters)
        if self.context is not None:
            features = _with(features, self._context(tuple(text[s:e].lower() for s, e in found)))
        slots, types = self._crf()
        labels = with_types(slots.tag(features), types.tag(features), words)
        spans = []
        for first, last, label in bio_spans(labels):
            start, end = found[first][0], found[last - 1][1]
            while start < end and text[start] in _EDGE:
                start += 1
            while end > start and text[end - 1] in _EDGE:
                end -= 1
            if end > start:
                spans.append(Span(label, start, end, text[start:end]))
        return spans


_CACHE: dict[Path, Tagger] = {}
_LOCK = threading.Lock()


def tagger_folder(cache_dir: Path, contextual: bool = USE_CONTEXT) -> Path:
    """Build (once per machine) or find the trained tagger under ``cache_dir``."""
    here = Path(__file__).parent
    sources = [DATA, here / "tagger.py", here / "features.py", here / "gazetteer.py",
               here / "lexicon.py", here / "wordvec.py"]
    if contextual:
        sources.append(here / "contextual.py")

    def build(folder: Path) -> None:
        train_tagger(folder, contextual=contextual)

    version = f"{VERSION}-context" if contextual else VERSION
    return built_artefact(Path(cache_dir), NAME, version, sources, build)


def train_for(settings: Any) -> Path:
    """Build the tagger artefact for ``settings`` (what ``shopmage train understanding`` runs)."""
    return tagger_folder(settings.model_cache_dir)


def load_tagger(settings: Any, contextual: bool = USE_CONTEXT) -> Tagger:
    """The process-wide tagger for ``settings.model_cache_dir`` (built on first use)."""
    folder = tagger_folder(settings.model_cache_dir, contextual)
    with _LOCK:
        if folder not in _CACHE:
            _CACHE[folder] = Tagger(folder)
        return _CACHE[folder]


def tag(text: str, vocabulary: Gazetteer | None = None, settings: Any = None) -> list[Span]:
    """Tag ``text`` with the process-wide tagger (``settings``: default Settings())."""
    if settings is None:
        from knowledge.settings import Settings

        settings = Settings()
    return load_tagger(settings).tag(text, vocabulary)
