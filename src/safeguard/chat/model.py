"""The learned grooming model, saved as versioned, checksummed JSON (never pickle).

Two linear layers: a message model (hashed n-grams and lexicon categories → the probability
that a message is a grooming move) and a conversation model over the bounded state's
features (:data:`~safeguard.chat.features.CONVERSATION_FEATURES`), whose score is calibrated
(Platt scaling fitted on a held-out part of the train split). The early-warning policy
(alert when ``s`` of the last ``k`` message-level predictions are positive) is part of the
model, because its threshold was chosen with it."""

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

from safeguard.chat.features import CONVERSATION_FEATURES, Hashing
from safeguard.errors import InvalidInput

MODEL_FORMAT = "safeguard.chat.grooming/1"


class ModelFormatError(InvalidInput, ValueError):
    """A model file of another format version, a bad checksum, or a malformed file."""


@dataclass(frozen=True, slots=True)
class AlertPolicy:
    threshold: float = 0.5
    s: int = 2
    k: int = 3
    #: Messages of the suspect with at least this message probability are grooming lines.
    line_threshold: float = 0.5

    def to_json(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            "s": self.s,
            "k": self.k,
            "line_threshold": self.line_threshold,
        }


@dataclass(slots=True)
class GroomingModel:
    hashing: Hashing
    message_bias: float
    message_weights: dict[int, float]
    conversation_bias: float
    conversation_weights: tuple[float, ...]
    calibration: tuple[float, float] = (1.0, 0.0)
    policy: AlertPolicy = field(default_factory=AlertPolicy)
    metrics: dict[str, Any] = field(default_factory=dict)
    trained_on: dict[str, Any] = field(default_factory=dict)
    #: The optional sentence encoder whose embedding joins the message model (None: off).
    encoder: str | None = None
    encoder_weights: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        if len(self.conversation_weights) != len(CONVERSATION_FEATURES):
            raise ModelFormatError(
                f"conversation model has {len(self.conversation_weights)} weights, "
                f"this version needs {len(CONVERSATION_FEATURES)}"
            )

    def message_probability(self, hashes: list[int], embedding: Any = None) -> float:
        w = self.message_weights
        z = self.message_bias
        for h in hashes:
            z += w.get(h, 0.0)
        if self.encoder_weights and embedding is not None:
            z += float(sum(map(operator.mul, self.encoder_weights, embedding)))
        return _sigmoid(z)

    def conversation_logit(self, features: list[float]) -> float:
        if len(features) != len(self.conversation_weights):
            raise ValueError("wrong number of conversation features")
        dot: float = sum(map(operator.mul, self.conversation_weights, features))
        return self.conversation_bias + dot

    def risk(self, features: list[float]) -> float:
        a, b = self.calibration
        return _sigmoid(a * self.conversation_logit(features) + b)

    # -- files ---------------------------------------------------------------------------

    def body(self) -> dict[str, Any]:
        items = sorted(self.message_weights.items())
        return {
            "format": MODEL_FORMAT,
            "hashing": self.hashing.to_json(),
            "message": {
                "bias": self.message_bias,
                "indices": [i for i, _ in items],
                "weights": [w for _, w in items],
            },
            "conversation": {
                "features": list(CONVERSATION_FEATURES),
                "bias": self.conversation_bias,
                "weights": list(self.conversation_weights),
            },
            "calibration": {"method": "platt", "a": self.calibration[0], "b": self.calibration[1]},
            "policy": self.policy.to_json(),
            "encoder": (
                None
                if self.encoder is None
                else {"name": self.encoder, "weights": list(self.encoder_weights)}
            ),
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
            msg, conv, cal, pol = (
                doc["message"],
                doc["conversation"],
                doc["calibration"],
                doc["policy"],
            )
            if list(conv["features"]) != list(CONVERSATION_FEATURES):
                raise ModelFormatError("model was trained on other conversation features")
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
                conversation_bias=float(conv["bias"]),
                conversation_weights=tuple(float(w) for w in conv["weights"]),
                calibration=(float(cal["a"]), float(cal["b"])),
                policy=AlertPolicy(
                    float(pol["threshold"]),
                    int(pol["s"]),
                    int(pol["k"]),
                    float(pol["line_threshold"]),
                ),
                metrics=dict(doc.get("metrics", {})),
                trained_on=dict(doc.get("trained_on", {})),
                encoder=None if doc["encoder"] is None else str(doc["encoder"]["name"]),
                encoder_weights=(
                    ()
                    if doc["encoder"] is None
                    else tuple(float(w) for w in doc["encoder"]["weights"])
                ),
            )
        except (KeyError, TypeError, ValueError) as exc:
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
    return Path(str(resources.files("safeguard.chat") / "models" / "grooming-v1.json"))


@lru_cache(maxsize=1)
def default_model() -> GroomingModel:
    """The shipped model (trained on the shipped train split), loaded once per process."""
    path = default_model_path()
    if not path.is_file():
        raise ModelFormatError(f"the default model {path} is missing: run `safeguard chat train`")
    return GroomingModel.load(path)
