"""Statistics about the judging panel: how far the judges agree, and how each one scores.

Four tools, each checked in ``tests/test_agreement.py`` against a published
worked example (or, for the last, a planted-bias simulation):

* :func:`krippendorff_alpha` (alias :func:`krippendorff_alpha_interval`) — agreement
  when not every judge scored every entry (Krippendorff 2011);
* :func:`icc` — intraclass correlations for a complete design (Shrout & Fleiss 1979);
* :func:`judge_severity` — how much harsher or kinder each judge is than the
  rest of the panel on the same entries, and how consistently;
* :func:`standardised_means` — each entry's mean of per-judge z-scores, which
  removes a judge's overall harshness from the comparison of entries.

Arithmetic is exact (:class:`fractions.Fraction`) up to the last step, so a
score sheet of whole numbers or decimals gives the same answer on every
machine; square roots, and therefore correlations, SDs and z-scores, are floats.
Values may be ``int``, ``Fraction``, ``Decimal`` or ``float``; ``None`` and
absent keys both mean "not scored".
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TypeVar, Union

Number = Union[int, float, Fraction, Decimal]
K = TypeVar("K", bound=Hashable)
J = TypeVar("J", bound=Hashable)

METRICS = ("nominal", "ordinal", "interval", "ratio")


def _exact(value: Number) -> Fraction:
    """The value as an exact fraction (a float is taken at its exact binary value)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Fraction, Decimal)):
        raise TypeError(f"not a score: {value!r}")
    try:
        return Fraction(value)
    except (ValueError, OverflowError) as exc:  # NaN, infinity
        raise ValueError(f"not a finite score: {value!r}") from exc


def _mean(values: Sequence[Fraction]) -> Fraction:
    return sum(values, Fraction(0)) / len(values)


def _pearson(xs: Sequence[Fraction], ys: Sequence[Fraction]) -> float | None:
    """Pearson's r, or None when it is undefined (fewer than 2 points, or no spread).

    Computed as sign(Sxy)·√(Sxy² / (Sxx·Syy)) with the ratio exact, so a perfect
    linear relation gives exactly ±1.0 rather than 0.9999999999999998.
    """
    if len(xs) != len(ys):
        raise ValueError("the two series must have the same length")
    if len(xs) < 2:
        return None
    mx, my = _mean(xs), _mean(ys)
    sxy = sum(((x - mx) * (y - my) for x, y in zip(xs, ys)), Fraction(0))
    sxx = sum(((x - mx) ** 2 for x in xs), Fraction(0))
    syy = sum(((y - my) ** 2 for y in ys), Fraction(0))
    if sxx == 0 or syy == 0:
        return None
    r = math.copysign(math.sqrt(sxy * sxy / (sxx * syy)), sxy)
    return max(-1.0, min(1.0, r))


# --------------------------------------------------------------------------
# Krippendorff's alpha
# --------------------------------------------------------------------------


def krippendorff_alpha(
    data: Mapping[K, Mapping[J, Number | None]], metric: str = "interval"
) -> float:
    """Krippendorff's alpha for units × coders data with missing values.

    ``data[unit][coder]`` is the value the coder gave the unit (for us: entry ×
    judge → total). Source: K. Krippendorff, "Computing Krippendorff's
    Alpha-Reliability" (2011), section C ("Multiple observers, any metric,
    missing data")::

        o_ck  = Σ_u  (number of c–k pairs in unit u) / (m_u − 1)   (coincidences)
        n_c   = Σ_k o_ck,   n = Σ_c n_c
        alpha = 1 − (n − 1) · Σ_c Σ_k o_ck δ²_ck  /  Σ_c Σ_k n_c n_k δ²_ck

    Only *pairable* values count: a unit with fewer than two values (m_u < 2)
    says nothing about agreement and is dropped. Difference functions δ²_ck:

    * ``nominal``:  0 if c = k else 1
    * ``ordinal``:  (Σ_{g=c..k} n_g − (n_c + n_k)/2)²
    * ``interval``: (c − k)²
    * ``ratio``:    ((c − k)/(c + k))²   (values must not be negative)

    Raises ValueError when there are no pairable values or when all pairable
    values are identical (expected disagreement 0: alpha is undefined).
    """
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; use one of {', '.join(METRICS)}")
    units = [[_exact(v) for v in coders.values() if v is not None] for coders in data.values()]
    units = [values for values in units if len(values) >= 2]  # only pairable values count
    if not units:
        raise ValueError("no unit has two or more values, so there is nothing to compare")
    if metric == "interval":
        n, observed, expected = _interval_disagreements(units)
    else:
        n, observed, expected = _coincidence_disagreements(units, metric)
    if expected == 0:
        raise ValueError("all pairable values are the same, so alpha is undefined")
    return float(1 - (n - 1) * observed / expected)


