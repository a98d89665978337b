"""Real engines on loopback: a Chroma server and a llama.cpp OpenAI-compatible server."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from knowledge.settings import default_llm_path
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
