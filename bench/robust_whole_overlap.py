"""What asking for agreement over the whole overlap costs a verification, and what it
does to the pairs it is meant for (issue 13, "the same picture or the same flat object").

For the first ``--originals`` of bench/robust's originals and three transforms that only
local verification finds (asymmetric crop, one-side crop, perspective), each copy is
verified against its own original with ``whole_overlap`` off and on, interleaved, timed
in process; so is every tile of ``misc-images/c.png`` against every tile of
``reg-test-input/pen-and-coaster.png`` (two photographs of the same printed coaster).
Prints JSON: ms per verification both ways, own copies accepted both ways, coaster pairs
accepted both ways, and the agreement figures."""

from __future__ import annotations

import argparse
import json
import os
import time
from datetime import UTC, datetime
from typing import Any

import numpy as np

from bench.robust import TRANSFORMS, originals
from safeguard.signals.local import orb_features, verify_same_picture

COPIES = (
    "crop asymmetric (15% left, 10% bottom)",
    "crop one side (20% top)",
    "perspective 6%",
)
#: Agreement bars reported beside the default ``MIN_AGREEMENT`` (what a stricter or looser
#: bar would do; not a choice made on these figures).
BARS = (0.4, 0.45, 0.5, 0.55, 0.6, 0.65)
COASTER = ("pdq:misc-images/c.png", "pdq:reg-test-input/pen-and-coaster.png")


def _timed(q: Any, c: Any, whole: bool, spent: list[float]) -> Any:
    t = time.perf_counter()
    v = verify_same_picture(q, c, whole_overlap=whole)
    spent.append((time.perf_counter() - t) * 1e3)
    return v


def run(limit: int) -> dict[str, Any]:
    origs = originals(330)
    base = [label.split("[")[0] for label, _, _ in origs]
    feats = [orb_features(p) for _, p, _ in origs]
    off: list[float] = []
    on: list[float] = []
    own: dict[str, dict[str, int]] = {}
    agreements: list[float] = []
    for name in COPIES:
        counts = {"copies": 0, "accepted_without": 0, "accepted_with": 0}
        for i in range(min(limit, len(origs))):
            q = orb_features(TRANSFORMS[name](origs[i][1]))
            a = _timed(q, feats[i], False, off)
            b = _timed(q, feats[i], True, on)
            counts["copies"] += 1
            counts["accepted_without"] += int(a.verified)
            counts["accepted_with"] += int(b.verified)
            if b.agreement is not None:
                agreements.append(b.agreement)
        own[name] = counts
    left = [i for i, b in enumerate(base) if b == COASTER[0]]
    right = [i for i, b in enumerate(base) if b == COASTER[1]]
    coaster = {"pairs": 0, "accepted_without": 0, "accepted_with": 0}
    bad: list[float] = []
    for i in left:
        for j in right:
            for q, c in ((feats[i], feats[j]), (feats[j], feats[i])):
                a = _timed(q, c, False, off)
                b = _timed(q, c, True, on)
                coaster["pairs"] += 1
                coaster["accepted_without"] += int(a.verified)
                coaster["accepted_with"] += int(b.verified)
                if a.verified and b.agreement is not None:
                    bad.append(b.agreement)

    def at(values: list[float], bar: float) -> int:
        return sum(v >= bar for v in values)

    return {
        "benchmark": "robust_whole_overlap",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_average": os.getloadavg(),
        "verifications": len(on),
        "ms_per_verification_without": round(float(np.median(off)), 3),
        "ms_per_verification_with": round(float(np.median(on)), 3),
        "ms_mean_without": round(float(np.mean(off)), 3),
        "ms_mean_with": round(float(np.mean(on)), 3),
        "own_copies": own,
        "own_agreement_p1_p5_median": [
            round(float(np.percentile(agreements, p)), 3) for p in (1, 5, 50)
        ]
        if agreements
        else None,
        "coaster_tile_pairs": coaster,
        "own_copies_accepted_at_bar": {str(b): at(agreements, b) for b in BARS},
        "coaster_pairs_accepted_at_bar": {str(b): at(bad, b) for b in BARS},
        "coaster_agreement_median_max": [round(float(np.median(bad)), 3), round(max(bad), 3)]
        if bad
        else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--originals", type=int, default=330)
    args = parser.parse_args()
    print(json.dumps(run(args.originals), indent=2))


if __name__ == "__main__":
    main()
