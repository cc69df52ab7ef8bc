"""``safeguard link build|query|export|upgrade``: link media that shows the same place or person.

Links are suggestions for trained reviewers, never identifications. The link store is a
folder (``--store``, default ``<data dir>/link``; format in docs/link.md). Registered in
``cli/app.py``'s ``COMMANDS`` (imported only when used).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from safeguard.cli.common import emit_json, err_console, fail
from safeguard.config import Settings

if TYPE_CHECKING:
    from safeguard.link.linking import BuildSummary, LinkOptions
    from safeguard.link.runner import TaskRunner
    from safeguard.link.store import LinkStore

#: ``LinkOptions().shortlist``, written out so that ``--help`` imports no linking code
#: (``tests/cli/test_help_imports.py`` keeps the two equal).
SHORTLIST = 5
#: ``LinkOptions().votes.items``, likewise.
VOTES = 3
#: ``LinkOptions().deep``, likewise.
DEEP = 5


link_app = typer.Typer(
    help="Link media that shows the same place or the same person (suggestions for "
    "reviewers, never identifications).",
    no_args_is_help=True,
)

StoreOption = Annotated[
    Path | None,
    typer.Option("--store", help="The link store folder [default: <data dir>/link]."),
]
FacesOption = Annotated[
    bool | None,
    typer.Option(
        "--faces/--no-faces",
        help="Detect and link faces (needs the [faces] extra) [default: when installed].",
        show_default=False,
    ),
]


AttachOption = Annotated[
    bool,
    typer.Option(
        "--attach/--no-attach",
        help="Attach a picture linked to nothing to the place group whose pictures agree "
        "with it under guided matching (two or more, and no other group's; docs/link.md).",
    ),
]


ConflictOption = Annotated[
    bool,
    typer.Option(
        "--conflict/--no-conflict",
        help="Refuse a link when, on both sides, the content the picture's other links "
        "confirm is mostly missing from the other picture where they overlap (places "
        "built from one template; docs/link.md). Stored links of the pictures a build "
        "links are asked again with what the new links confirm, and withdrawn when "
        "refused.",
    ),
]


def _link_options(
    shortlist: int = SHORTLIST,
    attach: bool = True,
    conflict: bool = True,
    votes: int = VOTES,
    deep: int = DEEP,
) -> LinkOptions:
    from dataclasses import replace

    from safeguard.link.conflict import DEFAULT_CONFLICT
    from safeguard.link.linking import DEFAULT_ATTACH
    from safeguard.link.linking import LinkOptions as Options
    from safeguard.link.votes import DEFAULT_VOTES

    return Options(
        shortlist=shortlist,
        votes=replace(DEFAULT_VOTES, items=votes),
        deep=deep,
        attach=DEFAULT_ATTACH if attach else replace(DEFAULT_ATTACH, candidates=0),
        conflict=DEFAULT_CONFLICT if conflict else replace(DEFAULT_CONFLICT, enabled=False),
    )


def _store_path(ctx: typer.Context, store: Path | None) -> Path:
    if store is not None:
        return store
    obj = ctx.find_root().obj
    settings = obj if isinstance(obj, Settings) else Settings.load()
    return settings.data_dir / "link"


def _faces(wanted: bool | None) -> bool:
    from safeguard.link.faces import faces_available

    if wanted and not faces_available():
        raise fail("--faces needs the [faces] extra: pip install 'safeguard[faces]'", 2)
    return faces_available() if wanted is None else wanted


@contextlib.contextmanager
def _runner(workers: int | None, scheduler: str | None) -> Iterator[TaskRunner]:
    from safeguard.link.runner import LocalRunner, dask_runner

    if workers == 0:
        yield LocalRunner()
        return
    with dask_runner(workers, scheduler) as runner:
        yield runner


def _write_out(store: LinkStore, out: Path | None, graphml: Path | None) -> None:
    from safeguard.link.graphml import write_graphml
    from safeguard.link.linking import export

    if out is not None:
        out.write_text(json.dumps(export(store), indent=1) + "\n")
    if graphml is not None:
        write_graphml(store, graphml)


@link_app.command("build")
def build_command(
    ctx: typer.Context,
    sources: Annotated[
        list[Path],
        typer.Argument(
            help="Pictures, videos or folders (walked recursively).", show_default=False
        ),
    ],
    store: StoreOption = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write all items and groups as one JSON document."),
    ] = None,
    graphml: Annotated[
        Path | None, typer.Option("--graphml", help="Write the link graph as GraphML.")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            min=0,
            help="Worker processes of the local Dask cluster (default: all cores; 0: run "
            "in this process).",
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Address of a running Dask scheduler instead."),
    ] = None,
    shortlist: Annotated[
        int, typer.Option("--shortlist", min=1, help="Candidates verified per new picture.")
    ] = SHORTLIST,
    votes: Annotated[
        int,
        typer.Option(
            "--votes",
            min=0,
            help="Items verified per new picture by descriptor votes, besides the "
            "shortlist: its keypoints searched one by one over the store, for pictures "
            "that show little of their place (docs/link.md; 0: none).",
        ),
    ] = VOTES,
    deep: Annotated[
        int,
        typer.Option(
            "--deep",
            min=0,
            help="More items verified for a new picture still linked to nothing after the "
            "shortlist and votes: its nearest items by VLAD beyond the shortlist's "
            "(docs/link.md; 0: none).",
        ),
    ] = DEEP,
    faces: FacesOption = None,
    attach: AttachOption = True,
    conflict: ConflictOption = True,
    json_out: Annotated[
        bool, typer.Option("--json", help="Print the summary as one JSON object on stdout.")
    ] = False,
) -> None:
    """Add media to the link store and link it against everything stored (incremental).

    Exit 1 when any input failed (the summary lists them), 0 otherwise.
    """
    from safeguard.errors import SafeguardError
    from safeguard.link.extract import ExtractOptions
    from safeguard.link.linking import build, few_for_codebook, learned_from
    from safeguard.link.store import LinkStore

    if workers is not None and scheduler is not None:
        raise fail("--workers sizes the local cluster; leave it out with --scheduler", 2)
    path = _store_path(ctx, store)
    extract_options = ExtractOptions(faces=_faces(faces))
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
    )
    tasks: dict[str, TaskID] = {}

    def on_progress(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = progress.add_task(stage, total=total)
        progress.update(tasks[stage], completed=done, total=total)

    try:
        link_store = LinkStore.open(path, create=True)
        with _runner(workers, scheduler) as runner, progress:
            summary = build(
                link_store,
                sources,
                extract_options=extract_options,
                options=_link_options(shortlist, attach, conflict, votes, deep),
                runner=runner,
                progress=on_progress,
            )
        _write_out(link_store, out, graphml)
    except SafeguardError as e:
        raise fail(str(e)) from None
    learned = learned_from(link_store)
    if json_out:
        emit_json({"store": str(path), "codebook_learned_from": learned} | summary.to_json())
    err_console.print(_summary_table(summary, path))
    if learned is not None and few_for_codebook(learned, len(link_store.items)):
        err_console.print(
            f"[yellow]The shortlist's codebook was learned from the first {learned} items; "
            f"the store now holds {len(link_store.items)}. 'safeguard link upgrade NEW "
            f"--store {path} --relearn-codebook' learns it again from the whole store."
            "[/yellow]"
        )
    if summary.failed:
        raise typer.Exit(1)


def _summary_table(s: BuildSummary, path: Path) -> Table:
    table = Table(title=f"Link store {path}", show_header=False)
    table.add_column("", style="bold")
    table.add_column("", justify="right")
    for key, value in s.to_json().items():
        if key != "errors":
            table.add_row(key.replace("_", " "), f"{value:,}")
    for e in s.errors[:20]:
        table.add_row(f"[red]{e['code']}[/red]", f"{e['path']}: {e['error']}")
    return table


@link_app.command("query")
def query_command(
    ctx: typer.Context,
    files: Annotated[
        list[Path], typer.Argument(help="Pictures or videos to look up.", show_default=False)
    ],
    store: StoreOption = None,
    faces: FacesOption = None,
    attach: AttachOption = True,
    json_out: Annotated[
        bool, typer.Option("--json", help="One JSON object per file on stdout.")
    ] = False,
) -> None:
    """The stored items and groups each file links to, strongest evidence first. Nothing
    is added to the store. Exit 1 when a file could not be read."""
    from safeguard.errors import SafeguardError
    from safeguard.link.extract import ExtractOptions
    from safeguard.link.linking import query
    from safeguard.link.store import LinkStore

    try:
        link_store = LinkStore.open(_store_path(ctx, store))
    except SafeguardError as e:
        raise fail(str(e), 2) from None
    options = ExtractOptions(faces=_faces(faces))
    failed = 0
    for f in files:
        try:
            result = query(
                link_store, f, extract_options=options, options=_link_options(attach=attach)
            )
        except SafeguardError as e:
            raise fail(str(e)) from None
        failed += result.error is not None
        if json_out:
            emit_json(result.to_json())
            continue
        if result.error:
            err_console.print(f"[red]{f}[/red]: {result.error}")
            continue
        table = Table(title=f"{f} links to")
        for col in ("item", "path", "link", "evidence"):
            table.add_column(col)
        for m in result.matches:
            ev = f"{m['inliers']} inliers" if m["link"] == "place" else f"distance {m['distance']}"
            if m.get("guided"):
                ev += " (guided)"
            table.add_row(m["id"], str(m["path"]), m["link"], ev)
        err_console.print(table)
        if result.groups:
            err_console.print("groups: " + ", ".join(result.groups))
    if failed:
        raise typer.Exit(1)


@link_app.command("export")
def export_command(
    ctx: typer.Context,
    store: StoreOption = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write items and groups as JSON.")
    ] = None,
    graphml: Annotated[
        Path | None, typer.Option("--graphml", help="Write the link graph as GraphML.")
    ] = None,
    json_out: Annotated[
        bool, typer.Option("--json", help="Print one JSON object per group on stdout.")
    ] = False,
) -> None:
    """Write the store's items and groups (JSON, GraphML), or list its groups."""
    from safeguard.errors import SafeguardError
    from safeguard.link.linking import export
    from safeguard.link.store import LinkStore

    try:
        link_store = LinkStore.open(_store_path(ctx, store))
    except SafeguardError as e:
        raise fail(str(e), 2) from None
    _write_out(link_store, out, graphml)
    doc = export(link_store)
    if json_out:
        for g in doc["groups"]:
            emit_json(g)
    else:
        table = Table(title=f"{len(doc['items'])} items, {len(doc['groups'])} groups")
        for col in ("group", "kind", "members", "strongest link"):
            table.add_column(col)
        for g in doc["groups"]:
            best = max(g["links"], key=lambda x: x["score"])
            ev = f"{best['inliers']} inliers" if "inliers" in best else f"d={best['distance']}"
            table.add_row(g["id"], g["kind"], str(len(g["members"])), ev)
        err_console.print(table)


