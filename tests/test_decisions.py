"""The ranking-method decision record: when it was chosen, and whether results had been seen by then."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from conftest import run_cli
from judge_app import decisions
from judge_app.decisions import (
    MethodDecision,
    changed_after_results_seen,
    choose_method,
    describe_decision,
    mark_results_viewed,
    method_decision,
    method_history,
    results_first_viewed,
)
from judge_app.errors import SecretariatError
from judge_app.round_results import load_round_results
from judge_app.secretariat import ContestDatabase

from test_results import CALIBRATION, build_merged_round


@pytest.fixture
def clock(monkeypatch):
    """Decision times from a list, so "first viewed" and the order of choices are unmistakable."""
    times = iter(f"2022-12-0{day}T02:00:00Z" for day in range(1, 10))
    monkeypatch.setattr(decisions, "now_utc", lambda: next(times))


def test_a_method_chosen_before_results_are_seen_says_so(issued, clock):
    with issued.open_db() as db:
        assert method_decision(db, "r1") is None and results_first_viewed(db, "r1") is None
        decision = choose_method(db, "r1", "standardised")
        assert decision == MethodDecision("standardised", "2022-12-01T02:00:00Z", False)
        assert method_decision(db, "r1") == decision
        assert method_history(db, "r1") == [decision]
    assert describe_decision([decision], None)[0] == (
        "ranking method standardised chosen 2022-12-01T02:00:00Z, before results were seen")


def test_results_viewed_keeps_the_first_time_only(issued, clock):
    with issued.open_db() as db:
        assert mark_results_viewed(db, "r1") == "2022-12-01T02:00:00Z"
        assert mark_results_viewed(db, "r1") == "2022-12-01T02:00:00Z"
        assert results_first_viewed(db, "r1") == "2022-12-01T02:00:00Z"
        assert db.conn.execute("SELECT count(*) FROM results_viewed").fetchone()[0] == 1


def test_a_change_after_results_were_seen_is_recorded_with_its_history(issued, clock):
    with issued.open_db() as db:
        first = choose_method(db, "r1", "mean")                       # day 1, before
        mark_results_viewed(db, "r1")                                 # day 2
        second = choose_method(db, "r1", "trimmed_mean")              # day 3, after
        history = method_history(db, "r1")
    assert history == [first, second]
    assert (first.results_seen_before, second.results_seen_before) == (False, True)
    assert changed_after_results_seen(history)
    lines = describe_decision(history, "2022-12-02T02:00:00Z")
    assert lines[0] == "ranking method trimmed_mean chosen 2022-12-03T02:00:00Z, after results had been seen"
    assert "the method was CHANGED after results had been seen; history:" in lines
    assert lines[-2:] == ["  2022-12-01T02:00:00Z  mean  (results not yet seen)",
                          "  2022-12-03T02:00:00Z  trimmed_mean  (results seen)"]


def test_choices_before_viewing_are_history_but_not_a_late_change(issued, clock):
    with issued.open_db() as db:
        choose_method(db, "r1", "mean")
        choose_method(db, "r1", "standardised")
        history = method_history(db, "r1")
    assert not changed_after_results_seen(history)
    assert "earlier choices, all before results were seen:" in describe_decision(history, None)


def test_choosing_the_method_in_force_again_records_nothing(issued, clock):
    with issued.open_db() as db:
        first = choose_method(db, "r1", "standardised")
        mark_results_viewed(db, "r1")
        assert choose_method(db, "r1", "standardised") == first  # still "before results were seen"
        assert len(method_history(db, "r1")) == 1


def test_unknown_methods_and_rounds_are_refused_and_nothing_is_recorded(issued):
    with issued.open_db() as db:
        with pytest.raises(SecretariatError, match="unknown ranking method 'median'"):
            choose_method(db, "r1", "median")
        with pytest.raises(SecretariatError, match="no round 'r9'"):
            choose_method(db, "r9", "mean")
        with pytest.raises(SecretariatError, match="no round 'r9'"):
            mark_results_viewed(db, "r9")
        assert method_history(db, "r1") == [] and results_first_viewed(db, "r1") is None


def test_the_decision_lives_in_the_database_file(issued, clock):
    with issued.open_db() as db:
        choose_method(db, "r1", "trimmed_mean")
    rows = sqlite3.connect(issued.db_path).execute(
        "SELECT round_id, kind, value, decided_at, results_seen_before FROM decisions").fetchall()
    assert rows == [("r1", "ranking_method", "trimmed_mean", "2022-12-01T02:00:00Z", 0)]


@pytest.fixture(scope="module")
def merged_db(issued_template, tmp_path_factory) -> Path:
    return build_merged_round(issued_template, tmp_path_factory.mktemp("decisions") / "round").db_path


def fresh_copy(source: Path, folder: Path) -> Path:
    """A consistent copy of a contest database (the WAL included), for a test to change."""
    target = folder / "contest.db"
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def test_the_chosen_method_drives_the_round_results(merged_db, tmp_path):
    path = fresh_copy(merged_db, tmp_path)
    with ContestDatabase.open(path) as db:
        default = load_round_results(db, "r1")
        choose_method(db, "r1", "standardised")
        chosen = load_round_results(db, "r1")
    assert default.method == "mean" and default.decision is None
    assert chosen.method == "standardised" and chosen.decision.method == "standardised"
    assert {row.entry_id: row.ranks["standardised"] for row in chosen.table} == {
        r.entry.id: r.rank for r in chosen.results}
    assert [r.rank for r in chosen.ranked] == list(range(1, len(chosen.ranked) + 1))
    assert [r.entry.id for r in default.ranked] != [r.entry.id for r in chosen.ranked]


def test_the_cli_records_the_choice_and_says_whether_results_were_seen(merged_db, tmp_path):
    db = str(fresh_copy(merged_db, tmp_path))
    before = run_cli("secretariat", "method", db, "standardised")
    assert "ranking method for round r1: standardised" in before.stdout
    assert "results have not been viewed yet" in before.stdout

    results = run_cli("secretariat", "results", db, "--top", "5")
    assert "ranking method standardised chosen" in results.stdout
    assert "before results were seen" in results.stdout
    table, calibration = results.stdout.split("calibration entries (scored by every judge, not ranked")
    assert all(entry_id in calibration and entry_id not in table for entry_id in CALIBRATION)
    assert re.search(r"J0[67]=\d+\.\d\d \(paper\)", results.stdout)
    assert "(paper): typed from a paper sheet by the secretariat, not signed by the judge" in results.stdout

    again = run_cli("secretariat", "method", db, "standardised")
    assert "already standardised" in again.stdout and "nothing recorded" in again.stdout
    after = run_cli("secretariat", "method", db, "trimmed_mean")
    assert "replaces standardised" in after.stdout
    assert "NOTE: results had already been viewed" in after.stdout
    results = run_cli("secretariat", "results", db, "--top", "3")
    assert "after results had been seen" in results.stdout
    assert "the method was CHANGED after results had been seen; history:" in results.stdout
    with ContestDatabase.open(Path(db)) as opened:
        assert [d.method for d in method_history(opened, "r1")] == ["standardised", "trimmed_mean"]

    refused = run_cli("secretariat", "method", db, "median", check=False)
    assert refused.returncode == 2 and "invalid choice: 'median'" in refused.stderr
