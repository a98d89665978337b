"""Health (the process answers) and readiness (the stores and models are loaded)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from server.deps import StateDep

router = APIRouter(tags=["health"])


@router.get("/health")
def health() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/ready")
def ready(state: StateDep) -> dict[str, Any]:
    """Stores loaded and what they hold."""
    return {
        "ready": True,
        "products": len(state.store.search.index),
        "knowledge": state.store.search.expander is not None,
        "shopper": state.shopper is not None,
        "merchant": state.merchant is not None,
    }
