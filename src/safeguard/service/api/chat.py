"""Grooming risk over HTTP: a whole conversation (``POST /v1/chat/score``), or one message at
a time (``POST /v1/chat/messages``) with the conversation's bounded state kept in the
database so any worker can take the next message. Thin shells over ``safeguard.chat``."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from safeguard.chat.conversation import Conversation, Message, Participant
from safeguard.chat.open_conversations import (
    OpenConversation,
    add_message,
    close_conversation,
    get_conversation,
)
from safeguard.chat.scorer import Scoring, score_conversation
from safeguard.service.api.hashing import ERRORS
from safeguard.service.auth import Principal, require_role
from safeguard.service.deps import get_runtime
from safeguard.service.runtime import Runtime
from safeguard.service.schemas import Strict

router = APIRouter(prefix="/v1/chat", tags=["chat"], responses=ERRORS)
Matcher = Annotated[Principal, Depends(require_role("matcher"))]
RuntimeDep = Annotated[Runtime, Depends(get_runtime)]

MAX_MESSAGES = 10_000
ID_PATTERN = r"^[^\x00-\x1f]{1,200}$"


@lru_cache(maxsize=1)
def scoring() -> Scoring:
    return Scoring.default()


# --- schemas --------------------------------------------------------------------------------


class ParticipantIn(Strict):
    id: str = Field(min_length=1, max_length=200)
    age: int | None = Field(None, ge=1, le=129, description="Declared age in years.")
    role: str | None = Field(None, max_length=50, description="E.g. child, adult, parent.")


class MessageIn(Strict):
    author: str = Field(min_length=1, max_length=200)
    #: Longer texts are accepted; the scorer reads the first 4,000 characters.
    text: str = Field("", max_length=100_000)
    #: Seconds (any epoch); optional.
    ts: float | None = None


class ConversationIn(Strict):
    id: str = Field("conversation", pattern=ID_PATTERN)
    participants: list[ParticipantIn] = Field(default_factory=list, max_length=1000)
    messages: list[MessageIn] = Field(default_factory=list, max_length=MAX_MESSAGES)


class ChatMessageIn(MessageIn):
    conversation: str = Field(pattern=ID_PATTERN)
    #: Declared participants; read with the conversation's first message.
    participants: list[ParticipantIn] = Field(default_factory=list, max_length=1000)


class SignalOut(BaseModel):
    category: str
    message: int
    span: tuple[int, int]
    author: str


class ScoreOut(BaseModel):
    id: str
    risk: float
    level: str
    signals: list[SignalOut]
    alert_at: int | None
    suspect: str | None
    target: str | None
    messages: int
    warnings: list[str]
    #: The conversation's language (ISO 639-1), null while undecided.
    language: str | None = None
    #: False when the language has no lexicon or training data: the risk is then unknown,
    #: not low (``level`` is ``unknown`` unless an alert fired).
    supported: bool = True


class ConversationStateOut(ScoreOut):
    #: Size of the stored state (no message text is stored).
    state_bytes: int
    #: The review case opened when the alert fired.
    case_id: int | None


def _participants(items: list[ParticipantIn]) -> tuple[Participant, ...]:
    return tuple(Participant(p.id, p.age, p.role) for p in items)


def _state_out(opened: OpenConversation) -> dict[str, Any]:
    return opened.to_json()


def tenant_of(principal: Principal) -> str:
    """Whose open conversations these are: the API key's *name*, so every key a platform
    holds under one name (a rotated key, several services) sees the same conversations and
    keys of other names see none."""
    return f"tenant:{principal.key_name}"


# --- routes ---------------------------------------------------------------------------------


@router.post("/score", response_model=ScoreOut)
async def score(body: ConversationIn, _principal: Matcher) -> dict[str, Any]:
    """Score a whole conversation: risk 0..1 (calibrated), level, the signals behind it
    (category, message index, character span, author), the suspect and target, and the
    message at which an alert fired. Nothing is stored."""
    conversation = Conversation(
        body.id,
        _participants(body.participants),
        tuple(Message(m.author, m.text, m.ts) for m in body.messages),
    )
    result = await run_in_threadpool(score_conversation, conversation, scoring())
    return result.to_json()


@router.post("/messages", response_model=ConversationStateOut)
async def message(body: ChatMessageIn, principal: Matcher, runtime: RuntimeDep) -> dict[str, Any]:
    """Score one more message of an open conversation and return its current state. The
    first alert opens a review case (``case_id``)."""
    opened = await run_in_threadpool(
        add_message,
        runtime.db,
        tenant_of(principal),
        body.conversation,
        Message(body.author, body.text, body.ts),
        scoring(),
        participants=_participants(body.participants),
    )
    return _state_out(opened)


@router.get("/conversations/{conversation_id:path}", response_model=ConversationStateOut)
async def conversation_state(
    conversation_id: str, principal: Matcher, runtime: RuntimeDep
) -> dict[str, Any]:
    """The current state of an open conversation."""
    opened = await run_in_threadpool(
        get_conversation, runtime.db, tenant_of(principal), conversation_id
    )
    return _state_out(opened)


@router.delete("/conversations/{conversation_id:path}", status_code=204)
async def close(conversation_id: str, principal: Matcher, runtime: RuntimeDep) -> None:
    """Forget an open conversation's state."""
    await run_in_threadpool(close_conversation, runtime.db, tenant_of(principal), conversation_id)
