"""Ed25519 keys, the encrypted key file, fingerprints, and signatures standard tools verify.

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

A judge's private key lives in a small JSON key file, encrypted under their
passphrase: scrypt derives a key from the passphrase, ChaCha20-Poly1305 encrypts
the 32-byte Ed25519 seed, and the associated data binds the file format and the
public key, so a file whose public key was swapped does not decrypt.

Errors: a malformed or foreign *key* (public key text, key file) raises
:class:`KeyFileError`; a wrong passphrase raises :class:`WrongPassphrase`; a
malformed or failing *signature* raises :class:`SignatureError`. Parsers never
let ``IndexError``, ``struct.error``, ``UnicodeError`` or ``binascii.Error`` escape.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import struct
import tempfile
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from judge_app.atomic import fsync_directory
from judge_app.errors import KeyFileError, SignatureError, WrongPassphrase

__all__ = [
    "KEY_FILE_FORMAT",
    "PrivateKey",
    "PublicKey",
    "load_private_key",
    "minisign_sign",
    "minisign_verify",
    "read_public_key",
    "save_private_key",
    "sshsig_sign",
    "sshsig_verify",
]

PUBLIC_KEY_BYTES = 32
SEED_BYTES = 32
SIGNATURE_BYTES = 64
KEY_ID_BYTES = 8

_KEY_ID_DOMAIN = b"dlg-key-id\x00"
_FINGERPRINT_DOMAIN = b"dlg-fingerprint\x00"

# --- key file ---------------------------------------------------------------

KEY_FILE_FORMAT = "dlg-private-key/1"
_KEY_FILE_FIELDS = frozenset(
    {"format", "label", "public_key", "fingerprint", "kdf", "cipher", "nonce", "ciphertext", "created"}
)
_KDF_FIELDS = frozenset({"name", "n", "r", "p", "salt"})
_CIPHER = "chacha20poly1305"
# scrypt cost: ~60 ms and 32 MiB on a laptop, slow enough to make guessing costly.
_SCRYPT_N = 2**15
_SCRYPT_R = 8
_SCRYPT_P = 1
_SALT_BYTES = 16
_NONCE_BYTES = 12
_TAG_BYTES = 16
# Bounds on parameters read from a file, so a damaged or hostile file cannot make
# us allocate gigabytes or spin for minutes before saying "wrong passphrase".
_SCRYPT_MIN_N = 2**14
_SCRYPT_MAX_N = 2**20
_SCRYPT_MAX_R = 16
_SCRYPT_MAX_P = 4
_SCRYPT_MAX_MEMORY = 256 * 2**20  # bytes: 128 * n * r
_SCRYPT_MAX_WORK = 8 * _SCRYPT_N * _SCRYPT_R * _SCRYPT_P  # n * r * p: about half a second
# A real key file is well under 1 KiB; anything this large is some other file.
_KEY_FILE_MAX_BYTES = 64 * 1024

# --- minisign (constants as in minisign 0.11, src/minisign.h) ----------------

_MINISIGN_PK_ALG = b"Ed"
_MINISIGN_ALG_LEGACY = b"Ed"  # signs the data itself
_MINISIGN_ALG_PREHASHED = b"ED"  # signs BLAKE2b-512(data); minisign's default since 0.10
_UNTRUSTED_PREFIX = "untrusted comment: "
_TRUSTED_PREFIX = "trusted comment: "
# minisign reads each comment line with a fixed buffer (1024 and 8192 bytes,
# including prefix, newline and NUL); longer comments fail there, so refuse them here.
_UNTRUSTED_COMMENT_MAX_BYTES = 1024 - len(_UNTRUSTED_PREFIX) - 2
_TRUSTED_COMMENT_MAX_BYTES = 8192 - len(_TRUSTED_PREFIX) - 2
_MINISIGN_TEXT_MAX_CHARS = 16 * 1024
DEFAULT_UNTRUSTED_COMMENT = "signature from dlg judge app"

# --- SSHSIG (OpenSSH PROTOCOL.sshsig) ----------------------------------------

_SSH_ED25519 = b"ssh-ed25519"
_SSHSIG_MAGIC = b"SSHSIG"
_SSHSIG_VERSION = 1
_SSHSIG_BEGIN = "-----BEGIN SSH SIGNATURE-----"
_SSHSIG_END = "-----END SSH SIGNATURE-----"
_SSHSIG_LINE_WIDTH = 70  # what ssh-keygen writes
_SSHSIG_HASHES = {"sha512": hashlib.sha512, "sha256": hashlib.sha256}
_SSHSIG_TEXT_MAX_CHARS = 64 * 1024
_OPENSSH_TEXT_MAX_CHARS = 16 * 1024


# =============================================================================
# Keys
# =============================================================================


@dataclass(frozen=True)
class PublicKey:
    """An Ed25519 public key, with the renderings people and tools need.

    Equality and hashing use the 32 raw bytes only: the same key imported from a
    minisign file (whose key id is random) and from our JSON is the same key.

    Attributes:
        raw: The 32-byte Ed25519 public key.
        key_id: The 8-byte minisign key id. Our own keys derive it from ``raw``
            (the default); a key read from a real minisign public key file keeps
            the file's random id, because minisign checks it against signatures.
    """

    raw: bytes
    key_id: bytes = field(default=b"", compare=False, repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.raw, bytes) or len(self.raw) != PUBLIC_KEY_BYTES:
            size = len(self.raw) if isinstance(self.raw, (bytes, bytearray)) else type(self.raw).__name__
            raise KeyFileError(f"an Ed25519 public key is {PUBLIC_KEY_BYTES} bytes, got {size}")
        if self.key_id == b"":
            derived = hashlib.sha256(_KEY_ID_DOMAIN + self.raw).digest()[:KEY_ID_BYTES]
            object.__setattr__(self, "key_id", derived)
        elif not isinstance(self.key_id, bytes) or len(self.key_id) != KEY_ID_BYTES:
            raise KeyFileError(f"a minisign key id is {KEY_ID_BYTES} bytes")

    def __repr__(self) -> str:
        return f"PublicKey(fingerprint={self.fingerprint!r})"

    @property
    def fingerprint(self) -> str:
        """Twenty digits in five groups, e.g. ``"1234 5678 9012 3456 7890"``.

        Digits, not hex, because they are read aloud over the phone and written
        on paper by people for whom Latin letters are a second script.
        """
        digest = hashlib.sha256(_FINGERPRINT_DOMAIN + self.raw).digest()
        digits = f"{int.from_bytes(digest[:16], 'big') % 10**20:020d}"
        return " ".join(digits[i : i + 4] for i in range(0, 20, 4))

    @property
    def key_id_hex(self) -> str:
        """The key id as minisign prints it (little-endian integer in uppercase hex)."""
        return _minisign_key_id_text(self.key_id)

    # --- our JSON payloads ---------------------------------------------------

    def to_base64(self) -> str:
        """The raw key in standard base64, as our JSON payloads carry it."""
        return base64.b64encode(self.raw).decode("ascii")

    @classmethod
    def from_base64(cls, text: str, *, path: str | Path | None = None) -> PublicKey:
        """Parse :meth:`to_base64` output strictly.

        Raises:
            KeyFileError: not canonical base64 of exactly 32 bytes.
        """
        raw = _b64decode_canonical(text)
        if raw is None:
            raise KeyFileError("public key is not valid base64", path=path)
        if len(raw) != PUBLIC_KEY_BYTES:
            raise KeyFileError(
                f"public key is {len(raw)} bytes, an Ed25519 key is {PUBLIC_KEY_BYTES}", path=path
            )
        return cls(raw)

    # --- minisign --------------------------------------------------------------

    def minisign_line(self) -> str:
        """The base64 key line, as ``minisign -P`` takes it."""
        return base64.b64encode(_MINISIGN_PK_ALG + self.key_id + self.raw).decode("ascii")

    def to_minisign(self, comment: str | None = None) -> str:
        """The text of a minisign public key file (``minisign -p``).

        Args:
            comment: The untrusted comment; by default the one minisign itself
                writes, ``minisign public key <KEY ID>``.
        """
        if comment is None:
            comment = f"minisign public key {self.key_id_hex}"
        _check_one_line(comment, "comment", KeyFileError)
        return f"{_UNTRUSTED_PREFIX}{comment}\n{self.minisign_line()}\n"

    @classmethod
    def from_minisign(cls, text: str, *, path: str | Path | None = None) -> PublicKey:
        """Parse a minisign public key file, or just its base64 line.

        The key id is kept as found: a real minisign key's id is random.

        Raises:
            KeyFileError: not a minisign Ed25519 public key.
        """
        lines = _split_lines(text, max_chars=_OPENSSH_TEXT_MAX_CHARS, error=KeyFileError, path=path)
        if len(lines) == 2:
            if not lines[0].startswith(_UNTRUSTED_PREFIX):
                raise KeyFileError(
                    f"a minisign public key file starts with {_UNTRUSTED_PREFIX!r}", path=path
                )
            key_line = lines[1]
        elif len(lines) == 1:
            key_line = lines[0]
        else:
            raise KeyFileError(
                f"a minisign public key is one base64 line after a comment line; found {len(lines)} lines",
                path=path,
            )
        blob = _b64decode_canonical(key_line)
        if blob is None or len(blob) != 2 + KEY_ID_BYTES + PUBLIC_KEY_BYTES:
            raise KeyFileError("not a minisign public key (bad base64 or wrong length)", path=path)
        if blob[:2] != _MINISIGN_PK_ALG:
            raise KeyFileError(
                f"unsupported minisign key algorithm {blob[:2]!r} (expected {_MINISIGN_PK_ALG!r})", path=path
            )
        return cls(blob[2 + KEY_ID_BYTES :], key_id=blob[2 : 2 + KEY_ID_BYTES])

    # --- OpenSSH ---------------------------------------------------------------

    def openssh_blob(self) -> bytes:
        """The key in SSH wire format: ``string("ssh-ed25519") string(raw)``."""
        return _ssh_string(_SSH_ED25519) + _ssh_string(self.raw)

    def to_openssh(self, comment: str = "") -> str:
        """One ``.pub`` / ``allowed_signers`` key: ``ssh-ed25519 AAAA... comment``."""
        _check_one_line(comment, "comment", KeyFileError)
        text = f"ssh-ed25519 {base64.b64encode(self.openssh_blob()).decode('ascii')}"
        return f"{text} {comment}" if comment else text

    @classmethod
    def from_openssh(cls, text: str, *, path: str | Path | None = None) -> PublicKey:
        """Parse one OpenSSH public key line (the content of an ``ssh-keygen`` ``.pub`` file).

        Raises:
            KeyFileError: not an ``ssh-ed25519`` public key line.
        """
        lines = _split_lines(text, max_chars=_OPENSSH_TEXT_MAX_CHARS, error=KeyFileError, path=path)
        if len(lines) != 1:
            raise KeyFileError(f"an OpenSSH public key is one line; found {len(lines)}", path=path)
        parts = lines[0].split(maxsplit=2)
        if len(parts) < 2:
            raise KeyFileError("not an OpenSSH public key (expected 'ssh-ed25519 AAAA...')", path=path)
        if parts[0] != _SSH_ED25519.decode():
            raise KeyFileError(f"key type {parts[0][:40]!r} is not supported; only ssh-ed25519 is", path=path)
        blob = _b64decode_canonical(parts[1])
        if blob is None:
            raise KeyFileError("OpenSSH public key is not valid base64", path=path)
        try:
            return _parse_ssh_ed25519_blob(blob)
        except _WireError as error:
            raise KeyFileError(f"damaged OpenSSH public key: {error}", path=path) from None

    # --- verification ----------------------------------------------------------

    def verify_raw(self, signature: bytes, data: bytes) -> None:
        """Check a bare 64-byte Ed25519 signature over ``data``.

        Raises:
            SignatureError: the signature is malformed or does not verify.
        """
        if not isinstance(signature, bytes) or len(signature) != SIGNATURE_BYTES:
            raise SignatureError(f"an Ed25519 signature is {SIGNATURE_BYTES} bytes")
        try:
            Ed25519PublicKey.from_public_bytes(self.raw).verify(signature, data)
        except InvalidSignature:
            raise SignatureError(
                f"signature does not match the data and the key with fingerprint {self.fingerprint}"
            ) from None
        except ValueError:
            # OpenSSL may reject a 32-byte string that is not a curve point.
            raise SignatureError(f"public key {self.fingerprint} is not a valid Ed25519 key") from None


class PrivateKey:
    """An Ed25519 private key; its seed never appears in ``repr`` or errors."""

    __slots__ = ("_key", "_public_key")

    def __init__(self, key: Ed25519PrivateKey):
        """Wrap a ``cryptography`` key; prefer :meth:`generate` or :meth:`from_seed`."""
        self._key = key
        raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        self._public_key = PublicKey(raw)

    @classmethod
    def generate(cls) -> PrivateKey:
        """A fresh key from the operating system's random source."""
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_seed(cls, seed: bytes) -> PrivateKey:
        """Rebuild a key from its 32-byte seed (what the key file stores)."""
        if not isinstance(seed, bytes) or len(seed) != SEED_BYTES:
            raise KeyFileError(f"an Ed25519 private key seed is {SEED_BYTES} bytes")
        return cls(Ed25519PrivateKey.from_private_bytes(seed))

    @property
    def public_key(self) -> PublicKey:
        """The matching public key."""
        return self._public_key

    def _seed(self) -> bytes:
        return self._key.private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        )

    def sign_raw(self, data: bytes) -> bytes:
        """A bare 64-byte Ed25519 signature over ``data``."""
        return self._key.sign(data)

    def __repr__(self) -> str:
        return f"PrivateKey(fingerprint={self._public_key.fingerprint!r})"


