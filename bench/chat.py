"""Benchmark of conversation and comment scoring.

Run: ``python -m bench.chat`` (``--quick`` for a short run; ``--speed`` for items 1 and 2
only). Measures, in one process:

1. messages/s per core (CPU time, after a warm-up round that loads the lexicons, the
   lemmatiser's dictionaries and the language identifier) of incremental scoring with the
   shipped model, against the anchor of re-scoring the whole conversation on every new
   message, on the shipped synthetic test split (short conversations, where identifying the
   language of the first messages is a large share of the cost) and on long single-language
   conversations (the test conversations of one language joined);
2. state per open conversation: the serialised JSON state (what the service stores) at the
   end of each test conversation and after 2,000 messages from 50 authors (the worst case the
   bounds allow), and the Python heap per open state (tracemalloc);
3. accuracy, in the same run: the shipped model beside a keyword baseline and a TF-IDF +
   logistic-regression baseline trained on the same data as the shipped model (the synthetic
   train split and the training editions, :mod:`safeguard.chat.training.recipe`), on the
   synthetic test split and on the **held-out folder**: ``--heldout FOLDER`` (e.g.
   ``tests/data/chat_eval_v6``; files ``conversations_en.jsonl``, ``conversations_ml.jsonl``,
   ``comments_en.jsonl``, ``comments_ml.jsonl``, any of them missing), by default the newest
   ``chat_eval_v*`` folder under ``--data`` (default ``tests/data``) that is not a training
   edition (:mod:`safeguard.chat.training.editions`); with its typo and synonym
   perturbations, per language, and the targets of issue 12 beside the figures. Training
   data is read through the held-out guard with the held-out folder named, so it can never
   be read as training data;
4. comments/s per core of the livestream comment scorer, and the comment model beside its
   baselines (trained on the comment model's training streams) on the same sets
   (:mod:`safeguard.chat.training.comments_eval`);
5. with ``--loeo``, the leave-one-edition-out development figures
   (:mod:`safeguard.chat.training.loeo`, three trainings: minutes of CPU).
"""

from __future__ import annotations

import argparse
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
from safeguard.chat.scorer import ConversationState, Scoring, score_conversation, score_message
from safeguard.chat.training.comments_eval import comments_report
from safeguard.chat.training.corpus import shipped_conversations, shipped_streams
from safeguard.chat.training.recipe import grooming_training_data
from safeguard.chat.training.suite import (
    TABLE_HEADER,
    evaluate_all,
    heldout_folder,
    is_heldout,
    standard_sets,
    table_rows,
)

RESULTS = Path(__file__).resolve().parent / "results"


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
    for c in conversations:  # warm-up: lexicons, lemma dictionaries, language identifier
        state = ConversationState.start(c.participants)
        for m in c.messages:
            score_message(state, m, scoring, c.id)
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


def _language_md(accuracy: dict[str, Any]) -> list[str]:
    lines = ["### Per language (recall / hard negatives alerted)", ""]
    for set_name, systems in accuracy["sets"].items():
        langs = sorted(systems["model"]["by_language"])
        if len(langs) < 2:
            continue
        lines += [f"{set_name}:", "", "| system | " + " | ".join(langs) + " |",
                  "|---|" + "---:|" * len(langs)]  # fmt: skip
        for system in ("model", "tfidf_lr", "keywords"):
            cells = []
            for lang in langs:
                s = systems[system]["by_language"][lang]
                cells.append(f"{_f(s['recall'])} / {_f(s['hard_negatives_alerted'])}")
            lines.append(f"| {system} | " + " | ".join(cells) + " |")
        lines.append("")
    return lines


