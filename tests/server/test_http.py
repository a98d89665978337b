import json

import httpx

from knowledge.store import Store


def test_health_search_and_products_on_loopback(loaded: Store, live_server_for) -> None:
    with live_server_for(loaded) as srv:
        assert httpx.get(srv.url + "/health").json() == {"status": "ok"}
        assert httpx.get(srv.url + "/ready").json()["products"] == 5
        found = httpx.get(srv.url + "/api/search", params={"q": "frying pan", "k": 3}).json()
        assert found["items"][0]["id"] == "K1"
        cheap = httpx.get(srv.url + "/api/search",
                          params={"q": "shoes", "max_price": 60, "category": "shoes"}).json()
        assert [i["id"] for i in cheap["items"]] == ["S1"]
        page = httpx.get(srv.url + "/api/products", params={"category": "shoes"}).json()
        assert page["total"] == 3
        missing = httpx.get(srv.url + "/api/products/NOPE")
        assert missing.status_code == 404 and "NOPE" in missing.json()["error"]["message"]
        assert httpx.get(srv.url + "/api/search", params={"q": ""}).status_code == 422
        assert "/api/search" in httpx.get(srv.url + "/openapi.json").json()["paths"]


def test_events_shape_the_for_you_feed(loaded: Store, live_server_for) -> None:
    with live_server_for(loaded) as srv:
        cold = httpx.get(srv.url + "/api/recommendations", params={"session_id": "new"}).json()
        assert len(cold["items"]) >= 3
        for kind in ("view", "cart"):
            body = {"session_id": "shopper-1", "type": kind, "product_id": "S2"}
            assert httpx.post(srv.url + "/api/events", json=body).json() == {"ok": True}
        feed = httpx.get(srv.url + "/api/recommendations",
                         params={"session_id": "shopper-1", "k": 2}).json()["items"]
        ids = [item["id"] for item in feed]
        assert "S2" not in ids  # already seen
        assert feed[0]["category"] == "shoes"  # leans to what the shopper looked at
        bad = httpx.post(srv.url + "/api/events",
                         json={"session_id": "s", "type": "view", "product_id": "NOPE"})
        assert bad.status_code == 404
        wrong = httpx.post(srv.url + "/api/events", content=json.dumps({"type": "dance"}),
                           headers={"content-type": "application/json"})
        assert wrong.status_code == 422
