"""The second angle search (issue 13, twelfth round): a turned picture whose own dark
content runs into the rotation's fill (so the fill's outline is seen along only part of
the frame) is straightened at its real angle; a picture whose outline is traced surely
is not searched again; a padded picture is not taken for turned. Benign scikit-image
pictures only (tiles of the astronaut sample, whose helmet and space are black)."""

from __future__ import annotations

import numpy as np
import pytest
from bench.robust_transforms import pad, rotate
from skimage import data

from safeguard.signals import variants
from safeguard.signals.pdq import pdq_from_pixels


def _astronaut(top: int, left: int, side: int) -> np.ndarray:
    return np.ascontiguousarray(data.astronaut()[top : top + side, left : left + side])


#: Tiles of the astronaut whose black helmet and sky reach three or four of their corners
#: (``bench/robust``'s development originals ``astronaut[0.25:3,4]``,
#: ``astronaut[0.25:4,3]`` and ``astronaut[0.33:3,3]``).
DARK_TILES = {
    "helmet-right": (288, 384, 128),
    "helmet-low": (384, 288, 128),
    "helmet": (344, 344, 168),
}


def _bits(a: str, b: str) -> int:
    return int(bin(int(a, 16) ^ int(b, 16)).count("1"))


@pytest.mark.parametrize("angle", [4.0, 5.0])
@pytest.mark.parametrize("tile", sorted(DARK_TILES))
def test_a_turned_picture_whose_dark_content_runs_into_the_fill_is_found_at_its_angle(
    tile: str, angle: float
) -> None:
    pic = _astronaut(*DARK_TILES[tile])
    found = variants.estimate_rotation(variants._grey(rotate(pic, angle)))
    assert found is not None
    assert abs(found[0] - angle) <= 0.1
    assert found[1:] == (1.0, 1.0)  # the frame kept


@pytest.mark.parametrize("tile", sorted(DARK_TILES))
def test_its_deskewed_query_matches_the_original(tile: str) -> None:
    pic = _astronaut(*DARK_TILES[tile])
    own = pdq_from_pixels(pic).hash.hex
    queries = [v for v in variants.pdq_variants(rotate(pic, 4.0)) if v.name == "deskewed"]
    assert queries
    assert min(_bits(v.hash.hex, own) for v in queries) <= 31


def test_the_traced_angle_of_those_tiles_is_not_sure() -> None:
    """What sends them to the second search: the outline the first one fitted is seen
    along too little of its frame (or no angle was traced at all)."""
    for top, left, side in DARK_TILES.values():
        grey = variants._grey(rotate(_astronaut(top, left, side), 4.0))
        content = variants._content_mask(grey, variants._corner_background(grey) or 0.0)
        profiles = variants._fill_profiles(content)
        guess = variants._edge_guess(profiles, *grey.shape)
        if guess is None or not variants.MIN_ANGLE <= abs(guess) <= variants.MAX_ANGLE:
            continue  # nothing traced
        traced = variants._traced_rotation(content, profiles, guess)
        assert traced is None or traced[1][0] < variants.SURE_SUPPORT


