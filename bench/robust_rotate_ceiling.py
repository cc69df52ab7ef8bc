"""What limits ``rotate 4° (frame kept)`` on hash-only lists: for every copy the query-side
variants miss (``bench/robust``'s 330 originals; development data, not held-out), whether
the corner-triangle deskew found the angle, and whether straightening by the **true**
angle (an oracle: the same straightening and fill, the angle given) would bring its PDQ
within the radius of the original's whole-picture hash. The oracle count is the ceiling
of any better angle estimate (Hough lines, angle hypotheses) with this straightening;
the rest is what the turn cut off at the frame. (Written for issue 13's fourth round,
whose one fill was the blur of the surroundings; ``variants.deskew`` now fills with the
edges replicated. ``bench/robust_rotate_fill`` measures every fill.)

    python -m bench.robust_rotate_ceiling
"""

# ruff: noqa: E402 -- the thread limits must be in the environment before numpy loads.
import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import json
from datetime import UTC, datetime
from typing import Any
from unittest import mock

import numpy as np

from bench.robust import RADIUS, _bits, _distances, originals
from bench.robust_transforms import rotate
from safeguard.signals import variants
from safeguard.signals.pdq import pdq_from_pixels

ANGLE = 4.0


def run() -> dict[str, Any]:
    origs = originals(330)
    whole = _bits([h for _, _, h in origs])
    found = missed = angle_right = angle_wrong = angle_none = oracle_gain = 0
    oracle_distances: list[int] = []
    for i, (_, pixels, _) in enumerate(origs):
        q = rotate(pixels, ANGLE)
        hexes = [pdq_from_pixels(q).hash.hex] + [v.hash.hex for v in variants.pdq_variants(q)]
        d = _distances(_bits(hexes), whole[i : i + 1]).min()
        if d <= RADIUS:
            found += 1
            continue
        missed += 1
        est = variants.estimate_rotation(q)
        if est is None:
            angle_none += 1
        elif abs(est[0] - ANGLE) <= 0.5:
            angle_right += 1
        else:
            angle_wrong += 1
        with mock.patch.object(variants, "estimate_rotation", return_value=(ANGLE, 1.0, 1.0)):
            straight = variants.deskew(q)
        if straight is None:
            continue
        od = int(_distances(_bits([pdq_from_pixels(straight).hash.hex]), whole[i : i + 1]).min())
        oracle_distances.append(od)
        oracle_gain += int(od <= RADIUS)
    n = len(origs)
    return {
        "benchmark": "robust-rotate-ceiling",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_average": os.getloadavg(),
        "originals": n,
        "found_by_pdq_and_variants": found,
        "recall": round(found / n, 4),
        "missed": missed,
        "missed_angle_found_within_half_a_degree": angle_right,
        "missed_angle_wrong": angle_wrong,
        "missed_no_angle": angle_none,
        "missed_found_with_the_true_angle": oracle_gain,
        "ceiling_recall_with_the_true_angle": round((found + oracle_gain) / n, 4),
        "oracle_distance_median_of_the_rest": float(
            np.median([x for x in oracle_distances if x > RADIUS] or [0])
        ),
    }


if __name__ == "__main__":
    result = run()
    print(json.dumps(result, indent=2))
