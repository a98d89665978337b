"""The embedding backends agree: ONNX (fp32 and int8) reproduces sentence-transformers."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import numpy as np
import pytest

from knowledge.embeddings import Embedder
from knowledge.errors import ConfigError
from knowledge.settings import Settings

TEXTS = [
    "shoes for pregnant women",  # short, no padding in a batch of one
    "x",
    "Trail Running Shoe By Stride: Waterproof, Slip-Resistant, Cushioned mesh upper, "
    "rubber outsole, wide fit, sizes 6-12, ideal for muddy trails and long weekend runs "
    "with a breathable lining and a reinforced toe cap " * 6,  # longer than 256 tokens
    "bamboo baby bowls, BPA-free, suction base",
]


def _embed(backend: Literal["torch", "onnx", "onnx-int8"], tmp: Path) -> np.ndarray:
    return Embedder(Settings(data_dir=tmp, embedding_backend=backend)).embed(TEXTS)


def test_onnx_backends_match_sentence_transformers(tmp_path: Path) -> None:
    reference = _embed("torch", tmp_path)
    exact = _embed("onnx", tmp_path)
    quantized = _embed("onnx-int8", tmp_path)
    assert np.allclose(np.linalg.norm(exact, axis=1), 1.0, atol=1e-4)
    assert (reference * exact).sum(axis=1).min() > 0.9999
    assert (reference * quantized).sum(axis=1).min() > 0.97
    # one text alone gives the same vector as inside a padded batch
    alone = Embedder(Settings(data_dir=tmp_path, embedding_backend="onnx")).embed(TEXTS[:1])
    assert float(alone[0] @ exact[0]) > 0.9999


def test_int8_vector_does_not_depend_on_batch_mates(tmp_path: Path) -> None:
    """int8 quantises activations per run: each text is run alone, so its batch never moves it."""
    embedder = Embedder(Settings(data_dir=tmp_path, embedding_backend="onnx-int8"))
    together = embedder.embed(TEXTS)
    reordered = embedder.embed(TEXTS[::-1])[::-1]
    alone = np.stack([embedder.embed([text])[0] for text in TEXTS])
    assert np.array_equal(together, alone)
    assert np.array_equal(reordered, alone)


def test_similar_meanings_rank_above_unrelated(embedder: Embedder) -> None:
    query = embedder.embed_query("running shoes")
    near = embedder.embed(["trainers for jogging"])[0]
    far = embedder.embed(["stainless steel saucepan"])[0]
    assert float(query @ near) > float(query @ far) + 0.2


def test_unusable_cache_dir_names_the_setting(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ConfigError, match="SHOPMAGE_MODEL_CACHE_DIR"):
        Embedder(Settings(data_dir=tmp_path, embedding_backend="onnx",
                          model_cache_dir=blocker / "cache"))
