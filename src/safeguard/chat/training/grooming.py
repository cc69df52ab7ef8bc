"""Training the grooming model, deterministic, from labelled conversations.

1. **Message model**: logistic regression over the hashed features of every message
   (:func:`safeguard.chat.scorer.read_message`, the same path as scoring), labelled by
   whether it is a grooming line. Fitted once per fold (template folds of a synthetic corpus,
   or folds by conversation id), so the evidence model learns from *out-of-fold*
   probabilities, and once on everything for the shipped file.
2. **Semantic layer**: per category, the hashed features that are much more frequent in the
   grooming lines the lexicon put in that category than in grooming lines in general
   (smoothed log ratio, the strongest :data:`SEMANTIC_TOP` per category).
3. **Evidence model**: each conversation replayed with its out-of-fold message model; one
   row per message, the author's evidence after it, labelled 1 for the suspect from the
   first grooming line on and 0 otherwise, weighted so every conversation counts once. Fitted
   on 75 % of the conversations by bounded L-BFGS: log loss, non-negative evidence weights,
   α ≥ 0, 0 ≤ β ≤ 0.9 (see :mod:`safeguard.chat.model`).
4. **Calibration and policy**, on the other 25 %: Platt scaling (positive slope) of the
   conversation's logit after each message; then the lowest alert threshold whose false
   alert rate on the held-out negative conversations is at most :data:`MAX_FALSE_ALERTS`
   (raised to a floor), or, for the shipped model, the threshold chosen by the mean over the
   leave-one-edition-out folds (:attr:`TrainSettings.threshold`).

Training reads what it is given; the shipped recipe (:mod:`~safeguard.chat.training.recipe`)
gives it the synthetic train split and the training editions, through the held-out guard
(:mod:`~safeguard.chat.training.editions`)."""

from __future__ import annotations

import itertools
import math
import zlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse
from scipy.optimize import minimize
from sklearn.linear_model import LogisticRegression

from safeguard.chat.features import EVIDENCE_FEATURES, Hashing
from safeguard.chat.lexicon import Lexicon, default_lexicon
from safeguard.chat.model import AlertPolicy, GroomingModel
from safeguard.chat.scorer import ConversationState, Scoring, read_message, step
from safeguard.chat.taxonomy import CONVERSATION_CATEGORIES, SIGNAL_CATEGORIES
from safeguard.chat.training.corpus import LabelledConversation

FOLDS = 3
#: Strong L2 on the message model (issue 12, third round; it was 1.0). With weak
#: regularisation the model gave single everyday words that the generators' grooming lines
#: happen to use large weights ("tonight" +4.5, "about" +2.7, "everything" +2.7), so benign
#: lines such as "text me when you're home safe tonight" or "you were right about the quiz
#: team" became grooming lines (p 0.98) on hand-written conversations. 0.05 was chosen by the
#: share of hard negatives alerted at recall 0.80 on the development sets (v1: 7.1 % → 6.1 %,
#: v2: 10.6 % → 6.7 %; 0.1 and 0.02 did worse on one of them).
MESSAGE_C = 0.05
EVIDENCE_L2 = 1e-3
#: Every category counts as about the same evidence a priori: the weights of the
#: per-category features (``count_*``, ``line_*``) are pulled towards this value (with
#: :data:`PRIOR_STRENGTH`), so neither a corpus whose negatives use a category often can switch
#: it off, nor a generator whose grooming always opens the same way (age first) can make one
#: category alert on its own; what the fit may still learn freely is how much *combinations*
#: count (stage pairs, distinct categories, the strength of the grooming lines).
PRIOR_WEIGHT = 0.3
PRIOR_STRENGTH = 0.3
PER_CATEGORY = frozenset(
    f"{kind}_{c}" for kind in ("count", "line") for c in CONVERSATION_CATEGORIES
)
#: Evidence features that get no weight (bounded at zero): the stage pairs over *all* of an
#: author's lexicon hits. On the development sets, relatives, tutors, coaches, mentors and
#: adult scammers combine stages in ordinary words ("how old are you now?" ... "don't tell
#: your mum how much" ... "send me a photo with the bike"), and those pairs alone made most
#: of their false alerts; the same pairs over the author's *grooming lines* (``line_stages_*``,
#: the message model's reading) keep their weight.
UNWEIGHTED = frozenset(f"stages_{a}{b}" for a, b in itertools.combinations(range(1, 5), 2))
#: At most this factor for a declared adult talking to a declared minor.
MAX_ALPHA = 1.0
#: Context always counts a little (α, β at least this): a declared adult writing to a
#: declared minor scores above two declared peers writing the same (an invariant).
MIN_CONTEXT = 0.1
LINE_THRESHOLD = 0.35
SEMANTIC_TOP = 300
#: The policy's threshold is the lowest whose held-out false alert rate is at most this.
MAX_FALSE_ALERTS = 0.05
#: The alert threshold is at least this (issue 12, third round). The threshold the synthetic
#: conversations choose (MAX_FALSE_ALERTS) is 0.75, at which the hand-written development sets
#: lose one benign conversation in six to an alert: synthetic negatives are easier than
#: hand-written ones. Chosen on the first development set (``tests/data/chat_eval``): the
#: highest threshold (steps of 0.0125) that keeps its recall at 0.83 or more (recall 0.837,
#: 7.1 % of its hard negatives alerted), then checked on the second (``chat_eval_v2``:
#: recall 0.803, 8.7 %). A development choice: figures on those sets are not evidence.
ALERT_THRESHOLD_FLOOR = 0.8375
THRESHOLDS = tuple(round(0.2 + 0.025 * i, 3) for i in range(31))
Array = npt.NDArray[np.float64]


