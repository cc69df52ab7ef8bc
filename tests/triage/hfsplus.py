"""A small HFS+ volume builder for the tests (Debian 12 has no tool that makes one).

``hfsprogs`` (``mkfs.hfsplus``) has no install candidate in Debian 12 and ``hformat`` makes
plain HFS, which The Sleuth Kit refuses, so the triage tests write HFS+ volumes themselves,
following Apple's Technical Note TN1150, "HFS Plus Volume Format". Every number on disk is
big-endian. What is written:

- **Volume header** at byte 1024 (and its copy, the alternate volume header, 1024 bytes
  before the end of the volume): signature ``H+``, version 4, the "cleanly unmounted"
  attribute, block size, block counts, next catalog node ID (CNID), file and folder counts,
  and the fork data (logical size, total blocks, eight extent descriptors) of the special
  files below. No journal, no attributes file, no startup file (TN1150 makes them optional).
- **Allocation file**: one bit per allocation block, most significant bit first; set for
  the block holding the volume headers, the special files and every file's data.
- **Extents overflow file**: a B-tree (node size 4 KiB, keys of 10 bytes: fork type, file ID,
  first file block) holding the extents after the eighth of a file cut in more than eight
  pieces; only a header node when no file needs it.
- **Catalog file**: a B-tree (node size 4 KiB, big keys, variable-length index keys). Its
  header node (node 0) has the header record, the 128-byte user data record and the map
  record (one bit per node in use). Leaf nodes (height 1, linked forward and back) hold the
  records in key order: key = parent CNID, then the name (HFSUniStr255: UTF-16 units in
  canonical decomposition, NFD); a folder record (88 bytes), a file record (248 bytes, with
  its data fork's extents), and for every folder and file a thread record under (its own
  CNID, empty name) naming its parent and itself — TSK finds a file by its CNID that way.
  Index nodes (height 2 and up) hold the first key of each node below and its node number.
- Dates are seconds since 1904-01-01 00:00:00 UTC.

Keys are ordered as TN1150 says (parent ID, then Apple's case-insensitive ``FastUnicodeCompare``
of the names). This builder folds ASCII letters only, so it refuses names whose other
characters Apple's table would fold or ignore (upper-case non-ASCII letters after NFD,
ignorable format characters); combining marks and other characters compare as they are.

"Deleted" files are the state HFS+ leaves after a deletion: the data is still in its blocks,
but the catalog has no record of it and the allocation file marks the blocks free. No file
system reader can list such a file (HFS+ keeps no deleted name); carving unallocated space
finds it. ``HfsVolume.deleted_at`` says where each one was written.
"""

from __future__ import annotations

import struct
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

#: Seconds from 1904-01-01 (HFS+ dates) to 1970-01-01 (Unix time).
HFS_EPOCH_OFFSET = 2_082_844_800
NODE_SIZE = 4096
ROOT_PARENT_ID = 1
ROOT_FOLDER_ID = 2
EXTENTS_FILE_ID = 3
CATALOG_FILE_ID = 4
ALLOCATION_FILE_ID = 6
FIRST_USER_CNID = 16

FOLDER_RECORD = 1
FILE_RECORD = 2
FOLDER_THREAD = 3
FILE_THREAD = 4
LEAF_NODE = -1
INDEX_NODE = 0
HEADER_NODE = 1
#: kHFSVolumeUnmountedBit: the volume was cleanly unmounted.
UNMOUNTED = 1 << 8
#: kHFSThreadExistsMask in a file record's flags.
THREAD_EXISTS = 0x0002
#: BTree header attributes: kBTBigKeysMask, kBTVariableIndexKeysMask.
BIG_KEYS = 0x2
VARIABLE_INDEX_KEYS = 0x4
#: Apple's ignorable characters (folded to nothing by FastUnicodeCompare).
_IGNORABLE = (
    set(range(0x200C, 0x2010)) | set(range(0x202A, 0x202F)) | set(range(0x206A, 0x2070))
) | {0xFEFF}

