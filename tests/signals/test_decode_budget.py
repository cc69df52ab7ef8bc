"""Decode memory is bounded per image and in total: an image's decode reserves its
estimated bytes (from the header) from a shared budget, waits a moment for room, and gives
up with ``Busy``; one image may not need more than the per-image limit; JPEGs decode at a
reduced size to fit, never below 512 px on the short side."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from safeguard.errors import Busy, ErrorKind
from safeguard.signals.budget import DecodeBudget, DecodeBusy, pillow_estimate
from safeguard.signals.decode import FAST_MIN_SIDE, ImageLimits, decode_estimate, open_image
from safeguard.signals.media import HashOptions, hash_bytes
from safeguard.signals.pdq import PdqHash
from tests.media_factory import encode, jpeg, picture

MiB = 1024 * 1024


def png(width: int, height: int) -> bytes:
    return encode(picture(width, height, "coffee"), "PNG")


def test_an_image_reserves_its_estimate_while_it_is_hashed() -> None:
    budget = DecodeBudget(64 * MiB)
    record = hash_bytes("a.png", png(600, 400), HashOptions(decode_budget=budget))
    assert record.error is None and record.pdq
    assert budget.peak == pillow_estimate(600, 400, "RGB")
    assert budget.in_use == 0


def test_an_image_over_the_per_image_limit_is_refused_from_its_header() -> None:
    budget = DecodeBudget(64 * MiB, per_image=pillow_estimate(600, 400, "RGB") - 1)
    record = hash_bytes("a.png", png(600, 400), HashOptions(decode_budget=budget))
    assert record.error_code == "image_too_large"
    assert "per-image decode limit" in (record.error or "")
    assert budget.peak == 0  # nothing was decoded
    assert record.md5  # the digests are still there to match


def test_a_spent_budget_makes_the_next_decode_busy_not_wait_forever() -> None:
    budget = DecodeBudget(8 * MiB, wait=0.05)
    with budget.reserve(8 * MiB - 1000), pytest.raises(DecodeBusy) as caught:
        hash_bytes("a.png", png(600, 400), HashOptions(decode_budget=budget))
    assert isinstance(caught.value, Busy) and caught.value.kind is ErrorKind.BUSY
    assert caught.value.retry_after >= 1
    # Once the other decode is done, the same image goes through.
    assert hash_bytes("a.png", png(600, 400), HashOptions(decode_budget=budget)).pdq


def test_a_waiting_decode_proceeds_when_room_is_released() -> None:
    budget = DecodeBudget(8 * MiB, wait=30)
    holding = budget.reserve(8 * MiB - 1000)
    holding.__enter__()
    timer = threading.Timer(0.2, holding.__exit__, (None, None, None))
    timer.start()
    record = hash_bytes("a.png", png(600, 400), HashOptions(decode_budget=budget))
    timer.join()
    assert record.pdq and budget.in_use == 0


def test_concurrent_decodes_never_hold_more_than_the_budget() -> None:
    one = pillow_estimate(600, 400, "RGB")
    budget = DecodeBudget(2 * one + 10, wait=60)
    data = png(600, 400)
    results: list[str | None] = []

    def work() -> None:
        results.append(hash_bytes("a.png", data, HashOptions(decode_budget=budget)).pdq)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 8 and len(set(results)) == 1
    assert budget.peak <= budget.total
    assert budget.in_use == 0


def test_a_large_jpeg_decodes_at_a_reduced_size_to_fit_and_still_matches() -> None:
    data = jpeg(2400, 1800)
    full = hash_bytes("a.jpg", data)
    full_estimate = 2400 * 1800 * 3
    budget = DecodeBudget(64 * MiB, per_image=full_estimate // 3)
    reduced = hash_bytes("a.jpg", data, HashOptions(decode_budget=budget))
    assert reduced.error is None and reduced.width == 2400
    assert budget.peak <= full_estimate // 3
    assert full.pdq and reduced.pdq
    assert PdqHash.from_hex(full.pdq).distance(PdqHash.from_hex(reduced.pdq)) <= 31


def test_reduced_jpeg_decoding_stops_at_512_pixels_on_the_short_side() -> None:
    im = open_image(jpeg(2400, 1100), ImageLimits())
    scale, estimate = decode_estimate(im, fast=False, per_image=1)
    assert scale == 2 and 1100 // scale >= FAST_MIN_SIDE
    assert estimate == 1200 * 550 * 3


_MEASURE = """
import resource, sys
from safeguard.signals.media import hash_bytes
data = open(sys.argv[1], "rb").read()
hash_bytes("warm.png", open(sys.argv[2], "rb").read())
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
record = hash_bytes("big.png", data)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
assert record.error is None, record.error
print((after - before) * 1024)
"""


def test_decoding_a_png_takes_no_more_memory_than_its_estimate(tmp_path: Path) -> None:
    """Peak RSS of a real decode (in a fresh process) stays within the estimate the budget
    reserves: Pillow's storage plus one RGB array, no whole-image copies on the way."""
    width = height = 4000
    big = Image.new("RGB", (width, height), "white")
    ImageDraw.Draw(big).ellipse((800, 800, 3200, 3200), fill=(40, 90, 200))
    (tmp_path / "big.png").write_bytes(encode(big, "PNG"))
    (tmp_path / "warm.png").write_bytes(png(600, 400))
    run = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(tmp_path / "big.png"), str(tmp_path / "warm.png")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    grown = int(run.stdout.strip())
    estimate = pillow_estimate(width, height, "RGB")
    assert grown <= estimate * 1.15, (grown / MiB, estimate / MiB)
