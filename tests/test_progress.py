"""The round's progress dashboard, counted against the real signed files merged into a real database."""

from __future__ import annotations

import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import play_judge, run_cli
from judge_app.errors import SecretariatError
from judge_app.merge import merge_files
from judge_app.panel import declare_conflict
from judge_app.progress import round_progress
from judge_app.scorefile import read_score_file
from judge_app.secretariat import ContestDatabase

ROUND = "r1"


def enrol(issued, played) -> None:
    with issued.open_db() as db:
        db.enrol_key(played.judge_id, played.key.public_key, how="test")


def add_paper_sheet(db: ContestDatabase, judge_id: str, entry_id: str, status: str) -> None:
    """What the paper-entry module writes for one sheet typed in twice (inserted directly here)."""
    rubric = db.contest.round(ROUND).rubric
    with db.transaction():
        db.conn.execute(
            "INSERT INTO paper_sheets (round_id, judge_id, entry_id, status, total, overall_comment, conflict_reason,"
            " scan_sha256, scan_name, scan, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, '', ?, 'ab', 'scan.pdf',"
            " x'00', 'officer', '2024-09-01T03:00:00Z')",
            (ROUND, judge_id, entry_id, status, "60.00" if status == "scored" else None,
             "รู้จักผู้บริหาร" if status == "conflict" else ""),
        )
        if status == "scored":
            db.conn.executemany(
                "INSERT INTO paper_scores (round_id, judge_id, entry_id, criterion_id, score, comment)"
                " VALUES (?, ?, ?, ?, '3', '')",
                [(ROUND, judge_id, entry_id, c) for c in rubric.criterion_ids],
            )


def counts_from_files(paths: list[Path]) -> dict[str, Counter]:
    """Each judge's statuses as written in the judge's own signed file, read independently of the database."""
    counts = {}
    for path in paths:
        score_file = read_score_file(path)
        counts[score_file.judge_id] = Counter(e.status for e in score_file.entries)
    return counts


@pytest.fixture
def three_merged(issued, tmp_path):
    """J01 complete, J02 one entry short, J03 with two conflicts; every file merged."""
    played = [
        play_judge(issued, "J01", tmp_path / "j01"),
        play_judge(issued, "J02", tmp_path / "j02", complete=False),
        play_judge(issued, "J03", tmp_path / "j03", conflicts=2),
    ]
    for p in played:
        enrol(issued, p)
    with issued.open_db() as db:
        outcomes = merge_files(db, [p.score_file for p in played])
    assert [o.status for o in outcomes] == ["accepted"] * 3
    return played


def test_before_any_file_every_assigned_entry_is_missing(issued):
    with issued.open_db() as db:
        progress = round_progress(db, ROUND)
    round_ = issued.contest.round(ROUND)
    assert [j.judge_id for j in progress.judges] == [j.id for j in issued.contest.judges]
    for judge in progress.judges:
        assert judge.assigned == judge.missing == len(round_.entries_of(judge.judge_id)) > 0
        assert (judge.scored, judge.conflict, judge.paper, judge.files_received) == (0, 0, 0, 0)
        assert judge.bundle_issued and judge.last_file is None and judge.merged_sequence is None
    assigned_pairs = sum(len(v) for v in round_.assignments.values())
    assert progress.assigned == progress.missing == assigned_pairs
    assert all(e.short and e.scored == 0 for e in progress.entries)
    assert progress.summary().startswith(f"0 of 7 judges have sent a file; 0 of {assigned_pairs} entry scores in")


def test_counts_match_the_signed_files(issued, three_merged):
    from_files = counts_from_files([p.score_file for p in three_merged])
    assert from_files["J02"]["not_scored"] == 1 and from_files["J03"]["conflict"] == 2
    round_ = issued.contest.round(ROUND)
    with issued.open_db() as db:
        progress = round_progress(db, ROUND)
    by_id = {j.judge_id: j for j in progress.judges}
    for judge_id, statuses in from_files.items():
        judge = by_id[judge_id]
        assert judge.assigned == len(round_.entries_of(judge_id)) == sum(statuses.values())
        assert (judge.scored, judge.conflict, judge.missing) == (
            statuses["scored"], statuses["conflict"], statuses["not_scored"])
        assert judge.files_received == 1 and judge.merged_sequence == 1 and judge.paper == 0
        assert judge.last_file.outcome == "merged" and judge.last_file.sequence == 1
        assert judge.last_file.file_name == next(p.score_file.name for p in three_merged if p.judge_id == judge_id)
    for judge_id in ("J04", "J05", "J06", "J07"):
        assert by_id[judge_id].missing == by_id[judge_id].assigned and by_id[judge_id].last_file is None
    assert progress.judges_sent == 3 and progress.judges_complete == 2  # J01 and J03; J02 left one out

    # per entry, from the files: each assigned judge's status as the judge's file states it
    status_of = {}
    for path in (p.score_file for p in three_merged):
        score_file = read_score_file(path)
        status_of.update({(score_file.judge_id, e.entry_id): e.status for e in score_file.entries})
    assigned_to: dict[str, set[str]] = {}
    for judge_id, entry_ids in round_.assignments.items():
        for entry_id in entry_ids:
            assigned_to.setdefault(entry_id, set()).add(judge_id)
    assert [e.entry_id for e in progress.entries] == sorted(assigned_to)
    for entry in progress.entries:
        theirs = {j: status_of.get((j, entry.entry_id), "no file") for j in assigned_to[entry.entry_id]}
        assert set(entry.judges) == set(theirs)
        assert entry.scored == sum(s == "scored" for s in theirs.values())
        assert entry.conflict == sum(s == "conflict" for s in theirs.values())
        assert set(entry.missing_judges) == {j for j, s in theirs.items() if s in ("not_scored", "no file")}
        assert entry.short == (entry.scored < len(theirs))
        assert entry.org_name == issued.contest.entry(entry.entry_id).org_name
    assert progress.scored == sum(s == "scored" for s in status_of.values())


