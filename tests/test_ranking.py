"""Alternative rankings and the cut-line stability check, on small hand-built panels."""

from __future__ import annotations

from fractions import Fraction

import pytest

from judge_app.demo_round import play_demo_round
from judge_app.ranking import (
    METHOD_LABELS_EN,
    METHOD_LABELS_TH,
    METHODS,
    CutCheck,
    rank_entries,
    ranking_table,
    stability,
    trimmed_mean,
)
from judge_app.results import AWARD_COUNT, NATIONAL_COUNT, compute_results
from judge_app.secretariat import ContestDatabase

from test_results import one_criterion_contest, rows_for

FIVE = ["J1", "J2", "J3", "J4", "J5"]


def results_for(scores: dict[tuple[str, str], int | None]):
    """EntryResults for ``scores[(entry, judge)]`` on a one-criterion contest (total = score)."""
    entries = sorted({entry for entry, _ in scores})
    judges = sorted({judge for _, judge in scores})
    contest = one_criterion_contest(entries, {j: entries for j in judges})
    return compute_results(contest, "r1", *rows_for(scores))


def panel(rows: dict[str, list[int | None]], judges: list[str] = FIVE) -> dict[tuple[str, str], int]:
    """``{entry: [score per judge, None = not scored]}`` as ``{(entry, judge): score}``."""
    return {(e, j): v for e, values in rows.items() for j, v in zip(judges, values) if v is not None}


def test_methods_have_thai_and_english_labels():
    assert METHODS[0] == "mean"
    assert set(METHOD_LABELS_EN) == set(METHOD_LABELS_TH) == set(METHODS)


def test_trimmed_mean_drops_the_extremes_only_from_five_judges():
    assert trimmed_mean([10, 20, 30, 40, 100]) == 30            # 10 and 100 dropped
    assert trimmed_mean([10, 20, 30, 100]) == 40                # four judges: plain mean
    assert trimmed_mean([1, 2, 2, 3, 3, 3]) == Fraction(5, 2)   # only one of each extreme goes
    assert trimmed_mean([Fraction(1, 3), 1, 1, 1, 2]) == 1      # exact
    assert isinstance(trimmed_mean([1, 2]), Fraction)
    with pytest.raises(ValueError):
        trimmed_mean([])


# A: four judges say 60, J5 says 100          mean 68, trimmed 60
# B: all five say 65                           mean 65, trimmed 65
# C: only the two harsh judges J1, J2, who put it first of their own entries: mean 63 (too few to trim)
# D: harsh J1, J2 say 50, the rest 70          mean 62, trimmed 63⅓
DIFFERING = panel({"A": [60, 60, 60, 60, 100], "B": [65] * 5, "C": [63, 63, None, None, None],
                   "D": [50, 50, 70, 70, 70]})


def test_the_three_methods_give_their_documented_orders():
    results = results_for(DIFFERING)
    assert rank_entries(results, "mean") == ["A", "B", "C", "D"]
    # Without J5's 100, A is the weakest; D's trimmed mean keeps one harsh 50 of two.
    assert rank_entries(results, "trimmed_mean") == ["B", "D", "C", "A"]
    # 63 is the best either harsh judge gave, so on their own scale C stands highest.
    assert rank_entries(results, "standardised") == ["C", "B", "A", "D"]
    with pytest.raises(ValueError):
        rank_entries(results, "median")


def test_ranking_table_sets_the_methods_side_by_side():
    table = {row.entry_id: row.ranks for row in ranking_table(results_for(DIFFERING))}
    assert table["A"] == {"mean": 1, "trimmed_mean": 4, "standardised": 3}
    assert table["C"] == {"mean": 3, "trimmed_mean": 3, "standardised": 1}


def test_ranking_table_keeps_unscored_entries_unranked():
    results = results_for({("E1", "J1"): None, ("E2", "J1"): 10})
    assert [(row.entry_id, row.ranks["mean"]) for row in ranking_table(results)] == [("E2", 1), ("E1", None)]


def test_leaving_a_judge_out_removes_an_entry_only_that_judge_scored():
    results = results_for(panel({"E1": [70, 80], "E2": [90, None], "E3": [None, 60]}, ["J1", "J2"]))
    assert rank_entries(results, "mean") == ["E2", "E1", "E3"]
    for method in METHODS:
        assert rank_entries(results, method, exclude_judge="J1") == ["E1", "E3"]
    # E1 is recomputed from J2 alone: 80 now beats E2's missing score and E3's 60.
    assert rank_entries(results, "mean", exclude_judge="J2") == ["E2", "E1"]


