"""Frozen copies of replaced components, kept only to report old-vs-new figures."""
