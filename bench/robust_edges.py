"""Query variants on pictures with and without a uniform edge of their own (the known hard
case of issue 13): recall at 31 of PDQ + variants against whole-picture hashes only (a
shared, hash-only list), split by whether the original itself has a trimmable band or a
corner fill. Writes ``bench/results/robust-own-edges.json``."""

import json
from pathlib import Path

import numpy as np

from bench.robust import originals
from bench.robust_transforms import TRANSFORMS
from safeguard.signals.pdq import PdqHash, pdq_from_pixels
from safeguard.signals.variants import estimate_rotation, pdq_variants, trim_box

o = originals(330)
own_edge = []
for _, p, _ in o:
    h, w = p.shape[:2]
    own_edge.append(
        trim_box(p) != (0, h, 0, w)
        or trim_box(p, lax=True) != (0, h, 0, w)
        or estimate_rotation(p) is not None
    )
own_edge = np.array(own_edge)
out = {"originals": len(o), "with_own_uniform_edge_or_corner_fill": int(own_edge.sum())}
for t in [
    "pad 20% black",
    "pad 20% white",
    "caption bar 15%",
    "rotate 4° (frame kept)",
    "rotate 4° (canvas grown)",
]:
    hit = []
    for _, p, h in o:
        q = TRANSFORMS[t](p)
        r = pdq_from_pixels(q)
        hs = [r.hash] + [v.hash for v in pdq_variants(q)]
        hit.append(min(x.distance(PdqHash.from_hex(h)) for x in hs) <= 31)
    hit = np.array(hit)
    out[t] = {
        "recall_without_own_edge": round(float(hit[~own_edge].mean()), 4),
        "recall_with_own_edge": round(float(hit[own_edge].mean()), 4) if own_edge.any() else None,
    }
text = json.dumps(out, indent=1)
print(text)
Path("bench/results/robust-own-edges.json").write_text(text + "\n")
