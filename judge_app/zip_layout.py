"""The canonical zip layout of our containers, and the rules for member names.

Pure code, no I/O: given each member's name, CRC-32 and size, :func:`layout`
says byte for byte what the container file is. :mod:`judge_app.container`
writes exactly these bytes and, when opening a file, demands exactly them, so
keeping the layout in one place is what keeps writer and reader in agreement.

The layout: every member is STORED (no compression), names are UTF-8, dates,
versions and attributes are fixed, there are no extra fields, comments, data
descriptors or Zip64 records.

Member names become paths when a bundle is unpacked on a judge's laptop, so
:func:`member_name_problem` and :class:`NameRegistry` refuse names that could
land outside the target folder or mean different files on Windows, macOS and
Linux. The contest model checks attachment paths with the same rules, so a
contest never names a file no bundle could hold.
"""

from __future__ import annotations

import re
import stat
import struct
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import ContainerError

__all__ = [
    "CENTRAL_STRUCT",
    "END_SIGNATURE_BYTES",
    "END_STRUCT",
    "MAX_ENTRIES",
    "MAX_NAME_BYTES",
    "METHOD_STORED",
    "Entry",
    "NameRegistry",
    "Segment",
    "layout",
    "layout_length",
    "member_name_problem",
]

MAX_NAME_BYTES = 255
"""Longest member name in UTF-8 bytes: the usual limit of one path on disk."""

MAX_ENTRIES = 0xFFFF  # the end record counts members in 16 bits

# Zip record signatures and the fixed field values of the canonical layout.
_LOCAL_SIGNATURE = 0x04034B50
_CENTRAL_SIGNATURE = 0x02014B50
_END_SIGNATURE = 0x06054B50
END_SIGNATURE_BYTES = struct.pack("<I", _END_SIGNATURE)

_VERSION = 20
_VERSION_MADE_BY = (3 << 8) | _VERSION  # create_system 3 = Unix, so the mode below applies
_FLAG_UTF8_NAME = 0x0800
METHOD_STORED = 0
_DOS_TIME = 0  # 00:00:00
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01, the earliest date a zip can hold
_EXTERNAL_ATTR = (stat.S_IFREG | 0o644) << 16

_LOCAL_STRUCT = struct.Struct("<IHHHHHIIIHH")
CENTRAL_STRUCT = struct.Struct("<IHHHHHHIIIHHHHHII")
END_STRUCT = struct.Struct("<IHHHHIIH")

_DRIVE_PREFIX = re.compile(r"^[A-Za-z]:")


# --------------------------------------------------------------------------
# The canonical layout, shared by writer and reader
# --------------------------------------------------------------------------


def _local_header(name_bytes: bytes, crc: int, size: int) -> bytes:
    """The local file header (with its name) that precedes a member's data."""
    return (
        _LOCAL_STRUCT.pack(
            _LOCAL_SIGNATURE,
            _VERSION,
            _FLAG_UTF8_NAME,
            METHOD_STORED,
            _DOS_TIME,
            _DOS_DATE,
            crc,
            size,  # compressed size: stored, so the same
            size,
            len(name_bytes),
            0,  # no extra field
        )
        + name_bytes
    )


def _central_header(name_bytes: bytes, crc: int, size: int, offset: int) -> bytes:
    """The central directory entry (with its name) for a member at ``offset``."""
    return (
        CENTRAL_STRUCT.pack(
            _CENTRAL_SIGNATURE,
            _VERSION_MADE_BY,
            _VERSION,
            _FLAG_UTF8_NAME,
            METHOD_STORED,
            _DOS_TIME,
            _DOS_DATE,
            crc,
            size,
            size,
            len(name_bytes),
            0,  # no extra field
            0,  # no comment
            0,  # disk number
            0,  # internal attributes: nothing claimed about text or binary
            _EXTERNAL_ATTR,
            offset,
        )
        + name_bytes
    )


