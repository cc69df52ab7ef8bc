"""Comparing a live stream's frames against the link store, as it runs.

``LiveLinker`` is pure: RGB frames in (with their stream time), ``PlaceSighting``s out.
It checks at most one frame every ``every_s`` seconds of stream time (SIFT, a VLAD
shortlist and a few verifications cost ~0.1-0.3 s a frame on one core), and reports each
stored item at most once per ``cooldown_s``. A sighting carries the evidence a reviewer
needs ("same place as <item>, 214 inliers") and is meant to become a ``review`` decision of
the stream monitor; it is never a reason to terminate a stream on its own.

The stream monitor hashes frames and does not keep their pixels; wiring this in needs the
stream source to hand the RGB of the keyframes it samples to ``LiveLinker.on_frame``
(see docs/link.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from safeguard.link.features import FeatureOptions, features_from_pixels
from safeguard.link.linking import cached_features, top_items
from safeguard.link.store import LinkStore
from safeguard.link.verify import DEFAULT_VERIFY, VerifyOptions, verify
from safeguard.link.vlad import vlad


@dataclass(frozen=True, slots=True)
class PlaceSighting:
    stream_ts: float
    item: str
    path: str
    inliers: int
    model: str
    score: float
    #: Matched region in the frame and in the stored picture (original pixels).
    region_frame: tuple[int, int, int, int] | None
    region_item: tuple[int, int, int, int] | None

    @property
    def reason(self) -> str:
        return f"same place as {self.path} (item {self.item}), {self.inliers} inliers"

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "place",
            "stream_ts": round(self.stream_ts, 3),
            "item": self.item,
            "path": self.path,
            "inliers": self.inliers,
            "model": self.model,
            "score": self.score,
            "regions": {"frame": self.region_frame, "item": self.region_item},
            "reason": self.reason,
        }


class LiveLinker:
    def __init__(
        self,
        store: LinkStore,
        *,
        every_s: float = 2.0,
        cooldown_s: float = 300.0,
        candidates: int = 5,
        features: FeatureOptions | None = None,
        verify_options: VerifyOptions = DEFAULT_VERIFY,
    ) -> None:
        self.store = store
        self.every_s = every_s
        self.cooldown_s = cooldown_s
        self.candidates = candidates
        self.features = features or FeatureOptions()
        self.verify_options = verify_options
        self._rows = store.global_rows()
        self._last_checked: float | None = None
        self._last_reported: dict[str, float] = {}

    def on_frame(self, rgb: npt.NDArray[np.uint8], stream_ts: float) -> list[PlaceSighting]:
        """Sightings of stored places in this frame (empty when it is not checked)."""
        if self.store.codebook is None or len(self._rows.item) == 0:
            return []
        if self._last_checked is not None and stream_ts - self._last_checked < self.every_s:
            return []
        self._last_checked = stream_ts
        frame = features_from_pixels(rgb, self.features)
        q = vlad(frame.rootsift(), self.store.codebook)
        out = []
        for item, view, _ in top_items(q, self._rows, self.candidates):
            last = self._last_reported.get(item)
            if last is not None and stream_ts - last < self.cooldown_s:
                continue
            stored = cached_features(str(self.store.root), item)[view][0]
            v = verify(frame, stored, self.verify_options)
            if not v.linked:
                continue
            self._last_reported[item] = stream_ts
            info = self.store.items.get(item)
            out.append(
                PlaceSighting(
                    stream_ts,
                    item,
                    info.path if info else item,
                    v.inliers,
                    v.model,
                    v.score,
                    v.region_a,
                    v.region_b,
                )
            )
        return sorted(out, key=lambda s: -s.inliers)