def test_a_judge_whose_only_file_was_rejected_shows_the_rejection(issued, tmp_path):
    unenrolled = play_judge(issued, "J04", tmp_path / "j04")
    tampered = tmp_path / "tampered.dlgscores"
    data = bytearray(unenrolled.score_file.read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered.write_bytes(bytes(data))
    with issued.open_db() as db:
        outcomes = merge_files(db, [unenrolled.score_file, tampered])
        progress = round_progress(db, ROUND)
    assert [o.status for o in outcomes] == ["rejected", "rejected"]
    j04 = next(j for j in progress.judges if j.judge_id == "J04")
    assert j04.files_received == 1 and j04.merged_sequence is None
    assert j04.last_file.outcome == "rejected" and j04.last_file.file_name == unenrolled.score_file.name
    assert j04.last_file.reason == outcomes[0].reason and "no enrolled key" in j04.last_file.reason
    assert j04.missing == j04.assigned and j04.scored == 0
    # the tampered copy cannot be put down to anyone, but is counted
    assert progress.unattributed_files == 1 and progress.judges_sent == 1
    assert progress.summary().endswith("; rejected files that name no judge of the contest: 1")

    # the judge sends a new file from a key then enrolled: the last file is now the merged one
    again = play_judge(issued, "J04", tmp_path / "j04-again")
    enrol(issued, again)
    with issued.open_db() as db:
        assert merge_files(db, [again.score_file])[0].status == "accepted"
        j04 = next(j for j in round_progress(db, ROUND).judges if j.judge_id == "J04")
    assert j04.files_received == 2 and j04.last_file.outcome == "merged" and j04.missing == 0


def test_paper_sheets_count_as_paper_and_never_over_a_signed_row(issued, three_merged):
    round_ = issued.contest.round(ROUND)
    j02_unscored = read_score_file(three_merged[1].score_file).entries[-1]
    assert j02_unscored.status == "not_scored"
    j05 = round_.entries_of("J05")
    with issued.open_db() as db:
        add_paper_sheet(db, "J05", j05[0], "scored")
        add_paper_sheet(db, "J05", j05[1], "conflict")
        add_paper_sheet(db, "J02", j02_unscored.entry_id, "scored")  # fills the gap in J02's signed file
        add_paper_sheet(db, "J01", round_.entries_of("J01")[-1], "scored")  # J01's signed score wins
        progress = round_progress(db, ROUND)
    by_id = {j.judge_id: j for j in progress.judges}
    assert (by_id["J05"].scored, by_id["J05"].conflict, by_id["J05"].paper) == (1, 1, 2)
    assert by_id["J05"].missing == by_id["J05"].assigned - 2 and by_id["J05"].files_received == 0
    assert by_id["J02"].paper == 1 and by_id["J02"].missing == 0
    assert by_id["J01"].paper == 0
    entry = next(e for e in progress.entries if e.entry_id == j02_unscored.entry_id)
    assert "J02" not in entry.missing_judges and entry.paper >= 1
    assert progress.paper == 3


def test_a_judge_without_a_bundle_and_a_newer_file(issued, three_merged, tmp_path):
    from conftest import PASSPHRASE
    from judge_app.judging import JudgeSession
    from judge_app.scorefile import export_score_file

    j01 = three_merged[0]
    with JudgeSession.open(j01.bundle, data_dir=j01.data_dir) as session:
        second = export_score_file(session.workspace, session.unlock(PASSPHRASE), tmp_path / "second.dlgscores")
    with issued.open_db() as db:
        assert merge_files(db, [second.path])[0].status == "accepted"
        with db.transaction():
            db.conn.execute("DELETE FROM bundles WHERE judge_id = 'J07'")
        progress = round_progress(db, ROUND)
    by_id = {j.judge_id: j for j in progress.judges}
    assert by_id["J01"].files_received == 2 and by_id["J01"].merged_sequence == 2
    assert by_id["J01"].last_file.file_name == "second.dlgscores" and by_id["J01"].last_file.sequence == 2
    assert not by_id["J07"].bundle_issued and by_id["J07"].assigned > 0


def test_conflicts_declared_to_the_secretariat_count_as_conflicts(issued, three_merged):
    round_ = issued.contest.round(ROUND)
    j02_unscored = read_score_file(three_merged[1].score_file).entries[-1]
    assert j02_unscored.status == "not_scored"
    j01_scored = round_.entries_of("J01")[-1]  # scored in J01's signed file
    j05_first = round_.entries_of("J05")[0]  # J05 sent nothing yet
    with issued.open_db() as db:
        before = round_progress(db, ROUND)
        for judge_id, entry_id in (("J02", j02_unscored.entry_id), ("J01", j01_scored), ("J05", j05_first)):
            declare_conflict(db, ROUND, judge_id, entry_id, "เคยเป็นที่ปรึกษาของหน่วยงานนี้")
        after = round_progress(db, ROUND)
    old, new = ({j.judge_id: j for j in p.judges} for p in (before, after))
    assert (old["J02"].missing, new["J02"].missing, new["J02"].conflict) == (1, 0, old["J02"].conflict + 1)
    assert new["J02"].complete and not old["J02"].complete
    assert new["J01"] == old["J01"], "a score in the judge's signed file stands"
    assert (new["J05"].conflict, new["J05"].missing) == (1, old["J05"].missing - 1)
    assert after.conflict == before.conflict + 2 and after.missing == before.missing - 2
    entry = next(e for e in after.entries if e.entry_id == j02_unscored.entry_id)
    assert "J02" not in entry.missing_judges and entry.conflict >= 1


def test_entries_short_of_judges_are_counted_by_cause(issued):
    """An entry whose only gap is a conflict is complete as far as it goes; one still waiting is not."""
    round_ = issued.contest.round(ROUND)
    panels: dict[str, list[str]] = {}
    for judge_id, entry_ids in round_.assignments.items():
        for entry_id in entry_ids:
            panels.setdefault(entry_id, []).append(judge_id)
    conflicted, waiting, done = sorted(panels)[:3]
    with issued.open_db() as db:
        with db.transaction():
            for entry_id in (conflicted, waiting, done):
                scorers = sorted(panels[entry_id])[1:] if entry_id != done else panels[entry_id]
                for judge_id in scorers:
                    db.conn.execute("INSERT INTO entry_results VALUES (?, ?, ?, 'scored', '70.00', '', '', 'x')",
                                    (ROUND, judge_id, entry_id))
        declare_conflict(db, ROUND, sorted(panels[conflicted])[0], conflicted, "ญาติของผู้บริหาร")
        progress = round_progress(db, ROUND)
    by_id = {e.entry_id: e for e in progress.entries}
    assert by_id[conflicted].short and by_id[conflicted].short_by_conflict and not by_id[conflicted].waiting
    assert by_id[waiting].short and by_id[waiting].waiting and not by_id[waiting].short_by_conflict
    assert not (by_id[done].short or by_id[done].waiting or by_id[done].short_by_conflict)
    assert progress.entries_short_by_conflict == 1
    assert progress.entries_waiting == len(progress.entries) - 2
    assert progress.entries_short == progress.entries_waiting + 1
    assert progress.summary().endswith(
        f"; {len(progress.entries) - 2} of {len(progress.entries)} entries waiting for scores; "
        "short of judges because of conflicts: 1")


def test_an_unknown_round_is_refused(issued):
    with issued.open_db() as db, pytest.raises(SecretariatError, match="no round 'r9'"):
        round_progress(db, "r9")


# ---------------------------------------------------------------- the SQL against a plain count


STANDINGS = st.sampled_from([None, "scored", "conflict", "not_scored"])
PAPER = st.sampled_from([None, "scored", "conflict"])
DECLARED = st.booleans()  # a conflict declared to the secretariat as well


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_aggregate_queries_agree_with_a_plain_count_of_the_view(issued_template, tmp_path, data):
    """Random signed and paper rows: every count equals a count made row by row in Python."""
    db_path = tmp_path / f"copy-{data.draw(st.integers(0, 10**9))}.db"
    shutil.copyfile(issued_template.db_path, db_path)
    round_ = issued_template.contest.round(ROUND)
    pairs = [(j, e) for j, entries in round_.assignments.items() for e in entries]
    picks = data.draw(st.lists(st.tuples(st.sampled_from(pairs), STANDINGS, PAPER, DECLARED), max_size=60))
    conn = sqlite3.connect(db_path, isolation_level=None)
    with conn:
        for (judge_id, entry_id), signed, paper, declared in picks:
            if declared:
                conn.execute("INSERT OR REPLACE INTO declared_conflicts VALUES (?, ?, ?, 'ญาติ', '2025-01-01T00:00:00Z')",
                             (ROUND, judge_id, entry_id))
            if signed:
                conn.execute("INSERT OR REPLACE INTO entry_results VALUES (?, ?, ?, ?, NULL, '', '', 'x')",
                             (ROUND, judge_id, entry_id, signed))
            if paper:
                conn.execute("INSERT OR REPLACE INTO paper_sheets VALUES (?, ?, ?, ?, NULL, '', '', '', '', x'',"
                             " '', '')", (ROUND, judge_id, entry_id, paper))
    view = {(r[0], r[1]): (r[2], r[3]) for r in conn.execute(
        "SELECT judge_id, entry_id, status, source FROM round_entry_results")}
    declared = {(r[0], r[1]) for r in conn.execute("SELECT judge_id, entry_id FROM declared_conflicts")}
    conn.close()
    with ContestDatabase.open(db_path) as db:
        progress = round_progress(db, ROUND)

    def standing(pair):
        status, source = view.get(pair, (None, None))
        if status != "scored" and pair in declared:
            status = "conflict"  # declared to the secretariat; a score in a file would stand
        return status if status in ("scored", "conflict") else "missing", source == "paper" and status in (
            "scored", "conflict")

    for judge in progress.judges:
        mine = [standing((judge.judge_id, e)) for e in round_.entries_of(judge.judge_id)]
        assert (judge.scored, judge.conflict, judge.missing, judge.paper) == (
            sum(s == "scored" for s, _ in mine), sum(s == "conflict" for s, _ in mine),
            sum(s == "missing" for s, _ in mine), sum(p for _, p in mine))
    for entry in progress.entries:
        theirs = {j: standing((j, entry.entry_id)) for j in entry.judges}
        assert entry.scored == sum(s == "scored" for s, _ in theirs.values())
        assert entry.conflict == sum(s == "conflict" for s, _ in theirs.values())
        assert entry.missing_judges == tuple(sorted(j for j, (s, _) in theirs.items() if s == "missing"))
        assert entry.paper == sum(p for _, p in theirs.values())


# ---------------------------------------------------------------- command line


def test_progress_command_prints_judges_and_the_entries_short_of_judges(issued, three_merged, tmp_path):
    unenrolled = play_judge(issued, "J04", tmp_path / "j04")
    with issued.open_db() as db:
        reason = merge_files(db, [unenrolled.score_file])[0].reason
        progress = round_progress(db, ROUND)
    result = run_cli("secretariat", "progress", str(issued.db_path), "--entries")
    lines = result.stdout.splitlines()
    assert lines[0] == f"round r1: {progress.summary()}"
    assert lines[0].startswith("round r1: 4 of 7 judges have sent a file;")
    rows = {line.split()[0]: line.split() for line in lines if line[:1] == "J"}
    for judge in progress.judges:
        bundle, numbers = rows[judge.judge_id][1], rows[judge.judge_id][2:7]
        assert bundle == "yes"
        assert numbers == [str(n) for n in (judge.assigned, judge.scored, judge.conflict, judge.missing, judge.paper)]
    assert rows["J01"][7:10] == ["seq", "1", "merged"] and rows["J05"][7:9] == ["none", "yet"]
    assert f"rejected {unenrolled.score_file.name}: {reason}" in result.stdout
    short = [e for e in progress.entries if e.short]
    assert f"{len(short)} of {len(progress.entries)} entries short of judges" in result.stdout
    entry_rows = [line for line in lines if line[:1] == "E"]
    assert [line.split()[0] for line in entry_rows] == [e.entry_id for e in short]
    first = short[0]
    assert entry_rows[0].split()[:6] == [first.entry_id, *map(str, (first.assigned, first.scored, first.conflict,
                                                                       first.missing, first.paper))]
    assert entry_rows[0].endswith(first.org_name)

    everything = run_cli("secretariat", "progress", str(issued.db_path), "--all").stdout
    assert len([line for line in everything.splitlines() if line[:1] == "E"]) == len(progress.entries)
    without = run_cli("secretariat", "progress", str(issued.db_path)).stdout
    assert "entries short of judges (fewer" not in without and not any(
        line[:1] == "E" for line in without.splitlines())


def test_progress_command_refuses_an_unknown_round(issued):
    result = run_cli("secretariat", "progress", str(issued.db_path), "--round", "r9", check=False)
    assert result.returncode == 2 and "has no round 'r9'" in result.stderr
