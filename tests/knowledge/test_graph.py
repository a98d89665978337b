import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert
from typer.testing import CliRunner

from knowledge.errors import ImportFileError, InvalidRequestError
from knowledge.graph.build import build_knowledge
from knowledge.graph.critics import Critic
from knowledge.graph.io import export_assertions, import_assertions
from knowledge.graph.mining import mine
from knowledge.graph.relations import check_relation
from knowledge.graph.review import apply_decisions, review_queue
from knowledge.graph.serve import KnowledgeExpander
from knowledge.graph.store import Assertion, list_assertions, served_assertions
from knowledge.ingest import import_catalog
from knowledge.models import Event
from knowledge.store import Store
from tests.knowledge.test_ingest_search import CATALOG, write_jsonl


@pytest.fixture(scope="module")
def critic(embedder) -> Critic:
    return Critic(embedder)


@pytest.fixture
def seeded(store: Store, tmp_path: Path) -> Store:
    import_catalog(store, write_jsonl(tmp_path / "c.jsonl", CATALOG))
    build_knowledge(store, ("seed",))
    store.search.set_expander(KnowledgeExpander(store))
    return store


def test_unknown_relation_lists_the_valid_ones() -> None:
    with pytest.raises(InvalidRequestError, match="valid relations: USED_FOR_FUNCTION"):
        check_relation("LIKES")
    assert check_relation("used for audience") == "USED_FOR_AUDIENCE"


def test_import_is_all_or_nothing_and_round_trips(store: Store, tmp_path: Path) -> None:
    good = {"head": "hikers", "relation": "NEEDS", "tail": "waterproof", "score": 0.9,
            "source": "human", "status": "accepted"}
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(good) + "\n" + json.dumps({**good, "relation": "LIKES"}) + "\n")
    with pytest.raises(ImportFileError, match="line 2: unknown relation 'LIKES'"):
        import_assertions(store.engine, bad)
    assert list_assertions(store.engine) == []
    assert import_assertions(store.engine, write_jsonl(tmp_path / "ok.jsonl", [good])) == 1
    assert export_assertions(store.engine, tmp_path / "out.jsonl") == 1
    exported = json.loads((tmp_path / "out.jsonl").read_text())
    assert (exported["head"], exported["tail"], exported["source"]) == ("hikers", "waterproof",
                                                                        "human")


def test_expand_understands_pregnancy_and_explains(seeded: Store) -> None:
    exp = seeded.search.expander.expand("shoes for pregnant women")
    assert "pregnant women" in exp.audiences
    assert {"slip-resistant", "wide-fit"} <= set(exp.attributes)
    assert exp.categories == {"shoes": 1.0}
    assert any(e.tail == "slip-resistant" for e in exp.evidence)
    hits = seeded.search.search("shoes for pregnant women", k=1)
    assert hits[0].product.id == "S1"  # the slip-resistant, wide-fit walking shoes
    assert any(line.startswith("Slip-resistant") for line in hits[0].why), hits[0].why
    assert not any("shoppers need" in line for line in hits[0].why)


def test_expand_says_nothing_for_gibberish(seeded: Store) -> None:
    exp = seeded.search.expander.expand("zzkj qqq")
    assert exp.empty and not exp.evidence


def test_critics_filter_noise(critic: Critic) -> None:
    candidates = [Assertion(head="runners", relation="NEEDS", tail="good quality", source="llm"),
                  Assertion(head="tent", relation="USED_WITH", tail="tent", source="llm"),
                  Assertion(head="black running shoes", relation="IS_A",
                            tail="black running shoe", source="llm"),
                  Assertion(head="gamers", relation="NEEDS", tail="bpa-free", source="llm"),
                  Assertion(head="campers", relation="NEEDS", tail="waterproof", source="llm")]
    kept, rejected = critic.judge(candidates)
    assert [(a.head, a.tail) for a in kept] == [("campers", "waterproof")]
    assert rejected["generic tail"] == 1 and rejected["tail repeats the head"] >= 1
    assert critic.report.precision > 0.7 and critic.report.test > 100