def _comments_md(report: dict[str, Any]) -> list[str]:
    lines = [
        f"Streams flagged at risk {report['flag_risk']}; baselines at the same operating point.",
        "",
        "| set | scorer | streams | stream AUC | benign flagged | recall |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for set_name, rows in report["sets"].items():
        for who in ("model", "tfidf_lr", "keywords"):
            r = rows[who]
            lines.append(
                f"| {set_name} | {who} | {r['streams']} ({r['concerning']}) | {_f3(r['auc'])} | "
                f"{_f(r['benign_flagged'])} | {_f(r['recall'])} |"
            )
    for set_name, rows in report["sets"].items():
        if len(rows["by_language"]) < 2:
            continue
        cells = [
            f"{lang} {_f(per['model']['auc'])} / {_f(per['model']['benign_flagged'])}"
            for lang, per in rows["by_language"].items()
        ]
        lines += ["", f"{set_name}, model per language (AUC / benign flagged): " + ", ".join(cells)]
    return [*lines, ""]


def _targets_md(r: dict[str, Any]) -> list[str]:
    held = r.get("heldout")
    if not r.get("targets"):
        return [f"No held-out set was found (held-out folder: {held}).", ""]
    lines = ["### Issue 12's targets on the held-out set", ""]
    for name, rows in r["targets"].items():
        lines += [f"{name}:", "", "| figure | model | target | met |", "|---|---:|---|---|"]
        for k, v in rows.items():
            met = "–" if v["met"] is None else ("yes" if v["met"] else "**no**")
            lines.append(f"| {k} | {_f3(v['value'])} | {v['target']} | {met} |")
        lines.append("")
    for name, rows in r.get("comments", {}).get("sets", {}).items():
        if name.startswith("held out"):
            m = rows["model"]
            ok = (m["auc"] or 0) >= 0.85 and (m["benign_flagged"] or 0) <= 0.10
            lines += [
                f"Comment streams of {name}: AUC {_f3(m['auc'])}, benign flagged "
                f"{_f(m['benign_flagged'])}, recall {_f(m['recall'])} (target AUC ≥ 0.85 with "
                f"≤ 10 % benign flagged: {'met' if ok else '**not met**'}).",
                "",
            ]
    return lines


def _loeo_md(loeo: dict[str, Any] | None) -> list[str]:
    if not loeo:
        return []
    lines = [
        "## Leave-one-edition-out (development figures, every edition seen)",
        "",
        f"Threshold {loeo['threshold']} (chosen by the mean over the folds).",
        "",
        "| left out | system | AUC | recall | hard negatives alerted | median msgs | "
        "non-English recall / hard neg |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for edition, f in loeo["folds"].items():
        for system in ("model", "tfidf_lr", "keywords"):
            s = f[system]
            ml = s.get("non_english", {})
            lines.append(
                f"| {edition} | {system} | {_f3(s['auc'])} | {_f3(s['recall'])} | "
                f"{_f3(s['hard_negatives_alerted'])} | "
                f"{_f(s['median_messages_after_first_line'])} | "
                f"{_f3(ml.get('recall'))} / {_f3(ml.get('hard_negatives_alerted'))} |"
            )
    return [*lines, ""]


def _f3(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _f(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def write_md(result: dict[str, Any]) -> str:
    m, r = result["machine"], result
    lines = [
        "# Chat scoring benchmark",
        "",
        f"Generated by `python -m bench.chat` at {r['at']}; one process, CPU time.",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores (shared; load average {m['load_average']:.2f}"
        f" at start, {m.get('load_average_end', float('nan')):.2f} at the end), "
        f"Python {m['python']}; " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()),
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
        "## Accuracy: the shipped model beside the baselines (same run)",
        "",
        "Baselines trained on the same data as the shipped model. Recall and alerts at each "
        "system's default alert policy; latency is the median number of messages from the "
        "first grooming line to the alert.",
        "",
        "| " + " | ".join(TABLE_HEADER) + " |",
        "|---|---|" + "---:|" * (len(TABLE_HEADER) - 2),
        *("| " + " | ".join(row) + " |" for row in table_rows(r["accuracy"])),
        "",
        *_language_md(r["accuracy"]),
        *_targets_md(r),
        *_loeo_md(r.get("loeo")),
        "## Livestream comments",
        "",
        f"- comment scorer: {r['comments_per_s']:,} comments/s a core (120 s window)",
        "",
        *_comments_md(r["comments"]),
        "Synthetic data overstates accuracy: the test split uses unseen phrasings but the same "
        "authors' style and conversation shapes as train. No real conversations were evaluated.",
        "",
    ]
    return "\n".join(lines)


TARGETS = {
    "auc": (">=", 0.90),
    "recall": (">=", 0.80),
    "hard_negatives_alerted": ("<=", 0.10),
    "median_messages_after_first_line": ("<=", 3.0),
    "non_english_recall": (">=", 0.70),
    "non_english_hard_negatives_alerted": ("<=", 0.10),
    "recall_lost_to_typos": ("<=", 0.10),
    "recall_lost_to_synonyms": ("<=", 0.10),
}


def targets(accuracy: dict[str, Any]) -> dict[str, Any]:
    """Issue 12's targets against the model's figures on each held-out set."""
    out: dict[str, Any] = {}
    for name, systems in accuracy["sets"].items():
        if not is_heldout(name) or "+" in name:
            continue
        s = systems["model"]["summary"]
        langs = systems["model"]["by_language"]
        other = [v for k, v in langs.items() if k != "en"]
        figures: dict[str, float | None] = {k: s[k] for k in TARGETS if k in s}
        if other:
            pos = sum(v["positives"] for v in other)
            hard = sum(v["hard_negatives"] for v in other)
            found = sum((v["recall"] or 0) * v["positives"] for v in other)
            alerted = sum((v["hard_negatives_alerted"] or 0) * v["hard_negatives"] for v in other)
            figures["non_english_recall"] = round(found / pos, 4) if pos else None
            figures["non_english_hard_negatives_alerted"] = (
                round(alerted / hard, 4) if hard else None
            )
        for variant in ("typos", "synonyms"):
            p = accuracy["sets"].get(f"{name} + {variant}")
            if p is not None and s["recall"] is not None:
                figures[f"recall_lost_to_{variant}"] = round(
                    s["recall"] - (p["model"]["summary"]["recall"] or 0.0), 4
                )
        out[name] = {
            k: {
                "value": v,
                "target": f"{TARGETS[k][0]} {TARGETS[k][1]}",
                "met": None
                if v is None
                else (v >= TARGETS[k][1] if TARGETS[k][0] == ">=" else v <= TARGETS[k][1]),
            }
            for k, v in figures.items()
        }
    return out


def long_conversations(items: list[Any], count: int) -> list[Conversation]:
    """Test conversations of one language joined into long ones (18 each)."""
    by_language: dict[str, list[Conversation]] = {}
    for item in items:
        lang = str(item.conversation.extra.get("language", "en"))
        by_language.setdefault(lang, []).append(item.conversation)
    out = []
    for lang, convs in sorted(by_language.items()):
        for j in range(0, len(convs) - 17, 18):
            chunk = convs[j : j + 18]
            out.append(
                Conversation(f"long-{lang}-{j}", (), tuple(m for c in chunk for m in c.messages))
            )
            if len(out) >= count:
                return out
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="Fewer rounds.")
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="Folder holding the editions (chat_eval, chat_eval_v2, ...) [default: tests/data].",
    )
    parser.add_argument(
        "--heldout",
        type=Path,
        default=None,
        help="The held-out folder to evaluate (e.g. tests/data/chat_eval_v6) [default: the "
        "newest chat_eval_v* folder under --data that is not a training edition].",
    )
    parser.add_argument(
        "--loeo",
        action="store_true",
        help="Also the leave-one-edition-out development figures (three trainings).",
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="Where results are written.")
    parser.add_argument(
        "--speed",
        action="store_true",
        help="Only messages/s and state size, printed (no accuracy, nothing read from the "
        "evaluation sets, no files written).",
    )
    args = parser.parse_args()
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
    long = long_conversations(test, 4 if args.quick else 12)
    result["throughput"]["long"] = {
        "messages": min(len(c.messages) for c in long),
        "incremental_messages_per_s": round(incremental_rate(long, scoring, rounds)),
        "rescoring_messages_per_s": round(rescoring_rate(long[:2], scoring)),
    }
    result["state"] = state_sizes(conversations, scoring)
    if args.speed:
        result["machine"]["load_average_end"] = os.getloadavg()[0]
        print(json.dumps(result, indent=1))
        return
    heldout = heldout_folder(args.data, args.heldout)
    if args.heldout is not None and (heldout is None or not heldout.is_dir()):
        parser.error(f"--heldout {args.heldout}: no such folder")
    guard = [heldout] if heldout is not None else []
    result["heldout"] = str(heldout) if heldout is not None else None
    sets = standard_sets(test, args.data, heldout)
    train = grooming_training_data(root=args.data, heldout=guard)
    result["accuracy"] = evaluate_all(
        scoring.model, train, sets, perturb=[n for n in sets if is_heldout(n)]
    )
    result["targets"] = targets(result["accuracy"])
    result["comments_per_s"] = round(comments_rate(rounds))
    result["comments"] = comments_report(root=args.data, heldout=heldout)
    if args.loeo:
        from safeguard.chat.training.loeo import Design, run

        result["loeo"] = run(Design(), args.data, guard)
    result["machine"]["load_average_end"] = os.getloadavg()[0]
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "chat.json").write_text(json.dumps(result, indent=1) + "\n")
    (args.out / "chat.md").write_text(write_md(result))
    print(
        json.dumps({k: v for k, v in result.items() if k not in ("accuracy", "comments")}, indent=1)
    )


if __name__ == "__main__":
    main()