# =============================================================================
# Key file
# =============================================================================


def save_private_key(path: Path, key: PrivateKey, passphrase: str, *, label: str) -> None:
    """Write ``key`` to a new key file, encrypted under ``passphrase``.

    The file is created atomically with mode 0o600 and never replaces an
    existing file: a judge's key that is silently overwritten can no longer sign
    scores the secretariat will accept.

    Args:
        path: Where to create the key file; must not exist yet.
        key: The key to store.
        passphrase: Non-empty; normalised to Unicode NFC so the same words typed
            with another input method still unlock the file.
        label: A human name stored in clear, e.g. the judge's id.

    Raises:
        KeyFileError: the file exists, the passphrase is empty, or writing failed.
    """
    path = Path(path)
    if not isinstance(passphrase, str) or passphrase == "":
        raise KeyFileError("refusing to protect a private key with an empty passphrase", path=path)
    if not isinstance(label, str):
        raise KeyFileError("key label must be text", path=path)
    if os.path.lexists(path):
        # Checked early to spare the scrypt cost; _create_new_file checks again atomically.
        raise KeyFileError(_ALREADY_EXISTS, path=path)

    public_key = key.public_key
    salt = os.urandom(_SALT_BYTES)
    nonce = os.urandom(_NONCE_BYTES)
    wrapping_key = _derive_key(passphrase, salt, _SCRYPT_N, _SCRYPT_R, _SCRYPT_P, path=path)
    ciphertext = ChaCha20Poly1305(wrapping_key).encrypt(nonce, key._seed(), _key_file_aad(public_key))
    document = {
        "format": KEY_FILE_FORMAT,
        "label": label,
        "public_key": public_key.to_base64(),
        "fingerprint": public_key.fingerprint,
        "kdf": {
            "name": "scrypt",
            "n": _SCRYPT_N,
            "r": _SCRYPT_R,
            "p": _SCRYPT_P,
            "salt": _b64(salt),
        },
        "cipher": _CIPHER,
        "nonce": _b64(nonce),
        "ciphertext": _b64(ciphertext),
        "created": datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
    }
    data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    _create_new_file(path, data, mode=0o600)


