"""The one base of every Safeguard failure, and the few kinds the edges need to know.

Each failure is a ``SafeguardError`` subclass with a machine ``code`` (a short snake_case
word, stable across releases) and a ``kind``. The edges map kinds, not classes: the HTTP
service turns a kind into a status (``STATUS_OF_KIND`` in ``service/errors.py``), the CLI
into an exit code and a message. A new failure is a new subclass of the kind it is; nothing
at the edges changes.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorKind(StrEnum):
    """What sort of failure, as far as a caller can act on it."""

    INVALID = "invalid"  # the input is malformed or refused: fix it and try again
    UNPROCESSABLE = "unprocessable"  # well-formed, but its content cannot be processed
    NOT_FOUND = "not_found"  # the thing named does not exist
    CONFLICT = "conflict"  # the thing exists already, or its state forbids the act
    TOO_LARGE = "too_large"  # over a configured size limit
    UNSUPPORTED = "unsupported"  # a kind of content or format this build cannot read
    BUSY = "busy"  # a bounded resource is spent; retry later
    LIMITED = "limited"  # this caller made too many attempts; a rate limit applies
    FORBIDDEN = "forbidden"  # the caller may not do this
    INTERNAL = "internal"  # a fault of the system itself (a key missing, a corrupt store)


class SafeguardError(Exception):
    """Base of every typed failure the library raises."""

    code: str = "error"
    kind: ErrorKind = ErrorKind.INVALID

    def __init__(self, message: str = "", *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


class InvalidInput(SafeguardError):
    code = "invalid"
    kind = ErrorKind.INVALID


class NotFound(SafeguardError):
    code = "not_found"
    kind = ErrorKind.NOT_FOUND


class Conflict(SafeguardError):
    code = "conflict"
    kind = ErrorKind.CONFLICT


class TooLarge(SafeguardError):
    code = "too_large"
    kind = ErrorKind.TOO_LARGE


class Unsupported(SafeguardError):
    code = "unsupported"
    kind = ErrorKind.UNSUPPORTED


class Busy(SafeguardError):
    """A bounded resource (decode budget, a lock) is spent; the caller may retry."""

    code = "busy"
    kind = ErrorKind.BUSY

    def __init__(
        self, message: str = "", *, code: str | None = None, retry_after: float = 1.0
    ) -> None:
        super().__init__(message, code=code)
        self.retry_after = retry_after


class Forbidden(SafeguardError):
    code = "forbidden"
    kind = ErrorKind.FORBIDDEN


class InternalError(SafeguardError):
    code = "internal"
    kind = ErrorKind.INTERNAL


class Unprocessable(SafeguardError):
    """Well-formed input whose content cannot be processed (corrupt media, a bad list)."""

    code = "unprocessable"
    kind = ErrorKind.UNPROCESSABLE


class Limited(SafeguardError):
    """Too many attempts by this caller; a rate limit applies."""

    code = "rate_limited"
    kind = ErrorKind.LIMITED