@link_app.command("upgrade")
def upgrade_command(
    ctx: typer.Context,
    target: Annotated[Path, typer.Argument(help="A new folder for the upgraded copy.")],
    store: StoreOption = None,
    relearn: Annotated[
        bool,
        typer.Option(
            "--relearn-codebook",
            help="Learn the shortlist's codebook again from items spread over the whole "
            "store (a store begun with a small case learned it from that case alone).",
        ),
    ] = False,
    json_out: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Copy a link store with its shortlist vectors made again from the features it keeps:
    a store made before bursts were left out of them, or, with --relearn-codebook, one
    whose codebook should be learned again (docs/link.md). The store itself is not
    changed; point --store at the copy once it is written."""
    from safeguard.errors import SafeguardError
    from safeguard.link.linking import upgrade
    from safeguard.link.store import LinkStore

    try:
        link_store = LinkStore.open(_store_path(ctx, store))
        if link_store.unbursty and not relearn:
            raise fail(
                f"{link_store.root}: its vectors leave out bursts already "
                "(--relearn-codebook learns its codebook again)",
                2,
            )
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
        ) as bar:
            task = bar.add_task("vectors", total=len(link_store.items))

            def on_progress(_stage: str, done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            views = upgrade(link_store, target, on_progress, relearn=relearn)
    except SafeguardError as e:
        raise fail(str(e), 2) from None
    result = {"store": str(target), "from": str(link_store.root), "items": len(link_store.items),
              "views": views, "codebook_relearned": relearn}  # fmt: skip
    if json_out:
        emit_json(result)
    else:
        err_console.print(
            f"{target}: {views} vectors of {len(link_store.items)} items made again; "
            f"use --store {target}"
        )
