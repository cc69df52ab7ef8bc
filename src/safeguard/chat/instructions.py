"""Instructions aimed at the broadcaster, found by the shape of the comment rather than by
a list of whole phrases: an imperative verb at the start of a clause (after at most a few
words of address or politeness: "pls", "can you", "i dare you to", "@name"), followed within
a few words by a direction ("up", "around", "closer") or by an object of the kinds that
matter for abuse-to-order: the broadcaster's body or clothes, a place in their home or a
piece of furniture, or the camera. "stand on the chair", "show your room", "turn the camera
to the door", "do a spin" are instructions; "i stand on the chair" (a subject before the
verb), "show us the oven" and "play wonderwall" (objects of another kind) are not.

Each language has a small grammar table (:data:`GRAMMARS`): verbs in their imperative
forms, the words that may come before them, directions and object nouns by kind. Words are
matched on folded text (:mod:`safeguard.chat.comment_text`: no accents, lower case).

One instruction alone means little (cooking, fitness and room-tour streams are full of
them); the comment scorer weighs how many viewers give them, whether they repeat or
escalate, and what comes with them (payment, age or home-alone questions, pressure).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

Kind = Literal["body", "view", "direction"]
"""What an instruction asks: ``body`` places or moves the broadcaster's body relative to a
named thing ("stand on the chair", "go to your bedroom", "take off your hoodie", "do a
spin"); ``view`` asks to see something or to move the camera ("show your room", "turn the
camera to the door"), common in benign room tours and travel streams; ``direction`` is a
movement with no object ("stand up", "turn around", "levantate")."""
NounKind = Literal["body", "place", "camera"]


@dataclass(frozen=True, slots=True)
class Grammar:
    language: str
    verbs: frozenset[str]
    """Imperative forms that take a direction or an object."""
    complete: frozenset[str]
    """Imperative forms that are an instruction on their own ("levantate", "spin")."""
    prefixes: tuple[tuple[str, ...], ...]
    """Word sequences that may come before the verb (address, politeness, modals)."""
    directions: frozenset[str]
    nouns: dict[str, NounKind]
    clause_breaks: frozenset[str]
    view_verbs: frozenset[str] = frozenset()
    """Verbs that ask to see or to film ("show", "point")."""
    noun_only: frozenset[str] = frozenset()
    """Verbs that need an object: "go back", "show up" are not instructions."""
    reach: int = 5


@dataclass(frozen=True, slots=True)
class Instruction:
    language: str
    verb: str
    target: str
    kind: Kind
    start: int
    end: int

    @property
    def key(self) -> str:
        """Viewers asking for the same thing share a key ("body:stand:chair")."""
        return f"{self.kind}:{self.verb}:{self.target}"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _nouns(*, place: str, body: str, camera: str, clothes: str = "") -> dict[str, NounKind]:
    """Object nouns by kind; what the broadcaster wears counts as their body."""
    out: dict[str, NounKind] = {}
    for kind, words in (("place", place), ("body", body + " " + clothes), ("camera", camera)):
        for w in words.split():
            out[w] = kind  # type: ignore[assignment]
    return out


def _prefixes(text: str) -> tuple[tuple[str, ...], ...]:
    seqs = {tuple(p.split()) for p in text.split(",") if p.strip()}
    return tuple(sorted(seqs, key=len, reverse=True))


_EN = Grammar(
    "en",
    verbs=_words(
        "stand sit lie lay kneel jump bend stretch crawl roll lean hop pose walk get come move "
        "step climb raise lift put hold take remove wear change brush wave turn go open close "
        "shut lock point tilt zoom flip aim pan face show stay try do run hide pull"
    ),
    complete=_words("spin twirl kneel"),
    prefixes=_prefixes(
        "please, pls, plz, plss, plez, now, ok, okay, hey, yo, so, just, quick, quickly, "
        "and, then, can you, can u, can ya, could you, could u, would you, would u, "
        "will you, will u, you, u, ya, you should, u should, you have to, u have to, "
        "you gotta, u gotta, you need to, u need to, i want you to, i want u to, "
        "i wanna see you, i wanna see u, we want you to, we want u to, i dare you to, "
        "i dare u to, dare you to, dare u to, lets see you, let's see you, lets see u, "
        "why dont you, why don't you, why dont u, try to, streamer, girl, kid, babe, "
        "sweetie, little one, everyone wants you to, chat wants you to, now go, first, next, "
        "again, pretty please, come on, cmon, c'mon"
    ),
    directions=_words("up around round closer down over back away forward sideways backwards"),
    nouns=_nouns(
        place="room bedroom bathroom bath shower bed closet wardrobe house door window mirror "
        "chair desk floor wall couch sofa table stairs corner hallway basement attic pillow "
        "blanket carpet rug toilet",
        body="hair feet foot toes legs leg hands hand arms arm face belly tummy neck "
        "shoulders knees body yourself urself spin twirl dance split splits handstand cartwheel "
        "backflip pirouette pose",
        clothes="hoodie jacket shirt socks sock shoes shoe pyjamas pajamas pjs uniform "
        "dress skirt outfit clothes hat glasses sweater jumper costume",
        camera="camera cam webcam phone lens",
    ),
    view_verbs=_words("show point tilt zoom aim pan film"),
    clause_breaks=_words("and then if when or but so because cuz coz while"),
    noun_only=_words(
        "go show open close shut lock wear put take remove change brush hold raise lift point "
        "tilt zoom aim pan face try do hide pull pose wave"
    ),
)

_ES = Grammar(
    "es",
    verbs=_words(
        "parate ponte sientate acuestate gira da date muestra muestranos muestrame ensena "
        "ensename ensenanos ve vete anda mueve apunta voltea sube quitate abre cierra camina "
        "haz pon acerca lleva"
    ),
    complete=_words("levantate girate voltéate volteate acercate arrodillate agachate baila salta"),
    prefixes=_prefixes(
        "por favor, porfa, porfavor, plis, ahora, ya, oye, puedes, podrias, tienes que, "
        "te reto a, vamos, venga, nena, nino, nina, chica, y, luego"
    ),
    directions=_words("arriba abajo vuelta pie cerca atras"),
    nouns=_nouns(
        place="cuarto habitacion dormitorio bano cama armario puerta ventana espejo silla "
        "mesa escritorio suelo piso pared sofa casa",
        body="pelo pies piernas manos cara cuerpo giro vuelta ropa pijama uniforme",
        camera="camara cam telefono movil celular",
    ),
    view_verbs=_words("muestra muestranos muestrame ensena ensename ensenanos apunta"),
    clause_breaks=_words("y luego si cuando o pero"),
)

_FR = Grammar(
    "fr",
    verbs=_words(
        "mets-toi assieds-toi allonge-toi tourne montre montre-nous montre-moi va bouge "
        "pointe monte enleve ouvre ferme marche fais mets approche"
    ),
    complete=_words(
        "leve-toi tourne-toi retourne-toi approche-toi agenouille-toi penche-toi danse saute debout"
    ),
    prefixes=_prefixes(
        "s'il te plait, s'il te plaît, stp, steuplait, allez, maintenant, vas-y, tu peux, "
        "peux-tu, je te defie de, ma puce, petite, et, puis"
    ),
    directions=_words("debout autour pres"),
    nouns=_nouns(
        place="chambre salle lit armoire placard porte fenetre miroir chaise bureau sol mur "
        "canape maison",
        body="cheveux pieds jambes mains visage corps tour pirouette vetements pyjama uniforme",
        camera="camera cam webcam telephone portable",
    ),
    view_verbs=_words("montre montre-nous montre-moi pointe"),
    clause_breaks=_words("et puis si quand ou mais"),
)

_DE = Grammar(
    "de",
    verbs=_words(
        "steh stell setz leg dreh zeig zeige geh beweg komm kletter zieh offne oeffne mach "
        "knie buck richte halt"
    ),
    complete=_words("tanz spring aufstehen"),
    prefixes=_prefixes("bitte, jetzt, los, mal, kannst du, du sollst, schatz, kleine, und, dann"),
    directions=_words("auf um naher hin dich herum"),
    nouns=_nouns(
        place="zimmer schlafzimmer bad badezimmer bett schrank tur fenster spiegel stuhl "
        "tisch schreibtisch boden wand sofa couch haus",
        body="haare fusse beine hande gesicht korper drehung kleidung schlafanzug pyjama uniform",
        camera="kamera cam webcam handy",
    ),
    view_verbs=_words("zeig zeige richte"),
    clause_breaks=_words("und dann wenn oder aber"),
)

_PT = Grammar(
    "pt",
    verbs=_words(
        "levanta fica fique senta deita vira gira mostra mostre mostra-nos mostra-me vai va "
        "mexe aponta chega sobe tira abre fecha anda faz poe"
    ),
    complete=_words("levanta-te vira-te senta-te deita-te ajoelha ajoelha-te danca pula"),
    prefixes=_prefixes(
        "por favor, pfv, pf, agora, vai, pode, podes, voce pode, tu podes, querida, menina, "
        "e, depois"
    ),
    directions=_words("pe perto volta"),
    nouns=_nouns(
        place="quarto banheiro banho cama armario porta janela espelho cadeira mesa chao "
        "parede sofa casa",
        body="cabelo pes pernas maos rosto cara corpo giro volta roupa pijama uniforme",
        camera="camera cam celular telemovel telefone",
    ),
    view_verbs=_words("mostra mostre mostra-nos mostra-me aponta"),
    clause_breaks=_words("e depois se quando ou mas"),
)

_IT = Grammar(
    "it",
    verbs=_words(
        "mettiti siediti sdraiati gira mostra mostraci mostrami vai muovi punta sali togliti "
        "apri chiudi cammina fai metti"
    ),
    complete=_words("alzati girati avvicinati inginocchiati piegati balla salta"),
    prefixes=_prefixes(
        "per favore, perfavore, pf, dai, ora, adesso, puoi, tesoro, piccola, e, poi"
    ),
    directions=_words("piedi giro vicino"),
    nouns=_nouns(
        place="stanza cameretta camera bagno letto armadio porta finestra specchio sedia "
        "tavolo scrivania pavimento muro divano casa",
        body="capelli piedi gambe mani faccia viso corpo giravolta giro vestiti pigiama uniforme",
        camera="telecamera webcam telefono cellulare",
    ),
    view_verbs=_words("mostra mostraci mostrami punta"),
    clause_breaks=_words("e poi se quando o ma"),
)

_PL = Grammar(
    "pl",
    verbs=_words(
        "stan usiadz poloz lez obroc odwroc pokaz idz rusz skieruj podejdz wejdz zdejmij "
        "otworz zamknij zrob przesun ustaw"
    ),
    complete=_words("wstan zatancz skocz ukleknij schyl"),
    prefixes=_prefixes(
        "prosze, prosze cie, no, teraz, dawaj, mozesz, czy mozesz, musisz, mala, skarbie, "
        "i, potem, a"
    ),
    directions=_words("sie blizej"),
    nouns=_nouns(
        place="pokoj pokoju sypialnia sypialni lazienka lazienki lazienke lozko lozku szafa "
        "szafe drzwi okno okna lustro lustra krzeslo krzesle krzesla biurko biurku podloga "
        "podlodze sciana sciane kanapa kanapie dom domu",
        body="wlosy stopy nogi rece twarz cialo obrot ubranie ubrania pizama pizame mundurek",
        camera="kamera kamere kamerke kamerka telefon",
    ),
    view_verbs=_words("pokaz skieruj"),
    clause_breaks=_words("i potem jak jesli albo ale"),
)

_RO = Grammar(
    "ro",
    verbs=_words(
        "ridica stai aseaza-te intinde-te intoarce roteste arata arata-ne arata-mi du-te "
        "misca indreapta urca deschide inchide mergi fa pune"
    ),
    complete=_words("ridica-te intoarce-te apropie-te ingenuncheaza apleaca-te danseaza sari"),
    prefixes=_prefixes(
        "te rog, te rugam, hai, acum, poti sa, poti, trebuie sa, draga, fetito, si, apoi"
    ),
    directions=_words("picioare aproape"),
    nouns=_nouns(
        place="camera dormitor dormitorul baie pat patul dulap usa fereastra oglinda scaun "
        "scaunul birou podea perete canapea casa",
        body="par parul picioarele maini fata corp rotire invartire haine pijama uniforma",
        camera="telefon webcam",
    ),
    view_verbs=_words("arata arata-ne arata-mi indreapta"),
    clause_breaks=_words("si apoi daca cand sau dar"),
)

GRAMMARS: Final[dict[str, Grammar]] = {
    g.language: g for g in (_EN, _ES, _FR, _DE, _PT, _IT, _PL, _RO)
}

DETERMINERS: Final = _words(
    "the a an that this these those your ur my his her its their our some "
    "el la los las un una tu mi le les une ta ton mon der die das den dem ein eine dein deine "
    "o os um uma teu tua il lo gli uno sua tuo"
)
"""Words that open a noun phrase: after one, a bare movement verb has an object ("spin the
wheel", "turn the music up") and is not an instruction to move oneself."""

_TOKEN = re.compile(r"@?[a-z0-9']+(?:-[a-z0-9']+)*|[.!?,;:()\n]")
_BREAK = frozenset(".!?,;:()\n")

Token = tuple[str, int, int]


def _tokens(text: str) -> list[Token]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _clauses(tokens: list[Token], breaks: frozenset[str]) -> list[list[Token]]:
    out: list[list[Token]] = [[]]
    for word, start, end in tokens:
        if word in _BREAK or word in breaks:
            out.append([])
            continue
        if word.startswith("@"):
            if not out[-1]:
                continue  # an @mention before the verb is address
            word = word[1:]
        out[-1].append((word, start, end))
    return [c for c in out if c]


def _prefix_index(grammar: Grammar) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for seq in grammar.prefixes:  # longest first
        index.setdefault(seq[0], []).append(seq)
    return {w: tuple(seqs) for w, seqs in index.items()}


def _skip_prefixes(words: list[str], index: dict[str, tuple[tuple[str, ...], ...]]) -> int:
    i = 0
    while i < len(words):
        for seq in index.get(words[i], ()):
            if tuple(words[i : i + len(seq)]) == seq:
                i += len(seq)
                break
        else:
            return i
    return i


_PREFIX_INDEX: Final = {lang: _prefix_index(g) for lang, g in GRAMMARS.items()}


def find_instructions(
    text: str,
    grammar: Grammar,
    tokens: list[Token] | None = None,
    present: set[str] | None = None,
) -> list[Instruction]:
    """Instructions in one folded comment, by one language's grammar."""
    tokens = _tokens(text) if tokens is None else tokens
    if present is None:
        present = {w.lstrip("@") for w, _, _ in tokens}
    if grammar.verbs.isdisjoint(present) and grammar.complete.isdisjoint(present):
        return []
    prefixes = _PREFIX_INDEX[grammar.language]
    out: list[Instruction] = []
    for clause in _clauses(tokens, grammar.clause_breaks):
        words = [w for w, _, _ in clause]
        i = _skip_prefixes(words, prefixes)
        if i >= len(words):
            continue
        verb = words[i]
        start = clause[i][1]
        follows = words[i + 1] if i + 1 < len(words) else None
        if verb in grammar.complete and verb not in grammar.verbs:
            if follows is None or follows not in DETERMINERS:
                out.append(
                    Instruction(grammar.language, verb, "", "direction", start, clause[i][2])
                )
            continue
        if verb not in grammar.verbs:
            continue
        reach = range(i + 1, min(len(words), i + 1 + grammar.reach))
        # A named thing beats a direction: "stand up on the chair" is about the chair.
        noun_at = next((j for j in reach if words[j] in grammar.nouns), None)
        if noun_at is not None:
            noun = grammar.nouns[words[noun_at]]
            kind: Kind = "view" if noun == "camera" or verb in grammar.view_verbs else "body"
            out.append(
                Instruction(grammar.language, verb, words[noun_at], kind, start, clause[noun_at][2])
            )
            continue
        if verb not in grammar.noun_only:
            # A direction right after the verb ("stand up", "dreh dich um", "ponte de pie"),
            # not after an object ("turn the music up").
            near = [j for j in reach if j <= i + 3]
            blocked = next((j for j in near if words[j] in DETERMINERS), None)
            direction_at = next(
                (
                    j
                    for j in near
                    if words[j] in grammar.directions and (blocked is None or j < blocked)
                ),
                None,
            )
            if direction_at is not None:
                out.append(
                    Instruction(
                        grammar.language,
                        verb,
                        words[direction_at],
                        "direction",
                        start,
                        clause[direction_at][2],
                    )
                )
                continue
        if verb in grammar.complete and (follows is None or follows not in DETERMINERS):
            out.append(Instruction(grammar.language, verb, "", "direction", start, clause[i][2]))
    return out


def find_all_instructions(text: str) -> list[Instruction]:
    """Instructions by every language's grammar, without overlaps (the first found wins)."""
    found: list[Instruction] = []
    tokens = _tokens(text)
    present = {w.lstrip("@") for w, _, _ in tokens}
    for grammar in GRAMMARS.values():
        for ins in find_instructions(text, grammar, tokens, present):
            if all(ins.end <= f.start or ins.start >= f.end for f in found):
                found.append(ins)
    return sorted(found, key=lambda x: x.start)
