"""Deterministic intent routing for merchant messages (keywords; the tiny model decides nothing)."""

from __future__ import annotations

import re

RULES: list[tuple[str, re.Pattern[str]]] = [
    ("confirm", re.compile(r"^\s*(yes|yep|confirm|confirmed|go ahead|create it|do it|launch it|"
                           r"looks good|ok|okay)\b", re.I)),
    ("cancel", re.compile(r"^\s*(no|cancel|stop|never mind|discard)\b", re.I)),
    ("why", re.compile(r"\bwhy\b", re.I)),
    ("pause", re.compile(r"\bpause\b", re.I)),
    ("resume", re.compile(r"\b(resume|restart|unpause|reactivate)\b", re.I)),
    ("update", re.compile(
        r"\b(change|raise|lower|increase|decrease|set|update)\b.*\b(budget|roi)\b",
                          re.I)),
    ("report", re.compile(r"\b(report|performance|how is|how are|how's|results|doing)\b", re.I)),
    ("list", re.compile(r"\b(list|show|what are)\b.*\bcampaigns?\b|^\s*campaigns\s*$", re.I)),
    ("create", re.compile(r"\b(promote|advertise|campaign|boost|push|sell more|budget|roi)\b",
                          re.I)),
]


def route(text: str, pending: bool) -> str:
    """The intent of a merchant message."""
    for intent, pattern in RULES:
        if intent in ("confirm", "cancel") and not pending:
            continue
        if pattern.search(text):
            return intent
    return "chat"