def test_mining_finds_what_purchases_over_represent(store: Store, tmp_path: Path) -> None:
    import_catalog(store, write_jsonl(tmp_path / "c.jsonl", CATALOG))
    start = datetime(2026, 10, 1, tzinfo=UTC)
    rows = []
    for i in range(12):  # "pregnant" searches end in the slip-resistant shoes
        ts = start + timedelta(hours=3 * i)
        rows += [{"user_id": f"p{i}", "type": "search", "query": "shoes pregnant", "ts": ts},
                 {"user_id": f"p{i}", "type": "purchase", "product_id": "S1",
                  "ts": ts + timedelta(minutes=5)}]
    for i in range(30):  # everyone else buys all sorts
        ts = start + timedelta(hours=3 * i)
        rows += [{"user_id": f"o{i}", "type": "search", "query": "shoes", "ts": ts},
                 {"user_id": f"o{i}", "type": "purchase", "product_id": ["S2", "S3", "K1"][i % 3],
                  "ts": ts + timedelta(minutes=5)}]
    with store.engine.begin() as conn:
        conn.execute(insert(Event), [{"query": None, "product_id": None, **r} for r in rows])
    found = {(a.head, a.relation, a.tail): a for a in mine(store.engine, min_support=5)}
    needs = found[("pregnant", "NEEDS", "slip-resistant")]
    assert needs.evidence["lift"] > 2 and needs.evidence["support"] == 12
    assert ("shoe", "NEEDS", "slip-resistant") not in found  # no lift for the generic word


def test_review_decides_what_is_served(store: Store, tmp_path: Path) -> None:
    row = {"head": "hikers", "relation": "NEEDS", "tail": "ankle support", "score": 0.6,
           "source": "llm", "status": "candidate"}
    import_assertions(store.engine, write_jsonl(tmp_path / "a.jsonl", [row]))
    [queued] = review_queue(store.engine)
    assert served_assertions(store.engine) == []
    bad = write_jsonl(tmp_path / "d.jsonl", [{"id": queued.id, "decision": "accept"},
                                             {"id": 999, "decision": "accept"}])
    with pytest.raises(ImportFileError, match="line 2"):
        apply_decisions(store.engine, bad)
    assert served_assertions(store.engine) == []  # nothing applied
    apply_decisions(store.engine, write_jsonl(tmp_path / "ok.jsonl",
                                              [{"id": queued.id, "decision": "accept"}]))
    assert [a.tail for a in served_assertions(store.engine)] == ["ankle support"]


def test_cli_explain(seeded: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from cli.main import app

    monkeypatch.setenv("SHOPMAGE_DATA_DIR", str(seeded.settings.data_dir))
    result = CliRunner().invoke(app, ["knowledge", "explain", "tent for rainy weather"])
    assert result.exit_code == 0 and "waterproof" in result.output
    result = CliRunner().invoke(app, ["knowledge", "explain", "zzkj qqq"])
    assert "no known intent or audience" in result.output


@pytest.mark.llm
def test_llm_source_stores_only_what_passes(store: Store, tmp_path: Path, critic: Critic,
                                            llm) -> None:
    import_catalog(store, write_jsonl(tmp_path / "c.jsonl", CATALOG))
    ts = datetime(2026, 10, 1, tzinfo=UTC)
    with store.engine.begin() as conn:
        conn.execute(insert(Event), [
            {"user_id": "u", "type": "search", "query": "shoes for pregnant women",
             "product_id": None, "ts": ts},
            {"user_id": "u", "type": "purchase", "product_id": "S1", "query": None,
             "ts": ts + timedelta(minutes=3)}])
    store._llm = llm
    stats = build_knowledge(store, ("llm",), llm_limit=2, critic=critic)
    assert stats["llm"]["generated"] + stats["llm"]["failures"] == 1
    stored = list_assertions(store.engine, source="llm")
    assert len(stored) == stats["kept"]["llm"] <= 1
    assert stats["llm"]["assertions_per_minute"] > 0 or stats["llm"]["failures"] == 1
