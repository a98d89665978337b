"""The calibrated filter's threshold, its cached artefact and its loading.

``build_filter`` trains on every named gold set and picks the threshold by set-grouped
cross-validation; ``filter_folder`` caches the JSON model under ``SHOPMAGE_MODEL_CACHE_DIR``
keyed by a hash of its inputs (the gold sets, the guideline, the product file, the seed
knowledge and the extraction code); ``load_filter`` returns it, or None (logged) when it
cannot be built, so extraction then keeps every value the finders found.
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

from knowledge.extraction.calibration import probability
from knowledge.extraction.calibration_train import (
    FOLDS,
    KEYS,
    MIN_PRECISION,
    MIN_RECALL,
    NAME,
    SEED,
    SHOPPER_KEYS,
    VERSION,
    Candidate,
    features,
    fit,
    labelled,
)
from knowledge.extraction.gold import GOLD_DIR, GUIDELINE, PRODUCTS, TRAIN_SETS

log = logging.getLogger(__name__)
MODEL_FILE = "filter.json"
EXTRACTION_DIR = Path(__file__).resolve().parent
SEED_DIR = EXTRACTION_DIR.parent / "graph" / "seed"


def predict(model: dict[str, Any], items: list[Candidate]) -> list[float]:
    """P(right) of each candidate under ``model`` (its tables: the sets it was trained on)."""
    return [probability(model, features(c, model["tables"])) for c in items]


def counts(items: list[Candidate], probs: list[float], gold: dict[tuple[str, str, str], int],
           cut: float | dict[str, float] = 0.0) -> dict[str, list[int]]:
    """[right kept, kept, gold] per field and "overall" when values under ``cut`` are dropped.

    Values outside the label space are not scored (as the eval leaves them).
    """
    out = {k: [0, 0, 0] for k in (*KEYS, "overall")}
    for (_, _, key), n in gold.items():
        out[key][2] += n
        out["overall"][2] += n
    for c, p in zip(items, probs, strict=True):
        limit = cut.get(c.key, cut["default"]) if isinstance(cut, dict) else cut
        if c.right is None or p < limit:
            continue
        for k in (c.key, "overall"):
            out[k][0] += int(c.right)
            out[k][1] += 1
    return out


def held_out(items: list[Candidate], folds: int = FOLDS, seed: int = SEED) -> list[float]:
    """Out-of-fold P(right) of every candidate, folds grouped by gold set (no set in two)."""
    groups = sorted({c.group for c in items})
    if len(groups) < 2:
        raise ValueError("choosing the threshold needs at least two gold sets (held out by set)")
    folds = min(folds, len(groups))
    fold_of = {g: i % folds for i, g in enumerate(groups)}
    probs = [0.0] * len(items)
    for fold in range(folds):
        train = [c for c in items if fold_of[c.group] != fold]
        model = fit(train, seed)
        test = [i for i, c in enumerate(items) if fold_of[c.group] == fold]
        for i, p in zip(test, predict(model, [items[i] for i in test]), strict=True):
            probs[i] = p
    return probs


def _prf(row: list[int]) -> tuple[float, float, float]:
    """(precision, recall, F1) of a [right kept, kept, gold] row."""
    right, kept, total = row
    precision = right / kept if kept else 0.0
    recall = right / total if total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def choose_threshold(items: list[Candidate], probs: list[float],
                     gold: dict[tuple[str, str, str], int],
                     min_recall: float = MIN_RECALL,
                     min_precision: float = MIN_PRECISION) -> dict[str, float]:
    """The cuts, from held-out P(right): ``default``, and one each for the ``SHOPPER_KEYS``.

    ``default``: the highest held-out precision whose held-out recall is >= ``min_recall``
    (ties go to the lower cut; 0.0 when no cut keeps the recall). Then, each in turn with
    the others fixed, the cut of a key a shopper reads first (the type): the best
    held-out F1 whose held-out precision stays >= ``min_precision`` (``default`` when none).
    """
    best, best_precision = 0.0, -1.0
    for step in range(0, 91):
        cut = step / 100
        precision, recall, _ = _prf(counts(items, probs, gold, cut)["overall"])
        if recall < min_recall:
            break
        if precision > best_precision + 1e-9:
            best, best_precision = cut, precision
    cuts = {"default": best}
    for key in SHOPPER_KEYS:
        chosen, best_f1 = best, -1.0
        for step in range(0, 91):
            precision, _, f1 = _prf(counts(items, probs, gold,
                                           {**cuts, key: step / 100})["overall"])
            if precision >= min_precision and f1 > best_f1 + 1e-9:
                chosen, best_f1 = step / 100, f1
        cuts[key] = chosen
    return cuts


def build_filter(paths: list[Path] | None = None, seed: int = SEED,
                 products: Path = PRODUCTS) -> dict[str, Any]:
    """Train the filter on the gold sets ``paths`` (all named training sets by default)."""
    data = labelled(paths or [GOLD_DIR / name for name in TRAIN_SETS], products)
    cuts = choose_threshold(data.candidates, held_out(data.candidates, seed=seed), data.gold)
    model = fit(data.candidates, seed)
    model["thresholds"] = cuts
    model["trained_on"] = sorted({c.group for c in data.candidates})
    return model


def sources() -> list[Path]:
    """Every file the filter is built from (its cache key hashes their bytes)."""
    code = sorted(p for p in EXTRACTION_DIR.iterdir() if p.suffix in (".py", ".txt"))
    return [*(GOLD_DIR / name for name in TRAIN_SETS), GUIDELINE, PRODUCTS,
            *sorted(SEED_DIR.glob("*.jsonl")), *code]


def filter_folder(cache_dir: Path, seed: int = SEED) -> Path:
    """Build (once, seeded) and return the folder holding the trained filter."""
    from knowledge.artefacts import built_artefact

    def build(folder: Path) -> None:
        """Train on every named gold set and write the model into ``folder``."""
        model = build_filter(seed=seed)
        (folder / MODEL_FILE).write_text(json.dumps(model, sort_keys=True), encoding="utf-8")

    return built_artefact(cache_dir, NAME, f"{VERSION}-seed{seed}", sources(), build)


@lru_cache(maxsize=4)
def _cached(cache_dir: str) -> dict[str, Any]:
    """The filter model stored under ``cache_dir`` (built there first when missing)."""
    folder = filter_folder(Path(cache_dir))
    return dict(json.loads((folder / MODEL_FILE).read_text(encoding="utf-8")))


def load_filter(settings: Any = None) -> dict[str, Any] | None:
    """The trained filter, or None when it cannot be built or read (logged, never raised)."""
    try:
        if settings is None:
            from knowledge.settings import Settings

            settings = Settings()
        if not getattr(settings, "extraction_filter", True):
            return None
        return _cached(str(settings.model_cache_dir))
    except Exception as exc:  # extraction keeps every found value without the filter
        log.warning("extraction filter unavailable, keeping every extracted value: %s", exc)
        return None
