"""Matching with derived queries: each match names the query hash that found it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from bench.robust_transforms import caption, pad, rotate
from PIL import Image
from skimage import data

from safeguard.matching.matcher import Matcher
from safeguard.signals import variants
from safeguard.signals.media import HashOptions, hash_file
from safeguard.store.db import Database
from tests.matching.test_matching import add_list


def _save(folder: Path, name: str, pixels: np.ndarray) -> Path:
    path = folder / f"{name}.png"
    Image.fromarray(pixels).save(path)
    return path


@pytest.fixture
def known(db: Database, tmp_path: Path) -> tuple[Matcher, np.ndarray]:
    original = data.astronaut()
    record = hash_file(_save(tmp_path, "original", original))
    assert record.pdq
    add_list(db, "known", [record.pdq], "pdq")
    return Matcher.open(db), original


@pytest.mark.parametrize(
    ("name", "transform", "variant"),
    [
        ("padded", lambda a: pad(a, (0, 0, 0)), "trimmed"),
        ("captioned", caption, "trimmed"),
        ("turned", lambda a: rotate(a, 4.0), "deskewed"),
        ("mirrored", lambda a: np.ascontiguousarray(a[:, ::-1]), "dihedral:flipy"),
    ],
)
def test_a_transformed_copy_matches_through_its_variant_and_only_with_variants_on(
    known: tuple[Matcher, np.ndarray], tmp_path: Path, name: str, transform: object, variant: str
) -> None:
    matcher, original = known
    path = _save(tmp_path, name, transform(original))  # type: ignore[operator]
    plain = hash_file(path, HashOptions(dihedral=True))
    assert plain.pdq_variants is None
    assert matcher.match_record(plain) == []  # the default is unchanged: no match
    record = hash_file(path, HashOptions(dihedral=True, variants=True))
    [m] = matcher.match_record(record, dihedral=True, variants=True)
    assert (m.bank, m.variant) == ("known", variant)
    assert m.to_json()["variant"] == variant
    assert m.distance <= 31


@pytest.mark.parametrize(("sample", "degrees"), [("rocket", 6.0), ("brick", 4.0)])
def test_a_turned_sample_matches_only_through_the_corners_filled_from_its_edges(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample: str, degrees: float
) -> None:
    """Turned with its frame kept, the sample lost its corners: filled by a blur of the
    picture around them (the one fill of issue 13's earlier rounds) its straightened hash
    stays beyond the radius; the edges continued outward (``replicate``, ``reflect``) bring
    it within, against a list holding only the original's whole-picture hash."""
    original = np.ascontiguousarray(getattr(data, sample)())
    if original.ndim == 2:
        original = np.ascontiguousarray(np.stack([original] * 3, -1))
    stored = hash_file(_save(tmp_path, "original", original))
    assert stored.pdq
    add_list(db, "known", [stored.pdq], "pdq")
    matcher = Matcher.open(db)
    path = _save(tmp_path, "turned", rotate(original, degrees))
    options = HashOptions(dihedral=True, variants=True)
    monkeypatch.setattr(variants, "DESKEW_QUERY_FILLS", ("surroundings",))
    blurred = hash_file(path, options)
    assert [v["variant"] for v in blurred.pdq_variants or ()] == ["deskewed"]
    assert matcher.match_record(blurred, dihedral=True, variants=True) == []
    monkeypatch.undo()
    record = hash_file(path, options)
    assert 2 <= [v["variant"] for v in record.pdq_variants or ()].count("deskewed") <= 3
    [m] = matcher.match_record(record, dihedral=True, variants=True)
    assert m.variant == "deskewed"
    assert m.distance <= 31


def test_the_original_matches_as_exact(known: tuple[Matcher, np.ndarray], tmp_path: Path) -> None:
    matcher, original = known
    record = hash_file(_save(tmp_path, "same", original), HashOptions(variants=True))
    assert record.pdq_variants == []
    [m] = matcher.match_record(record, variants=True)
    assert (m.variant, m.distance) == ("exact", 0)
    [plain] = matcher.match_record(record)
    assert plain.variant == "exact"


def test_an_unrelated_picture_matches_no_variant(
    known: tuple[Matcher, np.ndarray], tmp_path: Path
) -> None:
    matcher, _ = known
    other = data.coffee()
    for name, pixels in [("pad", pad(other, (0, 0, 0))), ("cap", caption(other))]:
        record = hash_file(_save(tmp_path, name, pixels), HashOptions(dihedral=True, variants=True))
        assert record.pdq_variants
        assert matcher.match_record(record, dihedral=True, variants=True) == []


def test_a_uniform_picture_hashes_and_matches_nothing(
    known: tuple[Matcher, np.ndarray], tmp_path: Path
) -> None:
    matcher, _ = known
    flat = np.full((200, 300, 3), 255, dtype=np.uint8)
    record = hash_file(_save(tmp_path, "flat", flat), HashOptions(variants=True))
    assert record.error is None and record.pdq_variants == []
    assert matcher.match_record(record, variants=True) == []
