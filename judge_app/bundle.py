"""Entry bundles: one signed file per judge holding that judge's entries.

Layout (a canonical zip, see :mod:`judge_app.container`)::

    manifest.json          canonical JSON: contest, round + rubric, judge,
                           entries with their attachments (size, SHA-256),
                           issue time, deadline, secretariat public key
    manifest.json.minisig  minisign signature of manifest.json by the
                           secretariat key (verifiable with `minisign -V`)
    attachments/<entry id>/<file name>

The judge side trusts nothing it has not checked: the container's layout, the
signature, the pinned secretariat key, the manifest's rules, the exact list of
files, and every attachment's size and hash.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from dataclasses import dataclass, field
from functools import cached_property
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from . import canonical
from .container import DEFAULT_LIMITS, Container, ContainerLimits, open_container
from .container_write import write_container
from .contest_json import (
    contest_from_json,
    contest_header_to_json,
    entry_to_json,
    judge_to_json,
    round_to_json,
)
from .errors import BundleError, CanonicalError, ContainerError, SignatureError, ValidationError
from .keys import PrivateKey, PublicKey
from .model import Contest, Entry, Judge, Round
from .pins import PinStore
from .signatures import minisign_sign, minisign_verify

BUNDLE_FORMAT = "dlg-bundle/1"
MANIFEST = "manifest.json"
MANIFEST_SIGNATURE = "manifest.json.minisig"
MAX_MANIFEST_BYTES = 64 * 1024 * 1024

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class OpenedBundle:
    """A bundle whose signature, key, contents and attachments were all checked."""

    path: Path
    sha256: str
    bundle_id: str
    issued_at: str
    contest: Contest
    round: Round
    judge: Judge
    entries: tuple[Entry, ...]
    secretariat_key: PublicKey
    newly_pinned: bool
    #: Where each member lies in the file as verified, and the file's (size, mtime, inode) then:
    #: lets one attachment be read without verifying the whole file again (see extract_attachment).
    verified_layout: tuple[tuple[object, ...], tuple[int, int, int]] | None = field(
        default=None, repr=False, compare=False)

    @cached_property
    def entry_ids(self) -> tuple[str, ...]:
        return tuple(e.id for e in self.entries)

    @cached_property
    def _entries_by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}

    def entry(self, entry_id: str) -> Entry:
        try:
            return self._entries_by_id[entry_id]
        except KeyError:
            raise KeyError(entry_id) from None

    def extract_attachment(self, entry_id: str, name: str, destination: Path) -> Path:
        """Copy one attachment out of the bundle, checking its hash on the way.

        The attachment's SHA-256 from the signed manifest is what vouches for the
        copy. When the file is still the one verified on opening (same size,
        modification time and inode), its member is read straight from the
        verified layout: reading and hashing a whole bundle of thousands of
        entries again for each attachment shown cost about a second per entry.
        Otherwise the whole file is verified again and must be the same bundle.
        """
        entry = self.entry(entry_id)
        attachment = next((a for a in entry.attachments if a.name == name), None)
        if attachment is None:
            raise BundleError(f"entry {entry_id} has no attachment {name!r}", path=self.path)
        destination = Path(destination)
        digest = hashlib.sha256()
        with self._open_verified() as container:
            container.copy_to(attachment.file, destination, hasher=digest)
        if digest.hexdigest() != attachment.sha256:
            destination.unlink(missing_ok=True)
            raise BundleError(f"attachment {attachment.file} does not match its SHA-256", path=self.path)
        return destination


    def _open_verified(self) -> Container:
        if self.verified_layout is not None:
            members, stamp = self.verified_layout
            handle = open(self.path, "rb")
            if _stamp(os.fstat(handle.fileno())) == stamp:
                return Container(self.path, handle, members, self.sha256)
            handle.close()
        container = open_container(self.path)
        if container.sha256 != self.sha256:
            container.close()
            raise BundleError("the bundle file changed on disk since it was opened", path=self.path)
        return container


def _stamp(stat: os.stat_result) -> tuple[int, int, int]:
    return stat.st_size, stat.st_mtime_ns, stat.st_ino


def attachment_path_in_bundle(entry_id: str, name: str) -> str:
    return f"attachments/{entry_id}/{name}"


def build_manifest(
    contest: Contest,
    round_id: str,
    judge_id: str,
    secretariat_key: PublicKey,
    *,
    issued_at: datetime | None = None,
    bundle_id: str | None = None,
) -> dict[str, Any]:
    """The manifest for one judge's bundle (entries assigned to that judge only)."""
    round_ = contest.round(round_id)
    judge = contest.judge(judge_id)
    entry_ids = round_.entries_of(judge_id)
    if not entry_ids:
        raise BundleError(f"judge {judge_id} has no entries assigned in round {round_id}")
    entries = []
    for entry_id in entry_ids:
        data = entry_to_json(contest.entry(entry_id))
        for attachment in data["attachments"]:
            attachment["file"] = attachment_path_in_bundle(entry_id, attachment["name"])
        entries.append(data)
    round_data = round_to_json(round_, with_assignments=False)
    round_data["assignments"] = {judge_id: list(entry_ids)}
    issued = (issued_at or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return {
        "format": BUNDLE_FORMAT,
        "bundle_id": bundle_id or uuid.uuid4().hex,
        "issued_at": issued.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "contest": contest_header_to_json(contest),
        "round": round_data,
        "judge": judge_to_json(judge),
        "entries": entries,
        "secretariat": {"public_key": secretariat_key.to_base64(), "fingerprint": secretariat_key.fingerprint},
    }


def build_bundle(
    contest: Contest,
    round_id: str,
    judge_id: str,
    attachments_root: Path,
    secretariat: PrivateKey,
    destination: Path,
    *,
    issued_at: datetime | None = None,
    progress: Progress | None = None,
) -> tuple[str, dict[str, Any]]:
    """Write one judge's signed bundle; return its SHA-256 and manifest.

    Every attachment is checked against the contest's recorded size and hash
    before it goes in, so a file changed on the secretariat's disk is caught
    here rather than by a judge.
    """
    manifest = build_manifest(contest, round_id, judge_id, secretariat.public_key, issued_at=issued_at)
    manifest_bytes = canonical.dumps(manifest)
    signature = minisign_sign(
        secretariat,
        manifest_bytes,
        trusted_comment=(
            f"dlg entry bundle {manifest['bundle_id']} contest={contest.id} round={round_id} judge={judge_id}"
        ),
        untrusted_comment="entry bundle signed by the contest secretariat",
    )
    members: list[tuple[str, bytes | Path]] = [
        (MANIFEST, manifest_bytes),
        (MANIFEST_SIGNATURE, signature.encode("utf-8")),
    ]
    root = Path(attachments_root)
    for entry_id in contest.round(round_id).entries_of(judge_id):
        for attachment in contest.entry(entry_id).attachments:
            source = root / attachment.file
            if attachment.size > DEFAULT_LIMITS.max_member_bytes:
                raise BundleError(
                    f"attachment of entry {entry_id} is {attachment.size} bytes; the judge's app opens files of "
                    f"at most {DEFAULT_LIMITS.max_member_bytes} bytes", path=source)
            _check_source_attachment(source, attachment.size, attachment.sha256, entry_id)
            members.append((attachment_path_in_bundle(entry_id, attachment.name), source))
    if len(members) > DEFAULT_LIMITS.max_members:  # the judge's app would refuse the bundle
        raise BundleError(
            f"judge {judge_id}'s bundle would hold {len(members)} files; the judge's app opens at most "
            f"{DEFAULT_LIMITS.max_members}: share the entries among more judges or attach fewer files",
            path=destination)
    sha = write_container(destination, members, progress=progress)
    return sha, manifest


def _check_source_attachment(source: Path, size: int, sha256: str, entry_id: str) -> None:
    try:
        actual_size = source.stat().st_size
    except FileNotFoundError:
        raise BundleError(f"attachment of entry {entry_id} is missing", path=source) from None
    if actual_size != size:
        raise BundleError(
            f"attachment of entry {entry_id} has {actual_size} bytes, the contest records {size}", path=source
        )
    if _sha256_file(source) != sha256:
        raise BundleError(f"attachment of entry {entry_id} does not match its recorded SHA-256", path=source)


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def open_bundle(
    path: Path,
    pins: PinStore | None,
    *,
    expected_fingerprint: str | None = None,
    limits: ContainerLimits | None = None,
    progress: Progress | None = None,
) -> OpenedBundle:
    """Open and fully verify a bundle, or raise :class:`BundleError` saying why.

    ``pins`` is the judge's store of trusted secretariat keys; ``None`` skips
    pinning (the secretariat checking its own output).
    """
    path = Path(path)
    try:
        container = open_container(path, limits=limits) if limits else open_container(path)
    except ContainerError as exc:
        raise BundleError(f"not a valid entry bundle: {exc.message}", path=path) from None
    with container:
        manifest_bytes, signature_text = _read_signed_manifest(container, path)
        manifest = _parse_manifest(manifest_bytes, path)
        key = _secretariat_key(manifest, path)
        try:
            minisign_verify(key, manifest_bytes, signature_text)
        except SignatureError as exc:
            raise BundleError(f"the secretariat's signature does not verify: {exc.message}", path=path) from None
        if expected_fingerprint is not None and _digits(expected_fingerprint) != _digits(key.fingerprint):
            raise BundleError(
                f"signed by key {key.fingerprint}, not the expected {expected_fingerprint}", path=path
            )
        contest, round_, judge, entries = _contents(manifest, path)
        if pins is not None and pins.pinned(contest.id) not in (None, key):
            pins.check_and_pin(contest.id, key, bundle=path)  # raises the loud mismatch error
        listed = [MANIFEST, MANIFEST_SIGNATURE] + [a.file for e in entries for a in e.attachments]
        try:
            container.require_names(listed)
        except ContainerError as exc:
            raise BundleError(exc.message, path=path) from None
        _verify_attachments(container, entries, path, progress)
        # A key is trusted only once the whole bundle has passed every check.
        pin = pins.check_and_pin(contest.id, key, bundle=path) if pins is not None else None
        return OpenedBundle(
            path=path,
            sha256=container.sha256,
            bundle_id=manifest["bundle_id"],
            issued_at=manifest["issued_at"],
            contest=contest,
            round=round_,
            judge=judge,
            entries=entries,
            secretariat_key=key,
            newly_pinned=bool(pin and pin.newly_pinned),
            # The container's own member table and handle (no public accessor yet): the layout just verified.
            verified_layout=(tuple(container._members.values()), _stamp(os.fstat(container._handle.fileno()))),
        )


def _digits(fingerprint: str) -> str:
    return "".join(ch for ch in fingerprint if ch.isalnum()).lower()


def _read_signed_manifest(container: Container, path: Path) -> tuple[bytes, str]:
    for name in (MANIFEST, MANIFEST_SIGNATURE):
        if name not in container.names:
            raise BundleError(f"{name} is missing: this is not an entry bundle", path=path)
    try:
        manifest_bytes = container.read(MANIFEST, max_bytes=MAX_MANIFEST_BYTES)
        signature_bytes = container.read(MANIFEST_SIGNATURE, max_bytes=64 * 1024)
    except ContainerError as exc:
        raise BundleError(exc.message, path=path) from None
    try:
        return manifest_bytes, signature_bytes.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleError("the manifest signature is not text", path=path) from None


def _parse_manifest(data: bytes, path: Path) -> dict[str, Any]:
    try:
        manifest = canonical.loads(data, what="manifest.json")
    except CanonicalError as exc:
        raise BundleError(exc.message, path=path) from None
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
        found = manifest.get("format") if isinstance(manifest, dict) else None
        raise BundleError(f"manifest format is {found!r}, this app reads {BUNDLE_FORMAT!r}", path=path)
    for key, kind in (("bundle_id", str), ("issued_at", str), ("contest", dict), ("round", dict),
                      ("judge", dict), ("entries", list), ("secretariat", dict)):
        if not isinstance(manifest.get(key), kind):
            raise BundleError(f"manifest field {key!r} is missing or of the wrong type", path=path)
    return manifest


def _secretariat_key(manifest: dict[str, Any], path: Path) -> PublicKey:
    try:
        return PublicKey.from_base64(manifest["secretariat"].get("public_key"))
    except Exception as exc:  # any malformed key text is the same problem for a person
        raise BundleError(f"the manifest's secretariat key is malformed ({exc})", path=path) from None


def _contents(manifest: dict[str, Any], path: Path) -> tuple[Contest, Round, Judge, tuple[Entry, ...]]:
    """Validate the manifest with the contest rules by reading it as a one-judge contest."""
    as_contest = {
        "format": "dlg-contest/1",
        **manifest["contest"],
        "rounds": [manifest["round"]],
        "entries": manifest["entries"],
        "judges": [manifest["judge"]],
    }
    try:
        contest = contest_from_json(as_contest)
    except ValidationError as exc:
        raise BundleError(f"the manifest breaks the contest rules: {exc.message}", path=path) from None
    round_ = contest.rounds[0]
    judge = contest.judges[0]
    assigned = round_.entries_of(judge.id)
    if list(assigned) != [e.id for e in contest.entries]:
        raise BundleError("the manifest's entries differ from the judge's assignment", path=path)
    for entry in contest.entries:
        for attachment in entry.attachments:
            if attachment.file != attachment_path_in_bundle(entry.id, attachment.name):
                raise BundleError(f"attachment {attachment.file!r} is not where the format puts it", path=path)
    return contest, round_, judge, contest.entries


def _verify_attachments(container: Container, entries: tuple[Entry, ...], path: Path, progress: Progress | None) -> None:
    attachments = [a for e in entries for a in e.attachments]
    total = sum(a.size for a in attachments)
    done = 0
    reported = -1  # in 1/200ths: thousands of small attachments must not flood the window with reports
    for attachment in attachments:
        if container.size(attachment.file) != attachment.size:
            raise BundleError(
                f"attachment {attachment.file} has {container.size(attachment.file)} bytes, "
                f"the manifest says {attachment.size}",
                path=path,
            )
        digest = hashlib.sha256()
        try:
            with container.open(attachment.file) as stream:
                for chunk in iter(lambda: stream.read(1 << 20), b""):
                    digest.update(chunk)
        except ContainerError as exc:
            raise BundleError(exc.message, path=path) from None
        if digest.hexdigest() != attachment.sha256:
            raise BundleError(f"attachment {attachment.file} does not match its SHA-256 in the manifest", path=path)
        done += attachment.size
        step = done * 200 // total if total else 200
        if progress and step != reported:
            reported = step
            progress(done, total)