def _bucket(key: str, n: int) -> int:
    return zlib.crc32(key.encode()) % n


def _fold(item: LabelledConversation, n: int) -> int:
    return item.fold % n if item.fold is not None else _bucket(item.conversation.id, n)


#: The lexical layer's L2 (``C`` of its logistic regression).
LEXICAL_C = 0.2


def _fit_lexical(
    m: _Messages, keep: npt.NDArray[np.bool_], c: float
) -> tuple[float, dict[int, float]]:
    rows = keep & (m.author >= 0)
    return _fit_message_model(m.x[rows], m.author[rows], c)


def _neutral(hashing: Hashing) -> GroomingModel:
    return GroomingModel(hashing, -4.0, {}, -10.0, (0.0,) * len(EVIDENCE_FEATURES))


@dataclass(frozen=True, slots=True)
class _Messages:
    x: sparse.csr_matrix
    y: npt.NDArray[np.int64]
    owner: npt.NDArray[np.int64]
    categories: list[list[str]]
    #: The lexical layer's label of each row: 1 the suspect's messages from their first
    #: grooming line on, 0 every other author's (and every message of a conversation
    #: without grooming), -1 the suspect's messages before it (left out).
    author: npt.NDArray[np.int64]


def _message_matrix(
    items: list[LabelledConversation], scoring: Scoring, hashing: Hashing
) -> _Messages:
    rows: list[int] = []
    cols: list[int] = []
    labels: list[int] = []
    owner: list[int] = []
    cats: list[list[str]] = []
    author: list[int] = []
    r = 0
    for ci, item in enumerate(items):
        state = ConversationState.start(item.conversation.participants)
        labelled = _labelled_categories(item)
        suspects = _suspects(item) if item.label else set()
        first = min(item.predator_lines) if item.predator_lines else 0
        for mi, message in enumerate(item.conversation.messages):
            if message.author in suspects:
                author.append(1 if mi >= first else -1)
            else:
                author.append(0)
            reading = read_message(state, message.text, scoring)
            state.messages += 1
            rows.extend([r] * len(reading.hashes))
            cols.extend(reading.hashes)
            labels.append(int(mi in item.predator_lines))
            owner.append(ci)
            cats.append(labelled.get(mi, reading.categories))
            r += 1
    data = np.ones(len(cols), dtype=np.float64)
    x = sparse.csr_matrix((data, (rows, cols)), shape=(r, 1 << hashing.bits))
    x.sum_duplicates()
    return _Messages(x, np.asarray(labels), np.asarray(owner), cats, np.asarray(author))


