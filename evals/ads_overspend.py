"""Overspend under concurrency: 20 sessions click a small-budget campaign's ads at once.

The budget cap is enforced by one conditional UPDATE per click
(:func:`knowledge.ads.charge_click`), so the spend may pass the cap by at most one click's
cost; :func:`overspend_trial` measures by how much it does, through the ad server.
"""

from __future__ import annotations

import threading
from pathlib import Path

from tools.ads.replay import FlightSpec, ReplayWorld


def overspend_trial(world: ReplayWorld, workdir: Path, sessions: int = 20) -> dict[str, float]:
    """20 concurrent sessions click every shown ad of a small-budget campaign at once."""
    from datetime import UTC, datetime

    from knowledge import ads as ledger
    from knowledge.ads import AdSettings
    from tools.ads.replay import FLIGHT_START, _fresh_engine
    from tools.ads.serving import AdServer

    spec = FlightSpec(target_roi=2.0, budget=6.0, seed=0, days=1, rival_bid=0.05)
    engine, cid = _fresh_engine(world, workdir, spec)
    server = AdServer(engine, AdSettings(slots=2))
    now = datetime.combine(FLIGHT_START, datetime.min.time(), tzinfo=UTC).replace(hour=12)
    queries = [q for q in world.organic if any(c.product.id in world.ours
                                               for c in world.organic[q][:20])]
    shown = [ad for i in range(120) for ad in server.sponsored(
        world.organic[queries[i % len(queries)]], session_id=f"c{i}", now=now)
        if ad.campaign_id == cid]
    threads = [threading.Thread(target=lambda n=n: [server.click(a.impression_id, now)
                                                    for a in shown[n::sessions]])
               for n in range(sessions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    spent = ledger.states(engine, [cid])[cid].spent
    clicks = ledger.events(engine, cid, ("click",))
    biggest = max((c.cpc for c in clicks), default=0.0)
    engine.dispose()
    return {"shown": len(shown), "clicks": len(clicks), "budget": spec.budget,
            "spent": round(spent, 4), "largest_cpc": round(biggest, 4),
            "overspend_beyond_one_click": round(max(0.0, spent - spec.budget - biggest), 6),
            "charged_equals_recorded": float(abs(spent - sum(c.cost for c in clicks)) < 1e-6)}
