"""Ed25519 keys, their fingerprints, and the encrypted private key file.

A key is shown to people as a fingerprint (twenty digits, read aloud over the
phone) and to tools in their own formats: base64 in our JSON payloads, a
minisign public key file, an OpenSSH ``.pub`` line. The signatures made with
these keys are in :mod:`judge_app.signatures`.

A judge's private key lives in a small JSON key file, encrypted under their
passphrase: scrypt derives a key from the passphrase, ChaCha20-Poly1305 encrypts
the 32-byte Ed25519 seed, and the associated data binds the file format and the
public key, so a file whose public key was swapped does not decrypt.

Errors: a malformed or foreign *key* (public key text, key file) raises
:class:`KeyFileError`; a wrong passphrase raises :class:`WrongPassphrase`; a
bare signature that does not verify (:meth:`PublicKey.verify_raw`) raises
:class:`SignatureError`. Parsers never let ``IndexError``, ``struct.error``,
``UnicodeError`` or ``binascii.Error`` escape.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
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
from judge_app.atomic import fsync_directory
from judge_app.errors import KeyFileError, SignatureError, WrongPassphrase

__all__ = [
    "KEY_FILE_FORMAT",
    "PrivateKey",
    "PublicKey",
    "load_private_key",
    "read_public_key",
    "save_private_key",
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

# --- public key formats ------------------------------------------------------

_MINISIGN_PK_ALG = b"Ed"  # minisign's public key algorithm (minisign 0.11, src/minisign.h)
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
        return minisign_key_id_text(self.key_id)

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
        raw = b64decode_canonical(text)
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
        check_one_line(comment, "comment", KeyFileError)
        return f"{UNTRUSTED_PREFIX}{comment}\n{self.minisign_line()}\n"

    @classmethod
    def from_minisign(cls, text: str, *, path: str | Path | None = None) -> PublicKey:
        """Parse a minisign public key file, or just its base64 line.

        The key id is kept as found: a real minisign key's id is random.

        Raises:
            KeyFileError: not a minisign Ed25519 public key.
        """
        lines = split_lines(text, max_chars=_OPENSSH_TEXT_MAX_CHARS, error=KeyFileError, path=path)
        if len(lines) == 2:
            if not lines[0].startswith(UNTRUSTED_PREFIX):
                raise KeyFileError(
                    f"a minisign public key file starts with {UNTRUSTED_PREFIX!r}", path=path
                )
            key_line = lines[1]
        elif len(lines) == 1:
            key_line = lines[0]
        else:
            raise KeyFileError(
                f"a minisign public key is one base64 line after a comment line; found {len(lines)} lines",
                path=path,
            )
        blob = b64decode_canonical(key_line)
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
        return ssh_string(SSH_ED25519) + ssh_string(self.raw)

    def to_openssh(self, comment: str = "") -> str:
        """One ``.pub`` / ``allowed_signers`` key: ``ssh-ed25519 AAAA... comment``."""
        check_one_line(comment, "comment", KeyFileError)
        text = f"ssh-ed25519 {base64.b64encode(self.openssh_blob()).decode('ascii')}"
        return f"{text} {comment}" if comment else text

    @classmethod
    def from_openssh(cls, text: str, *, path: str | Path | None = None) -> PublicKey:
        """Parse one OpenSSH public key line (the content of an ``ssh-keygen`` ``.pub`` file).

        Raises:
            KeyFileError: not an ``ssh-ed25519`` public key line.
        """
        lines = split_lines(text, max_chars=_OPENSSH_TEXT_MAX_CHARS, error=KeyFileError, path=path)
        if len(lines) != 1:
            raise KeyFileError(f"an OpenSSH public key is one line; found {len(lines)}", path=path)
        parts = lines[0].split(maxsplit=2)
        if len(parts) < 2:
            raise KeyFileError("not an OpenSSH public key (expected 'ssh-ed25519 AAAA...')", path=path)
        if parts[0] != SSH_ED25519.decode():
            raise KeyFileError(f"key type {parts[0][:40]!r} is not supported; only ssh-ed25519 is", path=path)
        blob = b64decode_canonical(parts[1])
        if blob is None:
            raise KeyFileError("OpenSSH public key is not valid base64", path=path)
        try:
            return _parse_ssh_ed25519_blob(blob)
        except WireError as error:
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


def _parse_ssh_ed25519_blob(blob: bytes) -> PublicKey:
    """The key in an SSH wire-format ``ssh-ed25519`` key blob (a ``.pub`` line, or inside an SSHSIG).

    Raises:
        WireError: not exactly one ssh-ed25519 key; callers convert it to their own error.
    """
    reader = WireReader(blob)
    key_type = reader.string()
    if key_type != SSH_ED25519:
        raise WireError(f"key type {printable(key_type)} is not ssh-ed25519")
    raw = reader.string()
    reader.finish()
    if len(raw) != PUBLIC_KEY_BYTES:
        raise WireError(f"ssh-ed25519 key is {len(raw)} bytes, expected {PUBLIC_KEY_BYTES}")
    return PublicKey(raw)


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
            "salt": b64(salt),
        },
        "cipher": _CIPHER,
        "nonce": b64(nonce),
        "ciphertext": b64(ciphertext),
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
    raw = b64decode_canonical(value) if isinstance(value, str) else None
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
