"""The learned grooming model, saved as versioned, checksummed JSON (never pickle).

Four parts:

- a **message model**: logistic regression over hashed lemma n-grams and lexicon categories,
  the probability that a message is a grooming move; messages at or above the policy's
  ``line_threshold`` count as *grooming lines*;
- a **semantic layer**: per category, weights over the same hashed features learned from the
  grooming lines the lexicon recognised (and the lexicons' examples), so a grooming line the
  lexicon missed ("between the two of us") is attributed to the category it most resembles;
- a **lexical layer** (issue 12, ninth round): logistic regression over the same features,
  trained on who writes like a suspect; its log-odds add to two evidence features of the
  author (largest probability, sum of positive log-odds) that only grow;
- an **evidence model** over one author's evidence
  (:data:`~safeguard.chat.features.EVIDENCE_FEATURES`), with **non-negative weights**, whose
  sum is multiplied by the declared context: ``z = bias + E · (1 + α·adult_to_minor) ·
  (1 − β·peer_minors)`` with α ≥ 0 and 0 ≤ β < 1, then **calibrated** (Platt scaling with a
  positive slope, fitted on held-out training conversations). A conversation's risk is the
  largest of its authors' risks.

Because every evidence feature only grows as its author writes and every weight is
non-negative, risk never falls as a conversation goes on; the alert fires at the first
message whose risk reaches the policy's threshold."""

from __future__ import annotations

import hashlib
import json
import math
import operator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from safeguard.chat.features import EVIDENCE_FEATURES, Context, Hashing
from safeguard.chat.taxonomy import SIGNAL_CATEGORIES
from safeguard.errors import InvalidInput

MODEL_FORMAT = "safeguard.chat.grooming/3"
MODEL_FILE = "grooming-v2.json"


class ModelFormatError(InvalidInput, ValueError):
    """A model file of another format version, a bad checksum, or a malformed file."""


@dataclass(frozen=True, slots=True)
class AlertPolicy:
    #: The alert fires at the first message whose risk is at least this.
    threshold: float = 0.5
    #: Messages with at least this message probability are grooming lines.
    line_threshold: float = 0.5
    #: The alert threshold of a conversation whose language is a supported one other than
    #: English (None: :attr:`threshold` for every language). Issue 12, eighth round: the
    #: non-English lexicons and training lines are fewer, so their innocent uses (a
    #: relative's "don't tell mum yet", a coach's "send me a photo of your drum") reach a
    #: higher risk than the same words in English; both thresholds are chosen by the
    #: leave-one-edition-out folds.
    other_languages: float | None = None

    def lowest(self) -> float:
        """The lowest threshold of any language (risk below it never alerts)."""
        if self.other_languages is None:
            return self.threshold
        return min(self.threshold, self.other_languages)

    def for_language(self, language: str | None) -> float:
        """The alert threshold of a conversation in ``language`` (None or ``en``: English,
        and unsupported languages, which are read with the English lexicon)."""
        if self.other_languages is None or language is None or language == "en":
            return self.threshold
        return self.other_languages

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"threshold": self.threshold, "line_threshold": self.line_threshold}
        if self.other_languages is not None:
            out["other_languages"] = self.other_languages
        return out


