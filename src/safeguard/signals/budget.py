"""How much memory image decoding may take, per image and in total.

The pixel cap stops decompression bombs, but an image well under it still decodes to
hundreds of megabytes (an 11000x11000 PNG of 345 KB is ~850 MB of pixels), and a service
that decodes many at once runs out of memory. So every decode first *estimates* what it
will hold (width x height x bytes a pixel, from the header alone, for the decoder's storage
and Safeguard's own array) and then:

- refuses an image whose estimate is over ``per_image`` (``DecodeTooLarge``, an
  ``ImageTooLarge``: the request is bad, not the moment);
- reserves the estimate from a ``DecodeBudget`` (a semaphore counted in bytes) shared by
  every decode of the process, waits up to ``wait`` seconds for room, and gives up with
  ``DecodeBusy`` (a ``Busy``: retry later; the service answers 503 with ``Retry-After``).

Formats that can decode at a reduced size (JPEG, in the DCT domain) are asked to when the
full size would be over the per-image limit, never below 512 px on the short side (the
PDQ notes in docs/signals.md).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from safeguard.errors import Busy
from safeguard.signals.errors import ImageTooLarge

MiB = 1024 * 1024

#: Bytes a pixel takes in Pillow's storage, by mode (everything else is 4: RGB is stored
#: as RGBX).
_STORAGE_BYTES = {"1": 1, "L": 1, "P": 1, "I;16": 2, "I;16B": 2, "I;16L": 2, "I;16N": 2}


class DecodeTooLarge(ImageTooLarge):
    """Decoding this one image would take more memory than any single decode may."""

    code = "image_too_large"


class DecodeBusy(Busy):
    """The process's decode budget is spent by other decodes; retry shortly."""

    code = "decode_busy"


def pillow_estimate(width: int, height: int, mode: str) -> int:
    """Peak bytes of a Pillow decode to an RGB array: the decoder's storage, the RGB copy
    when the mode is not RGB already, and the HxWx3 array handed to PDQ."""
    pixels = width * height
    storage = _STORAGE_BYTES.get(mode, 4) * pixels
    converted = 0 if mode == "RGB" else 4 * pixels
    return storage + converted + 3 * pixels


def jpeg_estimate(width: int, height: int, channels: int, scale: int = 1) -> int:
    """Peak bytes of a libjpeg-turbo decode at 1/``scale`` (the output array only)."""
    return -(-width // scale) * -(-height // scale) * channels


class DecodeBudget:
    """A byte-counting semaphore: at most ``total`` estimated bytes decoding at once."""

    def __init__(self, total: int, *, per_image: int | None = None, wait: float = 2.0) -> None:
        if total <= 0:
            raise ValueError("a decode budget must be positive")
        self.total = total
        self.per_image = min(per_image or total, total)
        self.wait = wait
        self._in_use = 0
        self._peak = 0
        self._cond = threading.Condition()

    @property
    def in_use(self) -> int:
        with self._cond:
            return self._in_use

    @property
    def peak(self) -> int:
        """The most bytes ever reserved at once (for tests and metrics)."""
        with self._cond:
            return self._peak

    def check_fits(self, estimate: int, what: str) -> None:
        if estimate > self.per_image:
            raise DecodeTooLarge(
                f"{what} needs ~{estimate / MiB:,.0f} MiB to decode, over the per-image "
                f"decode limit of {self.per_image / MiB:,.0f} MiB"
            )

    @contextmanager
    def reserve(self, estimate: int, what: str = "the image") -> Iterator[None]:
        """Hold ``estimate`` bytes of the budget for the duration of the block."""
        self.check_fits(estimate, what)
        deadline = time.monotonic() + self.wait
        with self._cond:
            while self._in_use + estimate > self.total:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise DecodeBusy(
                        f"the decode budget ({self.total / MiB:,.0f} MiB) is in use by other "
                        "uploads; retry shortly",
                        retry_after=max(1.0, self.wait),
                    )
                self._cond.wait(left)
            self._in_use += estimate
            self._peak = max(self._peak, self._in_use)
        try:
            yield
        finally:
            with self._cond:
                self._in_use -= estimate
                self._cond.notify_all()
