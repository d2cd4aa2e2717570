"""A judge's workspace: one SQLite file per opened bundle.

It holds conflict declarations, scores, comments and an append-only change
log. Every change is one transaction committed with ``synchronous=FULL``
before the call returns, so what the app reports as saved survives the
process being killed or the power going out. Reopening the same bundle
resumes exactly where the judge left off.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Iterator

import sqlite_utils

from .bundle import OpenedBundle
from .decimals import decimal_str, parse_decimal
from .transactions import Transaction
from .errors import WorkspaceError
from .scoring import EntryStatus, ScoreError, check_score, weighted_total

#: Marks a SQLite file as a judge workspace ("DLGW"), so a stray file is recognised.
APPLICATION_ID = 0x444C4757
SCHEMA_VERSION = 1
OVERALL = ""  # criterion id under which the overall comment of an entry is kept

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE conflicts (
    entry_id TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    declared_at TEXT NOT NULL
);
CREATE TABLE scores (
    entry_id TEXT NOT NULL,
    criterion_id TEXT NOT NULL,
    score TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    PRIMARY KEY (entry_id, criterion_id)
);
CREATE TABLE comments (
    entry_id TEXT NOT NULL,
    criterion_id TEXT NOT NULL,
    text TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    PRIMARY KEY (entry_id, criterion_id)
);
CREATE TABLE change_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    judge_id TEXT NOT NULL,
    action TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    criterion_id TEXT,
    old_value TEXT,
    new_value TEXT
);
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
CREATE TABLE exports (
    sequence INTEGER PRIMARY KEY,
    exported_at TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    file_name TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class EntryState:
    """Everything the judge has recorded about one entry."""

    entry_id: str
    status: EntryStatus
    scores: dict[str, Decimal]
    comments: dict[str, str]
    overall_comment: str
    conflict_reason: str | None
    total: Fraction | None


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _status(conflict: bool, scored: int, criteria: int, commented: bool) -> EntryStatus:
    """An entry's status from what is recorded about it (one rule for one entry and for all)."""
    if conflict:
        return EntryStatus.CONFLICT
    if scored == criteria:
        return EntryStatus.SCORED
    if scored or commented:
        return EntryStatus.IN_PROGRESS
    return EntryStatus.NOT_STARTED


def workspace_path(data_dir: Path, bundle: OpenedBundle) -> Path:
    """The workspace file of a bundle: one per contest, round, judge and bundle."""
    name = f"{bundle.contest.id}-{bundle.round.id}-{bundle.judge.id}-{bundle.sha256[:16]}.sqlite"
    return Path(data_dir) / "workspaces" / name


