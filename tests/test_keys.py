"""Tests of judge_app.keys: keys, fingerprints, public key formats and the encrypted key file."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import stat
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from judge_app.errors import KeyFileError, SignatureError, WrongPassphrase
from judge_app.keys import (
    KEY_FILE_FORMAT,
    PrivateKey,
    PublicKey,
    load_private_key,
    read_public_key,
    save_private_key,
)

PASSPHRASE = "ผู้ตัดสิน correct horse 42"

# Module-level keys: hypothesis tests must not use function-scoped fixtures,
# and Ed25519 is cheap enough to make these once at import.
KEY = PrivateKey.generate()
OTHER_KEY = PrivateKey.generate()
DATA = "คะแนนของกรรมการ judge-01\n".encode("utf-8") + bytes(range(256))

fast = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# =============================================================================
# Keys and fingerprints
# =============================================================================


def test_generated_keys_are_distinct_32_byte_keys():
    a, b = PrivateKey.generate().public_key, PrivateKey.generate().public_key
    assert len(a.raw) == 32 and len(b.raw) == 32
    assert a != b


def test_fingerprint_is_twenty_digits_in_five_groups_and_stable():
    key = KEY.public_key
    assert re.fullmatch(r"\d{4}( \d{4}){4}", key.fingerprint)
    assert key.fingerprint == PublicKey(key.raw).fingerprint
    assert key.fingerprint != OTHER_KEY.public_key.fingerprint


def test_fingerprint_and_key_id_follow_the_documented_derivation():
    raw = bytes(range(32))
    key = PublicKey(raw)
    number = int.from_bytes(hashlib.sha256(b"dlg-fingerprint\x00" + raw).digest()[:16], "big") % 10**20
    assert key.fingerprint.replace(" ", "") == f"{number:020d}"
    assert key.key_id == hashlib.sha256(b"dlg-key-id\x00" + raw).digest()[:8]


def test_fingerprint_keeps_leading_zeros():
    # Search a few keys for one whose number starts with 0: padding must keep 20 digits.
    for seed in range(2000):
        key = PublicKey(seed.to_bytes(32, "big"))
        if key.fingerprint.startswith("0"):
            assert len(key.fingerprint.replace(" ", "")) == 20
            return
    pytest.fail("no fingerprint with a leading zero among 2000 keys")


def test_public_key_equality_ignores_key_id():
    raw = KEY.public_key.raw
    assert PublicKey(raw, key_id=b"\x01" * 8) == PublicKey(raw)
    assert len({PublicKey(raw, key_id=b"\x01" * 8), PublicKey(raw)}) == 1


def test_repr_never_shows_the_private_seed():
    seed = KEY._seed()
    text = repr(KEY) + repr(KEY.public_key)
    assert KEY.public_key.fingerprint in text
    assert seed.hex() not in text and base64.b64encode(seed).decode() not in text


def test_base64_round_trip():
    key = KEY.public_key
    assert PublicKey.from_base64(key.to_base64()) == key


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not base64!",
        base64.b64encode(b"\x00" * 31).decode(),
        base64.b64encode(b"\x00" * 33).decode(),
        base64.b64encode(b"\x00" * 32).decode().rstrip("="),
        " " + base64.b64encode(b"\x00" * 32).decode(),
        None,
        12,
    ],
)
def test_from_base64_rejects_bad_input(text):
    with pytest.raises(KeyFileError):
        PublicKey.from_base64(text)


def test_from_base64_rejects_non_canonical_trailing_bits():
    good = KEY.public_key.to_base64()  # 32 bytes: 44 chars, one "=", 2 unused bits
    assert good.endswith("=")
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    last = alphabet.index(good[-2])
    sneaky = good[:-2] + alphabet[last ^ 1] + "="
    with pytest.raises(KeyFileError):
        PublicKey.from_base64(sneaky)


def test_sign_raw_and_verify_raw():
    signature = KEY.sign_raw(DATA)
    KEY.public_key.verify_raw(signature, DATA)
    with pytest.raises(SignatureError):
        KEY.public_key.verify_raw(signature, DATA + b"x")
    with pytest.raises(SignatureError):
        OTHER_KEY.public_key.verify_raw(signature, DATA)
    with pytest.raises(SignatureError):
        KEY.public_key.verify_raw(signature[:-1], DATA)


def test_minisign_public_key_round_trip_keeps_key_id():
    key = PublicKey(KEY.public_key.raw, key_id=bytes.fromhex("0102030405060708"))
    text = key.to_minisign()
    assert text.startswith("untrusted comment: minisign public key 807060504030201\n")
    parsed = PublicKey.from_minisign(text)
    assert parsed == key and parsed.key_id == key.key_id
    assert PublicKey.from_minisign(key.minisign_line()).key_id == key.key_id
    assert PublicKey.from_minisign(text.replace("\n", "\r\n")).key_id == key.key_id


def test_openssh_round_trip():
    key = KEY.public_key
    line = key.to_openssh("judge-01@laptop")
    assert line.startswith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI")
    assert PublicKey.from_openssh(line) == key
    assert PublicKey.from_openssh(key.to_openssh() + "\n") == key


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ== x",
        "ssh-ed25519",
        "ssh-ed25519 !!!",
        # Wire type says ssh-rsa inside an ssh-ed25519 line.
        "ssh-ed25519 " + base64.b64encode(b"\x00\x00\x00\x07ssh-rsa\x00\x00\x00\x20" + b"\x00" * 32).decode(),
        # Truncated key blob, then trailing bytes.
        "ssh-ed25519 " + base64.b64encode(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + b"\x00" * 31).decode(),
        "ssh-ed25519 " + base64.b64encode(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + b"\x00" * 33).decode(),
        "ssh-ed25519 AAAA\nssh-ed25519 AAAA",
    ],
)
def test_from_openssh_rejects_bad_input(text):
    with pytest.raises(KeyFileError):
        PublicKey.from_openssh(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "untrusted comment: x\n",
        "comment without prefix\n" + KEY.public_key.minisign_line() + "\n",
        "untrusted comment: x\n" + base64.b64encode(b"ED" + b"\x00" * 40).decode() + "\n",
        "untrusted comment: x\n" + base64.b64encode(b"Ed" + b"\x00" * 39).decode() + "\n",
        "a\nb\nc\n",
    ],
)
def test_from_minisign_rejects_bad_input(text):
    with pytest.raises(KeyFileError):
        PublicKey.from_minisign(text)


@fast
@given(
    text=st.one_of(
        st.text(),
        st.binary(max_size=60).map(lambda b: "untrusted comment: x\n" + base64.b64encode(b).decode()),
        st.binary(max_size=40).map(lambda b: base64.b64encode(b"Ed" + b).decode()),
    )
)
def test_from_minisign_arbitrary_text_only_raises_key_file_error(text):
    try:
        key = PublicKey.from_minisign(text)
    except KeyFileError:
        return
    assert len(key.raw) == 32 and len(key.key_id) == 8


@fast
@given(
    text=st.one_of(
        st.text(),
        st.binary(max_size=80).map(lambda b: "ssh-ed25519 " + base64.b64encode(b).decode()),
        st.binary(max_size=40).map(
            lambda b: "ssh-ed25519 " + base64.b64encode(b"\x00\x00\x00\x0bssh-ed25519" + b).decode() + " c"
        ),
    )
)
def test_from_openssh_arbitrary_text_only_raises_key_file_error(text):
    try:
        key = PublicKey.from_openssh(text)
    except KeyFileError:
        return
    assert len(key.raw) == 32


@fast
@given(text=st.one_of(st.text(), st.binary(max_size=40).map(lambda b: base64.b64encode(b).decode())))
def test_from_base64_arbitrary_text_only_raises_key_file_error(text):
    try:
        key = PublicKey.from_base64(text)
    except KeyFileError:
        return
    assert key.to_base64() == text


# =============================================================================
# Key file
# =============================================================================


@pytest.fixture(scope="module")
def saved_key(tmp_path_factory) -> tuple[Path, bytes]:
    """One key file saved once (scrypt costs ~60 ms per use); tests copy its bytes."""
    path = tmp_path_factory.mktemp("keys") / "judge-01.key"
    save_private_key(path, KEY, PASSPHRASE, label="judge-01")
    return path, path.read_bytes()


def copy_key_file(saved_key, tmp_path: Path, mutate=None) -> Path:
    """Write the saved key file (optionally altered as JSON) into ``tmp_path``."""
    _, data = saved_key
    if mutate is not None:
        document = json.loads(data)
        mutate(document)
        data = json.dumps(document).encode("utf-8")
    path = tmp_path / "copy.key"
    path.write_bytes(data)
    return path


def test_key_file_round_trip(saved_key):
    path, data = saved_key
    loaded = load_private_key(path, PASSPHRASE)
    assert loaded.public_key == KEY.public_key
    KEY.public_key.verify_raw(loaded.sign_raw(DATA), DATA)
    assert read_public_key(path) == KEY.public_key
    assert path.read_bytes() == data


def test_key_file_has_the_documented_fields(saved_key):
    document = json.loads(saved_key[1].decode("utf-8"))
    assert document["format"] == KEY_FILE_FORMAT == "dlg-private-key/1"
    assert document["label"] == "judge-01"
    assert document["public_key"] == KEY.public_key.to_base64()
    assert document["fingerprint"] == KEY.public_key.fingerprint
    assert document["kdf"]["name"] == "scrypt"
    assert (document["kdf"]["n"], document["kdf"]["r"], document["kdf"]["p"]) == (32768, 8, 1)
    assert len(base64.b64decode(document["kdf"]["salt"])) == 16
    assert document["cipher"] == "chacha20poly1305"
    assert len(base64.b64decode(document["nonce"])) == 12
    assert len(base64.b64decode(document["ciphertext"])) == 48
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", document["created"])
    assert KEY._seed() not in saved_key[1]
    assert base64.b64encode(KEY._seed()).decode() not in saved_key[1].decode()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_key_file_is_private_and_leaves_no_temp_files(saved_key):
    path, _ = saved_key
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_wrong_passphrase_raises_and_changes_nothing(saved_key, tmp_path):
    path = copy_key_file(saved_key, tmp_path)
    before = path.read_bytes(), path.stat().st_mtime_ns
    with pytest.raises(WrongPassphrase, match="wrong passphrase for key file") as caught:
        load_private_key(path, PASSPHRASE + "x")
    assert caught.value.path == path and str(path) in str(caught.value)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    with pytest.raises(WrongPassphrase):
        load_private_key(path, "")
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.key"]


def test_passphrase_is_unicode_normalised(tmp_path):
    # "é" typed precomposed or as e + combining accent is the same passphrase.
    path = tmp_path / "k.key"
    save_private_key(path, KEY, "caf\u00e9 ผู้ตัดสิน", label="x")
    assert load_private_key(path, "cafe\u0301 ผู้ตัดสิน").public_key == KEY.public_key


def test_save_refuses_to_overwrite(saved_key, tmp_path):
    path = copy_key_file(saved_key, tmp_path)
    before = path.read_bytes()
    with pytest.raises(KeyFileError, match="already exists"):
        save_private_key(path, OTHER_KEY, PASSPHRASE, label="judge-01")
    assert path.read_bytes() == before
    other = tmp_path / "notes.txt"
    other.write_text("not a key")
    with pytest.raises(KeyFileError, match="already exists"):
        save_private_key(other, OTHER_KEY, PASSPHRASE, label="judge-01")
    assert other.read_text() == "not a key"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.key", "notes.txt"]


def test_save_refuses_empty_passphrase(tmp_path):
    path = tmp_path / "k.key"
    with pytest.raises(KeyFileError, match="empty passphrase"):
        save_private_key(path, KEY, "", label="judge-01")
    assert not path.exists() and list(tmp_path.iterdir()) == []


def test_save_creates_missing_folder(tmp_path):
    path = tmp_path / "a" / "b" / "k.key"
    save_private_key(path, KEY, PASSPHRASE, label="judge-01")
    assert read_public_key(path) == KEY.public_key


def _set(document, dotted, value):
    *parents, last = dotted.split(".")
    for name in parents:
        document = document[name]
    document[last] = value


def _delete(document, dotted):
    *parents, last = dotted.split(".")
    for name in parents:
        document = document[name]
    del document[last]


def _b64_of(size):
    return base64.b64encode(b"\x01" * size).decode()


STRUCTURE_BREAKS = {
    "unknown format": lambda d: _set(d, "format", "dlg-private-key/2"),
    "missing format": lambda d: _delete(d, "format"),
    "missing nonce": lambda d: _delete(d, "nonce"),
    "missing salt": lambda d: _delete(d, "kdf.salt"),
    "extra field": lambda d: _set(d, "seed", "AAAA"),
    "public key not base64": lambda d: _set(d, "public_key", "%%%"),
    "public key 31 bytes": lambda d: _set(d, "public_key", _b64_of(31)),
    "public key a number": lambda d: _set(d, "public_key", 5),
    "nonce 11 bytes": lambda d: _set(d, "nonce", _b64_of(11)),
    "nonce not base64": lambda d: _set(d, "nonce", "n0nce!"),
    "salt 8 bytes": lambda d: _set(d, "kdf.salt", _b64_of(8)),
    "ciphertext 47 bytes": lambda d: _set(d, "ciphertext", _b64_of(47)),
    "public key unpadded": lambda d: _set(d, "public_key", d["public_key"].rstrip("=")),
    "ciphertext with a line break": lambda d: _set(d, "ciphertext", d["ciphertext"][:32] + "\n" + d["ciphertext"][32:]),
    "fingerprint altered": lambda d: _set(d, "fingerprint", "0000 0000 0000 0000 0000"),
    "unknown cipher": lambda d: _set(d, "cipher", "aes-256-gcm"),
    "unknown kdf": lambda d: _set(d, "kdf.name", "argon2id"),
    "kdf n huge": lambda d: _set(d, "kdf.n", 2**40),
    "kdf too slow": lambda d: (_set(d, "kdf.n", 2**18), _set(d, "kdf.p", 4)),
    "kdf n not a power of two": lambda d: _set(d, "kdf.n", 30000),
    "kdf n is true": lambda d: _set(d, "kdf.n", True),
    "kdf r zero": lambda d: _set(d, "kdf.r", 0),
    "kdf p text": lambda d: _set(d, "kdf.p", "1"),
    "kdf not an object": lambda d: _set(d, "kdf", []),
    "label not text": lambda d: _set(d, "label", None),
}


@pytest.mark.parametrize("mutate", STRUCTURE_BREAKS.values(), ids=STRUCTURE_BREAKS.keys())
def test_broken_key_file_structure_is_key_file_error_not_wrong_passphrase(saved_key, tmp_path, mutate):
    path = copy_key_file(saved_key, tmp_path, mutate)
    before = path.read_bytes()
    for call in (lambda: load_private_key(path, PASSPHRASE), lambda: read_public_key(path)):
        with pytest.raises(KeyFileError) as caught:
            call()
        assert not isinstance(caught.value, WrongPassphrase)
        assert caught.value.path == path
    assert path.read_bytes() == before


RAW_BREAKS = {
    "empty": b"",
    "not json": b"this is not a key file",
    "json list": b"[1, 2]",
    "not utf-8": b'{"format": "\xff"}',
    "duplicate field": b'{"format": "dlg-private-key/1", "format": "dlg-private-key/1"}',
    "deep nesting": b"[" * 100_000,
    "huge": b" " * (70 * 1024) + b"{}",
}


@pytest.mark.parametrize("content", RAW_BREAKS.values(), ids=RAW_BREAKS.keys())
def test_non_key_files_are_key_file_errors(tmp_path, content):
    path = tmp_path / "k.key"
    path.write_bytes(content)
    with pytest.raises(KeyFileError) as caught:
        load_private_key(path, PASSPHRASE)
    assert not isinstance(caught.value, WrongPassphrase)
    assert str(path) in str(caught.value)


def test_missing_key_file_and_folder(tmp_path):
    with pytest.raises(KeyFileError, match="not found"):
        load_private_key(tmp_path / "absent.key", PASSPHRASE)
    with pytest.raises(KeyFileError, match="folder"):
        read_public_key(tmp_path)


def test_altered_ciphertext_or_swapped_public_key_never_yields_a_key(saved_key, tmp_path):
    def flip_ciphertext(document):
        raw = bytearray(base64.b64decode(document["ciphertext"]))
        raw[0] ^= 1
        document["ciphertext"] = base64.b64encode(bytes(raw)).decode()

    def swap_public_key(document):
        # A consistent swap (key and fingerprint): only the authenticated data catches it.
        document["public_key"] = OTHER_KEY.public_key.to_base64()
        document["fingerprint"] = OTHER_KEY.public_key.fingerprint

    for mutate in (flip_ciphertext, swap_public_key):
        path = copy_key_file(saved_key, tmp_path, mutate)
        with pytest.raises(WrongPassphrase):
            load_private_key(path, PASSPHRASE)
