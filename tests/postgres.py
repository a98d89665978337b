"""The shared test PostgreSQL server (started by ``scripts/postgres-for-tests.sh``) and
fresh, empty databases on it: one per test that asks for PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg

from knowledge.settings import REPO_ROOT


def server_url() -> str:
    """The shared test PostgreSQL server's URL (started by the script when needed)."""
    url = os.environ.get("SHOPMAGE_TEST_POSTGRES_URL")
    if url:
        return url
    script = REPO_ROOT / "scripts" / "postgres-for-tests.sh"
    return subprocess.run([str(script)], check=True, capture_output=True,
                          text=True).stdout.strip()


@contextmanager
def fresh_database() -> Iterator[str]:
    """A new, empty database on the test server; dropped (connections and all) afterwards."""
    base = server_url()
    name = "t_" + uuid.uuid4().hex[:10]
    admin = base.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield base.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")
