"""Typed failures of the signals layer. Each carries a short machine ``code``; the edges
(CLI, HTTP) turn them into messages and statuses."""

from __future__ import annotations

from safeguard.errors import ErrorKind, SafeguardError, TooLarge, Unsupported


class SignalError(SafeguardError):
    """Base of every failure to read content or compute a signal from it."""

    code = "signal_error"
    kind = ErrorKind.UNPROCESSABLE


class InvalidSignal(SignalError, ValueError):
    """A hash value that is malformed (wrong length, not hex, ...)."""

    code = "invalid_signal"


class EmptyFile(SignalError):
    code = "empty_file"


class FileTooLarge(TooLarge, SignalError):
    """More bytes than the configured limit for this kind of content."""

    code = "file_too_large"


class ImageTooLarge(SignalError):
    """More pixels than the configured limit (decompression-bomb guard)."""

    code = "image_too_large"


class ImageTooSmall(SignalError):
    """Too few pixels on a side to carry a perceptual hash."""

    code = "image_too_small"


class CorruptMedia(SignalError):
    """Bytes that claim to be an image or video but cannot be decoded (truncated, damaged,
    not what the name says)."""

    code = "corrupt_media"


class UnsupportedMedia(Unsupported, SignalError):
    code = "unsupported_media"


class MediaTimeout(SignalError):
    """Decoding ran past its time budget."""

    code = "timeout"


class VideoTooLong(SignalError):
    code = "video_too_long"


class UnreadableFile(SignalError):
    """The file system refused the read (permissions, vanished, I/O error)."""

    code = "unreadable"