class Workspace:
    """A judge's durable record of conflicts, scores and comments for one bundle."""

    def __init__(self, path: Path, bundle: OpenedBundle):
        self.path = Path(path)
        self.bundle = bundle
        self.rubric = bundle.round.rubric
        self._assigned = set(bundle.entry_ids)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None)
            self.db = sqlite_utils.Database(self._conn)
            self._prepare()
        except sqlite3.DatabaseError as exc:
            raise WorkspaceError(f"the workspace cannot be opened ({exc})", path=self.path) from None

    @classmethod
    def open_for(cls, data_dir: Path, bundle: OpenedBundle) -> "Workspace":
        return cls(workspace_path(data_dir, bundle), bundle)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ set-up

    def _prepare(self) -> None:
        conn = self._conn
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables and app_id != APPLICATION_ID:
            raise WorkspaceError("this file is not a judge workspace", path=self.path)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        if not tables:
            meta = {
                "bundle_sha256": self.bundle.sha256,
                "bundle_id": self.bundle.bundle_id,
                "contest_id": self.bundle.contest.id,
                "round_id": self.bundle.round.id,
                "judge_id": self.bundle.judge.id,
                "created_at": _now(),
            }
            inserts = "".join(
                f"INSERT INTO meta (key, value) VALUES ({_quote(k)}, {_quote(v)});" for k, v in meta.items()
            )
            # One script, one transaction: a workspace is created whole or not at all.
            conn.executescript(
                "BEGIN IMMEDIATE;" + _SCHEMA + inserts
                + f"PRAGMA application_id={APPLICATION_ID};PRAGMA user_version={SCHEMA_VERSION};COMMIT;"
            )
            return
        if version > SCHEMA_VERSION:
            raise WorkspaceError(
                f"this workspace was made by a newer version of the app (schema {version})", path=self.path
            )
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise WorkspaceError(f"the workspace is damaged ({check}); it was left as it is", path=self.path)
        stored = self.meta("bundle_sha256")
        if stored != self.bundle.sha256:
            raise WorkspaceError("this workspace belongs to another bundle", path=self.path)

    def meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    # ------------------------------------------------------------ changes

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One durable transaction; a database failure becomes a message a judge can act on."""
        try:
            with Transaction(self._conn):
                yield
        except sqlite3.OperationalError as exc:
            raise WorkspaceError(
                f"the change could not be saved ({exc}); check that the disk has space and try again — "
                "everything saved before is safe",
                path=self.path,
            ) from None
        except sqlite3.DatabaseError as exc:
            raise WorkspaceError(f"the workspace could not be changed ({exc})", path=self.path) from None

    def _log(self, action: str, entry_id: str, criterion_id: str | None, old: str | None, new: str | None) -> None:
        self._conn.execute(
            "INSERT INTO change_log (at, judge_id, action, entry_id, criterion_id, old_value, new_value)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (_now(), self.bundle.judge.id, action, entry_id, criterion_id, old, new),
        )

    def _require_entry(self, entry_id: str) -> None:
        if entry_id not in self._assigned:
            raise WorkspaceError(f"entry {entry_id} is not assigned to you in this bundle")

    def _require_no_conflict(self, entry_id: str) -> None:
        if self.conflict_reason(entry_id) is not None:
            raise WorkspaceError(
                f"you declared a conflict of interest on entry {entry_id}; it cannot be scored"
            )

    def set_score(self, entry_id: str, criterion_id: str, value: Decimal | str | None) -> None:
        """Record (or clear, with ``None``) one criterion's score, durably."""
        self._require_entry(entry_id)
        self._require_no_conflict(entry_id)
        try:
            criterion = self.rubric.criterion(criterion_id)
        except KeyError:
            raise WorkspaceError(f"the rubric has no criterion {criterion_id}") from None
        new = None
        if value is not None:
            try:
                new = decimal_str(check_score(criterion, value))
            except ScoreError as exc:
                raise WorkspaceError(f"entry {entry_id}: {exc}") from None
        with self._transaction():
            row = self._conn.execute(
                "SELECT score FROM scores WHERE entry_id = ? AND criterion_id = ?", (entry_id, criterion_id)
            ).fetchone()
            old = row[0] if row else None
            if old == new:
                return
            if new is None:
                self._conn.execute(
                    "DELETE FROM scores WHERE entry_id = ? AND criterion_id = ?", (entry_id, criterion_id)
                )
            else:
                self._conn.execute(
                    "INSERT INTO scores (entry_id, criterion_id, score, changed_at) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (entry_id, criterion_id) DO UPDATE SET score = excluded.score,"
                    " changed_at = excluded.changed_at",
                    (entry_id, criterion_id, new, _now()),
                )
            self._log("score", entry_id, criterion_id, old, new)

    def set_scores(self, entry_id: str, scores: dict[str, Decimal | str | None]) -> None:
        """Record several criteria of one entry in one transaction (all or none)."""
        with self._transaction():
            for criterion_id, value in scores.items():
                self.set_score(entry_id, criterion_id, value)

    def set_comment(self, entry_id: str, criterion_id: str | None, text: str) -> None:
        """Record a comment on one criterion, or the overall comment with ``None``."""
        self._require_entry(entry_id)
        key = OVERALL if criterion_id is None else criterion_id
        if criterion_id is not None and criterion_id not in self.rubric.criterion_ids:
            raise WorkspaceError(f"the rubric has no criterion {criterion_id}")
        with self._transaction():
            row = self._conn.execute(
                "SELECT text FROM comments WHERE entry_id = ? AND criterion_id = ?", (entry_id, key)
            ).fetchone()
            old = row[0] if row else None
            new = text if text.strip() else None
            if old == new:
                return
            if new is None:
                self._conn.execute("DELETE FROM comments WHERE entry_id = ? AND criterion_id = ?", (entry_id, key))
            else:
                self._conn.execute(
                    "INSERT INTO comments (entry_id, criterion_id, text, changed_at) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (entry_id, criterion_id) DO UPDATE SET text = excluded.text,"
                    " changed_at = excluded.changed_at",
                    (entry_id, key, new, _now()),
                )
            self._log("comment", entry_id, key, old, new)

    def declare_conflict(self, entry_id: str, reason: str = "") -> None:
        """Declare a conflict of interest; the entry's scores are set aside (kept in the log)."""
        self._require_entry(entry_id)
        with self._transaction():
            if self.conflict_reason(entry_id) is not None:
                return
            for criterion_id, score in self._conn.execute(
                "SELECT criterion_id, score FROM scores WHERE entry_id = ?", (entry_id,)
            ).fetchall():
                self._log("score", entry_id, criterion_id, score, None)
            self._conn.execute("DELETE FROM scores WHERE entry_id = ?", (entry_id,))
            self._conn.execute(
                "INSERT INTO conflicts (entry_id, reason, declared_at) VALUES (?, ?, ?)",
                (entry_id, reason.strip(), _now()),
            )
            self._log("conflict_declared", entry_id, None, None, reason.strip())

    def withdraw_conflict(self, entry_id: str, *, restore_scores: dict[str, Decimal | str] | None = None) -> None:
        """Take back a conflict declaration made by mistake (logged like any change).

        ``restore_scores`` puts back the scores the declaration set aside, in the
        same transaction, so an undo never leaves the entry with neither.
        """
        self._require_entry(entry_id)
        with self._transaction():
            reason = self.conflict_reason(entry_id)
            if reason is None:
                return
            self._conn.execute("DELETE FROM conflicts WHERE entry_id = ?", (entry_id,))
            self._log("conflict_withdrawn", entry_id, None, reason, None)
            if restore_scores:
                self.set_scores(entry_id, dict(restore_scores))

    # ------------------------------------------------------------ reading

    def conflict_reason(self, entry_id: str) -> str | None:
        row = self._conn.execute("SELECT reason FROM conflicts WHERE entry_id = ?", (entry_id,)).fetchone()
        return row[0] if row else None

    def scores_of(self, entry_id: str) -> dict[str, Decimal]:
        rows = self._conn.execute("SELECT criterion_id, score FROM scores WHERE entry_id = ?", (entry_id,))
        return {criterion_id: parse_decimal(score) for criterion_id, score in rows}

    def comments_of(self, entry_id: str) -> dict[str, str]:
        rows = self._conn.execute("SELECT criterion_id, text FROM comments WHERE entry_id = ?", (entry_id,))
        return dict(rows.fetchall())

    def state(self, entry_id: str) -> EntryState:
        """The whole record of one entry, with its status and exact total."""
        self._require_entry(entry_id)
        return self._state_of(entry_id, self.scores_of(entry_id), self.comments_of(entry_id),
                              self.conflict_reason(entry_id))

    def _state_of(self, entry_id: str, scores: dict[str, Decimal], comments: dict[str, str],
                  reason: str | None) -> EntryState:
        overall = comments.pop(OVERALL, "")
        status = _status(reason is not None, len(scores), len(self.rubric.criteria), bool(comments or overall))
        total = weighted_total(self.rubric, scores) if status is EntryStatus.SCORED else None
        return EntryState(entry_id, status, scores, comments, overall, reason, total)

    def states(self) -> list[EntryState]:
        """Every entry's record in bundle order, read in three queries (a bundle may hold thousands)."""
        scores: dict[str, dict[str, Decimal]] = {}
        for entry_id, criterion_id, score in self._conn.execute(
            "SELECT entry_id, criterion_id, score FROM scores ORDER BY entry_id, criterion_id"
        ):
            scores.setdefault(entry_id, {})[criterion_id] = parse_decimal(score)
        comments: dict[str, dict[str, str]] = {}
        for entry_id, criterion_id, text in self._conn.execute(
            "SELECT entry_id, criterion_id, text FROM comments ORDER BY entry_id, criterion_id"
        ):
            comments.setdefault(entry_id, {})[criterion_id] = text
        reasons = dict(self._conn.execute("SELECT entry_id, reason FROM conflicts").fetchall())
        return [
            self._state_of(entry_id, scores.get(entry_id, {}), comments.get(entry_id, {}), reasons.get(entry_id))
            for entry_id in self.bundle.entry_ids
        ]

    def statuses(self) -> dict[str, EntryStatus]:
        """Every entry's status, without reading its scores (cheap enough for a list of thousands)."""
        scored = dict(self._conn.execute("SELECT entry_id, count(*) FROM scores GROUP BY entry_id").fetchall())
        commented = {row[0] for row in self._conn.execute("SELECT DISTINCT entry_id FROM comments")}
        conflicts = {row[0] for row in self._conn.execute("SELECT entry_id FROM conflicts")}
        criteria = len(self.rubric.criteria)
        return {
            entry_id: _status(entry_id in conflicts, scored.get(entry_id, 0), criteria, entry_id in commented)
            for entry_id in self.bundle.entry_ids
        }

    def change_log(self) -> list[dict[str, object]]:
        return list(self.db["change_log"].rows_where(order_by="id"))

    # ------------------------------------------------------------ exports

    def next_sequence(self) -> int:
        row = self._conn.execute("SELECT max(sequence) FROM exports").fetchone()
        return (row[0] or 0) + 1

    def reserve_sequence(self, file_name: str) -> int:
        """Take the next export sequence number for good, before the file is written."""
        with self._transaction():
            sequence = self.next_sequence()
            self._conn.execute(
                "INSERT INTO exports (sequence, exported_at, sha256, file_name) VALUES (?, ?, '', ?)",
                (sequence, _now(), file_name),
            )
        return sequence

    def complete_export(self, sequence: int, sha256: str) -> None:
        with self._transaction():
            self._conn.execute("UPDATE exports SET sha256 = ? WHERE sequence = ?", (sha256, sequence))

    def exports(self) -> list[dict[str, object]]:
        return list(self.db["exports"].rows_where(order_by="sequence"))
