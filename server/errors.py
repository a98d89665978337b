"""Domain errors -> HTTP responses, in one place."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from knowledge.errors import (
    BusyError,
    ConfigError,
    ImportFileError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    ShopmageError,
)

STATUS = [
    (NotFoundError, 404, "not_found"),
    (PermissionDeniedError, 401, "unauthorized"),
    (BusyError, 503, "busy"),
    (InvalidRequestError, 422, "invalid_request"),
    (ImportFileError, 422, "invalid_file"),
    (ConfigError, 500, "config"),
    (ShopmageError, 500, "error"),
]


def status_for(exc: ShopmageError) -> tuple[int, str]:
    """The HTTP status and error code for a domain error."""
    for kind, status, code in STATUS:
        if isinstance(exc, kind):
            return status, code
    return 500, "error"


def install_error_handlers(app: FastAPI) -> None:
    """Answer every domain error with ``{"error": {"code", "message"}}``."""

    async def handle(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ShopmageError)
        status, code = status_for(exc)
        headers = {"Retry-After": "2"} if status == 503 else None
        return JSONResponse({"error": {"code": code, "message": str(exc)}}, status, headers)

    app.add_exception_handler(ShopmageError, handle)
