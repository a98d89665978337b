import time
from pathlib import Path

import pytest

from knowledge.errors import ConfigError
from knowledge.ingest import import_catalog
from knowledge.llm import LLMBackend
from knowledge.search import SearchFilters
from knowledge.settings import Settings
from knowledge.store import Store
from tests.knowledge.test_ingest_search import CATALOG, write_jsonl
from tests.knowledge.test_llm import SCHEMA
from tests.server.conftest import free_port


def test_search_against_a_chroma_server(chroma_server: str, tmp_path: Path, embedder) -> None:
    store = Store(Settings(data_dir=tmp_path / "d", chroma_url=chroma_server), embedder=embedder)
    assert type(store.vectors.client).__name__ != "PersistentClient"
    import_catalog(store, write_jsonl(tmp_path / "c.jsonl", CATALOG))
    assert store.vectors.count() == 5
    hits = store.search.search("skillet", SearchFilters(max_price=50), k=2, mode="dense")
    assert hits[0].product.id == "K1"
    assert not (tmp_path / "d" / "chroma").exists()  # nothing written to the on-disk client


def test_model_server_streams_and_constrains_like_in_process(model_server: str,
                                                             tmp_path: Path, llm) -> None:
    remote = LLMBackend(Settings(data_dir=tmp_path, llm_base_url=model_server))
    messages = [{"role": "user", "content": "black sneakers under 50 dollars"}]
    value = remote.complete_json(messages, SCHEMA, max_tokens=60)
    assert set(value) == {"color", "max_price"}
    tokens = list(remote.stream([{"role": "user", "content": "Say hello."}], max_tokens=12))
    assert len(tokens) > 2
    # same weights, same greedy decoding: the same constrained answer as in-process
    assert value == llm.complete_json(messages, SCHEMA, max_tokens=60)


@pytest.mark.parametrize("setting", ["chroma_url", "llm_base_url", "database_url"])
def test_unreachable_engine_fails_fast_naming_setting(setting: str, tmp_path: Path,
                                                      embedder) -> None:
    port = free_port()  # nothing listens there
    url = {"chroma_url": f"http://127.0.0.1:{port}", "llm_base_url": f"http://127.0.0.1:{port}/v1",
           "database_url": f"postgresql+psycopg://postgres@127.0.0.1:{port}/x"}[setting]
    settings = Settings(data_dir=tmp_path, **{setting: url})
    start = time.monotonic()
    with pytest.raises(ConfigError, match=f"SHOPMAGE_{setting.upper()}.*127.0.0.1:{port}"):
        if setting == "llm_base_url":
            LLMBackend(settings)
        else:
            Store(settings, embedder=embedder)
    assert time.monotonic() - start < 10
