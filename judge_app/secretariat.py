"""The secretariat's contest database: one SQLite file per contest.

It holds the contest (as its validated JSON), the judges' enrolled public
keys with their history, the bundles issued, the raw bytes of every score file
ever imported (accepted or not, for audit), and the merged scores.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator, Sequence

import sqlite_utils

from .transactions import Transaction
from .errors import SecretariatError
from .keys import PublicKey
from .contest_json import contest_from_json, contest_to_json
from .model import Contest, Entry

#: Marks a SQLite file as a contest database ("DLGS").
APPLICATION_ID = 0x444C4753
SCHEMA_VERSION = 2

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE judge_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    judge_id TEXT NOT NULL,
    public_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    enrolled_how TEXT NOT NULL,
    revoked_at TEXT,
    revoked_why TEXT
);
CREATE UNIQUE INDEX one_active_key ON judge_keys (judge_id) WHERE revoked_at IS NULL;
CREATE TABLE bundles (
    sha256 TEXT PRIMARY KEY,
    bundle_id TEXT NOT NULL,
    round_id TEXT NOT NULL,
    judge_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    entry_count INTEGER NOT NULL,
    issued_at TEXT NOT NULL
);
CREATE TABLE score_files (
    sha256 TEXT PRIMARY KEY,
    raw BLOB NOT NULL,
    file_name TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    judge_id TEXT,
    round_id TEXT,
    sequence INTEGER,
    outcome TEXT NOT NULL CHECK (outcome IN ('merged', 'superseded', 'rejected')),
    reason TEXT NOT NULL
);
CREATE TABLE submissions (
    round_id TEXT NOT NULL,
    judge_id TEXT NOT NULL,
    score_file TEXT NOT NULL REFERENCES score_files (sha256),
    sequence INTEGER NOT NULL,
    PRIMARY KEY (round_id, judge_id)
);
CREATE TABLE entry_results (
    round_id TEXT NOT NULL,
    judge_id TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    status TEXT NOT NULL,
    total TEXT,
    overall_comment TEXT NOT NULL,
    conflict_reason TEXT NOT NULL,
    score_file TEXT NOT NULL REFERENCES score_files (sha256),
    PRIMARY KEY (round_id, judge_id, entry_id)
);
CREATE TABLE scores (
    round_id TEXT NOT NULL,
    judge_id TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    criterion_id TEXT NOT NULL,
    score TEXT NOT NULL,
    comment TEXT NOT NULL,
    PRIMARY KEY (round_id, judge_id, entry_id, criterion_id)
);
"""

