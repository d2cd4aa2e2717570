"""Signatures that standard tools verify: minisign and OpenSSH's SSHSIG.

Every signature the app makes must be checkable by an auditor with nothing of
ours installed, so we write two standard formats byte for byte:

* **minisign** (``minisign -V``): a four-line text file. The signature line is
  ``base64("ED" + key_id + Ed25519(BLAKE2b-512(data)))``; the last line signs
  that signature together with the *trusted comment*, so the comment cannot be
  changed either. The first line (the *untrusted* comment) is not signed by
  design of the format: never rely on it.
* **SSHSIG** (``ssh-keygen -Y verify``): OpenSSH's armored signature, see
  PROTOCOL.sshsig in the OpenSSH sources. A *namespace* separates signatures made
  for different purposes, so a score-file signature can never pass as a bundle
  signature.

The keys that make and check these signatures, and their files, are in
:mod:`judge_app.keys`.

Errors: a malformed or failing signature raises :class:`SignatureError`.
Parsers never let ``IndexError``, ``struct.error``, ``UnicodeError`` or
``binascii.Error`` escape.
"""

from __future__ import annotations

import hashlib
import struct

from judge_app._encoding import (
    SSH_ED25519,
    UNTRUSTED_PREFIX,
    WireError,
    WireReader,
    b64,
    b64decode_canonical,
    check_one_line,
    minisign_key_id_text,
    printable,
    split_lines,
    ssh_string,
)
from judge_app.errors import SignatureError
from judge_app.keys import (
    KEY_ID_BYTES,
    SIGNATURE_BYTES,
    PrivateKey,
    PublicKey,
    _parse_ssh_ed25519_blob,  # SSHSIG embeds the signer's key in the .pub wire format
)

__all__ = [
    "minisign_sign",
    "minisign_verify",
    "sshsig_sign",
    "sshsig_verify",
]

# --- minisign (constants as in minisign 0.11, src/minisign.h) ----------------

_MINISIGN_ALG_LEGACY = b"Ed"  # signs the data itself
_MINISIGN_ALG_PREHASHED = b"ED"  # signs BLAKE2b-512(data); minisign's default since 0.10
_TRUSTED_PREFIX = "trusted comment: "
# minisign reads each comment line with a fixed buffer (1024 and 8192 bytes,
# including prefix, newline and NUL); longer comments fail there, so refuse them here.
_UNTRUSTED_COMMENT_MAX_BYTES = 1024 - len(UNTRUSTED_PREFIX) - 2
_TRUSTED_COMMENT_MAX_BYTES = 8192 - len(_TRUSTED_PREFIX) - 2
_MINISIGN_TEXT_MAX_CHARS = 16 * 1024
DEFAULT_UNTRUSTED_COMMENT = "signature from dlg judge app"

# --- SSHSIG (OpenSSH PROTOCOL.sshsig) ----------------------------------------

_SSHSIG_MAGIC = b"SSHSIG"
_SSHSIG_VERSION = 1
_SSHSIG_BEGIN = "-----BEGIN SSH SIGNATURE-----"
_SSHSIG_END = "-----END SSH SIGNATURE-----"
_SSHSIG_LINE_WIDTH = 70  # what ssh-keygen writes
_SSHSIG_HASHES = {"sha512": hashlib.sha512, "sha256": hashlib.sha256}
_SSHSIG_TEXT_MAX_CHARS = 64 * 1024


# =============================================================================
# minisign
# =============================================================================


def minisign_sign(
    key: PrivateKey,
    data: bytes,
    *,
    trusted_comment: str,
    untrusted_comment: str = DEFAULT_UNTRUSTED_COMMENT,
) -> str:
    """Sign ``data`` in minisign's prehashed ("ED") format, as ``minisign -S`` does.

    Args:
        key: The signing key; its derived key id goes into the signature.
        data: The exact bytes of the signed file.
        trusted_comment: One line, signed too; ``minisign -V`` prints it.
        untrusted_comment: One line, NOT signed (anyone can change it).

    Returns:
        The text of a ``.minisig`` file.

    Raises:
        SignatureError: a comment has a line break or NUL, or is too long for minisign.
    """
    check_one_line(untrusted_comment, "untrusted comment", SignatureError)
    check_one_line(trusted_comment, "trusted comment", SignatureError)
    comment_bytes = trusted_comment.encode("utf-8")
    if len(untrusted_comment.encode("utf-8")) > _UNTRUSTED_COMMENT_MAX_BYTES:
        raise SignatureError(
            f"untrusted comment is longer than minisign accepts ({_UNTRUSTED_COMMENT_MAX_BYTES} bytes)"
        )
    if len(comment_bytes) > _TRUSTED_COMMENT_MAX_BYTES:
        raise SignatureError(
            f"trusted comment is longer than minisign accepts ({_TRUSTED_COMMENT_MAX_BYTES} bytes)"
        )
    signature = key.sign_raw(_blake2b_512(data))
    global_signature = key.sign_raw(signature + comment_bytes)
    return (
        f"{UNTRUSTED_PREFIX}{untrusted_comment}\n"
        f"{b64(_MINISIGN_ALG_PREHASHED + key.public_key.key_id + signature)}\n"
        f"{_TRUSTED_PREFIX}{trusted_comment}\n"
        f"{b64(global_signature)}\n"
    )


