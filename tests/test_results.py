"""Result statistics against worked examples, and the documented tie-breaks."""

from __future__ import annotations

import shutil
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from conftest import IssuedRound, play_judge
from judge_app.decisions import MethodDecision
from judge_app.demo import simulated_scores
from judge_app.merge import merge_files
from judge_app.contest_json import contest_from_json
from judge_app.panel import set_calibration_entries
from judge_app.ranking import rank_entries, stability
from judge_app.results import compute_results, disagreements
from judge_app.round_results import ICC_FORM, build_round_results, load_round_results
from judge_app.secretariat import ContestDatabase, now_utc

JUDGES = [f"J{i}" for i in range(1, 9)]


def one_criterion_contest(entries: list[str], assignments: dict[str, list[str]]):
    """A contest whose single criterion weighs 100 on a 0–100 scale, so a total equals the score."""
    return contest_from_json({
        "format": "dlg-contest/1", "id": "t", "title_th": "ทดสอบ", "title_en": "Test", "year_be": 2565,
        "organiser_th": "", "organiser_en": "",
        "rounds": [{"id": "r1", "title_th": "รอบ", "title_en": "Round", "deadline": "2022-11-30",
                    "rubric": {"criteria": [{"id": "C1", "title_th": "เกณฑ์", "title_en": "Criterion",
                                             "weight": "100", "scale": {"min": "0", "max": "100", "step": "1"},
                                             "levels": [{"score": "0", "th": "ต่ำ", "en": "low"}]}]},
                    "assignments": assignments}],
        "entries": [{"id": e, "org_name": f"อบต.{e}", "org_type": "sao", "province": "น่าน",
                     "project_title": "ระบบ", "summary": ""} for e in entries],
        "judges": [{"id": j, "name": j} for j in JUDGES],
    })


def rows_for(scores: dict[tuple[str, str], int | None]):
    entry_rows, score_rows = [], []
    for (entry, judge), score in scores.items():
        entry_rows.append({"entry_id": entry, "judge_id": judge, "status": "conflict" if score is None else "scored"})
        if score is not None:
            score_rows.append({"entry_id": entry, "judge_id": judge, "criterion_id": "C1", "score": str(score)})
    return entry_rows, score_rows


def test_standard_deviation_matches_the_textbook_example():
    """The classic example 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population SD 2, sample SD √(32/7) ≈ 2.1381."""
    values = [2, 4, 4, 4, 5, 5, 7, 9]
    contest = one_criterion_contest(["E1"], {j: ["E1"] for j in JUDGES})
    entry_rows, score_rows = rows_for({("E1", j): v for j, v in zip(JUDGES, values)})
    (result,) = compute_results(contest, "r1", entry_rows, score_rows)
    assert result.mean == 5
    assert result.variance == Fraction(32, 7)
    assert f"{result.sd:.4f}" == "2.1381"
    assert result.median == Fraction(9, 2)
    assert result.spread == 7


def test_ties_go_to_median_then_judge_count_then_id():
    contest = one_criterion_contest(["E1", "E2", "E3", "E4"], {j: ["E1", "E2", "E3", "E4"] for j in JUDGES[:3]})
    scores = {
        ("E1", "J1"): 60, ("E1", "J2"): 60, ("E1", "J3"): 90,   # mean 70, median 60
        ("E2", "J1"): 70, ("E2", "J2"): 70, ("E2", "J3"): 70,   # mean 70, median 70
        ("E3", "J1"): 70, ("E3", "J2"): 70, ("E3", "J3"): None,  # mean 70, median 70, two judges
        ("E4", "J1"): 70, ("E4", "J2"): 70, ("E4", "J3"): 70,   # same as E2: id decides
    }
    results = compute_results(contest, "r1", *rows_for(scores))
    assert [(r.entry.id, r.rank) for r in results] == [("E2", 1), ("E4", 2), ("E3", 3), ("E1", 4)]
    assert results[2].conflicts == ["J3"]


def test_unscored_entries_come_last_unranked_and_conflicts_are_not_zero():
    contest = one_criterion_contest(["E1", "E2"], {"J1": ["E1", "E2"]})
    results = compute_results(contest, "r1", *rows_for({("E1", "J1"): None, ("E2", "J1"): 10}))
    assert [(r.entry.id, r.rank, r.mean) for r in results] == [("E2", 1, 10), ("E1", None, None)]