#: Schema 2: the officer's own records beside the judges' signed files. Each
#: table is written by one core module (named in its comment); the two views are
#: what results read, so paper-entered sheets count wherever signed ones do and
#: always carry ``source = 'paper'``.
_SCHEMA_2 = """
-- assignment.py / panel.py: what ties a judge to an organisation or province (officer's rules)
CREATE TABLE judge_ties (
    judge_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('province', 'organisation')),
    value TEXT NOT NULL,
    noted_at TEXT NOT NULL,
    PRIMARY KEY (judge_id, kind, value)
);
-- conflicts a judge declared to the secretariat before or outside a score file
CREATE TABLE declared_conflicts (
    round_id TEXT NOT NULL,
    judge_id TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    declared_at TEXT NOT NULL,
    PRIMARY KEY (round_id, judge_id, entry_id)
);
-- every automatic assignment and manual change, for the audit trail
CREATE TABLE assignment_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    round_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('auto', 'add', 'remove')),
    judge_id TEXT,
    entry_id TEXT,
    detail TEXT NOT NULL,
    at TEXT NOT NULL
);
-- entries every judge scores first to share a scale, left out of the ranking
CREATE TABLE calibration_entries (
    round_id TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    PRIMARY KEY (round_id, entry_id)
);
-- the officer's decisions (the ranking method …), with whether results had been seen by then
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    round_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    results_seen_before INTEGER NOT NULL
);
CREATE TABLE results_viewed (
    round_id TEXT PRIMARY KEY,
    first_viewed_at TEXT NOT NULL
);
-- paper.py: sheets a judge scored on paper, typed in twice by an officer, with the scan
CREATE TABLE paper_sheets (
    round_id TEXT NOT NULL,
    judge_id TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('scored', 'conflict')),
    total TEXT,
    overall_comment TEXT NOT NULL,
    conflict_reason TEXT NOT NULL,
    scan_sha256 TEXT NOT NULL,
    scan_name TEXT NOT NULL,
    scan BLOB NOT NULL,
    entered_by TEXT NOT NULL,
    entered_at TEXT NOT NULL,
    PRIMARY KEY (round_id, judge_id, entry_id)
);
CREATE TABLE paper_scores (
    round_id TEXT NOT NULL,
    judge_id TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    criterion_id TEXT NOT NULL,
    score TEXT NOT NULL,
    comment TEXT NOT NULL,
    PRIMARY KEY (round_id, judge_id, entry_id, criterion_id)
);
-- A signed file's scored or conflict row wins over a paper sheet for the same
-- judge and entry, and a paper sheet fills in what the signed file left unscored.
CREATE VIEW round_entry_results AS
    SELECT e.round_id, e.judge_id, e.entry_id, e.status, e.total, e.overall_comment, e.conflict_reason,
           'signed' AS source
    FROM entry_results e
    WHERE e.status IN ('scored', 'conflict') OR NOT EXISTS (
        SELECT 1 FROM paper_sheets p
        WHERE p.round_id = e.round_id AND p.judge_id = e.judge_id AND p.entry_id = e.entry_id)
    UNION ALL
    SELECT p.round_id, p.judge_id, p.entry_id, p.status, p.total, p.overall_comment, p.conflict_reason,
           'paper' AS source
    FROM paper_sheets p
    WHERE NOT EXISTS (
        SELECT 1 FROM entry_results e
        WHERE e.round_id = p.round_id AND e.judge_id = p.judge_id AND e.entry_id = p.entry_id
          AND e.status IN ('scored', 'conflict'));
CREATE VIEW round_scores AS
    SELECT s.round_id, s.judge_id, s.entry_id, s.criterion_id, s.score, s.comment, 'signed' AS source
    FROM scores s
    UNION ALL
    SELECT p.round_id, p.judge_id, p.entry_id, p.criterion_id, p.score, p.comment, 'paper' AS source
    FROM paper_scores p
    WHERE NOT EXISTS (
        SELECT 1 FROM entry_results e
        WHERE e.round_id = p.round_id AND e.judge_id = p.judge_id AND e.entry_id = p.entry_id
          AND e.status IN ('scored', 'conflict'));
"""

