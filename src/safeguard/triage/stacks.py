"""Near-duplicate stacks: pictures within a PDQ radius of each other (and files with the
same MD5) share a stack, so one examiner decision covers a family (resized, recompressed,
cropped a little, copied).

Stacks are connected components: A near B and B near C puts A, B and C in one stack even
when A and C are further apart. The radius is tighter than the matching threshold by
default, so a chain does not wander far. Hashes of quality below 50 are left out
(near-featureless pictures all look alike to PDQ). A stack's number is its lowest item id;
items alone in their family have none.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from safeguard.index import PdqIndex
from safeguard.signals.pdq import MIN_QUALITY
from safeguard.store.models.triage import TriageCase, TriageItem

#: Bits within which two pictures are put in one stack.
STACK_RADIUS = 16
_QUERY_BATCH = 10_000
_WRITE_BATCH = 5_000


class _Families:
    """Union-find over item ids."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The lower id is the root, so a stack is numbered by its first item.
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            self.parent[hi] = lo
            self.parent.setdefault(lo, lo)


def _pictures(
    session: Session, case: TriageCase
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.uint8]]:
    """Ids and PDQ hashes (an (N, 32) array) of the case's stackable pictures, read a page at
    a time into arrays (40 bytes a picture, not a Python row each)."""
    condition = (
        TriageItem.case_id == case.id,
        TriageItem.pdq.is_not(None),
        TriageItem.pdq_quality >= MIN_QUALITY,
    )
    n = int(session.scalar(select(func.count(TriageItem.id)).where(*condition)) or 0)
    ids = np.zeros(n, dtype=np.int64)
    hashes = np.zeros((n, 32), dtype=np.uint8)
    filled = 0
    last = 0
    while filled < n:
        page = session.execute(
            select(TriageItem.id, TriageItem.pdq)
            .where(*condition, TriageItem.id > last)
            .order_by(TriageItem.id)
            .limit(_QUERY_BATCH)
        ).all()
        if not page:
            break
        for item_id, pdq in page[: n - filled]:
            ids[filled] = item_id
            hashes[filled] = np.frombuffer(bytes.fromhex(str(pdq)), dtype=np.uint8)
            filled += 1
        last = int(page[-1][0])
    return ids[:filled], hashes[:filled]


def build_stacks(session: Session, case: TriageCase, radius: int = STACK_RADIUS) -> int:
    """(Re)compute the case's stacks; returns how many there are."""
    families = _Families()
    ids, hashes = _pictures(session, case)
    if len(ids):
        index = PdqIndex.build(ids, hashes, background_merge=False)
        for start in range(0, len(ids), _QUERY_BATCH):
            found = index.search_many(hashes[start : start + _QUERY_BATCH], radius)
            for q, other in zip(found.query.tolist(), found.entry_id.tolist(), strict=True):
                me = int(ids[start + q])
                if other != me:
                    families.join(me, int(other))
        del index
    duplicated = (
        select(TriageItem.md5)
        .where(TriageItem.case_id == case.id, TriageItem.md5.is_not(None))
        .group_by(TriageItem.md5)
        .having(func.count(TriageItem.id) > 1)
    )
    previous: tuple[str, int] | None = None
    for md5, item_id in session.execute(
        select(TriageItem.md5, TriageItem.id)
        .where(TriageItem.case_id == case.id, TriageItem.md5.in_(duplicated))
        .order_by(TriageItem.md5, TriageItem.id)
    ):
        if previous is not None and previous[0] == md5:
            families.join(previous[1], int(item_id))
        previous = (str(md5), int(item_id))
    session.execute(update(TriageItem).where(TriageItem.case_id == case.id).values(stack=None))
    members = list(families.parent)
    roots = {m: families.find(m) for m in members}
    stmt = (
        update(TriageItem)
        .where(TriageItem.id == bindparam("item_id"))
        .values(stack=bindparam("stack_id"))
        .execution_options(synchronize_session=False)
    )
    batch: list[dict[str, int]] = []
    for member, root in roots.items():
        batch.append({"item_id": member, "stack_id": root})
        if len(batch) >= _WRITE_BATCH:
            session.connection().execute(stmt, batch)
            batch = []
    if batch:
        session.connection().execute(stmt, batch)
    return len(set(roots.values()))
