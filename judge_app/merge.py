"""Merging judges' score files into the contest database.

A file is merged whole or not at all, and only if every rule holds: the
signature verifies, the key is the judge's enrolled key, the bundle was issued
to that judge, the entries are exactly the judge's assignment, every score is
on the rubric's scale, totals add up, a declared conflict carries no score,
and the sequence number moves forward. Every imported file's raw bytes are
kept with its outcome, so the committee can audit what was and was not used.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from .decimals import decimal_str
from .errors import ScoreFileError
from .model import Round
from .scorefile import ScoreFile, parse_score_file, read_score_file_bytes
from .scoring import ScoreError, check_score, total_str, weighted_total
from .secretariat import ContestDatabase, now_utc

ACCEPTED = "accepted"
DUPLICATE = "duplicate"
SUPERSEDED = "superseded"
REJECTED = "rejected"


@dataclass
class MergeOutcome:
    """What happened to one imported file, in words for the secretariat officer."""

    file_name: str
    sha256: str
    status: str
    reason: str
    judge_id: str | None = None
    sequence: int | None = None


class SameSignedScores(Exception):
    """The file's signed payload is one already merged; only bytes outside the signatures differ."""


class Rejection(Exception):
    """A rule the file breaks; the message is shown to the officer as the reason."""


def merge_files(db: ContestDatabase, paths: Iterable[Path], *, progress: Callable[[int, int], None] | None = None) -> list[MergeOutcome]:
    """Import many score files; each is merged whole or rejected with its reason.

    Files of the same judge are taken in sequence order, so dropping an old
    and a new export together keeps the new one (the old one is reported as
    superseded) instead of rejecting the old one as a rollback.
    """
    paths = [Path(p) for p in paths]
    loaded: list[tuple[Path, bytes, ScoreFile | ScoreFileError]] = []
    for path in paths:
        try:
            raw = read_score_file_bytes(path)  # refuses an overlong file before reading it
        except ScoreFileError as exc:
            loaded.append((path, b"", exc))
            continue
        try:
            loaded.append((path, raw, parse_score_file(raw, path=path)))
        except ScoreFileError as exc:
            loaded.append((path, raw, exc))

    def order(item: tuple[Path, bytes, ScoreFile | ScoreFileError]) -> tuple:
        parsed = item[2]
        if isinstance(parsed, ScoreFile):
            return (0, parsed.judge_id, parsed.sequence, item[0].name)
        return (1, "", 0, item[0].name)

    outcomes: dict[Path, MergeOutcome] = {}
    ordered = sorted(loaded, key=order)
    for done, (path, raw, parsed) in enumerate(ordered, start=1):
        outcomes[path] = merge_one(db, _shown_name(path), raw, parsed)
        if progress:
            progress(done, len(ordered))
    _mark_superseded_in_batch(db, outcomes)
    return [outcomes[p] for p in paths]


def _shown_name(path: Path) -> str:
    """The file name as text the database can keep, even when the name is not valid UTF-8."""
    return os.fsencode(path.name).decode("utf-8", "replace")


def _mark_superseded_in_batch(db: ContestDatabase, outcomes: dict[Path, MergeOutcome]) -> None:
    for outcome in outcomes.values():
        if outcome.status == ACCEPTED:
            row = db.score_file_row(outcome.sha256)
            if row and row["outcome"] == "superseded":
                outcome.status = SUPERSEDED
                outcome.reason = "accepted, then replaced by a newer file of the same judge in this import"


def merge_file(db: ContestDatabase, path: Path) -> MergeOutcome:
    return merge_files(db, [path])[0]


def merge_one(db: ContestDatabase, file_name: str, raw: bytes, parsed: ScoreFile | ScoreFileError) -> MergeOutcome:
    """Merge one file already read from disk (see :func:`merge_files`)."""
    sha = hashlib.sha256(raw).hexdigest()
    known = db.score_file_row(sha)
    if known is not None and known["outcome"] != "rejected":
        return MergeOutcome(file_name, sha, DUPLICATE, "this exact file was already imported; nothing changed",
                            known["judge_id"], known["sequence"])
    if known is not None and isinstance(parsed, ScoreFileError):
        return MergeOutcome(file_name, sha, REJECTED, f"already imported and rejected: {known['reason']}",
                            known["judge_id"], known["sequence"])
    if isinstance(parsed, ScoreFileError):
        reason = parsed.message
        _record_rejection(db, sha, raw, file_name, None, None, None, reason)
        return MergeOutcome(file_name, sha, REJECTED, reason)
    try:
        round_ = _check(db, parsed)
    except SameSignedScores as exc:
        # Not stored again: the signed content is already kept, byte for byte, in the merged file.
        return MergeOutcome(file_name, sha, DUPLICATE, str(exc), parsed.judge_id, parsed.sequence)
    except Rejection as exc:
        reason = str(exc)
        if known is not None:
            # Refused before (e.g. the key was not enrolled yet) and still refused: say why now.
            return MergeOutcome(file_name, sha, REJECTED, f"already imported and rejected: {reason}",
                                parsed.judge_id, parsed.sequence)
        _record_rejection(db, sha, raw, file_name, parsed.judge_id, parsed.round_id, parsed.sequence, reason)
        return MergeOutcome(file_name, sha, REJECTED, reason, parsed.judge_id, parsed.sequence)
    previous = db.submission(round_.id, parsed.judge_id)
    _apply(db, parsed, file_name, round_)
    if previous:
        reason = f"merged; replaces sequence {previous['sequence']}"
    else:
        reason = "merged"
    return MergeOutcome(file_name, sha, ACCEPTED, reason, parsed.judge_id, parsed.sequence)


