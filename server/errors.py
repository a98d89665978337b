"""Domain errors -> HTTP responses, in one place."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from knowledge.errors import (
    BusyError,
    ConfigError,
    EngineUnavailableError,
    ImportFileError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    ShopmageError,
)
from knowledge.sql import database_unavailable, lost_connection


class ServiceUnavailableError(ShopmageError):
    """A capability's service was not built on this server (its ``setup`` never ran)."""


STATUS = [
    (NotFoundError, 404, "not_found"),
    (PermissionDeniedError, 401, "unauthorized"),
    (BusyError, 503, "busy"),
    (EngineUnavailableError, 503, "unavailable"),
    (ServiceUnavailableError, 503, "unavailable"),
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


def error_response(exc: ShopmageError) -> JSONResponse:
    """``{"error": {"code", "message"}}`` with the status of ``exc`` (503s say when to retry)."""
    status, code = status_for(exc)
    headers = {"Retry-After": "2"} if status == 503 else None
    return JSONResponse({"error": {"code": code, "message": str(exc)}}, status, headers)


def install_error_handlers(app: FastAPI) -> None:
    """Answer every domain error, and a lost database connection, as a JSON error."""

    async def handle(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ShopmageError)
        return error_response(exc)

    async def handle_database(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, DBAPIError)
        if not lost_connection(exc):
            raise exc  # a bug, not an outage: the usual 500, traceback logged
        return error_response(database_unavailable(exc, request.app.state.shopmage.store.engine))

    async def handle_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        if request.url.path.startswith("/v1/"):  # OpenAI clients expect 400 and their shape
            message = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}"
                                for e in exc.errors())
            return JSONResponse({"error": {"message": message, "type": "invalid_request_error",
                                           "param": None, "code": "invalid_request_error"}}, 400)
        return await request_validation_exception_handler(request, exc)

    app.add_exception_handler(ShopmageError, handle)
    app.add_exception_handler(RequestValidationError, handle_validation)
    for lost in (OperationalError, InterfaceError):  # what drivers raise for a lost server
        app.add_exception_handler(lost, handle_database)
