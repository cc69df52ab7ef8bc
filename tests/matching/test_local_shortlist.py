"""The local-feature shortlist: a copy whose PDQ is far from every stored hash (an
asymmetric crop) is found through the global descriptor of its ORB features and matches
once verified, as variant ``local`` with its inliers; only entries that kept features are
shortlisted, and a picture that is not in the bank is not found."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from bench.robust_transforms import crop_box, perspective
from PIL import Image

from safeguard import banks
from safeguard.banks.entries import put_local_features
from safeguard.matching.local_shortlist import (
    CODE_BYTES,
    MEMORY_BYTES,
    LocalShortlist,
    code_of,
)
from safeguard.matching.matcher import LOCAL_VARIANT, VERIFY_RADIUS, Matcher
from safeguard.signals.local import MIN_INLIERS, orb_features
from safeguard.signals.media import HashOptions, hash_file
from safeguard.store.db import Database
from tests.matching.known_bank import import_known
from tests.media_factory import picture

KNOWN = ("astronaut", "coffee", "chelsea", "rocket", "camera")


def _asymmetric(source: str) -> np.ndarray:
    """15 % off the left, 10 % off the bottom: far from every stored hash, regions too."""
    return crop_box(np.asarray(picture(640, 480, source)), 0.0, 0.10, 0.15, 0.0)


@pytest.fixture
def known(tmp_path: Path) -> Path:
    folder = tmp_path / "known"
    folder.mkdir()
    for name in KNOWN:
        picture(640, 480, name).save(folder / f"{name}.png")
    return folder


def _query(tmp_path: Path, pixels: np.ndarray, name: str = "query.png") -> Path:
    path = tmp_path / name
    Image.fromarray(np.ascontiguousarray(pixels)).save(path)
    return path


def _pdq_matches(matcher: Matcher, path: Path, **kw: bool) -> list:  # type: ignore[type-arg]
    record = hash_file(path, HashOptions(local_features=True, variants=True))
    return [m for m in matcher.match_record(record, variants=True, **kw) if m.signal == "pdq"]


def test_an_asymmetric_crop_is_found_through_local_features(
    db: Database, known: Path, tmp_path: Path
) -> None:
    import_known(db, known, local_features=True)
    matcher = Matcher.open(db)
    path = _query(tmp_path, _asymmetric("astronaut"))
    [m] = _pdq_matches(matcher, path, verify=True)
    assert (m.external_id, m.variant) == ("astronaut.png", LOCAL_VARIANT)
    # Beyond even the verification band: no hash search could have shortlisted it.
    assert m.distance > VERIFY_RADIUS
    assert m.inliers is not None and m.inliers >= MIN_INLIERS
    assert m.to_json()["variant"] == "local"


def test_the_shortlist_is_what_finds_it(db: Database, known: Path, tmp_path: Path) -> None:
    import_known(db, known, local_features=True)
    matcher = Matcher.open(db)
    path = _query(tmp_path, _asymmetric("astronaut"))
    assert _pdq_matches(matcher, path, verify=False) == []
    matcher.local_search = False
    assert _pdq_matches(matcher, path, verify=True) == []


def test_a_perspective_copy_is_found_too(db: Database, known: Path, tmp_path: Path) -> None:
    import_known(db, known, local_features=True)
    matcher = Matcher.open(db)
    path = _query(tmp_path, perspective(np.asarray(picture(640, 480, "coffee")), 0.06))
    found = _pdq_matches(matcher, path, verify=True)
    assert [m.external_id for m in found] == ["coffee.png"]


def test_a_picture_not_in_the_bank_is_not_found(db: Database, known: Path, tmp_path: Path) -> None:
    import_known(db, known, local_features=True)
    matcher = Matcher.open(db)
    for source in ("horse", "brick", "page"):
        path = _query(tmp_path, np.asarray(picture(640, 480, source)), f"{source}.png")
        assert _pdq_matches(matcher, path, verify=True) == []


def test_entries_without_kept_features_are_not_shortlisted(
    db: Database, known: Path, tmp_path: Path
) -> None:
    import_known(db, known, local_features=False)
    matcher = Matcher.open(db)
    assert len(matcher.local) == 0
    assert _pdq_matches(matcher, _query(tmp_path, _asymmetric("astronaut")), verify=True) == []


def test_a_running_matcher_shortlists_features_kept_after_it_started(
    db: Database, known: Path, tmp_path: Path
) -> None:
    with db.session() as s:
        banks.create_bank(s, banks.BankSpec("other"), "test")
    matcher = Matcher.open(db)
    assert len(matcher.local) == 0
    import_known(db, known, local_features=True)
    matcher.refresh()
    assert len(matcher.local) == len(KNOWN)
    [m] = _pdq_matches(matcher, _query(tmp_path, _asymmetric("chelsea")), verify=True)
    assert (m.external_id, m.variant) == ("chelsea.png", LOCAL_VARIANT)


def test_a_disabled_entry_is_not_found_locally(db: Database, known: Path, tmp_path: Path) -> None:
    import_known(db, known, local_features=True)
    matcher = Matcher.open(db)
    path = _query(tmp_path, _asymmetric("astronaut"))
    [m] = _pdq_matches(matcher, path, verify=True)
    with db.session() as s:
        assert banks.disable_entries_by_id(s, [m.entry]) == 1
    matcher.refresh()
    assert _pdq_matches(matcher, path, verify=True) == []


def test_codes_are_compact_and_rank_the_original_first() -> None:
    shortlist = LocalShortlist()
    codes = {n: code_of(orb_features(np.asarray(picture(640, 480, n)))) for n in KNOWN}
    assert all(len(c) == CODE_BYTES for c in codes.values())
    shortlist.add(list(range(len(KNOWN))), list(codes.values()))
    for i, name in enumerate(KNOWN):
        query = code_of(orb_features(_asymmetric(name)))
        assert shortlist.search(query, 1)[0][0] == i, name
    assert shortlist.nbytes() == len(KNOWN) * MEMORY_BYTES == len(KNOWN) * 1064


def test_a_featureless_picture_shortlists_nothing() -> None:
    shortlist = LocalShortlist()
    shortlist.add([1], [code_of(orb_features(np.asarray(picture(640, 480, "astronaut"))))])
    blank = np.full((300, 400, 3), 128, np.uint8)
    assert len(orb_features(blank)) == 0
    assert shortlist.search(code_of(orb_features(blank)), 5) == []


def test_a_snapshot_keeps_the_codes(db: Database, known: Path, tmp_path: Path) -> None:
    import_known(db, known, local_features=True)
    index_dir = tmp_path / "index"
    first = Matcher.open(db, index_dir)
    first.save_snapshot()
    second = Matcher.open(db, index_dir)
    assert np.array_equal(np.sort(second.local.ids), np.sort(first.local.ids))
    assert len(second.local) == len(KNOWN)  # loaded, not added twice
    [m] = _pdq_matches(second, _query(tmp_path, _asymmetric("rocket")), verify=True)
    assert (m.external_id, m.variant) == ("rocket.png", LOCAL_VARIANT)
    (index_dir / "current" / "local.npz").write_bytes(b"damaged")
    third = Matcher.open(db, index_dir)
    assert len(third.local) == len(KNOWN)  # rebuilt from the kept features


def test_a_running_matcher_renews_the_code_of_replaced_features(
    db: Database, known: Path, tmp_path: Path
) -> None:
    import_known(db, known, local_features=True)
    matcher = Matcher.open(db)
    [m] = _pdq_matches(matcher, _query(tmp_path, _asymmetric("astronaut")), verify=True)
    # The entry's kept features are replaced (here by another picture's, so the old and
    # new codes differ plainly).
    horse = orb_features(np.asarray(picture(640, 480, "horse")))
    with db.session() as s:
        assert put_local_features(s, "known", m.value, horse.to_bytes())
    assert matcher.local.search(code_of(horse), 1)[0][0] != m.entry  # not refreshed yet
    matcher.refresh()
    assert len(matcher.local) == len(KNOWN)
    [(entry, score)] = matcher.local.search(code_of(horse), 1)
    assert entry == m.entry and score == pytest.approx(1.0)


def test_putting_a_code_replaces_the_entry_s_old_one() -> None:
    shortlist = LocalShortlist()
    codes = {n: code_of(orb_features(np.asarray(picture(640, 480, n)))) for n in KNOWN[:3]}
    shortlist.put([1, 2], [codes["astronaut"], codes["coffee"]])
    shortlist.put([2, 3], [codes["chelsea"], codes["coffee"]])
    assert sorted(shortlist.ids.tolist()) == [1, 2, 3]
    assert shortlist.search(codes["chelsea"], 1)[0] == (2, pytest.approx(1.0))
    assert shortlist.search(codes["coffee"], 1)[0] == (3, pytest.approx(1.0))


def _random_codes(n: int, seed: int) -> list[bytes]:
    rng = np.random.default_rng(seed)
    return [rng.integers(0, 256, CODE_BYTES, dtype=np.uint8).tobytes() for _ in range(n)]


def test_inverted_lists_probing_every_list_equal_the_full_scan() -> None:
    codes = _random_codes(400, 1)
    full, listed = LocalShortlist(), LocalShortlist()
    full.add(list(range(400)), codes)
    listed.add(list(range(400)), codes)
    listed.build_lists(8)
    listed.probe = 8
    for query in _random_codes(20, 2) + codes[:5]:
        assert listed.search(query, 5) == full.search(query, 5)


def test_inverted_lists_scan_fewer_codes_and_still_find_an_exact_code() -> None:
    codes = _random_codes(400, 3)
    shortlist = LocalShortlist(probe=1)
    shortlist.add(list(range(400)), codes)
    shortlist.build_lists(16)
    assert shortlist.lists is not None
    used, signs = shortlist.used[7], shortlist.signs[7]
    assert len(shortlist.lists.rows_to_scan(used, signs, 1)) < 400
    # A code is in the list of its most similar centre, which is the list probed first.
    assert shortlist.search(codes[7], 1)[0] == (7, pytest.approx(1.0))


def test_codes_added_or_replaced_after_the_lists_were_built_are_found() -> None:
    codes = _random_codes(300, 4)
    shortlist = LocalShortlist(probe=1)
    shortlist.add(list(range(200)), codes[:200])
    shortlist.build_lists(8)
    shortlist.add(list(range(200, 300)), codes[200:])
    assert shortlist.search(codes[250], 1)[0] == (250, pytest.approx(1.0))
    new = _random_codes(1, 5)[0]
    shortlist.put([3], [new])
    assert shortlist.search(new, 1)[0] == (3, pytest.approx(1.0))


def test_a_snapshot_keeps_the_inverted_lists(tmp_path: Path) -> None:
    codes = _random_codes(120, 6)
    shortlist = LocalShortlist(probe=2)
    shortlist.add(list(range(120)), codes)
    shortlist.build_lists(6)
    shortlist.save(tmp_path / "local.npz")
    loaded = LocalShortlist.load(tmp_path / "local.npz")
    assert loaded.lists is not None and shortlist.lists is not None
    assert np.array_equal(loaded.lists.assigned, shortlist.lists.assigned)
    loaded.probe = 2
    assert loaded.search(codes[40], 3) == shortlist.search(codes[40], 3)


def test_a_matcher_groups_a_large_shortlist_into_lists(
    db: Database, known: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import safeguard.matching.local_shortlist as local_shortlist

    monkeypatch.setattr(local_shortlist, "LISTS_FROM", 3)
    import_known(db, known, local_features=True)
    matcher = Matcher.open(db)
    assert matcher.local.lists is not None
    assert len(matcher.local.lists.assigned) == len(KNOWN)


def test_lists_are_built_again_when_the_shortlist_outgrows_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import safeguard.matching.local_shortlist as local_shortlist

    monkeypatch.setattr(local_shortlist, "LISTS_FROM", 10)
    codes = _random_codes(1100, 7)
    shortlist = LocalShortlist(probe=2)
    shortlist.add(list(range(9)), codes[:9])
    assert not shortlist.lists_due()
    shortlist.add(list(range(9, 40)), codes[9:40])
    assert shortlist.lists_due()
    shortlist.build_default_lists()
    assert shortlist.lists is not None and len(shortlist.lists) == 16
    # Grown, but not yet to 4 x 16**2 codes: the lists take the new codes.
    shortlist.add(list(range(40, 1023)), codes[40:1023])
    assert not shortlist.lists_due()
    shortlist.add([1023], codes[1023:1024])
    assert shortlist.lists_due()
    shortlist.build_default_lists()
    assert len(shortlist.lists) == 32 and len(shortlist.lists.assigned) == 1024
    assert not shortlist.lists_due()
    assert shortlist.search(codes[700], 1)[0] == (700, pytest.approx(1.0))
