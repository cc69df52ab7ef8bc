"""Abuse-to-order chat, composed from parts rather than copied from templates: instructions
to the broadcaster (a verb, an object or a direction, address and politeness around it), age
and home-alone probing, questions about school and where they live, payment tied to the
instruction, pressure, pushes to another app. Wording is non-sexual throughout: the point is
that viewers direct a child on camera, not what they ask for.

Each pattern is a small script of what the concerning viewers do; the same pieces appear in
many orders and combinations so that no single template defines the class.
"""

from __future__ import annotations

import random

from safeguard.chat.training.generators.comments_noise import part

_FURNITURE = ("chair", "bed", "desk", "couch", "table", "stool", "sofa")
_ROOMS = ("room", "bedroom", "bathroom", "closet", "wardrobe")
_CLOTHES = ("hoodie", "jacket", "socks", "hat", "glasses", "sweater", "school uniform", "pyjamas")
_BODY = ("hair", "feet", "hands", "face", "arms")
_MOVES = ("spin", "twirl", "cartwheel", "handstand", "split", "pose")
_POSSESSIVE = ("your", "ur", "the", "ya")
_CAM = ("camera", "cam", "webcam", "phone")
_SPOTS = ("door", "window", "bed", "mirror", "closet", "floor")

INSTRUCTION_SHAPES = (
    "stand on {the} {furniture}",
    "get on {the} {furniture}",
    "climb on {the} {furniture}",
    "sit on {pos} {furniture}",
    "lie on {pos} bed",
    "go to {pos} {room}",
    "go in {pos} {room}",
    "show {us}{pos} {room}",
    "show {us}{pos} {body}",
    "show {us}{pos} {clothes}",
    "turn the {cam} to the {spot}",
    "point the {cam} at {pos} {spot}",
    "move the {cam} closer",
    "tilt the {cam} down",
    "do a {move}",
    "do another {move}",
    "take off {pos} {clothes}",
    "put on {pos} {clothes}",
    "wear {pos} {clothes}",
    "stand up",
    "turn around",
    "come closer",
    "get closer to the {cam}",
    "open {pos} {spot}",
    "close the door",
    "brush {pos} hair",
    "stand by the {spot}",
    "walk to the {spot}",
    "raise {pos} arms",
    "sit down on the floor",
    "spin",
    "lets see {pos} {room}",
)
PREFIXES = (
    "",
    "",
    "",
    "pls ",
    "can u ",
    "can you ",
    "now ",
    "ok now ",
    "@{name} ",
    "i dare u to ",
    "u should ",
    "hey ",
    "girl ",
    "kid ",
    "next ",
    "go ",
    "plz ",
    "could you ",
    "you have to ",
    "i want u to ",
    "everyone wants you to ",
    "cmon ",
    "sweetie ",
)
SUFFIXES = (
    "",
    "",
    "",
    " pls",
    " now",
    " for me",
    " again",
    " rn",
    " for the chat",
    " real quick",
    " for us",
    " pleaseee",
    " 😊",
    " lol",
    "!",
)

