"""The shipped training corpus: conversations from every generator and language, split so
that the test split holds out whole template parts and hard-negative families, written as
labelled JSON lines (``chat/data/conversations_{train,test}.jsonl``).

Each record is a conversation document plus ``label``, ``family``, ``predator``,
``predator_lines`` (indices of the suspect's grooming moves), ``grooming_lines`` and
``cue_lines`` (``{"index", "categories"}``: grooming moves, and benign lines using a
category's surface words), ``register``, ``language``, ``generator`` and ``template_part``
(0/1 in train: its two template folds; 2 in test).

Synthetic data overstates accuracy even so: the test split shares its authors' habits with
train. ``python -m safeguard.chat.training.build [FOLDER]`` rewrites the files; the same
seed gives the same bytes."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

from safeguard.chat.training.generators import GENERATORS, Generator
from safeguard.chat.training.generators.base import Split, finish

SEED = 20261205
LANGUAGES = ("en", "es", "fr", "pl", "de", "it", "pt", "ro")
GROOMING_SHARE = 0.38
# Conversations per language and split; English gets more (three generators).
SIZES: dict[Split, dict[str, int]] = {
    "train": {"en": 900, **{lang: 260 for lang in LANGUAGES[1:]}},
    "test": {"en": 360, **{lang: 90 for lang in LANGUAGES[1:]}},
}


def _generators(language: str) -> list[Generator]:
    return [g for g in GENERATORS if language in g.languages]


def conversations(
    split: Split, seed: int = SEED, sizes: dict[str, int] | None = None
) -> list[dict[str, Any]]:
    """The labelled conversations of one split, deterministic for a seed."""
    out: list[dict[str, Any]] = []
    for language, n in (sizes or SIZES[split]).items():
        gens = _generators(language)
        if not gens:
            continue
        rng = random.Random(f"{seed}:{split}:{language}")
        for i in range(n):
            gen = gens[i % len(gens)]
            if rng.random() < GROOMING_SHARE:
                draft = gen.grooming(rng, split, language)
            else:
                draft = gen.negative(
                    rng, split, language, rng.choice(gen.families(split, language))
                )
            out.append(finish(draft, rng, f"{split}-{language}-{gen.name}-{i:04d}"))
    return out


def write_corpus(folder: Path, seed: int = SEED) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for split in ("train", "test"):
        path = folder / f"conversations_{split}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for doc in conversations(split, seed):
                fh.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n")
        written.append(path)
    return written


def main(argv: list[str]) -> None:
    target = Path(argv[0]) if argv else Path(__file__).parent.parent / "data"
    for p in write_corpus(target):
        print(p, p.stat().st_size)


if __name__ == "__main__":
    main(sys.argv[1:])
