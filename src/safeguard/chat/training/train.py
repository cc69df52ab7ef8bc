"""Training entry points: the grooming model (:mod:`safeguard.chat.training.grooming`) and the
comment model (:mod:`safeguard.chat.training.comments_train`): deterministic, from labelled
data (the shipped synthetic corpus or PAN12)."""

from __future__ import annotations

from safeguard.chat.training.comments_train import train_comments
from safeguard.chat.training.grooming import train_grooming

__all__ = ["train_comments", "train_grooming"]
