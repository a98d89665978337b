"""The merchant eval's checks: what one played message got right, and a split's figures.

``slot_hits`` (each labelled value exactly, products by type), ``outcome_ok`` (the reply did
what the label says, and nothing else), ``wrong_campaign`` (a campaign outside the ones the
message refers to changed) and ``score`` (the figures of one split; see
:mod:`evals.merchant_messages` for what each means).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

VALUE_SLOTS = ("budget", "daily_budget", "target_roi", "days", "start", "end")


def _expected_ids(row: dict[str, Any], keys: dict[str, str]) -> set[str] | None:
    ref = row["slots"]["campaign"]
    if ref == "all":
        return set(keys.values())
    return {keys[k] for k in ref} if isinstance(ref, list) else None


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(b, int | float) and not isinstance(b, bool):
        try:
            return abs(float(a) - float(b)) < 1e-6
        except (TypeError, ValueError):
            return False
    return str(a) == str(b)


def slot_hits(row: dict[str, Any], got: dict[str, Any]) -> dict[str, bool]:
    """Per labelled slot: right or wrong (values exactly; products by type)."""
    hits = {k: _same(got.get(k), row["slots"][k]) for k in VALUE_SLOTS}
    expected = row["slots"]["products"]
    if expected is not None:
        types = set(got.get("product_types") or [])
        hits["products"] = (not types) if not expected else bool(types) and types <= set(expected)
    return hits


def _draft_complete(r: dict[str, Any]) -> bool:
    return r["draft"] is not None or "best achievable ROI" in r["reply"]


def outcome_ok(row: dict[str, Any], r: dict[str, Any], keys: dict[str, str],
               names: dict[str, str]) -> bool:
    """Whether the reply did what the label says, and nothing else."""
    kind, expected = row["outcome"], _expected_ids(row, keys)
    quiet = not r["changed_first"] and not r["created"]
    if kind == "draft":
        return _draft_complete(r) and quiet
    if kind == "ask":
        return quiet and r["draft"] is None and not r["creatives"] and "?" in r["reply"]
    if kind == "act":
        if r["changed_first"] != (expected or set()):
            return False
        fields = {"status": 0, "budget_total": 1, "target_roi": 2}
        return all(_same(r["after_rows"][cid][fields[k]], v) for cid in r["changed_first"]
                   for k, v in row.get("after", {}).items())
    if kind == "confirm":
        after = r.get("changed_after_yes", set())
        return quiet and bool(after) and after <= (expected or set())
    if kind in ("report", "list"):
        wanted = expected or set()
        return quiet and all(names[cid] in r["reply"] for cid in wanted)
    if kind == "audience":
        return quiet and ("Who to target" in r["reply"] or "no shopper segment" in r["reply"])
    if kind == "creative":
        kinds = {c.get("kind") for c in r["creatives"]}
        return quiet and kinds == {row.get("creative_kind")}
    return quiet and r["draft"] is None  # reply: why / chat


def wrong_campaign(row: dict[str, Any], r: dict[str, Any], keys: dict[str, str]) -> bool:
    """A campaign outside the ones the message refers to changed (before or after 'yes')."""
    allowed = _expected_ids(row, keys) if row["outcome"] in ("act", "confirm") else set()
    first_ok = r["changed_first"] <= (allowed if row["outcome"] == "act" else set())
    later = r.get("changed_after_yes", set())
    return not first_ok or not later <= (allowed or set())


def score(rows: list[dict[str, Any]], results: list[dict[str, Any]],
          slots: list[dict[str, Any]], keys: dict[str, str], names: dict[str, str]
          ) -> dict[str, float]:
    """The figures for one split."""
    drafts = [r for row, r in zip(rows, results, strict=True) if row["outcome"] == "draft"]
    per_slot: Counter[str] = Counter()
    per_slot_n: Counter[str] = Counter()
    all_right = 0
    for row, got in zip(rows, slots, strict=True):
        hits = slot_hits(row, got)
        per_slot.update(k for k, ok in hits.items() if ok)
        per_slot_n.update(hits.keys())
        all_right += all(hits.values())
    n = len(rows)
    out = {
        "messages": float(n),
        "draft_one_turn": sum(map(_draft_complete, drafts)) / max(1, len(drafts)),
        "draft_one_turn_strict": sum(r["draft"] is not None for r in drafts) / max(1, len(drafts)),
        "draft_messages": float(len(drafts)),
        "wrong_campaign_actions": float(sum(wrong_campaign(row, r, keys)
                                            for row, r in zip(rows, results, strict=True))),
        "intent_accuracy": sum(r["intent"] == row["intent"]
                               for row, r in zip(rows, results, strict=True)) / n,
        "slot_accuracy": sum(per_slot.values()) / max(1, sum(per_slot_n.values())),
        "messages_all_slots_right": all_right / n,
        "outcome_accuracy": sum(outcome_ok(row, r, keys, names)
                                for row, r in zip(rows, results, strict=True)) / n,
    }
    out.update({f"slot_{k}": per_slot[k] / per_slot_n[k] for k in sorted(per_slot_n)})
    if all("model_intent" in s for s in slots):  # understand_merchant alone, without the store
        out["model_intent_accuracy"] = sum(s["model_intent"] == row["intent"]
                                           for row, s in zip(rows, slots, strict=True)) / n
    return out
