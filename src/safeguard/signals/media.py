"""One file in, every signal out: what kind of content it is, its cryptographic digests, and
its perceptual hash (PDQ for images, per-frame PDQ for videos), or a precise error.

The kind is decided from the bytes first (magic numbers) and the file name second, so a
picture with the wrong extension is still hashed, and random bytes named ``.jpg`` are
reported as a broken image rather than silently treated as an unknown file.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
from PIL import Image

from safeguard.signals import video
from safeguard.signals.budget import DecodeBudget
from safeguard.signals.crypto import CryptoDigests, digest_bytes, read_and_digest
from safeguard.signals.decode import (
    DecodedImage,
    ImageLimits,
    decode_for_pdq,
    decode_image,
    decoded_image,
)
from safeguard.signals.errors import EmptyFile, FileTooLarge, SignalError
from safeguard.signals.pdq import PdqResult, pdq_dihedral_of_pixels, pdq_from_pixels

Kind = Literal["image", "video", "other"]

IMAGE_EXTENSIONS = frozenset(
    {".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".gif", ".webp", ".bmp", ".dib", ".tif", ".tiff"}
    | {".heic", ".heif", ".avif"}
)
VIDEO_EXTENSIONS = frozenset(
    {".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".wmv", ".asf", ".flv", ".mpg", ".mpeg"}
    | {".m2ts", ".mts", ".ts", ".3gp", ".3g2", ".ogv"}
)
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1", b"avif", b"avis"}


def sniff_kind(head: bytes, name: str) -> Kind:
    """Guess the kind of content from its first bytes, falling back on the extension."""
    if head.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"BM")):
        return "image"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "image"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image"
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return "video"
    if head[4:8] == b"ftyp":
        return "image" if head[8:12] in _HEIF_BRANDS else "video"
    if head.startswith((b"\x1a\x45\xdf\xa3", b"FLV\x01", b"OggS", b"\x00\x00\x01\xba")):
        return "video"
    if head.startswith(b"\x30\x26\xb2\x75\x8e\x66\xcf\x11"):  # ASF / WMV
        return "video"
    if len(head) > 0 and head[0] == 0x47 and name.lower().endswith((".ts", ".m2ts", ".mts")):
        return "video"
    suffix = Path(name).suffix.lower()
    if suffix in IMAGE_EXTENSIONS:
        return "image"
    if suffix in VIDEO_EXTENSIONS:
        return "video"
    return "other"


@dataclass(frozen=True, slots=True)
class HashOptions:
    """What to compute and within which limits."""

    fast: bool = False
    #: Also compute the 8 rotation/mirror variants of each image's PDQ (exact, from the DCT).
    dihedral: bool = False
    #: Also compute the derived queries of ``signals.variants`` (trimmed, deskewed).
    variants: bool = False
    #: Decode JPEGs for PDQ only down to ``decode.PDQ_MIN_SIDE`` (``decode_for_pdq``):
    #: several times less work, hashes within a few bits of full decoding (docs/signals.md).
    #: Off by default; triage turns it on. For JPEGs it goes further than ``fast``, and
    #: wins when both are set; ignored with a ``decode_budget`` (the service).
    reduced_pdq: bool = False
    #: Also compute the PDQ of each of ``signals.regions.REGIONS`` (for a bank entry added
    #: from the media: ``safeguard banks import-media``).
    regions: bool = False
    #: Also compute the picture's ORB features (``signals.local``) for verification; kept
    #: in the record (``local_features``), never printed.
    local_features: bool = False
    image_limits: ImageLimits = field(default_factory=ImageLimits)
    video_sampling: video.VideoSampling = field(default_factory=video.VideoSampling)
    video_limits: video.VideoLimits = field(default_factory=video.VideoLimits)
    #: Memory every image decode reserves before it starts (the service shares one per
    #: process); None decodes without one (the command line, one file at a time per worker).
    decode_budget: DecodeBudget | None = field(default=None, compare=False)


@dataclass(slots=True)
class FileHashes:
    """The record ``safeguard hash`` prints for one file (the design's contract)."""

    path: str
    kind: Kind = "other"
    size: int | None = None
    md5: str | None = None
    sha1: str | None = None
    sha256: str | None = None
    pdq: str | None = None
    pdq_quality: int | None = None
    pdq_dihedral: list[str] | None = None
    #: Derived queries, ``[{"variant", "pdq", "quality"}]`` (``HashOptions(variants=True)``).
    pdq_variants: list[dict[str, Any]] | None = None
    #: PDQ of fixed crops, ``[{"region", "pdq", "quality"}]`` (``HashOptions(regions=True)``).
    pdq_regions: list[dict[str, Any]] | None = None
    vpdq: list[video.VideoFrameHash] | None = None
    #: ``OrbFeatures.to_bytes`` of the picture (``HashOptions(local_features=True)``).
    local_features: bytes | None = None
    #: The same of the picture's mirror image (with ``dihedral`` too).
    local_features_mirror: bytes | None = None
    width: int | None = None
    height: int | None = None
    exif_orientation: int | None = None
    error: str | None = None
    error_code: str | None = None

    def fail(self, code: str, message: str) -> FileHashes:
        self.error_code = code
        self.error = message
        return self

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.path,
            "kind": self.kind,
            "size": self.size,
            "md5": self.md5,
            "sha1": self.sha1,
            "sha256": self.sha256,
        }
        if self.kind == "image":
            out |= {
                "pdq": self.pdq,
                "pdq_quality": self.pdq_quality,
                **({"pdq_dihedral": self.pdq_dihedral} if self.pdq_dihedral else {}),
                **({"pdq_variants": self.pdq_variants} if self.pdq_variants else {}),
                **({"pdq_regions": self.pdq_regions} if self.pdq_regions else {}),
                "width": self.width,
                "height": self.height,
                "exif_orientation": self.exif_orientation,
            }
        elif self.kind == "video":
            frames = self.vpdq
            out |= {
                "vpdq": None if frames is None else [f.to_json() for f in frames],
                "width": self.width,
                "height": self.height,
            }
        out["error"] = self.error
        out["error_code"] = self.error_code
        return out