def _labelled_categories(item: LabelledConversation) -> dict[int, list[str]]:
    """Categories a corpus gives its lines (``grooming_lines``/``cue_lines``: ``{"index",
    "categories"}``), which teach the semantic layer better than the lexicon's own hits."""
    out: dict[int, list[str]] = {}
    for key in ("grooming_lines", "cue_lines"):
        rows = item.conversation.extra.get(key)
        if not isinstance(rows, list):
            continue
        for row in rows:
            if isinstance(row, dict) and isinstance(row.get("index"), int):
                names = [c for c in row.get("categories", []) if c in SIGNAL_CATEGORIES]
                out.setdefault(row["index"], []).extend(names)
    return out


def _fit_message_model(
    x: sparse.csr_matrix, y: npt.NDArray[np.int64], c: float = MESSAGE_C
) -> tuple[float, dict[int, float]]:
    if y.min() == y.max():
        return (-4.0 if y.max() == 0 else 4.0), {}
    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit(x, y)
    coef = clf.coef_[0]
    weights = {
        int(i): round(float(coef[i]), 6) for i in np.unique(x.indices) if abs(coef[i]) >= 1e-6
    }
    return round(float(clf.intercept_[0]), 6), weights


def _semantic_table(m: _Messages) -> dict[int, list[tuple[int, float]]]:
    """Per category, the features most over-represented in the lines of that category
    relative to all categorised lines (smoothed log ratio of document frequencies). A line's
    categories are the corpus's labels where it gives them, else the lexicon's hits."""
    lines = np.flatnonzero(np.asarray([bool(c) for c in m.categories]))
    if not len(lines):
        return {}
    xb = (m.x[lines] > 0).astype(np.float64).tocsr()
    total = np.asarray(xb.sum(axis=0)).ravel()
    n_lines = len(lines)
    table: dict[int, list[tuple[int, float]]] = {}
    for ci, category in enumerate(SIGNAL_CATEGORIES):
        members = [j for j, r in enumerate(lines) if category in m.categories[r]]
        if len(members) < 3:
            continue
        inside = np.asarray(xb[members].sum(axis=0)).ravel()
        used = np.flatnonzero(inside >= 2)
        ratio = np.log((inside[used] + 0.5) / (len(members) + 1.0)) - np.log(
            (total[used] + 0.5) / (n_lines + 1.0)
        )
        order = np.argsort(-ratio, kind="stable")[:SEMANTIC_TOP]
        for j in order:
            if ratio[j] <= 0:
                break
            table.setdefault(int(used[j]), []).append((ci, round(float(ratio[j]), 4)))
    return table


@dataclass(slots=True)
class _Replay:
    """One conversation replayed: per message, the writer's evidence features and context,
    the row label, and the conversation's logit (the largest author logit) after it."""

    item: LabelledConversation
    features: list[list[float]]
    adult_to_minor: list[float]
    peer_minors: list[float]
    labels: list[int]
    conversation_logits: list[float]


def _suspects(item: LabelledConversation) -> set[str]:
    if item.predator:
        return {item.predator}
    return {item.conversation.messages[i].author for i in item.predator_lines}


def _replay(item: LabelledConversation, scoring: Scoring) -> _Replay:
    state = ConversationState.start(item.conversation.participants)
    first = min(item.predator_lines) if item.predator_lines else 0
    suspects = {state.key_of(a) for a in _suspects(item)} if item.label else set()
    out = _Replay(item, [], [], [], [], [])
    for mi, message in enumerate(item.conversation.messages):
        ev = step(state, message, scoring)
        stats = state.authors[ev.author]
        ctx = state.context(ev.author)
        out.features.append(stats.features())
        out.adult_to_minor.append(float(ctx.adult_to_minor))
        out.peer_minors.append(float(ctx.peer_minors))
        out.labels.append(int(ev.author in suspects and mi >= first))
        out.conversation_logits.append(
            max(s.logit for s in state.authors.values() if s.logit is not None)
        )
    return out


