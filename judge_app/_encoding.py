"""Strict text and SSH wire helpers shared by :mod:`judge_app.keys` and :mod:`judge_app.signatures`.

Private to those two modules. Key files, public keys and signatures are all
text a person may have copied through e-mail or a text editor, so they are read
in exactly one spelling: canonical base64, one line where one line is meant,
and bounds-checked SSH wire data. Also here are the two format details both
modules need: minisign's untrusted-comment prefix and key-id rendering, and the
``ssh-ed25519`` type name.

Parsers raise the error class their caller names (:class:`KeyFileError` for
keys, :class:`SignatureError` for signatures), or :class:`WireError`, which
callers convert to their own error; never ``IndexError``, ``struct.error``,
``UnicodeError`` or ``binascii.Error``.
"""

from __future__ import annotations

import base64
import binascii
import struct
from pathlib import Path

from judge_app.errors import KeyFileError, SignatureError

UNTRUSTED_PREFIX = "untrusted comment: "
"""How the first line of a minisign public key or signature file starts (minisign 0.11, src/minisign.h)."""

SSH_ED25519 = b"ssh-ed25519"
"""The OpenSSH key and signature type name of Ed25519."""


def minisign_key_id_text(key_id: bytes) -> str:
    # minisign prints le64_load(keynum) with "%" PRIX64: little-endian, uppercase, unpadded.
    return f"{int.from_bytes(key_id, 'little'):X}"


# =============================================================================
# Text
# =============================================================================


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64decode_canonical(text: object) -> bytes | None:
    """Decode standard base64 only in its one canonical spelling, else None.

    Canonical means padded, no whitespace and zero unused bits, so that no
    other spelling of a signature or key is also accepted.
    """
    if not isinstance(text, str):
        return None
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (UnicodeEncodeError, binascii.Error, ValueError):
        return None
    return data if b64(data) == text else None


def split_lines(
    text: str | bytes,
    *,
    max_chars: int,
    error: type[SignatureError] | type[KeyFileError],
    path: str | Path | None = None,
) -> list[str]:
    """Split tool output into lines, tolerating CRLF files and a missing final newline.

    Bare CR is kept inside a line (where it then fails to parse) rather than
    treated as a break, so that only one spelling of a file is accepted.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise error("not UTF-8 text", path=path) from None
    if not isinstance(text, str):
        raise error("expected text", path=path)
    if len(text) > max_chars:
        raise error("too long to be what was expected", path=path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise error("text contains invalid characters", path=path) from None
    text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def check_one_line(text: str, what: str, error: type[SignatureError] | type[KeyFileError]) -> None:
    if not isinstance(text, str):
        raise error(f"{what} must be text")
    if any(char in text for char in "\r\n\x00"):
        raise error(f"{what} must be a single line (no line breaks or NUL)")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise error(f"{what} contains characters that cannot be encoded") from None


# =============================================================================
# SSH wire format (RFC 4251)
# =============================================================================


class WireError(Exception):
    """SSH wire data is truncated or malformed (internal; callers convert it)."""


class WireReader:
    """Bounds-checked reader of SSH wire encoding (RFC 4251 uint32 and string)."""

    def __init__(self, data: bytes):
        self._data = data
        self._offset = 0

    def take(self, count: int) -> bytes:
        if count > len(self._data) - self._offset:
            raise WireError("truncated data")
        chunk = self._data[self._offset : self._offset + count]
        self._offset += count
        return chunk

    def uint32(self) -> int:
        return int.from_bytes(self.take(4), "big")

    def string(self) -> bytes:
        return self.take(self.uint32())

    def finish(self) -> None:
        if self._offset != len(self._data):
            raise WireError(f"{len(self._data) - self._offset} unexpected trailing bytes")


def ssh_string(value: bytes) -> bytes:
    return struct.pack(">I", len(value)) + value


def printable(value: bytes) -> str:
    return repr(value[:40].decode("utf-8", "replace"))