def load_private_key(path: Path, passphrase: str) -> PrivateKey:
    """Decrypt a key file. Never writes.

    Raises:
        KeyFileError: the file is missing, unreadable or not a valid key file.
        WrongPassphrase: the passphrase does not decrypt it (or the encrypted part
            was altered: the cipher cannot tell these apart).
    """
    path = Path(path)
    stored = _read_key_file(path)
    if not isinstance(passphrase, str) or passphrase == "":
        raise WrongPassphrase("wrong passphrase for key file (the passphrase is empty)", path=path)
    wrapping_key = _derive_key(passphrase, stored.salt, stored.n, stored.r, stored.p, path=path)
    try:
        seed = ChaCha20Poly1305(wrapping_key).decrypt(
            stored.nonce, stored.ciphertext, _key_file_aad(stored.public_key)
        )
    except InvalidTag:
        raise WrongPassphrase(
            "wrong passphrase for key file (if you are sure of the passphrase, the file is "
            "damaged: use your backup copy); nothing was changed",
            path=path,
        ) from None
    key = PrivateKey.from_seed(seed)
    if key.public_key.raw != stored.public_key.raw:
        # Only a hand-made file gets here: the public key is authenticated data.
        raise KeyFileError("the private key does not match the public key stored in the file", path=path)
    return key


