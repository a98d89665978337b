from pathlib import Path

import pytest

from knowledge.errors import ConfigError
from knowledge.llm import LLMBackend
from knowledge.settings import Settings


def test_defaults_point_at_packaged_models(tmp_path: Path) -> None:
    s = Settings(data_dir=tmp_path / "d")
    assert s.resolved_llm_path().suffix == ".gguf"
    assert (s.resolved_embedding_dir() / "config.json").is_file()
    assert s.sql_url.startswith("sqlite:///") and (tmp_path / "d").is_dir()


def test_env_prefix(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SHOPMAGE_DATA_DIR", str(tmp_path / "env"))
    monkeypatch.setenv("SHOPMAGE_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    s = Settings()
    assert s.data_dir == tmp_path / "env" and s.llm_base_url == "http://127.0.0.1:9/v1"


def test_data_dir_that_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ConfigError, match="SHOPMAGE_DATA_DIR"):
        Settings(data_dir=blocker)


def test_bad_database_url(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="SHOPMAGE_DATABASE_URL"):
        Settings(data_dir=tmp_path, database_url="not a url")


def test_missing_model_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="SHOPMAGE_LLM_MODEL_PATH"):
        Settings(data_dir=tmp_path, llm_model_path=tmp_path / "missing.gguf")


def test_unreadable_model_file_is_named(tmp_path: Path) -> None:
    fake = tmp_path / "fake.gguf"
    fake.write_bytes(b"not a model")
    settings = Settings(data_dir=tmp_path, llm_model_path=fake)
    with pytest.raises(ConfigError, match="SHOPMAGE_LLM_MODEL_PATH.*not a GGUF"):
        LLMBackend(settings)


def test_bad_urls_are_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="SHOPMAGE_CHROMA_URL"):
        Settings(data_dir=tmp_path, chroma_url="localhost:8000")
    with pytest.raises(ConfigError, match="SHOPMAGE_LLM_BASE_URL"):
        Settings(data_dir=tmp_path, llm_base_url="ftp://x")
