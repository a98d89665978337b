"""The served-line gate: a product card shows a knowledge line only when it is likely right.

A learned check over the line as served (:mod:`knowledge.graph.gate_features`), trained from
the lines people labelled (:mod:`knowledge.graph.gate_train`). It decides only which lines are
*shown*: ranking still uses every need, so which products come first does not change.

The model is built once per cache from the committed label files, seed and lexicon
(``built_artefact``; seeded, about half a minute of embedding on 2 cores) and then loads in
milliseconds. ``SHOPMAGE_SERVED_LINE_GATE=false`` (``Settings.served_line_gate``) turns it off.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.graph.evidence import LEXICON, Lexicon
from knowledge.graph.gate_features import SEED, Embed, HeadBook, Line, numbers
from knowledge.graph.gate_train import label_files, labelled_rows, rate_features, score, train

NAME = "served-line-gate"
VERSION = "1"
MODEL = "gate.json"


class LineGate:
    """Scores a served evidence line; ``keep`` is False below the trained bar."""

    def __init__(self, folder: Path, embed: Embed, lexicon: Lexicon | None = None) -> None:
        """Load a built gate; ``embed`` is the store's (cached) embedder."""
        data = json.loads((folder / MODEL).read_text(encoding="utf-8"))
        self.model: dict[str, Any] = data["model"]
        self.bar = float(data["bar"])
        self.prior = float(data["prior"])
        self.rates: dict[str, dict[str, list[int]]] = data["rates"]
        self.embed = embed
        self.lexicon = lexicon or Lexicon()
        self.book = HeadBook.from_seed()

    def probability(self, line: Line) -> float:
        """How likely a reader labels this line right (knowledge, product and sentence)."""
        def count(name: str, key: str) -> tuple[int, int]:
            ok, n = self.rates.get(name, {}).get(key, (0, 0))
            return int(ok), int(n)
        row = [*numbers(line, self.book, self.lexicon, self.embed),
               *rate_features(line.heads, line.attribute, count, self.prior)]
        return float(score(self.model, np.asarray([row], dtype=float))[0])

    def keep(self, line: Line) -> bool:
        """True when the line may be shown."""
        return self.probability(line) >= self.bar


def gate_folder(cache_dir: Path, embed: Embed, embedder_name: str) -> Path:
    """Build (once) and return the folder holding the gate for this embedding model."""
    from knowledge.artefacts import built_artefact

    here = Path(__file__).parent
    code = [here / n for n in ("gate.py", "gate_features.py", "gate_train.py", "lines.py")]

    def build(folder: Path) -> None:
        data = train(labelled_rows(label_files()), embed)
        (folder / MODEL).write_text(json.dumps(data, sort_keys=True), encoding="utf-8")

    sources = [*label_files(), *sorted(SEED.glob("*.jsonl")), LEXICON, *code]
    return built_artefact(cache_dir, NAME, f"{VERSION}-{embedder_name}", sources, build)
