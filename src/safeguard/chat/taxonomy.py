"""The documented taxonomy of grooming strategies and livestream-comment signals.

Categories follow O'Connell's stages of online grooming (friendship forming, relationship
forming, risk assessment, exclusivity, sexual stage, which this project never models),
Lorenzo-Dus et al.'s strategies (access, deceptive trust development, isolation) and the
NSPCC's guidance on signs of grooming. Each category is a lexicon file per language in
``lexicons/<lang>/<category>.json``; this module only names them and gives their stage, so
features and reports stay stable when lexicons grow."""

from __future__ import annotations

from typing import Final

CONVERSATION_CATEGORIES: Final = (
    "age_probing",
    "personal_info",
    "secrecy",
    "isolation",
    "platform_move",
    "gifts_money",
    "flattery_romance",
    "photo_camera",
    "meeting",
    "risk_assessment",
    "pressure",
    "threats_extortion",
)
"""The categories the lexicons (one file each) and the corpora name."""

SIGNAL_CATEGORIES: Final = (*CONVERSATION_CATEGORIES, "other_move")
"""What a conversation signal may be: a lexicon category, or ``other_move``, a message the
message model rates as a grooming move that neither the lexicon nor the semantic layer could
name (so that every alert still names its signal)."""

COMMENT_CATEGORIES: Final = (
    "request_action",
    "age_probing",
    "risk_assessment",
    "personal_info",
    "tip_for_action",
    "payment",
    "platform_move",
    "photo_camera",
    "pressure",
    "threats_extortion",
    "concerning_wording",
    "repeated_request",
)
"""Livestream comment signals (``safeguard.chat.comments``); ``repeated_request`` is derived
from the window (the same instruction from several viewers), ``concerning_wording`` from the
comment text model (a comment worded like the concerning viewers' comments it was trained
on, whether or not a lexicon names it), the others come from the lexicons and the
instruction grammar."""

# O'Connell-style stage of each conversation category (1 = access and friendship forming,
# 2 = trust and relationship forming, 3 = risk assessment and exclusivity, 4 = escalation
# towards contact or control). A conversation that walks up the stages is riskier than one
# that touches a single stage.
STAGE: Final = {
    "age_probing": 1,
    "personal_info": 1,
    "flattery_romance": 2,
    "gifts_money": 2,
    "isolation": 3,
    "secrecy": 3,
    "risk_assessment": 3,
    "platform_move": 3,
    "photo_camera": 4,
    "meeting": 4,
    "pressure": 4,
    "threats_extortion": 4,
    "other_move": 0,
}

LEVELS: Final = ("none", "low", "medium", "high", "critical")
LEVEL_FLOORS: Final = (0.0, 0.2, 0.4, 0.6, 0.8)


def level_of(risk: float) -> str:
    """``none`` below 0.2, ``low`` below 0.4, ``medium`` below 0.6, ``high`` below 0.8,
    ``critical`` from 0.8."""
    if risk < 0.4:
        return "none" if risk < 0.2 else "low"
    if risk < 0.8:
        return "medium" if risk < 0.6 else "high"
    return "critical"