def read_public_key(path: Path) -> PublicKey:
    """The public key stored in clear in a key file; no passphrase needed.

    Note that without the passphrase nothing proves the stored public key belongs
    to the encrypted private key; :func:`load_private_key` checks that.

    Raises:
        KeyFileError: the file is missing, unreadable or not a valid key file.
    """
    return _read_key_file(Path(path)).public_key


_ALREADY_EXISTS = (
    "already exists; refusing to replace a key file (a judge's key must never be silently replaced)"
)


@dataclass(frozen=True)
class _StoredKey:
    public_key: PublicKey
    n: int
    r: int
    p: int
    salt: bytes
    nonce: bytes
    ciphertext: bytes


def _read_key_file(path: Path) -> _StoredKey:
    """Read and validate every field of a key file, before any decryption."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(_KEY_FILE_MAX_BYTES + 1)
    except FileNotFoundError:
        raise KeyFileError("key file not found", path=path) from None
    except IsADirectoryError:
        raise KeyFileError("is a folder, not a key file", path=path) from None
    except OSError as error:
        raise KeyFileError(f"cannot read key file: {error.strerror or error}", path=path) from None
    if len(data) > _KEY_FILE_MAX_BYTES:
        raise KeyFileError("too large to be a key file", path=path)
    try:
        document = json.loads(data.decode("utf-8"), object_pairs_hook=_reject_duplicate_keys)
    except UnicodeDecodeError:
        raise KeyFileError("not a key file (not UTF-8 text)", path=path) from None
    except (ValueError, RecursionError) as error:
        raise KeyFileError(f"not a key file (not valid JSON: {error})", path=path) from None
    if not isinstance(document, dict):
        raise KeyFileError("not a key file (expected a JSON object)", path=path)
    if document.get("format") != KEY_FILE_FORMAT:
        found = document.get("format")
        raise KeyFileError(
            f"unknown key file format {str(found)[:60]!r} (expected {KEY_FILE_FORMAT!r})", path=path
        )
    _require_exact_fields(document, _KEY_FILE_FIELDS, "key file", path)
    for name in ("label", "created", "fingerprint", "cipher"):
        if not isinstance(document[name], str):
            raise KeyFileError(f"field {name!r} must be text", path=path)
    if document["cipher"] != _CIPHER:
        found = document["cipher"][:40]
        raise KeyFileError(f"unsupported cipher {found!r} (expected {_CIPHER!r})", path=path)

    public_key = PublicKey(_b64_field(document, "public_key", PUBLIC_KEY_BYTES, path))
    if document["fingerprint"] != public_key.fingerprint:
        raise KeyFileError("field 'fingerprint' does not match the public key", path=path)

    kdf = document["kdf"]
    if not isinstance(kdf, dict):
        raise KeyFileError("field 'kdf' must be an object", path=path)
    _require_exact_fields(kdf, _KDF_FIELDS, "field 'kdf'", path)
    if kdf["name"] != "scrypt":
        found = str(kdf["name"])[:40]
        raise KeyFileError(f"unsupported key derivation {found!r} (expected 'scrypt')", path=path)
    n, r, p = (kdf[name] for name in ("n", "r", "p"))
    # type() rather than isinstance(): JSON true/false would pass as 1/0.
    if not all(type(value) is int for value in (n, r, p)):
        raise KeyFileError("scrypt parameters n, r, p must be whole numbers", path=path)
    if not (
        _SCRYPT_MIN_N <= n <= _SCRYPT_MAX_N
        and n & (n - 1) == 0
        and 1 <= r <= _SCRYPT_MAX_R
        and 1 <= p <= _SCRYPT_MAX_P
        and 128 * n * r <= _SCRYPT_MAX_MEMORY
        and n * r * p <= _SCRYPT_MAX_WORK
    ):
        raise KeyFileError(f"scrypt parameters out of the accepted range (n={n}, r={r}, p={p})", path=path)
    return _StoredKey(
        public_key=public_key,
        n=n,
        r=r,
        p=p,
        salt=_b64_field(kdf, "salt", _SALT_BYTES, path, where="kdf.salt"),
        nonce=_b64_field(document, "nonce", _NONCE_BYTES, path),
        ciphertext=_b64_field(document, "ciphertext", SEED_BYTES + _TAG_BYTES, path),
    )


def _reject_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    # Two "public_key" fields would let a tool and this code read different keys.
    result: dict = {}
    for name, value in pairs:
        if name in result:
            raise ValueError(f"duplicate field {name!r}")
        result[name] = value
    return result


def _require_exact_fields(document: dict, expected: frozenset[str], what: str, path: Path) -> None:
    missing = sorted(expected - document.keys())
    if missing:
        raise KeyFileError(f"{what} lacks field(s) {', '.join(missing)}", path=path)
    extra = sorted(str(name)[:40] for name in document.keys() - expected)
    if extra:
        raise KeyFileError(f"{what} has unknown field(s) {', '.join(extra)}", path=path)


def _b64_field(document: dict, name: str, size: int, path: Path, *, where: str | None = None) -> bytes:
    where = where or name
    value = document[name]
    raw = _b64decode_canonical(value) if isinstance(value, str) else None
    if raw is None:
        raise KeyFileError(f"field {where!r} is not valid base64", path=path)
    if len(raw) != size:
        raise KeyFileError(f"field {where!r} must be {size} bytes, found {len(raw)}", path=path)
    return raw


def _key_file_aad(public_key: PublicKey) -> bytes:
    # Binds the ciphertext to this format and this public key.
    return KEY_FILE_FORMAT.encode("ascii") + b"\x00" + public_key.raw


def _derive_key(passphrase: str, salt: bytes, n: int, r: int, p: int, *, path: Path) -> bytes:
    try:
        secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    except UnicodeEncodeError:
        raise KeyFileError("the passphrase contains characters that cannot be encoded", path=path) from None
    try:
        return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret)
    except (ValueError, MemoryError) as error:
        raise KeyFileError(f"cannot derive the key from the passphrase: {error}", path=path) from None


def _create_new_file(path: Path, data: bytes, *, mode: int) -> None:
    """Create ``path`` atomically and durably, failing if anything is already there."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise KeyFileError(f"cannot create key file: {error.strerror or error}", path=path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        try:
            # link() fails if the name exists, unlike replace(): no window in which
            # a key file created meanwhile could be overwritten.
            os.link(tmp_name, path)
        except FileExistsError:
            raise KeyFileError(_ALREADY_EXISTS, path=path) from None
        except OSError:
            # Filesystems without hard links (FAT/exFAT sticks, some shares).
            if os.path.lexists(path):
                raise KeyFileError(_ALREADY_EXISTS, path=path) from None
            os.replace(tmp_name, path)
    except OSError as error:
        raise KeyFileError(f"cannot write key file: {error.strerror or error}", path=path) from None
    finally:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
    fsync_directory(folder)


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
    _check_one_line(untrusted_comment, "untrusted comment", SignatureError)
    _check_one_line(trusted_comment, "trusted comment", SignatureError)
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
        f"{_UNTRUSTED_PREFIX}{untrusted_comment}\n"
        f"{_b64(_MINISIGN_ALG_PREHASHED + key.public_key.key_id + signature)}\n"
        f"{_TRUSTED_PREFIX}{trusted_comment}\n"
        f"{_b64(global_signature)}\n"
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
    lines = _split_lines(signature_text, max_chars=_MINISIGN_TEXT_MAX_CHARS, error=SignatureError)
    if len(lines) != 4:
        raise SignatureError(f"a minisign signature has 4 lines, this text has {len(lines)}")
    untrusted_line, signature_line, trusted_line, global_line = lines
    if not untrusted_line.startswith(_UNTRUSTED_PREFIX):
        raise SignatureError(f"a minisign signature starts with {_UNTRUSTED_PREFIX!r}")
    if len(untrusted_line[len(_UNTRUSTED_PREFIX) :].encode("utf-8")) > _UNTRUSTED_COMMENT_MAX_BYTES:
        raise SignatureError("untrusted comment is longer than minisign accepts")
    blob = _b64decode_canonical(signature_line)
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
    global_signature = _b64decode_canonical(global_line)
    if global_signature is None or len(global_signature) != SIGNATURE_BYTES:
        raise SignatureError("line 4 is not a minisign signature (bad base64 or wrong length)")

    if key_id != public_key.key_id:
        raise SignatureError(
            f"signed by another key (key id {_minisign_key_id_text(key_id)}, "
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


def _minisign_key_id_text(key_id: bytes) -> str:
    # minisign prints le64_load(keynum) with "%" PRIX64: little-endian, uppercase, unpadded.
    return f"{int.from_bytes(key_id, 'little'):X}"


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
        + _ssh_string(key.public_key.openssh_blob())
        + _ssh_string(namespace_bytes)
        + _ssh_string(b"")
        + _ssh_string(hash_name)
        + _ssh_string(_ssh_string(_SSH_ED25519) + _ssh_string(signature))
    )
    encoded = _b64(blob)
    body = "\n".join(encoded[i : i + _SSHSIG_LINE_WIDTH] for i in range(0, len(encoded), _SSHSIG_LINE_WIDTH))
    return f"{_SSHSIG_BEGIN}\n{body}\n{_SSHSIG_END}\n"


