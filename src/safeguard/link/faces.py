"""Faces (optional extra ``[faces]``): detection and 128-d embeddings with dlib.

Detection is dlib's HOG frontal-face detector (no model file); alignment uses the 5-point
landmark model (``shape_predictor_5_face_landmarks.dat``, public domain) and the embedding
dlib's ResNet (``dlib_face_recognition_resnet_model_v1.dat``, 99.38 % on LFW at distance
0.6), both shipped by the ``face-recognition-models`` package and located with
``importlib.resources`` (its own ``__init__`` imports ``pkg_resources``, which setuptools
82 removed, so the package is never imported). The 68-point model in the same package has
a non-commercial licence and is never loaded.

The model was trained on adults. Its authors warn that it mixes up children; it is not
evaluated on children here either. A face link is a suggestion for a trained reviewer.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from safeguard.errors import Unsupported

F32 = npt.NDArray[np.float32]
Box = tuple[int, int, int, int]

#: Face-embedding distance at or under which two faces are linked. dlib's own threshold is
#: 0.6; a stricter one trades recall for fewer wrong links (measured in bench/link.py).
DEFAULT_FACE_THRESHOLD = 0.5
_MODEL_PACKAGE = "face_recognition_models"
_LANDMARKS = "shape_predictor_5_face_landmarks.dat"
_RESNET = "dlib_face_recognition_resnet_model_v1.dat"


class FacesUnavailable(Unsupported):
    code = "faces_unavailable"


@dataclass(frozen=True, slots=True)
class Face:
    #: (left, top, right, bottom) in original pixels.
    box: Box
    #: (128,) float32 embedding; Euclidean distance compares two faces.
    embedding: F32


def faces_available() -> bool:
    return (
        importlib.util.find_spec("dlib") is not None
        and importlib.util.find_spec(_MODEL_PACKAGE) is not None
    )


def _model_file(name: str) -> Path:
    spec = importlib.util.find_spec(_MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise FacesUnavailable(
            "face linking needs the [faces] extra: pip install 'safeguard[faces]'"
        )
    # Located without importing the package (its __init__ needs pkg_resources).
    path = Path(next(iter(spec.submodule_search_locations))) / "models" / name
    if not path.is_file():
        raise FacesUnavailable(f"{_MODEL_PACKAGE} does not ship {name}")
    return path


@lru_cache(maxsize=1)
def _models() -> tuple[Any, Any, Any]:
    try:
        dlib = importlib.import_module("dlib")
    except ImportError:
        raise FacesUnavailable(
            "face linking needs the [faces] extra: pip install 'safeguard[faces]'"
        ) from None
    detector = dlib.get_frontal_face_detector()
    landmarks = dlib.shape_predictor(str(_model_file(_LANDMARKS)))
    resnet = dlib.face_recognition_model_v1(str(_model_file(_RESNET)))
    return detector, landmarks, resnet


def detect_faces(
    rgb: npt.NDArray[np.uint8], *, max_side: int = 1024, upsample: int = 1
) -> list[Face]:
    """Faces in an RGB (or grey) picture, each with its box and embedding."""
    dlib = importlib.import_module("dlib")
    detector, landmarks, resnet = _models()
    if rgb.ndim == 2:
        rgb = np.repeat(rgb[:, :, None], 3, axis=2)
    h, w = rgb.shape[:2]
    scale = max(1.0, max(h, w) / max_side)
    work = rgb
    if scale > 1.0:
        import cv2

        work = np.asarray(
            cv2.resize(rgb, (round(w / scale), round(h / scale)), interpolation=cv2.INTER_AREA),
            np.uint8,
        )
    work = np.ascontiguousarray(work, np.uint8)
    faces: list[Face] = []
    for rect in detector(work, upsample):
        shape = landmarks(work, rect)
        chip = dlib.get_face_chip(work, shape, size=150, padding=0.25)
        emb = np.asarray(resnet.compute_face_descriptor(chip), np.float32)
        box = (
            max(0, int(rect.left() * scale)),
            max(0, int(rect.top() * scale)),
            min(w, int(rect.right() * scale)),
            min(h, int(rect.bottom() * scale)),
        )
        faces.append(Face(box, emb))
    return faces


def chinese_whispers(embeddings: F32, threshold: float) -> list[int]:
    """Cluster labels (one per embedding) by Chinese whispers on the graph of pairs within
    ``threshold`` (dlib's implementation: deterministic, no number of clusters to pick)."""
    if len(embeddings) == 0:
        return []
    dlib = importlib.import_module("dlib")
    vectors = [dlib.vector(e.astype(np.float64).tolist()) for e in embeddings]
    return [int(x) for x in dlib.chinese_whispers_clustering(vectors, threshold)]
