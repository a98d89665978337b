"""Product feeds for outside AI agents (ACP JSONL and a flat CSV)."""
