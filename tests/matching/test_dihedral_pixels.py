"""Rotated and mirrored copies of small, odd-sized pictures match a hash-only list: the
query's dihedral hashes are the turned pictures' own PDQs (``pdq_dihedral_of_pixels``),
not the DCT turned, which on such pictures lands 30+ bits away."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from safeguard import banks
from safeguard.banks.entries import NewEntry, add_entries
from safeguard.matching.matcher import Matcher
from safeguard.signals.media import HashOptions, hash_file
from safeguard.signals.pdq import pdq_from_pixels
from safeguard.store.db import Database
from tests.media_factory import picture

TURNS = {
    "rotate 90": lambda a: np.rot90(a),
    "mirror": lambda a: a[:, ::-1],
    "upside down": lambda a: a[::-1],
}


@pytest.mark.parametrize("turn", list(TURNS))
def test_a_turned_small_picture_matches_a_hash_only_list(
    db: Database, tmp_path: Path, turn: str
) -> None:
    original = np.asarray(picture(211, 137, "astronaut"))
    with db.session() as s:
        banks.create_bank(s, banks.BankSpec("shared"), "test")
        # Hash only, as a list shared by others: no regions, no features.
        value = pdq_from_pixels(original).hash.hex
        add_entries(s, "shared", [NewEntry("pdq", value, external_id="a")], actor="test")
    matcher = Matcher.open(db)
    path = tmp_path / "turned.png"
    Image.fromarray(np.ascontiguousarray(TURNS[turn](original))).save(path)
    record = hash_file(path, HashOptions(dihedral=True))
    assert (
        pdq_from_pixels(np.asarray(Image.open(path).convert("RGB"))).hash.distance(
            pdq_from_pixels(original).hash
        )
        > 31
    )
    [m] = [m for m in matcher.match_record(record, dihedral=True) if m.signal == "pdq"]
    assert m.external_id == "a" and m.distance == 0


def test_the_dct_turned_hashes_of_the_upside_down_copy_would_miss() -> None:
    """What the exact hashes fix: the reference's DCT-turned variants of this copy are all
    beyond the radius of the original's hash."""
    original = np.asarray(picture(211, 137, "astronaut"))
    copy = pdq_from_pixels(np.ascontiguousarray(TURNS["upside down"](original)))
    target = pdq_from_pixels(original).hash
    assert min(h.distance(target) for h in copy.dihedral().values()) > 31