def sshsig_verify(public_key: PublicKey, data: bytes, armored: str | bytes, *, namespace: str) -> None:
    """Check an armored SSHSIG signature as ``ssh-keygen -Y verify`` does.

    Parses strictly: one armor block, canonical base64, no trailing bytes.

    Raises:
        SignatureError: malformed, for another namespace, by another key, or not matching.
    """
    namespace_bytes = _namespace_bytes(namespace)
    lines = _split_lines(armored, max_chars=_SSHSIG_TEXT_MAX_CHARS, error=SignatureError)
    if len(lines) < 3 or lines[0] != _SSHSIG_BEGIN or lines[-1] != _SSHSIG_END:
        raise SignatureError(f"not an SSH signature (expected {_SSHSIG_BEGIN} ... {_SSHSIG_END})")
    body = lines[1:-1]
    if any(line == "" for line in body):
        raise SignatureError("SSH signature has an empty line inside its armor")
    blob = _b64decode_canonical("".join(body))
    if blob is None:
        raise SignatureError("SSH signature is not valid base64")
    try:
        reader = _WireReader(blob)
        if reader.take(len(_SSHSIG_MAGIC)) != _SSHSIG_MAGIC:
            raise _WireError("missing SSHSIG magic")
        version = reader.uint32()
        if version != _SSHSIG_VERSION:
            raise _WireError(f"unsupported SSHSIG version {version}")
        key_blob = reader.string()
        signed_namespace = reader.string()
        reserved = reader.string()
        hash_name = reader.string()
        signature_blob = reader.string()
        reader.finish()
        signer = _parse_ssh_ed25519_blob(key_blob)
        signature_reader = _WireReader(signature_blob)
        signature_type = signature_reader.string()
        if signature_type != _SSH_ED25519:
            raise _WireError(f"signature type {_printable(signature_type)} is not ssh-ed25519")
        signature = signature_reader.string()
        signature_reader.finish()
    except _WireError as error:
        raise SignatureError(f"damaged SSH signature: {error}") from None

    if signer.raw != public_key.raw:
        raise SignatureError(
            f"signed by another key (fingerprint {signer.fingerprint}, expected {public_key.fingerprint})"
        )
    if signed_namespace != namespace_bytes:
        raise SignatureError(
            f"signature was made for namespace {_printable(signed_namespace)}, expected {namespace!r}"
        )
    hash_function = _SSHSIG_HASHES.get(hash_name.decode("ascii", "replace"))
    if hash_function is None:
        raise SignatureError(f"unsupported SSH signature hash {_printable(hash_name)}")
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
        + _ssh_string(namespace)
        + _ssh_string(reserved)
        + _ssh_string(hash_name)
        + _ssh_string(digest)
    )


