"""Contextual word vectors from the packaged MiniLM's first layers and a token classifier on them.

The tagger's lexical features see a word and its neighbours; they cannot tell that "shorts" in
"patrick shorts men" is the thing bought while "patrick" is not. The packaged sentence model's
early layers can: after three of its six transformer layers each word piece has mixed in the
whole query. :class:`MiniLMLayers` runs those layers in numpy straight from the wheel's
safetensors (no export, no ONNX session, no network), and a word's vector is the mean of its
pieces' states.

:class:`TokenClassifier` (PCA to 64 dimensions, a window of three words, one hidden layer of
128) predicts each word's BIO label from those vectors alone; the tagger feeds its label
probabilities to the CRF and the product-type perceptron as features (stacking), out-of-fold
in training so the CRF learns how far to trust them. It trains with torch on one thread from a
fixed seed, so the same files give the same model.

Fine-tuning these layers end to end as a BIO token classifier (torch, one thread, seeded) was
tried in place of the frozen vectors and not kept: as the source of product-type spans it gave
QueryNER dev 0.659-0.693 but test 0.627-0.643 against the served 0.659 / 0.680 (five runs,
seeds 0-2), worse material spans, and one epoch over QueryNER train costs ~76 s on one quiet
core, so it does not fit the two-minute training budget (README, issue 12 row).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

import numpy as np
from scipy.special import erf
from threadpoolctl import ThreadpoolController

LAYERS = 3
HEADS = 12
MAX_PIECES = 128
PCA_DIMS, HIDDEN, EPOCHS, BATCH, RATE = 64, 128, 8, 1024, 3e-3
_LOCK = threading.Lock()
_BLAS: ThreadpoolController | None = None


class MiniLMLayers:
    """The first ``layers`` transformer layers of the packaged MiniLM, in numpy (fp32)."""

    def __init__(self, model_dir: Path, layers: int = LAYERS) -> None:
        """Read the tokenizer and the weights the first ``layers`` layers need."""
        from safetensors import safe_open
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(Path(model_dir) / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_PIECES)
        with safe_open(str(Path(model_dir) / "model.safetensors"), "np") as handle:
            def get(name: str, transpose: bool = False) -> np.ndarray:
                value = np.asarray(handle.get_tensor(name), dtype=np.float32)
                return np.ascontiguousarray(value.T) if transpose else value

            self.words = get("embeddings.word_embeddings.weight")
            self.positions = get("embeddings.position_embeddings.weight")
            self.type0 = get("embeddings.token_type_embeddings.weight")[0]
            self.norm = (get("embeddings.LayerNorm.weight"), get("embeddings.LayerNorm.bias"))
            self.layers: list[dict[str, Any]] = []
            for n in range(layers):
                p = f"encoder.layer.{n}."
                qkv = np.concatenate([get(p + f"attention.self.{k}.weight", True)
                                      for k in ("query", "key", "value")], axis=1)
                qkv_bias = np.concatenate([get(p + f"attention.self.{k}.bias")
                                           for k in ("query", "key", "value")])
                self.layers.append({
                    "qkv": qkv, "qkv_b": qkv_bias,
                    "out": get(p + "attention.output.dense.weight", True),
                    "out_b": get(p + "attention.output.dense.bias"),
                    "ln1": (get(p + "attention.output.LayerNorm.weight"),
                            get(p + "attention.output.LayerNorm.bias")),
                    "up": get(p + "intermediate.dense.weight", True),
                    "up_b": get(p + "intermediate.dense.bias"),
                    "down": get(p + "output.dense.weight", True),
                    "down_b": get(p + "output.dense.bias"),
                    "ln2": (get(p + "output.LayerNorm.weight"), get(p + "output.LayerNorm.bias")),
                })

    def states(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Token states (batch, pieces, 384) after the kept layers; ``mask`` 1 for real pieces."""
        batch, length = ids.shape
        x = _layer_norm(self.words[ids] + self.positions[:length] + self.type0, *self.norm)
        bias = ((1.0 - mask) * -1e9)[:, None, None, :].astype(np.float32)
        size = x.shape[-1] // HEADS
        x = x.reshape(batch * length, -1)
        for w in self.layers:
            qkv = (x @ w["qkv"] + w["qkv_b"]).reshape(batch, length, 3, HEADS, size)
            q, k, v = (qkv[:, :, i].transpose(0, 2, 1, 3) for i in range(3))
            scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(size)) + bias
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            mixed = (scores @ v).transpose(0, 2, 1, 3).reshape(batch * length, -1)
            x = _layer_norm(mixed @ w["out"] + w["out_b"] + x, *w["ln1"])
            up = x @ w["up"] + w["up_b"]
            up = 0.5 * up * (1.0 + erf(up / np.float32(np.sqrt(2.0))))
            x = _layer_norm(up.astype(np.float32) @ w["down"] + w["down_b"] + x, *w["ln2"])
        return x.reshape(batch, length, -1)

    def word_vectors(self, sentences: Sequence[Sequence[str]], batch_size: int = 64
                     ) -> list[np.ndarray]:
        """Per sentence, a (words, 384) array: the mean state of each word's pieces."""
        with _LOCK:  # the tokenizer object is shared
            encoded = [self.tokenizer.encode(list(words), is_pretokenized=True)
                       for words in sentences]
        order = np.argsort([len(e.ids) for e in encoded], kind="stable")
        out: list[np.ndarray] = [np.zeros((0, 384), np.float32)] * len(sentences)
        for start in range(0, len(order), batch_size):
            chosen = [int(i) for i in order[start:start + batch_size]]
            length = max(len(encoded[i].ids) for i in chosen)
            ids = np.zeros((len(chosen), length), np.int64)
            mask = np.zeros((len(chosen), length), np.float32)
            for row, i in enumerate(chosen):
                ids[row, :len(encoded[i].ids)] = encoded[i].ids
                mask[row, :len(encoded[i].ids)] = 1.0
            with _one_blas_thread():
                states = self.states(ids, mask)
            for row, i in enumerate(chosen):
                out[i] = _pool(states[row], encoded[i].word_ids, len(sentences[i]))
        return out


