"""Tests of judge_app.signatures: minisign and SSHSIG signatures.

The interoperability tests run the real ``minisign`` and ``ssh-keygen``, because
the promise to auditors is that a standard tool checks our signatures. They
skip when a tool is missing, except under CI=true, where they fail instead.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from judge_app.errors import SignatureError
from judge_app.keys import PrivateKey, PublicKey
from judge_app.signatures import minisign_sign, minisign_verify, sshsig_sign, sshsig_verify

NAMESPACE = "dlg-score-file@example.th"
TOOL_TIMEOUT = 30

# Module-level keys and signatures: hypothesis tests must not use function-scoped
# fixtures, and Ed25519 is cheap enough to make these once at import.
KEY = PrivateKey.generate()
OTHER_KEY = PrivateKey.generate()
DATA = "คะแนนของกรรมการ judge-01\n".encode("utf-8") + bytes(range(256))
TRUSTED = "dlg score file contest=dlg-2025 judge=judge-01 sequence=3"
MINISIG = minisign_sign(KEY, DATA, trusted_comment=TRUSTED)
SSHSIG = sshsig_sign(KEY, DATA, namespace=NAMESPACE)

fast = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def require_tool(name: str) -> str:
    """Path of an external tool; skip the test without it, but fail it under CI=true.

    CI must prove interoperability, so a missing tool there is an error, never a
    silently skipped check.
    """
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{name} is required when CI=true but is not on PATH")
    pytest.skip(f"{name} is not installed")


def run(*args: str | Path, stdin: bytes = b"", cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run a tool without a terminal, so it can never stop to ask for a password."""
    return subprocess.run(
        [str(arg) for arg in args], input=stdin, capture_output=True, timeout=TOOL_TIMEOUT, cwd=cwd
    )


# =============================================================================
# require_tool itself
# =============================================================================


def test_require_tool_skips_when_missing_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        require_tool("no-such-tool-dlg-7f3a")


def test_require_tool_fails_when_missing_under_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="required when CI=true"):
        require_tool("no-such-tool-dlg-7f3a")


# =============================================================================
# minisign
# =============================================================================


def test_minisign_round_trip_returns_trusted_comment():
    assert minisign_verify(KEY.public_key, DATA, MINISIG) == TRUSTED
    assert minisign_verify(KEY.public_key, DATA, MINISIG.encode("utf-8")) == TRUSTED
    assert minisign_verify(KEY.public_key, DATA, MINISIG.replace("\n", "\r\n")) == TRUSTED
    assert minisign_verify(KEY.public_key, DATA, MINISIG.rstrip("\n")) == TRUSTED


def test_minisign_text_layout():
    lines = MINISIG.split("\n")
    assert lines[0] == "untrusted comment: signature from dlg judge app"
    assert base64.b64decode(lines[1])[:10] == b"ED" + KEY.public_key.key_id
    assert lines[2] == f"trusted comment: {TRUSTED}"
    assert len(base64.b64decode(lines[3])) == 64
    assert lines[4] == "" and len(lines) == 5


def test_minisign_thai_trusted_comment():
    comment = "คะแนนรอบที่ 2 ของเทศบาลตำบล"
    assert minisign_verify(KEY.public_key, DATA, minisign_sign(KEY, DATA, trusted_comment=comment)) == comment


def test_minisign_verifies_legacy_signatures():
    signature = KEY.sign_raw(DATA)
    text = (
        "untrusted comment: legacy\n"
        + base64.b64encode(b"Ed" + KEY.public_key.key_id + signature).decode()
        + "\ntrusted comment: old\n"
        + base64.b64encode(KEY.sign_raw(signature + b"old")).decode()
        + "\n"
    )
    assert minisign_verify(KEY.public_key, DATA, text) == "old"


@pytest.mark.parametrize("comment", ["two\nlines", "carriage\rreturn", "nul\x00", "x" * 8174])
def test_minisign_sign_refuses_bad_trusted_comments(comment):
    with pytest.raises(SignatureError):
        minisign_sign(KEY, DATA, trusted_comment=comment)


