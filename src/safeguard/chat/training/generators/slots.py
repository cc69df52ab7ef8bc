"""Generator "slots": English template-and-slot conversations.

Each grooming move is one sentence template per strategy category, with slots for names,
games, apps, places and gifts; a polite, indirect template set stands beside the plain one.
Hard negatives come from families of benign conversations whose lines use the same surface
words (a parent asking whether anyone is home, a coach asking the age group, a scam aimed at
an adult threatening to "share" something). NON-SEXUAL by construction."""

from __future__ import annotations

import random

from safeguard.chat.training.generators.base import (
    GROOMING_REGISTERS,
    STYLE_REGISTERS,
    Draft,
    Family,
    Person,
    Split,
    fill,
    parse_cue,
    part_for,
    pick,
    plan_moves,
    pool_part,
    two_ids,
)

NAME = "slots"

SLOTS: dict[str, list[str]] = {
    "name": ["sam", "alex", "jo", "mia", "leo", "kai", "ava", "noah", "zoe", "eli", "ivy", "max"],
    "game": ["fortnite", "roblox", "minecraft", "fifa", "valorant", "apex", "rocket league"],
    "app": ["snap", "snapchat", "whatsapp", "telegram", "discord", "kik", "insta", "signal"],
    "place": ["the park", "the mall", "the station", "the cafe", "the cinema", "the library"],
    "time": ["after school", "on saturday", "tomorrow", "tonight", "this weekend", "at 5"],
    "gift": ["robux", "v-bucks", "a gift card", "a skin", "gems", "a new headset", "airpods"],
    "n": ["100", "200", "500", "800", "1000", "50", "20"],
    "food": ["pizza", "tacos", "pasta", "burgers", "noodles"],
    "subject": ["maths", "history", "science", "french", "art", "geography"],
    "parent": ["mum", "mom", "dad", "parents"],
}

GROOMING: dict[str, list[str]] = {
    "age_probing": [
        "how old are you btw",
        "what year are you in at school",
        "so are you like 12 or 13",
        "asl",
        "you seem older than you are, how old r u",
        "what grade are you in",
        "when is your birthday, how old will you be",
        "are you still in school",
        "you look young in your pic, what's your age",
        "wait how old did you say you were",
        "are you in primary or secondary",
        "you're 13 right?",
    ],
    "personal_info": [
        "where do you live",
        "what town are you in",
        "what school do you go to",
        "what time do you get home from school",
        "do you walk home on your own",
        "what's your real name",
        "which part of town are you",
        "what bus do you take home",
        "send me your address, i want to post you something",
        "what street is your house on",
        "give me your number",
        "which park do you hang out at",
    ],
    "flattery_romance": [
        "you are so mature for your age",
        "you're really pretty",
        "you're not like other kids, you're special",
        "i can't stop thinking about you",
        "we have a special connection",
        "honestly you are the best thing that happened to me",
        "you are way smarter than people your age",
        "i think i love you",
        "you deserve someone who treats you right",
        "you're my favourite person to talk to",
        "nobody your age is as cool as you",
        "you could be a model",
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
        "i'll send you {n} quid on paypal",
        "i bought you the battle pass",
        "tell me what you want for your birthday and it's yours",
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
        "your friends would never get this",
        "you should stop hanging out with them",
        "they treat you like a baby, i don't",
    ],
    "secrecy": [
        "don't tell anyone about us",
        "this is our little secret ok",
        "keep this between you and me",
        "delete our chat after ok",
        "nobody needs to know we talk",
        "don't show this to your {parent}",
        "your parents wouldn't understand so keep it quiet",
        "clear your history when we're done",
        "it's just for us, no one else",
        "if anyone asks, i'm a friend from school",
        "don't mention me to your {parent}",
        "hide the app in a folder",
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
        "is your {parent} at work today",
        "can anyone see your screen",
        "are you by yourself tonight",
    ],
    "platform_move": [
        "add me on {app}, it's easier",
        "let's talk on {app} instead",
        "what's your {app}",
        "dm me on {app}",
        "let's move to {app}, this app is rubbish",
        "my {app} is {name}_{n}",
        "download telegram so we can chat in private",
        "let's go somewhere more private",
        "we should talk on {app} where no one sees",
        "this site reads our messages, use {app}",
        "got {app}?",
        "i'll add you on {app}, accept it",
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
        "put your cam on for a sec",
        "send me a pic of what you're wearing today",
        "facetime me",
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
        "i'll wait for you at {place}",
        "i can get you a train ticket to come see me",
        "come over to mine {time}",
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
        "after everything i bought you?",
        "you owe me",
        "i'll be sad all day if you don't",
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
        "i have screenshots, remember that",
        "i'll send the screenshots to your {parent}",
        "send me {n} or everyone gets the pics",
    ],
}

