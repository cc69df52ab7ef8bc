"""Verification with local features: a near miss (beyond the radius, within
``VERIFY_RADIUS``) matches only when the entry kept its ORB features and they agree with
the query's under a homography; the match carries its inlier count."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from bench.robust_transforms import crop
from PIL import Image

from safeguard.matching.matcher import NEAR_VARIANT, VERIFY_RADIUS, Matcher
from safeguard.signals.local import (
    MIN_INLIERS,
    OrbFeatures,
    orb_features,
    verify_same_picture,
)
from safeguard.signals.media import HashOptions, hash_file
from safeguard.store.db import Database
from tests.matching.known_bank import import_known
from tests.media_factory import picture


def _bank(db: Database, folder: Path, *, local_features: bool) -> Matcher:
    import_known(db, folder, local_features=local_features)
    return Matcher.open(db)


@pytest.fixture
def originals(tmp_path: Path) -> Path:
    folder = tmp_path / "known"
    folder.mkdir()
    picture(640, 480, "astronaut").save(folder / "astronaut.png")
    picture(640, 480, "coffee").save(folder / "coffee.png")
    return folder


def _near_miss(tmp_path: Path) -> Path:
    """Astronaut cropped by 8 % on every side: 46 bits from its nearest stored hash."""
    path = tmp_path / "crop8.png"
    Image.fromarray(crop(np.asarray(picture(640, 480, "astronaut")), 0.08)).save(path)
    return path


def test_a_near_miss_matches_once_verified_with_its_inliers(
    db: Database, originals: Path, tmp_path: Path
) -> None:
    matcher = _bank(db, originals, local_features=True)
    assert matcher.has_local_features()
    record = hash_file(_near_miss(tmp_path), HashOptions(local_features=True))
    assert record.local_features and "local_features" not in record.to_json()
    assert [m for m in matcher.match_record(record) if m.signal == "pdq"] == []  # no verify
    [m] = [m for m in matcher.match_record(record, verify=True) if m.signal == "pdq"]
    assert m.external_id == "astronaut.png"
    assert 31 < m.distance <= VERIFY_RADIUS
    assert m.inliers is not None and m.inliers >= MIN_INLIERS
    assert m.to_json()["inliers"] == m.inliers
    # Named for what accepted it (here through a stored region: ``region:c80+near``), so a
    # rule can tell it from a hash match.
    assert m.variant.split("+")[-1] == NEAR_VARIANT == "near"


def test_without_kept_features_a_near_miss_stays_a_miss(
    db: Database, originals: Path, tmp_path: Path
) -> None:
    matcher = _bank(db, originals, local_features=False)
    assert not matcher.has_local_features()
    record = hash_file(_near_miss(tmp_path), HashOptions(local_features=True))
    assert [m for m in matcher.match_record(record, verify=True) if m.signal == "pdq"] == []


def test_an_exact_match_is_unchanged_by_verification(
    db: Database, originals: Path, tmp_path: Path
) -> None:
    matcher = _bank(db, originals, local_features=True)
    record = hash_file(originals / "coffee.png", HashOptions(local_features=True))
    pdq = [m for m in matcher.match_record(record, verify=True) if m.signal == "pdq"]
    assert [(m.external_id, m.distance, m.variant, m.inliers) for m in pdq] == [
        ("coffee.png", 0, "exact", None)
    ]


def test_unrelated_pictures_do_not_verify() -> None:
    known = orb_features(np.asarray(picture(640, 480, "astronaut")))
    for source in ("rocket", "chelsea", "camera", "coffee"):
        other = orb_features(np.asarray(picture(640, 480, source)))
        assert not verify_same_picture(other, known).verified


def test_orb_features_round_trip_and_are_compact() -> None:
    f = orb_features(np.asarray(picture(800, 600, "chelsea")))
    assert 0 < len(f) <= 500
    data = f.to_bytes()
    assert len(data) <= 4 + 500 * 40
    back = OrbFeatures.from_bytes(data)
    assert np.array_equal(back.points, f.points)
    assert np.array_equal(back.descriptors, f.descriptors)
    with pytest.raises(ValueError):
        OrbFeatures.from_bytes(data[:-1])


def test_a_mirrored_near_miss_verifies_through_the_query_mirror_image(
    db: Database, originals: Path, tmp_path: Path
) -> None:
    matcher = _bank(db, originals, local_features=True)
    path = tmp_path / "mirrored.png"
    mirrored = crop(np.asarray(picture(640, 480, "astronaut")), 0.08)[:, ::-1]
    Image.fromarray(np.ascontiguousarray(mirrored)).save(path)
    plain = hash_file(path, HashOptions(local_features=True, dihedral=False))
    assert plain.local_features_mirror is None
    record = hash_file(path, HashOptions(local_features=True, dihedral=True))
    assert record.local_features_mirror
    [m] = [m for m in matcher.match_record(record, dihedral=True, verify=True) if m.signal == "pdq"]
    assert m.external_id == "astronaut.png" and m.variant.startswith("dihedral:")
    assert m.variant.endswith("+near") or m.distance <= 31
    assert m.inliers is not None and m.inliers >= MIN_INLIERS


def test_verification_survives_a_snapshot_and_follows_features_kept_later(
    db: Database, originals: Path, tmp_path: Path
) -> None:
    index_dir = tmp_path / "index"
    without = _bank(db, originals, local_features=False)
    without.save_snapshot(index_dir)
    running = Matcher.open(db, index_dir)
    assert len(running.verifiable) == 0
    # The same pictures again, now keeping their features: a running matcher follows.
    import_known(db, originals, local_features=True, create=False)
    running.refresh()
    record = hash_file(_near_miss(tmp_path), HashOptions(local_features=True))
    [m] = [m for m in running.match_record(record, verify=True) if m.signal == "pdq"]
    assert m.external_id == "astronaut.png" and m.inliers
    # A matcher started from a snapshot taken after that knows them without re-reading.
    running.save_snapshot(index_dir)
    reopened = Matcher.open(db, index_dir)
    assert len(reopened.verifiable) == len(running.verifiable) > 0
    [again] = [m for m in reopened.match_record(record, verify=True) if m.signal == "pdq"]
    assert again.entry == m.entry
