"""Listings from briefs over HTTP on loopback: facts kept, bad briefs refused, nothing stored."""

from __future__ import annotations

import httpx
from sqlmodel import Session, func, select

from knowledge.creatives import Creative
from knowledge.merchants import create_merchant
from knowledge.models import Product
from knowledge.store import Store

BRIEF = ("bamboo cutting board 18 x 12 inches with juice groove and non-slip feet, "
         "3-year warranty")


def _counts(store: Store) -> tuple[int, int]:
    with Session(store.engine) as session:
        creatives = session.exec(select(func.count()).select_from(Creative)).one()
        products = session.exec(select(func.count()).select_from(Product)).one()
    return int(creatives), int(products)


def test_bad_briefs_are_refused_by_name_and_change_nothing(store: Store,
                                                           live_server_for) -> None:
    _, key = create_merchant(store.engine, name="Board Shop")
    headers = {"X-API-Key": key}
    with live_server_for(store) as server:
        url = server.url + "/api/creatives/listing"
        bad = {"": "the brief is empty", "   ": "the brief is empty",
               "x" * 5000: "the brief is too long: 5000 characters, at most 1000",
               "t-shirt, cotton, 100% polyester": "contradicts itself",
               "glass water bottle. Material: plastic": "the material as 'glass'",
               "red cotton t-shirt. Color: blue": "also as 'Color: blue'",
               "king size sheet set. Size: twin": "the bed size as 'king'"}
        for brief, named in bad.items():
            r = httpx.post(url, headers=headers, json={"brief": brief}, timeout=120)
            assert r.status_code == 422, r.text
            assert named in r.json()["error"]["message"]
        assert _counts(store) == (0, 0)

        r = httpx.post(url, headers=headers, json={"brief": BRIEF}, timeout=300)
        assert r.status_code == 200, r.text
        draft = r.json()
        shown = " ".join([draft["content"]["title"], *draft["content"]["bullets"]])
        for fact in ("18 x 12 inches", "juice groove", "non-slip feet", "3-year warranty"):
            assert fact in shown
        assert {f["text"] for f in draft["content"]["facts"]} >= {"18 x 12 inches",
                                                                  "3-year warranty"}
        assert isinstance(draft["content"]["dropped"], list)
        again = httpx.get(f"{server.url}/api/creatives/{draft['id']}", headers=headers)
        assert again.json()["content"]["dropped"] == draft["content"]["dropped"]
    assert _counts(store) == (1, 0)  # a draft, no product until approval