def test_disagreements_are_flagged_widest_first():
    contest = one_criterion_contest(["E1", "E2", "E3"], {j: ["E1", "E2", "E3"] for j in JUDGES[:2]})
    scores = {("E1", "J1"): 50, ("E1", "J2"): 75, ("E2", "J1"): 50, ("E2", "J2"): 69,
              ("E3", "J1"): 10, ("E3", "J2"): 90}
    flagged = disagreements(compute_results(contest, "r1", *rows_for(scores)))
    assert [r.entry.id for r in flagged] == ["E3", "E1"]


@pytest.mark.parametrize("scores, expected", [([Decimal("3.5"), Decimal("4")], Fraction(15, 4))])
def test_criterion_means_are_exact(scores, expected):
    contest = one_criterion_contest(["E1"], {"J1": ["E1"], "J2": ["E1"]})
    rows = [{"entry_id": "E1", "judge_id": j, "status": "scored"} for j in ("J1", "J2")]
    srows = [{"entry_id": "E1", "judge_id": j, "criterion_id": "C1", "score": str(s)} for j, s in zip(("J1", "J2"), scores)]
    (result,) = compute_results(contest, "r1", rows, srows)
    assert result.criterion_mean("C1") == expected


def test_a_judges_own_totals_summary_matches_the_textbook_example():
    from judge_app.scoring import summarise_totals

    summary = summarise_totals([Fraction(v) for v in (2, 4, 4, 4, 5, 5, 7, 9)])
    assert (summary.count, summary.mean, summary.lowest, summary.highest) == (8, 5, 2, 9)
    assert f"{float(summary.sd):.4f}" == "2.1381"
    assert summarise_totals([]) is None
    assert summarise_totals([Fraction(70)]).sd is None


# ---------------------------------------------------------------- per-entry statistics


def test_min_max_and_trimmed_mean_drop_one_extreme_each_from_five_judges():
    contest = one_criterion_contest(["E1", "E2"], {j: ["E1", "E2"] for j in JUDGES[:5]})
    scores = {("E1", j): v for j, v in zip(JUDGES, (10, 20, 30, 40, 100))}
    scores.update({("E2", j): v for j, v in zip(JUDGES[:4], (10, 20, 30, 100))})
    scores[("E2", "J5")] = None
    e1, e2 = sorted(compute_results(contest, "r1", *rows_for(scores)), key=lambda r: r.entry.id)
    assert (e1.minimum, e1.maximum, e1.mean, e1.trimmed_mean) == (10, 100, 40, 30)
    assert (e2.judge_count, e2.trimmed_mean, e2.mean) == (4, 40, 40)  # four judges: nothing trimmed


# ---------------------------------------------------------------- RoundResults


# Shrout & Fleiss (1979), Table 2: 6 targets × 4 judges; published ICC(2,1) = .29.
SHROUT_FLEISS = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]


def round_results_for(scores, *, calibration=(), method: str | None = None):
    entries = sorted({e for e, _ in scores})
    judges = sorted({j for _, j in scores})
    contest = one_criterion_contest(entries, {j: entries for j in judges})
    history = [MethodDecision(method, "2022-11-30T03:00:00Z", False)] if method else []
    return build_round_results(contest, "r1", *rows_for(scores), calibration=calibration, history=history)


def test_calibration_entries_are_not_ranked_but_count_for_severity():
    # K1, K2: calibration, scored by all three; J1 is 30 points harsher there.
    # E1..E4 are each scored by one judge only, so they say nothing about severity.
    scores = {("K1", "J1"): 50, ("K1", "J2"): 80, ("K1", "J3"): 80,
              ("K2", "J1"): 60, ("K2", "J2"): 90, ("K2", "J3"): 90,
              ("E1", "J1"): 70, ("E2", "J2"): 60, ("E3", "J3"): 65, ("E4", "J1"): 40}
    rr = round_results_for(scores, calibration=("K1", "K2"))
    assert [(r.entry.id, r.rank) for r in rr.results] == [("E1", 1), ("E3", 2), ("E2", 3), ("E4", 4)]
    assert [(r.entry.id, r.rank) for r in rr.calibration] == [("K1", None), ("K2", None)]
    assert {row.entry_id for row in rr.table} == {"E1", "E2", "E3", "E4"}
    assert not {c.entry_id for c in rr.stability} & {"K1", "K2"}
    assert rr.severity["J1"].severity == -30 and rr.severity["J1"].entries == 2
    assert rr.severity["J2"].severity == 15
    # The calibration entries alone form a complete design, the round does not.
    assert rr.icc is None and rr.calibration_icc is not None
    # Without the calibration flag the same rows rank K2 first.
    assert round_results_for(scores).results[0].entry.id == "K2"


