"""Evidence thumbnails for reviewers: blurred and greyscale unless revealed, made on the
server; reveals counted per reviewer and day."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from PIL import Image
from sqlalchemy import update

from safeguard.access import users
from safeguard.service.console import wellbeing
from safeguard.store.db import Database
from safeguard.store.models import EvidenceReveal
from tests import media_factory
from tests.service.test_console_http import synthetic_jpeg


def _open(data: bytes) -> Image.Image:
    im = Image.open(io.BytesIO(data))
    im.load()
    return im


@pytest.mark.parametrize(("width", "height"), [(800, 600), (300, 900), (7, 7)])
def test_blurred_and_clear_thumbnails_have_the_same_size(width: int, height: int) -> None:
    picture = media_factory.encode(_open(synthetic_jpeg()).resize((width, height)), "PNG")
    blurred, clear = _open(wellbeing.blurred(picture)), _open(wellbeing.revealed(picture))
    assert blurred.size == clear.size
    assert max(clear.size) <= wellbeing.THUMBNAIL_SIDE
    assert blurred.mode == "L"
    assert clear.mode == "RGB"


@pytest.mark.parametrize("source", ["synthetic", "camera"])
def test_the_blurred_thumbnail_keeps_no_detail(source: str) -> None:
    picture = synthetic_jpeg() if source == "synthetic" else media_factory.jpeg(640, 480, source)
    blurred = np.asarray(_open(wellbeing.blurred(picture)), dtype=np.float64)
    original = np.asarray(_open(picture).convert("L"), dtype=np.float64)
    # Mean difference between neighbouring pixels: the texture and edges are gone.
    assert np.abs(np.diff(blurred, axis=1)).mean() < 0.2 * np.abs(np.diff(original, axis=1)).mean()


@pytest.mark.parametrize(
    "data",
    [b"", b"not a picture at all", media_factory.png_declaring(100_000, 100_000)],
    ids=["empty", "garbage", "decompression-bomb"],
)
def test_what_is_not_a_picture_gets_no_preview(data: bytes) -> None:
    with pytest.raises(wellbeing.NoPreview):
        wellbeing.blurred(data)
    with pytest.raises(wellbeing.NoPreview):
        wellbeing.revealed(data)


def test_reveals_are_counted_per_reviewer_since_midnight_utc(db: Database) -> None:
    with db.session() as s:
        a = users.create_user(s, "ann", "a long benign passphrase", "reviewer", "test").id
        b = users.create_user(s, "bob", "a long benign passphrase", "reviewer", "test").id
        for case_id in (1, 2, 2):
            wellbeing.record_reveal(s, a, case_id)
        wellbeing.record_reveal(s, b, 1)
    with db.session() as s:
        s.execute(
            update(EvidenceReveal)
            .where(EvidenceReveal.user_id == b)
            .values(at=datetime.now(UTC) - timedelta(days=1))
        )
    with db.session() as s:
        assert wellbeing.reveals_today(s, a) == 3
        assert wellbeing.reveals_today(s, b) == 0
        assert wellbeing.reveals_today_by_user(s) == {a: 3}