#: The default times of every file and folder (distinct, so each field's mapping shows).
CREATED = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
MODIFIED = datetime(2024, 5, 2, 13, 30, 0, tzinfo=UTC)
ATTRIBUTES_MODIFIED = datetime(2024, 5, 3, 14, 45, 0, tzinfo=UTC)
ACCESSED = datetime(2024, 5, 4, 16, 15, 0, tzinfo=UTC)


def hfs_time(when: datetime) -> int:
    return int(when.timestamp()) + HFS_EPOCH_OFFSET


def hfs_name(name: str) -> str:
    """The name as HFS+ stores it (canonical decomposition), refused where this builder
    could not order it as Apple's ``FastUnicodeCompare`` does (see the module's doc)."""
    stored = unicodedata.normalize("NFD", name)
    if not 0 < len(stored.encode("utf-16-be")) // 2 <= 255:
        raise ValueError(f"{name!r}: an HFS+ name has 1 to 255 UTF-16 units")
    for c in stored:
        if ord(c) in _IGNORABLE or ord(c) > 0xFFFF or c in "/:":
            raise ValueError(f"{name!r}: {c!r} is not supported by this builder")
        if ord(c) > 0x7F and c.lower() != c:
            raise ValueError(f"{name!r}: upper-case {c!r} would need Apple's case table")
    return stored