def _fit_evidence(
    x: Array, a: Array, p: Array, y: Array, s: Array
) -> tuple[float, Array, float, float]:
    """Bounded L-BFGS on the weighted log loss of z = b + (x·w)(1 + αa)(1 − βp)."""
    n_feat = x.shape[1]
    total = float(s.sum())
    is_count = np.asarray([float(f in PER_CATEGORY) for f in EVIDENCE_FEATURES])
    prior = PRIOR_WEIGHT * is_count

    def loss(theta: Array) -> tuple[float, Array]:
        b, w, alpha, beta = theta[0], theta[1 : 1 + n_feat], theta[-2], theta[-1]
        e = x @ w
        ma = 1.0 + alpha * a
        mp = 1.0 - beta * p
        z = b + e * ma * mp
        value = float(np.sum(s * (np.logaddexp(0.0, z) - y * z)) / total)
        value += 0.5 * EVIDENCE_L2 * float(w @ w)
        value += 0.5 * PRIOR_STRENGTH * float((w - prior) ** 2 @ is_count)
        r = s * (1.0 / (1.0 + np.exp(-z)) - y) / total
        grad = np.empty_like(theta)
        grad[0] = r.sum()
        grad[1 : 1 + n_feat] = (
            x.T @ (r * ma * mp) + EVIDENCE_L2 * w + PRIOR_STRENGTH * (w - prior) * is_count
        )
        grad[-2] = float(np.sum(r * e * a * mp))
        grad[-1] = float(np.sum(r * e * ma * -p))
        return value, grad

    theta0 = np.zeros(n_feat + 3)
    theta0[0] = -3.0
    theta0[1 : 1 + n_feat] = [0.0 if f in UNWEIGHTED else 0.1 for f in EVIDENCE_FEATURES]
    bounds = (
        [(None, None)]
        + [(0.0, 0.0) if f in UNWEIGHTED else (0.0, None) for f in EVIDENCE_FEATURES]
        + [(MIN_CONTEXT, MAX_ALPHA), (MIN_CONTEXT, 0.9)]
    )
    res = minimize(loss, theta0, jac=True, method="L-BFGS-B", bounds=bounds)
    theta = res.x
    return float(theta[0]), theta[1 : 1 + n_feat], float(theta[-2]), float(theta[-1])


def _fit_platt(z: Array, y: Array, s: Array) -> tuple[float, float]:
    total = float(s.sum())

    def loss(theta: Array) -> tuple[float, Array]:
        u = theta[0] * z + theta[1]
        value = float(np.sum(s * (np.logaddexp(0.0, u) - y * u)) / total)
        r = s * (1.0 / (1.0 + np.exp(-u)) - y) / total
        return value, np.array([float(np.sum(r * z)), float(np.sum(r))])

    res = minimize(
        loss, np.array([1.0, 0.0]), jac=True, method="L-BFGS-B", bounds=[(0.05, 50.0), (None, None)]
    )
    return float(res.x[0]), float(res.x[1])


def _alert_at(logits: list[float], model: GroomingModel, threshold: float) -> int | None:
    for i, z in enumerate(logits):
        if model.risk_of_logit(z) >= threshold:
            return i
    return None


def _choose_threshold(held: list[_Replay], model: GroomingModel) -> tuple[float, dict[str, Any]]:
    negatives = [h for h in held if not h.item.label]
    positives = [h for h in held if h.item.label]
    best: tuple[float, dict[str, Any]] | None = None
    for t in THRESHOLDS:
        fa = sum(_alert_at(h.conversation_logits, model, t) is not None for h in negatives)
        tp = sum(_alert_at(h.conversation_logits, model, t) is not None for h in positives)
        rate = fa / len(negatives) if negatives else 0.0
        stats = {
            "threshold": t,
            "false_alert_rate": round(rate, 4),
            "recall": round(tp / len(positives), 4) if positives else 0.0,
        }
        if rate <= MAX_FALSE_ALERTS:
            best = (t, stats)
            break
    if best is None:
        return THRESHOLDS[-1], {"threshold": THRESHOLDS[-1], "note": "no threshold met the bound"}
    return best


