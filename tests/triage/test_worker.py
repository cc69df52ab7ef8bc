"""What a triage worker process loads and shares: no database code, and one decoding of a
picture for all the run's workers on a machine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from safeguard.signals.media import HashOptions, hash_bytes
from safeguard.triage.worker import PictureCache, share_pictures
from tests.conftest import REPO
from tests.triage.disks import jpeg


def test_a_worker_imports_no_database_code() -> None:
    """SQLAlchemy, Alembic and the matcher cost each worker process ~0.65 s of start-up;
    a worker that hashes needs none of them (unpickling the known digests included)."""
    code = (
        "import pickle, sys; import safeguard.triage.worker; "
        "from safeguard.triage.known import KnownDigests; "
        "pickle.loads(pickle.dumps(KnownDigests())); "
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'safeguard.matching.matcher', "
        "'safeguard.store.db') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_a_picture_decoded_by_one_worker_is_not_decoded_by_another(tmp_path: Path) -> None:
    options = HashOptions(reduced_pdq=True)
    record = hash_bytes("a.jpg", jpeg(5, (640, 480)), options).to_json()
    first, second = PictureCache(shared=tmp_path), PictureCache(shared=tmp_path)
    first.put("ab" * 32, options, record)
    got = second.get("ab" * 32, options)
    assert got is not None and got["pdq"] == record["pdq"] and got["width"] == 640
    assert second.shared_hits == 1
    assert second.get("ab" * 32, HashOptions()) is None  # other options, other fields
    assert PictureCache(shared=tmp_path / "gone").get("ab" * 32, options) is None


def test_a_worker_shares_only_a_folder_that_exists_on_its_machine(tmp_path: Path) -> None:
    from safeguard.triage import worker

    try:
        share_pictures(str(tmp_path))
        assert worker._PICTURES.shared == tmp_path
        share_pictures(str(tmp_path / "elsewhere"))
        assert worker._PICTURES.shared is None
    finally:
        share_pictures(None)


def test_a_warmed_worker_has_its_decoders_and_the_image_open(tmp_path: Path) -> None:
    """``prepare_worker`` does before the clock what a first task would do on it."""
    code = (
        "import sys; from safeguard.triage import disk; "
        "from safeguard.triage.worker import prepare_worker; "
        "assert 'PIL.JpegImagePlugin' not in sys.modules; "
        f"prepare_worker([({str(tmp_path / 'missing.img')!r}, 'raw')]); "
        "print('PIL.JpegImagePlugin' in sys.modules, 'numpy' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    # A missing image is only not warmed: warming never fails the run.
    assert out.stdout.strip() == "True True"
