"""The shipped synthetic corpus: conversations and livestream comment streams written for
this project from templates, NON-SEXUAL, with a fixed seed.

Grooming conversations walk some of the strategy categories in stage order amid small talk;
hard negatives share surface signals with grooming (friends planning a surprise, parents and
children, teammates trading game gifts, adults arranging a date, coaches arranging practice,
friends moving a chat to another app, streamers thanking tippers). Every phrasing pool is
split by template: phrasings with index % 3 == 2 appear only in the test split; in train,
each conversation uses the phrasings of one of two template parts (index % 3 == 0 or 1), so
training can fit its stacked model out of template fold. No sentence template leaks across.
Synthetic data overstates accuracy: the test split shares the authors' style, vocabulary
and conversation shapes with train.

``python -m safeguard.chat.synthetic`` rewrites ``chat/data/*.jsonl``."""

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

# Grooming moves by category, as the adult writes them. NON-SEXUAL by construction.
GROOMING: dict[str, list[str]] = {
    "age_probing": [
        "how old are you btw",
        "what year are you in at school",
        "so are you like 12 or 13",
        "asl?",
        "you seem older than you are, how old r u",
        "what grade r u in",
        "when is your birthday, how old will you be",
        "are you still in school",
        "u look young in ur pic, whats ur age",
    ],
    "personal_info": [
        "where do you live",
        "what town are you in",
        "what school do you go to",
        "what time do you get home from school",
        "do you walk home on your own",
        "whats your real name",
        "which area do you live in",
        "what bus do you take home",
        "send me your address, i want to post you something",
    ],
    "flattery_romance": [
        "you are so mature for your age",
        "you're really pretty",
        "you're not like other kids, you're special",
        "i cant stop thinking about you",
        "we have a special connection",
        "honestly you are the best thing that happened to me",
        "you are so much smarter than people your age",
        "i think i love you",
        "you deserve someone who treats you right",
    ],
    "gifts_money": [
        "i can buy you {gift} if you want",
        "want me to send you {n} robux",
        "i'll get you a gift card, just for you",
        "i sent you some money, treat yourself",
        "i could top up your phone credit",
        "i got a present for you",
        "need some v-bucks? i'll get them for you",
        "i can pay for your new game",
        "do you want a new phone? i can get you one",
    ],
    "isolation": [
        "your parents don't understand you like i do",
        "only i really understand you",
        "your friends are so fake",
        "you don't need them, you have me",
        "nobody gets you like i do",
        "i'm all you need",
        "your mum is so strict with you",
        "they just don't care about you the way i do",
        "you can only trust me",
    ],
    "secrecy": [
        "don't tell anyone about us",
        "this is our little secret ok",
        "keep this between you and me",
        "delete our chat after ok",
        "nobody needs to know we talk",
        "don't show this to your mum",
        "your parents wouldn't understand so keep it quiet",
        "clear your history when we're done",
        "it's just for us, no one else",
    ],
    "risk_assessment": [
        "are you home alone",
        "is anyone home with you",
        "do your parents check your phone",
        "who else uses your laptop",
        "is your door locked",
        "when do your parents get home",
        "do you have your own room",
        "where are your parents right now",
        "does your mum read your messages",
    ],
    "platform_move": [
        "add me on {app}, it's easier",
        "let's talk on {app} instead",
        "whats your {app}",
        "dm me on {app}",
        "let's move to {app}, this app is rubbish",
        "my {app} is {name}_{n}",
        "download telegram so we can chat in private",
        "let's go somewhere more private",
        "we should talk on {app} where no one sees",
    ],
    "photo_camera": [
        "send me a pic",
        "turn on your camera",
        "can i see you on cam",
        "what do you look like",
        "send a selfie",
        "let's video call",
        "show me your room",
        "take a photo for me",
        "i want to see you, send one",
    ],
    "meeting": [
        "we should meet up {time}",
        "i can pick you up from school",
        "let's meet at {place} {time}",
        "i'll drive to your town",
        "when can i see you for real",
        "meet me outside {place}",
        "i'll be near your area {time}",
        "can you sneak out tonight",
        "i want to meet you in person",
    ],
    "pressure": [
        "come on, just do it for me",
        "you promised",
        "if you really liked me you would",
        "don't be a baby",
        "why are you ignoring me",
        "answer me",
        "i've done so much for you",
        "hurry up",
        "no one will find out, stop worrying",
    ],
    "threats_extortion": [
        "do it or i'll tell your parents",
        "i'll show everyone our chat",
        "you'll regret it",
        "i know where you live",
        "everyone at your school will see",
        "i'll post it if you don't answer",
        "pay me or i'll share the chat",
        "you'll be sorry",
        "if you block me i'll tell your friends",
    ],
}

