"""Training the slot tagger: a seeded CRF and a type perceptron on QueryNER train.

``train_tagger(folder)`` fits a seeded (deterministic) linear-chain CRF on the QueryNER
train split committed in ``knowledge/nlp/data`` and writes the files
:class:`knowledge.nlp.tagger.Tagger` opens.

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
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pycrfsuite

from knowledge.nlp.bio import base_gazetteer, gazetteer_from, read_queryner
from knowledge.nlp.contextual import MiniLMLayers, TokenClassifier, pca, stack_features
from knowledge.nlp.features import sentence_features, word_stats
from knowledge.nlp.gazetteer import norm_token
from knowledge.nlp.wordvec import WordClusters, WordVectors, kmeans
from knowledge.settings import default_embedding_dir

DATA = Path(__file__).parent / "data" / "queryner_train.jsonl"
VERSION = "3"
USE_STATS = True
USE_CLUSTERS = True
USE_CONTEXT = False  # serving: the plain model (see the module docstring)
CLUSTER_SIZES = (64, 256)
FOLDS = 5
CRF_PARAMS = {"c1": 0.02, "c2": 0.1, "max_iterations": 120,
              "feature.possible_transitions": True}
TYPE_PARAMS = {"max_iterations": 30, "feature.possible_transitions": True}  # averaged perceptron
TYPE_SEED = 1


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
                features = with_extra(features, context[f + k * FOLDS])
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


def with_extra(features: list[dict[str, Any]], extra: list[dict[str, float]]
               ) -> list[dict[str, Any]]:
    """Each token's features with its extra (contextual) features added."""
    return [dict(f, **e) for f, e in zip(features, extra, strict=True)]


def _seed_c_rand(seed: int) -> None:
    """Seed the C library's ``rand()`` (crfsuite's data shuffling) so training is repeatable."""
    libc = ctypes.CDLL(None) if sys.platform != "win32" else ctypes.cdll.msvcrt
    libc.srand(ctypes.c_uint(seed))


def _normalised(rows: list[tuple[list[str], list[str]]]) -> list[tuple[list[str], list[str]]]:
    return [([norm_token(t) for t in tokens], labels) for tokens, labels in rows]
