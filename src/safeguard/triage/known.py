"""What a worker needs to tell, from a file's digests alone, that it is already known.

A picture whose MD5 or SHA-1 is an entry of an enabled blocking bank is known material
whatever its PDQ: decoding it for PDQ would only cost time. The run builds one
``KnownDigests`` from the store before hashing starts and sends it once to every worker;
the worker then hashes such a picture's digests only. The run's own matching still decides
what is known (and its category), from the same entries, so a file skipped here is always
marked known.

Digests are kept as sorted fixed-width byte arrays (16 and 20 bytes an entry), looked up by
binary search: 10^7 MD5s take 160 MB, not the ~1 GB a Python set of them would.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from safeguard.signals.crypto import CryptoDigests

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_WIDTHS = {"md5": 16, "sha1": 20}
_FETCH = 50_000


def _empty(width: int) -> npt.NDArray[np.bytes_]:
    return np.array([], dtype=f"S{width}")


@dataclass(frozen=True, slots=True)
class KnownDigests:
    """Sorted digests of the entries that make a file known (blocking banks, enabled)."""

    md5: npt.NDArray[np.bytes_] = field(default_factory=lambda: _empty(16))
    sha1: npt.NDArray[np.bytes_] = field(default_factory=lambda: _empty(20))

    def __len__(self) -> int:
        return int(self.md5.size + self.sha1.size)

    @staticmethod
    def _has(keys: npt.NDArray[np.bytes_], hex_digest: str) -> bool:
        if keys.size == 0:
            return False
        key = np.array([bytes.fromhex(hex_digest)], dtype=keys.dtype)
        at = int(np.searchsorted(keys, key)[0])
        return at < keys.size and keys[at] == key[0]

    def knows(self, digests: CryptoDigests) -> bool:
        """Whether content with these digests matches an entry by MD5 or SHA-1."""
        return self._has(self.md5, digests.md5) or self._has(self.sha1, digests.sha1)


def load_known(session: Session) -> KnownDigests:
    """The MD5 and SHA-1 entries of every enabled blocking bank, not disabled."""
    # Imported here, not at the top: workers unpickle ``KnownDigests`` and must not pay for
    # SQLAlchemy and the models (about 0.4 s a process) to use it.
    from sqlalchemy import select

    from safeguard.store.models.banks import Bank, Entry

    arrays: dict[str, npt.NDArray[np.bytes_]] = {}
    for signal, width in _WIDTHS.items():
        parts: list[npt.NDArray[np.bytes_]] = []
        rows = session.execute(
            select(Entry.value)
            .join(Bank, Bank.id == Entry.bank_id)
            .where(
                Entry.signal_type == signal,
                Entry.disabled.is_(False),
                Bank.enabled.is_(True),
                Bank.kind == "block",
            )
            .execution_options(yield_per=_FETCH)
        ).scalars()
        chunk: list[bytes] = []
        for value in rows:
            try:
                raw = bytes.fromhex(value.strip())
            except ValueError:
                continue
            if len(raw) == width:
                chunk.append(raw)
            if len(chunk) >= _FETCH:
                parts.append(np.array(chunk, dtype=f"S{width}"))
                chunk = []
        if chunk:
            parts.append(np.array(chunk, dtype=f"S{width}"))
        keys = np.concatenate(parts) if parts else _empty(width)
        arrays[signal] = np.unique(keys)
    return KnownDigests(md5=arrays["md5"], sha1=arrays["sha1"])
