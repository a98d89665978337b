"""Where a store's catalogue came from, as far as serving needs to know.

``build_demo`` marks a store it fills with the generated demo world; the learned ranker, trained
on real listings, stays off there (it loses implicit-need results on the generated world,
``python -m evals.implicit_needs demo``) and serves every other catalogue.
"""

from __future__ import annotations

from knowledge.settings import Settings

# written by build_demo: the store holds the generated demo world, not real listings
GENERATED_MARKER = "generated-demo-catalogue"


def is_generated_demo(settings: Settings) -> bool:
    """True when the store under ``settings`` was filled by ``build_demo`` (generated)."""
    return (settings.data_dir / GENERATED_MARKER).is_file()


def mark_generated_demo(settings: Settings, seed: int, products: int) -> None:
    """Record that the store under ``settings`` holds the generated demo world."""
    (settings.data_dir / GENERATED_MARKER).write_text(
        f"generated demo catalogue, seed {seed}, {products} products\n", encoding="utf-8")
