"""Archived generators: the tests of a place generator whose held-out run is measured and
recorded (``docs/benchmarks.md``) are marked ``archive``, except each one's determinism
test (the same seed gives the same pictures, so a recorded run can be made again) and
its dry run. ``make test`` leaves the archive out; ``make test-archive`` runs it. The
generators are self-contained and no longer change, so their property tests (what each
place holds, what its views do) would repeat at every run what they showed when the
generator was written."""

from __future__ import annotations

import re

import pytest

#: Generators whose held-out run is recorded, and whose tests are archived. The newest
#: seen generator and the held-out one stay in the default run.
ARCHIVED = range(6, 33)
_FILE = re.compile(r"test_link_rooms_v(\d+)\.py$")
_KEPT = ("same_seed", "dry_run")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        m = _FILE.search(item.path.name)
        if m and int(m.group(1)) in ARCHIVED and not any(k in item.name for k in _KEPT):
            item.add_marker(pytest.mark.archive)