def test_minisign_sign_refuses_multiline_untrusted_comment():
    with pytest.raises(SignatureError):
        minisign_sign(KEY, DATA, trusted_comment="ok", untrusted_comment="a\nb")


def test_minisign_failures_have_distinct_messages():
    with pytest.raises(SignatureError, match=r"signed by another key \(key id [0-9A-F]+, expected [0-9A-F]+\)"):
        minisign_verify(OTHER_KEY.public_key, DATA, MINISIG)
    with pytest.raises(SignatureError, match="does not match the data"):
        minisign_verify(KEY.public_key, DATA + b"!", MINISIG)
    altered = MINISIG.replace(TRUSTED, TRUSTED.replace("sequence=3", "sequence=9"))
    with pytest.raises(SignatureError, match="trusted comment was altered"):
        minisign_verify(KEY.public_key, DATA, altered)
    with pytest.raises(SignatureError, match="4 lines"):
        minisign_verify(KEY.public_key, DATA, MINISIG + "extra\n")
    lines = MINISIG.split("\n")
    lines[1] = base64.b64encode(b"XX" + base64.b64decode(lines[1])[2:]).decode()
    with pytest.raises(SignatureError, match="unsupported minisign signature algorithm"):
        minisign_verify(KEY.public_key, DATA, "\n".join(lines))


def test_minisign_rejects_a_carriage_return_hidden_in_the_trusted_comment():
    # minisign itself cuts the comment at CR; we refuse rather than vouch for half.
    signature = KEY.sign_raw(hashlib.blake2b(DATA, digest_size=64).digest())
    comment = b"good\rEVIL"
    text = (
        "untrusted comment: x\n"
        + base64.b64encode(b"ED" + KEY.public_key.key_id + signature).decode()
        + "\ntrusted comment: good\rEVIL\n"
        + base64.b64encode(KEY.sign_raw(signature + comment)).decode()
        + "\n"
    )
    with pytest.raises(SignatureError, match="control character"):
        minisign_verify(KEY.public_key, DATA, text)


def _untrusted_comment_span(text: str) -> range:
    """Character positions of the unsigned comment text (after its prefix)."""
    first_line_end = text.index("\n")
    return range(len("untrusted comment: "), first_line_end)


@fast
@given(index=st.integers(min_value=0), flip=st.integers(min_value=1, max_value=255))
def test_minisign_any_changed_data_byte_fails(index, flip):
    data = bytearray(DATA)
    data[index % len(data)] ^= flip
    with pytest.raises(SignatureError):
        minisign_verify(KEY.public_key, bytes(data), MINISIG)


@fast
@given(index=st.integers(min_value=0), flip=st.integers(min_value=1, max_value=255))
def test_minisign_any_changed_signature_byte_fails(index, flip):
    raw = bytearray(MINISIG.encode("utf-8"))
    position = index % len(raw)
    raw[position] ^= flip
    if position in _untrusted_comment_span(MINISIG):
        # The untrusted comment is unsigned by design of minisign: a change there
        # may still verify, but must never crash or alter the trusted comment.
        try:
            assert minisign_verify(KEY.public_key, DATA, bytes(raw)) == TRUSTED
        except SignatureError:
            pass
        return
    with pytest.raises(SignatureError):
        minisign_verify(KEY.public_key, DATA, bytes(raw))


@fast
@given(index=st.integers(min_value=0), char=st.characters())
def test_minisign_any_changed_signature_character_fails(index, char):
    position = index % len(MINISIG)
    if MINISIG[position] == char or position in _untrusted_comment_span(MINISIG):
        return
    text = MINISIG[:position] + char + MINISIG[position + 1 :]
    with pytest.raises(SignatureError):
        minisign_verify(KEY.public_key, DATA, text)