def test_the_chosen_method_sets_the_rank_and_the_stability_check():
    scores = {(e, j): v for e, values in {"A": [60, 60, 60, 60, 100], "B": [65] * 5, "C": [63, 63, None, None, None],
                                           "D": [50, 50, 70, 70, 70]}.items()
              for j, v in zip(JUDGES[:5], values) if v is not None}
    default = round_results_for(scores)
    assert default.method == "mean" and default.decision is None
    assert [r.entry.id for r in default.ranked] == ["A", "B", "C", "D"]
    for method in ("trimmed_mean", "standardised"):
        rr = round_results_for(scores, method=method)
        assert rr.method == method and rr.decision.method == method
        assert [r.entry.id for r in rr.ranked] == rank_entries(rr.results, method)
        assert [r.rank for r in rr.ranked] == [1, 2, 3, 4]
        assert [row.entry_id for row in rr.table] == [r.entry.id for r in rr.ranked]
        assert rr.stability == stability(rr.results, method=method)
    assert [r.entry.id for r in round_results_for(scores, method="standardised").ranked] == ["C", "B", "A", "D"]


def test_icc_is_reported_only_for_a_complete_design_and_matches_shrout_and_fleiss():
    scores = {(f"T{i}", f"J{k + 1}"): v for i, row in enumerate(SHROUT_FLEISS, start=1) for k, v in enumerate(row)}
    rr = round_results_for(scores)
    assert rr.icc_form == ICC_FORM == "ICC(2,1)"
    assert round(rr.icc, 2) == 0.29
    del scores[("T3", "J2")]
    assert round_results_for(scores).icc is None


def test_standardised_means_are_filled_in_and_disagreements_flagged():
    scores = {("E1", "J1"): 10, ("E1", "J2"): 90, ("E2", "J1"): 50, ("E2", "J2"): 55, ("E3", "J1"): 70}
    rr = round_results_for(scores)
    by_id = {r.entry.id: r for r in rr.results}
    assert [r.entry.id for r in rr.disagreements] == ["E1"]
    # J1: 10, 50, 70 (mean 130/3); J2: 90, 55 — every entry has a z-score
    assert all(by_id[e].standardised_mean is not None for e in ("E1", "E2", "E3"))
    assert by_id["E3"].standardised_mean > 0 > by_id["E2"].standardised_mean


# ---------------------------------------------------------------- a real merged round with paper sheets


PAPER_JUDGE = "J07"
INCOMPLETE_JUDGE = "J06"  # left the last entry unscored in the signed file; typed in from paper instead
CALIBRATION = ("E050", "E060")  # no judge's first entry (play_judge declares a conflict there)


def enter_on_paper(db: ContestDatabase, judge_id: str, entry_ids, round_id: str = "r1") -> None:
    """Type in a judge's paper sheets directly into the tables the paper module writes."""
    scores = simulated_scores(db.contest, round_id, judge_id)
    with db.transaction():
        for entry_id in entry_ids:
            values = scores[entry_id] or {c: "3" for c in db.contest.round(round_id).rubric.criterion_ids}
            db.conn.execute(
                "INSERT INTO paper_sheets (round_id, judge_id, entry_id, status, total, overall_comment,"
                " conflict_reason, scan_sha256, scan_name, scan, entered_by, entered_at)"
                " VALUES (?, ?, ?, 'scored', NULL, '', '', 'ab', 'scan.png', x'00', 'officer', ?)",
                (round_id, judge_id, entry_id, now_utc()))
            db.conn.executemany(
                "INSERT INTO paper_scores (round_id, judge_id, entry_id, criterion_id, score, comment)"
                " VALUES (?, ?, ?, ?, ?, '')",
                [(round_id, judge_id, entry_id, c, str(v)) for c, v in values.items()])


def copy_issued(template: IssuedRound, folder: Path) -> IssuedRound:
    """A copy of an issued round in ``folder`` (for module-scoped fixtures; conftest's ``issued`` is per test)."""
    shutil.copytree(template.folder, folder)
    return IssuedRound(folder, template.contest, folder / "contest.db",
                       {j: folder / "bundles" / p.name for j, p in template.bundles.items()}, template.secretariat)


