"""Validating one hash value from a list: its type, by name or by length."""

from __future__ import annotations

from safeguard.signals.errors import InvalidSignal
from safeguard.signals.types import SIGNAL_TYPES, signal_type

_BY_LENGTH = {32: "md5", 40: "sha1"}


def parse_value(raw: str, declared_type: str | None) -> tuple[str, str]:
    """Return (type, normalised value) or raise ``InvalidSignal`` with a precise message.

    With no declared type, 32 hex digits are MD5 and 40 SHA-1; 64 could be PDQ or SHA-256,
    so the type must be given."""
    text = raw.strip()
    if declared_type:
        t = signal_type(declared_type)
        if len(text) != t.hex_length:
            guess = _BY_LENGTH.get(len(text))
            hint = f" (that is the length of {guess})" if guess else ""
            raise InvalidSignal(
                f"{len(text)} characters is not a {t.name} value: "
                f"{t.name} is {t.hex_length} hex digits{hint}"
            )
        return t.name, t.normalize(text)
    name = _BY_LENGTH.get(len(text))
    if name is None:
        if len(text) == 64:
            raise InvalidSignal("64 hex digits may be pdq or sha256: give the type")
        raise InvalidSignal(f"{len(text)} characters is not the length of any known hash")
    return name, SIGNAL_TYPES[name].normalize(text)