#: user_version → the statements that bring a database from the previous version to it.
_MIGRATIONS = {2: _SCHEMA_2}


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run ``;``-separated statements one by one inside the caller's transaction.

    ``executescript`` would commit first; views contain no ``;`` of their own.
    """
    for statement in script.split(";"):
        if statement.strip() and not all(
                line.strip().startswith("--") or not line.strip() for line in statement.splitlines()):
            conn.execute(statement)


def _upgrade(conn: sqlite3.Connection, version: int) -> None:
    """Bring an older database up to this schema in one transaction (nothing changes on failure)."""
    if version >= SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for target in range(version + 1, SCHEMA_VERSION + 1):
            _run_script(conn, _MIGRATIONS[target])
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def now_utc() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class EnrolledKey:
    judge_id: str
    public_key: PublicKey
    enrolled_at: str
    enrolled_how: str
    revoked_at: str | None
    revoked_why: str | None


class ContestDatabase:
    """Open contest database; every change runs in one transaction."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = Path(path)
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self._contest: Contest | None = None

    # ------------------------------------------------------------ life cycle

    @classmethod
    def create(cls, path: Path, contest: Contest, attachments_root: Path, secretariat_key: PublicKey) -> "ContestDatabase":
        """Make a new contest database; refuses to overwrite an existing file."""
        path = Path(path)
        if path.exists():
            raise SecretariatError("a contest database already exists here; it was left as it is", path=path)
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        meta = {
            "contest_json": json.dumps(contest_to_json(contest), ensure_ascii=False),
            "attachments_root": str(Path(attachments_root).resolve()),
            "secretariat_public_key": secretariat_key.to_base64(),
            "created_at": now_utc(),
        }
        conn.execute("BEGIN IMMEDIATE")
        try:
            _run_script(conn, _SCHEMA)
            for version in sorted(_MIGRATIONS):
                _run_script(conn, _MIGRATIONS[version])
            conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            conn.close()
            path.unlink(missing_ok=True)
            raise
        return cls(path, conn)

    @classmethod
    def open(cls, path: Path) -> "ContestDatabase":
        path = Path(path)
        if not path.is_file():
            raise SecretariatError("no contest database here", path=path)
        conn = None
        try:
            conn = sqlite3.connect(path, isolation_level=None)
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            if app_id != APPLICATION_ID:
                conn.close()
                raise SecretariatError("this file is not a contest database", path=path)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                conn.close()
                raise SecretariatError(f"made by a newer version of the app (schema {version})", path=path)
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                conn.close()
                raise SecretariatError(f"the database is damaged ({check})", path=path)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            _upgrade(conn, version)
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            raise SecretariatError(f"cannot be opened as a contest database ({exc})", path=path) from None
        return cls(path, conn)

    def close(self) -> None:
        self.conn.close()

    @classmethod
    def open_same(cls, other: "ContestDatabase") -> "ContestDatabase":
        """Another connection to the same file, for work on another thread."""
        return cls.open(other.path)

    def __enter__(self) -> "ContestDatabase":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def transaction(self) -> Transaction:
        return Transaction(self.conn)

    # ------------------------------------------------------------ contest

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def meta(self, key: str) -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise SecretariatError(f"the database has no {key!r}", path=self.path)
        return row[0]

    @property
    def contest(self) -> Contest:
        if self._contest is None:
            self._contest = contest_from_json(json.loads(self.meta("contest_json")))
        return self._contest

    @property
    def attachments_root(self) -> Path:
        return Path(self.meta("attachments_root"))

    @property
    def secretariat_key(self) -> PublicKey:
        return PublicKey.from_base64(self.meta("secretariat_public_key"))

    def add_entries(self, entries: Sequence[Entry]) -> int:
        """Add new entries to the contest (validated as a whole); return how many were added.

        Entries already present are left as they are: changing an entry the judges
        may already hold in a bundle is a decision for a person, not an import.
        """
        contest = self.contest
        known = {e.id for e in contest.entries}
        fresh = [e for e in entries if e.id not in known]
        if not fresh:
            return 0
        updated = contest_from_json(contest_to_json(replace(contest, entries=contest.entries + tuple(fresh))))
        with self.transaction():
            self.conn.execute("UPDATE meta SET value = ? WHERE key = 'contest_json'",
                              (json.dumps(contest_to_json(updated), ensure_ascii=False),))
        self._contest = updated
        return len(fresh)

    # ------------------------------------------------------------ judge keys

    def enrol_key(self, judge_id: str, key: PublicKey, *, how: str) -> None:
        """Register a judge's public key; from then on only that key is accepted."""
        self._require_judge(judge_id)
        with self.transaction():
            owner = self.conn.execute(
                "SELECT judge_id FROM judge_keys WHERE public_key = ? AND revoked_at IS NULL", (key.to_base64(),)
            ).fetchone()
            if owner and owner[0] != judge_id:
                raise SecretariatError(f"key {key.fingerprint} is already enrolled for judge {owner[0]}")
            active = self.active_key(judge_id)
            if active is not None:
                if active.public_key == key:
                    return
                raise SecretariatError(
                    f"judge {judge_id} already has key {active.public_key.fingerprint}; "
                    "replace it explicitly (revoke first) if the judge really has a new key"
                )
            self.conn.execute(
                "INSERT INTO judge_keys (judge_id, public_key, fingerprint, enrolled_at, enrolled_how)"
                " VALUES (?, ?, ?, ?, ?)",
                (judge_id, key.to_base64(), key.fingerprint, now_utc(), how),
            )

    def revoke_key(self, judge_id: str, why: str) -> None:
        """Retire a judge's active key (kept in the history) so a new one can be enrolled."""
        with self.transaction():
            changed = self.conn.execute(
                "UPDATE judge_keys SET revoked_at = ?, revoked_why = ? WHERE judge_id = ? AND revoked_at IS NULL",
                (now_utc(), why, judge_id),
            ).rowcount
        if not changed:
            raise SecretariatError(f"judge {judge_id} has no active key to revoke")

    def active_key(self, judge_id: str) -> EnrolledKey | None:
        for key in self.key_history(judge_id):
            if key.revoked_at is None:
                return key
        return None

    def key_history(self, judge_id: str) -> list[EnrolledKey]:
        rows = self.conn.execute(
            "SELECT judge_id, public_key, enrolled_at, enrolled_how, revoked_at, revoked_why"
            " FROM judge_keys WHERE judge_id = ? ORDER BY id",
            (judge_id,),
        ).fetchall()
        return [EnrolledKey(r[0], PublicKey.from_base64(r[1]), r[2], r[3], r[4], r[5]) for r in rows]

    def judge_of_key(self, key: PublicKey) -> str | None:
        row = self.conn.execute(
            "SELECT judge_id FROM judge_keys WHERE public_key = ? AND revoked_at IS NULL", (key.to_base64(),)
        ).fetchone()
        return row[0] if row else None

    def _require_judge(self, judge_id: str) -> None:
        try:
            self.contest.judge(judge_id)
        except KeyError:
            raise SecretariatError(f"there is no judge {judge_id} in contest {self.contest.id}") from None

    # ------------------------------------------------------------ bundles

    def record_bundle(self, *, sha256: str, bundle_id: str, round_id: str, judge_id: str,
                      file_name: str, entry_count: int, issued_at: str) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT OR REPLACE INTO bundles (sha256, bundle_id, round_id, judge_id, file_name, entry_count,"
                " issued_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (sha256, bundle_id, round_id, judge_id, file_name, entry_count, issued_at),
            )

    def bundle(self, sha256: str) -> dict | None:
        rows = list(self.db["bundles"].rows_where("sha256 = ?", [sha256]))
        return rows[0] if rows else None

    def bundles(self) -> list[dict]:
        return list(self.db["bundles"].rows_where(order_by="judge_id, issued_at"))

    # ------------------------------------------------------------ score files

    def score_file_row(self, sha256: str) -> dict | None:
        rows = list(self.db["score_files"].rows_where("sha256 = ?", [sha256]))
        return rows[0] if rows else None

    def score_files(self) -> list[dict]:
        return list(self.db["score_files"].rows_where(
            select="sha256, file_name, imported_at, judge_id, round_id, sequence, outcome, reason",
            order_by="imported_at, judge_id, sequence"))

    def submission(self, round_id: str, judge_id: str) -> dict | None:
        rows = list(self.db["submissions"].rows_where("round_id = ? AND judge_id = ?", [round_id, judge_id]))
        return rows[0] if rows else None

    def merged_sequences(self, round_id: str, judge_id: str) -> dict[int, str]:
        """Sequence → score-file hash of every file of this judge ever merged (current or superseded)."""
        rows = self.conn.execute(
            "SELECT sequence, sha256 FROM score_files WHERE round_id = ? AND judge_id = ?"
            " AND outcome IN ('merged', 'superseded')",
            (round_id, judge_id),
        )
        return dict(rows.fetchall())

    def entry_results(self, round_id: str) -> Iterator[dict]:
        """Each judge's standing on each entry, signed files and paper sheets together (``source``)."""
        return self.db["round_entry_results"].rows_where(
            "round_id = ?", [round_id], order_by="entry_id, judge_id")

    def merged_scores(self, round_id: str) -> Iterator[dict]:
        """Every criterion score, signed and paper-entered (``source``)."""
        return self.db["round_scores"].rows_where("round_id = ?", [round_id])
