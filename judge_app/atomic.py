"""Durable file replacement: a reader sees the old file or the new one, never half.

Write to a temporary file in the same folder, fsync it, rename it over the
target, then fsync the folder so the rename itself survives a power cut.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator


@contextmanager
def atomic_output(path: Path, *, mode: int = 0o644) -> Iterator[BinaryIO]:
    """A file handle whose bytes replace ``path`` only if the block completes.

    On any error the temporary file is removed and ``path`` keeps its old
    bytes; on success the data and the rename are both on disk before return.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    fsync_directory(path.parent)


def write_bytes_atomic(path: Path, data: bytes, *, mode: int = 0o644) -> None:
    """Replace ``path`` with ``data`` atomically and durably."""
    with atomic_output(path, mode=mode) as handle:
        handle.write(data)


def fsync_directory(folder: Path) -> None:
    """Make a rename or creation in ``folder`` durable (a no-op where unsupported)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
