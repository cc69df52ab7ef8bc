"""Shared objects: a matched region that links pictures of several unrelated places.

Identical objects stand in many places: a poster printed many times, a window onto the
same street, furniture from one catalogue, a tiled wall. When one fills much of the view
two pictures share, every geometric test passes (its keypoints are distinctive, its plane
is one, it covers a third or more of the overlap), and two places link. The pictures alone
cannot tell an object from a place; the collection can. A place is where it is: the
region of picture *x* that matched picture *y* matches no picture of a third, unrelated
place. An object is everywhere: the same region of *x* matches a picture *z* that is
neither *y*'s place nor *x*'s.

``linking.shared_object_links`` runs that test (the "hub" test) with the pieces here.
For a candidate link whose matched planar region covers under
``HubOptions.max_region_cover`` of the shared view (a link resting on an object-sized
region; a re-photograph that agrees throughout is never questioned), the descriptors
of *x*'s matched region make a VLAD query of their own, searched over the store
(``region_similarities``: the cosine over the region's visual words only, so a picture
holding the object among much else is found); the ``candidates`` nearest items
outside the link components of *x* and *y* are verified against *x*. A holder is a
candidate whose homography agrees on *x*'s region with enough distinctive inliers,
whatever the other tests say of the pair as a whole (that is what a shared object is:
it passes as an object and fails as a place), unless the pair agrees as a place (a
view of *x*'s own place the shortlist missed). Both sides of the link are searched
(*y*'s region too). A link with a holder is refused, and kept in the store's
``objects.jsonl`` with its holders, for a reviewer.

The search runs over what is stored when the link is made, old and new items alike, so
it is incremental; an object stored once, in one other place, is found only when a third
holder is stored (``docs/link.md``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from safeguard.link.features import PlaceFeatures
from safeguard.link.verify import F32, Box, Verification, VerifyOptions
from safeguard.signals.vlad import vlad


@dataclass(frozen=True, slots=True)
class HubOptions:
    #: Links whose region cover (``Verification.region_cover``) is below this are
    #: questioned (0 turns the test off). Wrong links that pass every other test
    #: cover 0.31-0.42 of the shared view; see ``bench/link_hub.py``.
    max_region_cover: float = 0.5
    #: Items verified against each side's region.
    candidates: int = 4
    #: Homography inliers, on the questioned region, that make a holder.
    min_inliers: int = 15
    #: Share of the questioned region (its box) that the holder's matched region covers,
    #: and share of the holder's matched region inside the questioned box.
    min_region_share: float = 0.5
    #: Distinct holders (over both sides) that refuse a link. One was enough at first;
    #: on 3-D views the one holder is mostly an unlinked view of the link's own place:
    #: on the v8 store 392 of the 443 right links refused had only own-place holders,
    #: and two holders refuse 121 right links against 49 wrong ones (1: 443 and 64;
    #: of those 64, the overlay test refuses 63). The price: v5's two wrong links
    #: (a shared poster and window, one holder each) are no longer refused by it.
    min_holders: int = 2


DEFAULT_HUB = HubOptions()


def questioned(v: Verification, options: HubOptions = DEFAULT_HUB) -> bool:
    """Whether a link's evidence rests on an object-sized region and must be searched."""
    return (
        v.linked
        and options.max_region_cover > 0
        and v.model == "homography"
        and v.region_cover is not None
        and v.region_cover < options.max_region_cover
    )


def _inside(f: PlaceFeatures, box: Box) -> npt.NDArray[np.bool_]:
    p = f.points * f.scale
    return np.asarray(
        (p[:, 0] >= box[0]) & (p[:, 0] <= box[2]) & (p[:, 1] >= box[1]) & (p[:, 1] <= box[3]),
        np.bool_,
    )


def region_vector(f: PlaceFeatures, box: Box, codebook: F32) -> F32:
    """The VLAD vector of the descriptors inside ``box`` (original pixels) of ``f``."""
    return vlad(f.rootsift()[_inside(f, box)], codebook)


def word_energy(stored: npt.NDArray[np.generic], words: int) -> F32:
    """Each stored vector's squared norm within each visual word, (n, words): what
    ``region_similarities`` divides by. A caller that searches the same vectors again and
    again (live linking) computes it once: it is most of a search's work."""
    n, dim = stored.shape
    out = np.empty((n, words), np.float32)
    for start in range(0, n, 2048):
        s = np.asarray(stored[start : start + 2048], np.float32)
        out[start : start + len(s)] = (s.reshape(len(s), words, dim // words) ** 2).sum(axis=2)
    return out


def region_similarities(
    stored: npt.NDArray[np.generic], queries: F32, words: int, energy: F32 | None = None
) -> F32:
    """Cosine of each region vector (rows of ``queries``) with each stored vector, over
    the visual words the region uses only: a picture that holds the object among much
    else scores as high as a close-up of it (a plain dot product is diluted by the rest of
    the picture's words). ``words`` is the codebook size (vectors are words x 128);
    ``energy``: the stored vectors' ``word_energy``, when the caller keeps it."""
    n, dim = stored.shape
    block = dim // words
    used = (np.abs(queries.reshape(len(queries), words, block)).sum(axis=2) > 0).astype(np.float32)
    out = np.empty((len(queries), n), np.float32)
    for start in range(0, n, 2048):
        s = np.asarray(stored[start : start + 2048], np.float32)
        e = (
            (s.reshape(len(s), words, block) ** 2).sum(axis=2)  # (chunk, words)
            if energy is None
            else energy[start : start + len(s)]
        )
        norms = np.sqrt(np.maximum(used @ e.T, 1e-12))
        out[:, start : start + len(s)] = (queries @ s.T) / norms
    return out


def share(inner: Box, outer: Box) -> float:
    """The area of ``inner`` that ``outer`` covers, over the area of ``inner``."""
    w = min(inner[2], outer[2]) - max(inner[0], outer[0])
    h = min(inner[3], outer[3]) - max(inner[1], outer[1])
    area = max(1, (inner[2] - inner[0]) * (inner[3] - inner[1]))
    return max(0, w) * max(0, h) / area


def holds(v: Verification, box: Box, options: HubOptions = DEFAULT_HUB) -> bool:
    """Whether a verification of the searched picture (first) against a candidate, with
    ``object_options``, finds the object in ``box``: a homography with enough distinctive
    inliers whose region covers most of the box and lies mostly inside it (a candidate
    that agrees beyond the object is a view of the same place, not a holder). Nor is a
    candidate that links as a place (over ``max_region_cover`` or more of the shared
    view): a view of the searched picture's own place, missed by the shortlist."""
    if v.linked and (v.region_cover is None or v.region_cover >= options.max_region_cover):
        return False
    return (
        v.model == "homography"
        and v.inliers >= options.min_inliers
        and v.region_a is not None
        and share(box, v.region_a) >= options.min_region_share
        and share(v.region_a, box) >= options.min_region_share
        and v.distinct is not None
        and v.distinct >= 0.5 * v.inliers
    )


def object_options(o: VerifyOptions, options: HubOptions = DEFAULT_HUB) -> VerifyOptions:
    """Verification options for finding an object: the same matching, model fits and
    tests, with the inlier bar of ``HubOptions.min_inliers`` and no inlier-ratio test
    (an object is a small part of both pictures, so most matches are elsewhere)."""
    return replace(o, min_homography_inliers=options.min_inliers, min_inlier_ratio=0.0)