def _interval_disagreements(units: list[list[Fraction]]) -> tuple[int, Fraction, Fraction]:
    """n, observed and expected disagreement for the interval metric, in one pass.

    With δ²_ck = (c − k)², both double sums have a closed form, because for
    any values Σ_i Σ_j (v_i − v_j)² = 2·m·Σv² − 2·(Σv)²:

        Σ_c Σ_k o_ck δ²_ck     = Σ_u (2·m_u·Σ_u v² − 2·(Σ_u v)²) / (m_u − 1)
        Σ_c Σ_k n_c n_k δ²_ck  = 2·n·Σ v² − 2·(Σ v)²      (over all pairable values)

    The same numbers as the coincidence matrix gives (the tests check both
    against each other), but linear in the number of values: a national round
    has thousands of distinct totals, and the matrix would be their square.
    """
    n = 0
    observed = total = total_sq = Fraction(0)
    for values in units:
        m_u = len(values)
        s1 = sum(values, Fraction(0))
        s2 = sum((v * v for v in values), Fraction(0))
        observed += (2 * m_u * s2 - 2 * s1 * s1) / (m_u - 1)
        n += m_u
        total += s1
        total_sq += s2
    return n, observed, 2 * n * total_sq - 2 * total * total


def _coincidence_disagreements(units: list[list[Fraction]], metric: str) -> tuple[int, Fraction, Fraction]:
    """n, observed and expected disagreement from the coincidence matrix (any metric)."""
    # Coincidence matrix, off-diagonal cells only: δ² is 0 on the diagonal for
    # every metric, but the diagonal still counts towards n_c, so track n_c apart.
    coincidences: Counter[tuple[Fraction, Fraction]] = Counter()
    n_c: Counter[Fraction] = Counter()
    for values in units:
        m_u = len(values)
        counts = Counter(values)
        for c, count_c in counts.items():
            n_c[c] += count_c  # Σ_k o_ck over this unit is exactly count_c
            for k, count_k in counts.items():
                if c != k:
                    coincidences[c, k] += Fraction(count_c * count_k, m_u - 1)

    n = sum(n_c.values())
    if metric == "ratio" and any(v < 0 for v in n_c):
        raise ValueError("the ratio metric needs values that are not negative")

    ordered = sorted(n_c)
    position = {v: i for i, v in enumerate(ordered)}
    cumulative = [Fraction(0)]  # cumulative[i] = Σ of n_g for the first i values
    for v in ordered:
        cumulative.append(cumulative[-1] + n_c[v])

    def delta2(c: Fraction, k: Fraction) -> Fraction:
        if c == k:
            return Fraction(0)
        if metric == "nominal":
            return Fraction(1)
        if metric == "interval":
            return (c - k) ** 2
        if metric == "ratio":
            return ((c - k) / (c + k)) ** 2  # c ≠ k and both ≥ 0, so c + k > 0
        lo, hi = sorted((position[c], position[k]))
        return (cumulative[hi + 1] - cumulative[lo] - Fraction(n_c[c] + n_c[k], 2)) ** 2

    observed = sum((o * delta2(c, k) for (c, k), o in coincidences.items()), Fraction(0))
    expected = sum(
        (n_c[c] * n_c[k] * delta2(c, k) for c in ordered for k in ordered if c != k),
        Fraction(0),
    )
    return n, observed, expected


def krippendorff_alpha_interval(
    data: Mapping[K, Mapping[J, Number | None]], metric: str = "interval"
) -> float:
    """:func:`krippendorff_alpha`, interval metric unless another is asked for."""
    return krippendorff_alpha(data, metric)


# --------------------------------------------------------------------------
# Intraclass correlation
# --------------------------------------------------------------------------

ICC_KINDS = ("1,1", "2,1", "3,1", "1,k", "2,k", "3,k")


