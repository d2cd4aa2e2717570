"""One canonical zip layout for entry bundles and score files, safe to open when hostile.

Bundles and score files are signed, and their bytes travel by USB stick and
e-mail between people who must be able to trust them. So we do not accept "any
zip": the writer produces exactly one byte layout for a given list of members,
and the reader accepts exactly that layout and nothing else. Every member is
STORED (no compression, so no zip bombs and nothing to decompress), names are
UTF-8, dates, versions and attributes are fixed, there are no extra fields,
comments, data descriptors or Zip64 records. That layout, byte for byte, and the
rules for member names are in :mod:`judge_app.zip_layout`; this module opens
files in it and :mod:`judge_app.container_write` writes them.

Before the layout check the reader runs friendlier checks (path traversal,
symbolic links, duplicate names, zip bombs, ...) so that a hostile or foreign
file is refused with a message a secretariat officer can act on, rather than
the generic "altered after it was made". Python's :mod:`zipfile` parses the
central directory for those checks; it is never used to write, and member data
is read straight from the file at offsets the canonical layout dictates.

Sizes stay under 2 GiB - 1 so that every offset fits the classic 32-bit fields
(some readers treat them as signed) and Zip64 is never needed.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import threading
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from .atomic import atomic_output
from .errors import ContainerError
from .zip_layout import (
    CENTRAL_STRUCT,
    END_SIGNATURE_BYTES,
    END_STRUCT,
    MAX_ENTRIES,
    MAX_NAME_BYTES,
    METHOD_STORED,
    Entry,
    NameRegistry,
    layout,
    member_name_problem,
)

__all__ = [
    "DEFAULT_LIMITS",
    "MAX_CONTAINER_BYTES",
    "Container",
    "ContainerLimits",
    "open_container",
]

MAX_CONTAINER_BYTES = 2**31 - 1
"""Largest member, sum of members and whole file we write or read (no Zip64)."""

_CHUNK = 1 << 20

# What a foreign zip may have and ours never do: the reader refuses these.
_ZIP64_LOCATOR_SIGNATURE_BYTES = b"PK\x06\x07"
_FLAG_ENCRYPTED = 0x0001
_MSDOS_DIRECTORY_ATTR = 0x10


@dataclass(frozen=True)
class ContainerLimits:
    """What the reader accepts, so a hostile file cannot exhaust memory or disk.

    The defaults fit the largest real bundle (a contest's entries with their
    attachments) with room to spare; tests and callers that know better pass
    their own.
    """

    max_members: int = 20_000
    max_member_bytes: int = 512 * 2**20
    max_total_bytes: int = MAX_CONTAINER_BYTES
    max_ratio: float = 100
    max_name_bytes: int = MAX_NAME_BYTES

    def __post_init__(self) -> None:
        # Limits beyond the format's own would let sizes overflow the header fields.
        if not 0 <= self.max_members <= MAX_ENTRIES:
            raise ValueError(f"max_members must be between 0 and {MAX_ENTRIES}")
        if not 0 <= self.max_member_bytes <= MAX_CONTAINER_BYTES:
            raise ValueError(f"max_member_bytes must be between 0 and {MAX_CONTAINER_BYTES}")
        if not 0 <= self.max_total_bytes <= MAX_CONTAINER_BYTES:
            raise ValueError(f"max_total_bytes must be between 0 and {MAX_CONTAINER_BYTES}")
        if not self.max_ratio >= 1:
            raise ValueError("max_ratio must be at least 1")
        if not 1 <= self.max_name_bytes <= 0xFFFF:
            raise ValueError("max_name_bytes must be between 1 and 65535")


DEFAULT_LIMITS = ContainerLimits()


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


# --------------------------------------------------------------------------
# Reader
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Member:
    name: str
    size: int
    crc: int
    data_offset: int


class _Hasher(Protocol):
    def update(self, data: bytes, /) -> object: ...


class Container:
    """An opened, verified container: names, sizes and CRC-checked member data.

    Obtain one from :func:`open_container`. Reads come from the very file
    handle that was verified (so replacing the path afterwards changes nothing)
    until :meth:`close`; use it as a context manager.
    """

    def __init__(self, path: Path, handle: BinaryIO, members: Sequence[_Member], sha256: str):
        self.path = path
        self.sha256 = sha256
        self._handle: BinaryIO | None = handle
        self._members = {m.name: m for m in members}
        self._order = [m.name for m in members]
        self._lock = threading.Lock()  # member streams share one file position

    # -- lifetime --------------------------------------------------------

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def __enter__(self) -> Container:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- listing ---------------------------------------------------------

    @property
    def names(self) -> list[str]:
        """Member names in file order."""
        return list(self._order)

    def __contains__(self, name: object) -> bool:
        return name in self._members

    def size(self, name: str) -> int:
        return self._member(name).size

    def require_names(self, expected: Iterable[str]) -> None:
        """Refuse a container whose members are not exactly ``expected`` (a manifest's list)."""
        wanted = list(expected)
        wanted_set = set(wanted)
        unlisted = [n for n in self._order if n not in wanted_set]
        if unlisted:
            raise ContainerError(
                f"unlisted file {unlisted[0]!r} in the container{_more(unlisted)}", path=self.path
            )
        missing = [n for n in dict.fromkeys(wanted) if n not in self._members]
        if missing:
            raise ContainerError(f"missing file {missing[0]!r}{_more(missing)}", path=self.path)

    # -- data ------------------------------------------------------------

    def read(self, name: str, max_bytes: int | None = None) -> bytes:
        """The whole member, CRC-checked; ``max_bytes`` guards small files like manifests."""
        member = self._member(name)
        if max_bytes is not None and member.size > max_bytes:
            raise ContainerError(
                f"file {name!r} is {member.size} bytes, more than the {max_bytes} allowed",
                path=self.path,
            )
        with self.open(name) as stream:
            return stream.read()

    def open(self, name: str) -> BinaryIO:
        """A stream of the member's bytes; raises ContainerError at the end if the CRC fails."""
        member = self._member(name)
        raw = _MemberStream(self, member)
        return io.BufferedReader(raw, buffer_size=_CHUNK)  # type: ignore[return-value]

    def copy_to(self, name: str, dest: Path, hasher: _Hasher | None = None) -> str:
        """Stream a member to ``dest`` atomically; return its SHA-256 hex.

        ``hasher`` (any object with ``update``) also sees every byte, for callers
        that need another digest. ``dest`` only appears once the CRC has checked.
        """
        dest = Path(dest)
        digest = hashlib.sha256()
        try:
            with atomic_output(dest) as out, self.open(name) as stream:
                while chunk := stream.read(_CHUNK):
                    digest.update(chunk)
                    if hasher is not None:
                        hasher.update(chunk)
                    out.write(chunk)
        except OSError as exc:
            raise ContainerError(f"cannot copy file {name!r} to {dest}: {_reason(exc)}", path=self.path) from exc
        return digest.hexdigest()

    # -- internals -------------------------------------------------------

    def _member(self, name: str) -> _Member:
        member = self._members.get(name)
        if member is None:
            raise ContainerError(f"no file {name!r} in the container", path=self.path)
        return member

    def _read_at(self, offset: int, length: int) -> bytes:
        if self._handle is None:
            raise ValueError("I/O operation on a closed container")
        with self._lock:
            self._handle.seek(offset)
            return self._handle.read(length)


def _more(items: Sequence[str]) -> str:
    return f" (and {len(items) - 1} more)" if len(items) > 1 else ""


class _MemberStream(io.RawIOBase):
    """Reads one member from the container's file and checks its CRC at the end.

    The check fires on the read that delivers the last bytes, so no caller ever
    receives all of a damaged member without an error.
    """

    def __init__(self, container: Container, member: _Member):
        super().__init__()
        self._container = container
        self._member = member
        self._position = 0
        self._crc = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        remaining = self._member.size - self._position
        if remaining <= 0:
            return 0
        want = min(len(buffer), remaining)
        try:
            data = self._container._read_at(self._member.data_offset + self._position, want)
        except OSError as exc:
            raise ContainerError(
                f"cannot read file {self._member.name!r}: {_reason(exc)}",
                path=self._container.path,
            ) from None
        if len(data) != want:
            raise ContainerError(
                f"file {self._member.name!r} is cut short (the container shrank after opening)",
                path=self._container.path,
            )
        self._crc = zlib.crc32(data, self._crc)
        self._position += want
        if self._position == self._member.size and self._crc != self._member.crc:
            raise ContainerError(
                f"file {self._member.name!r} is damaged (its CRC-32 does not match)",
                path=self._container.path,
            )
        buffer[:want] = data
        return want


def open_container(path: Path, *, limits: ContainerLimits = DEFAULT_LIMITS) -> Container:
    """Open and verify a container; anything but our canonical layout raises ContainerError.

    Reads the whole file once (to check the layout and compute ``sha256``) but
    decompresses nothing and holds no member data in memory.
    """
    path = Path(path)
    try:
        handle: BinaryIO = open(path, "rb")
    except OSError as exc:
        raise ContainerError(f"cannot open the container: {_reason(exc)}", path=path) from None
    try:
        members, digest = _inspect(handle, path, limits)
    except OSError as exc:
        handle.close()
        raise ContainerError(f"cannot read the container: {_reason(exc)}", path=path) from None
    except BaseException:
        handle.close()
        raise
    return Container(path, handle, members, digest)


def _inspect(handle: BinaryIO, path: Path, limits: ContainerLimits) -> tuple[list[_Member], str]:
    """Run every check in the order that gives a hostile file its most telling message."""
    file_size = os.fstat(handle.fileno()).st_size
    if file_size > MAX_CONTAINER_BYTES:
        raise ContainerError(
            f"the file is {file_size} bytes, over the limit of {MAX_CONTAINER_BYTES} "
            "bytes (2 GiB - 1); we never make containers that large",
            path=path,
        )
    _precheck_end_record(handle, path, file_size, limits)
    infos = _parse_directory(handle, path)
    _check_member_count(path, len(infos), limits)
    entries = _check_names_and_kinds(path, infos, limits)
    _check_sizes(path, infos, limits)
    _check_methods(path, infos)
    return _verify_layout(handle, path, entries, file_size)


def _not_a_zip(path: Path, detail: str) -> ContainerError:
    return ContainerError(f"not a zip file or truncated ({detail})", path=path)


def _precheck_end_record(
    handle: BinaryIO, path: Path, file_size: int, limits: ContainerLimits
) -> None:
    """Bound what zipfile will load before letting it parse.

    zipfile reads the whole central directory the end record points to and
    builds an object per entry, so a crafted 2 GB file could cost many GB of
    memory. Finding the end record the way zipfile does lets us refuse first.
    """
    if file_size < END_STRUCT.size:
        raise _not_a_zip(path, f"only {file_size} bytes")
    tail_length = min(file_size, END_STRUCT.size + 0xFFFF)
    handle.seek(file_size - tail_length)
    tail = handle.read(tail_length)
    last = tail[-END_STRUCT.size :]
    if last.startswith(END_SIGNATURE_BYTES) and last.endswith(b"\0\0"):
        position = len(tail) - END_STRUCT.size
    else:
        position = tail.rfind(END_SIGNATURE_BYTES)
        if position < 0 or len(tail) - position < END_STRUCT.size:
            raise _not_a_zip(path, "no end-of-central-directory record")
    fields = END_STRUCT.unpack_from(tail, position)
    count, cd_size = fields[4], fields[5]
    end_offset = file_size - tail_length + position
    if end_offset >= 20:
        handle.seek(end_offset - 20)
        if handle.read(4) == _ZIP64_LOCATOR_SIGNATURE_BYTES:
            raise ContainerError(
                "the file uses Zip64 records, which our containers never contain", path=path
            )
    if cd_size > end_offset:
        raise _not_a_zip(path, "the central directory would start before the file does")
    if count > limits.max_members:
        raise _too_many(path, count, limits)
    most = limits.max_members * (CENTRAL_STRUCT.size + limits.max_name_bytes)
    if cd_size > most:
        raise ContainerError(
            f"too many members: the central directory is {cd_size} bytes, more than "
            f"{limits.max_members} members can need",
            path=path,
        )


def _too_many(path: Path, count: int, limits: ContainerLimits) -> ContainerError:
    return ContainerError(
        f"too many members: {count}, the limit is {limits.max_members}", path=path
    )


def _parse_directory(handle: BinaryIO, path: Path) -> list[zipfile.ZipInfo]:
    handle.seek(0)
    try:
        with zipfile.ZipFile(handle) as archive:
            return archive.infolist()
    except Exception as exc:  # noqa: BLE001
        # zipfile parses hostile bytes with an undocumented, version-dependent
        # set of exceptions (BadZipFile, ValueError, struct.error, EOFError,
        # NotImplementedError, UnicodeDecodeError, ...): any failure of the
        # parser means the file is not a container we can read.
        detail = str(exc) or type(exc).__name__
        raise _not_a_zip(path, detail) from None


def _check_member_count(path: Path, count: int, limits: ContainerLimits) -> None:
    # Again after parsing: the directory may hold more entries than the end record says.
    if count > limits.max_members:
        raise _too_many(path, count, limits)


def _check_names_and_kinds(
    path: Path, infos: Sequence[zipfile.ZipInfo], limits: ContainerLimits
) -> list[Entry]:
    names = NameRegistry(path)
    entries: list[Entry] = []
    for info in infos:
        # orig_filename: zipfile's filename is cut at the first NUL.
        name = info.orig_filename
        kind = _kind_problem(info)
        if kind:
            raise ContainerError(f"member {name!r}: {kind}", path=path)
        problem = member_name_problem(name, max_bytes=limits.max_name_bytes)
        if problem:
            raise ContainerError(f"member {name!r}: {problem}", path=path)
        names.add(name)
        if info.flag_bits & _FLAG_ENCRYPTED:
            raise ContainerError(f"member {name!r} is encrypted", path=path)
        entries.append(Entry(name, name.encode("utf-8"), info.CRC, info.file_size))
    return entries


def _kind_problem(info: zipfile.ZipInfo) -> str | None:
    """Why the entry is not a plain file, judged from its attributes and name."""
    if info.create_system == 3:  # Unix: the high half of external_attr is st_mode
        mode = info.external_attr >> 16
        file_type = stat.S_IFMT(mode)
        if stat.S_ISLNK(mode):
            return "is a symbolic link"
        if stat.S_ISDIR(mode):
            return "is a directory entry, not a file"
        # Type 0 means "not recorded" (zipfile's own writestr does that); the
        # layout check refuses it later with the generic message.
        if file_type not in (0, stat.S_IFREG):
            return f"is not a regular file (mode {oct(mode)})"
    elif info.external_attr & _MSDOS_DIRECTORY_ATTR:
        return "is a directory entry, not a file"
    if info.orig_filename.endswith("/"):
        return "is a directory entry, not a file"
    return None


def _check_sizes(path: Path, infos: Sequence[zipfile.ZipInfo], limits: ContainerLimits) -> None:
    """Refuse by declared sizes alone, before a single byte is decompressed."""
    total = 0
    for info in infos:
        name = info.orig_filename
        if info.file_size > limits.max_member_bytes:
            raise ContainerError(
                f"member {name!r} declares {info.file_size} bytes, over the limit of "
                f"{limits.max_member_bytes} bytes per file",
                path=path,
            )
        total += info.file_size
        if total > limits.max_total_bytes:
            raise ContainerError(
                f"the members declare {total} bytes in total (counting up to member "
                f"{name!r}), over the limit of {limits.max_total_bytes} bytes",
                path=path,
            )
        if info.file_size > limits.max_ratio * info.compress_size:
            ratio = (
                f"{info.file_size / info.compress_size:.0f}"
                if info.compress_size
                else "unbounded"
            )
            raise ContainerError(
                f"member {name!r} would expand {ratio} times ({info.compress_size} to "
                f"{info.file_size} bytes), over the limit of {limits.max_ratio:g}: refused "
                "as a zip bomb",
                path=path,
            )


def _check_methods(path: Path, infos: Sequence[zipfile.ZipInfo]) -> None:
    for info in infos:
        if info.compress_type != METHOD_STORED:
            raise ContainerError(
                f"member {info.orig_filename!r} is compressed (method {info.compress_type}); "
                "our containers store every file uncompressed",
                path=path,
            )


def _verify_layout(
    handle: BinaryIO, path: Path, entries: Sequence[Entry], file_size: int
) -> tuple[list[_Member], str]:
    """Demand the exact bytes the writer would produce, hashing the file on the way.

    Every header byte is compared; member data is covered by its CRC-32, which
    reading checks. So any change to the file after it was written is caught.
    """
    segments, data_offsets = layout(entries)
    hasher = hashlib.sha256()
    offset = 0
    handle.seek(0)
    for segment in segments:
        if segment.header is not None:
            got = handle.read(segment.length)
            hasher.update(got)
            if got != segment.header:
                raise _altered(path, offset + _first_difference(got, segment.header))
            offset += segment.length
        else:
            end = offset + segment.length
            for chunk in _read_exactly(handle, segment.length):
                hasher.update(chunk)
                offset += len(chunk)
            if offset != end:  # the file ended inside this member's data
                raise _altered(path, offset)
    if file_size != offset or handle.read(1):
        raise _altered(path, offset)
    members = [
        _Member(e.name, e.size, e.crc, data_offset)
        for e, data_offset in zip(entries, data_offsets, strict=True)
    ]
    return members, hasher.hexdigest()


def _read_exactly(handle: BinaryIO, length: int) -> Iterator[bytes]:
    """Yield up to ``length`` bytes in chunks; stops early at end of file."""
    remaining = length
    while remaining > 0:
        chunk = handle.read(min(_CHUNK, remaining))
        if not chunk:
            return
        remaining -= len(chunk)
        yield chunk


def _first_difference(got: bytes, expected: bytes) -> int:
    for index, (a, b) in enumerate(zip(got, expected)):
        if a != b:
            return index
    return min(len(got), len(expected))


def _altered(path: Path, offset: int) -> ContainerError:
    return ContainerError(
        f"the file was altered after it was made (bytes at offset {offset} differ from "
        "the canonical layout)",
        path=path,
    )
