"""The knowledge review queue over REST, on a real server: list, accept, reject, edit."""

from __future__ import annotations

import httpx

from knowledge.graph.store import Assertion, list_assertions, upsert_assertions
from knowledge.merchants import create_merchant
from knowledge.store import Store


def _candidates(store: Store) -> list[Assertion]:
    upsert_assertions(store.engine, [
        Assertion(head="hikers", relation="NEEDS", tail="ankle support", score=0.6,
                  source="mining", status="candidate"),
        Assertion(head="hikers", relation="NEEDS", tail="bubble wrap", score=0.5,
                  source="mining", status="candidate"),
        Assertion(head="new parents", relation="NEEDS", tail="bpa-free", score=0.55,
                  source="llm", status="candidate"),
    ])
    return list_assertions(store.engine, status="candidate")


def test_review_queue_accept_reject_edit(store: Store, live_server_for) -> None:  # type: ignore[no-untyped-def]
    by_tail = {a.tail: a for a in _candidates(store)}
    _, key = create_merchant(store.engine, name="Reviewer")
    with live_server_for(store) as srv:
        api = httpx.Client(base_url=srv.url + "/api/knowledge", timeout=30,
                           headers={"X-API-Key": key})
        assert httpx.get(srv.url + "/api/knowledge/review", timeout=30).status_code == 401
        queue = api.get("/review").json()["items"]
        assert {a["tail"] for a in queue} == {"ankle support", "bubble wrap", "bpa-free"}
        accepted = api.post(f"/assertions/{by_tail['ankle support'].id}/accept").json()
        assert accepted["status"] == "accepted"
        rejected = api.post(f"/assertions/{by_tail['bubble wrap'].id}/reject").json()
        assert rejected["status"] == "rejected"
        edited = api.patch(f"/assertions/{by_tail['bpa-free'].id}",
                           json={"tail": "BPA-free bottle"}).json()
        assert (edited["tail"], edited["status"], edited["source"]) == (
            "bpa-free bottle", "accepted", "human")
        assert api.get("/review").json()["items"] == []
        bad = api.patch(f"/assertions/{by_tail['bpa-free'].id}", json={"relation": "LIKES_PIZZA"})
        assert bad.status_code == 422 and "unknown relation" in bad.json()["error"]["message"]
        assert api.post("/assertions/999999/accept").status_code == 404
        assert api.post(f"/assertions/{2**100}/accept").status_code == 422  # found by the fuzzer
        assert api.patch(f"/assertions/{2**100}", json={}).status_code == 422
        assert api.post(f"/assertions/{by_tail['ankle support'].id}/maybe").status_code == 422
    after = {a.tail: a for a in list_assertions(store.engine)}
    assert after["bpa-free bottle"].relation == "NEEDS"  # the refused edit changed nothing
