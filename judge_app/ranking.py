"""Other ways to rank the same scores, and how firmly each entry sits at a cut line.

The official order (:mod:`judge_app.results`) is the plain mean of the judges'
totals. That is simple and explainable, but near a cut line — the 3rd place that
goes on to the national DG Awards, the 20th that still receives the award — one
generous or harsh judge can decide which side an entry lands on. Science fairs
handle this by sending the cusp back to more judges. This module finds that cusp:

* :func:`rank_entries` ranks the entries under one of :data:`METHODS`, optionally
  as if one judge had never scored (leave-one-judge-out);
* :func:`ranking_table` sets every method's rank side by side;
* :func:`stability` checks each entry within a few places of a cut line: does it
  stay on the same side under every other method and without each judge? The
  ones that do not are the entries to send to more judges.

Nothing here changes the official ranking; it only says how much to trust it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from statistics import median

from .agreement import judge_scales, standardised_means
from .results import AWARD_COUNT, NATIONAL_COUNT, TRIM_MIN_JUDGES, EntryResult, trimmed_mean

__all__ = [
    "METHODS", "DEFAULT_METHOD", "TIE_BREAKS_EN", "TIE_BREAKS_TH", "METHOD_LABELS_EN", "METHOD_LABELS_TH", "TRIM_MIN_JUDGES", "WITHOUT_JUDGE", "CutCheck",
    "MethodRanks", "rank_entries", "ranking_table", "stability", "trimmed_mean",
]

#: The ranking methods, the default first (used until the officer chooses one).
METHODS = ("mean", "trimmed_mean", "standardised")
DEFAULT_METHOD = METHODS[0]

#: The tie-breaks every method shares, after its own score, as printed on the report.
TIE_BREAKS_EN = "ties: higher median total, then more judges having scored, then entry id"
TIE_BREAKS_TH = ("หากคะแนนเท่ากัน ให้ผลงานที่มีค่ามัธยฐานสูงกว่าอยู่ก่อน หากยังเท่ากัน ให้ผลงานที่มีจำนวนกรรมการให้คะแนนมากกว่าอยู่ก่อน "
                 "และสุดท้ายเรียงตามรหัสผลงาน")

METHOD_LABELS_EN = {
    "mean": "Mean of the judges' totals (the default)",
    "trimmed_mean": "Trimmed mean (highest and lowest total dropped when 5 or more judges scored)",
    "standardised": "Mean of standardised scores (each judge's totals as z-scores)",
}
METHOD_LABELS_TH = {
    "mean": "ค่าเฉลี่ยคะแนนรวมของกรรมการ (ค่าเริ่มต้น)",
    "trimmed_mean": "ค่าเฉลี่ยแบบตัดปลาย (ตัดคะแนนสูงสุดและต่ำสุดออกเมื่อมีกรรมการให้คะแนนตั้งแต่ 5 ท่าน)",
    "standardised": "ค่าเฉลี่ยคะแนนมาตรฐาน (แปลงคะแนนของกรรมการแต่ละท่านเป็นคะแนน z)",
}

#: How :func:`stability` names a leave-one-judge-out ranking in ``CutCheck.flips``.
WITHOUT_JUDGE = "without {judge}"


def _totals_by_entry(results: Sequence[EntryResult], exclude_judge: str | None) -> dict[str, dict[str, Fraction]]:
    """Each entry's judge totals, without ``exclude_judge``; entries left with none are dropped."""
    totals = {}
    for result in results:
        kept = {j: t for j, t in result.totals.items() if j != exclude_judge}
        if kept:
            totals[result.entry.id] = kept
    return totals


def _tie_break(entry_id: str, totals: Mapping[str, Fraction]) -> tuple:
    """The tie-breaks of :func:`judge_app.results.compute_results`: higher median, more judges, entry id."""
    return (-Fraction(median(totals.values())), -len(totals), entry_id)


def _sort_keys(totals: Mapping[str, Mapping[str, Fraction]], method: str,
               scales: Mapping[str, tuple[Fraction, float]] | None = None) -> dict[str, tuple]:
    """Each entry's sort key under ``method`` (smaller sorts first); ``scales`` as in standardised_means."""
    def mean(values: Mapping[str, Fraction]) -> Fraction:
        return sum(values.values(), Fraction(0)) / len(values)

    if method == "mean":
        return {e: (-mean(v), *_tie_break(e, v)) for e, v in totals.items()}
    if method == "trimmed_mean":
        return {e: (-trimmed_mean(v.values()), *_tie_break(e, v)) for e, v in totals.items()}
    z_means = standardised_means(totals, scales)
    return {e: (0, -z_means[e], 0, *_tie_break(e, v)) if e in z_means else (1, 0, -mean(v), *_tie_break(e, v))
            for e, v in totals.items()}


def rank_entries(results: Sequence[EntryResult], method: str = "mean", *,
                 exclude_judge: str | None = None) -> list[str]:
    """Entry ids in rank order under ``method``, best first.

    With ``exclude_judge`` the ranking is recomputed as if that judge had never
    scored (for "standardised", the other judges' z-scores are unchanged, as
    their own totals are). Entries no judge scored, or scored only by the
    excluded judge, are left out. Ties follow :mod:`judge_app.results` so that
    "mean" without exclusion reproduces the official order exactly.

    Under "standardised", an entry scored only by judges who cannot be
    standardised (fewer than 2 entries, or the same total on all of them) has
    no z-score; such entries follow all the others, in mean order, rather than
    vanish, because their scores are real even if they cannot be rescaled.
    """
    if method not in METHODS:
        raise ValueError(f"unknown ranking method {method!r}; use one of {', '.join(METHODS)}")
    keys = _sort_keys(_totals_by_entry(results, exclude_judge), method)
    return sorted(keys, key=keys.__getitem__)


