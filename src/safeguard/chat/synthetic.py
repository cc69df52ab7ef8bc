"""The shipped synthetic livestream comment streams, written for this project from templates,
NON-SEXUAL, with a fixed seed. (The conversation corpus is built by
:mod:`safeguard.chat.training.build` from several independent generators.)

Hard negatives share surface signals with abuse-to-order comments (streamers thanking
tippers, crowds cheering a trick). Every phrasing pool is
split by template: phrasings with index % 3 == 2 appear only in the test split; in train,
each conversation uses the phrasings of one of two template parts (index % 3 == 0 or 1), so
training can fit its stacked model out of template fold. No sentence template leaks across.
Synthetic data overstates accuracy: the test split shares the authors' style, vocabulary
and conversation shapes with train.

``python -m safeguard.chat.synthetic`` rewrites ``chat/data/comments_*.jsonl``."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any, Literal

Split = Literal["train", "test"]


def _part(rng: random.Random, split: Split) -> int:
    return 2 if split == "test" else rng.randint(0, 1)


SEED = 20261201

FILL: dict[str, list[str]] = {
    "name": ["sam", "alex", "jo", "mia", "leo", "kai", "ava", "noah", "zoe", "eli", "ivy", "max"],
    "game": ["fortnite", "roblox", "minecraft", "fifa", "valorant", "among us", "rocket league"],
    "app": ["snap", "whatsapp", "telegram", "discord", "kik", "insta", "signal"],
    "place": ["the park", "the mall", "the station", "the cafe", "the cinema", "the library"],
    "time": ["after school", "on saturday", "tomorrow", "tonight", "this weekend", "at 5"],
    "gift": ["robux", "v-bucks", "a gift card", "skins", "gems", "a new headset"],
    "n": ["100", "200", "500", "800", "1000", "50"],
    "food": ["pizza", "tacos", "sushi", "pasta", "burgers"],
    "subject": ["maths", "history", "science", "french", "art"],
}


def _split_pool(pool: list[str], part: int) -> list[str]:
    """Template part 2 is the test split's; parts 0 and 1 are train's two template folds."""
    chosen = [p for i, p in enumerate(pool) if i % 3 == part]
    return chosen or pool


def _fill(rng: random.Random, template: str, **fixed: str) -> str:
    out = template
    for key, values in FILL.items():
        token = "{" + key + "}"
        while token in out:
            out = out.replace(token, fixed.get(key) or rng.choice(values), 1)
    for key, value in fixed.items():
        out = out.replace("{" + key + "}", value)
    return out


def _style(rng: random.Random, text: str) -> str:
    """Light, deterministic variation: case, trailing punctuation, txt-speak."""
    r = rng.random()
    if r < 0.15:
        text = text.replace("you", "u").replace("your", "ur")
    elif r < 0.25:
        text = text.capitalize()
    if rng.random() < 0.2:
        text += rng.choice(["?", "!", " :)", " x", "..."])
    return text


# Livestream comments: abuse-to-order lines, and benign lines that share their surface.
BAD_COMMENTS: list[str] = [
    "how old are you",
    "stand up",
    "turn around",
    "come closer to the camera",
    "i'll tip {n} coins if you stand up",
    "add me on {app} for a private call",
    "how much for a private show",
    "do what i say and i'll send {n} tokens",
    "what grade are you in",
    "move the camera",
    "i can pay $50 on paypal",
    "do it again",
    "{n} diamonds if you turn around",
    "say my name",
    "go to your bedroom",
    "are you alone",
    "dm me on {app}",
    "can you stand up for me",
]
GOOD_COMMENTS: list[str] = [
    "love this song",
    "hi from {place}",
    "gg",
    "lol",
    "sent {n} coins, love the stream",
    "play {game} again",
    "what's the discord server for the community",
    "how old is this game",
    "first!",
    "you're so good at this",
    "can you play wonderwall",
    "thanks for the stream",
    "do that trick again, it was sick",
    "turn up the volume please",
    "what headset do you use",
    "happy birthday to the streamer!!",
    "streamer thanks everyone for the tips",
    "is this a new map",
]


# The same request sent by several viewers within seconds: abuse-to-order brigades, and the
# benign look-alike of a crowd cheering a trick.
BRIGADE_REQUESTS: list[str] = [
    "turn around",
    "stand up",
    "move the camera",
    "come closer",
    "do it again",
    "go to your bedroom",
    "say my name",
    "take off your hoodie",
    "show your room",
]
CROWD_REQUESTS: list[str] = [
    "do that trick again",
    "do it again!!",
    "play wonderwall",
    "do a spin",
    "again again",
    "can you do the dance again",
]


def _burst(
    rng: random.Random, viewers: list[str], text: str, start: float, bad: bool
) -> list[dict[str, Any]]:
    out = []
    for viewer in viewers:
        comment: dict[str, Any] = {
            "viewer": viewer,
            "text": _style(rng, text),
            "ts": round(start + rng.uniform(0, 12), 1),
        }
        if bad:
            comment["bad"] = True
        out.append(comment)
    return out


def comment_streams(split: Split, n: int, seed: int = SEED) -> list[dict[str, Any]]:
    """``n`` comment streams: 40 % with abuse-to-order viewers among normal chatter (half of
    those with three or more such viewers also send one request together); a third of the
    others have a crowd repeating a harmless request."""
    rng = random.Random(f"{seed}:comments:{split}")
    out = []
    for i in range(n):
        part = _part(rng, split)
        bad_pool, good_pool = _split_pool(BAD_COMMENTS, part), _split_pool(GOOD_COMMENTS, part)
        positive = rng.random() < 0.4
        viewers = [f"v{rng.randint(10000, 99999)}" for _ in range(rng.randint(5, 40))]
        bad = set(rng.sample(viewers, min(len(viewers), rng.randint(1, 6)))) if positive else set()
        ts = 0.0
        comments = []
        onset = rng.uniform(20, 200)
        for _ in range(rng.randint(30, 90)):
            ts += rng.expovariate(1 / 3)
            viewer = rng.choice(viewers)
            if viewer in bad and ts >= onset and rng.random() < 0.6:
                text, is_bad = _fill(rng, rng.choice(bad_pool)), True
            else:
                text, is_bad = _fill(rng, rng.choice(good_pool)), False
            comment: dict[str, Any] = {
                "viewer": viewer,
                "text": _style(rng, text),
                "ts": round(ts, 1),
            }
            if is_bad:
                comment["bad"] = True
            comments.append(comment)
        if len(bad) >= 3 and rng.random() < 0.5:
            text = rng.choice(_split_pool(BRIGADE_REQUESTS, part))
            comments.extend(_burst(rng, sorted(bad), text, max(onset, 1.0), True))
        elif not bad and rng.random() < 0.33:
            crowd = rng.sample(viewers, min(len(viewers), rng.randint(3, 8)))
            text = rng.choice(_split_pool(CROWD_REQUESTS, part))
            comments.extend(_burst(rng, crowd, text, rng.uniform(10, max(ts, 11)), False))
        comments.sort(key=lambda c: c["ts"])
        out.append(
            {
                "id": f"{split}-stream-{i:04d}",
                "label": int(any(c.get("bad") for c in comments)),
                "bad_viewers": sorted(bad),
                "template_part": part,
                "comments": comments,
            }
        )
    return out


STREAM_SIZES = {"train": 160, "test": 80}


def write_corpus(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for split in ("train", "test"):
        for name, docs in (
            (f"comments_{split}.jsonl", comment_streams(split, STREAM_SIZES[split])),
        ):
            path = folder / name
            with path.open("w", encoding="utf-8") as fh:
                for doc in docs:
                    fh.write(json.dumps(doc, separators=(",", ":")) + "\n")
            written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "data"
    for p in write_corpus(target):
        print(p, p.stat().st_size)