def hash_file(path: str | Path, options: HashOptions | None = None) -> FileHashes:
    """Compute every signal of one file. Never raises for bad content: the record's
    ``error`` says what went wrong, and the digests are kept whenever the bytes could be read
    (a damaged picture can still match a known MD5)."""
    options = options or HashOptions()
    p = Path(path)
    record = FileHashes(path=str(path), kind=sniff_kind(b"", p.name))
    try:
        max_image = options.image_limits.max_bytes
        read = read_and_digest(
            p, keep_up_to=lambda head: max_image if sniff_kind(head, p.name) == "image" else 0
        )
        _fill_digests(record, read.digests, read.head, p.name)
        if record.kind == "image":
            if read.content is None:
                raise FileTooLarge(
                    f"{read.digests.size} bytes is over the image limit of {max_image}"
                )
            _hash_image(record, read.content, options)
        elif record.kind == "video":
            _hash_video(record, p, options)
    except SignalError as e:
        record.fail(e.code, str(e))
    return record


def hash_bytes(
    name: str,
    data: bytes,
    options: HashOptions | None = None,
    *,
    digests: CryptoDigests | None = None,
    perceptual: bool = True,
) -> FileHashes:
    """Like ``hash_file``, for content already in memory (an archive member). ``name`` is
    what the record reports as its path; its extension helps decide the kind. Videos are
    spooled to a temporary file for the decoder.

    ``digests``: the content's digests when the caller already has them (not recomputed).
    ``perceptual=False``: digests only, no decoding (the record keeps its kind, with no
    PDQ), for content already known by its digest."""
    options = options or HashOptions()
    record = FileHashes(path=name)
    try:
        _fill_digests(record, digests or digest_bytes(data), data[:64], name)
        if not perceptual:
            return record
        if record.kind == "image":
            _hash_image(record, data, options)
        elif record.kind == "video":
            suffix = Path(name).suffix[:16]
            with tempfile.NamedTemporaryFile(suffix=suffix) as tmp:
                tmp.write(data)
                tmp.flush()
                _hash_video(record, Path(tmp.name), options)
    except SignalError as e:
        record.fail(e.code, str(e))
    return record


