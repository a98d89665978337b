"""Data files the NLP models train from (QueryNER train, MIT)."""
