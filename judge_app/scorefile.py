"""Score files: a judge's signed scores for one bundle, as one file.

Layout (a canonical zip, see :mod:`judge_app.container`)::

    scores.json          canonical UTF-8 JSON payload (format "dlg-scores/1")
    scores.json.minisig  minisign signature by the judge's key
    scores.json.sig      the same payload signed as an SSH signature
                         (namespace "dlg-score-file")

Either signature can be checked by an auditor with a standard tool
(``minisign -V`` or ``ssh-keygen -Y verify``, see README); the app checks both.
The payload binds the scores to the bundle's SHA-256, the contest, the round,
the judge and the judge's public key, and carries a sequence number that grows
with every export so an older file cannot replace a newer one.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import canonical
from .container import ContainerLimits, open_container
from .container_write import write_container
from .decimals import decimal_str, parse_decimal
from .errors import CanonicalError, ContainerError, KeyFileError, ScoreFileError, SignatureError
from .keys import PrivateKey, PublicKey
from .paths import SCORE_FILE_SUFFIX
from .scoring import EntryStatus, total_str
from .signatures import minisign_sign, minisign_verify, sshsig_sign, sshsig_verify
from .workspace import Workspace

SCORES_FORMAT = "dlg-scores/1"
PAYLOAD = "scores.json"
MINISIG = "scores.json.minisig"
SSHSIG = "scores.json.sig"
SSH_NAMESPACE = "dlg-score-file"

#: Score files are small; these limits refuse anything else before reading it.
SCORE_FILE_LIMITS = ContainerLimits(
    max_members=3, max_member_bytes=32 * 1024 * 1024, max_total_bytes=64 * 1024 * 1024
)

FILE_STATUSES = ("scored", "conflict", "not_scored")
#: The largest sequence number: SQLite's largest integer, where the secretariat stores it.
MAX_SEQUENCE = 2**63 - 1
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


@dataclass(frozen=True)
class EntryScores:
    """One assigned entry as the judge reported it."""

    entry_id: str
    status: str  # one of FILE_STATUSES
    scores: dict[str, Decimal]
    comments: dict[str, str]
    overall_comment: str
    conflict_reason: str
    total: str | None


@dataclass(frozen=True)
class ScoreFile:
    """A score file whose container, payload and both signatures were checked."""

    path: Path | None
    sha256: str
    raw: bytes
    contest_id: str
    round_id: str
    bundle_sha256: str
    bundle_id: str
    judge_id: str
    public_key: PublicKey
    sequence: int
    exported_at: str
    entries: tuple[EntryScores, ...]
    payload: bytes

    def entry(self, entry_id: str) -> EntryScores:
        for entry in self.entries:
            if entry.entry_id == entry_id:
                return entry
        raise KeyError(entry_id)


class IncompleteScores(ScoreFileError):
    """Export was asked for while some entries are neither scored nor under conflict."""

    def __init__(self, missing: list[str]):
        self.missing = missing
        shown = ", ".join(missing[:20]) + (" …" if len(missing) > 20 else "")
        super().__init__(
            f"{len(missing)} entries are not fully scored ({shown}); export them as not scored "
            "only if you mean to"
        )


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sha256: str
    sequence: int


def default_file_name(workspace: Workspace, sequence: int) -> str:
    bundle = workspace.bundle
    return f"{bundle.contest.id}-{bundle.round.id}-{bundle.judge.id}-seq{sequence:03d}{SCORE_FILE_SUFFIX}"


def build_payload(workspace: Workspace, key: PublicKey, sequence: int, exported_at: datetime) -> dict[str, Any]:
    """The payload of the next export, from the workspace as it stands."""
    bundle = workspace.bundle
    entries = []
    for state in workspace.states():
        if state.status is EntryStatus.SCORED:
            status = "scored"
        elif state.status is EntryStatus.CONFLICT:
            status = "conflict"
        else:
            status = "not_scored"
        entries.append(
            {
                "entry_id": state.entry_id,
                "status": status,
                "scores": {c: decimal_str(v) for c, v in state.scores.items()} if status == "scored" else {},
                "comments": dict(state.comments),
                "overall_comment": state.overall_comment,
                "conflict_reason": state.conflict_reason or "",
                "total": total_str(state.total) if state.total is not None else None,
            }
        )
    return {
        "format": SCORES_FORMAT,
        "contest_id": bundle.contest.id,
        "round_id": bundle.round.id,
        "bundle_sha256": bundle.sha256,
        "bundle_id": bundle.bundle_id,
        "judge_id": bundle.judge.id,
        "judge_public_key": key.to_base64(),
        "judge_fingerprint": key.fingerprint,
        "sequence": sequence,
        "exported_at": exported_at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "entries": entries,
    }


def export_score_file(
    workspace: Workspace,
    key: PrivateKey,
    destination: Path,
    *,
    allow_incomplete: bool = False,
    now: datetime | None = None,
) -> ExportResult:
    """Sign the workspace's scores and write them as one file, atomically.

    The sequence number is reserved in the workspace before the file is
    written, so a crash between the two burns a number instead of reusing it
    for different content (which the secretariat would reject as equivocation).
    """
    missing = [s.entry_id for s in workspace.states() if s.status not in (EntryStatus.SCORED, EntryStatus.CONFLICT)]
    if missing and not allow_incomplete:
        raise IncompleteScores(missing)
    destination = Path(destination)
    sequence = workspace.reserve_sequence(destination.name)
    payload = canonical.dumps(build_payload(workspace, key.public_key, sequence, now or datetime.now(timezone.utc)))
    bundle = workspace.bundle
    comment = f"dlg score file contest={bundle.contest.id} round={bundle.round.id} judge={bundle.judge.id} sequence={sequence}"
    members: list[tuple[str, bytes | Path]] = [
        (PAYLOAD, payload),
        (MINISIG, minisign_sign(key, payload, trusted_comment=comment,
                                untrusted_comment=f"score file of judge {bundle.judge.id}").encode("utf-8")),
        (SSHSIG, sshsig_sign(key, payload, namespace=SSH_NAMESPACE).encode("utf-8")),
    ]
    try:
        sha = write_container(destination, members)
    except (OSError, ContainerError) as exc:
        reason = exc.message if isinstance(exc, ContainerError) else (exc.strerror or str(exc))
        raise ScoreFileError(f"the score file could not be written ({reason}); "
                             "nothing was lost, your scores are still in the app", path=destination) from None
    workspace.complete_export(sequence, sha)
    return ExportResult(destination, sha, sequence)


def read_score_file(path: Path) -> ScoreFile:
    """Open a score file and check its container, payload and signatures."""
    path = Path(path)
    return parse_score_file(read_score_file_bytes(path), path=path)


def read_score_file_bytes(path: Path) -> bytes:
    """The bytes of a score file, refusing a file far too large to be one before reading it."""
    path = Path(path)
    limit = SCORE_FILE_LIMITS.max_total_bytes
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise ScoreFileError(f"is far too large to be a score file ({size} bytes)", path=path)
            return handle.read(size + 1)  # a file still growing is caught by the check on what was read
    except OSError as exc:
        raise ScoreFileError(f"cannot be read ({exc.strerror or exc})", path=path) from None


def parse_score_file(raw: bytes, *, path: Path | None = None, scratch: Path | None = None) -> ScoreFile:
    """Check score-file bytes; only :class:`ScoreFileError` comes out on bad input."""
    if len(raw) > SCORE_FILE_LIMITS.max_total_bytes:
        raise ScoreFileError("is far too large to be a score file", path=path)
    with tempfile.TemporaryDirectory(dir=scratch) as folder:
        copy = Path(folder) / "score-file"
        copy.write_bytes(raw)
        try:
            with open_container(copy, limits=SCORE_FILE_LIMITS) as container:
                container.require_names([PAYLOAD, MINISIG, SSHSIG])
                payload = container.read(PAYLOAD)
                minisig = container.read(MINISIG).decode("utf-8")
                sshsig = container.read(SSHSIG).decode("utf-8")
        except ContainerError as exc:
            raise ScoreFileError(f"not a valid score file: {exc.message}", path=path) from None
        except UnicodeDecodeError:
            raise ScoreFileError("a signature in the score file is not text", path=path) from None
    data = _load_payload(payload, path)
    key = _public_key(data, path)
    try:
        minisign_verify(key, payload, minisig)
        sshsig_verify(key, payload, sshsig, namespace=SSH_NAMESPACE)
    except SignatureError as exc:
        raise ScoreFileError(f"the signature does not verify ({exc.message}): the file was altered or forged",
                             path=path) from None
    return ScoreFile(
        path=path,
        sha256=hashlib.sha256(raw).hexdigest(),
        raw=raw,
        contest_id=data["contest_id"],
        round_id=data["round_id"],
        bundle_sha256=data["bundle_sha256"],
        bundle_id=data["bundle_id"],
        judge_id=data["judge_id"],
        public_key=key,
        sequence=data["sequence"],
        exported_at=data["exported_at"],
        entries=tuple(_entry(e, i, path) for i, e in enumerate(data["entries"])),
        payload=payload,
    )


def _load_payload(payload: bytes, path: Path | None) -> dict[str, Any]:
    try:
        data = canonical.loads(payload, what=PAYLOAD)
    except CanonicalError as exc:
        raise ScoreFileError(exc.message, path=path) from None
    if not isinstance(data, dict) or data.get("format") != SCORES_FORMAT:
        found = data.get("format") if isinstance(data, dict) else None
        raise ScoreFileError(f"payload format is {found!r}, this app reads {SCORES_FORMAT!r}", path=path)
    expected = {
        "contest_id": str, "round_id": str, "bundle_sha256": str, "bundle_id": str, "judge_id": str,
        "judge_public_key": str, "judge_fingerprint": str, "sequence": int, "exported_at": str, "entries": list,
    }
    for field, kind in expected.items():
        value = data.get(field)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise ScoreFileError(f"payload field {field!r} is missing or of the wrong type", path=path)
    extra = set(data) - set(expected) - {"format"}
    if extra:
        raise ScoreFileError(f"payload has unknown fields: {', '.join(sorted(extra))}", path=path)
    if not _SHA256.match(data["bundle_sha256"]):
        raise ScoreFileError("payload field 'bundle_sha256' is not a SHA-256", path=path)
    if not 1 <= data["sequence"] <= MAX_SEQUENCE:
        raise ScoreFileError(f"payload field 'sequence' must be between 1 and {MAX_SEQUENCE}", path=path)
    if not _TIME.match(data["exported_at"]):
        raise ScoreFileError("payload field 'exported_at' is not a UTC time", path=path)
    return data


def _public_key(data: dict[str, Any], path: Path | None) -> PublicKey:
    try:
        key = PublicKey.from_base64(data["judge_public_key"])
    except (SignatureError, KeyFileError, ValueError) as exc:
        raise ScoreFileError(f"the judge public key in the payload is malformed ({exc})", path=path) from None
    if key.fingerprint != data["judge_fingerprint"]:
        raise ScoreFileError("the judge fingerprint does not match the judge public key", path=path)
    return key


def _entry(data: Any, index: int, path: Path | None) -> EntryScores:
    where = f"entries[{index}]"
    fields = {"entry_id": str, "status": str, "scores": dict, "comments": dict, "overall_comment": str,
              "conflict_reason": str}
    if not isinstance(data, dict):
        raise ScoreFileError(f"{where} is not an object", path=path)
    for field, kind in fields.items():
        if not isinstance(data.get(field), kind):
            raise ScoreFileError(f"{where}.{field} is missing or of the wrong type", path=path)
    if set(data) != set(fields) | {"total"}:
        raise ScoreFileError(f"{where} has missing or unknown fields", path=path)
    if data["status"] not in FILE_STATUSES:
        raise ScoreFileError(f"{where}.status {data['status']!r} is not one of {', '.join(FILE_STATUSES)}", path=path)
    total = data["total"]
    if total is not None and not isinstance(total, str):
        raise ScoreFileError(f"{where}.total must be a decimal string or null", path=path)
    scores: dict[str, Decimal] = {}
    for criterion_id, value in data["scores"].items():
        try:
            scores[criterion_id] = parse_decimal(value)
        except ValueError as exc:
            raise ScoreFileError(f"{where}.scores.{criterion_id}: {exc}", path=path) from None
    for criterion_id, text in data["comments"].items():
        if not isinstance(text, str):
            raise ScoreFileError(f"{where}.comments.{criterion_id} is not text", path=path)
    return EntryScores(
        entry_id=data["entry_id"],
        status=data["status"],
        scores=scores,
        comments=dict(data["comments"]),
        overall_comment=data["overall_comment"],
        conflict_reason=data["conflict_reason"],
        total=total,
    )
