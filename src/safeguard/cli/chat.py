"""``safeguard chat score|comments|train|eval``: grooming risk of conversations, abuse-to-order
risk of recorded livestream comment streams, training and evaluating the model on the shipped
synthetic corpus or on PAN12."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from safeguard.cli.common import emit_json, err_console, fail

if TYPE_CHECKING:
    from safeguard.chat.scorer import Scoring
    from safeguard.chat.training.corpus import LabelledConversation


chat_app = typer.Typer(
    help="Grooming risk in conversations: score, train, evaluate.", no_args_is_help=True
)

ModelOption = Annotated[
    Path | None,
    typer.Option("--model", help="A grooming model file [default: the shipped model]."),
]


def _score_files(
    files: list[Path],
    score: Callable[[Path], Iterable[dict[str, Any] | Exception]],
    unreadable: type[Exception],
    json_out: bool,
) -> tuple[list[dict[str, Any]], int]:
    """Score every item of every file. An item that cannot be read (a damaged line, a bad
    conversation in a list) becomes an error record in its place and the rest of the file
    is still scored; so does a file that cannot be read at all. Returns the records and how
    many files had an error."""
    rows: list[dict[str, Any]] = []
    failed = 0
    for path in files:
        file_failed = False
        items: Iterable[dict[str, Any] | Exception] = score(path)
        try:
            for result in items:
                if isinstance(result, Exception):
                    if not isinstance(result, unreadable):
                        raise result
                    file_failed = True
                    record = {"path": str(path), "id": None, "error": str(result)}
                    if not json_out:
                        err_console.print(f"[red]error:[/red] {result}", highlight=False)
                else:
                    record = {"path": str(path), **result, "error": None}
                rows.append(record)
                if json_out:
                    emit_json(record)
        except unreadable as exc:
            file_failed = True
            record = {"path": str(path), "id": None, "error": str(exc)}
            rows.append(record)
            if json_out:
                emit_json(record)
            else:
                err_console.print(f"[red]error:[/red] {exc}", highlight=False)
        failed += file_failed
    return rows, failed


def _scoring(model: Path | None) -> Scoring:
    from safeguard.chat.lexicon import LexiconError
    from safeguard.chat.model import GroomingModel, ModelFormatError
    from safeguard.chat.scorer import Scoring

    try:
        return Scoring.default() if model is None else Scoring.for_model(GroomingModel.load(model))
    except (ModelFormatError, LexiconError) as exc:
        raise fail(str(exc), 2) from exc


@chat_app.command("score")
def score_command(
    files: Annotated[
        list[Path],
        typer.Argument(help="Conversation .json files or JSON lines files.", show_default=False),
    ],
    json_out: Annotated[
        bool, typer.Option("--json", help="One JSON object per conversation.")
    ] = False,
    model: ModelOption = None,
) -> None:
    """Score conversations: risk 0..1, level, signals with message index and span, the
    participant they come from, and the message at which an alert fired."""
    from safeguard.chat.conversation import ConversationError, read_conversations_lenient
    from safeguard.chat.scorer import score_conversation

    scoring = _scoring(model)
    rows, failed = _score_files(
        files,
        lambda path: (
            c if isinstance(c, ConversationError) else score_conversation(c, scoring).to_json()
            for c in read_conversations_lenient(path)
        ),
        ConversationError,
        json_out,
    )
    if not json_out:
        table = Table(title="Conversations")
        for col in ("id", "risk", "level", "alert at", "suspect", "signals"):
            table.add_column(col, overflow="fold")
        for r in rows:
            if r.get("error"):
                continue
            cats = sorted({s["category"] for s in r["signals"]})
            table.add_row(
                str(r["id"]),
                f"{r['risk']:.2f}",
                r["level"],
                "" if r["alert_at"] is None else str(r["alert_at"]),
                r["suspect"] or "",
                ", ".join(cats),
            )
        err_console.print(table)
    if failed:
        raise typer.Exit(1)


@chat_app.command("comments")
def comments_command(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Recorded comment streams: .json (one stream or a list) or JSON lines.",
            show_default=False,
        ),
    ],
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object per stream.")] = False,
) -> None:
    """Score recorded livestream comment streams as the stream monitor does: per stream the
    peak risk 0..1, whether it flagged (and at which comment), each viewer's risk and
    signals, and every signal with its comment index and span."""
    from safeguard.chat.comment_streams import CommentStreamError, read_comment_streams_lenient
    from safeguard.chat.comments import (
        CommentModelError,
        CommentScorer,
        default_comment_model,
        score_comment_stream,
    )

    try:
        model = default_comment_model()
    except CommentModelError as exc:
        raise fail(str(exc), 2) from exc
    rows, failed = _score_files(
        files,
        lambda path: (
            st
            if isinstance(st, CommentStreamError)
            else score_comment_stream(st.id, st.comments, CommentScorer(model=model)).to_json()
            for st in read_comment_streams_lenient(path)
        ),
        CommentStreamError,
        json_out,
    )
    if not json_out:
        table = Table(title="Comment streams")
        for col in ("id", "risk", "flagged at", "viewers at risk", "signals"):
            table.add_column(col, overflow="fold")
        for r in rows:
            if r.get("error"):
                continue
            at = r["flagged_at"]
            risky = sorted(v for v, x in r["viewers"].items() if x["risk"] >= 0.5)
            table.add_row(
                str(r["id"]),
                f"{r['risk']:.2f}",
                "" if at is None else f"comment {at['comment']} (ts {at['ts']:.1f})",
                ", ".join(risky[:5]) + (" …" if len(risky) > 5 else ""),
                ", ".join(sorted({s["category"] for s in r["signals"]})),
            )
        err_console.print(table)
    if failed:
        raise typer.Exit(1)


def _labelled(
    corpus: Path | None, pan12: Path | None, predators: Path | None, lines: Path | None, split: str
) -> tuple[list[LabelledConversation], str]:
    from safeguard.chat.training.corpus import data_dir, read_labelled
    from safeguard.chat.training.pan12 import read_pan12

    if pan12 is not None:
        return list(read_pan12(pan12, predators, lines)), f"PAN12 {pan12.name}"
    if corpus is None and split == "train":
        from safeguard.chat.training.recipe import SOURCE, grooming_training_data

        return grooming_training_data(), SOURCE
    if corpus is not None:
        from safeguard.chat.training.editions import check_training_file

        check_training_file(corpus)
    path = corpus or data_dir() / f"conversations_{split}.jsonl"
    return list(read_labelled(path)), str(path.name if corpus is None else path)


Pan12Option = Annotated[
    Path | None, typer.Option("--pan12", help="A PAN12 XML file instead of the JSON lines corpus.")
]
PredatorsOption = Annotated[
    Path | None, typer.Option("--predators", help="PAN12 predator ids file (one id a line).")
]
LinesOption = Annotated[
    Path | None,
    typer.Option("--predator-lines", help="PAN12 predator lines file (conversation<TAB>line)."),
]


@chat_app.command("train")
def train_command(
    corpus: Annotated[
        Path | None,
        typer.Option(
            "--corpus",
            help="Labelled JSON lines [default: the shipped train split and the training "
            "editions, the shipped model's recipe].",
        ),
    ] = None,
    pan12: Pan12Option = None,
    predators: PredatorsOption = None,
    predator_lines: LinesOption = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Model file to write [default: the shipped one].")
    ] = None,
    comments_out: Annotated[
        Path | None,
        typer.Option(
            "--comments-out",
            help="Also train the comment model on the shipped comment streams and write it here.",
        ),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print a JSON summary.")] = False,
) -> None:
    """Train the grooming model (deterministic: the same data gives the same file), with
    its metrics on the shipped test split when training on the shipped train split."""
    from safeguard.chat.conversation import ConversationError
    from safeguard.chat.model import default_model_path
    from safeguard.chat.training.corpus import data_dir, read_labelled
    from safeguard.chat.training.evaluate import evaluate_grooming
    from safeguard.chat.training.pan12 import Pan12Error

    # scikit-learn and scipy load only here: scoring never needs them.
    from safeguard.chat.training.train import train_grooming

    started = time.perf_counter()
    from safeguard.chat.training.editions import HeldOutError
    from safeguard.chat.training.recipe import SHIPPED_SETTINGS

    try:
        items, source = _labelled(corpus, pan12, predators, predator_lines, "train")
        model = train_grooming(items, source=source, settings=SHIPPED_SETTINGS)
        if corpus is None and pan12 is None:
            test = list(read_labelled(data_dir() / "conversations_test.jsonl"))
            model.metrics = {
                "split": "test (shipped synthetic)",
                **evaluate_grooming(model, test),
            }
    except HeldOutError as exc:
        raise fail(str(exc), 2) from exc
    except (ConversationError, Pan12Error, ValueError) as exc:
        raise fail(str(exc), 1) from exc
    target = out or default_model_path()
    model.save(target)
    summary: dict[str, Any] = {
        "model": str(target),
        "sha256": model.checksum,
        "trained_on": model.trained_on,
        "policy": model.policy.to_json(),
        "seconds": round(time.perf_counter() - started, 1),
    }
    if comments_out is not None:
        from safeguard.chat.training.comments_train import (
            shipped_comment_model,
            write_comment_model,
        )

        write_comment_model(shipped_comment_model(), comments_out)
        summary["comments_model"] = str(comments_out)
    if json_out:
        emit_json(summary)
    else:
        err_console.print(f"wrote {target} ({summary['seconds']} s), sha256 {model.checksum[:16]}…")


@chat_app.command("eval")
def eval_command(
    corpus: Annotated[
        list[Path] | None,
        typer.Option(
            "--corpus",
            help="Also evaluate on these labelled JSON lines files (repeatable) [default sets: "
            "the synthetic test split and, where present, the held-out folder (--heldout)].",
        ),
    ] = None,
    pan12: Pan12Option = None,
    predators: PredatorsOption = None,
    predator_lines: LinesOption = None,
    model: ModelOption = None,
    train: Annotated[
        Path | None,
        typer.Option(
            "--train",
            help="Labelled JSON lines the baselines are trained on [default: what the shipped "
            "model was trained on: the shipped train split and the training editions].",
        ),
    ] = None,
    heldout: Annotated[
        Path | None,
        typer.Option(
            "--heldout",
            help="The held-out folder [default: the newest tests/data/chat_eval_v* folder "
            "that is not a training edition, where present].",
        ),
    ] = None,
    only: Annotated[
        bool,
        typer.Option("--only", help="Evaluate only the --corpus/--pan12 sets, not the defaults."),
    ] = False,
    comments: Annotated[
        bool,
        typer.Option(
            "--comments",
            help="Also evaluate the comment model beside its baselines (synthetic test "
            "streams, the development set and, where present, the held-out set).",
        ),
    ] = False,
    json_out: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
) -> None:
    """The shipped (or given) model beside a keyword baseline and a TF-IDF + logistic
    regression baseline trained on the same data: AUC, recall and hard negatives alerted
    at the alert policy, messages from the first grooming line to the alert, per language;
    on the synthetic test split, the development set, the evaluation set and its typo and
    synonym perturbations, PAN12 when given; plus the full report of the model per set."""
    from safeguard.chat.comments import CommentModelError
    from safeguard.chat.conversation import ConversationError
    from safeguard.chat.training.corpus import data_dir, read_labelled
    from safeguard.chat.training.editions import HeldOutError
    from safeguard.chat.training.pan12 import Pan12Error, read_pan12
    from safeguard.chat.training.recipe import grooming_training_data
    from safeguard.chat.training.suite import (
        SHORT_HEADER,
        evaluate_all,
        heldout_folder,
        is_heldout,
        standard_sets,
        table_rows,
    )

    scoring = _scoring(model)
    try:
        sets: dict[str, list[LabelledConversation]] = {}
        held = heldout_folder(None, heldout) if not only or heldout is not None else None
        guard = [held] if held is not None else []
        if not only:
            test = list(read_labelled(data_dir() / "conversations_test.jsonl"))
            sets = standard_sets(test, None, held)
        for path in corpus or []:
            sets[str(path)] = list(read_labelled(path))
        if pan12 is not None:
            sets[f"PAN12 {pan12.name}"] = list(read_pan12(pan12, predators, predator_lines))
        if not sets:
            raise fail("nothing to evaluate: give --corpus or --pan12", 2)
        train_items = (
            list(read_labelled(train))
            if train is not None
            else grooming_training_data(heldout=guard)
        )
        metrics = evaluate_all(
            scoring.model,
            train_items,
            sets,
            perturb=[n for n in sets if is_heldout(n) or (only and n != "synthetic")],
        )
        if comments:
            from safeguard.chat.training.comments_eval import comments_report

            metrics["comments"] = comments_report(heldout=held, standard=not only)
    except HeldOutError as exc:
        raise fail(str(exc), 2) from exc
    except (ConversationError, Pan12Error, CommentModelError) as exc:
        raise fail(str(exc), 1) from exc
    if json_out:
        emit_json(metrics)
        return
    table = Table(title="chat eval (model vs baselines trained on the same data)")
    for col in SHORT_HEADER:
        table.add_column(col, justify="left" if col in ("set", "system") else "right")
    for row in table_rows(metrics):
        table.add_row(*row)
    err_console.print(table)
    err_console.print(
        "n (+): conversations (grooming); hard neg / neg: share of hard negatives / of all "
        "negatives alerted; msgs: median messages from the first grooming line to the alert."
    )
    for set_name, systems in metrics["sets"].items():
        per = systems["model"]["by_language"]
        if len(per) > 1:
            cells = ", ".join(
                f"{lang} {_rate(s['recall'])}/{_rate(s['hard_negatives_alerted'])}"
                for lang, s in per.items()
            )
            err_console.print(f"{set_name}, model per language (recall/hard neg): {cells}")
    if "comments" in metrics:
        ctable = Table(title="comment streams (flag at risk 0.6)")
        for col in ("set", "system", "streams", "AUC", "benign flagged", "recall"):
            ctable.add_column(col, justify="left" if col in ("set", "system") else "right")
        for set_name, rows in metrics["comments"]["sets"].items():
            for system in ("model", "tfidf_lr", "keywords"):
                r = rows[system]
                ctable.add_row(
                    set_name,
                    system,
                    str(r["streams"]),
                    *(str(r[k]) for k in ("auc", "benign_flagged", "recall")),
                )
        err_console.print(ctable)


def _rate(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"
