"""A merchant asks for a running campaign's re-forecast over HTTP: the store logged the
searches it met, and the re-forecast replays them beside the recorded results."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import insert

from knowledge.models import Event
from knowledge.store import Store
from tests.agents.catalog import acme_owns_zenflow
from tools.campaigns import service


def _history(store: Store, before: datetime) -> None:
    """A week of searches, clicks and purchases before the campaign starts."""
    rows = []
    for n in range(210):
        ts = before - timedelta(days=7) + timedelta(minutes=48 * n)
        query = ("yoga mat", "foam roller", "non slip yoga mat")[n % 3]
        rows.append({"user_id": f"h{n}", "type": "search", "query": query, "ts": ts,
                     "product_id": None})
        if n % 4 == 0:
            pid = "FIT00" if n % 3 != 1 else "FIT31"
            rows.append({"user_id": f"h{n}", "type": "click", "query": query, "ts": ts,
                         "product_id": pid})
            if n % 12 == 0:
                rows.append({"user_id": f"h{n}", "type": "purchase", "query": None, "ts": ts,
                             "product_id": pid})
    with store.engine.begin() as conn:
        conn.execute(insert(Event.__table__), rows)  # type: ignore[attr-defined]


def test_reforecast_of_a_running_campaign_over_http(store: Store, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                    live_server_for) -> None:
    merchant_id, key, zen = acme_owns_zenflow(store, tmp_path)
    today = datetime.now(UTC).date()
    _history(store, datetime.combine(today, datetime.min.time(), tzinfo=UTC))
    plan = service.CampaignDraft(product_ids=zen, budget_total=40.0, target_roi=2.0,
                                 start=today, end=today + timedelta(days=6))
    campaign = service.create_campaign(store.engine, merchant_id, plan, {})
    headers = {"X-API-Key": key}
    with live_server_for(store) as srv, httpx.Client(timeout=300) as http:
        url = srv.url + f"/api/campaigns/{campaign.id}/reforecast"
        none = http.get(url, headers=headers)
        assert none.status_code == 422 and "no recorded searches" in none.text
        for n in range(12):
            q = ("yoga mat", "foam roller", "non slip yoga mat")[n % 3]
            http.get(srv.url + "/api/search", params={"q": q, "session_id": f"web-{n}"})
        http.get(srv.url + "/api/search", params={"q": "yoga mat"})  # no session: not logged
        out = http.get(url, headers=headers, params={"runs": 1}).json()
        assert out["reforecast"]["method"] == "reforecast"
        assert out["reforecast"]["searches"] == 12  # the searches this campaign met
        assert out["reforecast"]["p50"]["impressions"] > 0
        assert set(out["realised"]) >= {"spend", "gmv", "roi", "orders"}
        assert http.get(url).status_code == 401