def _record_rejection(db: ContestDatabase, sha: str, raw: bytes, file_name: str, judge_id: str | None,
                      round_id: str | None, sequence: int | None, reason: str) -> None:
    with db.transaction():
        db.conn.execute(
            "INSERT OR IGNORE INTO score_files (sha256, raw, file_name, imported_at, judge_id, round_id, sequence,"
            " outcome, reason) VALUES (?, ?, ?, ?, ?, ?, ?, 'rejected', ?)",
            (sha, raw, file_name, now_utc(), judge_id, round_id, sequence, reason),
        )


def _check(db: ContestDatabase, sf: ScoreFile) -> Round:
    """Every merge rule; raises :class:`Rejection` with the first one broken."""
    contest = db.contest
    if sf.contest_id != contest.id:
        raise Rejection(f"this file belongs to contest {sf.contest_id!r}, not {contest.id!r}")
    try:
        round_ = contest.round(sf.round_id)
    except KeyError:
        raise Rejection(f"this file is for round {sf.round_id!r}, which contest {contest.id} does not have") from None
    try:
        contest.judge(sf.judge_id)
    except KeyError:
        raise Rejection(f"judge {sf.judge_id!r} is not a judge of this contest") from None

    enrolled = db.active_key(sf.judge_id)
    revoked = next((k for k in db.key_history(sf.judge_id)
                    if k.revoked_at is not None and k.public_key == sf.public_key), None)
    if revoked is not None and (enrolled is None or enrolled.public_key != sf.public_key):
        raise Rejection(
            f"signed with key {sf.public_key.fingerprint}, which was revoked for judge {sf.judge_id} on "
            f"{revoked.revoked_at} ({revoked.revoked_why}); the judge must export again with their current key"
        )
    if enrolled is None:
        raise Rejection(
            f"judge {sf.judge_id} has no enrolled key yet; the file is signed by key {sf.public_key.fingerprint}. "
            "Enrol it after comparing that fingerprint with the one on the judge's signed paper sheet"
        )
    if enrolled.public_key != sf.public_key:
        owner = db.judge_of_key(sf.public_key)
        if owner is not None:
            raise Rejection(
                f"the file claims judge {sf.judge_id} but is signed with the key of judge {owner} "
                f"({sf.public_key.fingerprint})"
            )
        raise Rejection(
            f"signed with key {sf.public_key.fingerprint}, which is not judge {sf.judge_id}'s enrolled key "
            f"({enrolled.public_key.fingerprint})"
        )

    bundle = db.bundle(sf.bundle_sha256)
    if bundle is None:
        raise Rejection("the bundle this file answers was never issued by this secretariat")
    if bundle["judge_id"] != sf.judge_id or bundle["round_id"] != sf.round_id:
        raise Rejection(
            f"the bundle this file answers was issued to judge {bundle['judge_id']} (round {bundle['round_id']}), "
            f"not to judge {sf.judge_id}"
        )
    if bundle["bundle_id"] != sf.bundle_id:
        raise Rejection("the bundle id in the file does not match the issued bundle")

    _check_entries(sf, round_)
    _check_sequence(db, sf, round_)
    return round_


