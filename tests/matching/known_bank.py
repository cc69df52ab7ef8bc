"""A bank ``known`` filled from a folder of pictures, as ``banks import-media`` fills it."""

from __future__ import annotations

from pathlib import Path

from safeguard import banks
from safeguard.banks.media import MediaOptions, import_media
from safeguard.signals.hashing import collect_files
from safeguard.store.db import Database


def import_known(db: Database, folder: Path, *, local_features: bool, create: bool = True) -> None:
    """``create``: make the bank first (False adds to the one there)."""
    if create:
        with db.session() as s:
            banks.create_bank(s, banks.BankSpec("known"), "test")
    list(
        import_media(
            db,
            "known",
            collect_files([folder]),
            actor="test",
            options=MediaOptions(local_features=local_features),
        )
    )
