"""Request bodies with limits: multipart uploads spooled to a temporary file, raw bodies
streamed to disk, JSON read up to a cap. Nothing is read whole into memory before its size
is known to be within the limit: a ``Content-Length`` over it is refused at once (413), and
a body without one is counted as it streams and cut off at the limit.

``BodyLimit`` (ASGI middleware) puts a ceiling on every request body, so a route that lets
FastAPI parse its JSON cannot be fed an endless one either.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import IO, Any

from fastapi import Request
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from safeguard.service.errors import ApiError, error_body

#: Room for the multipart framing around the file itself.
MULTIPART_OVERHEAD = 64 * 1024


class BodyTooLarge(HTTPException):
    """Raised from ``receive``: an ``HTTPException`` so FastAPI's body parsing passes it on
    to the error handlers (it turns other exceptions into a generic 400)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is over the limit of {limit} bytes")


def too_large(limit: int) -> ApiError:
    return ApiError(413, "too_large", f"the request body is over the limit of {limit} bytes")


def check_declared_length(request: Request, limit: int) -> None:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise too_large(limit)


async def capped(stream: AsyncIterator[bytes], limit: int) -> AsyncGenerator[bytes, None]:
    seen = 0
    async for chunk in stream:
        seen += len(chunk)
        if seen > limit:
            raise too_large(limit)
        yield chunk


@dataclass
class Upload:
    filename: str
    content_type: str
    size: int
    file: IO[bytes]
    #: The other (text) fields of the form.
    fields: dict[str, str] = field(default_factory=dict)

    def read(self) -> bytes:
        self.file.seek(0)
        return self.file.read()

    def close(self) -> None:
        self.file.close()


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def receive_upload(request: Request, *, max_bytes: int, name: str = "file") -> Upload:
    """The file in multipart field ``name``, spooled (memory up to 1 MiB, then disk)."""
    if media_type(request) != "multipart/form-data":
        raise ApiError(
            415,
            "unsupported_media_type",
            f"send the content as multipart/form-data in the field {name!r}",
        )
    limit = max_bytes + MULTIPART_OVERHEAD
    check_declared_length(request, limit)
    parser = MultiPartParser(
        request.headers, capped(request.stream(), limit), max_files=1, max_fields=8
    )
    try:
        form = await parser.parse()
    except MultiPartException as e:
        raise ApiError(400, "invalid_multipart", f"malformed multipart body: {e.message}") from None
    item = form.get(name)
    for _, other in form.multi_items():
        if isinstance(other, UploadFile) and other is not item:
            await other.close()
    if not isinstance(item, UploadFile):
        raise ApiError(422, "invalid_request", f"no file in the multipart field {name!r}")
    size = int(item.size or 0)
    if size > max_bytes:
        await item.close()
        raise ApiError(413, "too_large", f"the file is over the upload limit of {max_bytes} bytes")
    return Upload(
        filename=item.filename or "upload",
        content_type=item.content_type or "application/octet-stream",
        size=size,
        file=item.file,
        fields={k: v for k, v in form.multi_items() if isinstance(v, str)},
    )


async def receive_json(request: Request, *, max_bytes: int) -> Any:
    """A JSON body, read up to ``max_bytes``; 422 when it does not parse."""
    check_declared_length(request, max_bytes)
    body = bytearray()
    async for chunk in capped(request.stream(), max_bytes):
        body.extend(chunk)
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError) as e:
        raise ApiError(422, "invalid_json", f"the body is not valid JSON: {e}") from None
    except RecursionError:
        raise ApiError(422, "invalid_json", "the body's JSON is nested too deeply") from None


async def receive_to_file(request: Request, *, max_bytes: int) -> IO[bytes]:
    """The raw body, streamed to an anonymous temporary file (rewound)."""
    check_declared_length(request, max_bytes)
    out = tempfile.TemporaryFile()  # noqa: SIM115 - the caller closes it
    try:
        async for chunk in capped(request.stream(), max_bytes):
            out.write(chunk)
    except BaseException:
        out.close()
        raise
    out.seek(0)
    return out


class BodyLimit:
    """Refuse (413) any request body over ``limit_for(path)`` bytes, declared or streamed."""

    def __init__(self, app: ASGIApp, limit_for: Callable[[str], int]) -> None:
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope.get("path", ""))
        for name, value in scope.get("headers", ()):
            if name == b"content-length" and value.isdigit() and int(value) > limit:
                await _send_413(send, limit)
                return
        seen = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _send_413(send, limit)


async def _send_413(send: Send, limit: int) -> None:
    body = json.dumps(
        error_body("too_large", f"the request body is over the limit of {limit} bytes")
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
