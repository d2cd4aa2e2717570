"""Panel statistics against published worked examples, and a planted-bias simulation."""

from __future__ import annotations

import random
import statistics
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judge_app.agreement import (
    ICC_KINDS,
    Severity,
    _coincidence_disagreements,
    _interval_disagreements,
    icc,
    judge_severity,
    krippendorff_alpha,
    krippendorff_alpha_interval,
    standardised_means,
)

# ---------------------------------------------------------------- Krippendorff

# Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section C:
# 4 observers × 12 units, values 1–5, "." = missing.
KRIPPENDORFF_2011 = {
    "A": "1 2 3 3 2 1 4 1 2 . . .",
    "B": "1 2 3 3 2 2 4 1 2 5 . 3",
    "C": ". 3 3 3 2 3 4 2 2 5 1 .",
    "D": "1 2 3 3 2 4 4 1 2 5 1 .",
}
# The paper's published alphas (3 decimals).
KRIPPENDORFF_2011_ALPHA = {"nominal": 0.743, "ordinal": 0.815, "interval": 0.849, "ratio": 0.797}


def reliability_data(rows: dict[str, str], missing_as_none: bool = False) -> dict[int, dict]:
    """The observers × units table turned into data[unit][observer]."""
    data: dict[int, dict] = {}
    for observer, row in rows.items():
        for unit, value in enumerate(row.split(), start=1):
            if value != ".":
                data.setdefault(unit, {})[observer] = int(value)
            elif missing_as_none:
                data.setdefault(unit, {})[observer] = None
    return data


@pytest.mark.parametrize("metric", sorted(KRIPPENDORFF_2011_ALPHA))
def test_krippendorff_matches_the_published_example(metric):
    alpha = krippendorff_alpha(reliability_data(KRIPPENDORFF_2011), metric)
    assert round(alpha, 3) == KRIPPENDORFF_2011_ALPHA[metric]


def test_krippendorff_interval_is_the_default_and_exact():
    data = reliability_data(KRIPPENDORFF_2011)
    # The exact values behind the published 0.849 and 0.743 (computed in Fractions).
    assert krippendorff_alpha_interval(data) == krippendorff_alpha(data, "interval")
    assert krippendorff_alpha_interval(data) == float(Fraction(951, 1120))
    assert krippendorff_alpha_interval(data, metric="nominal") == float(Fraction(113, 152))


def test_krippendorff_missing_values_and_unpairable_units():
    data = reliability_data(KRIPPENDORFF_2011)
    # None means the same as an absent score.
    assert krippendorff_alpha(reliability_data(KRIPPENDORFF_2011, missing_as_none=True)) == (
        krippendorff_alpha(data)
    )
    # Unit 12 has one value only: not pairable, so removing it changes nothing.
    assert len(data[12]) == 1
    without = {u: v for u, v in data.items() if u != 12}
    assert krippendorff_alpha(without) == krippendorff_alpha(data)
    # Fractions, Decimals and floats of the same values give the same answer.
    as_decimal = {u: {o: Decimal(v) for o, v in c.items()} for u, c in data.items()}
    as_float = {u: {o: float(v) for o, v in c.items()} for u, c in data.items()}
    assert krippendorff_alpha(as_decimal) == krippendorff_alpha(as_float) == krippendorff_alpha(data)


def test_krippendorff_perfect_agreement_and_errors():
    assert krippendorff_alpha({"e1": {"a": 70, "b": 70}, "e2": {"a": 85, "c": 85}}) == 1.0
    with pytest.raises(ValueError, match="unknown metric"):
        krippendorff_alpha(reliability_data(KRIPPENDORFF_2011), "cosine")
    with pytest.raises(ValueError, match="nothing to compare"):
        krippendorff_alpha({"e1": {"a": 70}, "e2": {"b": 80, "c": None}})
    with pytest.raises(ValueError, match="undefined"):
        krippendorff_alpha({"e1": {"a": 70, "b": 70}, "e2": {"a": 70, "c": 70}})
    with pytest.raises(ValueError, match="not negative"):
        krippendorff_alpha({"e1": {"a": -1, "b": 2}}, "ratio")


# ----------------------------------------------------------------------- ICC

