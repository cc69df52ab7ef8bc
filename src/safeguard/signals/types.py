"""Signal types: the kinds of fingerprint Safeguard stores and matches.

One class per type, registered in ``SIGNAL_TYPES``; a new signal is a new class here. Each
says how its values are written (hex of a fixed length), how to normalise and validate one,
and how two values compare (Hamming distance for perceptual hashes, equality for
cryptographic digests).
"""

from __future__ import annotations

from abc import ABC
from typing import ClassVar

from safeguard.signals.errors import InvalidSignal

#: Hamming distance at or below which two PDQ hashes are taken to show the same picture.
#: (Here rather than in ``pdq``, which needs numpy: the registry is read by ``--help``.)
MATCH_THRESHOLD = 31


class SignalType(ABC):
    name: ClassVar[str]
    hex_length: ClassVar[int]
    #: Largest distance that still counts as a match; 0 for exact digests.
    default_threshold: ClassVar[int] = 0
    #: Perceptual signals compare by Hamming distance; others by equality.
    perceptual: ClassVar[bool] = False
    #: A fingerprint of a file's bytes or pixels (every ``FileHashes`` has it); False for
    #: signals of text (URLs, search terms).
    media: ClassVar[bool] = True

    @classmethod
    def normalize(cls, value: str) -> str:
        """Lower-case hex of the right length, or ``InvalidSignal`` saying what is wrong."""
        text = value.strip().lower()
        if len(text) != cls.hex_length:
            raise InvalidSignal(
                f"a {cls.name} value is {cls.hex_length} hex digits, got {len(text)}"
            )
        if text.strip("0123456789abcdef"):
            raise InvalidSignal(f"a {cls.name} value must be hex: {value.strip()!r}")
        return text

    @classmethod
    def distance(cls, a: str, b: str) -> int:
        if cls.perceptual:
            return (int(a, 16) ^ int(b, 16)).bit_count()
        return 0 if a == b else cls.hex_length * 4


class PdqSignal(SignalType):
    name = "pdq"
    hex_length = 64
    default_threshold = MATCH_THRESHOLD
    perceptual = True


class Md5Signal(SignalType):
    name = "md5"
    hex_length = 32


class Sha1Signal(SignalType):
    name = "sha1"
    hex_length = 40


class Sha256Signal(SignalType):
    name = "sha256"
    hex_length = 64


class UrlSignal(SignalType):
    """SHA-256 of a URL's canonical form (``signals.urls``)."""

    name = "url"
    hex_length = 64
    media = False


class UrlMd5Signal(SignalType):
    """MD5 of a URL's canonical form, as some hotlines distribute their lists."""

    name = "url_md5"
    hex_length = 32
    media = False


class KeywordSignal(SignalType):
    """SHA-256 of a search term's canonical form (``signals.urls``)."""

    name = "keyword"
    hex_length = 64
    media = False


#: The one registry of signal types: every list of signal names elsewhere derives from it.
SIGNAL_TYPES: dict[str, type[SignalType]] = {
    t.name: t
    for t in (
        PdqSignal,
        Md5Signal,
        Sha1Signal,
        Sha256Signal,
        UrlSignal,
        UrlMd5Signal,
        KeywordSignal,
    )
}
#: Every signal a bank entry can hold, in the order they are shown.
SIGNAL_NAMES: tuple[str, ...] = tuple(SIGNAL_TYPES)
#: Signals matched by equality (cryptographic digests), each in an exact-digest index.
EXACT_SIGNALS: tuple[str, ...] = tuple(n for n, t in SIGNAL_TYPES.items() if not t.perceptual)
#: Exact digests of files (MD5, SHA-1, SHA-256): what a hashed file carries.
FILE_DIGESTS: tuple[str, ...] = tuple(n for n in EXACT_SIGNALS if SIGNAL_TYPES[n].media)


def signal_type(name: str) -> type[SignalType]:
    try:
        return SIGNAL_TYPES[name.lower()]
    except KeyError:
        known = ", ".join(sorted(SIGNAL_TYPES))
        raise InvalidSignal(f"unknown signal type {name!r} (known: {known})") from None
