"""A contest database made by the first release (schema 1) opens, upgrades to schema 2, and keeps its results."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from conftest import play_judge
from judge_app.errors import SecretariatError
from judge_app.merge import merge_files
from judge_app.round_results import load_round_results
from judge_app.secretariat import APPLICATION_ID, SCHEMA_VERSION, ContestDatabase

from test_results import copy_issued

#: Schema 1 exactly as the first release wrote it (copied, not imported: the
#: module's own text could change with later releases, this must not).
SCHEMA_1 = """
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
TABLES_1 = ("meta", "judge_keys", "bundles", "score_files", "submissions", "entry_results", "scores")
TABLES_2 = ("judge_ties", "declared_conflicts", "assignment_log", "calibration_entries", "decisions",
            "results_viewed", "paper_sheets", "paper_scores")
VIEWS_2 = ("round_entry_results", "round_scores")


@pytest.fixture(scope="module")
def merged_v2(issued_template, tmp_path_factory) -> Path:
    """A schema-2 database with three judges' signed score files merged (copied from the issued round)."""
    folder = tmp_path_factory.mktemp("v2") / "round"
    issued = copy_issued(issued_template, folder)
    with issued.open_db() as db:
        files = []
        for judge_id in ("J01", "J02", "J03"):
            played = play_judge(issued, judge_id, folder / "played")
            db.enrol_key(judge_id, played.key.public_key, how="test")
            files.append(played.score_file)
        assert all(o.status == "accepted" for o in merge_files(db, files))
    return issued.db_path


def make_v1(source: Path, target: Path, *, extra_ddl: str = "") -> dict[str, list[tuple]]:
    """A schema-1 file built from SCHEMA_1 holding ``source``'s schema-1 rows; returns those rows."""
    conn = sqlite3.connect(target, isolation_level=None)
    conn.executescript(SCHEMA_1 + extra_ddl)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.execute("PRAGMA user_version=1")
    conn.execute("ATTACH DATABASE ? AS src", (str(source),))
    rows = {}
    for table in TABLES_1:
        conn.execute(f"INSERT INTO main.{table} SELECT * FROM src.{table}")
        rows[table] = conn.execute(f"SELECT * FROM main.{table} ORDER BY rowid").fetchall()
    conn.execute("DETACH DATABASE src")
    conn.close()
    assert rows["scores"] and rows["entry_results"]
    return rows


def schema_objects(path: Path) -> set[tuple[str, str]]:
    conn = sqlite3.connect(path)
    objects = set(conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall())
    conn.close()
    return objects


def test_a_schema_1_database_is_upgraded_with_its_data_and_results_intact(merged_v2, tmp_path):
    v1 = tmp_path / "v1.db"
    rows = make_v1(merged_v2, v1)
    assert sqlite3.connect(v1).execute("PRAGMA user_version").fetchone()[0] == 1

    with ContestDatabase.open(v1) as db:
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
        for table, before in rows.items():
            assert db.conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall() == before, table
        upgraded = load_round_results(db, "r1")
        assert all(row["source"] == "signed" for row in db.entry_results("r1"))
    objects = schema_objects(v1)
    assert {("table", t) for t in TABLES_2} | {("view", v) for v in VIEWS_2} <= objects
    assert objects == schema_objects(merged_v2)  # the same schema a new database gets

    with ContestDatabase.open(merged_v2) as db:
        original = load_round_results(db, "r1")
    assert [(r.entry.id, r.rank, r.totals, r.conflicts, r.criterion_scores) for r in upgraded.results] == [
        (r.entry.id, r.rank, r.totals, r.conflicts, r.criterion_scores) for r in original.results]
    assert (upgraded.alpha, upgraded.severity, upgraded.stability) == (original.alpha, original.severity,
                                                                       original.stability)
    # Opening again finds nothing left to upgrade.
    with ContestDatabase.open(v1) as db:
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == 2


def test_a_failed_upgrade_leaves_the_schema_1_database_as_it_was(merged_v2, tmp_path):
    v1 = tmp_path / "v1.db"
    # A stray table of the same name makes the upgrade's CREATE TABLE fail half-way through.
    rows = make_v1(merged_v2, v1, extra_ddl="CREATE TABLE decisions (x);")
    before = schema_objects(v1)
    with pytest.raises(SecretariatError, match="cannot be opened as a contest database"):
        ContestDatabase.open(v1)
    conn = sqlite3.connect(v1)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert schema_objects(v1) == before
    for table, expected in rows.items():
        assert conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall() == expected
