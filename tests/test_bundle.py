"""Entry bundles: build, open, verify, pin the secretariat key, refuse tampering."""

from __future__ import annotations

import hashlib
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from judge_app import canonical
from judge_app.bundle import MANIFEST, MANIFEST_SIGNATURE, build_bundle, open_bundle
from judge_app.container import open_container
from judge_app.container_write import write_container
from judge_app.errors import BundleError, JudgeAppError, PinnedKeyMismatch
from judge_app.keys import PrivateKey
from judge_app.pins import PinStore
from judge_app.signatures import minisign_sign


def members_of(path: Path) -> list[tuple[str, bytes]]:
    with open_container(path) as container:
        return [(name, container.read(name)) for name in container.names]


def test_open_verifies_and_pins(issued, tmp_path):
    pins = PinStore(tmp_path / "pins.json")
    bundle = open_bundle(issued.bundles["J01"], pins)
    assert bundle.newly_pinned
    assert bundle.secretariat_key == issued.secretariat.public_key
    assert bundle.judge.id == "J01"
    assert list(bundle.entry_ids) == list(issued.contest.rounds[0].entries_of("J01"))
    assert bundle.round.rubric == issued.contest.rounds[0].rubric
    assert bundle.sha256 == hashlib.sha256(issued.bundles["J01"].read_bytes()).hexdigest()
    again = open_bundle(issued.bundles["J02"], pins)
    assert not again.newly_pinned


def test_bundle_holds_only_that_judges_entries_and_attachments(issued):
    assigned = set(issued.contest.rounds[0].entries_of("J03"))
    with open_container(issued.bundles["J03"]) as container:
        folders = {name.split("/")[1] for name in container.names if name.startswith("attachments/")}
    assert folders == assigned


def test_a_different_secretariat_key_is_a_loud_error(issued, demo, tmp_path):
    pins = PinStore(tmp_path / "pins.json")
    open_bundle(issued.bundles["J01"], pins)
    impostor = PrivateKey.generate()
    folder, contest = demo
    fake = tmp_path / "fake.dlgbundle"
    build_bundle(contest, "r1", "J01", folder, impostor, fake)
    with pytest.raises(PinnedKeyMismatch) as caught:
        open_bundle(fake, pins)
    message = str(caught.value)
    assert "DIFFERENT secretariat key" in message
    assert issued.secretariat.public_key.fingerprint in message and impostor.public_key.fingerprint in message


def test_expected_fingerprint_must_match(issued, tmp_path):
    with pytest.raises(BundleError, match="not the expected"):
        open_bundle(issued.bundles["J01"], None, expected_fingerprint="0000 0000 0000 0000 0000")
    fingerprint = issued.secretariat.public_key.fingerprint
    assert open_bundle(issued.bundles["J01"], None, expected_fingerprint=fingerprint.replace(" ", "-"))


def rewrite(source: Path, destination: Path, change) -> Path:
    members = change(members_of(source))
    write_container(destination, members)
    return destination


def test_changed_attachment_is_refused(issued, tmp_path):
    def swap(members):
        name, data = next((n, d) for n, d in members if n.startswith("attachments/"))
        return [(n, d + b"x" if n == name else d) for n, d in members]

    bad = rewrite(issued.bundles["J01"], tmp_path / "bad.dlgbundle", swap)
    with pytest.raises(BundleError, match="bytes, the manifest says"):
        open_bundle(bad, None)

    def same_size(members):
        name, data = next((n, d) for n, d in members if n.startswith("attachments/"))
        return [(n, bytes([d[0] ^ 1]) + d[1:] if n == name else d) for n, d in members]

    bad = rewrite(issued.bundles["J01"], tmp_path / "bad2.dlgbundle", same_size)
    with pytest.raises(BundleError, match="does not match its SHA-256"):
        open_bundle(bad, None)


def test_edited_manifest_fails_the_signature(issued, tmp_path):
    def edit(members):
        out = []
        for name, data in members:
            if name == MANIFEST:
                manifest = canonical.loads(data)
                manifest["round"]["deadline"] = "2030-01-01"
                data = canonical.dumps(manifest)
            out.append((name, data))
        return out

    bad = rewrite(issued.bundles["J01"], tmp_path / "bad.dlgbundle", edit)
    with pytest.raises(BundleError, match="signature does not verify"):
        open_bundle(bad, None)


def test_unlisted_and_missing_files_are_refused(issued, tmp_path):
    extra = rewrite(issued.bundles["J01"], tmp_path / "extra.dlgbundle",
                    lambda m: m + [("attachments/run-me.exe", b"MZ")])
    with pytest.raises(BundleError, match="unlisted"):
        open_bundle(extra, None)
    missing = rewrite(issued.bundles["J01"], tmp_path / "missing.dlgbundle", lambda m: m[:-1])
    with pytest.raises(BundleError, match="missing"):
        open_bundle(missing, None)


def test_manifest_signed_by_the_secretariat_but_breaking_rules_is_refused(issued, tmp_path):
    """A signed manifest is still checked: a weight edit that breaks the rubric is refused."""
    members = members_of(issued.bundles["J01"])
    manifest = canonical.loads(dict(members)[MANIFEST])
    manifest["round"]["rubric"]["criteria"][0]["weight"] = "99"
    data = canonical.dumps(manifest)
    signature = minisign_sign(issued.secretariat, data, trusted_comment="edited").encode()
    rebuilt = [(MANIFEST, data), (MANIFEST_SIGNATURE, signature)] + members[2:]
    bad = tmp_path / "rules.dlgbundle"
    write_container(bad, rebuilt)
    with pytest.raises(BundleError, match="weights sum to"):
        open_bundle(bad, None)