def _minisign_like_text():
    """Text shaped like a minisign signature with random parts, to reach deep checks."""
    b64 = st.binary(max_size=90).map(lambda b: base64.b64encode(b).decode())
    sig_blob = st.tuples(st.sampled_from([b"ED", b"Ed", b"XX"]), st.sampled_from([KEY.public_key.key_id, b"\0" * 8]),
                         st.binary(min_size=64, max_size=64)).map(lambda t: base64.b64encode(b"".join(t)).decode())
    return st.tuples(
        st.sampled_from(["untrusted comment: ", "", "trusted comment: "]),
        st.text(max_size=20),
        st.one_of(sig_blob, b64, st.text(max_size=20)),
        st.sampled_from(["trusted comment: ", "untrusted comment: ", ""]),
        st.text(max_size=20),
        st.one_of(b64, st.text(max_size=20)),
        st.sampled_from(["\n", "\r\n", "\r", ""]),
    ).map(lambda t: f"{t[0]}{t[1]}{t[6]}{t[2]}{t[6]}{t[3]}{t[4]}{t[6]}{t[5]}{t[6]}")


@fast
@given(text=st.one_of(st.text(), st.binary().map(lambda b: b.decode("latin-1")), _minisign_like_text()))
def test_minisign_verify_arbitrary_text_only_raises_signature_error(text):
    with pytest.raises(SignatureError):
        minisign_verify(KEY.public_key, DATA, text)


@fast
@given(data=st.binary())
def test_minisign_verify_arbitrary_bytes_only_raises_signature_error(data):
    with pytest.raises(SignatureError):
        minisign_verify(KEY.public_key, DATA, data)


# =============================================================================
# SSHSIG
# =============================================================================


def test_sshsig_round_trip_and_layout():
    sshsig_verify(KEY.public_key, DATA, SSHSIG, namespace=NAMESPACE)
    sshsig_verify(KEY.public_key, DATA, SSHSIG.encode("ascii"), namespace=NAMESPACE)
    sshsig_verify(KEY.public_key, DATA, SSHSIG.replace("\n", "\r\n"), namespace=NAMESPACE)
    lines = SSHSIG.split("\n")
    assert lines[0] == "-----BEGIN SSH SIGNATURE-----"
    assert lines[-2:] == ["-----END SSH SIGNATURE-----", ""]
    assert all(len(line) <= 70 for line in lines) and len(lines[1]) == 70
    assert base64.b64decode("".join(lines[1:-2])).startswith(b"SSHSIG\x00\x00\x00\x01")


def test_sshsig_failures_have_distinct_messages():
    with pytest.raises(SignatureError, match="signed by another key"):
        sshsig_verify(OTHER_KEY.public_key, DATA, SSHSIG, namespace=NAMESPACE)
    with pytest.raises(SignatureError, match="namespace"):
        sshsig_verify(KEY.public_key, DATA, SSHSIG, namespace="file")
    with pytest.raises(SignatureError, match="does not match the data"):
        sshsig_verify(KEY.public_key, DATA + b"!", SSHSIG, namespace=NAMESPACE)
    with pytest.raises(SignatureError, match="not an SSH signature"):
        sshsig_verify(KEY.public_key, DATA, MINISIG, namespace=NAMESPACE)
    with pytest.raises(SignatureError):
        sshsig_sign(KEY, DATA, namespace="")


def _rearmor(blob: bytes) -> str:
    encoded = base64.b64encode(blob).decode()
    body = "\n".join(encoded[i : i + 70] for i in range(0, len(encoded), 70))
    return f"-----BEGIN SSH SIGNATURE-----\n{body}\n-----END SSH SIGNATURE-----\n"


def test_sshsig_rejects_trailing_bytes_and_other_versions():
    blob = base64.b64decode("".join(SSHSIG.split("\n")[1:-2]))
    with pytest.raises(SignatureError, match="trailing"):
        sshsig_verify(KEY.public_key, DATA, _rearmor(blob + b"\x00"), namespace=NAMESPACE)
    with pytest.raises(SignatureError, match="version 2"):
        sshsig_verify(KEY.public_key, DATA, _rearmor(blob[:6] + b"\x00\x00\x00\x02" + blob[10:]), namespace=NAMESPACE)
    for cut in range(0, len(blob), 7):
        with pytest.raises(SignatureError):
            sshsig_verify(KEY.public_key, DATA, _rearmor(blob[:cut]), namespace=NAMESPACE)


