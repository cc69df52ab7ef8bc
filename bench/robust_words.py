"""Learn the visual words of the local-feature shortlist (``matching/local_shortlist.py``)
and write them to ``src/safeguard/matching/data/orb_words.npy``.

The words are k-means centroids (``signals.vlad.learn_codebook``) of ORB descriptors, each
descriptor's 256 bits taken as 0/1 floats, from benign pictures that are **not** among
``bench/robust``'s originals (those are scikit-image samples and the PDQ test vectors):
scikit-learn's two sample photographs and matplotlib's two sample photographs. Nothing is
downloaded. Run once; the file is shipped with the package so every process (bank side and
query side) describes pictures in the same space.

    python -m bench.robust_words            # writes the file, prints a JSON summary
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from PIL import Image

from safeguard.matching.local_shortlist import WORDS, WORDS_FILE
from safeguard.signals.local import OrbOptions, orb_features
from safeguard.signals.vlad import learn_codebook


def sources() -> list[tuple[str, np.ndarray]]:
    import matplotlib
    import sklearn.datasets

    paths = list(sklearn.datasets.load_sample_images().filenames)
    sample = Path(matplotlib.get_data_path()) / "sample_data"
    paths += [str(sample / "grace_hopper.jpg"), str(sample / "Minduka_Present_Blue_Pack.png")]
    out = []
    for p in paths:
        with Image.open(p) as img:
            out.append((Path(p).name, np.asarray(img.convert("RGB"))))
    return out


def learn(words: int = WORDS) -> tuple[np.ndarray, dict[str, int]]:
    descriptors, counts = [], {}
    for name, pixels in sources():
        # Each picture and its half-size copy: more descriptors, at two scales.
        for k, scaled in enumerate((pixels, pixels[::2, ::2])):
            f = orb_features(np.ascontiguousarray(scaled), OrbOptions(max_keypoints=1000))
            descriptors.append(np.unpackbits(f.descriptors, axis=1).astype(np.float32))
            counts[f"{name}@{k}"] = len(f)
    return learn_codebook(np.concatenate(descriptors), words, seed=0, attempts=3), counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=WORDS_FILE)
    args = parser.parse_args()
    words, counts = learn()
    np.save(args.out, words.astype(np.float32))
    print(json.dumps({"words": int(words.shape[0]), "descriptors": counts, "out": str(args.out)}))


if __name__ == "__main__":
    main()
