"""Settings: the one typed configuration object, built at the edge and passed down.

Where data lives (``--data-dir`` / ``SAFEGUARD_DATA_DIR``, default ``./.safeguard``) and which
database to use (``--db`` / ``SAFEGUARD_DB_URL``, default SQLite in the data dir).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA_DIR = ".safeguard"


@dataclass(frozen=True, slots=True)
class Settings:
    data_dir: Path
    db_url: str

    @classmethod
    def load(cls, data_dir: str | Path | None = None, db_url: str | None = None) -> Settings:
        """Explicit arguments first, then the environment, then the defaults."""
        folder = Path(data_dir or os.environ.get("SAFEGUARD_DATA_DIR") or DEFAULT_DATA_DIR)
        url = db_url or os.environ.get("SAFEGUARD_DB_URL") or f"sqlite:///{folder / 'safeguard.db'}"
        return cls(data_dir=folder, db_url=url)

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"
