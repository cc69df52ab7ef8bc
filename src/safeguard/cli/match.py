"""``safeguard match`` (files against the banks) and ``safeguard lookup`` (precomputed
signals against the banks)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from safeguard.cli.common import database, emit_json, err_console, fail, settings_of
from safeguard.config import Settings
from safeguard.signals.types import SIGNAL_TYPES

if TYPE_CHECKING:
    from safeguard.matching.matcher import Matcher
    from safeguard.store.db import Database


def open_matcher(db: Database, settings: Settings) -> Matcher:
    """The matcher from its snapshot, caught up with the database; the snapshot is rewritten
    when catching up had work to do, so the next start is quick."""
    from safeguard.matching.matcher import Matcher

    started = time.perf_counter()
    matcher = Matcher.open(db, settings.index_dir)
    before = matcher.mark.last_entry_id
    if _stale(matcher, settings):
        matcher.save_snapshot()
    elapsed = time.perf_counter() - started
    if elapsed > 2:
        err_console.print(f"index ready in {elapsed:.1f} s (entries up to id {before})")
    return matcher


def _stale(matcher: Matcher, settings: Settings) -> bool:
    state = settings.index_dir / "current" / "state.json"
    if not state.is_file():
        return matcher.mark.last_entry_id > 0
    saved = json.loads(state.read_text())
    return bool(
        saved.get("last_entry_id") != matcher.mark.last_entry_id
        or saved.get("last_change_seq") != matcher.mark.last_change_seq
    )


def match_command(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Files or folders.", show_default=False)],
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object per file.")] = False,
    fast: Annotated[bool, typer.Option("--fast", help="Fast hashing (see `hash --help`).")] = False,
    dihedral: Annotated[
        bool, typer.Option("--dihedral", help="Also match rotated and mirrored copies.")
    ] = False,
    variants: Annotated[
        bool,
        typer.Option(
            "--variants/--no-variants",
            help="Also match trimmed (padding, captions) and deskewed copies.",
        ),
    ] = True,
    regions: Annotated[
        bool,
        typer.Option(
            "--regions/--no-regions",
            help="Let stored crops of entries (banks import-media) match.",
        ),
    ] = True,
    verify: Annotated[
        bool,
        typer.Option(
            "--verify/--no-verify",
            help="Verify near misses (and matches of derived hashes) with local features, "
            "where the bank kept them; verified matches report their inlier count.",
        ),
    ] = True,
    local: Annotated[
        bool,
        typer.Option(
            "--local/--no-local",
            help="With --verify: a file that matched nothing by hash is shortlisted by its "
            "local features against entries that kept theirs (variant local).",
        ),
    ] = True,
    whole_overlap: Annotated[
        bool,
        typer.Option(
            "--whole-overlap/--no-whole-overlap",
            help="With --local: accept a shortlisted entry only where it agrees with the file "
            "over the whole region where they overlap, not on one flat object they share.",
        ),
    ] = True,
    workers: Annotated[int | None, typer.Option("--workers", "-w", min=1)] = None,
) -> None:
    """Hash files and match them against every enabled bank."""
    from safeguard.matching.matcher import allowlisted
    from safeguard.signals.hashing import collect_files, default_workers, hash_paths
    from safeguard.signals.media import HashOptions

    settings = settings_of(ctx)
    items = collect_files(paths)
    failed = matched = 0
    rows: list[tuple[str, str, str]] = []
    with database(settings) as db:
        matcher = open_matcher(db, settings)
        matcher.regions = regions
        matcher.local_search = local
        matcher.whole_overlap = whole_overlap
        verify = verify and matcher.has_local_features()
        for record in hash_paths(
            items,
            HashOptions(fast=fast, dihedral=dihedral, variants=variants, local_features=verify),
            workers=workers or default_workers(),
        ):
            matches = (
                []
                if record.error and not record.md5
                else matcher.match_record(
                    record, dihedral=dihedral, variants=variants, verify=verify
                )
            )
            out: dict[str, Any] = {
                "path": record.path,
                "kind": record.kind,
                "matches": [m.to_json() for m in matches],
                "allowlisted": allowlisted(matches),
                "error": record.error,
                "error_code": record.error_code,
            }
            failed += record.error is not None
            matched += bool(matches)
            if json_out:
                emit_json(out)
            summary = ", ".join(f"{m.bank}:{m.signal}@{m.distance}" for m in matches[:3])
            rows.append(
                (record.path, summary + (" …" if len(matches) > 3 else ""), record.error or "")
            )
    if not json_out:
        table = Table(title="Matches")
        for col in ("path", "matches (bank:signal@distance)", "error"):
            table.add_column(col, overflow="fold")
        for row in sorted(rows):
            table.add_row(*row)
        err_console.print(table)
    err_console.print(f"{len(rows)} files, {matched} matched, {failed} failed")
    if failed:
        raise typer.Exit(1)


def lookup_command(
    ctx: typer.Context,
    signal: Annotated[str, typer.Argument(help=f"Signal type: {', '.join(SIGNAL_TYPES)}.")],
    values: Annotated[
        list[str] | None, typer.Argument(help="Values (hex); none: read stdin, one per line.")
    ] = None,
    dihedral: Annotated[
        bool, typer.Option("--dihedral", help="PDQ: also match rotations/mirrors (approximate).")
    ] = False,
    json_out: Annotated[
        bool, typer.Option("--json", help="JSON on stdout (lookup always writes JSON lines).")
    ] = True,
) -> None:
    """Match precomputed signals: one JSON line per value with its matches or an error."""
    from safeguard.matching.matcher import parse_lookup_values
    from safeguard.signals.errors import InvalidSignal
    from safeguard.signals.types import SIGNAL_TYPES

    if signal.lower() not in SIGNAL_TYPES:
        raise fail(f"unknown signal type {signal!r}; use {', '.join(SIGNAL_TYPES)}", 2)
    lines = values if values else (line for line in sys.stdin)
    settings = settings_of(ctx)
    failed = 0
    with database(settings) as db:
        matcher = open_matcher(db, settings)
        with db.session() as s:
            for value, error in parse_lookup_values(signal, lines):
                matches = []
                if error is None:
                    try:
                        matches = matcher.match_value(signal, value, dihedral=dihedral, session=s)
                    except InvalidSignal as e:
                        error = str(e)
                failed += error is not None
                emit_json(
                    {"value": value, "matches": [m.to_json() for m in matches], "error": error}
                )
    if failed:
        raise typer.Exit(1)
