"""Reviewer wellbeing: evidence is shown blurred and greyscale unless deliberately revealed.

The blurring happens here, on the server: the page only ever receives the blurred pixels
until the reviewer asks for the clear picture with a POST (CSRF-checked, audited, counted).
The blurred version is a greyscale thumbnail shrunk to ``BLUR_GRID`` pixels across and
smoothed back up, so shapes and colours are gone, not just softened; it stays the same
size as the clear thumbnail so the page does not jump when it is revealed.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, time

from PIL import Image, ImageFilter
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safeguard.signals.decode import ImageLimits, open_image
from safeguard.signals.errors import SignalError
from safeguard.store.models import EvidenceReveal

THUMBNAIL_SIDE = 480
BLUR_GRID = 12
#: How long a revealed picture stays clear in the page before it is blurred again.
REBLUR_SECONDS = 6
#: From this many reveals in a day, the case page suggests a break (it does not block).
REVEALS_BEFORE_NOTICE = 25
# Evidence was accepted at upload under the service's limits; the console only needs a
# thumbnail and refuses anything bigger than this outright.
_LIMITS = ImageLimits(max_bytes=64 * 1024 * 1024, max_pixels=64_000_000, min_side=1)


class NoPreview(Exception):
    """The evidence is not a picture the console can make a thumbnail of (a video, say)."""

    code = "no_preview"


def _thumbnail(data: bytes) -> Image.Image:
    try:
        im = open_image(data, _LIMITS)
        im.draft("RGB", (THUMBNAIL_SIDE, THUMBNAIL_SIDE))  # JPEG: decode at reduced size
        im = im.convert("RGB")
    except (SignalError, OSError, ValueError) as e:
        raise NoPreview(f"no preview: {e}") from None
    im.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
    return im


def _jpeg(im: Image.Image) -> bytes:
    out = io.BytesIO()
    im.save(out, "JPEG", quality=85)
    return out.getvalue()


def blurred(data: bytes) -> bytes:
    """A greyscale JPEG thumbnail with every detail removed."""
    im = _thumbnail(data).convert("L")
    w, h = im.size
    grid = (
        (BLUR_GRID, max(1, round(BLUR_GRID * h / w)))
        if w >= h
        else (
            max(1, round(BLUR_GRID * w / h)),
            BLUR_GRID,
        )
    )
    small = im.resize(grid, Image.Resampling.BOX)
    smooth = small.resize((w, h), Image.Resampling.BILINEAR)
    return _jpeg(smooth.filter(ImageFilter.GaussianBlur(radius=max(w, h) / 40)))


def revealed(data: bytes) -> bytes:
    """The clear colour thumbnail (sent only after a deliberate, audited reveal)."""
    return _jpeg(_thumbnail(data))


def record_reveal(session: Session, user_id: int, case_id: int) -> None:
    session.add(EvidenceReveal(user_id=user_id, case_id=case_id))
    session.flush()


def _midnight(now: datetime | None) -> datetime:
    return datetime.combine((now or datetime.now(UTC)).date(), time(0), tzinfo=UTC)


def reveals_today(session: Session, user_id: int, now: datetime | None = None) -> int:
    """How many times this reviewer has revealed evidence since midnight UTC."""
    midnight = _midnight(now)
    return int(
        session.scalar(
            select(func.count()).where(
                EvidenceReveal.user_id == user_id, EvidenceReveal.at >= midnight
            )
        )
        or 0
    )


def reveals_today_by_user(session: Session, now: datetime | None = None) -> dict[int, int]:
    """Every reviewer's reveals since midnight UTC (for admins watching exposure)."""
    rows = session.execute(
        select(EvidenceReveal.user_id, func.count())
        .where(EvidenceReveal.at >= _midnight(now))
        .group_by(EvidenceReveal.user_id)
    ).all()
    return {int(user_id): int(n) for user_id, n in rows}
