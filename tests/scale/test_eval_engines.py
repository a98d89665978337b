"""The eval harness on the scale-out engines: same suite, same figures, its own database."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from evals.harness import EvalError, run_suite
from knowledge.settings import Settings
from tests.evals.test_retrieval_suite import write_dataset


def _metrics(out: Path) -> dict:
    return json.loads(out.read_text())  # run_suite returns the results.json path


def test_retrieval_suite_gives_the_same_figures_on_postgres_and_a_chroma_server(
        pg_url: str, chroma_server: str, tmp_path: Path) -> None:
    data = write_dataset(tmp_path / "esci")
    embedded = _metrics(run_suite("retrieval", tmp_path / "a", data=data,
                                  settings=Settings(data_dir=tmp_path / "d1")))
    scale_settings = Settings(data_dir=tmp_path / "d2", database_url=pg_url,
                              chroma_url=chroma_server)
    scale = _metrics(run_suite("retrieval", tmp_path / "b", data=data, settings=scale_settings,
                               engines="configured"))
    assert scale["meta"]["engines"]["vectors"] == chroma_server
    assert scale["meta"]["engines"]["data"].startswith("postgresql")
    assert embedded["meta"]["engines"]["data"] == "sqlite"
    for system, values in embedded["metrics"].items():
        for metric, value in values.items():
            assert scale["metrics"][system][metric] == pytest.approx(value, abs=1e-6), metric
    # the suite's products went to a database of its own on that server, not to pg_url's
    with psycopg.connect(pg_url.replace("postgresql+psycopg", "postgresql")) as conn:
        names = [r[0] for r in conn.execute("SELECT datname FROM pg_database "
                                            "WHERE datname LIKE 'eval_%'")]
        mine = conn.execute("SELECT to_regclass('product')").fetchone()[0]
    assert names and mine is None


def test_unknown_engines_mode_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="--engines must be 'embedded' or 'configured'"):
        run_suite("retrieval", tmp_path / "o", settings=Settings(data_dir=tmp_path / "d"),
                  engines="cloud")