def _icc_kind(kind: str, k: int) -> str:
    """'ICC(2,1)', 'icc2,1', '2,1', 'ICC(3,k)', 'ICC(3,4)' with 4 judges … → '2,1' / '3,k'."""
    text = kind.strip().lower().replace(" ", "")
    if text.startswith("icc"):
        text = text[3:]
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    model, _, form = text.partition(",")
    if form == str(k) and k != 1:
        form = "k"  # Shrout & Fleiss write ICC(3,4) for the mean of 4 judges
    normal = f"{model},{form}"
    if normal not in ICC_KINDS:
        raise ValueError(
            f"unknown ICC kind {kind!r}; use one of "
            + ", ".join(f"ICC({x})" for x in ICC_KINDS)
        )
    return normal


def icc(matrix: Sequence[Sequence[Number]], kind: str) -> float:
    """Intraclass correlation for a complete targets × judges design.

    ``matrix[i][j]`` is judge j's score of target (entry) i; every judge must
    have scored every target. Source: P. E. Shrout & J. L. Fleiss, "Intraclass
    correlations: uses in assessing rater reliability", Psychological Bulletin
    86(2), 1979, Table 1 (mean squares) and equations 1–6, with n targets and
    k judges::

        BMS = between-targets mean square,  df n − 1
        WMS = within-target mean square,    df n(k − 1)
        JMS = between-judges mean square,   df k − 1
        EMS = residual mean square,         df (n − 1)(k − 1)

        ICC(1,1) = (BMS − WMS) / (BMS + (k − 1)·WMS)
        ICC(2,1) = (BMS − EMS) / (BMS + (k − 1)·EMS + k·(JMS − EMS)/n)
        ICC(3,1) = (BMS − EMS) / (BMS + (k − 1)·EMS)
        ICC(1,k) = (BMS − WMS) / BMS
        ICC(2,k) = (BMS − EMS) / (BMS + (JMS − EMS)/n)
        ICC(3,k) = (BMS − EMS) / BMS

    Case 1: each target rated by a different random set of judges; case 2:
    the same random sample of judges rate every target (judge differences
    count as error); case 3: these particular judges only (judge differences
    do not count). The ",1" forms are the reliability of one judge, the ",k"
    forms that of the mean of the k judges.

    ``kind`` is e.g. ``"ICC(2,1)"`` or ``"ICC(3,k)"`` (``"ICC(3,4)"`` with 4
    judges is accepted too). Raises ValueError for an incomplete design
    (ragged rows or missing scores), fewer than 2 targets or judges, or when
    the coefficient is undefined (zero denominator).
    """
    rows = [list(row) for row in matrix]
    n = len(rows)
    if n < 2:
        raise ValueError("ICC needs at least 2 targets (entries)")
    k = len(rows[0])
    if k < 2:
        raise ValueError("ICC needs at least 2 judges per target")
    for i, row in enumerate(rows):
        if len(row) != k:
            raise ValueError(
                f"ICC needs a complete design: target {i} has {len(row)} scores, target 0 has {k}"
            )
        if any(v is None for v in row):
            raise ValueError(f"ICC needs a complete design: target {i} has a missing score")
    form = _icc_kind(kind, k)

    x = [[_exact(v) for v in row] for row in rows]
    grand = _mean([v for row in x for v in row])
    row_means = [_mean(row) for row in x]
    col_means = [_mean([x[i][j] for i in range(n)]) for j in range(k)]

    ss_total = sum(((v - grand) ** 2 for row in x for v in row), Fraction(0))
    ss_targets = k * sum(((m - grand) ** 2 for m in row_means), Fraction(0))
    ss_judges = n * sum(((m - grand) ** 2 for m in col_means), Fraction(0))
    ss_within = ss_total - ss_targets
    ss_error = ss_within - ss_judges

    bms = ss_targets / (n - 1)
    wms = ss_within / (n * (k - 1))
    jms = ss_judges / (k - 1)
    ems = ss_error / ((n - 1) * (k - 1))

    numerator, denominator = {
        "1,1": (bms - wms, bms + (k - 1) * wms),
        "2,1": (bms - ems, bms + (k - 1) * ems + k * (jms - ems) / n),
        "3,1": (bms - ems, bms + (k - 1) * ems),
        "1,k": (bms - wms, bms),
        "2,k": (bms - ems, bms + (jms - ems) / n),
        "3,k": (bms - ems, bms),
    }[form]
    if denominator == 0:
        raise ValueError(f"ICC({form}) is undefined for these scores (zero denominator)")
    return float(numerator / denominator)


