"""``link.runner``: a Dask runner yields results in the order of the arguments, as the
local runner does, so a build on Dask is the same build every time."""

from __future__ import annotations

import sys
import time

import cloudpickle

from safeguard.link.runner import LocalRunner, dask_runner


def _first_ones_slow(x: int) -> int:
    time.sleep(0.5 if x < 2 else 0.0)
    return x


def test_dask_results_come_in_the_order_of_the_arguments() -> None:
    # Workers unpickle the function by value (this test module is not on their path).
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    try:
        with dask_runner(2) as runner:
            # The first two tasks finish last; 20 tasks through a window of 8.
            assert list(runner.map(_first_ones_slow, list(range(20)))) == list(range(20))
            assert list(runner.map(_first_ones_slow, [])) == []
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])


def test_the_local_runner_keeps_the_order_too() -> None:
    assert list(LocalRunner().map(_first_ones_slow, [3, 1, 0, 2])) == [3, 1, 0, 2]
