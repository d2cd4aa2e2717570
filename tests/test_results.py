"""Result statistics against worked examples, and the documented tie-breaks."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from judge_app.model import contest_from_json
from judge_app.results import compute_results, disagreements

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
