"""Real engines on loopback: a Chroma server, a llama.cpp OpenAI-compatible server and
PostgreSQL; :class:`Engine` runs one that a test can kill and start again on the same port."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from knowledge.settings import Settings, default_llm_path
from knowledge.store import Store
from tests.postgres import fresh_database
from tests.server.conftest import free_port

BIN = Path(sys.executable).parent


def wait_for(url: str, proc: subprocess.Popen[bytes], seconds: float = 90) -> None:
    """Wait until ``url`` answers below 500; fail at once if ``proc`` exits."""
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
    """Start a server process logging to ``log`` and wait until ``health`` answers."""
    handle = log.open("ab")  # appended: an engine restarted by a test keeps one log
    proc = subprocess.Popen(args, stdout=handle, stderr=subprocess.STDOUT, env=env)
    wait_for(health, proc)
    return proc


class Engine:
    """A server process a test can kill (as a crash would) and start again, same port and data."""

    def __init__(self, args: list[str], health: str, url: str, log: Path) -> None:
        """Describe the process; nothing runs until :meth:`start`."""
        self.args, self.health, self.url, self.log = args, health, url, log
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> Engine:
        """Start it and wait until it answers."""
        self.proc = start(self.args, self.health, self.log)
        return self

    def kill(self) -> None:
        """SIGKILL it: no goodbye to its clients."""
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait(10)

    def stop(self) -> None:
        """Shut it down politely (teardown)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)


def chroma_engine(root: Path) -> Engine:
    """`chroma run` from the chromadb wheel on a free loopback port, data under ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    port = free_port()
    return Engine([str(BIN / "chroma"), "run", "--path", str(root / "db"), "--host",
                   "127.0.0.1", "--port", str(port)],
                  f"http://127.0.0.1:{port}/api/v2/heartbeat", f"http://127.0.0.1:{port}",
                  root / "log")


def model_engine(root: Path) -> Engine:
    """llama-cpp-python's OpenAI-compatible server with the packaged model.

    One thread: llama.cpp's threads spin-wait, so two on a busy two-core machine slow every
    token down a hundredfold.
    """
    root.mkdir(parents=True, exist_ok=True)
    port = free_port()
    return Engine([sys.executable, "-m", "knowledge.llm_server",
                   "--model", str(default_llm_path()), "--host", "127.0.0.1",
                   "--port", str(port), "--n_ctx", "2048",
                   "--n_threads", "1", "--n_threads_batch", "1", "--seed", "0"],
                  f"http://127.0.0.1:{port}/v1/models", f"http://127.0.0.1:{port}/v1",
                  root / "log")


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Chroma server shared by the session (never killed: see :func:`chroma_engine`)."""
    engine = chroma_engine(tmp_path_factory.mktemp("chroma-server")).start()
    yield engine.url
    engine.stop()


@pytest.fixture(scope="session")
def model_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A model server shared by the session (never killed: see :func:`model_engine`)."""
    engine = model_engine(tmp_path_factory.mktemp("model-server")).start()
    yield engine.url
    engine.stop()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty database on the test PostgreSQL server."""
    with fresh_database() as url:
        yield url


@pytest.fixture
def pg_store(pg_url: str, tmp_path: Path, embedder) -> Iterator[Store]:  # type: ignore[no-untyped-def]
    """A store on a fresh PostgreSQL database (vectors on disk)."""
    store = Store(Settings(data_dir=tmp_path / "d", database_url=pg_url), embedder=embedder)
    yield store
    store.close()


class Postgres:
    """A throwaway PostgreSQL cluster of its own (initdb in a temp dir), free to be stopped.

    Never the shared test server: other tests (and other sessions) rely on that one.
    """

    def __init__(self) -> None:
        """Create the cluster on a free loopback port; it is not running yet."""
        self.bin = max(Path("/usr/lib/postgresql").glob("*/bin"),
                       key=lambda p: int(p.parent.name))
        self.dir = Path(tempfile.mkdtemp(prefix="shopmage-pg-"))
        if os.getuid() == 0:  # PostgreSQL refuses to run as root
            shutil.chown(self.dir, "postgres")
        self.port = free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        self._pg("initdb", "-D", str(self.dir / "data"), "-U", "postgres", "--auth=trust")

    def _pg(self, tool: str, *args: str, check: bool = True) -> None:
        """Run a PostgreSQL tool, as the postgres user when we are root."""
        command = [str(self.bin / tool), *args]
        if os.getuid() == 0:
            command = ["su", "postgres", "-s", "/bin/bash", "-c", shlex.join(command)]
        subprocess.run(command, check=check, capture_output=True, timeout=60)

    def start(self) -> Postgres:
        """Start the server and wait until it accepts connections."""
        options = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c full_page_writes=off")
        self._pg("pg_ctl", "-D", str(self.dir / "data"), "-o", options,
                 "-l", str(self.dir / "log"), "-w", "start")
        return self

    def kill(self) -> None:
        """Stop it the hard way (``immediate``: connections cut, no checkpoint), as a crash."""
        self._pg("pg_ctl", "-D", str(self.dir / "data"), "-m", "immediate", "-w", "stop",
                 check=False)

    def remove(self) -> None:
        """Stop it and delete the cluster."""
        self.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


    def ensure_running(self) -> Postgres:
        """Start it again if a test left it stopped."""
        ready = subprocess.run([str(self.bin / "pg_isready"), "-q", "-h", "127.0.0.1",
                                "-p", str(self.port)], check=False)
        return self if ready.returncode == 0 else self.start()


@pytest.fixture(scope="module")
def postgres_cluster() -> Iterator[Postgres]:
    """One throwaway PostgreSQL per test module (initdb takes seconds)."""
    server = Postgres().start()
    yield server
    server.remove()


@pytest.fixture
def own_postgres(postgres_cluster: Postgres) -> Postgres:
    """A running throwaway PostgreSQL that this test may stop and start (never the shared one)."""
    return postgres_cluster.ensure_running()
