"""Real engines on loopback: a Chroma server and a llama.cpp OpenAI-compatible server."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest

from knowledge.settings import REPO_ROOT, Settings, default_llm_path
from knowledge.store import Store
from tests.server.conftest import free_port

BIN = Path(sys.executable).parent


def wait_for(url: str, proc: subprocess.Popen[bytes], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args} exited with {proc.returncode}")
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


def start(args: list[str], health: str, log: Path,
          env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    handle = log.open("wb")
    proc = subprocess.Popen(args, stdout=handle, stderr=subprocess.STDOUT, env=env)
    wait_for(health, proc)
    return proc


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`chroma run` from the chromadb wheel, on a free loopback port."""
    root = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    proc = start([str(BIN / "chroma"), "run", "--path", str(root / "db"), "--host", "127.0.0.1",
                  "--port", str(port)], f"http://127.0.0.1:{port}/api/v2/heartbeat",
                 root / "log")
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="session")
def model_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """llama-cpp-python's OpenAI-compatible server with the packaged model."""
    root = tmp_path_factory.mktemp("model-server")
    port = free_port()
    proc = start([sys.executable, "-m", "llama_cpp.server", "--model", str(default_llm_path()),
                  "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048",
                  "--n_threads", "2", "--seed", "0"],
                 f"http://127.0.0.1:{port}/v1/models", root / "log")
    yield f"http://127.0.0.1:{port}/v1"
    proc.terminate()
    proc.wait(10)


def server_url() -> str:
    url = os.environ.get("SHOPMAGE_TEST_POSTGRES_URL")
    if url:
        return url
    script = REPO_ROOT / "scripts" / "postgres-for-tests.sh"
    return subprocess.run([str(script)], check=True, capture_output=True,
                          text=True).stdout.strip()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty database on the test PostgreSQL server."""
    base = server_url()
    name = "t_" + uuid.uuid4().hex[:10]
    admin = base.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield base.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture
def pg_store(pg_url: str, tmp_path: Path, embedder) -> Iterator[Store]:
    store = Store(Settings(data_dir=tmp_path / "d", database_url=pg_url), embedder=embedder)
    yield store
    store.close()