@dataclass(frozen=True, slots=True)
class TrainSettings:
    """The design choices of training (issue 12's fifth round chooses them by the mean over
    the leave-one-edition-out folds, :mod:`safeguard.chat.training.loeo`)."""

    message_c: float = MESSAGE_C
    line_threshold: float = LINE_THRESHOLD
    #: The alert threshold is at least this.
    threshold_floor: float = ALERT_THRESHOLD_FLOOR
    #: When set, the alert threshold is exactly this (chosen by the mean over the
    #: leave-one-edition-out folds), not the calibration quarter's choice.
    threshold: float | None = None
    #: The suspect's rows of the first :data:`EARLY_ROWS` messages from the first grooming
    #: line weigh this much more in the evidence fit (each conversation still counts once):
    #: the fit is asked to be sure early, which is what the alert latency measures.
    early_weight: float = 1.0
    #: When set, the alert threshold of a conversation in a supported language other than
    #: English (:attr:`~safeguard.chat.model.AlertPolicy.other_languages`), chosen by the
    #: leave-one-edition-out folds beside :attr:`threshold`.
    other_languages: float | None = None
    #: ``C`` of the lexical layer (issue 12, ninth round; 0: no lexical layer).
    lexical_c: float = 0.0
    #: Emoji are tokens of the hashed features (issue 12, ninth round).
    emoji: bool = False


#: The messages after the first grooming line that :attr:`TrainSettings.early_weight` covers.
EARLY_ROWS = 4


def _row_weights(replay: _Replay, early_weight: float) -> Array:
    w = np.ones(len(replay.labels), dtype=np.float64)
    if early_weight != 1.0 and replay.item.label and replay.item.predator_lines:
        first = min(replay.item.predator_lines)
        for i, label in enumerate(replay.labels):
            if label and first <= i < first + EARLY_ROWS:
                w[i] = early_weight
    normalised: Array = w / float(w.sum())
    return normalised