# Shrout & Fleiss (1979), Table 2: 6 targets × 4 judges, and their published ICCs.
SHROUT_FLEISS = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
]
SHROUT_FLEISS_ICC = {
    "ICC(1,1)": 0.17,
    "ICC(2,1)": 0.29,
    "ICC(3,1)": 0.71,
    "ICC(1,4)": 0.44,
    "ICC(2,4)": 0.62,
    "ICC(3,4)": 0.91,
}


@pytest.mark.parametrize("kind", sorted(SHROUT_FLEISS_ICC))
def test_icc_matches_shrout_and_fleiss(kind):
    assert round(icc(SHROUT_FLEISS, kind), 2) == SHROUT_FLEISS_ICC[kind]


def test_icc_kind_spellings():
    for kind in ICC_KINDS:
        assert icc(SHROUT_FLEISS, kind) == icc(SHROUT_FLEISS, f"ICC({kind})")
    assert icc(SHROUT_FLEISS, "icc(3,k)") == icc(SHROUT_FLEISS, "ICC(3,4)")
    with pytest.raises(ValueError, match="unknown ICC kind"):
        icc(SHROUT_FLEISS, "ICC(4,1)")
    with pytest.raises(ValueError, match="unknown ICC kind"):
        icc(SHROUT_FLEISS, "ICC(3,5)")  # 5 judges, but the matrix has 4


def test_icc_refuses_an_incomplete_design():
    ragged = [row[:] for row in SHROUT_FLEISS]
    ragged[2] = ragged[2][:3]
    with pytest.raises(ValueError, match="complete design"):
        icc(ragged, "ICC(2,1)")
    holed = [row[:] for row in SHROUT_FLEISS]
    holed[4][1] = None
    with pytest.raises(ValueError, match="complete design"):
        icc(holed, "ICC(2,1)")
    with pytest.raises(ValueError, match="at least 2 targets"):
        icc([[1, 2, 3]], "ICC(3,1)")
    with pytest.raises(ValueError, match="undefined"):
        icc([[5, 5], [5, 5]], "ICC(3,1)")


# ------------------------------------------------------------------ severity


def test_a_judge_ten_points_harsher_on_every_entry():
    # A and B agree; C gives every entry 10 points less.
    base = {"e1": 72, "e2": Fraction(161, 2), "e3": 65, "e4": 91}
    totals = {e: {"A": v, "B": v, "C": v - 10} for e, v in base.items()}
    severity = judge_severity(totals)
    assert severity["C"] == Severity(severity=Fraction(-10), entries=4, consistency=1.0)
    assert type(severity["C"].severity) is Fraction
    # A is compared with the mean of B and C, i.e. 5 below A.
    assert severity["A"] == severity["B"] == Severity(Fraction(5), 4, 1.0)


def test_severity_counts_only_shared_entries():
    totals = {
        "e1": {"A": 70, "B": 80},
        "e2": {"A": 60, "B": 66, "C": None},
        "e3": {"C": 90},  # nobody to compare C with
    }
    severity = judge_severity(totals)
    assert severity["A"] == Severity(Fraction(-8), 2, None)  # < 3 entries: no correlation
    assert severity["B"] == Severity(Fraction(8), 2, None)
    assert severity["C"] == Severity(None, 0, None)


# ------------------------------------------------------- standardised means


def ranks(values: list[float]) -> list[float]:
    """Ranks 1..n, ties sharing their mean rank (as Spearman's rho needs)."""
    order = sorted(range(len(values)), key=values.__getitem__)
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for t in range(i, j + 1):
            result[order[t]] = (i + j) / 2 + 1
        i = j + 1
    return result


def spearman(xs: list[float], ys: list[float]) -> float:
    return statistics.correlation(ranks(xs), ranks(ys))


JUDGES = [f"J{i}" for i in range(1, 7)]
HARSH = "J1"
PENALTY = 15


def synthetic_round(seed: int, harsh: bool = True) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """40 entries of true quality ~N(60, 10), 3 of 6 judges each, noise ~N(0, 5), J1 15 lower."""
    rng = random.Random(seed)
    truth: dict[str, float] = {}
    totals: dict[str, dict[str, float]] = {}
    for n in range(1, 41):
        entry = f"E{n:02d}"
        truth[entry] = quality = rng.gauss(60, 10)
        totals[entry] = {
            judge: quality + rng.gauss(0, 5) - (PENALTY if harsh and judge == HARSH else 0)
            for judge in rng.sample(JUDGES, 3)
        }
    return truth, totals


