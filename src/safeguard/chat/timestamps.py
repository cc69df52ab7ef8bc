"""Message times as chat systems export them: seconds since the epoch, or ISO 8601 strings.

One parser for conversations and livestream comments, so both accept the same forms.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import Any

from safeguard.errors import InvalidInput


class TimestampError(InvalidInput, ValueError):
    """A ``ts`` that is neither a finite number of seconds nor an ISO 8601 date-time."""


def parse_ts(value: Any) -> float | None:
    """Seconds (int or float) or an ISO 8601 string (``2026-03-02T19:04:11Z``, with or without
    an offset; a string without one is read as UTC) as float seconds; ``None`` stays ``None``."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise TimestampError("must be a number of seconds or an ISO 8601 string, not a boolean")
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise TimestampError("must be finite")
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise TimestampError(f"{value!r} is not an ISO 8601 date-time") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.timestamp()
    raise TimestampError("must be a number of seconds or an ISO 8601 string")
