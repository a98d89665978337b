"""Needs stated as everyday problems (knowledge/graph/seed/needs_problems.jsonl) are read."""

import pytest

from knowledge.graph.build import SEED_DIR
from knowledge.graph.io import read_assertions
from knowledge.graph.serve import KnowledgeExpander
from knowledge.store import Store
from tests.knowledge.test_graph import seeded as seeded  # noqa: F401 (the fixture)

PROBLEMS = SEED_DIR / "needs_problems.jsonl"


def _expander(store: Store) -> KnowledgeExpander:
    expander = store.search.expander
    assert isinstance(expander, KnowledgeExpander)
    return expander


def test_every_problem_alias_leads_to_stated_needs() -> None:
    rows = read_assertions(PROBLEMS)
    seed = [a for path in sorted(SEED_DIR.glob("*.jsonl")) for a in read_assertions(path)]
    with_needs = {a.head for a in seed if a.relation == "NEEDS"}
    aliases = [a for a in rows if a.head_type == "query"]
    assert aliases and all(a.tail in with_needs for a in aliases)
    assert all((a.evidence or {}).get("for") for a in rows if a.relation == "NEEDS")


@pytest.mark.parametrize(("query", "need"), [
    ("headphones for someone who hates cables", "wireless"),
    ("resistance bands, my skin reacts to rubber", "latex-free"),
    ("walking shoes, my feet roll inward", "arch-support"),
    ("frying pan for a cook who hates scrubbing", "easy-clean"),
    ("head torch so I stop buying AAA batteries", "rechargeable"),
    ("dumbbells, my hands get slippery", "non-slip"),
    ("shirt that comes out of a suitcase looking neat", "wrinkle-free"),
    ("moisturizer for my husband who gets migraines", "fragrance-free"),
])
def test_everyday_problem_reads_its_need(seeded: Store, query: str, need: str) -> None:
    exp = _expander(seeded).expand(query)
    assert need in exp.attributes, (query, exp.attributes)


def test_a_need_stays_with_its_types(seeded: Store) -> None:
    exp = _expander(seeded).expand("walking shoes for someone who hates cables")
    assert "wireless" not in exp.attributes
    assert "wireless" not in _expander(seeded).expand("headphones").attributes
