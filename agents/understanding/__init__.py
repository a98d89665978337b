"""Deterministic understanding of shopper messages: intent routing and slot parsing."""