def _end_record(count: int, cd_size: int, cd_offset: int) -> bytes:
    """The end-of-central-directory record, single disk, empty comment."""
    return END_STRUCT.pack(_END_SIGNATURE, 0, 0, count, count, cd_size, cd_offset, 0)


@dataclass(frozen=True)
class Entry:
    """What the layout of one member depends on: its name, CRC-32 and size."""

    name: str
    name_bytes: bytes
    crc: int
    size: int


@dataclass(frozen=True)
class Segment:
    """A stretch of the file: fixed header bytes, or ``length`` bytes of member data."""

    header: bytes | None
    length: int


def layout(entries: Sequence[Entry]) -> tuple[list[Segment], list[int]]:
    """The canonical file as segments, and the offset of each member's data."""
    segments: list[Segment] = []
    data_offsets: list[int] = []
    central: list[bytes] = []
    offset = 0
    for entry in entries:
        header = _local_header(entry.name_bytes, entry.crc, entry.size)
        central.append(_central_header(entry.name_bytes, entry.crc, entry.size, offset))
        segments.append(Segment(header, len(header)))
        offset += len(header)
        data_offsets.append(offset)
        segments.append(Segment(None, entry.size))
        offset += entry.size
    directory = b"".join(central)
    segments.append(Segment(directory, len(directory)))
    end = _end_record(len(entries), len(directory), offset)
    segments.append(Segment(end, len(end)))
    return segments, data_offsets


def layout_length(entries: Sequence[Entry]) -> int:
    """The size in bytes of the file :func:`layout` describes, without building its headers."""
    headers = sum(
        _LOCAL_STRUCT.size + CENTRAL_STRUCT.size + 2 * len(e.name_bytes) for e in entries
    )
    return headers + sum(e.size for e in entries) + END_STRUCT.size


# --------------------------------------------------------------------------
# Member names
# --------------------------------------------------------------------------


def member_name_problem(name: str, *, max_bytes: int = MAX_NAME_BYTES) -> str | None:
    """Why ``name`` cannot be a member name, or None if it can.

    Names become paths when a bundle is unpacked on a judge's laptop, so we
    refuse anything that could land outside the target folder, or mean
    different files on Windows, macOS and Linux.
    """
    if not name:
        return "the name is empty"
    try:
        encoded = name.encode("utf-8")
    except UnicodeEncodeError:
        return "the name is not valid Unicode (lone surrogate)"
    if len(encoded) > max_bytes:
        return f"the name is longer than {max_bytes} bytes ({len(encoded)} bytes in UTF-8)"
    for char in name:
        if unicodedata.category(char) == "Cc":
            return f"the name contains a NUL or control character (U+{ord(char):04X})"
    if name.startswith(("/", "\\")) or _DRIVE_PREFIX.match(name):
        return "the name is an absolute path"
    if "\\" in name:
        return "the name contains a backslash"
    for segment in name.split("/"):
        if segment == "..":
            return "the name has a '..' segment (path traversal)"
        if segment == ".":
            return "the name has a '.' segment"
        if segment == "":
            return "the name has an empty segment ('//' or a trailing '/')"
    return None


def _name_key(name: str) -> str:
    """The form under which two names would be the same file on Windows or macOS.

    Case-insensitive file systems merge names that differ in letter case, and
    macOS merges NFC and NFD spellings, so both are folded away.
    """
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).casefold())


class NameRegistry:
    """Refuses a name that repeats or clashes with one seen before."""

    def __init__(self, path: Path):
        self._path = path
        self._by_key: dict[str, str] = {}

    def add(self, name: str) -> None:
        key = _name_key(name)
        earlier = self._by_key.get(key)
        if earlier is None:
            self._by_key[key] = name
        elif earlier == name:
            raise ContainerError(f"member {name!r}: duplicate name", path=self._path)
        else:
            raise ContainerError(
                f"member {name!r}: clashes with {earlier!r} (names differing only in letter "
                "case or Unicode normalisation would be merged on Windows and macOS)",
                path=self._path,
            )
