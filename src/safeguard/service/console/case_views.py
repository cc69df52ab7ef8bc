"""What a case page shows, by the kind of case: content (an upload's signals and bank
matches), a conversation (grooming signals), or a live stream (matched frames and comment
evidence). Pure functions from a case's evidence record to what the template lists.

Message and comment texts are not in the evidence: Safeguard never stores them (see
docs/chat.md, Privacy), so a signal is shown by its message number and character span, for
the reviewer to find on the platform.
"""

from __future__ import annotations

from typing import Any, Literal

CaseKind = Literal["content", "chat", "stream"]

#: Actions shown first in the queue, most urgent first (``review.cases.list_cases``).
URGENT_ACTIONS = ("terminate", "report")


def case_kind(source: str, evidence: dict[str, Any]) -> CaseKind:
    if source == "chat" or isinstance(evidence.get("chat"), dict):
        return "chat"
    if source.startswith("stream:") or "frames" in evidence:
        return "stream"
    return "content"


def stream_time(seconds: Any) -> str:
    """``H:MM:SS.s`` of stream time (seconds since the monitor's first packet)."""
    if not isinstance(seconds, int | float) or isinstance(seconds, bool) or seconds < 0:
        return ""
    whole = int(seconds)
    tenths = seconds - whole + whole % 60
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{tenths:04.1f}"


def _label(category: Any) -> str:
    return str(category or "").replace("_", " ")


def _span(span: Any) -> str:
    if isinstance(span, list | tuple) and len(span) == 2:
        return f"characters {span[0]}–{span[1]}"
    return ""


def chat_view(evidence: dict[str, Any]) -> dict[str, Any] | None:
    chat = evidence.get("chat")
    if not isinstance(chat, dict):
        return None
    signals = []
    for s in chat.get("signals") or []:
        if not isinstance(s, dict):
            continue
        index = s.get("message")
        signals.append(
            {
                "category": _label(s.get("category")),
                "message": index + 1 if isinstance(index, int) else "",
                "span": _span(s.get("span")),
                "author": s.get("author") or "",
            }
        )
    alert = chat.get("alert_at")
    return {
        "id": chat.get("id") or "",
        "risk": chat.get("risk"),
        "level": chat.get("level") or "",
        "suspect": chat.get("suspect") or "(not determined)",
        "target": chat.get("target") or "(not determined)",
        "messages": chat.get("messages"),
        "alert_at": alert + 1 if isinstance(alert, int) else None,
        "client": chat.get("client") or "",
        "warnings": [w for w in chat.get("warnings") or [] if isinstance(w, str)],
        "signals": signals,
    }


def unique_matches(matches: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per matched entry (a stream matches the same entry on many frames): the
    closest distance kept."""
    best: dict[tuple[Any, ...], dict[str, Any]] = {}
    for m in matches:
        key = (m.get("bank"), m.get("signal"), m.get("value"), m.get("external_id"))
        seen = best.get(key)
        distance = m.get("distance")
        if seen is None or (
            isinstance(distance, int)
            and isinstance(seen.get("distance"), int)
            and distance < seen["distance"]
        ):
            best[key] = m
    return list(best.values())


def stream_view(evidence: dict[str, Any]) -> dict[str, Any] | None:
    if "frames" not in evidence and "decided_at" not in evidence:
        return None
    frames: dict[float, dict[str, Any]] = {}
    for f in evidence.get("frames") or []:
        if not isinstance(f, dict) or not isinstance(f.get("stream_ts"), int | float):
            continue
        matches = [m for m in f.get("matches") or [] if isinstance(m, dict)]
        frames.setdefault(
            float(f["stream_ts"]),
            {
                "time": stream_time(f["stream_ts"]),
                "pdq": f.get("pdq") or "",
                "quality": f.get("quality"),
                "banks": sorted({str(m.get("bank")) for m in matches if m.get("bank")}),
                "distance": min(
                    (m["distance"] for m in matches if isinstance(m.get("distance"), int)),
                    default=None,
                ),
            },
        )
    comments = evidence.get("comments") if isinstance(evidence.get("comments"), dict) else None
    comment_signals = []
    if comments:
        for s in comments.get("signals") or []:
            if not isinstance(s, dict):
                continue
            index = s.get("comment")
            comment_signals.append(
                {
                    "category": _label(s.get("category")),
                    "viewer": s.get("viewer") or "",
                    "comment": index + 1 if isinstance(index, int) else "",
                    "span": _span(s.get("span")),
                    "time": stream_time(s.get("ts")),
                }
            )
    return {
        "stream": evidence.get("stream") or "",
        "source": evidence.get("source") or "",
        "decided_at": stream_time(evidence.get("decided_at")),
        "frames": [frames[t] for t in sorted(frames)],
        "comments": comments,
        "comment_signals": comment_signals,
    }