def minisign_verify(public_key: PublicKey, data: bytes, signature_text: str | bytes) -> str:
    """Check a minisign signature the way ``minisign -V`` does.

    Accepts the prehashed ("ED") and the legacy ("Ed") algorithm, checks the key
    id, the signature over the data, then the global signature over the trusted
    comment.

    Returns:
        The trusted comment, now known to be authentic.

    Raises:
        SignatureError: malformed, made by another key, or not matching.
    """
    lines = split_lines(signature_text, max_chars=_MINISIGN_TEXT_MAX_CHARS, error=SignatureError)
    if len(lines) != 4:
        raise SignatureError(f"a minisign signature has 4 lines, this text has {len(lines)}")
    untrusted_line, signature_line, trusted_line, global_line = lines
    if not untrusted_line.startswith(UNTRUSTED_PREFIX):
        raise SignatureError(f"a minisign signature starts with {UNTRUSTED_PREFIX!r}")
    if len(untrusted_line[len(UNTRUSTED_PREFIX) :].encode("utf-8")) > _UNTRUSTED_COMMENT_MAX_BYTES:
        raise SignatureError("untrusted comment is longer than minisign accepts")
    blob = b64decode_canonical(signature_line)
    if blob is None or len(blob) != 2 + KEY_ID_BYTES + SIGNATURE_BYTES:
        raise SignatureError("line 2 is not a minisign signature (bad base64 or wrong length)")
    algorithm, key_id, signature = blob[:2], blob[2 : 2 + KEY_ID_BYTES], blob[2 + KEY_ID_BYTES :]
    if algorithm not in (_MINISIGN_ALG_PREHASHED, _MINISIGN_ALG_LEGACY):
        raise SignatureError(f"unsupported minisign signature algorithm {algorithm!r}")
    if not trusted_line.startswith(_TRUSTED_PREFIX):
        raise SignatureError(f"line 3 of a minisign signature starts with {_TRUSTED_PREFIX!r}")
    trusted_comment = trusted_line[len(_TRUSTED_PREFIX) :]
    if "\r" in trusted_comment or "\x00" in trusted_comment:
        # minisign would cut the comment there and vouch for the first part only.
        raise SignatureError("trusted comment contains a control character minisign cuts at")
    comment_bytes = trusted_comment.encode("utf-8")
    if len(comment_bytes) > _TRUSTED_COMMENT_MAX_BYTES:
        raise SignatureError("trusted comment is longer than minisign accepts")
    global_signature = b64decode_canonical(global_line)
    if global_signature is None or len(global_signature) != SIGNATURE_BYTES:
        raise SignatureError("line 4 is not a minisign signature (bad base64 or wrong length)")

    if key_id != public_key.key_id:
        raise SignatureError(
            f"signed by another key (key id {minisign_key_id_text(key_id)}, "
            f"expected {public_key.key_id_hex})"
        )
    signed = _blake2b_512(data) if algorithm == _MINISIGN_ALG_PREHASHED else data
    try:
        public_key.verify_raw(signature, signed)
    except SignatureError:
        raise SignatureError(
            "signature does not match the data: the file was changed after it was signed"
        ) from None
    try:
        public_key.verify_raw(global_signature, signature + comment_bytes)
    except SignatureError:
        raise SignatureError("trusted comment was altered (its global signature does not verify)") from None
    return trusted_comment


def _blake2b_512(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=64).digest()


# =============================================================================
# SSHSIG
# =============================================================================