# --------------------------------------------------------------------------
# Judge severity and standardised means
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Severity:
    """How one judge scores compared with the rest of the panel on the same entries.

    ``severity``: mean over the judge's entries of (judge's total − mean of the
    other judges' totals on that entry); negative = harsher than the others.
    ``entries``: how many entries it is based on (those the judge scored with
    at least one other judge). ``consistency``: Pearson r between the judge's
    totals and the other judges' means on those entries — does the judge rank
    entries the way the others do? None with fewer than 3 entries or no spread.
    """

    severity: Fraction | None
    entries: int
    consistency: float | None


def _scored(totals: Mapping[K, Mapping[J, Number | None]]) -> dict[K, dict[J, Fraction]]:
    """totals with the missing scores dropped and the rest made exact."""
    return {
        entry: {judge: _exact(v) for judge, v in by_judge.items() if v is not None}
        for entry, by_judge in totals.items()
    }


def judge_severity(totals: Mapping[K, Mapping[J, Number | None]]) -> dict[J, Severity]:
    """Each judge's :class:`Severity`, from ``totals[entry][judge]``.

    A leave-one-out comparison (the judge's total against the mean of the
    *other* judges), so the judge's own score does not pull the reference
    towards itself (a simple leniency/severity index, defined here rather
    than taken from a paper; many-facet Rasch models estimate the same idea
    on a logit scale). The severity is exact:
    with whole-number or Fraction totals it is a Fraction. A judge who never
    shared an entry with another judge gets severity None and entries 0.
    """
    scored = _scored(totals)
    pairs: dict[J, list[tuple[Fraction, Fraction]]] = {}
    for by_judge in scored.values():
        for judge, own in by_judge.items():
            pairs.setdefault(judge, [])
            others = [v for j, v in by_judge.items() if j != judge]
            if others:
                pairs[judge].append((own, _mean(others)))

    result: dict[J, Severity] = {}
    for judge, judged in pairs.items():
        if not judged:
            result[judge] = Severity(severity=None, entries=0, consistency=None)
            continue
        own = [a for a, _ in judged]
        rest = [b for _, b in judged]
        severity = _mean([a - b for a, b in judged])
        consistency = _pearson(own, rest) if len(judged) >= 3 else None
        result[judge] = Severity(severity=severity, entries=len(judged), consistency=consistency)
    return result


def judge_scales(totals: Mapping[K, Mapping[J, Number | None]]) -> dict[J, tuple[Fraction, float]]:
    """Each judge's (mean, sample SD) over their entries, for the judges that can be standardised.

    Judges with fewer than 2 entries, or with the same total on all of them
    (SD 0), cannot be and are left out.
    """
    by_judge: dict[J, list[Fraction]] = {}
    for entry_scores in _scored(totals).values():
        for judge, v in entry_scores.items():
            by_judge.setdefault(judge, []).append(v)

    scales: dict[J, tuple[Fraction, float]] = {}
    for judge, values in by_judge.items():
        if len(values) < 2:
            continue
        mean = _mean(values)
        variance = sum(((v - mean) ** 2 for v in values), Fraction(0)) / (len(values) - 1)
        if variance == 0:
            continue
        scales[judge] = (mean, math.sqrt(variance))
    return scales


def standardised_means(totals: Mapping[K, Mapping[J, Number | None]],
                       scales: Mapping[J, tuple[Fraction, float]] | None = None) -> dict[K, float]:
    """Each entry's mean of the judges' z-scores, from ``totals[entry][judge]``.

    z = (judge's total − judge's mean over their entries) / judge's SD, with the
    *sample* SD (divisor n − 1), as in the usual score standardisation of
    examiners' marks. This removes each judge's overall harshness (their mean)
    and spread (their SD), so a harsh judge no longer sinks the entries they
    happened to be given. The correction assumes each judge saw a fair spread
    of entries (random allocation); it cannot tell a harsh judge from a judge
    given weak entries.

    Judges with fewer than 2 entries, or with the same total on all of them
    (SD 0), have no z-scores and are left out. Entries left with no z-score at
    all are absent from the result. ``scales`` (from :func:`judge_scales` on a
    larger set of totals) standardises a few entries as part of that larger
    set; by default the judges' scales come from ``totals`` itself.
    """
    scored = _scored(totals)
    scale = judge_scales(totals) if scales is None else scales
    result: dict[K, float] = {}
    for entry, entry_scores in scored.items():
        zs = [
            float(v - scale[judge][0]) / scale[judge][1]
            for judge, v in entry_scores.items()
            if judge in scale
        ]
        if zs:
            result[entry] = math.fsum(zs) / len(zs)
    return result
