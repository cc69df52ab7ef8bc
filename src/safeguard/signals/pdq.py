"""PDQ, Meta's 256-bit perceptual image hash, computed compatibly with the reference.

The reference (``pdq/cpp/hashing/pdqhashing.cpp``) converts RGB to float luma, runs two
passes of 1-D box filters along each axis (Jarosz), samples a 64x64 grid, takes a 16x16
corner of the 2-D DCT and thresholds it at its median. Everything before the median is
linear, and the box-filter-then-sample step is separable: it is one 64xH matrix applied to
the rows and one 64xW matrix applied to the columns. Each row of that matrix is non-zero on
a band of about H/64 pixels, so applying it touches every input pixel about once, instead of
the four full-image passes the reference makes. Luma is linear too, so it is applied after
the row reduction, on 64 rows instead of H.

This module owns the algorithm only: arrays in, hashes out. Decoding lives in ``decode``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from safeguard.signals.errors import InvalidSignal
from safeguard.signals.types import MATCH_THRESHOLD as MATCH_THRESHOLD

HASH_BITS = 256
HEX_LENGTH = 64
#: Hashes of lower quality come from near-featureless pictures and are not reliable.
MIN_QUALITY = 50

#: The reference refuses to hash a picture with a side shorter than this: it returns an
#: all-zero hash with quality 0.
MIN_HASHABLE_SIDE = 5

_LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)
_GRID = 64
_DCT_SIZE = 16

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class PdqHash:
    """A 256-bit PDQ hash: 32 bytes, in the byte order of the reference's hex form."""

    value: bytes

    def __post_init__(self) -> None:
        if len(self.value) != HASH_BITS // 8:
            raise InvalidSignal(f"a PDQ hash has 32 bytes, got {len(self.value)}")

    @classmethod
    def from_hex(cls, text: str) -> PdqHash:
        """Parse 64 hex digits (either case, surrounding white space ignored)."""
        text = text.strip()
        if len(text) != HEX_LENGTH:
            raise InvalidSignal(f"a PDQ hash is {HEX_LENGTH} hex digits, got {len(text)}")
        try:
            return cls(bytes.fromhex(text))
        except ValueError:
            raise InvalidSignal(f"not a hex string: {text!r}") from None

    @property
    def hex(self) -> str:
        return self.value.hex()

    def distance(self, other: PdqHash) -> int:
        """Hamming distance in bits."""
        return (int.from_bytes(self.value, "big") ^ int.from_bytes(other.value, "big")).bit_count()

    def bits(self) -> npt.NDArray[np.bool_]:
        """The 16x16 matrix of hash bits, bit [u, v] for DCT coefficient (u, v)."""
        flat = np.unpackbits(np.frombuffer(self.value, dtype=np.uint8)).astype(bool)
        return flat.reshape(_DCT_SIZE, _DCT_SIZE)[::-1, ::-1]

    @classmethod
    def from_bits(cls, bits: npt.NDArray[np.bool_]) -> PdqHash:
        # The reference prints 16-bit words from the last row to the first, each most
        # significant bit (column 15) first.
        return cls(np.packbits(bits[::-1, ::-1].ravel()).tobytes())

    def __str__(self) -> str:
        return self.hex


@dataclass(frozen=True, slots=True)
class PdqResult:
    """A hash with its quality (0-100) and the DCT it came from (for dihedral variants)."""

    hash: PdqHash
    quality: int
    dct: FloatArray

    def dihedral(self) -> dict[Dihedral, PdqHash]:
        """The hashes of the picture's 8 rotations and mirror images, computed from the DCT
        exactly as the reference does (no new decode)."""
        return {d: _hash_from_dct(_transform_dct(self.dct, d)) for d in Dihedral}


class Dihedral(enum.Enum):
    """The 8 rotations and reflections of a picture, named as in the reference."""

    ORIGINAL = "original"
    ROTATE_90 = "rotate90"
    ROTATE_180 = "rotate180"
    ROTATE_270 = "rotate270"
    FLIP_X = "flipx"
    FLIP_Y = "flipy"
    FLIP_PLUS_1 = "flipplus1"
    FLIP_MINUS_1 = "flipminus1"


