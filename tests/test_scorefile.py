"""Score files: round trip, sequence, completeness, tampering, and standard-tool verification."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import PASSPHRASE, play_judge, require_tool, run_cli
from judge_app.errors import ScoreFileError
from judge_app.judging import JudgeSession
from judge_app.scorefile import IncompleteScores, export_score_file, read_score_file, parse_score_file
from judge_app.scoring import total_str


@pytest.fixture(scope="module")
def exported(issued_template, tmp_path_factory):
    """One genuine score file, shared by the read-only tests of this module."""
    return play_judge(issued_template, "J04", tmp_path_factory.mktemp("scorefile"))


def test_round_trip_matches_the_workspace(exported):
    score_file = read_score_file(exported.score_file)
    assert score_file.judge_id == "J04" and score_file.sequence == 1
    assert score_file.public_key == exported.key.public_key
    with JudgeSession.open(exported.bundle, data_dir=exported.data_dir) as session:
        assert score_file.bundle_sha256 == session.bundle.sha256
        for state in session.workspace.states():
            entry = score_file.entry(state.entry_id)
            assert entry.status == {"scored": "scored", "conflict": "conflict"}[state.status.value]
            assert entry.scores == (state.scores if entry.status == "scored" else {})
            assert entry.total == (total_str(state.total) if state.total is not None else None)
            assert entry.conflict_reason == (state.conflict_reason or "")


def test_incomplete_export_needs_explicit_consent(issued, tmp_path):
    played = play_judge(issued, "J05", tmp_path, complete=False)
    score_file = read_score_file(played.score_file)
    assert score_file.entries[-1].status == "not_scored" and score_file.entries[-1].scores == {}
    with JudgeSession.open(played.bundle, data_dir=played.data_dir) as session:
        with pytest.raises(IncompleteScores) as caught:
            export_score_file(session.workspace, session.unlock(PASSPHRASE), tmp_path / "again.dlgscores")
        assert caught.value.missing == [session.bundle.entry_ids[-1]]
        assert not (tmp_path / "again.dlgscores").exists()


def test_every_export_gets_a_higher_sequence(issued, tmp_path):
    played = play_judge(issued, "J06", tmp_path)
    with JudgeSession.open(played.bundle, data_dir=played.data_dir) as session:
        key = session.unlock(PASSPHRASE)
        second = export_score_file(session.workspace, key, tmp_path / "2.dlgscores")
        third = export_score_file(session.workspace, key, tmp_path / "3.dlgscores")
        exports = session.workspace.exports()
    assert (second.sequence, third.sequence) == (2, 3)
    assert [e["sequence"] for e in exports] == [1, 2, 3] and all(e["sha256"] for e in exports)


def test_full_disk_keeps_the_previous_file_and_loses_nothing(issued, tmp_path, monkeypatch):
    played = play_judge(issued, "J07", tmp_path)
    before = played.score_file.read_bytes()

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    with JudgeSession.open(played.bundle, data_dir=played.data_dir) as session:
        key = session.unlock(PASSPHRASE)
        states = session.workspace.states()
        monkeypatch.setattr("judge_app.container.os.fsync", disk_full)
        with pytest.raises(ScoreFileError, match="No space left on device.*nothing was lost"):
            export_score_file(session.workspace, key, played.score_file)
        monkeypatch.undo()
        assert session.workspace.states() == states
        assert played.score_file.read_bytes() == before
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
        retry = export_score_file(session.workspace, key, played.score_file)
    assert retry.sequence == 3  # sequence 2 was burnt by the failed attempt, never reused


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.integers(min_value=0), delta=st.integers(min_value=1, max_value=255))
def test_any_single_byte_change_is_detected(exported, position, delta):
    data = bytearray(exported.score_file.read_bytes())
    position %= len(data)
    data[position] = (data[position] + delta) % 256
    with pytest.raises(ScoreFileError):
        parse_score_file(bytes(data))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=4096))
def test_arbitrary_bytes_raise_only_our_error(data):
    with pytest.raises(ScoreFileError):
        parse_score_file(data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0), junk=st.binary(max_size=64))
def test_truncated_or_padded_files_raise_only_our_error(exported, cut, junk):
    data = exported.score_file.read_bytes()
    cut %= len(data)
    mutated = data[:cut] + junk
    assume(mutated != data)
    with pytest.raises(ScoreFileError):
        parse_score_file(mutated)


def _extract(score_file: Path, folder: Path) -> Path:
    with zipfile.ZipFile(score_file) as archive:
        archive.extractall(folder)
    return folder / "scores.json"


def test_minisign_verifies_a_real_score_file(exported, tmp_path):
    """The README's auditor command, run exactly."""
    minisign = require_tool("minisign")
    require_tool("unzip")
    subprocess.run(["unzip", "-q", str(exported.score_file), "-d", str(tmp_path / "x")], check=True)
    public = tmp_path / "judge.pub"
    public.write_text(exported.key.public_key.to_minisign())
    ok = subprocess.run([minisign, "-V", "-p", str(public), "-m", str(tmp_path / "x" / "scores.json")],
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "Trusted comment: dlg score file contest=dlg-2565 round=r1 judge=J04 sequence=1" in ok.stdout
    payload = tmp_path / "x" / "scores.json"
    payload.write_bytes(payload.read_bytes().replace(b'"status":"scored"', b'"status":"conflict"', 1))
    bad = subprocess.run([minisign, "-V", "-p", str(public), "-m", str(payload)], capture_output=True, text=True)
    assert bad.returncode != 0


def test_ssh_keygen_verifies_a_real_score_file(exported, tmp_path):
    ssh_keygen = require_tool("ssh-keygen")
    payload = _extract(exported.score_file, tmp_path / "x")
    signers = tmp_path / "allowed_signers"
    shown = run_cli("verify", str(exported.score_file), "--allowed-signers", str(signers))
    assert "both signatures verify" in shown.stdout
    assert signers.read_text() == f"J04 {exported.key.public_key.to_openssh()}\n"
    with open(payload, "rb") as stdin:
        ok = subprocess.run([ssh_keygen, "-Y", "verify", "-f", str(signers), "-I", "J04", "-n", "dlg-score-file",
                             "-s", str(tmp_path / "x" / "scores.json.sig")], stdin=stdin, capture_output=True,
                            text=True)
    assert ok.returncode == 0, ok.stderr
    assert 'Good "dlg-score-file" signature for J04' in ok.stdout
