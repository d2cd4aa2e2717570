"""Merge rules: every rejection with its reason, idempotence, supersession, all-or-nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from conftest import PASSPHRASE, play_judge
from forgery import payload_of, repack_with_payload, write_signed
from judge_app.judging import JudgeSession
from judge_app.keys import PrivateKey
from judge_app.merge import merge_file, merge_files
from judge_app.scorefile import export_score_file


def merged_rows(db_path: Path) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT * FROM scores ORDER BY judge_id, entry_id, criterion_id").fetchall()
    rows += conn.execute("SELECT * FROM entry_results ORDER BY judge_id, entry_id").fetchall()
    conn.close()
    return rows


@pytest.fixture
def j01(issued, tmp_path):
    played = play_judge(issued, "J01", tmp_path / "j01")
    with issued.open_db() as db:
        db.enrol_key("J01", played.key.public_key, how="test")
    return played


def reject(issued, path: Path) -> str:
    """Merge a file that must be refused; check nothing merged changed; return the reason."""
    before = merged_rows(issued.db_path)
    with issued.open_db() as db:
        outcome = merge_file(db, path)
        raw = db.score_file_row(outcome.sha256)
    assert outcome.status == "rejected", outcome
    assert merged_rows(issued.db_path) == before
    assert raw is not None and raw["outcome"] == "rejected" and raw["raw"] == path.read_bytes()
    return outcome.reason


def test_genuine_file_is_merged_whole(issued, j01):
    with issued.open_db() as db:
        outcome = merge_file(db, j01.score_file)
        assert outcome.status == "accepted" and outcome.judge_id == "J01" and outcome.sequence == 1
        results = list(db.entry_results("r1"))
    assigned = issued.contest.rounds[0].entries_of("J01")
    assert [r["entry_id"] for r in results] == sorted(assigned)
    assert sum(r["status"] == "conflict" for r in results) == 1


def test_same_file_twice_changes_nothing(issued, j01):
    with issued.open_db() as db:
        merge_file(db, j01.score_file)
    before = merged_rows(issued.db_path)
    with issued.open_db() as db:
        again = merge_file(db, j01.score_file)
        assert again.status == "duplicate"
        assert len(db.score_files()) == 1
    assert merged_rows(issued.db_path) == before


def test_newer_sequence_replaces_older_and_history_is_kept(issued, j01, tmp_path):
    with issued.open_db() as db:
        merge_file(db, j01.score_file)
    with JudgeSession.open(j01.bundle, data_dir=j01.data_dir) as session:
        entry = session.bundle.entry_ids[-1]
        session.workspace.set_score(entry, "C1", "5")
        second = export_score_file(session.workspace, session.unlock(PASSPHRASE), tmp_path / "second.dlgscores")
    assert second.sequence == 2
    with issued.open_db() as db:
        outcome = merge_file(db, second.path)
        assert outcome.status == "accepted" and "replaces sequence 1" in outcome.reason
        files = {row["sequence"]: row["outcome"] for row in db.score_files()}
        assert files == {1: "superseded", 2: "merged"}
        score = [r for r in db.merged_scores("r1") if r["entry_id"] == entry and r["criterion_id"] == "C1"]
        assert score[0]["score"] == "5"
        # The old file replayed later is a rollback.
        replay = merge_file(db, j01.score_file)
        assert replay.status == "duplicate"


def test_old_and_new_dropped_together_keeps_the_new(issued, j01, tmp_path):
    with JudgeSession.open(j01.bundle, data_dir=j01.data_dir) as session:
        session.workspace.set_score(session.bundle.entry_ids[-1], "C2", "1")
        second = export_score_file(session.workspace, session.unlock(PASSPHRASE), tmp_path / "second.dlgscores")
    with issued.open_db() as db:
        outcomes = merge_files(db, [second.path, j01.score_file])
        assert [o.status for o in outcomes] == ["accepted", "superseded"]
        assert db.submission("r1", "J01")["sequence"] == 2


def test_bad_signature(issued, j01, tmp_path):
    def raise_score(payload):
        entry = next(e for e in payload["entries"] if e["status"] == "scored")
        entry["scores"]["C1"] = "5"

    forged = repack_with_payload(j01.score_file, tmp_path / "forged.dlgscores", raise_score)
    assert "signature does not verify" in reject(issued, forged)


def test_signed_by_an_unenrolled_key(issued, j01, tmp_path):
    forged = write_signed(tmp_path / "f.dlgscores", payload_of(j01.score_file), PrivateKey.generate())
    reason = reject(issued, forged)
    assert "not judge J01's enrolled key" in reason


def test_signed_with_another_judges_key(issued, j01, tmp_path):
    j02 = play_judge(issued, "J02", tmp_path / "j02")
    with issued.open_db() as db:
        db.enrol_key("J02", j02.key.public_key, how="test")
    forged = write_signed(tmp_path / "f.dlgscores", payload_of(j01.score_file), j02.key)
    assert "signed with the key of judge J02" in reject(issued, forged)


def test_judge_without_enrolled_key(issued, tmp_path):
    played = play_judge(issued, "J03", tmp_path / "j03")
    reason = reject(issued, played.score_file)
    assert "no enrolled key" in reason and played.key.public_key.fingerprint in reason


def test_bundle_of_another_judge(issued, j01, tmp_path):
    with issued.open_db() as db:
        other = next(b for b in db.bundles() if b["judge_id"] == "J02")

    def swap(payload):
        payload["bundle_sha256"] = other["sha256"]
        payload["bundle_id"] = other["bundle_id"]

    payload = payload_of(j01.score_file)
    swap(payload)
    forged = write_signed(tmp_path / "f.dlgscores", payload, j01.key)
    assert "issued to judge J02" in reject(issued, forged)


def test_bundle_never_issued(issued, j01, tmp_path):
    payload = payload_of(j01.score_file)
    payload["bundle_sha256"] = "0" * 64
    forged = write_signed(tmp_path / "f.dlgscores", payload, j01.key)
    assert "never issued" in reject(issued, forged)


def test_rollback_to_an_older_sequence(issued, j01, tmp_path):
    with JudgeSession.open(j01.bundle, data_dir=j01.data_dir) as session:
        session.workspace.set_score(session.bundle.entry_ids[-1], "C3", "2")
        second = export_score_file(session.workspace, session.unlock(PASSPHRASE), tmp_path / "s2.dlgscores")
        session.workspace.set_score(session.bundle.entry_ids[-1], "C3", "2.5")
        third = export_score_file(session.workspace, session.unlock(PASSPHRASE), tmp_path / "s3.dlgscores")
    with issued.open_db() as db:
        assert merge_file(db, j01.score_file).status == "accepted"
        assert merge_file(db, third.path).status == "accepted"
    assert "older than sequence 3" in reject(issued, second.path)


def test_equivocation_same_sequence_other_content(issued, j01, tmp_path):
    with issued.open_db() as db:
        merge_file(db, j01.score_file)
    payload = payload_of(j01.score_file)
    entry = next(e for e in payload["entries"] if e["status"] == "scored")
    entry["overall_comment"] = "ความเห็นที่เปลี่ยนไป"
    forged = write_signed(tmp_path / "f.dlgscores", payload, j01.key)
    assert "equivocation" in reject(issued, forged)


@pytest.mark.parametrize(
    "value, phrase", [("5.5", "outside the scale"), ("0.5", "outside the scale"), ("3.3", "not on the scale's steps")]
)
def test_scores_out_of_range_or_off_step(issued, j01, tmp_path, value, phrase):
    payload = payload_of(j01.score_file)
    entry = next(e for e in payload["entries"] if e["status"] == "scored")
    entry["scores"]["C2"] = value
    forged = write_signed(tmp_path / "f.dlgscores", payload, j01.key)
    assert phrase in reject(issued, forged)


def test_total_that_does_not_match_the_scores(issued, j01, tmp_path):
    payload = payload_of(j01.score_file)
    entry = next(e for e in payload["entries"] if e["status"] == "scored")
    entry["total"] = "99.99"
    forged = write_signed(tmp_path / "f.dlgscores", payload, j01.key)
    assert "does not match its scores" in reject(issued, forged)


def test_entry_not_assigned_to_the_judge(issued, j01, tmp_path):
    assigned = set(issued.contest.rounds[0].entries_of("J01"))
    stranger = next(e.id for e in issued.contest.entries if e.id not in assigned)
    payload = payload_of(j01.score_file)
    payload["entries"][-1]["entry_id"] = stranger
    forged = write_signed(tmp_path / "f.dlgscores", payload, j01.key)
    assert f"entry {stranger} is not assigned to judge J01" in reject(issued, forged)


def test_missing_assigned_entry(issued, j01, tmp_path):
    payload = payload_of(j01.score_file)
    dropped = payload["entries"].pop()["entry_id"]
    forged = write_signed(tmp_path / "f.dlgscores", payload, j01.key)
    assert dropped in reject(issued, forged)


def test_conflict_entry_carrying_scores(issued, j01, tmp_path):
    payload = payload_of(j01.score_file)
    entry = next(e for e in payload["entries"] if e["status"] == "conflict")
    entry["scores"] = {"C1": "5"}
    forged = write_signed(tmp_path / "f.dlgscores", payload, j01.key)
    assert "declared a conflict of interest but carries scores" in reject(issued, forged)


def test_scoring_an_entry_declared_a_conflict_earlier(issued, j01, tmp_path):
    with issued.open_db() as db:
        merge_file(db, j01.score_file)
    with JudgeSession.open(j01.bundle, data_dir=j01.data_dir) as session:
        ws = session.workspace
        conflicted = next(s.entry_id for s in ws.states() if s.conflict_reason is not None)
        ws.withdraw_conflict(conflicted)
        ws.set_scores(conflicted, {c: "3" for c in session.bundle.round.rubric.criterion_ids})
        second = export_score_file(ws, session.unlock(PASSPHRASE), tmp_path / "s2.dlgscores")
    reason = reject(issued, second.path)
    assert f"entry {conflicted}" in reason and "declared a conflict of interest on it in sequence 1" in reason


def test_file_of_another_contest_or_round(issued, j01, tmp_path):
    payload = payload_of(j01.score_file)
    payload["contest_id"] = "dlg-2566"
    forged = write_signed(tmp_path / "a.dlgscores", payload, j01.key)
    assert "belongs to contest 'dlg-2566'" in reject(issued, forged)
    payload = payload_of(j01.score_file)
    payload["round_id"] = "r2"
    forged = write_signed(tmp_path / "b.dlgscores", payload, j01.key)
    assert "round 'r2'" in reject(issued, forged)


def test_damaged_and_truncated_files(issued, j01, tmp_path):
    data = j01.score_file.read_bytes()
    truncated = tmp_path / "truncated.dlgscores"
    truncated.write_bytes(data[: len(data) // 2])
    assert "not a valid score file" in reject(issued, truncated)
    flipped = tmp_path / "flipped.dlgscores"
    flipped.write_bytes(data[:100] + bytes([data[100] ^ 0x01]) + data[101:])
    assert reject(issued, flipped)


def test_rejected_file_imported_again_is_reported_and_not_duplicated(issued, j01, tmp_path):
    forged = write_signed(tmp_path / "f.dlgscores", payload_of(j01.score_file), PrivateKey.generate())
    reject(issued, forged)
    with issued.open_db() as db:
        again = merge_file(db, forged)
        assert again.status == "rejected" and again.reason.startswith("already imported and rejected")
        assert len(db.score_files()) == 1