def _places_without(judge: str, wanted: Sequence[str], totals: Mapping[str, Mapping[str, Fraction]],
                    keys: Mapping[str, tuple], ordered_keys: Sequence[tuple], method: str,
                    scales: Mapping[str, tuple[Fraction, float]]) -> dict[str, int]:
    """The places of ``wanted`` entries in the ranking without ``judge``, as rank_entries would give them.

    Leaving a judge out changes only the keys of the entries that judge scored
    (the other judges' z-scales do not depend on that judge), so each place is
    the base ranking's count of smaller keys corrected for those few entries:
    a national round needs one sort, not one per judge. Entries left with no
    score are absent from the result.
    """
    changed = {e: t for e, t in totals.items() if judge in t}
    remaining = {e: {j: v for j, v in t.items() if j != judge} for e, t in changed.items()}
    new_keys = _sort_keys({e: t for e, t in remaining.items() if t}, method,
                          {j: s for j, s in scales.items() if j != judge})
    old_changed = sorted(keys[e] for e in changed)
    new_sorted = sorted(new_keys.values())
    places = {}
    for entry_id in wanted:
        key = new_keys.get(entry_id) if entry_id in changed else keys.get(entry_id)
        if key is None:
            continue
        smaller = (bisect_left(ordered_keys, key) - bisect_left(old_changed, key) + bisect_left(new_sorted, key))
        places[entry_id] = smaller + 1
    return places


def _positions(order: Sequence[str]) -> dict[str, int]:
    return {entry_id: place for place, entry_id in enumerate(order, start=1)}


@dataclass(frozen=True)
class MethodRanks:
    """One entry's rank under each method (None: not ranked, as nobody scored it)."""

    entry_id: str
    ranks: dict[str, int | None] = field(default_factory=dict)


def ranking_table(results: Sequence[EntryResult]) -> list[MethodRanks]:
    """Every entry's rank under every method, side by side, in the order of ``results``.

    A large gap between columns shows an entry whose standing rests on how the
    scores are combined rather than on the scores themselves.
    """
    positions = {method: _positions(rank_entries(results, method)) for method in METHODS}
    return [
        MethodRanks(r.entry.id, {method: positions[method].get(r.entry.id) for method in METHODS})
        for r in results
    ]


@dataclass(frozen=True)
class CutCheck:
    """Whether an entry near a cut line stays on its side of it.

    ``cut`` is the number of places above the line (3: national; 20: award);
    ``rank`` the entry's rank under the chosen method; ``inside`` whether that
    rank is within the cut. ``flips`` names every alternative ranking that puts
    it on the other side: a method ("trimmed_mean") or a left-out judge
    ("without J03"). ``stable`` is true when there are none.
    """

    entry_id: str
    cut: int
    rank: int
    inside: bool
    stable: bool
    flips: list[str]


def stability(results: Sequence[EntryResult], cuts: Sequence[int] = (NATIONAL_COUNT, AWARD_COUNT),
              near: int = 3, *, method: str = "mean") -> list[CutCheck]:
    """Check the entries within ``near`` places of each cut line; one CutCheck per entry and cut.

    For the cut at 20 with ``near`` 3 these are ranks 18–20 (inside) and 21–23
    (outside). Each is compared with its side under every other method and
    under ``method`` with each judge left out in turn — every judge, not only
    those who scored the entry, because removing a judge elsewhere moves other
    entries past it. An entry that loses all its scores when a judge is left
    out counts as outside: its place rested on that judge alone.

    The checks are ordered by cut, then rank. Entries far from every cut are
    not checked: no single method or judge is likely to carry them across.
    """
    if method not in METHODS:
        raise ValueError(f"unknown ranking method {method!r}; use one of {', '.join(METHODS)}")
    totals = _totals_by_entry(results, None)
    keys = _sort_keys(totals, method)
    base = sorted(keys, key=keys.__getitem__)
    wanted = [base[rank - 1] for cut in cuts for rank in range(max(1, cut - near + 1), min(cut + near, len(base)) + 1)]
    ordered_keys = [keys[e] for e in base]
    scales = judge_scales(totals)
    alternatives = {other: _positions(rank_entries(results, other)) for other in METHODS if other != method}
    for judge in sorted({judge for r in results for judge in r.totals}):
        alternatives[WITHOUT_JUDGE.format(judge=judge)] = _places_without(
            judge, wanted, totals, keys, ordered_keys, method, scales)

    checks = []
    for cut in cuts:
        for rank in range(max(1, cut - near + 1), cut + near + 1):
            if rank > len(base):
                break
            entry_id = base[rank - 1]
            inside = rank <= cut
            flips = []
            for label, positions in alternatives.items():
                other_rank = positions.get(entry_id)
                if (other_rank is not None and other_rank <= cut) != inside:
                    flips.append(label)
            checks.append(CutCheck(entry_id, cut, rank, inside, not flips, flips))
    return checks