def build_merged_round(template: IssuedRound, folder: Path) -> IssuedRound:
    """A copy of the issued round: J01–J06 merged from signed files (J06 one entry short),
    J07's sheets and J06's missing one typed from paper, CALIBRATION marked as calibration entries."""
    merged = copy_issued(template, folder)
    round_ = merged.contest.rounds[0]
    files = []
    with merged.open_db() as db:
        for judge in merged.contest.judges:
            if judge.id == PAPER_JUDGE:
                continue
            played = play_judge(merged, judge.id, folder / "played", complete=judge.id != INCOMPLETE_JUDGE)
            db.enrol_key(judge.id, played.key.public_key, how="test")
            files.append(played.score_file)
        assert all(o.status == "accepted" for o in merge_files(db, files))
        enter_on_paper(db, PAPER_JUDGE, round_.entries_of(PAPER_JUDGE))
        enter_on_paper(db, INCOMPLETE_JUDGE, round_.entries_of(INCOMPLETE_JUDGE)[-1:])
        set_calibration_entries(db, "r1", CALIBRATION)
    return merged


@pytest.fixture(scope="module")
def merged_round(issued_template, tmp_path_factory) -> IssuedRound:
    return build_merged_round(issued_template, tmp_path_factory.mktemp("merged") / "round")


def expected_paper_rows(contest) -> set[tuple[str, str]]:
    round_ = contest.rounds[0]
    return ({(PAPER_JUDGE, e) for e in round_.entries_of(PAPER_JUDGE)}
            | {(INCOMPLETE_JUDGE, round_.entries_of(INCOMPLETE_JUDGE)[-1])})


def test_paper_sheets_count_in_the_results_and_are_marked(merged_round):
    from judge_app.results import results_csv, results_text
    from judge_app.scoring import weighted_total

    with merged_round.open_db() as db:
        rr = load_round_results(db, "r1")
    contest = merged_round.contest
    assert rr.paper_entered == expected_paper_rows(contest)
    simulated = simulated_scores(contest, "r1", PAPER_JUDGE)
    everything = {r.entry.id: r for r in (*rr.results, *rr.calibration)}
    for judge_id, entry_id in rr.paper_entered:
        result = everything[entry_id]
        assert judge_id in result.paper and judge_id in result.totals
    for entry_id in contest.rounds[0].entries_of(PAPER_JUDGE):
        values = simulated[entry_id] or {c: Decimal(3) for c in contest.rounds[0].rubric.criterion_ids}
        assert everything[entry_id].totals[PAPER_JUDGE] == weighted_total(contest.rounds[0].rubric, values)
    signed_only = next(r for r in rr.results if r.totals and not r.paper)
    assert not any(rr.is_paper(j, signed_only.entry.id) for j in signed_only.totals)

    text = results_text(rr.results)
    paper_line = next(line for line in text.splitlines() if f"{PAPER_JUDGE}=" in line)
    assert f"{PAPER_JUDGE}=" in paper_line and "(paper)" in paper_line
    assert text.count("(paper)") == sum(len(r.paper) for r in rr.results)
    table = results_csv(contest, rr.results, rr.calibration)
    assert table.count("(paper)") == len(rr.paper_entered)
    assert table.count("\ncalibration,") == len(CALIBRATION)


def test_calibration_entries_from_the_database_are_left_out_of_the_ranking(merged_round):
    from judge_app.agreement import judge_severity

    with merged_round.open_db() as db:
        rr = load_round_results(db, "r1")
    assert [r.entry.id for r in rr.calibration] == list(CALIBRATION)
    assert all(r.rank is None and len(r.totals) >= 2 for r in rr.calibration)
    ranked_ids = {r.entry.id for r in rr.results}
    assert not ranked_ids & set(CALIBRATION)
    assert [r.rank for r in rr.ranked] == list(range(1, len(rr.ranked) + 1))
    all_totals = {r.entry.id: dict(r.totals) for r in (*rr.results, *rr.calibration) if r.totals}
    assert rr.severity == judge_severity(all_totals)
    without = judge_severity({e: t for e, t in all_totals.items() if e not in CALIBRATION})
    assert rr.severity != without  # the calibration entries do move the judges' severities
