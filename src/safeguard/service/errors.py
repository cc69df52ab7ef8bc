"""HTTP errors: one JSON shape, ``{"error": {"code", "message"}}``, with the right status.

Routes raise ``ApiError`` or let the library's typed exceptions through; ``install`` maps
those (every ``SafeguardError``, by its kind, in ``STATUS_OF_KIND``), validation errors
(422), unknown routes (404) and wrong methods (405) onto the shape.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from safeguard.banks import ImportRejected
from safeguard.errors import Busy, ErrorKind, SafeguardError


class ApiError(Exception):
    def __init__(
        self, status_code: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.code = code
        self.message = message
        self.headers = dict(headers or {})
        if status_code == 401:
            self.headers.setdefault("WWW-Authenticate", "Bearer")


#: The HTTP status of each kind of library failure: one table, not one line per class.
STATUS_OF_KIND: dict[ErrorKind, int] = {
    ErrorKind.INVALID: 400,
    ErrorKind.UNPROCESSABLE: 422,
    ErrorKind.NOT_FOUND: 404,
    ErrorKind.CONFLICT: 409,
    ErrorKind.TOO_LARGE: 413,
    ErrorKind.UNSUPPORTED: 415,
    ErrorKind.LIMITED: 429,
    ErrorKind.BUSY: 503,
    ErrorKind.FORBIDDEN: 403,
    ErrorKind.INTERNAL: 500,
}

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "rate_limited",
    503: "unavailable",
}


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, **extra}}


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None, **extra: Any
) -> JSONResponse:
    return JSONResponse(error_body(code, message, **extra), status_code=status, headers=headers)


def status_for(exc: Exception) -> int | None:
    if isinstance(exc, SafeguardError):
        return STATUS_OF_KIND[exc.kind]
    return None


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status_code, exc.code, exc.message, exc.headers or None)


async def _library_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, SafeguardError)
    status = STATUS_OF_KIND[exc.kind]
    headers = None
    if isinstance(exc, Busy):
        headers = {"Retry-After": str(max(1, round(exc.retry_after)))}
    if isinstance(exc, ImportRejected):
        extra: dict[str, Any] = {
            "issues": [{"line": i.line, "message": i.message} for i in exc.issues],
            "problems": exc.total_issues,
        }
        return error_response(status, exc.code, "import rejected, nothing changed", **extra)
    return error_response(status, exc.code, str(exc), headers)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, "invalid_request", _validation_message(exc))


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 400 and isinstance(exc.__cause__, UnicodeDecodeError):
        # FastAPI's generic "error parsing the body" for a JSON body that is not UTF-8:
        # the same answer as ``/v1/check`` gives for it.
        return error_response(422, "invalid_json", f"the body is not valid JSON: {exc.__cause__}")
    code = _HTTP_CODES.get(exc.status_code, "error")
    message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
    return error_response(exc.status_code, code, message, dict(exc.headers or {}) or None)


def install(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(SafeguardError, _library_error)
