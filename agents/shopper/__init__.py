"""The shopper assistant: a LangGraph graph over deterministic understanding and tools."""