def _one_blas_thread() -> Any:
    """One BLAS thread for these small matrices.

    On a loaded machine more threads spin (7x slower per query), and one thread gives the
    same sums on every machine whatever its core count.
    """
    global _BLAS
    if _BLAS is None:
        _BLAS = ThreadpoolController()
    return _BLAS.limit(limits=1, user_api="blas")


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    normed: np.ndarray = ((x - mean) / np.sqrt(var + 1e-12) * weight + bias).astype(np.float32)
    return normed


def _pool(states: np.ndarray, word_ids: Sequence[int | None], words: int) -> np.ndarray:
    sums = np.zeros((words, states.shape[-1]), np.float32)
    counts = np.zeros(words, np.float32)
    for piece, word in enumerate(word_ids):
        if word is not None and word < words:
            sums[word] += states[piece]
            counts[word] += 1
    pooled: np.ndarray = sums / np.maximum(counts, 1.0)[:, None]
    return pooled


class TokenClassifier:
    """BIO label probabilities per word from contextual vectors (PCA, window of 3, MLP)."""

    def __init__(self, params: dict[str, np.ndarray], labels: list[str]) -> None:
        """``params``: mean, proj, w1, b1, w2, b2 (see :meth:`fit`); ``labels``: class names."""
        self.params, self.labels = params, labels

    @classmethod
    def fit(cls, vectors: list[np.ndarray], tags: list[list[str]], labels: list[str],
            projection: tuple[np.ndarray, np.ndarray] | None = None, seed: int = 0
            ) -> TokenClassifier:
        """Train on per-sentence vectors and BIO tags (torch, one thread, seeded)."""
        import torch

        mean, proj = projection if projection is not None else pca(vectors)
        x = torch.from_numpy(np.vstack([_window(_project(v, mean, proj)) for v in vectors]))
        index = {label: i for i, label in enumerate(labels)}
        y = torch.tensor([index[t] for sentence in tags for t in sentence])
        threads = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            torch.manual_seed(seed)
            model = torch.nn.Sequential(torch.nn.Linear(x.shape[1], HIDDEN), torch.nn.ReLU(),
                                        torch.nn.Dropout(0.2), torch.nn.Linear(HIDDEN, len(labels)))
            optimiser = torch.optim.Adam(model.parameters(), RATE, weight_decay=1e-4)
            generator = torch.Generator().manual_seed(seed)
            for _ in range(EPOCHS):
                order = torch.randperm(len(x), generator=generator)
                for start in range(0, len(x), BATCH):
                    pick = order[start:start + BATCH]
                    optimiser.zero_grad()
                    loss = torch.nn.functional.cross_entropy(model(x[pick]), y[pick])
                    loss.backward()  # type: ignore[no-untyped-call]
                    optimiser.step()
        finally:
            torch.set_num_threads(threads)
        first, last = cast(torch.nn.Linear, model[0]), cast(torch.nn.Linear, model[3])
        params = {"mean": mean, "proj": proj,
                  "w1": first.weight.detach().numpy().T.copy(), "b1": first.bias.detach().numpy(),
                  "w2": last.weight.detach().numpy().T.copy(), "b2": last.bias.detach().numpy()}
        return cls(params, labels)

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """(words, labels) probabilities for one sentence's (words, 384) vectors."""
        p = self.params
        hidden = np.maximum(_window(_project(vectors, p["mean"], p["proj"])) @ p["w1"] + p["b1"],
                            0.0)
        logits = hidden @ p["w2"] + p["b2"]
        logits = np.exp(logits - logits.max(axis=-1, keepdims=True))
        probs: np.ndarray = logits / logits.sum(axis=-1, keepdims=True)
        return probs

    def save(self, path: Path) -> None:
        """Write the parameters and labels to ``path`` (npz)."""
        np.savez(path, labels=np.array(self.labels), **self.params)  # type: ignore[arg-type]

    @classmethod
    def load(cls, path: Path) -> TokenClassifier:
        """Read a classifier written by :meth:`save`."""
        with np.load(path) as saved:
            params = {k: saved[k] for k in saved.files if k != "labels"}
            labels = [str(x) for x in saved["labels"]]
        return cls(params, labels)