@fast
@given(index=st.integers(min_value=0), flip=st.integers(min_value=1, max_value=255))
def test_sshsig_any_changed_data_byte_fails(index, flip):
    data = bytearray(DATA)
    data[index % len(data)] ^= flip
    with pytest.raises(SignatureError):
        sshsig_verify(KEY.public_key, bytes(data), SSHSIG, namespace=NAMESPACE)


@fast
@given(index=st.integers(min_value=0), flip=st.integers(min_value=1, max_value=255))
def test_sshsig_any_changed_signature_byte_fails(index, flip):
    raw = bytearray(SSHSIG.encode("ascii"))
    raw[index % len(raw)] ^= flip
    with pytest.raises(SignatureError):
        sshsig_verify(KEY.public_key, DATA, bytes(raw), namespace=NAMESPACE)


@fast
@given(index=st.integers(min_value=0), char=st.characters())
def test_sshsig_any_changed_signature_character_fails(index, char):
    position = index % len(SSHSIG)
    if SSHSIG[position] == char:
        return
    text = SSHSIG[:position] + char + SSHSIG[position + 1 :]
    with pytest.raises(SignatureError):
        sshsig_verify(KEY.public_key, DATA, text, namespace=NAMESPACE)


def _sshsig_like_blob():
    """SSHSIG-shaped blobs with random fields, so the strict parser is exercised deeply."""

    def string(b: bytes) -> bytes:
        return len(b).to_bytes(4, "big") + b

    key_blob = st.one_of(
        st.just(KEY.public_key.openssh_blob()),
        st.binary(max_size=60),
        st.binary(max_size=40).map(lambda b: string(b"ssh-ed25519") + string(b)),
    )
    return st.tuples(
        st.sampled_from([b"SSHSIG", b"SSHSIH"]),
        st.sampled_from([b"\x00\x00\x00\x01", b"\x00\x00\x00\x02", b"\xff\xff\xff\xff"]),
        key_blob.map(string),
        st.sampled_from([NAMESPACE.encode(), b"file"]).map(string),
        st.binary(max_size=4).map(string),
        st.sampled_from([b"sha512", b"sha256", b"md5"]).map(string),
        st.one_of(
            st.binary(min_size=64, max_size=64).map(lambda s: string(string(b"ssh-ed25519") + string(s))),
            st.binary(max_size=80),
        ),
        st.binary(max_size=3),
    ).map(lambda parts: _rearmor(b"".join(parts)))


@fast
@given(text=st.one_of(st.text(), _sshsig_like_blob(), st.binary().map(_rearmor)))
def test_sshsig_verify_arbitrary_text_only_raises_signature_error(text):
    with pytest.raises(SignatureError):
        sshsig_verify(KEY.public_key, DATA, text, namespace=NAMESPACE)


# =============================================================================
# Interoperability with the real tools
# =============================================================================


