"""Generator v6 of the linking bench (``bench.link_rooms_v6``): deterministic pictures, the
promised places and views, twins as a minority that share a template, and no two places
with a pixel-identical picture. Small pictures, nothing is linked."""

from __future__ import annotations

import io
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest
from bench.link_rooms_v6 import (
    PICTURES_PER_PLACE,
    VIEW_KINDS,
    is_twin,
    make_pictures,
    place_v6,
    room_v6,
    views_v6,
)
from PIL import Image

SIZE = (160, 120)
JPEG_KINDS = {"right", "closeup", "night", "blur", "roll", "mirror"}


def _pixels(path: Path) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(path.read_bytes())).convert("RGB"))


@pytest.fixture(scope="module")
def pictures(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("v6")
    # Seeds 10-13: two ordinary places around the twin pair 11 and 12.
    return folder, make_pictures(folder, 4, SIZE, first=10)


def test_same_seed_gives_the_same_bytes() -> None:
    a, b = room_v6(7, *SIZE), room_v6(7, *SIZE)
    assert np.array_equal(a, b)
    assert views_v6(a, 7) == views_v6(b, 7)


def test_other_seed_gives_another_picture() -> None:
    assert not np.array_equal(room_v6(7, *SIZE), room_v6(8, *SIZE))


def test_every_place_has_the_original_and_seven_views(
    pictures: tuple[Path, dict[str, str]],
) -> None:
    folder, truth = pictures
    assert len(set(truth.values())) == 4
    assert len(truth) == 4 * PICTURES_PER_PLACE == 32
    for label in set(truth.values()):
        names = sorted(n for n, x in truth.items() if x == label)
        kinds = {n.split("__")[1].split(".")[0] for n in names}
        assert kinds == {"original", *VIEW_KINDS}
        for n in names:
            kind, ext = n.split("__")[1].split(".")
            assert ext == ("jpg" if kind in JPEG_KINDS else "png"), n
            assert Image.open(folder / n).format == ("JPEG" if ext == "jpg" else "PNG")


def test_views_have_the_promised_sizes(pictures: tuple[Path, dict[str, str]]) -> None:
    folder, truth = pictures
    w, h = SIZE
    expected = {"blur": (w // 2, h // 2), "roll": (h, w), "mirror": (int(w * 0.75), int(h * 0.75))}
    for n in truth:
        kind = n.split("__")[1].split(".")[0]
        assert Image.open(folder / n).size == expected.get(kind, (w, h)), n


def test_pictures_of_different_places_are_never_pixel_identical(
    pictures: tuple[Path, dict[str, str]],
) -> None:
    folder, truth = pictures
    pixels = {n: _pixels(folder / n) for n in truth}
    for a, b in combinations(sorted(truth), 2):
        if truth[a] != truth[b] and pixels[a].shape == pixels[b].shape:
            assert not np.array_equal(pixels[a], pixels[b]), (a, b)


def test_views_of_one_place_differ_from_its_original(
    pictures: tuple[Path, dict[str, str]],
) -> None:
    folder, truth = pictures
    for name, label in truth.items():
        if name.endswith("__left.png"):
            original = _pixels(folder / f"{label}__original.png")
            assert not np.array_equal(original, _pixels(folder / name))


def test_twins_are_eight_percent_of_places_and_come_in_pairs() -> None:
    twins = [s for s in range(200) if is_twin(s)]
    assert len(twins) == 16  # 8 %, under the 10 % the README promises
    assert all(s + 1 in twins or s - 1 in twins for s in twins)


def test_twins_share_a_template_and_others_do_not() -> None:
    def geometry(seed: int) -> list[tuple[float, ...]]:
        return [tuple(np.round(p.p0, 6)) + p.tex.shape for p in place_v6(seed).planes]

    assert geometry(11) == geometry(12)
    assert place_v6(11).twin_of == place_v6(12).twin_of is not None
    assert geometry(10) != geometry(13)
    assert place_v6(10).twin_of is None


def test_twins_differ_in_their_details() -> None:
    a, b = room_v6(11, *SIZE), room_v6(12, *SIZE)
    assert not np.array_equal(a, b)


def test_pictures_not_made_here_are_re_photographed_as_a_flat_print() -> None:
    rng = np.random.default_rng(0)
    img = rng.integers(0, 256, (90, 130, 3), dtype=np.uint8)
    made = views_v6(img, 3)
    assert set(made) == set(VIEW_KINDS)
    assert made == views_v6(img.copy(), 3)


def test_bench_link_writes_v6_collections(tmp_path: Path) -> None:
    from bench.link import GENERATORS, make_collection

    assert GENERATORS["v6"] is room_v6
    truth = make_collection(tmp_path / "c", 2, generator="v6", size=SIZE, real=False)
    ours = make_pictures(tmp_path / "ours", 2, SIZE)
    ours.pop("truth.json", None)
    assert truth == ours
    for name in truth:
        assert (tmp_path / "c" / name).read_bytes() == (tmp_path / "ours" / name).read_bytes()
