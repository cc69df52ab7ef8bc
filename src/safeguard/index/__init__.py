"""Matchers: exact PDQ radius search (``PdqIndex``) and exact-digest sets (``ExactIndex``),
each updated incrementally and persisted as a checksummed snapshot (``snapshot``).

The package depends on ``safeguard.signals`` only; the store feeds it entry ids and hashes.
"""

from safeguard.index.exact import ExactIndex
from safeguard.index.pdq_index import BatchMatches, Hit, PdqIndex
from safeguard.index.snapshot import SnapshotError

__all__ = ["BatchMatches", "ExactIndex", "Hit", "PdqIndex", "SnapshotError"]
