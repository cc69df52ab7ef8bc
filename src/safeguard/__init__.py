"""Safeguard: find and stop online child sexual exploitation and abuse.

The library API (see docs/library.md)::

    from safeguard import hash_file, pdq_from_image, PdqHash

Names are imported on first use, so ``import safeguard`` stays cheap and the CLI can set
process-wide options (thread counts) before numpy loads.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "hash_file": "safeguard.signals.media",
    "pdq_from_image": "safeguard.signals.media",
    "HashOptions": "safeguard.signals.media",
    "FileHashes": "safeguard.signals.media",
    "hash_paths": "safeguard.signals.hashing",
    "PdqHash": "safeguard.signals.pdq",
    "PdqResult": "safeguard.signals.pdq",
    "Dihedral": "safeguard.signals.pdq",
    "pdq_from_pixels": "safeguard.signals.pdq",
    "decode_image": "safeguard.signals.decode",
    "ImageLimits": "safeguard.signals.decode",
    "hash_video": "safeguard.signals.video",
    "vpdq_match": "safeguard.signals.video",
    "VideoSampling": "safeguard.signals.video",
    "VideoLimits": "safeguard.signals.video",
    "SIGNAL_TYPES": "safeguard.signals.types",
    "SignalType": "safeguard.signals.types",
    "SignalError": "safeguard.signals.errors",
}

__all__ = [
    "SIGNAL_TYPES",
    "Dihedral",
    "FileHashes",
    "HashOptions",
    "ImageLimits",
    "PdqHash",
    "PdqResult",
    "SignalError",
    "SignalType",
    "VideoLimits",
    "VideoSampling",
    "__version__",
    "decode_image",
    "hash_file",
    "hash_paths",
    "hash_video",
    "pdq_from_image",
    "pdq_from_pixels",
    "vpdq_match",
]

if TYPE_CHECKING:
    from safeguard.signals.decode import ImageLimits, decode_image
    from safeguard.signals.errors import SignalError
    from safeguard.signals.hashing import hash_paths
    from safeguard.signals.media import FileHashes, HashOptions, hash_file, pdq_from_image
    from safeguard.signals.pdq import Dihedral, PdqHash, PdqResult, pdq_from_pixels
    from safeguard.signals.types import SIGNAL_TYPES, SignalType
    from safeguard.signals.video import VideoLimits, VideoSampling, hash_video, vpdq_match


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'safeguard' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