@dataclass(slots=True)
class GroomingModel:
    hashing: Hashing
    message_bias: float
    message_weights: dict[int, float]
    evidence_bias: float
    evidence_weights: tuple[float, ...]
    #: α (adult to minor raises) and β (two peer minors lowers).
    context: tuple[float, float] = (0.0, 0.0)
    calibration: tuple[float, float] = (1.0, 0.0)
    policy: AlertPolicy = field(default_factory=AlertPolicy)
    #: hashed feature → [(category index, weight)], the semantic layer.
    semantic: dict[int, list[tuple[int, float]]] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)
    trained_on: dict[str, Any] = field(default_factory=dict)
    #: The lexical layer (issue 12, ninth round): logistic regression over the same hashed
    #: features, trained on *who* wrote a message (the suspect from their first grooming
    #: line on, against every author of the other conversations). Its log-odds feed two
    #: evidence features of the author (the largest probability, the sum of the positive
    #: log-odds), which only grow; empty: the layer is off.
    lexical_bias: float = 0.0
    lexical_weights: dict[int, float] = field(default_factory=dict)
    #: Both models' weights as one complex number per feature (message + i·lexical), built
    #: on first use: one dictionary walk reads a message for both (:meth:`read`).
    _both: dict[int, complex] | None = field(default=None, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if len(self.evidence_weights) != len(EVIDENCE_FEATURES):
            raise ModelFormatError(
                f"evidence model has {len(self.evidence_weights)} weights, "
                f"this version needs {len(EVIDENCE_FEATURES)}"
            )
        if any(w < 0 for w in self.evidence_weights):
            raise ModelFormatError("evidence weights must be non-negative")
        alpha, beta = self.context
        if alpha < 0 or not 0 <= beta < 1:
            raise ModelFormatError("context factors out of range (α ≥ 0, 0 ≤ β < 1)")
        if self.calibration[0] <= 0:
            raise ModelFormatError("the calibration slope must be positive")
        if self.risk_of_logit(self.evidence_bias) >= self.policy.lowest():
            raise ModelFormatError("without any evidence the risk must stay below the alert")

    def message_probability(self, hashes: list[int]) -> float:
        # Missing features give None, which filter drops (as it drops 0.0): a sum in C.
        return _sigmoid(
            self.message_bias + sum(filter(None, map(self.message_weights.get, hashes)))
        )

    def read(self, hashes: list[int]) -> tuple[float, float | None]:
        """:meth:`message_probability` and :meth:`lexical_logit` in one walk over the
        features (the same sums, term by term)."""
        if not self.lexical_weights:
            return self.message_probability(hashes), None
        both = self._both
        if both is None:
            both = self._both = {h: complex(w, 0.0) for h, w in self.message_weights.items()}
            for h, w in self.lexical_weights.items():
                both[h] = complex(both[h].real if h in both else 0.0, w)
        z = sum(filter(None, map(both.get, hashes)))
        return _sigmoid(self.message_bias + z.real), self.lexical_bias + z.imag

    def lexical_logit(self, hashes: list[int]) -> float | None:
        """The lexical layer's log-odds that the message's author is a suspect (None when
        the layer is off)."""
        if not self.lexical_weights:
            return None
        return self.lexical_bias + sum(filter(None, map(self.lexical_weights.get, hashes)))

    def semantic_category(self, hashes: list[int]) -> str | None:
        """The category a message most resembles, or None when it resembles none."""
        scores: dict[int, float] = {}
        table = self.semantic
        for h in set(hashes):
            for ci, w in table.get(h, ()):
                scores[ci] = scores.get(ci, 0.0) + w
        if not scores:
            return None
        best = max(scores, key=lambda c: (scores[c], -c))
        return SIGNAL_CATEGORIES[best] if scores[best] > 0 else None

    def evidence(self, features: list[float]) -> float:
        if len(features) != len(self.evidence_weights):
            raise ValueError("wrong number of evidence features")
        return sum(map(operator.mul, self.evidence_weights, features), 0.0)

    def logit(self, features: list[float], context: Context) -> float:
        alpha, beta = self.context
        scale = (1.0 + alpha * context.adult_to_minor) * (1.0 - beta * context.peer_minors)
        return self.evidence_bias + self.evidence(features) * scale

    def risk_of_logit(self, z: float) -> float:
        a, b = self.calibration
        return _sigmoid(a * z + b)

    # -- files ---------------------------------------------------------------------------

    def body(self) -> dict[str, Any]:
        items = sorted(self.message_weights.items())
        lexical = sorted(self.lexical_weights.items())
        return {
            "format": MODEL_FORMAT,
            "hashing": self.hashing.to_json(),
            "message": {
                "bias": self.message_bias,
                "indices": [i for i, _ in items],
                "weights": [w for _, w in items],
            },
            "lexical": {
                "bias": self.lexical_bias,
                "indices": [i for i, _ in lexical],
                "weights": [w for _, w in lexical],
            },
            "semantic": {
                "categories": list(SIGNAL_CATEGORIES),
                "table": [
                    [h, [[c, w] for c, w in rows]] for h, rows in sorted(self.semantic.items())
                ],
            },
            "evidence": {
                "features": list(EVIDENCE_FEATURES),
                "bias": self.evidence_bias,
                "weights": list(self.evidence_weights),
                "context": {"adult_to_minor": self.context[0], "peer_minors": self.context[1]},
            },
            "calibration": {"method": "platt", "a": self.calibration[0], "b": self.calibration[1]},
            "policy": self.policy.to_json(),
            "metrics": self.metrics,
            "trained_on": self.trained_on,
        }

    def to_json(self) -> dict[str, Any]:
        body = self.body()
        return {**body, "sha256": _checksum(body)}

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(json.dumps(self.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
        tmp.replace(path)

    @classmethod
    def from_json(cls, doc: Any) -> GroomingModel:
        if not isinstance(doc, dict):
            raise ModelFormatError("a model file must hold a JSON object")
        if doc.get("format") != MODEL_FORMAT:
            raise ModelFormatError(
                f"model format {doc.get('format')!r} is not {MODEL_FORMAT!r}: "
                "retrain it with `safeguard chat train` for this version"
            )
        body = {k: v for k, v in doc.items() if k != "sha256"}
        if doc.get("sha256") != _checksum(body):
            raise ModelFormatError("model checksum does not match its content (file damaged?)")
        try:
            msg, ev, cal, pol, sem, lex = (
                doc["message"],
                doc["evidence"],
                doc["calibration"],
                doc["policy"],
                doc["semantic"],
                doc["lexical"],
            )
            if list(ev["features"]) != list(EVIDENCE_FEATURES):
                raise ModelFormatError("model was trained on other evidence features")
            if list(sem["categories"]) != list(SIGNAL_CATEGORIES):
                raise ModelFormatError("model was trained on other categories")
            return cls(
                hashing=Hashing.from_json(doc["hashing"]),
                message_bias=float(msg["bias"]),
                message_weights=dict(
                    zip(
                        (int(i) for i in msg["indices"]),
                        (float(w) for w in msg["weights"]),
                        strict=True,
                    )
                ),
                evidence_bias=float(ev["bias"]),
                evidence_weights=tuple(float(w) for w in ev["weights"]),
                context=(
                    float(ev["context"]["adult_to_minor"]),
                    float(ev["context"]["peer_minors"]),
                ),
                calibration=(float(cal["a"]), float(cal["b"])),
                policy=AlertPolicy(
                    float(pol["threshold"]),
                    float(pol["line_threshold"]),
                    None if pol.get("other_languages") is None else float(pol["other_languages"]),
                ),
                semantic={
                    int(h): [(int(c), float(w)) for c, w in rows] for h, rows in sem["table"]
                },
                metrics=dict(doc.get("metrics", {})),
                trained_on=dict(doc.get("trained_on", {})),
                lexical_bias=float(lex["bias"]),
                lexical_weights=dict(
                    zip(
                        (int(i) for i in lex["indices"]),
                        (float(w) for w in lex["weights"]),
                        strict=True,
                    )
                ),
            )
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, ModelFormatError):
                raise
            raise ModelFormatError(f"malformed model file: {exc}") from exc

    @classmethod
    def load(cls, path: Path) -> GroomingModel:
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ModelFormatError(f"{path}: cannot read model: {exc}") from exc
        try:
            return cls.from_json(doc)
        except ModelFormatError as exc:
            raise ModelFormatError(f"{path}: {exc}") from exc

    @property
    def checksum(self) -> str:
        return _checksum(self.body())


def _checksum(body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _sigmoid(z: float) -> float:
    if z < -35:
        return 0.0
    if z > 35:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


def default_model_path() -> Path:
    return Path(str(resources.files("safeguard.chat") / "models" / MODEL_FILE))


@lru_cache(maxsize=1)
def default_model() -> GroomingModel:
    """The shipped model, loaded once per process."""
    path = default_model_path()
    if not path.is_file():
        raise ModelFormatError(f"the default model {path} is missing: run `safeguard chat train`")
    return GroomingModel.load(path)