# The same strategies asked politely and indirectly.
POLITE: dict[str, list[str]] = {
    "age_probing": [
        "if you don't mind me asking, how old are you?",
        "may i ask which year you are in?",
        "i'd guess you're about thirteen, am i close?",
    ],
    "secrecy": [
        "let's keep this just between the two of us, shall we?",
        "perhaps there's no need to mention our chats to anyone",
        "i'd rather this stayed a private thing between us two",
        "it might be best if this remained our own business",
        "what we talk about can stay just ours, can't it",
        "i think it's nicer if it's only the two of us who know",
    ],
    "isolation": [
        "no need to involve your parents, they'd only worry",
        "i'm not sure your friends would understand you as well as i do",
        "adults in your life don't always listen, do they? i do",
        "it's better not to bring your family into this",
        "your friends seem a bit childish compared to you",
        "you can always come to me rather than them",
    ],
    "platform_move": [
        "would you be more comfortable on another app? add me on {app}",
        "perhaps we could continue this somewhere quieter, like {app}",
        "i'd prefer to chat on a different app, if that's alright",
    ],
    "meeting": [
        "it would be lovely to meet you properly one day",
        "perhaps we could have a coffee somewhere near you {time}",
        "i'm sure we'd get on even better in person",
    ],
    "photo_camera": [
        "i'd love to see a photo of you, only if you want to",
        "would you mind switching your camera on for a moment?",
        "a little picture would make my day",
    ],
    "risk_assessment": [
        "is it just you at home this evening?",
        "i hope i'm not getting you into trouble, do your parents look at your phone?",
        "are your parents usually out in the evenings?",
    ],
    "gifts_money": [
        "i'd be happy to treat you to something, just say",
        "let me buy you a little something, you deserve it",
        "i put a small gift aside for you",
    ],
}

PEER_CLAIMS = [
    "im {claimed} too lol",
    "same age as you, {claimed}",
    "i'm in year 9 as well",
    "i go to a school near you i think",
    "my mum is super strict too",
    "im only {claimed} dw",
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
    "ur so funny",
    "what did you do at the weekend",
]

GAMING_TALK = [
    "you're cracked at {game}",
    "gg that was a clutch",
    "wanna duo later",
    "what rank are you",
    "that last round was insane",
    "i'll carry you next game",
    "ur aim is crazy",
    "nice build",
    "we need one more for the squad",
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
    "k",
    "hmm",
]
ONE_SIDED_REPLIES = ["ok", "?", "k", "idk", "...", "hm"]

