"""The judge workspace: real SQLite files, reopened, and killed mid-work."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from judge_app.errors import WorkspaceError
from judge_app.judging import JudgeSession
from judge_app.scoring import EntryStatus


@pytest.fixture
def session(issued, judge_data_dir):
    with JudgeSession.open(issued.bundles["J01"], data_dir=judge_data_dir) as opened:
        yield opened


def test_scores_comments_and_status(session):
    ws = session.workspace
    rubric = session.bundle.round.rubric
    entry = session.bundle.entry_ids[0]
    assert ws.state(entry).status is EntryStatus.NOT_STARTED
    ws.set_score(entry, rubric.criteria[0].id, "3.5")
    assert ws.state(entry).status is EntryStatus.IN_PROGRESS
    for criterion in rubric.criteria[1:]:
        ws.set_score(entry, criterion.id, "4")
    ws.set_comment(entry, None, "ผลงานมีความโดดเด่นด้านการบริการประชาชน")
    state = ws.state(entry)
    assert state.status is EntryStatus.SCORED
    expected = sum(
        (Fraction(c.weight) * Fraction(Decimal("3.5") if i == 0 else Decimal(4)) / Fraction(c.scale_max)
         for i, c in enumerate(rubric.criteria)),
        Fraction(0),
    )
    assert state.total == expected
    assert state.overall_comment == "ผลงานมีความโดดเด่นด้านการบริการประชาชน"
    ws.set_score(entry, rubric.criteria[0].id, None)
    assert ws.state(entry).status is EntryStatus.IN_PROGRESS
    assert rubric.criteria[0].id not in ws.state(entry).scores


@pytest.mark.parametrize("value, phrase", [("5.5", "outside the scale"), ("0", "outside the scale"),
                                           ("3.25", "not on the scale's steps"), ("three", "not a plain decimal")])
def test_invalid_scores_are_refused_and_nothing_changes(session, value, phrase):
    ws = session.workspace
    entry = session.bundle.entry_ids[0]
    criterion = session.bundle.round.rubric.criteria[0].id
    ws.set_score(entry, criterion, "3")
    with pytest.raises(WorkspaceError, match=phrase):
        ws.set_score(entry, criterion, value)
    assert ws.scores_of(entry) == {criterion: Decimal(3)}


def test_conflict_blocks_scoring_and_sets_scores_aside(session):
    ws = session.workspace
    entry = session.bundle.entry_ids[1]
    criterion = session.bundle.round.rubric.criteria[0].id
    ws.set_score(entry, criterion, "4")
    ws.declare_conflict(entry, "เคยเป็นที่ปรึกษาของหน่วยงานนี้")
    state = ws.state(entry)
    assert state.status is EntryStatus.CONFLICT and state.scores == {} and state.total is None
    with pytest.raises(WorkspaceError, match="conflict of interest"):
        ws.set_score(entry, criterion, "3")
    actions = [row["action"] for row in ws.change_log() if row["entry_id"] == entry]
    assert actions == ["score", "score", "conflict_declared"]
    ws.withdraw_conflict(entry)
    assert ws.state(entry).status is EntryStatus.NOT_STARTED


def test_entries_of_other_judges_and_unknown_criteria_are_refused(session, issued):
    other = issued.contest.rounds[0].entries_of("J02")
    foreign = next(e for e in other if e not in session.bundle.entry_ids)
    with pytest.raises(WorkspaceError, match="not assigned to you"):
        session.workspace.set_score(foreign, "C1", "3")
    with pytest.raises(WorkspaceError, match="no criterion"):
        session.workspace.set_score(session.bundle.entry_ids[0], "C99", "3")


def test_change_log_is_append_only(session):
    ws = session.workspace
    ws.set_score(session.bundle.entry_ids[0], "C1", "2")
    conn = sqlite3.connect(ws.path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE change_log SET new_value = '5'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM change_log")
    conn.close()
    log = ws.change_log()
    assert [(r["action"], r["criterion_id"], r["old_value"], r["new_value"], r["judge_id"]) for r in log] == [
        ("score", "C1", None, "2", "J01")
    ]


def test_reopen_resumes_exactly(issued, judge_data_dir):
    with JudgeSession.open(issued.bundles["J01"], data_dir=judge_data_dir) as first:
        entries = first.bundle.entry_ids
        first.workspace.set_scores(entries[0], {"C1": "4.5", "C2": "3"})
        first.workspace.declare_conflict(entries[2], "ญาติทำงานที่หน่วยงาน")
        first.workspace.set_comment(entries[0], "C1", "ใช้งานได้จริงทั้งตำบล")
        path = first.workspace.path
        before = [first.workspace.state(e) for e in entries]
    with JudgeSession.open(issued.bundles["J01"], data_dir=judge_data_dir) as again:
        assert again.workspace.path == path
        assert [again.workspace.state(e) for e in entries] == before
        check = sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0]
        assert check == "ok"


def test_a_file_that_is_not_a_workspace_is_refused(issued, judge_data_dir, tmp_path):
    from judge_app.bundle import open_bundle
    from judge_app.workspace import Workspace

    stray = tmp_path / "stray.sqlite"
    sqlite3.connect(stray).execute("CREATE TABLE x (y)").connection.commit()
    bundle = open_bundle(issued.bundles["J01"], None)
    with pytest.raises(WorkspaceError, match="not a judge workspace"):
        Workspace(stray, bundle)


WRITER = textwrap.dedent(
    """
    import sys
    from judge_app.judging import JudgeSession
    session = JudgeSession.open(sys.argv[1], data_dir=sys.argv[2])
    ws = session.workspace
    entries = session.bundle.entry_ids
    criteria = session.bundle.round.rubric.criterion_ids
    values = ["1", "1.5", "2", "2.5", "3", "3.5", "4", "4.5", "5"]
    n = 0
    while True:
        entry = entries[n % len(entries)]
        criterion = criteria[(n // len(entries)) % len(criteria)]
        value = values[n % len(values)]
        ws.set_score(entry, criterion, value)
        print(f"saved {entry} {criterion} {value}", flush=True)
        n += 1
    """
)


@pytest.mark.parametrize("kill_after", [1, 17, 60])
def test_saved_changes_survive_sigkill(issued, judge_data_dir, kill_after):
    """Whatever was reported saved is there after the process is killed without warning."""
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(issued.bundles["J01"]), str(judge_data_dir)],
        stdout=subprocess.PIPE, text=True, env={**os.environ},
    )
    acknowledged: dict[tuple[str, str], str] = {}
    assert proc.stdout is not None
    for _ in range(kill_after):
        line = proc.stdout.readline()
        assert line.startswith("saved "), line
        _, entry, criterion, value = line.split()
        acknowledged[(entry, criterion)] = value
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    with JudgeSession.open(issued.bundles["J01"], data_dir=judge_data_dir) as session:
        ws = session.workspace
        check = sqlite3.connect(ws.path).execute("PRAGMA integrity_check").fetchone()[0]
        assert check == "ok"
        for (entry, criterion), value in acknowledged.items():
            # Keys do not repeat within the first 300 writes, so a write after the last
            # acknowledgement cannot have overwritten an acknowledged value.
            assert ws.scores_of(entry).get(criterion) == Decimal(value)
        assert len(ws.change_log()) in (kill_after, kill_after + 1)


def test_workspace_path_lives_in_the_data_folder(session, judge_data_dir):
    assert Path(session.workspace.path).is_relative_to(judge_data_dir / "workspaces")


def test_withdrawing_a_conflict_can_restore_the_set_aside_scores(session):
    ws = session.workspace
    entry = session.bundle.entry_ids[3]
    ws.set_scores(entry, {"C1": "4", "C2": "2.5"})
    before = ws.scores_of(entry)
    ws.declare_conflict(entry, "")
    ws.withdraw_conflict(entry, restore_scores=before)
    assert ws.scores_of(entry) == before and ws.conflict_reason(entry) is None


def test_a_database_failure_is_a_clear_message_and_changes_nothing(session, monkeypatch):
    ws = session.workspace
    entry = session.bundle.entry_ids[0]
    ws.set_score(entry, "C1", "3")

    class FullDisk:
        def __init__(self, conn):
            self.conn = conn

        def __getattr__(self, name):
            return getattr(self.conn, name)

        def execute(self, sql, *args):
            if sql.startswith("INSERT INTO change_log"):
                raise sqlite3.OperationalError("database or disk is full")
            return self.conn.execute(sql, *args)

    real = ws._conn
    monkeypatch.setattr(ws, "_conn", FullDisk(real))
    with pytest.raises(WorkspaceError, match="disk is full.*everything saved before is safe"):
        ws.set_score(entry, "C1", "4")
    monkeypatch.setattr(ws, "_conn", real)
    assert ws.scores_of(entry) == {"C1": Decimal(3)}
