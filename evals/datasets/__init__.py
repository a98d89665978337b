"""Evaluation datasets: file formats and validating loaders."""

from __future__ import annotations

from knowledge.errors import ShopmageError


class DatasetError(ShopmageError):
    """A dataset file is malformed; the message names the file, the line and the reason."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        """Name the file, the 1-based line (0: the file as a whole) and what was wrong."""
        where = f"{path}, line {line}" if line else path
        super().__init__(f"{where}: {reason}")
        self.path, self.line, self.reason = path, line, reason
