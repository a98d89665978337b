"""How a tool's domain error reaches an agent: a short message it can act on, not a crash."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from knowledge.errors import ShopmageError


def tool_result(call: Callable[[], Any]) -> Any:
    """Run a tool body; a domain error becomes ``{"error": message}`` the caller can act on."""
    try:
        return call()
    except ShopmageError as exc:
        return {"error": str(exc)}
