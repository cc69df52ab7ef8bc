"""Generator "scenes": whole scripted scenes, both sides written together, so replies fit
what was said (the child deflects, the parent answers, the seller haggles).

A scene is a list of turns ``"A|categories|text"`` (``A`` the first speaker, the suspect in
grooming scenes; ``B`` the other). Generating one picks a scene of the conversation's
template part, fills its slots, may drop some of B's replies (one-sided chats), and adds a
little small talk. Scenes are their own template unit: every scene, and so every family
that has scenes only in part 2, belongs to the test split alone. NON-SEXUAL by construction."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from safeguard.chat.training.generators.base import (
    STYLE_REGISTERS,
    Draft,
    Person,
    Split,
    fill,
    parse_cue,
    part_for,
    pick,
    pool_part,
    two_ids,
)

NAME = "scenes"
_SCRIPTS = resources.files("safeguard.chat.training.generators") / "scripts"
LANGUAGES = ("en", *sorted(p.name[:-5] for p in _SCRIPTS.iterdir() if p.name.endswith(".json")))

Scene = tuple[str, tuple[int, int], tuple[int, int], list[str]]

NAMES = ["jay", "tilly", "ben", "poppy", "alfie", "maisie", "reece", "holly", "dan", "erin"]
SLOTS: dict[str, list[str]] = {
    "app": ["snap", "whatsapp", "discord", "telegram", "kik", "insta"],
    "place": ["the retail park", "the big tesco", "the rec", "the youth club", "the train station"],
    "game": ["roblox", "fortnite", "minecraft", "fc 25", "among us"],
    "n": ["5", "10", "30", "400", "1000"],
    "name": NAMES,
}
FILLER = ["lol", "haha", "brb", "ok back", "wait what", "hmm", "yeah", "cool", "same tbh"]

# (register, age ranges A/B, turns). Grooming: A is the suspect.
GROOMING: list[Scene] = [
    (
        "slow",
        (25, 50),
        (11, 14),
        [
            "A||hey saw your drawing on the art page, it's really good",
            "B||thanks!! i did it in like an hour",
            "A|flattery_romance|no way, you're more talented than most adults i know",
            "B||haha thanks",
            "A||how long have you been drawing",
            "B||since i was little",
            "A|age_probing|so how old are you now",
            "B||12",
            "A|flattery_romance|wow you seem way older, really mature",
            "A|platform_move|i could send you some tips, got {app}?",
            "B||yeah",
            "A|secrecy|cool, maybe don't mention it to your parents, they might think it's weird",
        ],
    ),
    (
        "gaming",
        (19, 40),
        (10, 14),
        [
            "A||gg that was a sick round",
            "B||ty",
            "A||wanna duo again",
            "B||sure",
            "A|gifts_money|if we win i'll gift you {n} robux",
            "B||fr??",
            "A|gifts_money|yeah fr, just need your user",
            "A|age_probing|how old r u anyway, u sound young on mic",
            "B||11",
            "A|platform_move|add me on {app} so we can call while we play",
            "A|secrecy|dont tell ur mum about the robux tho or she'll make u give them back",
        ],
    ),
    (
        "threats",
        (20, 45),
        (12, 15),
        [
            "A||hey remember me",
            "B||who is this",
            "A|platform_move|we talked on {app} last week",
            "B||oh",
            "A|photo_camera|send me another photo",
            "B||no i don't want to",
            "A|pressure|you did before, don't be difficult",
            "B||please leave me alone",
            "A|threats_extortion|if you block me i'll send our chat to everyone in your year",
            "A|threats_extortion|i know which school you go to",
        ],
    ),
    (
        "quick",
        (22, 60),
        (11, 15),
        [
            "A|age_probing|hi how old are u",
            "B||13",
            "A|risk_assessment|cool r u home alone",
            "A|platform_move|add me on {app}",
            "A|photo_camera|send a pic",
        ],
    ),
    (
        "peer_impostor",
        (21, 45),
        (12, 14),
        [
            "A|age_probing|hey im 14 too, saw you in the {game} group",
            "B||oh hi",
            "A|personal_info|which school do u go to, i think i'm near you",
            "B||st marys",
            "A|flattery_romance|no way thats so close, you seem really cool",
            "A|risk_assessment|do ur parents check ur phone? mine do lol",
            "B||sometimes",
            "A|platform_move|lets talk on {app} then, its safer",
            "A|meeting|we should meet at {place} sometime since we're close",
        ],
    ),
    (
        "polite_indirect",
        (30, 65),
        (10, 14),
        [
            "A||hello, i hope you don't mind me messaging, i liked your video",
            "B||thank you",
            "A|age_probing|you seem very sensible, are you at secondary school?",
            "B||yes year 8",
            "A|gifts_money|i'd love to send you a little something for your channel",
            "A|isolation|there's really no need to involve your parents, it's only a small gift",
            "B||ok",
            "A|personal_info|where should i post it to?",
            "A|secrecy|let's keep this between the two of us for now, it'll be a nice surprise",
        ],
    ),
    (
        "one_sided",
        (25, 55),
        (10, 13),
        [
            "A||hi",
            "A|age_probing|how old are you",
            "A|secrecy|you can tell me anything, i won't tell",
            "A|risk_assessment|are your mum and dad home",
            "B||?",
            "A|photo_camera|send me a selfie",
            "A|meeting|i'm near your area, we could meet",
            "A|pressure|why won't you answer",
        ],
    ),
    (
        "slang",
        (18, 35),
        (12, 15),
        [
            "A||yo whats good",
            "B||nm u",
            "A|flattery_romance|ngl ur kinda cute",
            "B||lol",
            "A|age_probing|u like 13 or sumthin",
            "B||14",
            "A|isolation|ur parents sound mad strict, they dont get u",
            "A|platform_move|hmu on {app} fr",
            "A|secrecy|keep it lowkey tho, dont tell nobody",
        ],
    ),
    (
        "emoji",
        (20, 50),
        (11, 14),
        [
            "A||hiii 😊",
            "B||hi",
            "A|flattery_romance|ur so pretty 😍",
            "A|gifts_money|want a gift card? 🎁",
            "B||maybe",
            "A|secrecy|ok but its our secret 🤫",
            "A|photo_camera|show me a pic 📸",
            "A|meeting|we could meet up 🙈",
        ],
    ),
    (
        "typos",
        (25, 55),
        (10, 14),
        [
            "A||hey hows ur day",
            "B||ok",
            "A|age_probing|wat year r u in",
            "B||year 6",
            "A|risk_assessment|ur parnets at home?",
            "B||no at work",
            "A|platform_move|add me on {app} its beter",
            "A|secrecy|dont tel ur mum ok",
        ],
    ),
    (
        "leetspeak",
        (19, 40),
        (12, 15),
        [
            "A||h3y",
            "B||hi",
            "A|age_probing|h0w 0ld r u",
            "B||13",
            "A|secrecy|d0nt t3ll any1 ab0ut m3",
            "A|platform_move|add m3 0n {app}",
            "A|photo_camera|s3nd a p1c",
        ],
    ),
    (
        "threats",
        (18, 40),
        (13, 16),
        [
            "A||you there?",
            "B||yeah",
            "A|gifts_money|i sent you {n} for the game like you asked",
            "B||thanks",
            "A|pressure|now you owe me, send a video",
            "B||i don't want to",
            "A|threats_extortion|then i'll tell your dad you took the money",
            "A|threats_extortion|you have till tonight",
        ],
    ),
    (
        "slow",
        (30, 55),
        (12, 15),
        [
            "A||your cover of that song was class, how long have you played guitar",
            "B||like 2 years",
            "A|flattery_romance|you've got more talent than half the people at my studio",
            "B||omg thank you",
            "A|gifts_money|i've got an old amp going spare, i could drop it round",
            "A|personal_info|whereabouts are you, roughly?",
            "B||near the retail park",
            "A|risk_assessment|would your mum mind? is she around in the day?",
            "A|secrecy|actually maybe keep it quiet for now, people get funny about gifts",
        ],
    ),
    (
        "gaming",
        (20, 45),
        (11, 14),
        [
            "A||ur the kid who carried the last lobby right",
            "B||haha yeah",
            "A|gifts_money|ill gift u the battle pass if u play duos with me tonight",
            "A|platform_move|join my private server on {app}, randoms cant get in",
            "B||ok",
            "A|risk_assessment|can u stay on late or do ur parents make u log off",
            "A|pressure|come on dont bail on me now",
        ],
    ),
    (
        "peer_impostor",
        (24, 50),
        (12, 14),
        [
            "A|age_probing|im in year 9 at the school by the big roundabout, u?",
            "B||year 8",
            "A|flattery_romance|ur way more chill than people in my year",
            "A|photo_camera|whats ur face look like lol ur pfp is a cat",
            "B||i dont post pics",
            "A|pressure|its only me, dont be weird about it",
            "A|meeting|we should just meet at {place} then",
        ],
    ),
    (
        "polite_indirect",
        (35, 65),
        (11, 14),
        [
            "A||hello again, how did the maths test go?",
            "B||ok i think",
            "A|flattery_romance|i'm sure you did brilliantly, you're a clever one",
            "A|isolation|i know your dad can be hard on you, you can always talk to me instead",
            "A|secrecy|no need to mention our little chats at home, they might not understand",
            "B||ok",
            "A|meeting|perhaps i could take you for a hot chocolate after school one day",
        ],
    ),
    (
        "threats",
        (19, 40),
        (13, 16),
        [
            "A||why did you unfriend me",
            "B||i just dont want to talk anymore",
            "A|threats_extortion|fine but i still have everything you sent me",
            "A|threats_extortion|it'd be a shame if your mum saw it",
            "B||please dont",
            "A|pressure|then answer me when i message you",
            "A|platform_move|add me back on {app} tonight",
        ],
    ),
    (
        "quick",
        (25, 60),
        (10, 14),
        [
            "A|age_probing|hey cutie what age r u",
            "B||12",
            "A|personal_info|where do you go to school",
            "A|platform_move|snap me",
        ],
    ),
]

NEGATIVES: list[Scene] = [
    (
        "parent_child",
        (35, 55),
        (10, 15),
        [
            "A|risk_assessment|are you home alone? i'm stuck in traffic",
            "B||yeah",
            "A|risk_assessment|lock the door and don't open it to anyone",
            "B||ok",
            "A|photo_camera|send me a pic of the oven, did i leave it on?",
            "B||its off",
            "A|secrecy|and don't tell your sister about the cake",
        ],
    ),
    (
        "gamer_trash_talk",
        (13, 25),
        (13, 25),
        [
            "A|pressure|come on hurry up we're waiting",
            "B||chill",
            "A|pressure|you promised you'd carry",
            "B|threats_extortion|say that again and you'll regret it lol",
            "A||ez",
            "A|platform_move|get on {app} voice",
        ],
    ),
    (
        "coach_player",
        (25, 50),
        (11, 15),
        [
            "A|age_probing|need your date of birth for the league card, how old are you?",
            "B||12",
            "A|meeting|i can pick you up from school for the cup game, your mum said yes",
            "B||ok thanks",
            "A|pressure|come on, you promised you'd do the extra sprints",
            "A|photo_camera|team photo saturday, wear the home kit",
        ],
    ),
    (
        "adult_scam",
        (40, 70),
        (30, 80),
        [
            "A|gifts_money|congratulations you've won a gift card worth 500",
            "B||what",
            "A|platform_move|contact us on telegram to claim",
            "A|pressure|hurry, only 2 hours left",
            "B||is this real",
            "A|threats_extortion|pay the fee or your prize is cancelled and you'll be charged",
        ],
    ),
    (
        "customer_support",
        (20, 60),
        (18, 70),
        [
            "A||hi, i'm sorry your parcel arrived damaged",
            "A|photo_camera|could you send us a photo of the box?",
            "B||sure one sec",
            "A|platform_move|can you email it to us instead so it attaches to your case",
            "A|personal_info|and confirm your address please",
            "B||done",
        ],
    ),
    (
        "adults_dating",
        (26, 50),
        (26, 50),
        [
            "A|flattery_romance|i had such a nice time with you",
            "B||me too",
            "A|meeting|want to meet again on saturday?",
            "B|platform_move|yes! add me on whatsapp, i'm deleting the app",
            "A|photo_camera|send me that photo from the pub",
        ],
    ),
    (
        "grandparent",
        (62, 85),
        (6, 13),
        [
            "A|age_probing|happy birthday darling, how old are you today?",
            "B||10!!",
            "A|gifts_money|i've put some money in your card, don't spend it all on sweets",
            "A|secrecy|and don't tell your brother, his is next week",
            "B||thank you granny",
            "A|photo_camera|send me a photo of the cake",
            "A|meeting|i'll come and get you on saturday for the zoo",
        ],
    ),
    (
        "teen_friends",
        (13, 13),
        (13, 13),
        [
            "A|isolation|my parents are so strict, they don't get me at all",
            "B||same mine took my phone",
            "A|secrecy|don't tell anyone but i like {name}",
            "B||omg",
            "A|meeting|wanna meet at {place} saturday",
            "B|platform_move|yeah add me on {app}",
        ],
    ),
    (
        "surprise_party",
        (14, 50),
        (14, 50),
        [
            "A|secrecy|don't tell {name} anything, it's a surprise",
            "B||my lips are sealed",
            "A|meeting|meet at {place} at 4 to decorate",
            "A|secrecy|delete the group chat after so she doesn't see",
            "B||haha ok",
        ],
    ),
    (
        "teacher_student",
        (28, 60),
        (12, 16),
        [
            "A|photo_camera|please send a photo of your homework if you can't upload it",
            "B||ok sir",
            "A|pressure|it was due yesterday, hurry up please",
            "A|meeting|come to my room at lunch and we'll go through it",
            "B||ok",
        ],
    ),
    (
        "marketplace_sale",
        (20, 70),
        (20, 70),
        [
            "A||is the bike still for sale",
            "B||yes",
            "A|photo_camera|can you send more pics of the gears",
            "B|personal_info|sure, what's your number",
            "A|meeting|can we meet at {place} tomorrow",
            "B|pressure|ok but hurry, someone else wants it",
        ],
    ),
    (
        "siblings",
        (12, 19),
        (9, 16),
        [
            "A|risk_assessment|are you home? i forgot my key",
            "B||yeah",
            "A|secrecy|don't tell mum i was late",
            "B|threats_extortion|give me your chips or i'm telling",
            "A|pressure|come onnn",
        ],
    ),
    (
        "nurse_patient",
        (28, 60),
        (9, 16),
        [
            "A|age_probing|hi, can you confirm how old you are?",
            "B||14",
            "A|risk_assessment|is a parent with you for the appointment?",
            "A|photo_camera|please send a photo of the rash",
            "B||ok",
        ],
    ),
    (
        "babysitter",
        (16, 25),
        (6, 11),
        [
            "A|risk_assessment|your parents are out till 11, ok?",
            "B||yay",
            "A|secrecy|don't tell them we had popcorn for dinner haha",
            "A|pressure|come on, pyjamas",
        ],
    ),
    (
        "youth_club",
        (22, 55),
        (11, 16),
        [
            "A|age_probing|how old are you? the trip is for 12 to 15s",
            "B||13",
            "A|meeting|we meet at {place} at 9",
            "A|photo_camera|we'll take group photos, parents please sign the consent form",
            "B||ok",
        ],
    ),
    (
        "coach_player",
        (28, 55),
        (12, 16),
        [
            "A|photo_camera|can someone send me a pic of the fixture list from the clubhouse",
            "B||sent",
            "A|pressure|come on lads, three wins in a row, don't get lazy now",
            "A|meeting|minibus leaves from {place} at 8 sharp",
            "A|age_probing|anyone born after september goes in the younger group",
        ],
    ),
    (
        "grandparent",
        (65, 88),
        (8, 14),
        [
            "A|photo_camera|can you show me how to do the video call again, i pressed something",
            "B||grandad you have to press the green button",
            "A|flattery_romance|you're so clever with these things",
            "A|gifts_money|i'll give you a fiver for fixing it",
            "A|secrecy|don't tell your nan i broke the remote as well",
        ],
    ),
    (
        "gamer_trash_talk",
        (14, 24),
        (14, 24),
        [
            "A|threats_extortion|do that again and i'm reporting you for griefing",
            "B||lmao cry",
            "A|pressure|answer me, why did you take my loot",
            "B|gifts_money|fine ill give you 200 coins back",
            "A|age_probing|are you like 8 years old or something",
        ],
    ),
    (
        "adult_scam",
        (30, 70),
        (40, 85),
        [
            "A||hi mum it's me, i dropped my phone in the loo, this is my new number",
            "B||oh no are you ok",
            "A|pressure|i need to pay a bill urgently, can you send 400 today",
            "A|secrecy|don't tell dad yet, i'll explain later",
            "B|personal_info|what's the name of our dog then",
        ],
    ),
    (
        "teen_friends",
        (14, 15),
        (14, 15),
        [
            "A|isolation|my mum is so strict, she reads all my messages",
            "B||that's so annoying",
            "A|platform_move|let's use {app}, she doesn't check that one",
            "B|secrecy|haha ok don't tell anyone i'm seeing sam",
            "A|meeting|meet at {place} after school?",
        ],
    ),
    (
        "customer_support",
        (22, 55),
        (16, 70),
        [
            "A|age_probing|savings accounts under 18 need a parent there, how old are you?",
            "B||15",
            "A|meeting|please book an appointment at your local branch with your parent",
            "A|photo_camera|you can upload a photo of your id in the app",
            "A|secrecy|never share your pin with anyone, not even us",
        ],
    ),
]


@dataclass(frozen=True)
class Book:
    names: list[str]
    slots: dict[str, list[str]]
    filler: list[str]
    grooming: list[Scene]
    negatives: list[Scene]


def _scene(doc: dict[str, Any], key: str) -> Scene:
    (a_lo, a_hi), (b_lo, b_hi) = doc["ages"]
    return doc[key], (a_lo, a_hi), (b_lo, b_hi), list(doc["turns"])


@cache
def book(language: str) -> Book:
    """The scenes of a language: English here, others in ``scripts/<lang>.json``."""
    if language == "en":
        return Book(NAMES, SLOTS, FILLER, GROOMING, NEGATIVES)
    doc = json.loads((_SCRIPTS / f"{language}.json").read_text(encoding="utf-8"))
    slots = {k: list(v) for k, v in doc["slots"].items()}
    slots["name"] = list(doc["names"])
    # The scripts follow the same plan in every language; rotating them per language puts
    # different registers and families into the held-out part.
    turn = LANGUAGES.index(language) % 3
    grooming = [_scene(g, "register") for g in doc["grooming"]]
    negatives = [_scene(n, "family") for n in doc["negatives"]]
    return Book(
        list(doc["names"]),
        slots,
        list(doc["filler"]),
        grooming[turn:] + grooming[:turn],
        negatives[turn:] + negatives[:turn],
    )


def _emit(
    rng: random.Random, draft: Draft, turns: list[str], ids: dict[str, str], reply_p: float,
    grooming: bool, lang: Book,
) -> None:  # fmt: skip
    for turn in turns:
        speaker, cats, text = parse_cue(turn)
        author = ids[speaker.lower()]
        if speaker == "B" and rng.random() > reply_p:
            continue
        draft.say(author, fill(rng, text, lang.slots), *cats, grooming=grooming and bool(cats))
        if rng.random() < (0.12 if grooming else 0.45):
            draft.say(rng.choice(list(ids.values())), rng.choice(lang.filler))


def grooming(rng: random.Random, split: Split, language: str = "en") -> Draft:
    lang = book(language)
    part = part_for(rng, split)
    register, a_ages, b_ages, turns = pick(rng, lang.grooming, part)
    a_id, b_id = two_ids(rng, lang.names)
    a, b = Person(a_id, rng.randint(*a_ages)), Person(b_id, rng.randint(*b_ages))
    if register == "peer_impostor":
        a.claimed_age = b.age + rng.randint(0, 1)
    draft = Draft(NAME, language, "grooming", register, 1, part, [a, b], predator=a_id)
    if register in STYLE_REGISTERS:
        draft.styles[a_id] = "plain" if register in ("typos", "leetspeak") else register
    reply_p = 0.15 if register == "one_sided" else rng.uniform(0.6, 1.0)
    _emit(rng, draft, turns, {"a": a_id, "b": b_id}, reply_p, True, lang)
    return draft


def _negatives_of(split: Split, language: str) -> list[Scene]:
    scenes = book(language).negatives
    if split == "test":
        return pool_part(scenes, 2)
    return pool_part(scenes, 0) + pool_part(scenes, 1)


def families(split: Split, language: str = "en") -> list[str]:
    return sorted({f for f, *_ in _negatives_of(split, language)})


def negative(rng: random.Random, split: Split, language: str, family: str) -> Draft:
    lang = book(language)
    part = part_for(rng, split)
    mine = pool_part(lang.negatives, part)
    fam, a_ages, b_ages, turns = rng.choice([s for s in mine if s[0] == family] or mine)
    a_id, b_id = two_ids(rng, lang.names)
    people = [Person(a_id, rng.randint(*a_ages)), Person(b_id, rng.randint(*b_ages))]
    register = rng.choice(STYLE_REGISTERS)
    draft = Draft(NAME, language, fam, register, 0, part, people)
    draft.styles[a_id] = register
    _emit(rng, draft, turns, {"a": a_id, "b": b_id}, rng.uniform(0.7, 1.0), False, lang)
    return draft