def _check_entries(sf: ScoreFile, round_: Round) -> None:
    assigned = list(round_.entries_of(sf.judge_id))
    listed = [e.entry_id for e in sf.entries]
    seen: set[str] = set()
    for entry_id in listed:
        if entry_id in seen:
            raise Rejection(f"entry {entry_id} appears twice in the file")
        seen.add(entry_id)
        if entry_id not in assigned:
            raise Rejection(f"entry {entry_id} is not assigned to judge {sf.judge_id}")
    missing = [e for e in assigned if e not in seen]
    if missing:
        raise Rejection(f"entries assigned to judge {sf.judge_id} are missing from the file: {', '.join(missing)}")

    rubric = round_.rubric
    criterion_ids = set(rubric.criterion_ids)
    for entry in sf.entries:
        unknown = (set(entry.scores) | set(entry.comments)) - criterion_ids
        if unknown:
            raise Rejection(f"entry {entry.entry_id}: unknown criteria {', '.join(sorted(unknown))}")
        if entry.status == "conflict":
            if entry.scores or entry.total is not None:
                raise Rejection(f"entry {entry.entry_id} is declared a conflict of interest but carries scores")
            continue
        if entry.status == "not_scored":
            if entry.scores or entry.total is not None:
                raise Rejection(f"entry {entry.entry_id} is marked not scored but carries scores")
            continue
        missing_criteria = [c for c in rubric.criterion_ids if c not in entry.scores]
        if missing_criteria:
            raise Rejection(f"entry {entry.entry_id} is marked scored but lacks {', '.join(missing_criteria)}")
        for criterion_id, value in entry.scores.items():
            try:
                check_score(rubric.criterion(criterion_id), value)
            except ScoreError as exc:
                raise Rejection(f"entry {entry.entry_id}: {exc}") from None
        expected = total_str(weighted_total(rubric, entry.scores))
        if entry.total != expected:
            raise Rejection(f"entry {entry.entry_id}: the total {entry.total} does not match its scores ({expected})")


def _check_sequence(db: ContestDatabase, sf: ScoreFile, round_: Round) -> None:
    merged = db.merged_sequences(round_.id, sf.judge_id)
    if sf.sequence in merged:
        earlier = db.score_file_row(merged[sf.sequence])
        if earlier is not None and parse_score_file(earlier["raw"]).payload == sf.payload:
            raise SameSignedScores(
                f"the same signed scores as sequence {sf.sequence} already imported; only bytes outside the "
                "signatures differ (for example a comment line or line endings), so nothing changed"
            )
        raise Rejection(
            f"judge {sf.judge_id} already sent a different file with sequence {sf.sequence}: two files with the "
            "same sequence and different content (equivocation); neither is replaced"
        )
    newest = max(merged, default=0)
    if sf.sequence < newest:
        raise Rejection(
            f"sequence {sf.sequence} is older than sequence {newest} already merged for judge {sf.judge_id} "
            "(a stale copy or a rollback)"
        )
    current = db.submission(round_.id, sf.judge_id)
    if current is not None:
        conflicts = {
            row[0]
            for row in db.conn.execute(
                "SELECT entry_id FROM entry_results WHERE round_id = ? AND judge_id = ? AND status = 'conflict'",
                (round_.id, sf.judge_id),
            )
        }
        for entry in sf.entries:
            if entry.entry_id in conflicts and entry.status == "scored":
                raise Rejection(
                    f"entry {entry.entry_id}: judge {sf.judge_id} declared a conflict of interest on it in "
                    f"sequence {current['sequence']}; a later file cannot score it"
                )


def _apply(db: ContestDatabase, sf: ScoreFile, file_name: str, round_: Round) -> None:
    """Replace the judge's merged scores with this file's, in one transaction."""
    with db.transaction():
        conn = db.conn
        conn.execute(
            "UPDATE score_files SET outcome = 'superseded', reason = ? WHERE sha256 IN"
            " (SELECT score_file FROM submissions WHERE round_id = ? AND judge_id = ?)",
            (f"replaced by sequence {sf.sequence}", round_.id, sf.judge_id),
        )
        conn.execute(
            # REPLACE: a file refused earlier (say, before its key was enrolled) can be merged later.
            "INSERT OR REPLACE INTO score_files (sha256, raw, file_name, imported_at, judge_id, round_id, sequence,"
            " outcome, reason) VALUES (?, ?, ?, ?, ?, ?, ?, 'merged', 'merged')",
            (sf.sha256, sf.raw, file_name, now_utc(), sf.judge_id, round_.id, sf.sequence),
        )
        conn.execute("DELETE FROM scores WHERE round_id = ? AND judge_id = ?", (round_.id, sf.judge_id))
        conn.execute("DELETE FROM entry_results WHERE round_id = ? AND judge_id = ?", (round_.id, sf.judge_id))
        conn.execute(
            "INSERT OR REPLACE INTO submissions (round_id, judge_id, score_file, sequence) VALUES (?, ?, ?, ?)",
            (round_.id, sf.judge_id, sf.sha256, sf.sequence),
        )
        conn.executemany(
            "INSERT INTO entry_results (round_id, judge_id, entry_id, status, total, overall_comment,"
            " conflict_reason, score_file) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (round_.id, sf.judge_id, e.entry_id, e.status, e.total, e.overall_comment, e.conflict_reason,
                 sf.sha256)
                for e in sf.entries
            ],
        )
        conn.executemany(
            "INSERT INTO scores (round_id, judge_id, entry_id, criterion_id, score, comment)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (round_.id, sf.judge_id, e.entry_id, criterion_id, decimal_str(value),
                 e.comments.get(criterion_id, ""))
                for e in sf.entries
                for criterion_id, value in e.scores.items()
            ],
        )