def sshsig_sign(key: PrivateKey, data: bytes, *, namespace: str) -> str:
    """Sign ``data`` as ``ssh-keygen -Y sign -n <namespace>`` does (SHA-512).

    Returns:
        The armored ``-----BEGIN SSH SIGNATURE-----`` text, newline-terminated.

    Raises:
        SignatureError: the namespace is empty.
    """
    namespace_bytes = _namespace_bytes(namespace)
    hash_name = b"sha512"
    digest = hashlib.sha512(data).digest()
    signature = key.sign_raw(_sshsig_signed_data(namespace_bytes, b"", hash_name, digest))
    blob = (
        _SSHSIG_MAGIC
        + struct.pack(">I", _SSHSIG_VERSION)
        + ssh_string(key.public_key.openssh_blob())
        + ssh_string(namespace_bytes)
        + ssh_string(b"")
        + ssh_string(hash_name)
        + ssh_string(ssh_string(SSH_ED25519) + ssh_string(signature))
    )
    encoded = b64(blob)
    body = "\n".join(encoded[i : i + _SSHSIG_LINE_WIDTH] for i in range(0, len(encoded), _SSHSIG_LINE_WIDTH))
    return f"{_SSHSIG_BEGIN}\n{body}\n{_SSHSIG_END}\n"


def sshsig_verify(public_key: PublicKey, data: bytes, armored: str | bytes, *, namespace: str) -> None:
    """Check an armored SSHSIG signature as ``ssh-keygen -Y verify`` does.

    Parses strictly: one armor block, canonical base64, no trailing bytes.

    Raises:
        SignatureError: malformed, for another namespace, by another key, or not matching.
    """
    namespace_bytes = _namespace_bytes(namespace)
    lines = split_lines(armored, max_chars=_SSHSIG_TEXT_MAX_CHARS, error=SignatureError)
    if len(lines) < 3 or lines[0] != _SSHSIG_BEGIN or lines[-1] != _SSHSIG_END:
        raise SignatureError(f"not an SSH signature (expected {_SSHSIG_BEGIN} ... {_SSHSIG_END})")
    body = lines[1:-1]
    if any(line == "" for line in body):
        raise SignatureError("SSH signature has an empty line inside its armor")
    blob = b64decode_canonical("".join(body))
    if blob is None:
        raise SignatureError("SSH signature is not valid base64")
    try:
        reader = WireReader(blob)
        if reader.take(len(_SSHSIG_MAGIC)) != _SSHSIG_MAGIC:
            raise WireError("missing SSHSIG magic")
        version = reader.uint32()
        if version != _SSHSIG_VERSION:
            raise WireError(f"unsupported SSHSIG version {version}")
        key_blob = reader.string()
        signed_namespace = reader.string()
        reserved = reader.string()
        hash_name = reader.string()
        signature_blob = reader.string()
        reader.finish()
        signer = _parse_ssh_ed25519_blob(key_blob)
        signature_reader = WireReader(signature_blob)
        signature_type = signature_reader.string()
        if signature_type != SSH_ED25519:
            raise WireError(f"signature type {printable(signature_type)} is not ssh-ed25519")
        signature = signature_reader.string()
        signature_reader.finish()
    except WireError as error:
        raise SignatureError(f"damaged SSH signature: {error}") from None

    if signer.raw != public_key.raw:
        raise SignatureError(
            f"signed by another key (fingerprint {signer.fingerprint}, expected {public_key.fingerprint})"
        )
    if signed_namespace != namespace_bytes:
        raise SignatureError(
            f"signature was made for namespace {printable(signed_namespace)}, expected {namespace!r}"
        )
    hash_function = _SSHSIG_HASHES.get(hash_name.decode("ascii", "replace"))
    if hash_function is None:
        raise SignatureError(f"unsupported SSH signature hash {printable(hash_name)}")
    signed = _sshsig_signed_data(signed_namespace, reserved, hash_name, hash_function(data).digest())
    try:
        public_key.verify_raw(signature, signed)
    except SignatureError:
        raise SignatureError(
            "SSH signature does not match the data: the file was changed after it was signed"
        ) from None


def _sshsig_signed_data(namespace: bytes, reserved: bytes, hash_name: bytes, digest: bytes) -> bytes:
    return (
        _SSHSIG_MAGIC
        + ssh_string(namespace)
        + ssh_string(reserved)
        + ssh_string(hash_name)
        + ssh_string(digest)
    )


def _namespace_bytes(namespace: str) -> bytes:
    # ssh-keygen refuses an empty namespace; it is what keeps signature purposes apart.
    if not isinstance(namespace, str) or namespace == "":
        raise SignatureError("an SSH signature namespace must be non-empty text")
    try:
        return namespace.encode("utf-8")
    except UnicodeEncodeError:
        raise SignatureError("SSH signature namespace is not valid text") from None