STAGE_ORDER = [
    ["age_probing", "personal_info"],
    ["flattery_romance", "gifts_money"],
    ["isolation", "secrecy", "risk_assessment", "platform_move"],
    ["photo_camera", "meeting", "pressure", "threats_extortion"],
]

CHILD_REPLIES = [
    "{age}",
    "im {age}",
    "idk",
    "ok",
    "why",
    "lol",
    "my mum is at work",
    "i have to do homework",
    "maybe",
    "i dont know you that well",
    "ok i wont tell",
    "thanks!!",
    "i have to go",
    "i'm not sure",
    "what do you mean",
    "ok sure",
    "my dad says i cant",
    "haha",
    "cool",
    "no",
    "year 8",
    "sorry i was eating",
]

SMALL_TALK = [
    "hey",
    "hi how are you",
    "what are you up to",
    "did you play {game} today",
    "lol same",
    "that's so funny",
    "i'm bored",
    "what music do you like",
    "i had {food} for dinner",
    "school was so boring today",
    "do you have a dog",
    "i love that show",
    "what's your favourite game",
    "i got a new high score",
    "gg",
    "how was your day",
    "it's raining here",
    "i'm watching a film",
    "did you finish the {subject} homework",
    "brb",
    "ok back",
    "night",
    "good morning",
    "that level is so hard",
    "nice",
]

# Hard negatives: families whose lines share surface signals with grooming.
NEGATIVE_FAMILIES: dict[str, list[str]] = {
    "surprise_party": [
        "don't tell {name} about the party",
        "it's a surprise so keep it secret",
        "keep this between us until saturday",
        "let's meet at {place} at 5 to set up",
        "i got a present for her",
        "nobody tell {name}, she'll find out",
        "delete this chat before she sees her phone",
        "can you bring the cake",
        "she's going to love it",
    ],
    "parent_child": [
        "where are you?",
        "are you home alone? dad is late",
        "i'll pick you up from school at 3",
        "send me a pic of the permission slip",
        "love you, see you later",
        "did you lock the door",
        "is anyone home with you",
        "what time do you finish school today",
        "don't tell your brother about his present",
    ],
    "game_gifts": [
        "i'll send you {n} robux for the skin",
        "add me on discord for the raid",
        "want me to gift you the battle pass",
        "trade me your sword for {n} gems",
        "gg that was close",
        "i got you a gift card for your birthday",
        "join my squad on {game}",
        "whats your {app}, we need a fifth player",
        "i can buy you the skin if you carry me",
    ],
    "adult_date": [
        "you're really pretty, i had fun last night",
        "how old are you? i'm 34",
        "we should meet up for dinner {time}",
        "what's your number",
        "i can't stop thinking about you",
        "let's meet at {place} at 8",
        "i'll drive to your town on friday",
        "send me a selfie from the trip",
        "i think i love you",
    ],
    "coach_practice": [
        "practice is at 5 at the field",
        "parents please sign the form",
        "i can pick you up if your mum is working, i'll text her",
        "what year are you in now, under 12s or under 14s",
        "bring your boots and water",
        "the team photo is on saturday",
        "we meet at {place} for the away game",
        "great effort today, really proud of the team",
        "tell your parents the match moved to 10",
    ],
    "move_app": [
        "add me on {app}",
        "let's move to {app}, this app is rubbish",
        "whats your {app}",
        "dm me on {app} the group is there",
        "my {app} is {name}_{n}",
        "download telegram, the class group is there",
        "switch to discord for the study group",
        "the group chat is on whatsapp now",
        "i'll add you to the {app} group",
    ],
}

NEG_REPLIES = [
    "ok!",
    "sounds good",
    "haha yes",
    "i won't say anything",
    "see you there",
    "thanks",
    "cool",
    "lol ok",
    "i'm {age2}",
    "sure",
    "on my way",
    "got it",
]


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


def _ids(rng: random.Random) -> tuple[str, str]:
    a, b = rng.sample(range(1000, 9999), 2)
    return f"u{a}", f"u{b}"