# Reversing the sample order along an axis multiplies DCT basis k (k = u + 1 here, the DC term
# is not kept) by (-1)^k; swapping the axes transposes the DCT.
_ODD: FloatArray = np.array([-1.0 if (u + 1) % 2 else 1.0 for u in range(_DCT_SIZE)])


def _transform_dct(dct: FloatArray, d: Dihedral) -> FloatArray:
    rows = _ODD[:, None]
    cols = _ODD[None, :]
    match d:
        case Dihedral.ORIGINAL:
            return dct
        case Dihedral.ROTATE_90:
            return (dct * cols).T
        case Dihedral.ROTATE_180:
            return dct * rows * cols
        case Dihedral.ROTATE_270:
            return (dct * rows).T
        case Dihedral.FLIP_X:
            # The reference's "flip x" mirrors across the horizontal axis (rows reversed).
            return dct * rows
        case Dihedral.FLIP_Y:
            return dct * cols
        case Dihedral.FLIP_PLUS_1:
            return dct.T
        case Dihedral.FLIP_MINUS_1:
            return (dct * rows * cols).T


def dihedral_of_hash(h: PdqHash) -> dict[Dihedral, PdqHash]:
    """Approximate dihedral variants from a hash alone, when no picture is at hand.

    A mirror negates the odd-signed DCT coefficients; with only the bits known, a negated
    coefficient's bit is taken as inverted, which is right unless the coefficient sits close
    to the median. Measured against the exact variants in ``docs/signals.md``.
    """
    signs = np.where(h.bits(), 1.0, -1.0)
    return {d: _bits_from_signs(_transform_dct(signs, d)) for d in Dihedral}


def _bits_from_signs(signs: FloatArray) -> PdqHash:
    return PdqHash.from_bits(signs > 0)


# --- the downscaling operator -------------------------------------------------------------


def jarosz_window(length: int) -> int:
    """Box-filter window for one axis: half of one 64th of the axis, rounded up."""
    return (length + 2 * _GRID - 1) // (2 * _GRID)


@dataclass(frozen=True, slots=True)
class AxisOperator:
    """The 64xN matrix (two box-filter passes, then sampling) stored as 64 bands."""

    length: int
    starts: npt.NDArray[np.intp]
    bands: tuple[npt.NDArray[np.float32], ...]

    def dense(self) -> FloatArray:
        out = np.zeros((_GRID, self.length))
        for k, (s, band) in enumerate(zip(self.starts, self.bands, strict=True)):
            out[k, s : s + band.size] = band
        return out


@lru_cache(maxsize=256)
def axis_operator(length: int) -> AxisOperator:
    """Build the operator for an axis of ``length`` samples.

    The reference's 1-D box filter writes out[o] = mean(in[lo(o) .. hi(o)]), with the window
    clipped at both ends; two passes compose to a band per output sample.
    """
    if length < 1:
        raise ValueError("axis length must be positive")
    window = jarosz_window(length)
    half = (window + 2) // 2
    o = np.arange(length)
    lo = np.maximum(0, o - (window - half))
    hi = np.minimum(length - 1, o + half - 1)
    weight = 1.0 / (hi - lo + 1)
    # Sample points of the reference's decimation: int((k + 0.5) * length / 64).
    samples = ((np.arange(_GRID) + 0.5) * length / _GRID).astype(np.intp)
    starts = lo[lo[samples]]
    stops = hi[hi[samples]] + 1
    bands: list[npt.NDArray[np.float32]] = []
    for k, c in enumerate(samples):
        # Row c of the first pass, pushed through the second pass with a difference array.
        inner = np.arange(lo[c], hi[c] + 1)
        diff = np.zeros(stops[k] - starts[k] + 1)
        np.add.at(diff, lo[inner] - starts[k], weight[c] * weight[inner])
        np.add.at(diff, hi[inner] + 1 - starts[k], -weight[c] * weight[inner])
        bands.append(np.cumsum(diff)[:-1].astype(np.float32))
    return AxisOperator(length, starts, tuple(bands))