def _unistr(name: str) -> bytes:
    """HFSUniStr255 without padding: length in UTF-16 units, then the units."""
    units = name.encode("utf-16-be")
    return struct.pack(">H", len(units) // 2) + units


def _order(name: str) -> tuple[int, ...]:
    """A name's position in catalog order: UTF-16 units, ASCII letters folded to lower
    case (what FastUnicodeCompare does for the names ``hfs_name`` accepts)."""
    units = struct.unpack(f">{len(name.encode('utf-16-be')) // 2}H", name.encode("utf-16-be"))
    return tuple(u + 32 if 0x41 <= u <= 0x5A else u for u in units)


def _catalog_key(parent: int, name: str) -> bytes:
    body = struct.pack(">I", parent) + _unistr(name)
    return struct.pack(">H", len(body)) + body


def _fork(size: int, extents: list[tuple[int, int]]) -> bytes:
    """HFSPlusForkData: logical size, clump size, total blocks, the first eight extents."""
    first = extents[:8] + [(0, 0)] * (8 - len(extents[:8]))
    total = sum(count for _, count in extents)
    return struct.pack(">QII", size, 0, total) + b"".join(struct.pack(">II", *e) for e in first)


def _bsd_info(mode: int) -> bytes:
    """HFSPlusBSDInfo: owner 501, group 20, no admin or owner flags, the mode, special 0."""
    return struct.pack(">IIBBHI", 501, 20, 0, 0, mode, 0)


def _dates(times: tuple[datetime, datetime, datetime, datetime]) -> bytes:
    created, modified, attributes, accessed = times
    return struct.pack(
        ">IIIII", hfs_time(created), hfs_time(modified), hfs_time(attributes), hfs_time(accessed), 0
    )


@dataclass
class _Node:
    """One catalog item: a folder or a file."""

    cnid: int
    parent: int
    name: str
    folder: bool
    data: bytes = b""
    extents: list[tuple[int, int]] = field(default_factory=list)
    children: int = 0


@dataclass(frozen=True)
class HfsVolume:
    """What was built: the image, its block size, and where things went."""

    path: Path
    block_size: int
    #: Each file's CNID (TSK's inode number), by path.
    cnids: dict[str, int]
    #: Each file's extents (first block, block count), by path.
    extents: dict[str, list[tuple[int, int]]]
    #: Byte offset in the volume of each deleted file's data, by name.
    deleted_at: dict[str, int]
    #: Levels of the catalog B-tree (1: a single leaf node).
    catalog_depth: int


class _Blocks:
    """Allocation blocks handed out in order, with a free block left after each piece of a
    file cut in pieces (so its extents cannot merge)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.used = bytearray((total + 7) // 8)
        self.next = 0

    def take(self, count: int, mark: bool = True) -> int:
        start = self.next
        if start + count > self.total - 1:  # the last block holds the alternate header
            raise ValueError("the HFS+ volume is too small for these files")
        if mark:
            for b in range(start, start + count):
                self.mark(b)
        self.next += count
        return start

    def mark(self, block: int) -> None:
        self.used[block // 8] |= 0x80 >> (block % 8)

    @property
    def free(self) -> int:
        return self.total - sum(bin(b).count("1") for b in self.used)


def _btree_node(
    kind: int, height: int, records: list[bytes], flink: int = 0, blink: int = 0
) -> bytes:
    """A B-tree node: the descriptor, the records, and their offsets from the node's end
    backwards (the last offset points at the free space)."""
    node = bytearray(NODE_SIZE)
    struct.pack_into(">IIbBHH", node, 0, flink, blink, kind, height, len(records), 0)
    at = 14
    offsets = []
    for record in records:
        offsets.append(at)
        node[at : at + len(record)] = record
        at += len(record)
    offsets.append(at)
    if at + 2 * len(offsets) > NODE_SIZE:
        raise ValueError("records do not fit the node")
    for i, offset in enumerate(offsets):
        struct.pack_into(">H", node, NODE_SIZE - 2 * (i + 1), offset)
    return bytes(node)


def _fits(records: list[bytes]) -> bool:
    return 14 + sum(map(len, records)) + 2 * (len(records) + 1) <= NODE_SIZE


def _btree(
    leaf_records: list[tuple[bytes, bytes]],
    total_nodes: int,
    max_key: int,
    attributes: int,
    index_key: object = None,
) -> bytes:
    """A whole B-tree file: ``leaf_records`` are (key, data) in key order. Leaves are
    nodes 1..L, index levels follow; node 0 is the header node."""
    nodes: list[bytes] = [b""]  # node 0, written last
    depth, root, first_leaf, last_leaf = 0, 0, 0, 0
    if leaf_records:
        # Pack the leaves.
        groups: list[list[tuple[bytes, bytes]]] = [[]]
        for key, data in leaf_records:
            trial = [k + d for k, d in groups[-1]] + [key + data]
            if groups[-1] and not _fits(trial):
                groups.append([])
            groups[-1].append((key, data))
        level: list[tuple[bytes, int]] = []  # (first key, node number)
        first_leaf = 1
        for i, group in enumerate(groups):
            number = 1 + i
            nodes.append(
                _btree_node(
                    LEAF_NODE,
                    1,
                    [k + d for k, d in group],
                    flink=number + 1 if i + 1 < len(groups) else 0,
                    blink=number - 1 if i else 0,
                )
            )
            level.append((group[0][0], number))
        last_leaf = len(groups)
        depth = 1
        while len(level) > 1:
            depth += 1
            parents: list[list[tuple[bytes, int]]] = [[]]
            for key, child in level:
                rec = key + struct.pack(">I", child)
                trial = [k + struct.pack(">I", c) for k, c in parents[-1]] + [rec]
                if parents[-1] and not _fits(trial):
                    parents.append([])
                parents[-1].append((key, child))
            start = len(nodes)
            upper: list[tuple[bytes, int]] = []
            for i, group in enumerate(parents):
                number = start + i
                nodes.append(
                    _btree_node(
                        INDEX_NODE,
                        depth,
                        [k + struct.pack(">I", c) for k, c in group],
                        flink=number + 1 if i + 1 < len(parents) else 0,
                        blink=number - 1 if i else 0,
                    )
                )
                upper.append((group[0][0], number))
            level = upper
        root = level[0][1]
    if len(nodes) > total_nodes:
        raise ValueError("the B-tree needs more nodes than its file holds")
    header = struct.pack(
        ">HIIIIHHIIHIBBI64x",
        depth,
        root,
        len(leaf_records),
        first_leaf,
        last_leaf,
        NODE_SIZE,
        max_key,
        total_nodes,
        total_nodes - len(nodes),
        0,
        NODE_SIZE,  # clump size
        0,  # btreeType: a control file
        0,  # keyCompareType: only HFSX uses it
        attributes,
    )
    assert len(header) == 106
    user_data = bytes(128)
    bitmap = bytearray(NODE_SIZE - 14 - 106 - 128 - 8)
    for n in range(len(nodes)):
        bitmap[n // 8] |= 0x80 >> (n % 8)
    nodes[0] = _btree_node(HEADER_NODE, 0, [header, user_data, bytes(bitmap)])
    out = b"".join(nodes)
    return out + bytes(total_nodes * NODE_SIZE - len(out))


def hfsplus_image(
    path: Path,
    files: dict[str, bytes],
    *,
    deleted: dict[str, bytes] | None = None,
    pieces: dict[str, int] | None = None,
    mb: int = 8,
    block_size: int = 4096,
    volume_name: str = "EVIDENCE",
    times: tuple[datetime, datetime, datetime, datetime] = (
        CREATED,
        MODIFIED,
        ATTRIBUTES_MODIFIED,
        ACCESSED,
    ),
) -> HfsVolume:
    """Write an HFS+ volume of ``mb`` MiB to ``path`` holding ``files`` (paths with ``/``;
    folders are made as needed). ``pieces`` cuts a file's data into that many extents
    (more than eight puts the rest in the extents overflow file). ``deleted`` files are
    written to free blocks with no catalog record (see the module's doc). ``times`` are
    (created, content modified, attributes modified, accessed) of every item."""
    if block_size % 512 or not 512 <= block_size <= NODE_SIZE:
        raise ValueError("block size: a multiple of 512 up to 4096")
    size = mb << 20
    blocks = _Blocks(size // block_size)
    image = bytearray(size)
    volume = hfs_name(volume_name)
    pieces = pieces or {}

    # The catalog's items, with CNIDs in path order.
    items: dict[str, _Node] = {"": _Node(ROOT_FOLDER_ID, ROOT_PARENT_ID, volume, True)}
    next_cnid = FIRST_USER_CNID
    for name in files:
        parts = name.strip("/").split("/")
        for i in range(1, len(parts) + 1):
            key = "/".join(parts[:i])
            if key in items:
                if i == len(parts):
                    raise ValueError(f"{name}: given twice")
                continue
            parent = items["/".join(parts[: i - 1])]
            is_folder = i < len(parts)
            items[key] = _Node(next_cnid, parent.cnid, hfs_name(parts[i - 1]), is_folder)
            parent.children += 1
            next_cnid += 1
        items["/".join(parts)].data = files[name]

    # Block 0 holds the boot blocks and the volume header; then the allocation file, the
    # extents overflow file, the catalog file, then the files' data.
    per_node = max(1, NODE_SIZE // block_size)
    blocks.take(max(1, 2048 // block_size))
    alloc_bytes = len(blocks.used)
    alloc_blocks = -(-alloc_bytes // block_size)
    alloc_start = blocks.take(alloc_blocks)
    extents_nodes = 4
    extents_start = blocks.take(extents_nodes * per_node)
    record_sizes = sum(2 * (2 * len(_catalog_key(n.parent, n.name)) + 300) for n in items.values())
    catalog_nodes = 8 + 2 * (record_sizes // NODE_SIZE)
    catalog_start = blocks.take(catalog_nodes * per_node)

    overflow: list[tuple[bytes, bytes]] = []
    for key in sorted(k for k, n in items.items() if not n.folder):
        node = items[key]
        count = max(1, -(-len(node.data) // block_size))
        cuts = max(1, min(pieces.get("/" + key, pieces.get(key, 1)), count))
        sizes = [count // cuts + (1 if i < count % cuts else 0) for i in range(cuts)]
        written = 0
        for part in sizes:
            start = blocks.take(part)
            node.extents.append((start, part))
            chunk = node.data[written : written + part * block_size]
            image[start * block_size : start * block_size + len(chunk)] = chunk
            written += part * block_size
            if cuts > 1:
                blocks.take(1, mark=False)  # a free gap, so the pieces stay apart
        file_block = sum(c for _, c in node.extents[:8])
        for first in range(8, len(node.extents), 8):
            group = node.extents[first : first + 8]
            ext_key = struct.pack(">HBBII", 10, 0x00, 0, node.cnid, file_block)
            record = b"".join(struct.pack(">II", *e) for e in group)
            overflow.append((ext_key, record + bytes(64 - len(record))))
            file_block += sum(c for _, c in group)
    deleted_at: dict[str, int] = {}
    for name, data in (deleted or {}).items():
        start = blocks.take(max(1, -(-len(data) // block_size)), mark=False)
        image[start * block_size : start * block_size + len(data)] = data
        deleted_at[name] = start * block_size
        next_cnid += 1  # the deleted file had used a CNID
    blocks.mark(blocks.total - 1)  # the alternate volume header's block

    # Catalog records: (parent, name) -> folder/file record; (cnid, "") -> thread record.
    records: list[tuple[tuple[int, tuple[int, ...]], bytes, bytes]] = []
    for node in items.values():
        dates = _dates(times)
        if node.folder:
            body = (
                struct.pack(">hHII", FOLDER_RECORD, 0, node.children, node.cnid)
                + dates
                + _bsd_info(0o040755)
                + bytes(32)  # Finder's user and extended information
                + struct.pack(">II", 0, 0)  # text encoding (Mac Roman), reserved
            )
            assert len(body) == 88
        else:
            body = (
                struct.pack(">hHII", FILE_RECORD, THREAD_EXISTS, 0, node.cnid)
                + dates
                + _bsd_info(0o100644)
                + bytes(32)
                + struct.pack(">II", 0, 0)
                + _fork(len(node.data), node.extents)
                + _fork(0, [])  # no resource fork
            )
            assert len(body) == 248
        records.append(
            ((node.parent, _order(node.name)), _catalog_key(node.parent, node.name), body)
        )
        thread = struct.pack(
            ">hHI", FOLDER_THREAD if node.folder else FILE_THREAD, 0, node.parent
        ) + _unistr(node.name)
        records.append(((node.cnid, ()), _catalog_key(node.cnid, ""), thread))
    records.sort(key=lambda r: r[0])
    catalog = _btree(
        [(k, d) for _, k, d in records],
        catalog_nodes,
        max_key=516,
        attributes=BIG_KEYS | VARIABLE_INDEX_KEYS,
    )
    # Extent keys order by file ID, then fork type, then first file block (TN1150).
    overflow.sort(key=lambda r: (r[0][4:8], r[0][2], r[0][8:12]))
    extents_tree = _btree(overflow, extents_nodes, max_key=10, attributes=BIG_KEYS)
    c0 = catalog_start * block_size
    image[c0 : c0 + len(catalog)] = catalog
    e0 = extents_start * block_size
    image[e0 : e0 + len(extents_tree)] = extents_tree
    a0 = alloc_start * block_size
    image[a0 : a0 + alloc_bytes] = blocks.used

    file_count = sum(1 for n in items.values() if not n.folder)
    folder_count = sum(1 for n in items.values() if n.folder) - 1
    header = (
        b"H+"
        + struct.pack(">HIII", 4, UNMOUNTED, int.from_bytes(b"10.0", "big"), 0)
        + struct.pack(">IIII", hfs_time(times[0]), hfs_time(times[0]), 0, hfs_time(times[0]))
        + struct.pack(
            ">IIIIIIIIIIQ",
            file_count,
            folder_count,
            block_size,
            blocks.total,
            blocks.free,
            blocks.next,  # where the next allocation search starts
            65536,  # resource fork clump size
            65536,  # data fork clump size
            next_cnid,
            1,  # write count
            1,  # encodings bitmap: Mac Roman
        )
        + struct.pack(">8I", 0, 0, 0, 0, 0, 0, 0x5AFE6A4D, 0x0000C0DE)  # Finder info, volume ID
        + _fork(alloc_bytes, [(alloc_start, alloc_blocks)])
        + _fork(len(extents_tree), [(extents_start, extents_nodes * per_node)])
        + _fork(len(catalog), [(catalog_start, catalog_nodes * per_node)])
        + _fork(0, [])  # attributes file
        + _fork(0, [])  # startup file
    )
    assert len(header) == 512, len(header)
    image[1024:1536] = header
    image[size - 1024 : size - 512] = header
    path.write_bytes(bytes(image))
    return HfsVolume(
        path=path,
        block_size=block_size,
        cnids={"/" + k: n.cnid for k, n in items.items() if k and not n.folder},
        extents={"/" + k: n.extents for k, n in items.items() if k and not n.folder},
        deleted_at=deleted_at,
        catalog_depth=struct.unpack_from(">H", catalog, 14)[0],
    )
