"""A real ``kill -9`` mid-import and mid-campaign-creation: the database keeps all or nothing.

Each test runs the work in a child process, kills it with SIGKILL while it writes, then
opens the store again and checks what a user would see.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from sqlmodel import Session, func, select

from knowledge.campaigns import Campaign, CampaignAudit
from knowledge.models import Product
from knowledge.settings import Settings
from knowledge.store import Store
from tests.agents.catalog import catalogue_rows

ROWS = 5000


def _catalogue(path: Path) -> Path:
    template = catalogue_rows()
    with path.open("w") as handle:
        for n in range(ROWS):
            row = dict(template[n % len(template)], product_id=f"P{n:05d}")
            row["product_title"] = f"{row['product_title']} model {n}"
            handle.write(json.dumps(row) + "\n")
    return path


def _changed(path: Path, since: float) -> bool:
    return any(f.stat().st_mtime > since for f in path.rglob("*") if f.is_file())


def _count(store: Store, table: type) -> int:
    with Session(store.engine) as session:
        return int(session.exec(select(func.count()).select_from(table)).one())


def test_kill_during_a_5k_import_keeps_all_or_nothing(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    Store(Settings(data_dir=data), embedder=embedder).close()  # schema and Chroma exist
    env = {**os.environ, "SHOPMAGE_DATA_DIR": str(data)}
    started = time.time()
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", "ingest", "catalog",
                             str(_catalogue(tmp_path / "big.jsonl"))], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600
    while not _changed(data / "chroma", started) and proc.poll() is None:  # vectors being written
        assert time.monotonic() < deadline, "the import never started writing"
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the import finished before it could be killed"
    store = Store(Settings(data_dir=data), embedder=embedder)
    try:
        rows = _count(store, Product)
        assert rows in (0, ROWS)
        assert store.vectors.count() == rows  # no vector outlives its row, none is missing
        if rows:
            assert store.search.search("model 4321", k=3)
    finally:
        store.close()


CREATE_FOREVER = textwrap.dedent("""
    import sys
    import uuid
    from datetime import date, timedelta
    from knowledge.db import make_engine
    from knowledge.merchants import create_merchant
    from knowledge.settings import Settings
    from tools.campaigns import service

    engine = make_engine(Settings(data_dir=sys.argv[1]))
    merchant, _ = create_merchant(engine, name="Killed " + uuid.uuid4().hex[:6])
    service.assign_products(engine, merchant.id, brands=[sys.argv[2]])
    ids = sys.argv[3].split(",")
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        draft = service.CampaignDraft(product_ids=[ids[n % len(ids)]], budget_total=500 + n,
                                      target_roi=2.0, start=date.today(),
                                      end=date.today() + timedelta(days=7))
        try:
            made = service.create_campaign(engine, merchant.id, draft, {})
        except Exception:  # refused (e.g. an overlap): nothing was written
            continue
        service.change_campaign(engine, merchant.id, made.id, "pause")
""")


def test_kill_during_campaign_creation_leaves_no_half_campaign(tmp_path: Path,
                                                               store: Store) -> None:
    rows = catalogue_rows()
    brand = rows[0]["product_brand"]
    ids = [r["product_id"] for r in rows if r["product_brand"] == brand]
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    from knowledge.ingest import import_catalog

    import_catalog(store, path)
    for _ in range(3):
        proc = subprocess.Popen([sys.executable, "-c", CREATE_FOREVER,
                                 str(store.settings.data_dir), brand, ",".join(ids)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.readline().strip() == b"ready", proc.stderr.read().decode()[-2000:]
        time.sleep(1.5)  # campaigns are being created and paused in a loop
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    with Session(store.engine) as session:
        campaigns = session.exec(select(Campaign)).all()
        audited = {a.campaign_id for a in session.exec(
            select(CampaignAudit).where(CampaignAudit.action == "create"))}
    assert campaigns, "no campaign was created before the kills"
    assert {c.id for c in campaigns} == audited  # every campaign has its creation audit row