def test_a_surely_traced_turn_is_not_searched_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The common case pays only for comparing the depths the fit computed."""

    def refused(content: np.ndarray) -> None:
        raise AssertionError("searched again")

    monkeypatch.setattr(variants, "_searched_rotation", refused)
    for name in ("coffee", "chelsea", "rocket"):
        grey = variants._binned(variants._grey(getattr(data, name)()), 384)
        found = variants.estimate_rotation(variants._grey(rotate(grey, 4.0)))
        assert found is not None
        assert abs(found[0] - 4.0) <= 0.1


@pytest.mark.parametrize("colour", [(0, 0, 0), (255, 255, 255)])
def test_a_padded_picture_is_not_taken_for_turned(colour: tuple[int, int, int]) -> None:
    """A grown frame fitted round a padded picture crosses the padding's straight outline
    and agrees with some of its lines, all at one depth: the slant test refuses it."""
    for top, left, side in ((128, 0, 152), (0, 256, 128), (200, 100, 200)):
        pic = pad(_astronaut(top, left, side), colour)
        grey = variants._grey(pic)
        content = variants._content_mask(grey, variants._corner_background(grey) or 0.0)
        assert variants.estimate_rotation(grey) is None
        searched = variants._searched_rotation(content)
        if searched is None:
            continue
        depths: list[tuple[np.ndarray, np.ndarray, int]] = []
        variants._profile_misfit(
            variants._fill_profiles(content),
            grey.shape,
            np.array([searched[0]]),
            searched[3],
            stride=variants.FINE_STRIDE,
            depths=depths,
        )
        assert variants._outline_support(depths, 0, slant=True)[1] <= 0


def test_the_outline_support_of_a_clean_turn_is_whole_and_slanted() -> None:
    grey = variants._binned(variants._grey(data.coffee()), 384)
    turned = variants._grey(rotate(grey, 4.0))
    content = variants._content_mask(turned, 0.0)
    depths: list[tuple[np.ndarray, np.ndarray, int]] = []
    variants._profile_misfit(
        variants._fill_profiles(content),
        turned.shape,
        np.array([4.0, 2.0]),
        0,
        stride=variants.FINE_STRIDE,
        depths=depths,
    )
    share, slant = variants._outline_support(depths, 0, slant=True)
    assert share >= 0.9
    assert slant > 0
    assert variants._outline_support(depths, 1)[0] < 0.5  # the wrong angle's frame


def test_an_outside_weight_of_one_is_the_plain_mask_agreement() -> None:
    import cv2

    rng = np.random.default_rng(12)
    content = rng.random((90, 130)) < 0.7
    kept = np.ascontiguousarray(content[:, ::2]).view(np.uint8)
    integral = cv2.integral(kept, sdepth=cv2.CV_32S)
    angles = np.r_[np.arange(-6.0, -0.4, 0.5), np.arange(0.5, 6.01, 0.5)]
    args = (integral, content.shape, angles, (0, 1))
    plain = variants._mask_agreement(*args, stride=2, integral=True)
    same = variants._mask_agreement(*args, stride=2, integral=True, outside_weight=1)
    assert np.array_equal(plain, same)
    heavy = variants._mask_agreement(*args, stride=2, integral=True, outside_weight=30)
    # Content inside counts 31 instead of 2 (fill inside -1 both times): the difference
    # is 29 x the content inside, never negative, and zero only where there is none.
    assert (heavy - plain >= 0).all()
    assert ((heavy - plain) % 29 == 0).all()
    with pytest.raises(ValueError, match="integral"):
        variants._mask_agreement(
            np.zeros((91, 131), np.int32), content.shape, angles, 0, outside_weight=30
        )


@pytest.mark.parametrize("colour", [(0, 0, 0), (255, 255, 255)])
def test_a_padded_upload_is_not_searched_again(
    colour: tuple[int, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Padding runs along each edge at one depth: the fill's outline is straight and
    untilted, so the picture is not taken for turned and pays for no second search."""

    def refused(content: np.ndarray) -> None:
        raise AssertionError("searched again")

    monkeypatch.setattr(variants, "_searched_rotation", refused)
    for name in ("coffee", "chelsea", "rocket"):
        for upload in (pad(getattr(data, name)(), colour), _meme(getattr(data, name)())):
            assert variants.estimate_rotation(variants._grey(upload)) is None
            assert not [v for v in variants.pdq_variants(upload) if v.name == "deskewed"]


def _meme(pixels: np.ndarray) -> np.ndarray:
    from bench.robust_heldout import HELD_OUT

    made: np.ndarray = HELD_OUT["held-out: meme top and bottom 10% white"](pixels)
    return made
