"""Indexes: PDQ radius search is exactly brute force (tables and scan, through updates and
merges, under concurrent readers); snapshots round-trip and refuse damaged files; exact
digest sets."""

from __future__ import annotations

import hashlib
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safeguard.index import ExactIndex, PdqIndex, SnapshotError, mih, mih_kernel
from safeguard.index.hamming import to_bytes, to_words
from safeguard.index.mih import (
    SUBSTRING_BITS,
    SUBSTRING_STARTS,
    MihSegment,
    row_bits,
    substring_keys,
)
from safeguard.index.mih import TABLES as TABLE_COUNT
from safeguard.index.snapshot import FORMAT_VERSION, read_snapshot, write_snapshot
from safeguard.signals.errors import InvalidSignal
from safeguard.signals.pdq import Dihedral, PdqHash, pdq_from_pixels
from tests.media_factory import picture

#: Options that force the multi-index tables even for a few hundred hashes.
TABLES = {"flat_below": 0, "key_bits": 8}
SCAN = {"flat_below": 10**9}
#: The tables with the compiled kernel (when numba is installed), with the compiled sorted
#: batch path for every batch size, with the numpy code, and the brute-force scan.
PATHS = {"tables": TABLES, "tables_sorted": TABLES, "tables_numpy": TABLES, "scan": SCAN}
HAS_KERNEL = mih_kernel.compiled_kernel() is not None


@pytest.fixture
def path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The search path named by the test's parameter; forces numpy for "tables_numpy"."""
    name: str = request.param
    if name == "tables_numpy":
        monkeypatch.setattr(mih_kernel, "compiled_kernel", lambda: None)
    if name == "tables_sorted":
        if not HAS_KERNEL:
            pytest.skip("no compiled kernel (numba missing, or SAFEGUARD_INDEX_KERNEL=numpy)")
        monkeypatch.setattr(mih, "SORTED_BATCH_FROM", 1)
    return name


# --- benign synthetic hashes and the brute-force reference ------------------------------


def random_hashes(rng: np.random.Generator, n: int) -> np.ndarray:
    return rng.integers(0, 256, size=(n, 32), dtype=np.uint8)


def flipped(h: np.ndarray, bits: int, rng: np.random.Generator) -> np.ndarray:
    """``h`` with exactly ``bits`` distinct bits inverted."""
    out = np.unpackbits(h.copy())
    out[rng.choice(256, size=bits, replace=False)] ^= 1
    return np.packbits(out)


def distance(a: np.ndarray, b: np.ndarray) -> int:
    return int(np.unpackbits(a ^ b).sum())


class Model:
    """What an index should answer: every (id, hash) ever added, minus disabled ids."""

    def __init__(self) -> None:
        self.ids: list[int] = []
        self.hashes: list[np.ndarray] = []
        self.disabled: set[int] = set()

    def add(self, ids: list[int], hashes: np.ndarray) -> None:
        self.ids.extend(ids)
        self.hashes.extend(hashes)

    def search(self, query: np.ndarray, radius: int) -> list[tuple[int, int]]:
        best: dict[int, int] = {}
        for i, h in zip(self.ids, self.hashes, strict=True):
            d = distance(query, h)
            if d <= radius and i not in self.disabled and d < best.get(i, 257):
                best[i] = d
        return sorted(best.items(), key=lambda item: (item[1], item[0]))