def _fill_digests(record: FileHashes, d: CryptoDigests, head: bytes, name: str) -> None:
    record.size, record.md5, record.sha1, record.sha256 = d.size, d.md5, d.sha1, d.sha256
    record.kind = sniff_kind(head, name)
    if d.size == 0:
        raise EmptyFile("empty file (0 bytes)")


def _hash_image(record: FileHashes, content: bytes, options: HashOptions) -> None:
    if options.reduced_pdq and options.decode_budget is None:
        img = decode_for_pdq(content, limits=options.image_limits)
        result = pdq_from_pixels(img.pixels, (img.width, img.height))
        _derive(record, img.pixels, options)
        turned = _dihedral(img.pixels, (img.width, img.height), options)
        _set_image(record, result, img, options, turned)
        return
    with decoded_image(
        content, fast=options.fast, limits=options.image_limits, budget=options.decode_budget
    ) as img:
        result = pdq_from_pixels(img.pixels, (img.width, img.height))
        _derive(record, img.pixels, options)
        turned = _dihedral(img.pixels, (img.width, img.height), options)
    _set_image(record, result, img, options, turned)


def _dihedral(
    pixels: npt.NDArray[np.uint8], size: tuple[int, int], options: HashOptions
) -> list[str] | None:
    """The hashes of the picture's 8 rotations and mirror images, each as the turned
    picture's own PDQ (exact even for small pictures, where turning the DCT is not)."""
    if not options.dihedral:
        return None
    turned = pdq_dihedral_of_pixels(pixels, size)
    return [h.hex for h in turned.values()]


def _derive(record: FileHashes, pixels: npt.NDArray[np.uint8], options: HashOptions) -> None:
    """The derived signals ``options`` asks for. Imported here: they load OpenCV, which
    hashing alone does not need."""
    if options.variants:
        from safeguard.signals.variants import pdq_variants

        record.pdq_variants = [v.to_json() for v in pdq_variants(pixels)]
    if options.regions:
        from safeguard.signals.regions import pdq_regions

        record.pdq_regions = [r.to_json() for r in pdq_regions(pixels)]
    if options.local_features:
        from safeguard.signals.local import orb_features

        record.local_features = orb_features(pixels).to_bytes()
        if options.dihedral:
            # ORB is not mirror-invariant: a mirrored copy (found by a dihedral hash)
            # verifies against the query's mirror image.
            mirrored = np.ascontiguousarray(pixels[:, ::-1])
            record.local_features_mirror = orb_features(mirrored).to_bytes()


def _set_image(
    record: FileHashes,
    result: PdqResult,
    img: DecodedImage,
    options: HashOptions,
    dihedral: list[str] | None = None,
) -> None:
    record.pdq = result.hash.hex
    record.pdq_quality = result.quality
    if options.dihedral:
        record.pdq_dihedral = dihedral or [h.hex for h in result.dihedral().values()]
    record.width, record.height = img.width, img.height
    record.exif_orientation = img.orientation


def _hash_video(record: FileHashes, path: Path, options: HashOptions) -> None:
    hashes = video.hash_video(path, sampling=options.video_sampling, limits=options.video_limits)
    record.vpdq = hashes.frames
    record.width, record.height = hashes.width, hashes.height


def pdq_from_image(
    image: Image.Image | bytes | str | Path,
    *,
    fast: bool = False,
    limits: ImageLimits | None = None,
) -> PdqResult:
    """PDQ of a picture given as a path, encoded bytes, or an open Pillow image.

    Paths and bytes go through the bounded decoder (limits, fast mode); a Pillow image is
    hashed as its RGB conversion, as the reference pipeline does.
    """
    if isinstance(image, Image.Image):
        return pdq_from_pixels(np.asarray(image.convert("RGB")))
    data = image if isinstance(image, bytes) else Path(image).read_bytes()
    decoded = decode_image(data, fast=fast, limits=limits)
    return pdq_from_pixels(decoded.pixels, (decoded.width, decoded.height))