# Hard-negative families: "speaker|categories|template"; a = first person, b = second.
FAMILIES: dict[str, Family] = {
    "parent_child": {
        "ages": ((32, 55), (9, 15)),
        "cues": [
            "a|risk_assessment|are you home alone? dad is running late",
            "a|meeting|i'll pick you up from school at 3",
            "a|photo_camera|send me a pic of the permission slip",
            "a|risk_assessment|is anyone home with you",
            "a|personal_info|what time do you finish school today",
            "a|secrecy|don't tell your brother about his present",
            "a|risk_assessment|did you lock the door",
            "a|pressure|hurry up, we're late",
            "a|photo_camera|turn your camera on so grandma can see you",
            "b|gifts_money|can you send me money for lunch",
            "a|platform_move|text me on whatsapp, this app is rubbish",
            "a|pressure|answer me when i call you!",
        ],
        "chat": [
            "love you, see you later",
            "what do you want for dinner",
            "did you feed the cat",
            "bring your coat it's cold",
            "ok mum",
            "can i stay at {name}'s",
        ],
    },
    "coach_player": {
        "ages": ((24, 55), (10, 16)),
        "cues": [
            "a|age_probing|what year are you in now, under 12s or under 14s?",
            "a|meeting|i can pick you up if your mum is working, i'll text her",
            "a|meeting|we meet at {place} for the away game",
            "a|photo_camera|the team photo is on saturday",
            "a|pressure|come on, one more lap",
            "a|pressure|you promised you'd be at training",
            "a|flattery_romance|you're really talented, proud of you",
            "a|age_probing|how old are you? need it for the registration form",
            "a|personal_info|what's your address for the league form?",
            "a|pressure|hurry up, the bus is leaving",
            "a|platform_move|join the team whatsapp group",
            "a|personal_info|which school are you at, for the school league",
        ],
        "chat": [
            "practice is at 5 at the field",
            "bring your boots and water",
            "parents please sign the form",
            "great effort today",
            "tell your parents the match moved to 10",
            "ok coach",
        ],
    },
    "teacher_student": {
        "ages": ((25, 60), (11, 17)),
        "cues": [
            "a|photo_camera|send me a photo of your worksheet",
            "a|meeting|come and see me at lunch in room 4",
            "a|age_probing|what year are you in? year 9?",
            "a|platform_move|the class is moving to teams, download the app",
            "a|pressure|you promised to hand it in today",
            "a|flattery_romance|you're really good at this, you should be proud",
            "a|photo_camera|turn your camera on for the online lesson please",
            "a|secrecy|don't tell the others the answers",
            "a|personal_info|does your mum have my email for the trip form?",
            "a|risk_assessment|is anyone at home to sign the form?",
            "b|pressure|please sir one more day",
            "a|pressure|hurry up, the deadline is tonight",
        ],
        "chat": [
            "homework is page 42",
            "the test is on monday",
            "did you revise for {subject}",
            "thanks miss",
            "well done",
            "which question are you stuck on",
        ],
    },
    "nurse_patient": {
        "ages": ((25, 60), (8, 17)),
        "cues": [
            "a|age_probing|how old are you?",
            "a|photo_camera|send a photo of the rash so i can check it",
            "a|risk_assessment|is a parent at home with you right now?",
            "a|personal_info|what's your date of birth and address?",
            "a|risk_assessment|does your mum know you're booking this?",
            "a|meeting|can you come to the clinic at 4?",
            "a|photo_camera|can you turn the camera on for the video appointment",
            "a|personal_info|what school do you go to, we send a letter",
            "a|secrecy|what you tell us stays confidential",
            "b|pressure|please hurry, it really hurts",
        ],
        "chat": [
            "drink lots of water",
            "take the medicine twice a day",
            "the doctor will call you back",
            "how are you feeling today",
            "thank you",
            "it's a bit better",
        ],
    },
    "peers_strict_parents": {
        "ages": ((12, 16), (12, 16)),
        "cues": [
            "*|isolation|my parents don't understand me at all",
            "*|isolation|your mum is so strict with you",
            "*|isolation|only you get me honestly",
            "*|secrecy|don't tell anyone i like him",
            "*|secrecy|keep it between us ok",
            "*|isolation|my friends are so fake lately",
            "*|risk_assessment|are your parents home? i want to call",
            "*|meeting|wanna meet at {place} {time}",
            "*|platform_move|add me on {app} so we can rant",
            "*|age_probing|how old is your sister?",
            "*|secrecy|delete the chat, my mum reads my phone",
            "*|isolation|they treat me like a baby",
        ],
        "chat": [
            "ugh i'm grounded",
            "same",
            "my dad took my phone again",
            "omg",
            "did you see what {name} posted",
            "lol",
        ],
    },
    "surprise_party": {
        "ages": ((12, 60), (12, 60)),
        "cues": [
            "*|secrecy|don't tell {name} about the party",
            "*|secrecy|it's a surprise so keep it secret",
            "*|secrecy,meeting|keep this between us until saturday",
            "*|meeting|let's meet at {place} at 5 to set up",
            "*|gifts_money|i got a present for her",
            "*|secrecy|nobody tell {name}, she'll find out",
            "*|secrecy|delete this chat before she sees her phone",
            "*|photo_camera|send me a pic of the cake",
            "*|risk_assessment|is she home? don't want her to hear",
            "*|pressure|hurry up she's coming",
            "*|gifts_money|i'll send you a tenner for the balloons",
            "*|platform_move|make a group chat without her on {app}",
        ],
        "chat": [
            "can you bring the cake",
            "she's going to love it",
            "balloons are sorted",
            "what time is she back",
            "haha yes",
            "ok!",
        ],
    },
    "gamer_trash_talk": {
        "ages": ((12, 30), (12, 30)),
        "cues": [
            "*|pressure|come on hurry up",
            "*|pressure|you promised you'd play one more",
            "*|threats_extortion|you'll regret that 1v1",
            "*|pressure|answer me noob",
            "*|threats_extortion|i know where you live lol jk",
            "*|platform_move|add me on discord for the raid",
            "*|pressure|stop being a baby and rematch",
            "*|age_probing|how old are you, you play like a 5 year old",
            "*|threats_extortion|i'll tell everyone you lost to a bot",
            "*|pressure|come on man, why are you ignoring me",
            "*|gifts_money|i'll carry you if you gift me the battle pass",
            "*|photo_camera|turn on your cam for the tourney check",
        ],
        "chat": [
            "gg ez",
            "you got lucky",
            "rematch",
            "lag",
            "bro what was that",
            "nice shot",
        ],
    },
    "item_trading": {
        "ages": ((12, 25), (12, 25)),
        "cues": [
            "*|gifts_money|i'll give you {n} gems for the sword",
            "*|gifts_money|trade me your skin for {n} robux",
            "*|gifts_money|i can send you the robux first",
            "*|pressure|hurry up, accept the trade",
            "*|platform_move|dm me on {app} to do the trade",
            "*|photo_camera|send a screenshot of your inventory",
            "*|pressure|you promised me the pet",
            "*|threats_extortion|scam me and i'll report you",
            "*|gifts_money|want a gift card instead?",
            "*|secrecy|don't tell anyone the price",
        ],
        "chat": [
            "is it still tradeable",
            "fair trade?",
            "w or l",
            "ok deal",
            "what's it worth",
            "no lowball",
        ],
    },
    "adult_scam": {
        "ages": ((35, 80), (25, 80)),
        "cues": [
            "a|gifts_money|you've won a $500 gift card, claim it now",
            "a|pressure|act now, this offer expires today",
            "a|threats_extortion|pay the fee or we'll close your account",
            "a|secrecy|keep this confidential, don't tell your bank",
            "a|platform_move|contact our agent on whatsapp",
            "a|personal_info|confirm your address and date of birth",
            "a|threats_extortion|pay or i'll share your browsing history",
            "a|pressure|hurry, reply within 24 hours",
            "a|gifts_money|buy itunes cards and send the codes",
            "b|threats_extortion|i'll report you to the police",
        ],
        "chat": [
            "who is this",
            "is this real",
            "i never entered a competition",
            "dear customer",
            "please verify",
            "stop messaging me",
        ],
    },
    "customer_support": {
        "ages": ((20, 60), (18, 80)),
        "cues": [
            "a|photo_camera|could you send a photo of the damaged item?",
            "a|platform_move|please email us the details so we can continue there",
            "a|personal_info|what's your postcode and order number?",
            "a|age_probing|please confirm your date of birth",
            "a|gifts_money|we'll send you a voucher to say sorry",
            "a|photo_camera|send a picture of the receipt",
            "b|pressure|i've been waiting two weeks, hurry up",
            "a|platform_move|can we move this to a phone call?",
            "a|secrecy|don't share your password with anyone, even us",
            "a|meeting|an engineer will visit your house on monday",
        ],
        "chat": [
            "thanks for contacting support",
            "my parcel never arrived",
            "sorry for the trouble",
            "is there anything else",
            "the refund is processed",
            "ok thanks",
        ],
    },
    "adults_dating": {
        "ages": ((22, 55), (22, 55)),
        "cues": [
            "*|flattery_romance|you're really pretty, i had fun last night",
            "*|age_probing|how old are you? i'm 34",
            "*|meeting|we should meet up for dinner {time}",
            "*|personal_info|what's your number",
            "*|flattery_romance|i can't stop thinking about you",
            "*|meeting|let's meet at {place} at 8",
            "*|meeting|i'll drive to your town on friday",
            "*|photo_camera|send me a selfie from the trip",
            "*|platform_move|add me on whatsapp, i'm deleting this app",
            "*|risk_assessment|is your flatmate home?",
            "*|gifts_money|i'll get the drinks",
            "*|flattery_romance|you're so different from the others on here",
        ],
        "chat": [
            "how was work",
            "haha you're funny",
            "i love that place",
            "what do you do",
            "cats or dogs",
            "sounds good",
        ],
    },
    "marketplace_sale": {
        "ages": ((18, 70), (18, 70)),
        "cues": [
            "*|meeting|can we meet at the station to do the swap",
            "*|photo_camera|send more pics of the bike",
            "*|personal_info|what's your address for pickup",
            "*|gifts_money|i can pay on paypal",
            "*|pressure|hurry up someone else wants it",
            "*|platform_move|text me on whatsapp",
            "*|risk_assessment|will anyone be home when i come?",
            "*|meeting|i'll come to your house after work",
            "*|threats_extortion|send the money or i'll leave a bad review",
            "*|pressure|you promised to hold it for me",
        ],
        "chat": [
            "is it still available",
            "what's the lowest you'll take",
            "any scratches",
            "cash only",
            "deal",
            "sold, sorry",
        ],
    },
    "babysitter": {
        "ages": ((16, 30), (6, 12)),
        "cues": [
            "a|risk_assessment|are your parents home yet?",
            "a|risk_assessment|when do your parents get back",
            "a|secrecy|don't tell your mum we had ice cream before dinner",
            "a|meeting|i'll pick you up from school today",
            "a|photo_camera|send your mum a photo of your drawing",
            "a|pressure|come on, bedtime, you promised",
            "a|risk_assessment|is the door locked?",
            "a|gifts_money|i'll get you a sticker if you finish your homework",
        ],
        "chat": [
            "what do you want to watch",
            "brush your teeth",
            "yay",
            "can we play lego",
            "ok",
            "your mum says hi",
        ],
    },
    "grandparent": {
        "ages": ((60, 85), (6, 14)),
        "cues": [
            "a|age_probing|how old are you now? 12 already!",
            "a|flattery_romance|you're so grown up now",
            "a|gifts_money|i sent you some money for your birthday",
            "a|secrecy|don't tell your brother, it's a surprise for him",
            "a|photo_camera|send me a photo of you in your uniform",
            "a|meeting|i'll pick you up on saturday",
            "a|photo_camera|can we video call on sunday",
            "a|risk_assessment|is your mum home? i'll ring later",
            "a|flattery_romance|i love you so much sweetheart",
            "a|personal_info|what school do you go to now, the big one?",
            "a|gifts_money|what would you like for christmas",
            "b|pressure|you promised we'd go to the zoo",
        ],
        "chat": [
            "thank you grandma",
            "how's school",
            "grandpa says hello",
            "we miss you",
            "love you",
            "i got a gold star",
        ],
    },
    "siblings": {
        "ages": ((10, 20), (8, 17)),
        "cues": [
            "*|secrecy|don't tell mum i broke it",
            "*|photo_camera|send me a pic of the dog",
            "*|risk_assessment|are you home alone? i forgot my key",
            "*|pressure|hurry up with the bathroom",
            "*|threats_extortion|give it back or i'm telling dad",
            "*|gifts_money|lend me a fiver",
            "*|meeting|meet me at the bus stop after school",
            "*|pressure|you promised to share",
            "*|secrecy|our secret ok",
        ],
        "chat": [
            "where's the remote",
            "mum says dinner",
            "ugh fine",
            "lol",
            "you ate my chips",
            "whatever",
        ],
    },
    "teen_crush": {
        "ages": ((13, 16), (13, 16)),
        "cues": [
            "*|flattery_romance|you're really cute",
            "*|secrecy|don't tell anyone i like you",
            "*|meeting|we could hang out at {place} {time}",
            "*|platform_move|do you have snap?",
            "*|age_probing|how old are you, 14?",
            "*|photo_camera|send a selfie from the concert",
            "*|flattery_romance|i can't stop thinking about you",
            "*|personal_info|which school are you at",
            "*|secrecy|keep it quiet, my friends will tease me",
        ],
        "chat": [
            "hiii",
            "omg stop",
            "ur funny",
            "did you do the homework",
            "see you tomorrow",
            "lol",
        ],
    },
}


