"""Converting the exchanges' signal names and values into Safeguard's.

Each exchange names its fingerprints its own way (``video_md5`` in python-threatexchange,
``md5``/``pdna`` in NCMEC's XML, ``ImagePDQ`` in StopNCII). A name maps to a Safeguard
signal type, and a raw URL is hashed to the ``url`` signal from its canonical form; a
name with no Safeguard counterpart (PhotoDNA, TMK, raw text) is skipped and counted.
"""

from __future__ import annotations

from safeguard.banks.formats.values import parse_value
from safeguard.exchange.adapters.base import ExternalSignal
from safeguard.signals.errors import InvalidSignal
from safeguard.signals.types import SIGNAL_TYPES
from safeguard.signals.urls import url_sha256

#: python-threatexchange ``SignalType.get_name()`` values (file and CSV formats).
TX_NAMES: dict[str, str] = {
    "pdq": "pdq",
    "video_md5": "md5",
    "video_sha256": "sha256",
    "url_md5": "url_md5",
    **{name: name for name in SIGNAL_TYPES},
}
#: Names whose values are raw URLs, hashed here to the ``url`` signal.
RAW_URL_NAMES = frozenset({"url", "URL"})


def convert(name: str, raw: str, names: dict[str, str]) -> ExternalSignal | str:
    """The Safeguard signal for an exchange's (name, value), or the reason it is skipped
    (a short phrase used as a count key)."""
    if name in RAW_URL_NAMES:
        text = raw.strip()
        if not text:
            return "empty url"
        if len(text) == 64 and not text.lower().strip("0123456789abcdef"):
            return ExternalSignal("url", text.lower())  # already the hashed form
        try:
            return ExternalSignal("url", url_sha256(text))
        except InvalidSignal:
            return "invalid url"
    kind = names.get(name)
    if kind is None:
        return f"unsupported {name}"
    try:
        signal_type, value = parse_value(raw, kind)
    except InvalidSignal:
        return f"invalid {kind}"
    return ExternalSignal(signal_type, value)