AGE = (
    "how old r u",
    "how old are you",
    "ur like 12 right?",
    "what grade are u in",
    "are you in middle school",
    "u look so young",
    "asl",
    "are you even 13",
    "how old are u really",
    "ur age?",
    "what year are you in at school",
    "are u a kid",
    "you look 11",
    "r u under 13",
    "when's your birthday",
    "are you like 10",
)
RISK = (
    "are ur parents home",
    "r u home alone",
    "is anyone else there",
    "where's ur mom",
    "is ur door locked",
    "does ur mom know ur live",
    "who's home with you",
    "are you alone right now",
    "when do your parents get back",
    "is your dad home",
    "can anyone hear you",
    "are you allowed to be live",
    "nobody home?",
    "are your parents asleep",
    "is someone in the room with you",
)
PERSONAL = (
    "what school do u go to",
    "where do you live",
    "what city r u in",
    "whats ur real name",
    "which school is that uniform from",
    "what street do you live on",
    "whats ur last name",
    "what town are you in",
    "how far is your school",
    "do you walk to school",
)
PRESSURE = (
    "come on",
    "do it now",
    "everyone wants you to",
    "dont be shy",
    "why wont u do it",
    "we're waiting",
    "hurry up",
    "just do it",
    "u promised",
    "last chance",
    "cmon its easy",
    "stop ignoring us",
    "answer me",
    "dont be boring",
    "do it already",
    "why are you ignoring me",
    "chat is waiting",
    "or i'll leave",
)
PLATFORM = (
    "add me on snap",
    "whats ur snap",
    "dm me",
    "lets talk in private",
    "check ur dms",
    "i'll tip more on telegram",
    "whats ur insta",
    "add me on discord, private call",
    "give me your whatsapp",
    "lets video call",
    "move to private chat",
    "hmu on kik",
)
PHOTO = (
    "send me a pic",
    "send a selfie",
    "turn ur cam on",
    "cam on pls",
    "post a pic of ur room",
    "send a video of it",
)
MONEY_FOR = (
    "i'll send {n} coins if u {act}",
    "{n} coins if you {act}",
    "tip if you {act}",
    "sending roses if you {act}",
    "i'll pay ${m} to see u {act}",
    "{n} diamonds if u {act}",
    "gift for you if you {act}",
    "{n} tokens for you to {act}",
    "i'll tip big when u {act}",
    "${m} if you {act}",
    "will donate if u {act}",
)
MONEY_PLAIN = (
    "sent {n} coins",
    "i can pay",
    "whats ur cashapp",
    "i'll send robux",
    "${m} for you",
    "i'll pay more",
    "sending {n} roses",
)
THREATS = (
    "i'll tell ur parents",
    "i saved ur stream",
    "or i'll post the clips",
    "everyone will see",
)


def _fill(rng: random.Random, shape: str, name: str, act: str = "") -> str:
    return shape.format(
        act=act,
        the=rng.choice(("the", "ur", "your", "that")),
        pos=rng.choice(_POSSESSIVE),
        furniture=rng.choice(_FURNITURE),
        room=rng.choice(_ROOMS),
        body=rng.choice(_BODY),
        clothes=rng.choice(_CLOTHES),
        move=rng.choice(_MOVES),
        cam=rng.choice(_CAM),
        spot=rng.choice(_SPOTS),
        us=rng.choice(("", "", "us ", "me ")),
        name=name,
        n=rng.choice((50, 100, 200, 500, 1000, 5000)),
        m=rng.choice((5, 10, 20, 50, 100)),
    )


class EnglishConcerning:
    """Concerning lines in English, from the parts of one split."""

    language = "en"

    def __init__(self, split: str) -> None:
        self.shapes = part(INSTRUCTION_SHAPES, split)
        self.prefixes = part(PREFIXES, split)
        self.suffixes = part(SUFFIXES, split)
        self.pools = {
            "age": part(AGE, split),
            "risk": part(RISK, split),
            "personal": part(PERSONAL, split),
            "pressure": part(PRESSURE, split),
            "platform": part(PLATFORM, split),
            "photo": part(PHOTO, split),
            "money_for": part(MONEY_FOR, split),
            "money": part(MONEY_PLAIN, split),
            "threat": list(THREATS),
        }

    def action(self, rng: random.Random) -> str:
        return _fill(rng, rng.choice(self.shapes), "x")

    def instruction(self, rng: random.Random, action: str | None = None) -> str:
        act = action or self.action(rng)
        prefix = _fill(rng, rng.choice(self.prefixes), rng.choice(("streamer", "sam", "lily")))
        return prefix + act + rng.choice(self.suffixes)

    def line(self, rng: random.Random, kind: str, action: str | None = None) -> str:
        if kind == "instruction":
            return self.instruction(rng, action)
        if kind == "money_for":
            return _fill(rng, rng.choice(self.pools["money_for"]), "x", action or self.action(rng))
        return _fill(rng, rng.choice(self.pools[kind]), "x")