def _fill(rng: random.Random, text: str, **extra: str) -> str:
    return fill(rng, text, {**SLOTS, **{k: [v] for k, v in extra.items()}})


def grooming(rng: random.Random, split: Split, language: str = "en") -> Draft:
    part = part_for(rng, split)
    register = rng.choice(GROOMING_REGISTERS)
    adult_age, child_age = rng.randint(19, 62), rng.randint(10, 15)
    adult_id, child_id = two_ids(rng, SLOTS["name"])
    adult = Person(adult_id, adult_age)
    if register == "peer_impostor":
        adult.claimed_age = child_age + rng.randint(0, 2)
    draft = Draft(
        NAME, language, "grooming", register, 1, part, [adult, Person(child_id, child_age)],
        predator=adult_id,
    )  # fmt: skip
    if register in STYLE_REGISTERS:
        draft.styles[adult_id] = register
    talk = GAMING_TALK + SMALL_TALK[:6] if register == "gaming" else SMALL_TALK
    opening = {"slow": (3, 8), "quick": (0, 1), "one_sided": (0, 2)}.get(register, (1, 4))
    for _ in range(rng.randint(*opening)):
        draft.say(rng.choice((adult_id, child_id)), _fill(rng, pick(rng, talk, part)))
    if register == "peer_impostor":
        claim = _fill(rng, pick(rng, PEER_CLAIMS, part), claimed=str(adult.claimed_age))
        draft.say(adult_id, claim, "age_probing", grooming=True)
    for move in plan_moves(rng, register):
        gap = {"slow": (1, 4), "quick": (0, 0), "one_sided": (0, 1)}.get(register, (0, 2))
        for _ in range(rng.randint(*gap)):
            speaker = adult_id if register == "one_sided" else rng.choice((adult_id, child_id))
            draft.say(speaker, _fill(rng, pick(rng, talk, part)))
        pool = GROOMING[move]
        if register == "polite_indirect" and move in POLITE:
            pool = POLITE[move]
        text = draft.repeat(rng, move) or _fill(rng, pick(rng, pool, part), age=str(child_age))
        draft.say(adult_id, text, move, grooming=True)
        if register in ("one_sided", "persistent"):
            if rng.random() < 0.15:
                draft.say(child_id, pick(rng, ONE_SIDED_REPLIES, part))
        elif rng.random() < 0.75:
            draft.say(child_id, _fill(rng, pick(rng, CHILD_REPLIES, part), age=str(child_age)))
    for _ in range(rng.randint(0, 2)):
        draft.say(rng.choice((adult_id, child_id)), _fill(rng, pick(rng, talk, part)))
    return draft