def _namespace_bytes(namespace: str) -> bytes:
    # ssh-keygen refuses an empty namespace; it is what keeps signature purposes apart.
    if not isinstance(namespace, str) or namespace == "":
        raise SignatureError("an SSH signature namespace must be non-empty text")
    try:
        return namespace.encode("utf-8")
    except UnicodeEncodeError:
        raise SignatureError("SSH signature namespace is not valid text") from None


def _parse_ssh_ed25519_blob(blob: bytes) -> PublicKey:
    reader = _WireReader(blob)
    key_type = reader.string()
    if key_type != _SSH_ED25519:
        raise _WireError(f"key type {_printable(key_type)} is not ssh-ed25519")
    raw = reader.string()
    reader.finish()
    if len(raw) != PUBLIC_KEY_BYTES:
        raise _WireError(f"ssh-ed25519 key is {len(raw)} bytes, expected {PUBLIC_KEY_BYTES}")
    return PublicKey(raw)


class _WireError(Exception):
    """SSH wire data is truncated or malformed (internal; callers convert it)."""


class _WireReader:
    """Bounds-checked reader of SSH wire encoding (RFC 4251 uint32 and string)."""

    def __init__(self, data: bytes):
        self._data = data
        self._offset = 0

    def take(self, count: int) -> bytes:
        if count > len(self._data) - self._offset:
            raise _WireError("truncated data")
        chunk = self._data[self._offset : self._offset + count]
        self._offset += count
        return chunk

    def uint32(self) -> int:
        return int.from_bytes(self.take(4), "big")

    def string(self) -> bytes:
        return self.take(self.uint32())

    def finish(self) -> None:
        if self._offset != len(self._data):
            raise _WireError(f"{len(self._data) - self._offset} unexpected trailing bytes")


def _ssh_string(value: bytes) -> bytes:
    return struct.pack(">I", len(value)) + value


def _printable(value: bytes) -> str:
    return repr(value[:40].decode("utf-8", "replace"))


# =============================================================================
# Text helpers
# =============================================================================


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _b64decode_canonical(text: object) -> bytes | None:
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
    return data if _b64(data) == text else None


def _split_lines(
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


def _check_one_line(text: str, what: str, error: type[SignatureError] | type[KeyFileError]) -> None:
    if not isinstance(text, str):
        raise error(f"{what} must be text")
    if any(char in text for char in "\r\n\x00"):
        raise error(f"{what} must be a single line (no line breaks or NUL)")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise error(f"{what} contains characters that cannot be encoded") from None