def raw_means(totals: dict[str, dict[str, float]]) -> dict[str, float]:
    return {entry: statistics.fmean(scores.values()) for entry, scores in totals.items()}


def test_standardised_means_by_hand():
    # J: mean 70, sample SD 10 → z = −1, 0, +1; K: mean 60, SD √200 → z = ∓1/√2.
    totals = {
        "e1": {"J": 60, "K": 50},
        "e2": {"J": 70},
        "e3": {"J": 80, "K": 70, "L": 99},  # L has one entry only: left out
        "e4": {"M": 40},
        "e5": {"M": 40},  # M gave 40 twice: SD 0, left out
    }
    means = standardised_means(totals)
    assert set(means) == {"e1", "e2", "e3"}  # e4, e5 have no usable z-score
    assert means["e1"] == pytest.approx((-1 - 2**-0.5) / 2)
    assert means["e2"] == pytest.approx(0.0)
    assert means["e3"] == pytest.approx((1 + 2**-0.5) / 2)


def test_a_harsh_judge_distorts_raw_means_but_not_standardised_means():
    # The same round with and without J1's 15-point penalty: the standardised
    # means (and so their order) are unchanged, the raw order is not.
    truth, fair = synthetic_round(seed=7, harsh=False)
    _, harsh = synthetic_round(seed=7, harsh=True)
    assert set(fair) == set(harsh) == set(truth)

    def order(means: dict[str, float]) -> list[str]:
        return sorted(means, key=means.__getitem__, reverse=True)

    fair_std, harsh_std = standardised_means(fair), standardised_means(harsh)
    assert harsh_std == pytest.approx(fair_std, abs=1e-9)
    assert order(harsh_std) == order(fair_std)
    assert order(raw_means(harsh)) != order(raw_means(fair))
    # And judge_severity finds the planted judge.
    severity = judge_severity(harsh)
    assert min(severity, key=lambda j: severity[j].severity) == HARSH
    assert float(severity[HARSH].severity) < -PENALTY * 0.8


def test_standardised_means_track_true_quality_better_than_raw_means():
    raw_rho, std_rho = [], []
    for seed in range(50):
        truth, totals = synthetic_round(seed)
        entries = sorted(truth)
        quality = [truth[e] for e in entries]
        raw, std = raw_means(totals), standardised_means(totals)
        raw_rho.append(spearman([raw[e] for e in entries], quality))
        std_rho.append(spearman([std[e] for e in entries], quality))
    # Figures at the time of writing: raw 0.912, standardised 0.939, better in 46 of 50 seeds.
    assert statistics.fmean(std_rho) > statistics.fmean(raw_rho)
    assert statistics.fmean(std_rho) == pytest.approx(0.939, abs=0.001)
    assert statistics.fmean(raw_rho) == pytest.approx(0.912, abs=0.001)


# ------------------------------------------------- the interval shortcut equals the coincidence matrix


units_of_values = st.lists(
    st.lists(st.fractions(min_value=-100, max_value=100, max_denominator=8), min_size=2, max_size=7),
    min_size=1, max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(units_of_values)
def test_interval_closed_form_equals_the_coincidence_matrix(units):
    """The linear-time interval sums are exactly those of Krippendorff's coincidence matrix."""
    assert _interval_disagreements(units) == _coincidence_disagreements(units, "interval")


def test_interval_alpha_on_a_national_scale_round_is_quick():
    """7,000 entries × 3 of 70 judges with thousands of distinct totals: linear, not quadratic."""
    import time

    rng = random.Random(70)
    totals = {e: {j: Fraction(rng.randrange(0, 10001), 100) for j in rng.sample(range(70), 3)} for e in range(7000)}
    started = time.perf_counter()
    alpha = krippendorff_alpha(totals)
    assert time.perf_counter() - started < 5  # the coincidence matrix took minutes here
    assert -0.1 < alpha < 0.1  # independent random totals: no agreement beyond chance