def test_ties_keep_the_official_tie_breaks():
    """The tie case of test_results: equal means fall to median, then judge count, then id."""
    scores = {
        ("E1", "J1"): 60, ("E1", "J2"): 60, ("E1", "J3"): 90,
        ("E2", "J1"): 70, ("E2", "J2"): 70, ("E2", "J3"): 70,
        ("E3", "J1"): 70, ("E3", "J2"): 70, ("E3", "J3"): None,
        ("E4", "J1"): 70, ("E4", "J2"): 70, ("E4", "J3"): 70,
    }
    results = results_for(scores)
    official = [r.entry.id for r in results if r.rank is not None]
    assert official == ["E2", "E4", "E3", "E1"]
    assert rank_entries(results, "mean") == official
    assert rank_entries(results, "trimmed_mean") == official  # three judges: nothing trimmed
    # E2 and E4 have identical totals, so identical z-scores: the id decides.
    standardised = rank_entries(results, "standardised")
    assert standardised.index("E2") + 1 == standardised.index("E4")


def cusp_panel():
    """24 entries; J1 and J2 give E01..E24 98, 96, … 52, except E20 whom both give 50.

    J3 scores only E20, 80, which lifts its mean to 60: rank 20, between E19 (62)
    and E21 (58). Without J3 it would be last, so its award rests on one judge.
    """
    scores = {}
    for k in range(1, 25):
        entry = f"E{k:02d}"
        value = 50 if k == 20 else 100 - 2 * k
        scores[(entry, "J1")] = scores[(entry, "J2")] = value
    scores[("E20", "J3")] = 80
    return results_for(scores)


def test_an_entry_at_the_cut_carried_by_one_judge_is_unstable():
    results = cusp_panel()
    assert next(r.rank for r in results if r.entry.id == "E20") == 20
    checks = {(c.entry_id, c.cut): c for c in stability(results)}

    e20 = checks[("E20", AWARD_COUNT)]
    assert (e20.rank, e20.inside, e20.stable) == (20, True, False)
    # Without J3 it is last; and J3, with one entry, has no scale to standardise,
    # so the standardised mean sees only the two 50s.
    assert e20.flips == ["standardised", "without J3"]

    # E21 is the one that would move up in its place.
    e21 = checks[("E21", AWARD_COUNT)]
    assert (e21.rank, e21.inside, e21.stable, e21.flips) == (21, False, False, ["standardised", "without J3"])

    # Leaving out J1 or J2 lifts E20 to 65 (rank 18): still inside, and E18, E19
    # move down only to 19 and 20, so no judge but J3 carries anyone across.
    assert checks[("E18", AWARD_COUNT)].stable and checks[("E19", AWARD_COUNT)].stable
    assert not any("J1" in f or "J2" in f for c in checks.values() for f in c.flips)

    # Ranks 18–23 around the award cut and 1–6 around the national one; nothing else.
    assert {c.rank for (_, cut), c in checks.items() if cut == AWARD_COUNT} == set(range(18, 24))
    assert {c.rank for (_, cut), c in checks.items() if cut == NATIONAL_COUNT} == set(range(1, 7))
    assert not any(entry == "E10" for entry, _ in checks)
    assert checks[("E01", NATIONAL_COUNT)] == CutCheck("E01", NATIONAL_COUNT, 1, True, True, [])


def test_near_and_cuts_are_parameters_and_short_lists_stop_at_the_end():
    results = results_for(DIFFERING)
    checks = stability(results, cuts=(2,), near=1)
    assert [(c.entry_id, c.rank, c.inside) for c in checks] == [("B", 2, True), ("C", 3, False)]
    # Under the trimmed mean C (63) is third of four, so it stays out; standardised puts it first.
    assert checks[1].flips[0] == "standardised"
    assert "trimmed_mean" not in checks[1].flips
    assert [c.rank for c in stability(results, cuts=(20,))] == []
    chosen = stability(results, cuts=(1,), near=1, method="standardised")
    assert [(c.entry_id, c.rank) for c in chosen] == [("C", 1), ("B", 2)]
    assert "mean" in chosen[0].flips


@pytest.fixture(scope="module")
def demo_results(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo-round")
    play_demo_round(folder, entry_count=40)
    with ContestDatabase.open(folder / "contest.db") as db:
        return compute_results(db.contest, "r1", db.entry_results("r1"), db.merged_scores("r1"))


def test_every_entry_near_a_cut_in_the_demo_round_is_checked(demo_results):
    official = [r.entry.id for r in demo_results if r.rank is not None]
    assert rank_entries(demo_results, "mean") == official
    checks = stability(demo_results)
    for cut in (NATIONAL_COUNT, AWARD_COUNT):
        near = [c for c in checks if c.cut == cut]
        assert [c.entry_id for c in near] == official[max(0, cut - 3):cut + 3]
        assert [c.rank for c in near] == list(range(max(1, cut - 2), cut + 4))
        for c in near:
            assert c.inside == (c.rank <= cut)
            assert c.stable == (not c.flips)
            assert all(f in METHODS or f.startswith("without J") for f in c.flips)
    table = ranking_table(demo_results)
    assert len(table) == 40
    assert [row.entry_id for row in table if row.ranks["mean"] is not None] == official
