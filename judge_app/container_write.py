"""Write the canonical container layout of :mod:`judge_app.zip_layout`.

:func:`write_container` produces exactly one byte layout for a given list of
members; :mod:`judge_app.container` opens and verifies files in it.
"""

from __future__ import annotations

import hashlib
import os
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .atomic import atomic_output
from .container import _CHUNK, MAX_CONTAINER_BYTES, _reason
from .errors import ContainerError
from .zip_layout import (
    MAX_ENTRIES,
    Entry,
    NameRegistry,
    layout,
    layout_length,
    member_name_problem,
)

__all__ = ["write_container"]


@dataclass(frozen=True)
class _PlannedMember:
    entry: Entry
    source: bytes | Path


def write_container(
    path: Path,
    members: Sequence[tuple[str, bytes | Path]],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> str:
    """Write ``members`` as a canonical container at ``path``; return its SHA-256 hex.

    Members given as a :class:`~pathlib.Path` are streamed from disk (read once
    for CRC-32 and size, once to copy), so an attachment is never held in memory.
    ``progress(done, total)`` is called with bytes of the container written so
    far. The target is replaced atomically: on any failure it keeps its old bytes
    and no temporary file is left behind.
    """
    path = Path(path)
    planned = _plan(path, members)
    entries = [p.entry for p in planned]
    total = layout_length(entries)
    if total > MAX_CONTAINER_BYTES:
        raise ContainerError(
            f"the container would be {total} bytes, over the limit of "
            f"{MAX_CONTAINER_BYTES} bytes (2 GiB - 1; Zip64 is not supported)",
            path=path,
        )
    segments, _ = layout(entries)

    try:
        with atomic_output(path) as handle:
            sink = _Sink(handle, total, progress)
            data_sources = iter(planned)
            for segment in segments:
                if segment.header is not None:
                    sink.write(segment.header)
                else:
                    _write_member_data(sink, next(data_sources), path)
    except OSError as exc:
        raise ContainerError(f"cannot write the container: {_reason(exc)}", path=path) from exc
    return sink.hexdigest()


def _plan(path: Path, members: Sequence[tuple[str, bytes | Path]]) -> list[_PlannedMember]:
    """Validate every member and learn its CRC-32 and size before writing a byte."""
    if len(members) > MAX_ENTRIES:
        raise ContainerError(
            f"too many members: {len(members)}, a container holds at most {MAX_ENTRIES}",
            path=path,
        )
    names = NameRegistry(path)
    planned: list[_PlannedMember] = []
    for name, source in members:
        if not isinstance(name, str):
            raise TypeError(f"member name must be str, not {type(name).__name__}")
        problem = member_name_problem(name)
        if problem:
            raise ContainerError(f"member {name!r}: {problem}", path=path)
        names.add(name)
        if isinstance(source, (bytes, bytearray, memoryview)):
            data = bytes(source)
            _check_member_size(path, name, len(data))
            crc, size, kept = zlib.crc32(data), len(data), data
        elif isinstance(source, os.PathLike):
            source_path = Path(source)
            crc, size = _crc_of_file(path, name, source_path)
            kept = source_path
        else:
            kind = type(source).__name__
            raise TypeError(f"member {name!r}: source must be bytes or Path, not {kind}")
        planned.append(_PlannedMember(Entry(name, name.encode("utf-8"), crc, size), kept))
    return planned


def _check_member_size(path: Path, name: str, size: int) -> None:
    if size > MAX_CONTAINER_BYTES:
        raise ContainerError(
            f"member {name!r} is {size} bytes, over the limit of {MAX_CONTAINER_BYTES} "
            "bytes (2 GiB - 1; Zip64 is not supported)",
            path=path,
        )


def _crc_of_file(path: Path, name: str, source: Path) -> tuple[int, int]:
    try:
        with open(source, "rb") as handle:
            # Refuse a huge file before spending minutes reading it.
            _check_member_size(path, name, os.fstat(handle.fileno()).st_size)
            crc, size = 0, 0
            while chunk := handle.read(_CHUNK):
                crc = zlib.crc32(chunk, crc)
                size += len(chunk)
                _check_member_size(path, name, size)
    except OSError as exc:
        raise ContainerError(
            f"cannot read member {name!r} from {source}: {_reason(exc)}", path=path
        ) from None
    return crc, size


class _Sink:
    """Writes to the temporary file while hashing and reporting progress."""

    def __init__(self, handle: BinaryIO, total: int, progress: Callable[[int, int], None] | None):
        self._handle = handle
        self._hasher = hashlib.sha256()
        self._done = 0
        self._total = total
        self._progress = progress

    def write(self, data: bytes) -> None:
        self._handle.write(data)
        self._hasher.update(data)
        self._done += len(data)
        if self._progress is not None:
            self._progress(self._done, self._total)

    def hexdigest(self) -> str:
        return self._hasher.hexdigest()


def _write_member_data(sink: _Sink, member: _PlannedMember, path: Path) -> None:
    entry = member.entry
    if not isinstance(member.source, Path):
        sink.write(member.source)
        return
    crc, size = 0, 0
    try:
        with open(member.source, "rb") as handle:
            # Read no more than planned: the header already promised this size.
            while size < entry.size and (chunk := handle.read(min(_CHUNK, entry.size - size))):
                crc = zlib.crc32(chunk, crc)
                size += len(chunk)
                sink.write(chunk)
            grew = bool(handle.read(1))
    except OSError as exc:
        raise ContainerError(
            f"cannot read member {entry.name!r} from {member.source}: {_reason(exc)}", path=path
        ) from None
    if grew or size != entry.size or crc != entry.crc:
        raise ContainerError(
            f"member {entry.name!r} ({member.source}) changed while the container was "
            "being written",
            path=path,
        )
