"""The domain errors every layer raises; boundaries translate them (tool text, HTTP status)."""


class ShopmageError(Exception):
    """Base of every error we raise on purpose; its message is safe to show a user."""


class ConfigError(ShopmageError):
    """A setting is missing, malformed or points at something unusable."""


class ImportFileError(ShopmageError):
    """An import file is malformed; nothing was written."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        """Name the file, the 1-based line and what was wrong."""
        super().__init__(f"{path}, line {line}: {reason} (nothing was imported)")
        self.path, self.line, self.reason = path, line, reason


class NotFoundError(ShopmageError, LookupError):
    """An id that names nothing we have (or nothing the caller may see)."""


class InvalidRequestError(ShopmageError, ValueError):
    """A request that cannot be carried out as asked (bad quantity, impossible budget...)."""


class BusyError(ShopmageError):
    """The model queue is full; the caller should try again shortly."""


class PermissionDeniedError(ShopmageError):
    """The caller is not allowed to do this (wrong key, someone else's data)."""


class EngineUnavailableError(ShopmageError):
    """A configured engine (database, Chroma server, model server) stopped answering.

    Transient: the request did not happen and can be retried once the engine is back.
    """

    def __init__(self, setting: str, engine: str, address: str, reason: object) -> None:
        """Name the setting, the engine, its address and the low-level reason."""
        first_line = str(reason).strip().splitlines()[0] if str(reason).strip() else "no answer"
        super().__init__(f"{engine} at {address} ({setting}) is unavailable: {first_line}; "
                         "try again once it is back")
        self.setting, self.engine, self.address = setting, engine, address
