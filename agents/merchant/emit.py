"""Protocol events from inside merchant graph nodes, through the one event builder."""

from __future__ import annotations

from typing import Any

from langgraph.config import get_stream_writer

from agents.protocol import EventName, event


def emit(kind: EventName, **data: Any) -> None:
    """Stream one protocol event (``campaign_draft``, ``forecast``, ``campaign``...) now."""
    get_stream_writer()(event(kind, **data))