def test_real_minisign_verifies_our_signature(tmp_path):
    minisign = require_tool("minisign")
    (tmp_path / "data").write_bytes(DATA)
    (tmp_path / "data.minisig").write_text(MINISIG, encoding="utf-8", newline="")
    (tmp_path / "judge.pub").write_text(KEY.public_key.to_minisign(), encoding="utf-8", newline="")

    # minisign -V -P <line> -m data -x data.minisig
    result = run(minisign, "-V", "-P", KEY.public_key.minisign_line(), "-m", "data", "-x", "data.minisig",
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"Trusted comment: {TRUSTED}".encode() in result.stdout
    # minisign -V -H -p judge.pub -m data -x data.minisig  (-H: require the prehashed format)
    result = run(minisign, "-V", "-H", "-p", "judge.pub", "-m", "data", "-x", "data.minisig", cwd=tmp_path)
    assert result.returncode == 0, result.stderr

    (tmp_path / "data").write_bytes(DATA + b"!")
    result = run(minisign, "-V", "-p", "judge.pub", "-m", "data", "-x", "data.minisig", cwd=tmp_path)
    assert result.returncode != 0


def test_real_minisign_signature_verifies_with_ours(tmp_path):
    minisign = require_tool("minisign")
    (tmp_path / "data").write_bytes(DATA)
    # minisign -G -W -p pk -s sk   (-W: unencrypted secret key, so no prompt)
    result = run(minisign, "-G", "-W", "-p", "pk", "-s", "sk", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    pk_text = (tmp_path / "pk").read_text(encoding="utf-8")
    public_key = PublicKey.from_minisign(pk_text)
    # Our rendering of minisign's own key file is byte-identical (same comment, same line).
    assert public_key.to_minisign() == pk_text

    comment = "score file judge-01 sequence=4"
    # minisign -S -s sk -m data -t "<comment>"   (prehashed, the default)
    result = run(minisign, "-S", "-s", "sk", "-m", "data", "-t", comment, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    signature = (tmp_path / "data.minisig").read_text(encoding="utf-8")
    assert minisign_verify(public_key, DATA, signature) == comment
    with pytest.raises(SignatureError, match="signed by another key"):
        minisign_verify(KEY.public_key, DATA, signature)
    with pytest.raises(SignatureError, match="does not match the data"):
        minisign_verify(public_key, DATA + b"!", signature)

    # minisign -S -l -s sk -m data -x data.legacy -t "<comment>"   (legacy "Ed" format)
    result = run(minisign, "-S", "-l", "-s", "sk", "-m", "data", "-x", "data.legacy", "-t", comment,
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    legacy = (tmp_path / "data.legacy").read_text(encoding="utf-8")
    assert base64.b64decode(legacy.split("\n")[1])[:2] == b"Ed"
    assert minisign_verify(public_key, DATA, legacy) == comment


def test_real_ssh_keygen_verifies_our_signature(tmp_path):
    ssh_keygen = require_tool("ssh-keygen")
    (tmp_path / "data").write_bytes(DATA)
    (tmp_path / "data.sig").write_text(SSHSIG, encoding="ascii", newline="")
    (tmp_path / "allowed_signers").write_text(f"judge-01 {KEY.public_key.to_openssh()}\n", encoding="ascii")

    # ssh-keygen -Y verify -f allowed_signers -I judge-01 -n <namespace> -s data.sig < data
    command = (ssh_keygen, "-Y", "verify", "-f", "allowed_signers", "-I", "judge-01", "-n", NAMESPACE, "-s",
               "data.sig")
    result = run(*command, stdin=DATA, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert b"Good" in result.stdout and b"judge-01" in result.stdout

    assert run(*command, stdin=DATA + b"!", cwd=tmp_path).returncode != 0
    wrong_namespace = [*command]
    wrong_namespace[wrong_namespace.index(NAMESPACE)] = "file"
    assert run(*wrong_namespace, stdin=DATA, cwd=tmp_path).returncode != 0


def test_real_ssh_keygen_signature_verifies_with_ours(tmp_path):
    ssh_keygen = require_tool("ssh-keygen")
    (tmp_path / "data").write_bytes(DATA)
    # ssh-keygen -q -t ed25519 -N '' -C judge-01 -f id_ed25519
    result = run(ssh_keygen, "-q", "-t", "ed25519", "-N", "", "-C", "judge-01", "-f", "id_ed25519", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    public_key = PublicKey.from_openssh((tmp_path / "id_ed25519.pub").read_text(encoding="utf-8"))
    assert public_key.to_openssh("judge-01") == (tmp_path / "id_ed25519.pub").read_text().strip()

    # ssh-keygen -Y sign -f id_ed25519 -n <namespace> data   (writes data.sig)
    result = run(ssh_keygen, "-Y", "sign", "-f", "id_ed25519", "-n", NAMESPACE, "data", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    armored = (tmp_path / "data.sig").read_text(encoding="ascii")
    sshsig_verify(public_key, DATA, armored, namespace=NAMESPACE)
    with pytest.raises(SignatureError, match="namespace"):
        sshsig_verify(public_key, DATA, armored, namespace="file")
    with pytest.raises(SignatureError, match="does not match the data"):
        sshsig_verify(public_key, DATA + b"!", armored, namespace=NAMESPACE)
    with pytest.raises(SignatureError, match="signed by another key"):
        sshsig_verify(KEY.public_key, DATA, armored, namespace=NAMESPACE)
