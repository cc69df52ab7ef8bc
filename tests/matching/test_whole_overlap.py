"""The same picture, or only the same flat object: a copy of a picture agrees with it over
the whole region where the two overlap; two photographs that share one printed object
agree only on that object, and verification refuses them (``whole_overlap``, on by
default). Every picture here is a scikit-image sample; the "printed object" is the coffee
sample warped onto two different desks."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from bench.robust_transforms import caption, crop_box, jpeg, pad, perspective, screenshot
from PIL import Image

from safeguard.matching.matcher import Matcher
from safeguard.signals.local import (
    MIN_AGREEMENT,
    OrbFeatures,
    orb_features,
    verify_same_picture,
)
from safeguard.signals.media import HashOptions, hash_file
from safeguard.store.db import Database
from tests.matching.known_bank import import_known
from tests.media_factory import picture

#: Where the printed card lies on each desk (a slightly different view each time).
_ON_A = [[150, 110], [470, 130], [460, 360], [140, 350]]
_ON_B = [[120, 90], [440, 80], [455, 330], [130, 345]]


def _on_desk(desk: str, corners: list[list[int]], card: str = "coffee") -> np.ndarray:
    """The sample ``card`` printed flat and photographed lying on the sample ``desk``."""
    scene = np.asarray(picture(640, 480, desk)).copy()
    flat = np.asarray(picture(320, 240, card))
    src = np.float32([[0, 0], [320, 0], [320, 240], [0, 240]])
    m = cv2.getPerspectiveTransform(src, np.float32(corners))
    warped = cv2.warpPerspective(flat, m, (640, 480))
    mask = cv2.warpPerspective(np.full((240, 320), 255, np.uint8), m, (640, 480)) > 127
    scene[mask] = warped[mask]
    return scene


@pytest.mark.parametrize(("desk_a", "desk_b"), [("brick", "grass"), ("astronaut", "chelsea")])
def test_two_scenes_sharing_one_printed_object_are_refused(desk_a: str, desk_b: str) -> None:
    known = orb_features(_on_desk(desk_a, _ON_A))
    other = orb_features(_on_desk(desk_b, _ON_B))
    # The homography alone accepts them: the card is flat and fills much of both frames.
    assert verify_same_picture(other, known, whole_overlap=False).verified
    verdict = verify_same_picture(other, known)
    assert not verdict.verified
    assert verdict.agreement is not None and verdict.agreement < MIN_AGREEMENT


_COPIES = {
    "asymmetric crop": lambda a: crop_box(a, 0.0, 0.10, 0.15, 0.0),
    "one-side crop": lambda a: crop_box(a, 0.20, 0.0, 0.0, 0.0),
    "perspective": perspective,
    "crop + JPEG 75": lambda a: jpeg(crop_box(a, 0.1, 0.1, 0.1, 0.1), 75),
    "pad 20% white": lambda a: pad(a, (255, 255, 255)),
    "caption bar": caption,
    "screenshot border": screenshot,
}


@pytest.mark.parametrize("name", list(_COPIES))
@pytest.mark.parametrize("desk", ["brick", "astronaut"])
def test_a_copy_of_the_scene_is_still_accepted(name: str, desk: str) -> None:
    scene = _on_desk(desk, _ON_A)
    verdict = verify_same_picture(orb_features(_COPIES[name](scene)), orb_features(scene))
    assert verdict.verified
    assert verdict.agreement is not None and verdict.agreement >= MIN_AGREEMENT


def test_a_rephotographed_print_of_the_known_picture_is_accepted() -> None:
    """The dual case: the known picture is itself the flat object, printed and lying on a
    desk that fills the rest of the query. The overlap is the print, and it agrees."""
    known = orb_features(np.asarray(picture(640, 480, "coffee")))
    photo = orb_features(_on_desk("brick", [[60, 40], [600, 60], [590, 440], [50, 430]]))
    verdict = verify_same_picture(photo, known)
    assert verdict.verified
    assert verdict.agreement is not None and verdict.agreement >= MIN_AGREEMENT


def test_agreement_is_measured_only_when_the_homography_verified() -> None:
    known = orb_features(np.asarray(picture(640, 480, "astronaut")))
    unrelated = orb_features(np.asarray(picture(640, 480, "rocket")))
    assert verify_same_picture(unrelated, known).agreement is None
    empty = OrbFeatures(np.zeros((0, 2), np.float32), np.zeros((0, 32), np.uint8))
    assert verify_same_picture(empty, known) == verify_same_picture(
        empty, known, whole_overlap=False
    )


def test_the_matcher_refuses_the_other_scene_unless_turned_off(
    db: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "known"
    folder.mkdir()
    Image.fromarray(_on_desk("brick", _ON_A)).save(folder / "scene-a.png")
    import_known(db, folder, local_features=True)
    matcher = Matcher.open(db)
    assert matcher.whole_overlap  # the default
    other = tmp_path / "scene-b.png"
    Image.fromarray(_on_desk("grass", _ON_B)).save(other)
    record = hash_file(other, HashOptions(local_features=True))
    assert [m for m in matcher.match_record(record, verify=True) if m.signal == "pdq"] == []
    matcher.whole_overlap = False
    [m] = [m for m in matcher.match_record(record, verify=True) if m.signal == "pdq"]
    assert m.external_id == "scene-a.png" and m.inliers is not None
    copy = tmp_path / "copy.png"
    Image.fromarray(crop_box(_on_desk("brick", _ON_A), 0.0, 0.10, 0.15, 0.0)).save(copy)
    matcher.whole_overlap = True
    found = hash_file(copy, HashOptions(local_features=True))
    assert [
        m.external_id for m in matcher.match_record(found, verify=True) if m.signal == "pdq"
    ] == ["scene-a.png"]


def test_a_deployment_turns_it_off_with_an_environment_variable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from safeguard.service.settings import ServiceSettings

    assert ServiceSettings.load(tmp_path).whole_overlap
    monkeypatch.setenv("SAFEGUARD_WHOLE_OVERLAP", "0")
    settings = ServiceSettings.load(tmp_path)
    assert not settings.whole_overlap
    assert settings.environment()["SAFEGUARD_WHOLE_OVERLAP"] == "0"