def train_grooming(
    items: list[LabelledConversation],
    *,
    hashing: Hashing | None = None,
    lexicon: Lexicon | None = None,
    source: str = "",
    settings: TrainSettings | None = None,
) -> GroomingModel:
    """Train on labelled conversations (the same data gives the same model)."""
    settings = settings or TrainSettings()
    hashing = hashing or Hashing(emoji=settings.emoji)
    lexicon = lexicon or default_lexicon("en", "conversation")
    items = [i for i in items if i.conversation.messages]
    if not any(i.label for i in items) or all(i.label for i in items):
        raise ValueError("training needs both grooming and other conversations")
    reader = Scoring(_neutral(hashing), lexicon)
    m = _message_matrix(items, reader, hashing)
    folds = FOLDS if any(i.fold is None for i in items) else 2
    fold_of_item = np.asarray([_fold(i, folds) for i in items])
    fold = fold_of_item[m.owner]
    semantic = _semantic_table(m)
    policy = AlertPolicy(threshold=0.5, line_threshold=settings.line_threshold)
    fold_scorings = []
    for f in range(folds):
        keep = fold != f
        bias, weights = _fit_message_model(m.x[keep], m.y[keep], settings.message_c)
        lex_bias, lex_weights = (
            _fit_lexical(m, keep, settings.lexical_c) if settings.lexical_c else (0.0, {})
        )
        model = GroomingModel(
            hashing,
            bias,
            weights,
            -10.0,
            (0.0,) * len(EVIDENCE_FEATURES),
            policy=policy,
            semantic=semantic,
            lexical_bias=lex_bias,
            lexical_weights=lex_weights,
        )
        fold_scorings.append(Scoring(model, lexicon, reader.lexicons))

    fit: list[_Replay] = []
    held: list[_Replay] = []
    for item, f in zip(items, fold_of_item, strict=True):
        replay = _replay(item, fold_scorings[int(f)])
        (held if _bucket(item.conversation.id + ":calibration", 4) == 0 else fit).append(replay)

    def stack(replays: list[_Replay]) -> tuple[Array, Array, Array, Array, Array]:
        x = np.asarray([row for r in replays for row in r.features], dtype=np.float64)
        a = np.asarray([v for r in replays for v in r.adult_to_minor], dtype=np.float64)
        p = np.asarray([v for r in replays for v in r.peer_minors], dtype=np.float64)
        y = np.asarray([v for r in replays for v in r.labels], dtype=np.float64)
        s = np.concatenate([_row_weights(r, settings.early_weight) for r in replays])
        return x, a, p, y, s

    bias, ev_weights, alpha, beta = _fit_evidence(*stack(fit))
    evidence = GroomingModel(
        hashing,
        0.0,
        {},
        round(bias, 6),
        tuple(round(max(0.0, float(w)), 6) for w in ev_weights),
        context=(round(alpha, 6), round(beta, 6)),
        policy=policy,
        semantic=semantic,
    )
    for f in range(folds):
        fold_scorings[f] = Scoring(
            _with_message(evidence, fold_scorings[f].model), lexicon, reader.lexicons
        )
    held = [_replay(h.item, fold_scorings[_fold(h.item, folds)]) for h in held]
    z = np.asarray([v for h in held for v in h.conversation_logits])
    yc = np.asarray(
        [
            int(h.item.label and i >= min(h.item.predator_lines or {0}))
            for h in held
            for i in range(len(h.conversation_logits))
        ],
        dtype=np.float64,
    )
    sc = np.asarray([1.0 / len(h.conversation_logits) for h in held for _ in h.conversation_logits])
    a_cal, b_cal = _fit_platt(z, yc, sc)
    evidence.calibration = (round(a_cal, 6), round(b_cal, 6))
    threshold, chosen = _choose_threshold(held, evidence)
    if settings.threshold is not None:
        chosen = {**chosen, "fixed": settings.threshold}
        if settings.other_languages is not None:
            chosen["other_languages"] = settings.other_languages
        threshold = settings.threshold
    elif threshold < settings.threshold_floor:
        chosen = {**chosen, "floor": settings.threshold_floor}
        threshold = settings.threshold_floor
    final_bias, final_weights = _fit_message_model(m.x, m.y, settings.message_c)
    everything = np.ones(m.x.shape[0], dtype=bool)
    final_lex_bias, final_lex_weights = (
        _fit_lexical(m, everything, settings.lexical_c) if settings.lexical_c else (0.0, {})
    )
    category_lines = Counter(c for r in np.flatnonzero(m.y == 1) for c in m.categories[r])
    return GroomingModel(
        hashing=hashing,
        message_bias=final_bias,
        message_weights=final_weights,
        evidence_bias=evidence.evidence_bias,
        evidence_weights=evidence.evidence_weights,
        context=evidence.context,
        calibration=evidence.calibration,
        policy=AlertPolicy(threshold, settings.line_threshold, settings.other_languages),
        semantic=semantic,
        lexical_bias=final_lex_bias,
        lexical_weights=final_lex_weights,
        trained_on={
            "source": source,
            "conversations": len(items),
            "grooming": sum(i.label for i in items),
            "messages": int(m.x.shape[0]),
            "calibration_conversations": len(held),
            "policy_choice": chosen,
            "grooming_lines_categorised": int(
                sum(1 for r in np.flatnonzero(m.y == 1) if m.categories[r])
            ),
            "grooming_lines": int((m.y == 1).sum()),
            "lines_per_category": dict(sorted(category_lines.items())),
            "languages": dict(
                sorted(
                    Counter(str(i.conversation.extra.get("language", "en")) for i in items).items()
                )
            ),
        },
    )


def _with_message(evidence: GroomingModel, message: GroomingModel) -> GroomingModel:
    return GroomingModel(
        evidence.hashing,
        message.message_bias,
        message.message_weights,
        evidence.evidence_bias,
        evidence.evidence_weights,
        context=evidence.context,
        calibration=(1.0, 0.0),
        policy=evidence.policy,
        semantic=evidence.semantic,
        lexical_bias=message.lexical_bias,
        lexical_weights=message.lexical_weights,
    )


def describe(model: GroomingModel) -> dict[str, Any]:
    """The evidence model's weights by name (for docs and reports)."""
    return {
        "bias": model.evidence_bias,
        "weights": dict(zip(EVIDENCE_FEATURES, model.evidence_weights, strict=True)),
        "context": {"adult_to_minor": model.context[0], "peer_minors": model.context[1]},
        "calibration": model.calibration,
        "policy": model.policy.to_json(),
        "note": f"risk never falls: weights ≥ 0 ({math.fsum(model.evidence_weights):.3f} in all)",
    }
