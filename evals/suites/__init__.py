"""Evaluation suites, one module each (``evals/suites/<name>.py``), imported by name on demand."""
