"""How a run cuts a source into tasks: every file once, in walk order, and batches that
shrink towards the end (guided scheduling) so no worker is left alone with a large one."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safeguard.store.db import open_database
from safeguard.triage import runner, sources
from safeguard.triage.case import case_sources, create_case, get_case, source_ref
from safeguard.triage.runner import (
    _TAPER,
    _TAPER_FLOOR,
    RunSummary,
    _taper,
    _Tracker,
    _units,
)

KiB = 1 << 10


@given(batch=st.integers(1, 1 << 30), remaining=st.integers(-(1 << 20), 1 << 34))
def test_the_limit_is_the_batch_size_until_the_end_then_a_share_of_what_remains(
    batch: int, remaining: int
) -> None:
    limit = _taper(batch, remaining)
    assert min(batch, _TAPER_FLOOR) <= limit <= batch
    if remaining >= _TAPER * batch:
        assert limit == batch
    elif remaining // _TAPER >= _TAPER_FLOOR:
        assert limit == remaining // _TAPER
    else:
        assert limit == min(batch, _TAPER_FLOOR)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sizes=st.lists(st.integers(0, 96 * KiB), min_size=1, max_size=40))
def test_every_file_is_in_one_batch_in_walk_order_and_batches_shrink_to_the_end(
    tmp_path_factory: pytest.TempPathFactory, sizes: list[int]
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(runner, "_TAPER_FLOOR", 16 * KiB)  # the same rule at a small scale
        _check_batches(tmp_path_factory.mktemp("batches"), sizes)


def _check_batches(tmp: Path, sizes: list[int]) -> None:
    folder = tmp / "in"
    folder.mkdir()
    for i, size in enumerate(sizes):
        (folder / f"{i:03d}.bin").write_bytes(b"\0" * size)
    db = open_database(f"sqlite:///{tmp / 'case.db'}")
    with db.session() as s:
        create_case(s, "B", [folder], examiner="t", scheme="uk", actor="t")
    with db.session() as s:
        [src] = case_sources(s, get_case(s, "B"))
        pending = [(src.id, source_ref(src))]
    tracker = _Tracker(RunSummary(case="B"), 0.0, None)
    walked = list(sources.walk(pending[0][1]))
    tracker.bytes_total = sum(f.size for f in walked)
    batch_bytes = 256 * KiB
    units = list(_units(db, pending, 1000, batch_bytes, tracker))
    db.dispose()
    assert [f.key for u in units for f in u.files] == [f.key for f in walked]
    done = 0
    for unit in units:
        remaining = tracker.bytes_total - done
        limit = _taper(batch_bytes, remaining)
        # Full batches stop at the first file that reaches the limit.
        assert unit.size - unit.files[-1].size < limit
        if unit is not units[-1]:
            assert unit.size >= limit
        done += unit.size


def test_a_large_source_ends_with_small_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner, "_TAPER_FLOOR", 4 * KiB)  # the same rule at a small scale
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(64):
        (folder / f"{i:03d}.bin").write_bytes(b"\1" * KiB)
    db = open_database(f"sqlite:///{tmp_path / 'case.db'}")
    with db.session() as s:
        create_case(s, "L", [folder], examiner="t", scheme="uk", actor="t")
    with db.session() as s:
        [src] = case_sources(s, get_case(s, "L"))
        pending = [(src.id, source_ref(src))]
    tracker = _Tracker(RunSummary(case="L"), 0.0, None)
    tracker.bytes_total = 64 * KiB
    units = list(_units(db, pending, 1000, 16 * KiB, tracker))
    db.dispose()
    sizes = [u.size // KiB for u in units]
    # Without tapering: four batches of 16 KiB. With it: 8 KiB (64/8), 7, 6, ... down to 4.
    assert sizes[0] == 8 and sizes[-1] <= 4 and sum(sizes) == 64
    assert sizes == sorted(sizes, reverse=True)
