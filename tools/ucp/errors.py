"""UCP errors: one exception carrying the protocol's error message fields and an HTTP status."""

from __future__ import annotations

from typing import Any

from knowledge.errors import (
    BusyError,
    EngineUnavailableError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    ShopmageError,
)

UCP_VERSION = "2026-04-08"


class UcpError(Exception):
    """A request the service refuses; becomes a UCP ``error_response``, nothing written."""

    def __init__(self, content: str, *, code: str, status: int, path: str | None = None,
                 severity: str = "recoverable", headers: dict[str, str] | None = None) -> None:
        """Keep the message text, the error code, HTTP status, JSON path and severity."""
        super().__init__(content)
        self.content, self.code, self.status, self.path = content, code, status, path
        self.severity, self.headers = severity, headers or {}

    def message(self) -> dict[str, Any]:
        """The UCP ``message_error`` object."""
        msg: dict[str, Any] = {"type": "error", "code": self.code, "content": self.content,
                               "severity": self.severity}
        if self.path:
            msg["path"] = self.path
        return msg

    def body(self) -> dict[str, Any]:
        """The UCP ``error_response`` body."""
        return {"ucp": {"version": UCP_VERSION, "status": "error"}, "messages": [self.message()]}


def from_domain(exc: ShopmageError) -> UcpError:
    """Translate a domain error into the UCP error the caller sees."""
    code = getattr(exc, "code", None)
    path = getattr(exc, "path", None)
    if isinstance(exc, NotFoundError):
        return UcpError(str(exc), code=code or "not_found", status=404, path=path)
    if isinstance(exc, PermissionDeniedError):
        return UcpError(str(exc), code="unauthorized", status=401, severity="unrecoverable")
    if isinstance(exc, BusyError | EngineUnavailableError):
        return UcpError(str(exc), code="unavailable", status=503, severity="recoverable",
                        headers={"Retry-After": "2"})
    if isinstance(exc, InvalidRequestError):
        status = int(getattr(exc, "status", 422))
        severity = "unrecoverable" if code == "invalid_state" else "recoverable"
        return UcpError(str(exc), code=code or "invalid_request", status=status, path=path,
                        severity=severity)
    return UcpError(str(exc), code="error", status=500, severity="unrecoverable")
