"""bench/link_putback.py's pure parts: which test refused a record, a record read back as
its link, and refused links put back beside the stored ones."""

from __future__ import annotations

from dataclasses import replace

import pytest
from bench.link_putback import as_link, main, put_back, refusing_test

from safeguard.link.store import Link


def _link(a: str, b: str, inliers: int = 40) -> Link:
    return Link("place", a, b, 0.2, view_a=0, view_b=1, inliers=inliers, model="homography",
                region_a=(1, 2, 30, 40), region_b=(5, 6, 70, 80))  # fmt: skip


def test_each_record_names_its_test() -> None:
    assert refusing_test({"holders": []}) == "shared_object"
    assert refusing_test({"missing": {}, "rule": 1}) == "conflict"
    assert refusing_test({"specific": 4}) == "common"


def test_a_record_reads_back_as_its_link() -> None:
    link = _link("x", "y")
    record = link.to_json() | {"holders": [{"item": "z"}], "region_cover": 0.2}
    # The shared-object test's record adds the region cover it measured.
    assert as_link(record) == replace(link, region_cover=0.2)


def test_put_back_adds_only_the_chosen_tests_and_keeps_stored_links() -> None:
    stored = {_link("a", "b").key: _link("a", "b")}
    records = [
        _link("a", "b", inliers=99).to_json() | {"holders": []},  # already stored
        _link("c", "d").to_json() | {"missing": {}},
        _link("e", "f").to_json() | {"specific": 3},
    ]
    got = put_back(stored, records, {"shared_object", "conflict"})
    assert set(got) == {_link("a", "b").key, _link("c", "d").key}
    assert got[_link("a", "b").key].inliers == 40
    assert len(put_back(stored, records, {"shared_object", "conflict", "common"})) == 3
    assert put_back(stored, records, set()) == stored


def test_a_store_name_is_required() -> None:
    with pytest.raises(SystemExit):
        main([])
