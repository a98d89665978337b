"""Slot tagger: a CRF over query tokens, trained on QueryNER train, with catalogue gazetteers.

``load_tagger(settings)`` builds the tagger once per machine (training:
:mod:`knowledge.nlp.tagger_train`) through :func:`knowledge.artefacts.built_artefact` and
keeps it per process. ``Tagger.tag(text, vocabulary)`` returns labelled character spans;
``vocabulary`` is the store's catalogue as a :class:`~knowledge.nlp.gazetteer.Gazetteer`
(brands, colours, types...), applied as features so the same model serves any imported
catalogue. Product-type spans come from the type perceptron, every other slot from the CRF
(:func:`knowledge.nlp.bio.with_types`). The names callers import from here (``DATA``,
``train_tagger``, ``read_queryner``...) live in those two modules and are re-exported.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pycrfsuite

from knowledge.artefacts import built_artefact
from knowledge.nlp.bio import LABELS, base_gazetteer, bio_spans, entities, read_queryner, with_types
from knowledge.nlp.contextual import MiniLMLayers, TokenClassifier, stack_features
from knowledge.nlp.features import sentence_features
from knowledge.nlp.gazetteer import Gazetteer, GazetteerStack, norm_token
from knowledge.nlp.tagger_train import DATA, USE_CONTEXT, VERSION, train_tagger, with_extra
from knowledge.nlp.wordvec import WordClusters, WordVectors
from knowledge.settings import default_embedding_dir

__all__ = ["DATA", "LABELS", "USE_CONTEXT", "Span", "Tagger", "entities", "load_tagger",
           "read_queryner", "tag", "tagger_folder", "train_for", "train_tagger", "with_types"]

NAME = "slot-tagger"
_TOKEN = re.compile(r"\S+")
_EDGE = "\"'“”‘’,.?!;:()[]{}"


@dataclass(frozen=True)
class Span:
    """One tagged stretch of the input: ``text == input[start:end]``."""

    label: str
    start: int
    end: int
    text: str


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
            pieces = tuple(text[s:e].lower() for s, e in found)
            features = with_extra(features, self._context(pieces))
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
    sources = [DATA, here / "tagger.py", here / "tagger_train.py", here / "bio.py",
               here / "features.py", here / "gazetteer.py", here / "lexicon.py",
               here / "wordvec.py"]
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