def clustered_dataset(
    rng: np.random.Generator, n_random: int, family: int
) -> tuple[np.ndarray, np.ndarray]:
    """Random hashes, a family of near-duplicates of one centre (which share substrings and
    so fill buckets past the 4-bit counts), and exact copies."""
    centre = random_hashes(rng, 1)[0]
    members = [flipped(centre, int(rng.integers(0, 12)), rng) for _ in range(family)]
    parts = [random_hashes(rng, n_random), np.array(members, dtype=np.uint8).reshape(-1, 32)]
    parts.append(np.repeat(centre[None, :], family // 2, axis=0))
    return np.concatenate(parts), centre


def queries_for(rng: np.random.Generator, stored: np.ndarray, centre: np.ndarray) -> np.ndarray:
    """Near-duplicates of stored hashes at 0..33 bits (so also just outside 31), random
    hashes, and the family centre."""
    near = [
        flipped(stored[int(rng.integers(0, len(stored)))], int(rng.integers(0, 34)), rng)
        for _ in range(6)
    ]
    return np.concatenate([np.array(near), random_hashes(rng, 2), centre[None, :]])


def results(index: PdqIndex, queries: np.ndarray, radius: int) -> list[list[tuple[int, int]]]:
    return [index.search(q.tobytes(), radius) for q in queries]


dataset = st.fixed_dictionaries(
    {
        "seed": st.integers(0, 2**32 - 1),
        "n_random": st.integers(1, 300),
        "family": st.integers(0, 60),
        "radius": st.integers(0, 31),
    }
)


# --- exactness ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", PATHS, indirect=True)
@given(case=dataset)
@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_search_returns_exactly_the_brute_force_matches(path: str, case: dict[str, int]) -> None:
    rng = np.random.default_rng(case["seed"])
    stored, centre = clustered_dataset(rng, case["n_random"], case["family"])
    ids = rng.permutation(10 * len(stored))[: len(stored)].tolist()
    model = Model()
    model.add(ids, stored)
    index = PdqIndex.build(ids, stored, **PATHS[path])
    assert index.uses_tables == (path != "scan")
    queries = queries_for(rng, stored, centre)
    assert results(index, queries, case["radius"]) == [
        model.search(q, case["radius"]) for q in queries
    ]


@pytest.mark.parametrize("path", PATHS, indirect=True)
@given(case=dataset)
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_search_many_equals_one_search_per_query(path: str, case: dict[str, int]) -> None:
    rng = np.random.default_rng(case["seed"])
    stored, centre = clustered_dataset(rng, case["n_random"], case["family"])
    index = PdqIndex.build(range(len(stored)), stored, **PATHS[path])
    queries = queries_for(rng, stored, centre)
    batch = index.search_many(queries, case["radius"])
    assert batch.per_query() == results(index, queries, case["radius"])


@pytest.mark.parametrize("path", PATHS, indirect=True)
@given(case=dataset, steps=st.lists(st.sampled_from(["add", "disable", "enable"]), max_size=6))
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_search_stays_exact_through_adds_disables_and_a_merge(
    path: str, case: dict[str, int], steps: list[str]
) -> None:
    rng = np.random.default_rng(case["seed"])
    stored, centre = clustered_dataset(rng, case["n_random"], case["family"])
    model = Model()
    model.add(list(range(len(stored))), stored)
    index = PdqIndex.build(
        range(len(stored)), stored, merge_threshold=10**9, background_merge=False, **PATHS[path]
    )
    next_id = len(stored)
    for step in steps:
        if step == "add":
            # Near-duplicates of stored hashes, some under ids already present.
            count = int(rng.integers(1, 30))
            new = np.array([flipped(stored[int(rng.integers(len(stored)))], 5, rng)] * count)
            new_ids = [next_id + i if i % 3 else int(rng.integers(next_id)) for i in range(count)]
            next_id += count
            index.add(new_ids, new)
            model.add(new_ids, new)
        else:
            chosen = rng.choice(next_id, size=min(next_id, 20), replace=False).tolist()
            if step == "disable":
                index.disable(chosen)
                model.disabled |= set(chosen)
            else:
                index.enable(chosen)
                model.disabled -= set(chosen)
    queries = queries_for(rng, np.array(model.hashes), centre)
    expected = [model.search(q, case["radius"]) for q in queries]
    assert results(index, queries, case["radius"]) == expected
    index.merge()
    assert index.pending == 0
    assert results(index, queries, case["radius"]) == expected


@pytest.mark.skipif(
    not HAS_KERNEL, reason="no compiled kernel (numba missing, or SAFEGUARD_INDEX_KERNEL=numpy)"
)
def test_the_compiled_kernel_and_the_numpy_code_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(15)
    stored, centre = clustered_dataset(rng, 2000, 200)
    index = PdqIndex.build(range(len(stored)), stored, flat_below=0, key_bits=10)
    queries = np.concatenate([queries_for(rng, stored, centre) for _ in range(20)])
    compiled = index.search_many(queries, 31).per_query()
    monkeypatch.setattr(mih_kernel, "compiled_kernel", lambda: None)
    assert index.search_many(queries, 31).per_query() == compiled


@pytest.mark.parametrize("path", ["tables", "tables_sorted", "tables_numpy"], indirect=True)
@given(case=dataset, key_bits=st.integers(8, 16), n_random=st.integers(200, 3000))
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_every_key_width_and_suffix_split_is_exact(
    path: str, case: dict[str, int], key_bits: int, n_random: int
) -> None:
    """Key widths from 8 to 16 bits leave 7 to 16 substring bits after the key, of which as
    many as fit beside the row numbers feed the suffix filter: every split stays exact."""
    rng = np.random.default_rng(case["seed"])
    stored, centre = clustered_dataset(rng, n_random, case["family"])
    model = Model()
    model.add(list(range(len(stored))), stored)
    index = PdqIndex.build(range(len(stored)), stored, flat_below=0, key_bits=key_bits)
    assert any(index._state.main.suffix_bits)  # type: ignore[union-attr]
    queries = queries_for(rng, stored, centre)
    assert index.search_many(queries, case["radius"]).per_query() == [
        model.search(q, case["radius"]) for q in queries
    ]


def test_rows_hold_the_substring_bits_after_the_key_above_the_row_number() -> None:
    rng = np.random.default_rng(21)
    stored = random_hashes(rng, 5000)
    segment = MihSegment.build(to_words(stored), np.arange(5000), key_bits=9)
    n, low = 5000, row_bits(5000)
    assert low == 13 and segment.suffix_bits == (0,) + (11,) * 10
    entries = segment.rows[:-1].reshape(TABLE_COUNT - 1, n, 3).astype(np.int64)
    entries = entries[..., 0] | (entries[..., 1] << 8) | (entries[..., 2] << 16)
    for t in range(1, TABLE_COUNT):
        bits, sb = SUBSTRING_BITS[t], segment.suffix_bits[t]
        full = substring_keys(segment.words, SUBSTRING_STARTS[t], bits).astype(np.int64)
        row = entries[t - 1] & ((1 << low) - 1)
        assert sorted(row.tolist()) == list(range(n))
        keys = full[row] >> (bits - 9)
        assert np.all(np.diff(keys) >= 0)
        assert np.array_equal(entries[t - 1] >> low, (full[row] >> (bits - 9 - sb)) % (1 << sb))


def test_a_snapshot_from_before_the_suffix_filter_still_loads_and_answers(
    tmp_path: Path,
) -> None:
    index = populated_index()
    index.save(tmp_path / "new.idx")
    kind, meta, arrays = read_snapshot(tmp_path / "new.idx", ("pdq",))
    assert any(meta["row_suffix_bits"])
    # What the earlier build wrote: bare row numbers and no row_suffix_bits parameter.
    n = len(arrays["words"])
    cells = arrays["rows"][:-1].reshape(-1, 3).astype(np.int64)
    bare = (cells[:, 0] | (cells[:, 1] << 8) | (cells[:, 2] << 16)) & ((1 << row_bits(n)) - 1)
    old_rows = arrays["rows"].copy()
    old_rows[:-1] = bare.astype("<u4").view(np.uint8).reshape(-1, 4)[:, :3].ravel()
    del meta["row_suffix_bits"]
    write_snapshot(tmp_path / "old.idx", kind, meta, {**arrays, "rows": old_rows})
    loaded = PdqIndex.load(tmp_path / "old.idx")
    assert loaded._state.main.suffix_bits == (0,) * TABLE_COUNT  # type: ignore[union-attr]
    queries = to_bytes(index._state.main.words[:40])
    expected = index.search_many(queries, 31).per_query()
    assert any(expected)
    assert loaded.search_many(queries, 31).per_query() == expected


@pytest.mark.skipif(
    not HAS_KERNEL, reason="no compiled kernel (numba missing, or SAFEGUARD_INDEX_KERNEL=numpy)"
)
def test_a_large_batch_takes_the_sorted_path_with_the_same_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = np.random.default_rng(22)
    stored, centre = clustered_dataset(rng, 20_000, 300)
    index = PdqIndex.build(range(len(stored)), stored, flat_below=0)
    queries = np.concatenate([queries_for(rng, stored, centre) for _ in range(40)])
    assert len(queries) >= mih.SORTED_BATCH_FROM
    taken: list[int] = []
    sorted_path = mih.MihSegment._search_sorted

    def spy(self: mih.MihSegment, *args: object) -> object:
        taken.append(1)
        return sorted_path(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(mih.MihSegment, "_search_sorted", spy)
    answer = index.search_many(queries, 31).per_query()
    assert taken
    assert any(answer)
    assert answer == [index.search(q.tobytes(), 31) for q in queries]


@pytest.mark.skipif(
    not HAS_KERNEL, reason="no compiled kernel (numba missing, or SAFEGUARD_INDEX_KERNEL=numpy)"
)
@given(case=dataset)
@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_the_sorted_path_grows_a_full_candidate_buffer_and_resumes_the_walk(
    case: dict[str, int],
) -> None:
    """With room for no candidates at first, the walk stops at every bucket that does not
    fit, the buffer doubles and the walk goes on from that probe: nothing is lost or
    found twice."""
    rng = np.random.default_rng(case["seed"])
    stored, centre = clustered_dataset(rng, case["n_random"], case["family"])
    model = Model()
    model.add(list(range(len(stored))), stored)
    index = PdqIndex.build(range(len(stored)), stored, **TABLES)
    queries = queries_for(rng, stored, centre)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(mih, "SORTED_BATCH_FROM", 1)
        patch.setattr(mih, "_CANDIDATES_A_QUERY", 0)
        answer = index.search_many(queries, case["radius"]).per_query()
    assert answer == [model.search(q, case["radius"]) for q in queries]


@pytest.mark.parametrize("path", ["tables", "tables_sorted", "tables_numpy"], indirect=True)
@given(case=dataset, n_random=st.integers(2000, 5000))
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_four_byte_rows_are_searched_exactly(
    path: str, case: dict[str, int], n_random: int
) -> None:
    """Above 2**24 entries a row number takes 4 bytes (and leaves more bits for the
    suffix, here up to the fourth byte); too large a list for a test, so the width is
    forced on a small one."""
    rng = np.random.default_rng(case["seed"])
    stored, centre = clustered_dataset(rng, n_random, case["family"])
    model = Model()
    model.add(list(range(len(stored))), stored)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(mih, "row_bytes", lambda n: 4)
        index = PdqIndex.build(range(len(stored)), stored, **TABLES)
        segment = index._state.main
        assert isinstance(segment, MihSegment)
        assert segment.rows.size == 4 * (TABLE_COUNT - 1) * len(stored) + 1
        queries = queries_for(rng, stored, centre)
        answer = index.search_many(queries, case["radius"]).per_query()
    assert answer == [model.search(q, case["radius"]) for q in queries]


def test_radii_beyond_the_tables_fall_back_to_an_exact_scan() -> None:
    rng = np.random.default_rng(3)
    stored = random_hashes(rng, 200)
    query = flipped(stored[0], 45, rng)
    stored = np.concatenate([stored, [flipped(query, 33, rng), flipped(query, 60, rng)]])
    model = Model()
    model.add(list(range(len(stored))), stored)
    index = PdqIndex.build(range(len(stored)), stored, **TABLES)
    for radius in (32, 33, 60, 256):
        assert index.search(query.tobytes(), radius) == model.search(query, radius)


def test_a_bucket_of_many_identical_hashes_is_found_whole() -> None:
    rng = np.random.default_rng(4)
    copies = np.repeat(random_hashes(rng, 1), 500, axis=0)
    stored = np.concatenate([random_hashes(rng, 300), copies])
    index = PdqIndex.build(range(len(stored)), stored, **TABLES)
    found = index.search(copies[0].tobytes(), 0)
    assert found == [(i, 0) for i in range(300, 800)]


def test_an_id_added_twice_is_reported_once_at_its_best_distance() -> None:
    rng = np.random.default_rng(5)
    h = random_hashes(rng, 1)[0]
    index = PdqIndex.build([7, 8], np.array([flipped(h, 9, rng), flipped(h, 30, rng)]), **TABLES)
    index.add([8], np.array([flipped(h, 2, rng)]))
    assert index.search(h.tobytes()) == [(8, 2), (7, 9)]


def test_a_batch_as_large_as_the_index_goes_straight_into_the_tables() -> None:
    rng = np.random.default_rng(14)
    index = PdqIndex.build(range(100), random_hashes(rng, 100), merge_threshold=50, **TABLES)
    batch = random_hashes(rng, 100)
    index.add(range(100, 200), batch)
    assert index.pending == 0 and len(index) == 200
    assert index.search(batch[99].tobytes(), 0) == [(199, 0)]


def test_a_batch_smaller_than_the_index_waits_in_the_delta() -> None:
    rng = np.random.default_rng(16)
    index = PdqIndex.build(
        range(100), random_hashes(rng, 100), merge_threshold=80, background_merge=False, **TABLES
    )
    index.add(range(100, 160), random_hashes(rng, 60))
    assert index.pending == 60


def test_ids_of_any_int64_range_are_kept(tmp_path: Path) -> None:
    rng = np.random.default_rng(13)
    stored = random_hashes(rng, 300)
    ids = [-(2**62), 2**62, -5, *range(10**12, 10**12 + 297)]
    index = PdqIndex.build(ids, stored, **TABLES)
    index.save(tmp_path / "ids.idx")
    for candidate in (index, PdqIndex.load(tmp_path / "ids.idx")):
        assert [candidate.search(h.tobytes(), 0) for h in stored[:4]] == [
            [(ids[i], 0)] for i in range(4)
        ]


def test_negative_radius_is_refused() -> None:
    index = PdqIndex.build([1], random_hashes(np.random.default_rng(0), 1))
    with pytest.raises(ValueError, match="radius"):
        index.search(bytes(32), -1)


def test_mismatched_ids_and_hashes_are_refused() -> None:
    with pytest.raises(ValueError, match="ids"):
        PdqIndex.build([1, 2], random_hashes(np.random.default_rng(0), 1))


def test_small_lists_are_scanned_and_large_ones_indexed() -> None:
    rng = np.random.default_rng(6)
    assert not PdqIndex.build(range(100), random_hashes(rng, 100)).uses_tables
    assert PdqIndex.build(range(100), random_hashes(rng, 100), flat_below=50).uses_tables


def test_crossing_the_merge_threshold_folds_the_delta_into_the_tables() -> None:
    rng = np.random.default_rng(7)
    index = PdqIndex(merge_threshold=64, background_merge=False, **TABLES)
    stored = random_hashes(rng, 100)
    index.add(range(63), stored[:63])
    assert index.pending == 63 and not index.uses_tables
    index.add(range(63, 100), stored[63:])
    assert index.pending == 0 and index.uses_tables and len(index) == 100
    assert index.search(stored[80].tobytes(), 0) == [(80, 0)]


# --- dihedral variants -----------------------------------------------------------------


def test_dihedral_search_finds_a_mirrored_copy() -> None:
    rgb = np.asarray(picture(256, 256))
    original = pdq_from_pixels(rgb)
    mirrored = pdq_from_pixels(rgb[:, ::-1])
    rng = np.random.default_rng(8)
    stored = np.concatenate(
        [random_hashes(rng, 500), [np.frombuffer(mirrored.hash.value, np.uint8)]]
    )
    index = PdqIndex.build(range(len(stored)), stored, **TABLES)
    assert index.search(original.hash) == []
    found = dict(index.search(original.hash, dihedral=True))
    assert 500 in found
    # The exact variants (from the DCT) are at least as close as the approximate ones.
    exact = dict(index.search(original.hash, variants=list(original.dihedral().values())))
    assert exact[500] <= found[500]
    assert exact[500] == original.dihedral()[Dihedral.FLIP_Y].distance(mirrored.hash)


def test_dihedral_search_many_matches_one_search_per_query() -> None:
    rng = np.random.default_rng(9)
    stored = random_hashes(rng, 300)
    index = PdqIndex.build(range(300), stored, **TABLES)
    queries = stored[:5]
    expected = [index.search(PdqHash(q.tobytes()), dihedral=True) for q in queries]
    assert index.search_many(queries, dihedral=True).per_query() == expected


# --- concurrency ------------------------------------------------------------------------


def test_concurrent_searches_see_the_state_before_or_after_each_update() -> None:
    rng = np.random.default_rng(10)
    stored = random_hashes(rng, 400)
    query = stored[0]
    # Each update changes the answer to `query`: hashes near it added, ids disabled, enabled.
    updates: list[tuple[str, list[int], np.ndarray | None]] = []
    next_id = 400
    for step in range(40):
        if step % 4 == 3:
            updates.append(("disable", [next_id - 1, 0], None))
        elif step % 4 == 2 and step > 4:
            updates.append(("enable", [0], None))
        else:
            batch = np.array([flipped(query, int(rng.integers(1, 31)), rng) for _ in range(25)])
            updates.append(("add", list(range(next_id, next_id + 25)), batch))
            next_id += 25
    model = Model()
    model.add(list(range(400)), stored)
    answers = {tuple(model.search(query, 31))}
    for kind, ids, hashes in updates:
        if kind == "add":
            assert hashes is not None
            model.add(ids, hashes)
        elif kind == "disable":
            model.disabled |= set(ids)
        else:
            model.disabled -= set(ids)
        answers.add(tuple(model.search(query, 31)))

    # Merges run on a background thread every 100 added hashes, during the searches.
    index = PdqIndex.build(range(400), stored, merge_threshold=100, **TABLES)
    seen: list[tuple[tuple[int, int], ...]] = []
    done = threading.Event()

    def reader() -> None:
        while not done.is_set():
            seen.append(tuple(index.search(query.tobytes(), 31)))

    readers = [threading.Thread(target=reader) for _ in range(3)]
    for t in readers:
        t.start()
    try:
        for kind, ids, hashes in updates:
            if kind == "add":
                assert hashes is not None
                index.add(ids, hashes)
            else:
                getattr(index, kind)(ids)
            time.sleep(0.002)  # let the readers run between updates
    finally:
        index.merge()
        done.set()
        for t in readers:
            t.join()
    assert len(set(seen)) > 1
    assert set(seen) <= answers
    assert tuple(index.search(query.tobytes(), 31)) == tuple(model.search(query, 31))


# --- snapshots --------------------------------------------------------------------------


def populated_index(path: str = "tables") -> PdqIndex:
    rng = np.random.default_rng(11)
    stored, _ = clustered_dataset(rng, 300, 40)
    index = PdqIndex.build(range(len(stored)), stored, merge_threshold=10**6, **PATHS[path])
    index.add([5000, 5001], random_hashes(rng, 2))
    index.disable([3, 5001])
    return index


@pytest.mark.parametrize("path", PATHS, indirect=True)
def test_snapshot_round_trip_keeps_every_array_and_answer(path: str, tmp_path: Path) -> None:
    index = populated_index(path)
    index.save(tmp_path / "pdq.idx")
    loaded = PdqIndex.load(tmp_path / "pdq.idx")
    assert loaded.uses_tables == index.uses_tables
    assert (len(loaded), loaded.pending) == (len(index), index.pending)
    assert loaded.disabled_ids.tolist() == [3, 5001]
    _, _, saved = read_snapshot(tmp_path / "pdq.idx", ("pdq",))
    loaded.save(tmp_path / "again.idx")
    _, _, again = read_snapshot(tmp_path / "again.idx", ("pdq",))
    assert saved.keys() == again.keys()
    for name in saved:
        np.testing.assert_array_equal(saved[name], again[name])
    queries = to_bytes(index._state.main.words[:20])
    expected = index.search_many(queries, 31).per_query()
    assert any(expected)
    assert loaded.search_many(queries, 31).per_query() == expected


def test_an_intact_snapshot_with_rows_out_of_range_is_refused(tmp_path: Path) -> None:
    index = populated_index()
    index.save(tmp_path / "good.idx")
    kind, meta, arrays = read_snapshot(tmp_path / "good.idx", ("pdq",))
    arrays["rows"] = np.full_like(arrays["rows"], 0xFF)
    write_snapshot(tmp_path / "forged.idx", kind, meta, arrays)
    with pytest.raises(SnapshotError, match="outside"):
        PdqIndex.load(tmp_path / "forged.idx")


def test_an_empty_index_round_trips(tmp_path: Path) -> None:
    PdqIndex().save(tmp_path / "empty.idx")
    assert len(PdqIndex.load(tmp_path / "empty.idx")) == 0


@pytest.fixture(scope="module")
def snapshot_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("snap") / "pdq.idx"
    populated_index().save(path)
    return path.read_bytes()


@given(position=st.integers(0, 10**9), bit=st.integers(0, 7))
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_flipped_bit_is_refused(
    snapshot_bytes: bytes, tmp_path: Path, position: int, bit: int
) -> None:
    data = bytearray(snapshot_bytes)
    data[position % len(data)] ^= 1 << bit
    (tmp_path / "bad.idx").write_bytes(bytes(data))
    with pytest.raises(SnapshotError):
        PdqIndex.load(tmp_path / "bad.idx")


@given(length=st.integers(0, 10**9))
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_a_truncated_snapshot_is_refused(
    snapshot_bytes: bytes, tmp_path: Path, length: int
) -> None:
    (tmp_path / "short.idx").write_bytes(snapshot_bytes[: length % len(snapshot_bytes)])
    with pytest.raises(SnapshotError):
        PdqIndex.load(tmp_path / "short.idx")


def test_a_snapshot_of_another_format_version_is_refused(
    snapshot_bytes: bytes, tmp_path: Path
) -> None:
    data = bytearray(snapshot_bytes)
    data[8:12] = (FORMAT_VERSION + 1).to_bytes(4, "little")
    (tmp_path / "v2.idx").write_bytes(bytes(data))
    with pytest.raises(SnapshotError, match="version 2"):
        PdqIndex.load(tmp_path / "v2.idx")


def test_a_snapshot_of_another_kind_is_refused(tmp_path: Path) -> None:
    ExactIndex.build("md5", [1], [hashlib.md5(b"x").hexdigest()]).save(tmp_path / "md5.idx")
    with pytest.raises(SnapshotError, match="md5"):
        PdqIndex.load(tmp_path / "md5.idx")


def test_a_missing_file_is_a_snapshot_error(tmp_path: Path) -> None:
    with pytest.raises(SnapshotError):
        PdqIndex.load(tmp_path / "absent.idx")


def test_saving_replaces_the_file_atomically_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "pdq.idx"
    path.write_bytes(b"old")
    populated_index().save(path)
    assert PdqIndex.load(path)
    assert [p.name for p in tmp_path.iterdir()] == ["pdq.idx"]


def test_snapshot_sections_keep_dtype_and_shape(tmp_path: Path) -> None:
    arrays = {
        "a": np.arange(12, dtype=np.uint64).reshape(3, 4),
        "b": np.array([b"\x00\x01", b"\xff\x00"], dtype="S2"),
        "c": np.empty(0, dtype=np.int64),
    }
    write_snapshot(tmp_path / "x.idx", "md5", {"k": 1}, arrays)
    kind, meta, loaded = read_snapshot(tmp_path / "x.idx", ("md5",))
    assert (kind, meta) == ("md5", {"k": 1})
    for name, array in arrays.items():
        assert loaded[name].dtype == array.dtype and loaded[name].shape == array.shape
        np.testing.assert_array_equal(loaded[name], array)


# --- exact digests ----------------------------------------------------------------------


def md5(i: int) -> str:
    return hashlib.md5(str(i).encode()).hexdigest()


def test_exact_index_finds_every_entry_holding_a_digest() -> None:
    index = ExactIndex.build("md5", [1, 2, 3], [md5(1), md5(2), md5(1)])
    assert index.lookup(md5(1)) == [1, 3]
    assert index.lookup(md5(1).upper()) == [1, 3]
    assert index.lookup(bytes.fromhex(md5(2))) == [2]
    assert index.lookup(md5(9)) == []


def test_exact_index_disable_and_enable_hide_and_show_entries() -> None:
    index = ExactIndex.build("sha1", [1, 2], [hashlib.sha1(b"a").hexdigest()] * 2)
    index.disable([1])
    assert index.lookup(hashlib.sha1(b"a").hexdigest()) == [2]
    index.enable([1])
    assert index.lookup(hashlib.sha1(b"a").hexdigest()) == [1, 2]


def test_exact_index_refuses_a_digest_of_the_wrong_length() -> None:
    index = ExactIndex("sha256")
    with pytest.raises(InvalidSignal):
        index.add([1], [md5(1)])
    with pytest.raises(ValueError, match="signals"):
        ExactIndex("pdq")


@given(
    entries=st.lists(
        st.tuples(
            st.integers(0, 50),
            st.binary(min_size=16, max_size=16)
            | st.sampled_from([b"\x00" * 16, b"\x01" + b"\x00" * 15, b"\x00" * 15 + b"\x01"]),
        ),
        max_size=40,
    ),
    split=st.integers(0, 40),
)
@settings(max_examples=50, deadline=None)
def test_exact_index_agrees_with_a_dict_through_adds_and_merges(
    entries: list[tuple[int, bytes]], split: int
) -> None:
    index = ExactIndex.build(
        "md5", [i for i, _ in entries[:split]], [d for _, d in entries[:split]], merge_threshold=4
    )
    for i, d in entries[split:]:
        index.add([i], [d])
    expected: dict[bytes, set[int]] = {}
    for i, d in entries:
        expected.setdefault(d, set()).add(i)
    digests = [d for _, d in entries] + [b"\x02" * 16]
    assert index.lookup_many(digests) == [sorted(expected.get(d, ())) for d in digests]


def test_exact_index_snapshot_round_trip(tmp_path: Path) -> None:
    index = ExactIndex.build(
        "sha256",
        range(10),
        [hashlib.sha256(bytes([i])).digest() for i in range(10)],
        merge_threshold=100,
    )
    index.add([10], [hashlib.sha256(b"late").hexdigest()])
    index.disable([4])
    index.save(tmp_path / "sha256.idx")
    loaded = ExactIndex.load(tmp_path / "sha256.idx")
    assert loaded.signal == "sha256" and len(loaded) == 11
    digests = [hashlib.sha256(bytes([i])).digest() for i in range(10)] + [
        hashlib.sha256(b"late").digest()
    ]
    assert loaded.lookup_many(digests) == index.lookup_many(digests)
    assert loaded.lookup(digests[4]) == []


def test_hash_words_round_trip_to_bytes() -> None:
    raw = random_hashes(np.random.default_rng(12), 5)
    np.testing.assert_array_equal(to_bytes(to_words(raw)), raw)


def test_building_in_place_gives_the_same_segment_as_building_from_a_copy() -> None:
    from dataclasses import fields

    from safeguard.index.mih import MihSegment

    rng = np.random.default_rng(7)
    words = to_words(rng.integers(0, 256, (5000, 32), dtype=np.uint8))
    ids = np.arange(5000, dtype=np.int64) * 3
    copied = MihSegment.build(words, ids, 10)
    handed_over = words.copy()
    in_place = MihSegment.build(handed_over, ids, 10, reuse_input=True)
    for f in fields(MihSegment):
        a, b = getattr(copied, f.name), getattr(in_place, f.name)
        assert np.array_equal(a, b) if isinstance(a, np.ndarray) else a == b, f.name
    assert in_place.words is handed_over  # reordered where it was, not copied


def test_words_from_bytes_keep_the_big_endian_bit_order() -> None:
    raw = np.zeros((1, 32), dtype=np.uint8)
    raw[0, 0] = 0x80  # the hash's first bit
    raw[0, 31] = 0x01  # its last
    words = to_words(raw)
    assert words.dtype == np.uint64 and words.flags.c_contiguous
    assert words[0, 0] == 1 << 63 and words[0, 3] == 1
    assert np.array_equal(to_bytes(words), raw)
