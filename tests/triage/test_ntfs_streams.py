"""NTFS alternate data streams: every named ``$DATA`` stream of a file (or folder) is an
item of its own, ``path:stream``, read from its own attribute, hashed and matched like a
file. The image is made with ``mkntfs`` and the streams written with ``ntfscp -N``, no
mounting (Debian's ntfs-3g); the root folder's stream by its MFT number (``ntfscp -i``).
``ntfscp`` cannot make folders, so streams on other folders (which the walk lists the same
way) are not built here."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from safeguard.scan.archives import ArchiveLimits
from safeguard.signals.media import HashOptions
from safeguard.store.db import Database
from safeguard.triage import sources
from safeguard.triage.case import ItemFilter
from safeguard.triage.sources import SourceRef
from safeguard.triage.worker import hash_files
from tests.triage.disks import jpeg, md5, ntfs_image, png
from tests.triage.test_case import rows, run_with_known

pytest.importorskip("pytsk3")

COVER = b"an ordinary shopping list\n"
HIDDEN = jpeg(11)  # a picture hidden behind a text file
NOTE = b"a second stream, plain words\n"
SECOND = png(12)  # a stream of another file
AT_ROOT = jpeg(13)  # a stream of the root folder itself


@pytest.fixture(scope="module")
def image(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ntfs-ads")
    return ntfs_image(
        folder / "ads.img",
        {"list.txt": COVER, "readme.txt": b"readme\n"},
        streams={
            "list.txt": {"pic": HIDDEN, "zz.note": NOTE},
            "readme.txt": {"thumb": SECOND},
            "/": {"hidden": AT_ROOT},
        },
    )


def test_each_named_stream_is_an_item_beside_its_file(image: Path) -> None:
    found = {f.path: f for f in sources.walk(SourceRef(str(image), "raw"))}
    assert set(found) == {
        "/:hidden",
        "/list.txt",
        "/list.txt:pic",
        "/list.txt:zz.note",
        "/readme.txt",
        "/readme.txt:thumb",
    }
    assert found["/list.txt:pic"].size == len(HIDDEN)
    assert found["/list.txt:pic"].inode == found["/list.txt"].inode
    assert found["/list.txt:pic"].key != found["/list.txt"].key  # two items, one inode
    assert found["/:hidden"].inode == 5 and found["/:hidden"].size == len(AT_ROOT)


def test_a_stream_is_read_from_its_own_attribute_and_hashed_as_content(image: Path) -> None:
    ref = SourceRef(str(image), "raw")
    got = {
        r["path"]: r
        for r in hash_files(ref, list(sources.walk(ref)), HashOptions(), ArchiveLimits())
    }
    assert got["/list.txt"]["md5"] == md5(COVER)  # the file's own content is unchanged
    hidden = got["/list.txt:pic"]
    assert hidden["md5"] == md5(HIDDEN) and hidden["size"] == len(HIDDEN)
    assert hidden["sha256"] == hashlib.sha256(HIDDEN).hexdigest()
    assert hidden["kind"] == "image" and hidden["mime"] == "image/jpeg" and hidden["pdq"]
    assert got["/list.txt:zz.note"]["md5"] == md5(NOTE)
    assert got["/readme.txt:thumb"]["md5"] == md5(SECOND) and got["/readme.txt:thumb"]["pdq"]
    assert got["/:hidden"]["md5"] == md5(AT_ROOT) and got["/:hidden"]["pdq"]
    assert all(r["error"] is None for r in got.values())


def test_a_picture_hidden_in_a_stream_is_matched_and_pre_categorised(
    db: Database, image: Path, cluster: str
) -> None:
    ran = run_with_known(db, "ADS-1", [image], HIDDEN, 9, cluster)
    summary = ran.summary
    known = rows(ran, ItemFilter(known=True))
    assert list(known) == ["/list.txt:pic"]
    assert known["/list.txt:pic"]["category"]["code"] == "1"
    assert summary.files == 6 and summary.errors == 0


def test_a_streams_content_is_read_back_from_the_stream_for_review(
    db: Database, image: Path, cluster: str
) -> None:
    """The console's preview and ``add-to-bank`` read an item again from the seized media:
    a stream's bytes, not its file's."""
    from safeguard.store.models.triage import TriageItem
    from safeguard.triage.case import get_case, iter_items
    from safeguard.triage.content import item_content

    ran = run_with_known(db, "ADS-2", [image], HIDDEN, 9, cluster)
    with db.session() as s:
        items: dict[str, TriageItem] = {
            i.path: i for i in iter_items(s, get_case(s, ran.name), None)
        }
        assert item_content(s, items["/list.txt:pic"]) == HIDDEN
        assert item_content(s, items["/:hidden"]) == AT_ROOT
        assert item_content(s, items["/list.txt"]) == COVER