def pca(vectors: list[np.ndarray], dims: int = PCA_DIMS) -> tuple[np.ndarray, np.ndarray]:
    """Mean and whitened projection (384, ``dims``) of the training words' vectors."""
    matrix = np.vstack(vectors).astype(np.float64)
    mean = matrix.mean(axis=0)
    _, _, vt = np.linalg.svd(matrix[::3] - mean, full_matrices=False)
    proj = vt[:dims].T
    scale = ((matrix - mean) @ proj).std(axis=0)
    return mean.astype(np.float32), (proj / np.maximum(scale, 1e-6)).astype(np.float32)


def _project(vectors: np.ndarray, mean: np.ndarray, proj: np.ndarray) -> np.ndarray:
    projected: np.ndarray = ((vectors - mean) @ proj).astype(np.float32)
    return projected


def _window(z: np.ndarray) -> np.ndarray:
    """Each row beside its left and right neighbours (zeros past the edges)."""
    pad = np.zeros((1, z.shape[1]), np.float32)
    padded = np.vstack([pad, z, pad])
    return np.hstack([padded[:-2], padded[1:-1], padded[2:]])


def stack_features(probs: np.ndarray, labels: list[str], floor: float = 0.02
                   ) -> list[dict[str, float]]:
    """CRF features per word: probabilities above ``floor``; the best label here and beside."""
    best = probs.argmax(axis=1)
    out: list[dict[str, float]] = []
    for t in range(len(probs)):
        f = {f"p:{labels[c]}": float(probs[t, c]) for c in np.nonzero(probs[t] > floor)[0]}
        f["pa:" + labels[best[t]]] = 1.0
        for offset in (-1, 1):
            if 0 <= t + offset < len(probs):
                f[f"{offset}pa:" + labels[best[t + offset]]] = 1.0
        out.append(f)
    return out