def _everyday(
    rng: random.Random, part: int, register: str, a_id: str, b_id: str, a_age: int, b_age: int
) -> Draft:
    """Small talk and nothing else."""
    draft = Draft(
        NAME, "en", "everyday", register, 0, part, [Person(a_id, a_age), Person(b_id, b_age)]
    )
    if register in STYLE_REGISTERS:
        draft.styles[a_id] = register
    talk = GAMING_TALK + SMALL_TALK if rng.random() < 0.3 else SMALL_TALK
    for _ in range(rng.randint(4, 16)):
        draft.say(rng.choice((a_id, b_id)), _fill(rng, pick(rng, talk, part)))
    return draft


# Families only the test split uses (held out whole from train).
TEST_FAMILIES = ("nurse_patient", "marketplace_sale")


def negative(rng: random.Random, split: Split, language: str, family: str) -> Draft:
    part = part_for(rng, split)
    spec = FAMILIES.get(family) or Family(ages=((11, 40), (11, 40)), cues=[], chat=[])
    ages = spec["ages"]
    a_age, b_age = rng.randint(*ages[0]), rng.randint(*ages[1])
    a_id, b_id = two_ids(rng, SLOTS["name"])
    register = rng.choice(STYLE_REGISTERS)
    if family == "gamer_trash_talk" and rng.random() < 0.5:
        register = "gaming"
    if family == "everyday":
        return _everyday(rng, part, register, a_id, b_id, a_age, b_age)
    draft = Draft(NAME, "en", family, register, 0, part, [Person(a_id, a_age), Person(b_id, b_age)])
    if register in STYLE_REGISTERS:
        draft.styles[a_id] = register
    cues = [parse_cue(c) for c in spec["cues"]]
    chat = list(spec["chat"])
    n_cues = rng.randint(2, 5)
    order = ["cue"] * n_cues + ["chat"] * rng.randint(2, 10)
    rng.shuffle(order)
    if order[0] == "cue" and rng.random() < 0.5:
        order.insert(0, "talk")
    mine = pool_part(cues, part)
    rng.shuffle(mine)
    for kind in order:
        if kind == "cue":
            speaker, cats, text = mine.pop() if mine else rng.choice(pool_part(cues, part))
            author = {"a": a_id, "b": b_id}.get(speaker) or rng.choice((a_id, b_id))
            age = b_age if author == a_id else a_age
            draft.say(author, _fill(rng, text, age=str(age)), *cats)
            if rng.random() < 0.6:
                other = b_id if author == a_id else a_id
                draft.say(other, _fill(rng, pick(rng, chat, part)))
        elif kind == "chat":
            draft.say(rng.choice((a_id, b_id)), _fill(rng, pick(rng, chat, part)))
        else:
            draft.say(rng.choice((a_id, b_id)), _fill(rng, pick(rng, SMALL_TALK, part)))
    return draft


def families(split: Split, language: str = "en") -> list[str]:
    """Hard-negative families of a split: test has all, train lacks the held-out ones."""
    return [*(f for f in FAMILIES if split == "test" or f not in TEST_FAMILIES), "everyday"]