@lru_cache(maxsize=256)
def scaled_axis_operator(original: int, decoded: int) -> AxisOperator:
    """The operator for an axis of ``original`` samples, applied to a copy decoded at
    ``decoded = ceil(original / s)`` samples (JPEG DCT scaling by s = 2, 4 or 8).

    Each decoded sample stands for the mean of s original ones, so the full-size operator's
    columns are summed in groups of s: the reference's filter windows and sampling points are
    kept, rather than recomputed for the smaller size (which moves them)."""
    if decoded >= original:
        return axis_operator(original)
    scale = next((s for s in (2, 4, 8, 16) if -(-original // s) == decoded), None)
    if scale is None:
        raise ValueError(f"{decoded} is not {original} scaled by 1/2, 1/4, 1/8 or 1/16")
    full = axis_operator(original).dense()
    padded = np.zeros((_GRID, decoded * scale))
    padded[:, :original] = full
    grouped = padded.reshape(_GRID, decoded, scale).sum(axis=2)
    starts: list[int] = []
    bands: list[npt.NDArray[np.float32]] = []
    for row in grouped:
        nz = np.flatnonzero(row)
        starts.append(int(nz[0]))
        bands.append(row[nz[0] : nz[-1] + 1].astype(np.float32))
    return AxisOperator(decoded, np.array(starts, dtype=np.intp), tuple(bands))


def downsample_rows(pixels: npt.NDArray[np.generic], op: AxisOperator) -> FloatArray:
    """Apply ``op`` along axis 0 of a (H, ...) array; returns (64, ...) float64."""
    flat = pixels.reshape(pixels.shape[0], -1)
    out = np.empty((_GRID, flat.shape[1]), dtype=np.float64)
    for k, (s, band) in enumerate(zip(op.starts, op.bands, strict=True)):
        out[k] = band @ flat[s : s + band.size].astype(np.float32)
    return out.reshape((_GRID, *pixels.shape[1:]))


def luma_64(
    pixels: npt.NDArray[np.generic], original_size: tuple[int, int] | None = None
) -> FloatArray:
    """The 64x64 filtered luma the reference hashes, from HxWx3 RGB or HxW luma.

    ``original_size`` (width, height) says the pixels are a reduced-size decode of a larger
    picture; the filter is then the one the reference applies at the original size."""
    if pixels.ndim == 3 and pixels.shape[2] != 3:
        raise ValueError(f"expected RGB (H, W, 3), got shape {pixels.shape}")
    if pixels.ndim not in (2, 3) or 0 in pixels.shape:
        raise ValueError(f"expected a non-empty (H, W) or (H, W, 3) array, got {pixels.shape}")
    height, width = pixels.shape[:2]
    orig_w, orig_h = original_size or (width, height)
    rows = downsample_rows(pixels, scaled_axis_operator(orig_h, height))
    if rows.ndim == 3:
        rows = rows @ _LUMA.astype(np.float64)
    return rows @ _columns_operator(orig_w, width)


@lru_cache(maxsize=256)
def _columns_operator(original: int, decoded: int) -> FloatArray:
    """``scaled_axis_operator(original, decoded)`` as the dense (decoded x 64) matrix the
    64 filtered rows are multiplied by, made once a size (read-only): building it cost
    about a tenth of hashing a 640 x 430 picture."""
    dense = scaled_axis_operator(original, decoded).dense()
    dense.setflags(write=False)
    return dense.T  # a view, as before: the same product, bit for bit


@lru_cache(maxsize=1)
def _dct_matrix() -> FloatArray:
    u = np.arange(1, _DCT_SIZE + 1, dtype=np.float64)[:, None]
    j = np.arange(_GRID, dtype=np.float64)[None, :]
    matrix: FloatArray = np.sqrt(2.0 / _GRID) * np.cos(np.pi / 2 / _GRID * u * (2 * j + 1))
    return matrix


def quality_of(grid: FloatArray) -> int:
    """The reference's gradient-sum quality metric on the 64x64 grid, 0..100."""
    # The reference truncates each scaled difference to an int before summing.
    dv = np.trunc((grid[:-1, :] - grid[1:, :]) * 100.0 / 255.0)
    dh = np.trunc((grid[:, :-1] - grid[:, 1:]) * 100.0 / 255.0)
    total = int(np.abs(dv).sum() + np.abs(dh).sum())
    return min(100, total // 90)


def _hash_from_dct(dct: FloatArray) -> PdqHash:
    # Torben's median of 256 values is the 128th smallest.
    median = np.partition(dct.ravel(), 127)[127]
    return PdqHash.from_bits(dct > median)


def pdq_from_grid(grid: FloatArray) -> PdqResult:
    """Hash an already filtered 64x64 luma grid."""
    d = _dct_matrix()
    dct = d @ grid @ d.T
    return PdqResult(_hash_from_dct(dct), quality_of(grid), dct)


def pdq_from_pixels(
    pixels: npt.NDArray[np.generic], original_size: tuple[int, int] | None = None
) -> PdqResult:
    """Hash a picture given as HxWx3 RGB (uint8 or float, 0..255) or HxW luma.

    Give ``original_size`` (width, height) when ``pixels`` is a reduced-size decode."""
    smallest = min(original_size) if original_size else min(pixels.shape[:2])
    if pixels.ndim in (2, 3) and smallest < MIN_HASHABLE_SIDE:
        zero = np.zeros((_DCT_SIZE, _DCT_SIZE))
        return PdqResult(PdqHash(bytes(HASH_BITS // 8)), 0, zero)
    return pdq_from_grid(luma_64(pixels, original_size))


def pdq_dihedral_of_pixels(
    pixels: npt.NDArray[np.generic], original_size: tuple[int, int] | None = None
) -> dict[Dihedral, PdqHash]:
    """The PDQ of each of the picture's 8 rotations and mirror images as if each were
    hashed on its own (``pdq_from_pixels`` of the turned pixels), named as in
    ``PdqResult.dihedral``.

    ``PdqResult.dihedral`` (the reference's way) turns the DCT instead, which is exact only
    when the downscaling commutes with reversing an axis. It does not in general: the
    reference's box-filter windows and sampling points are not symmetric under reversal
    (``axis_operator``), and on small pictures (a 96-300 px tile) the turned copy's own
    hash can then be 30+ bits from the DCT-turned one. Here the downscaling is applied to
    the picture and to its rows reversed (one more pass over the pixels); reversing the
    columns is done on the 64-row intermediate, and a transpose commutes with the
    downscaling exactly (each axis keeps its own operator), so the other four are free."""
    if pixels.ndim not in (2, 3) or 0 in pixels.shape:
        raise ValueError(f"expected a non-empty (H, W) or (H, W, 3) array, got {pixels.shape}")
    smallest = min(original_size) if original_size else min(pixels.shape[:2])
    if smallest < MIN_HASHABLE_SIDE:
        zero = PdqHash(bytes(HASH_BITS // 8))
        return dict.fromkeys(Dihedral, zero)
    height, width = pixels.shape[:2]
    orig_w, orig_h = original_size or (width, height)
    row_op = scaled_axis_operator(orig_h, height)
    columns = scaled_axis_operator(orig_w, width).dense().T
    grids: dict[tuple[bool, bool], FloatArray] = {}
    for up_down in (False, True):
        rows = downsample_rows(pixels[::-1] if up_down else pixels, row_op)
        if rows.ndim == 3:
            rows = rows @ _LUMA.astype(np.float64)
        grids[(up_down, False)] = rows @ columns
        grids[(up_down, True)] = rows[:, ::-1] @ columns
    # (rows reversed, columns reversed, transposed) of each name, as _transform_dct.
    ops = {
        Dihedral.ORIGINAL: (False, False, False),
        Dihedral.ROTATE_90: (False, True, True),
        Dihedral.ROTATE_180: (True, True, False),
        Dihedral.ROTATE_270: (True, False, True),
        Dihedral.FLIP_X: (True, False, False),
        Dihedral.FLIP_Y: (False, True, False),
        Dihedral.FLIP_PLUS_1: (False, False, True),
        Dihedral.FLIP_MINUS_1: (True, True, True),
    }
    dct = _dct_matrix()
    turned = {key: dct @ grid @ dct.T for key, grid in grids.items()}
    out: dict[Dihedral, PdqHash] = {}
    for d, (rv, cv, transpose) in ops.items():
        # The DCT of a transposed grid is the transposed DCT.
        coefficients = turned[(rv, cv)]
        out[d] = _hash_from_dct(coefficients.T if transpose else coefficients)
    return out