def test_hostile_zip_is_refused_with_the_reason(issued, tmp_path):
    hostile = tmp_path / "hostile.dlgbundle"
    with zipfile.ZipFile(hostile, "w") as archive:
        for name, data in members_of(issued.bundles["J01"])[:2]:
            archive.writestr(name, data)
        archive.writestr("../../.bashrc", b"echo owned")
    with pytest.raises(BundleError, match="not a valid entry bundle") as caught:
        open_bundle(hostile, None)
    assert str(hostile) in str(caught.value)
    not_zip = tmp_path / "notes.dlgbundle"
    not_zip.write_text("สวัสดี")
    with pytest.raises(BundleError, match="not a valid entry bundle"):
        open_bundle(not_zip, None)


def test_extract_attachment_checks_the_hash(issued, tmp_path):
    bundle = open_bundle(issued.bundles["J01"], None)
    entry = bundle.entries[0]
    attachment = entry.attachments[0]
    out = bundle.extract_attachment(entry.id, attachment.name, tmp_path / attachment.name)
    assert hashlib.sha256(out.read_bytes()).hexdigest() == attachment.sha256


def test_secretariat_catches_a_changed_source_attachment(demo, tmp_path, secretariat_key):
    folder, contest = demo
    copy = tmp_path / "contest"
    shutil.copytree(folder, copy)
    entry = contest.entry(contest.rounds[0].entries_of("J01")[0])
    (copy / entry.attachments[0].file).write_bytes(b"%PDF-1.4 replaced")
    with pytest.raises(BundleError, match="bytes, the contest records|does not match"):
        build_bundle(contest, "r1", "J01", copy, secretariat_key, tmp_path / "b.dlgbundle")
    assert not (tmp_path / "b.dlgbundle").exists()


@pytest.fixture(scope="module")
def small_bundle(demo, tmp_path_factory):
    """A bundle with one entry, small enough to mutate many times quickly."""
    from dataclasses import replace

    folder, contest = demo
    round_ = contest.rounds[0]
    first = round_.entries_of("J01")[0]
    small = replace(contest, rounds=(replace(round_, assignments={"J01": (first,)}),))
    path = tmp_path_factory.mktemp("small") / "small.dlgbundle"
    build_bundle(small, "r1", "J01", folder, PrivateKey.generate(), path)
    return path


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.integers(min_value=0), delta=st.integers(min_value=1, max_value=255))
def test_any_single_byte_change_is_detected(small_bundle, tmp_path_factory, position, delta):
    data = bytearray(small_bundle.read_bytes())
    position %= len(data)
    data[position] = (data[position] + delta) % 256
    target = tmp_path_factory.mktemp("mutant") / "m.dlgbundle"
    target.write_bytes(bytes(data))
    with pytest.raises(BundleError):
        open_bundle(target, None)


def test_a_refused_bundle_pins_nothing(issued, tmp_path):
    def damage(members):
        name = next(n for n, _ in members if n.startswith("attachments/"))
        return [(n, bytes([d[0] ^ 1]) + d[1:] if n == name else d) for n, d in members]

    bad = rewrite(issued.bundles["J01"], tmp_path / "bad.dlgbundle", damage)
    pins = PinStore(tmp_path / "pins.json")
    with pytest.raises(BundleError):
        open_bundle(bad, pins)
    assert pins.pinned(issued.contest.id) is None
    assert open_bundle(issued.bundles["J01"], pins).newly_pinned


def _flip_inside(path: Path, needle: bytes) -> None:
    raw = bytearray(path.read_bytes())
    at = raw.find(needle)
    assert at >= 0
    raw[at + len(needle) // 2] ^= 0x01
    with open(path, "r+b") as handle:  # in place: same inode
        handle.write(raw)


def test_an_attachment_changed_in_place_after_opening_is_refused(issued, tmp_path):
    # The fast path trusts the layout checked at opening while size, mtime and inode are unchanged;
    # the manifest's SHA-256 still catches a byte changed under it with the mtime put back.
    path = tmp_path / "J01.dlgbundle"
    shutil.copy(issued.bundles["J01"], path)
    bundle = open_bundle(path, None)
    entry = bundle.entries[0]
    attachment = entry.attachments[0]
    good = bundle.extract_attachment(entry.id, attachment.name, tmp_path / "good").read_bytes()
    before = os.stat(path)
    _flip_inside(path, good[len(good) // 3: len(good) // 3 + 64])
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    with pytest.raises(JudgeAppError, match="CRC-32 does not match|does not match its SHA-256"):
        bundle.extract_attachment(entry.id, attachment.name, tmp_path / "bad")
    assert not (tmp_path / "bad").exists()


def test_a_bundle_replaced_on_disk_after_opening_is_refused(issued, tmp_path):
    path = tmp_path / "J01.dlgbundle"
    shutil.copy(issued.bundles["J01"], path)
    bundle = open_bundle(path, None)
    entry = bundle.entries[0]
    other = bundle.entries[1].attachments[0]
    data = bundle.extract_attachment(bundle.entries[1].id, other.name, tmp_path / "other").read_bytes()
    replacement = tmp_path / "replacement"
    shutil.copy(path, replacement)
    _flip_inside(replacement, data[:64])
    os.replace(replacement, path)  # a new inode: the whole file is checked again
    with pytest.raises(BundleError, match="changed on disk"):
        bundle.extract_attachment(entry.id, entry.attachments[0].name, tmp_path / "first")
