"""The writer's screening of a task's records against the indexes at once
(``runner._screen``) says what ``_has_candidates`` says record by record."""

from __future__ import annotations

import hashlib
from typing import Any

import numpy as np

from safeguard.banks import lists
from safeguard.banks.entries import NewEntry, add_entries
from safeguard.matching.matcher import Matcher
from safeguard.scan.runner import hashes_of
from safeguard.signals.errors import InvalidSignal
from safeguard.store.db import Database
from safeguard.triage.runner import _has_candidates, _screen


def _pdq(rng: np.random.Generator) -> str:
    return bytes(rng.integers(0, 256, 32, dtype=np.uint8)).hex()


def _near(hex_value: str, bits: int) -> str:
    value = bytearray(bytes.fromhex(hex_value))
    for b in range(bits):
        value[b] ^= 1
    return bytes(value).hex()


def test_screening_a_task_at_once_agrees_with_each_record_on_its_own(db: Database) -> None:
    rng = np.random.default_rng(5)
    known_pdq, frame_pdq = _pdq(rng), _pdq(rng)
    known_md5 = hashlib.md5(b"known").hexdigest()
    known_sha256 = hashlib.sha256(b"also known").hexdigest()
    with db.session() as s:
        lists.create_bank(s, lists.BankSpec("b", source="test"), "test")
        add_entries(
            s,
            "b",
            [
                NewEntry("md5", known_md5),
                NewEntry("sha256", known_sha256),
                NewEntry("pdq", known_pdq),
                NewEntry("pdq", frame_pdq),
            ],
            actor="test",
        )
    matcher = Matcher.open(db)

    def record(i: int, **fields: Any) -> dict[str, Any]:
        digest = hashlib.md5(str(i).encode())
        base = {"path": f"{i}.jpg", "kind": "image", "size": 10}
        base |= {"md5": digest.hexdigest(), "sha1": hashlib.sha1(digest.digest()).hexdigest()}
        return base | fields

    frame = {"frame": 0, "ts": 0.0, "pdq": frame_pdq, "quality": 90}
    other_frame = frame | {"pdq": _pdq(rng)}
    records = [
        record(0),
        record(1, md5=known_md5),
        record(2, sha256=known_sha256),
        record(3, pdq=_near(known_pdq, 3), pdq_quality=80),
        record(4, pdq=_near(known_pdq, 3), pdq_quality=0),  # quality 0: never matched
        record(5, pdq=_pdq(rng), pdq_quality=80),
        record(6, kind="video", vpdq=[other_frame, frame]),
        record(7, kind="video", vpdq=[other_frame]),
        {"path": "8.bin", "kind": "other", "size": 0, "md5": None, "error": "unreadable"},
        record(9, pdq="not hex", pdq_quality=80),
    ]

    def alone(r: dict[str, Any]) -> bool:
        if not any(r.get(k) for k in ("md5", "pdq", "vpdq")):
            return False
        try:
            return _has_candidates(matcher, hashes_of(r))
        except InvalidSignal:
            return True  # left to the writer's row, which reports it

    expected = [alone(r) for r in records]
    assert expected == [False, True, True, True, False, False, True, False, False, True]
    assert _screen(matcher, records) == expected
    # The bad PDQ does not hide the others of its kind.
    assert _screen(matcher, records[3:4] + records[9:]) == [True, True]
    assert _screen(None, records) == [False] * len(records)