def _participants(
    rng: random.Random, a: str, b: str, age_a: int, age_b: int, role_a: str, role_b: str
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for pid, age, role in ((a, age_a, role_a), (b, age_b, role_b)):
        doc: dict[str, Any] = {"id": pid}
        if rng.random() < 0.5:
            doc["age"] = age
        if rng.random() < 0.3:
            doc["role"] = role
        out.append(doc)
    return out


def _grooming(rng: random.Random, split: Split, cid: str) -> dict[str, Any]:
    part = _part(rng, split)
    adult, child = _ids(rng)
    age = rng.randint(11, 15)
    n_moves = rng.randint(2, 8)
    stages = []
    for group in STAGE_ORDER:
        k = rng.randint(0, min(2, len(group)))
        stages.extend(rng.sample(group, k))
    moves = stages[:n_moves] if len(stages) >= 2 else ["age_probing", "secrecy"]
    if rng.random() < 0.15 and len(moves) > 2:  # some groomers go out of order
        i, j = rng.sample(range(len(moves)), 2)
        moves[i], moves[j] = moves[j], moves[i]
    messages: list[dict[str, Any]] = []
    lines: list[int] = []
    ts = float(rng.randint(1_700_000_000, 1_760_000_000))
    for _ in range(rng.randint(2, 6)):
        messages.append(_msg(rng, rng.choice([adult, child]), SMALL_TALK, part, ts))
        ts += rng.expovariate(1 / 60)
    for move in moves:
        for _ in range(rng.randint(0, 3)):
            messages.append(_msg(rng, rng.choice([adult, child]), SMALL_TALK, part, ts))
            ts += rng.expovariate(1 / 90)
        lines.append(len(messages))
        messages.append(_msg(rng, adult, GROOMING[move], part, ts))
        ts += rng.expovariate(1 / 40)
        if rng.random() < 0.8:
            reply = _fill(
                rng, rng.choice(_split_pool(CHILD_REPLIES, part)).replace("{age}", str(age))
            )
            messages.append({"author": child, "text": _style(rng, reply), "ts": round(ts, 1)})
            ts += rng.expovariate(1 / 40)
    for _ in range(rng.randint(0, 3)):
        messages.append(_msg(rng, rng.choice([adult, child]), SMALL_TALK, part, ts))
        ts += rng.expovariate(1 / 60)
    return {
        "id": cid,
        "participants": _participants(
            rng, adult, child, rng.randint(22, 55), age, "adult", "child"
        ),
        "messages": messages,
        "label": 1,
        "family": "grooming",
        "predator": adult,
        "predator_lines": lines,
        "template_part": part,
    }


def _msg(rng: random.Random, author: str, pool: list[str], part: int, ts: float) -> dict[str, Any]:
    text = _style(rng, _fill(rng, rng.choice(_split_pool(pool, part))))
    return {"author": author, "text": text, "ts": round(ts, 1)}


def _negative(rng: random.Random, split: Split, cid: str, family: str) -> dict[str, Any]:
    part = _part(rng, split)
    a, b = _ids(rng)
    if family == "parent_child":
        ages, roles = (rng.randint(32, 55), rng.randint(9, 15)), ("parent", "child")
    elif family == "coach_practice":
        ages, roles = (rng.randint(25, 50), rng.randint(10, 15)), ("coach", "child")
    elif family == "adult_date":
        ages, roles = (rng.randint(24, 50), rng.randint(24, 50)), ("adult", "adult")
    elif family == "benign":
        young = rng.random() < 0.5
        ages = (rng.randint(11, 16), rng.randint(11, 16)) if young else (30, 33)
        roles = ("child", "child") if young else ("adult", "adult")
    else:
        young = rng.random() < 0.6
        ages = (rng.randint(11, 16), rng.randint(11, 16)) if young else (25, 28)
        roles = ("child", "child") if young else ("adult", "adult")
    pool = NEGATIVE_FAMILIES.get(family, [])
    messages: list[dict[str, Any]] = []
    ts = float(rng.randint(1_700_000_000, 1_760_000_000))
    n = rng.randint(6, 30)
    for _ in range(n):
        r = rng.random()
        author = rng.choice([a, b])
        if pool and r < 0.45:
            messages.append(_msg(rng, author, pool, part, ts))
        elif r < 0.6:
            reply = rng.choice(_split_pool(NEG_REPLIES, part)).replace("{age2}", str(ages[1]))
            messages.append({"author": author, "text": _style(rng, reply), "ts": round(ts, 1)})
        else:
            messages.append(_msg(rng, author, SMALL_TALK, part, ts))
        ts += rng.expovariate(1 / 60)
    return {
        "id": cid,
        "participants": _participants(rng, a, b, ages[0], ages[1], roles[0], roles[1]),
        "messages": messages,
        "label": 0,
        "family": family,
        "predator": None,
        "predator_lines": [],
        "template_part": part,
    }


def conversations(split: Split, n: int, seed: int = SEED) -> list[dict[str, Any]]:
    """``n`` conversations of a split: 30 % grooming, 55 % hard negatives, 15 % benign."""
    rng = random.Random(f"{seed}:{split}")
    out = []
    families = [*NEGATIVE_FAMILIES]
    for i in range(n):
        cid = f"{split}-{i:04d}"
        r = rng.random()
        if r < 0.30:
            out.append(_grooming(rng, split, cid))
        elif r < 0.85:
            out.append(_negative(rng, split, cid, rng.choice(families)))
        else:
            out.append(_negative(rng, split, cid, "benign"))
    return out


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


SIZES = {"train": 700, "test": 350}
STREAM_SIZES = {"train": 160, "test": 80}


def write_corpus(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for split in ("train", "test"):
        for name, docs in (
            (f"conversations_{split}.jsonl", conversations(split, SIZES[split])),
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
