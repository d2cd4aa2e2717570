"""Each entry's results: every judge's weighted total, and the statistics of those totals.

Totals are recomputed exactly from the merged criterion scores (not from the
rounded totals in the files). :func:`compute_results` ranks by the plain mean:
highest mean first; ties broken by the higher median, then by more judges
having scored, then by entry id so the order is always fully determined.
Entries nobody has scored yet come last, unranked. The round's official order
uses the method the officer chose, with the same tie-breaks; that, and the
statistics that need the whole panel, are in :mod:`judge_app.round_results`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from statistics import median

from .decimals import parse_decimal
from .model import Contest, Entry
from .scoring import total_str, weighted_total

#: Awards: the first 20 receive the award, the first 3 go on to the national DG Awards.
AWARD_COUNT = 20
NATIONAL_COUNT = 3
#: Judges' totals further apart than this (points out of 100) flag an entry for discussion.
DISAGREEMENT_SPREAD = 20
#: Trimming needs this many judges: with fewer, dropping two totals would leave
#: too few to stand for the panel (and with 3 the trimmed mean is just the median).
TRIM_MIN_JUDGES = 5
#: How a judge's cell is marked when the officer typed the scores from a paper sheet.
PAPER_MARK = "(paper)"
PAPER_NOTE = "typed from a paper sheet by the secretariat, not signed by the judge"
PAPER_NOTE_TH = "คะแนนที่เจ้าหน้าที่สำนักงานเลขานุการพิมพ์จากแบบให้คะแนนฉบับกระดาษ ไม่ได้มาจากแฟ้มคะแนนที่กรรมการลงนามดิจิทัล"


def trimmed_mean(values: Iterable[Fraction | int]) -> Fraction:
    """The mean after dropping the single highest and lowest value, from 5 values up.

    One outlying judge moves a plain mean by a fifth or more of their gap from
    the rest; trimming removes that one voice at each end. Below 5 values the
    plain mean is returned, because trimming would discard too much of the panel.
    Exact: the result is a Fraction.
    """
    ordered = sorted(Fraction(v) for v in values)
    if not ordered:
        raise ValueError("no values to average")
    if len(ordered) >= TRIM_MIN_JUDGES:
        ordered = ordered[1:-1]
    return sum(ordered, Fraction(0)) / len(ordered)


@dataclass
class EntryResult:
    """One entry's standing in a round.

    ``paper`` holds the judges whose row for this entry (scores or conflict)
    was typed in from a paper sheet rather than read from a signed file.
    ``standardised_mean`` (mean of the judges' z-scores) needs the whole
    panel, so it is filled in by :func:`judge_app.round_results.load_round_results`.
    """

    entry: Entry
    totals: dict[str, Fraction] = field(default_factory=dict)
    criterion_scores: dict[str, list[Decimal]] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)
    not_scored: list[str] = field(default_factory=list)
    rank: int | None = None
    paper: set[str] = field(default_factory=set)
    standardised_mean: float | None = None

    @property
    def judge_count(self) -> int:
        return len(self.totals)

    @property
    def mean(self) -> Fraction | None:
        if not self.totals:
            return None
        return sum(self.totals.values(), Fraction(0)) / len(self.totals)

    @property
    def median(self) -> Fraction | None:
        return Fraction(median(self.totals.values())) if self.totals else None

    @property
    def variance(self) -> Fraction | None:
        """Sample variance of the judges' totals (n − 1), exact; None below two judges."""
        if len(self.totals) < 2:
            return None
        mean = self.mean
        assert mean is not None
        return sum(((t - mean) ** 2 for t in self.totals.values()), Fraction(0)) / (len(self.totals) - 1)

    @property
    def sd(self) -> Decimal | None:
        """Sample standard deviation of the judges' totals, to 28 significant digits."""
        variance = self.variance
        if variance is None:
            return None
        return (Decimal(variance.numerator) / Decimal(variance.denominator)).sqrt()

    @property
    def minimum(self) -> Fraction | None:
        return min(self.totals.values()) if self.totals else None

    @property
    def maximum(self) -> Fraction | None:
        return max(self.totals.values()) if self.totals else None

    @property
    def trimmed_mean(self) -> Fraction | None:
        """Mean without the highest and lowest total when 5 or more judges scored (else the mean)."""
        return trimmed_mean(self.totals.values()) if self.totals else None

    @property
    def spread(self) -> Fraction | None:
        """Highest minus lowest judge total."""
        return max(self.totals.values()) - min(self.totals.values()) if self.totals else None

    def criterion_mean(self, criterion_id: str) -> Fraction | None:
        values = self.criterion_scores.get(criterion_id)
        return sum((Fraction(v) for v in values), Fraction(0)) / len(values) if values else None


def compute_results(contest: Contest, round_id: str, entry_rows, score_rows) -> list[EntryResult]:
    """Rank a round's entries from the merged rows of the contest database."""
    round_ = contest.round(round_id)
    assigned = {entry_id for entries in round_.assignments.values() for entry_id in entries}
    results = {e.id: EntryResult(e) for e in contest.entries if e.id in assigned}
    scores: dict[tuple[str, str], dict[str, Decimal]] = {}
    for row in score_rows:
        scores.setdefault((row["entry_id"], row["judge_id"]), {})[row["criterion_id"]] = parse_decimal(row["score"])
    for row in entry_rows:
        result = results.get(row["entry_id"])
        if result is None:
            continue
        if row.get("source") == "paper":
            result.paper.add(row["judge_id"])
        if row["status"] == "scored":
            judge_scores = scores[(row["entry_id"], row["judge_id"])]
            result.totals[row["judge_id"]] = weighted_total(round_.rubric, judge_scores)
            for criterion_id, value in judge_scores.items():
                result.criterion_scores.setdefault(criterion_id, []).append(value)
        elif row["status"] == "conflict":
            result.conflicts.append(row["judge_id"])
        else:
            result.not_scored.append(row["judge_id"])
    ranked = sorted(
        (r for r in results.values() if r.totals),
        key=lambda r: (-r.mean, -r.median, -r.judge_count, r.entry.id),
    )
    for position, result in enumerate(ranked, start=1):
        result.rank = position
    unranked = sorted((r for r in results.values() if not r.totals), key=lambda r: r.entry.id)
    return ranked + unranked


def judge_cell(result: EntryResult, judge_id: str) -> str:
    """One judge's cell for an entry: the total, "conflict" or "not scored", marked when typed from paper."""
    if judge_id in result.totals:
        text = total_str(result.totals[judge_id])
    elif judge_id in result.conflicts:
        text = "conflict"
    elif judge_id in result.not_scored:
        text = "not scored"
    else:
        return ""
    return f"{text} {PAPER_MARK}" if judge_id in result.paper else text


def results_csv(contest: Contest, results: list[EntryResult], calibration: list[EntryResult] = ()) -> str:
    """The result table as CSV (UTF-8 text; write it with a BOM for Excel).

    Calibration entries follow the ranked ones with "calibration" in the rank
    column; a judge's cell typed in from a paper sheet ends with ``(paper)``.
    """
    judges = [j.id for j in contest.judges]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["rank", "entry_id", "org_name", "org_type", "province", "project_title", "judges",
                     "mean", "median", *judges])
    for rank_text, group in ((None, results), ("calibration", calibration)):
        for r in group:
            writer.writerow([
                rank_text or r.rank or "", r.entry.id, r.entry.org_name, r.entry.org_type, r.entry.province,
                r.entry.project_title, r.judge_count,
                total_str(r.mean) if r.mean is not None else "",
                total_str(r.median) if r.median is not None else "",
                *(judge_cell(r, j) for j in judges),
            ])
    return out.getvalue()


def method_score_text(result: EntryResult, method: str) -> str:
    """The entry's score under a ranking method as shown: a total to 2 decimals, a z-mean to 3; "-" if none."""
    if method == "standardised":
        return f"{result.standardised_mean:+.3f}" if result.standardised_mean is not None else "-"
    value = result.trimmed_mean if method == "trimmed_mean" else result.mean
    return total_str(value) if value is not None else "-"


def results_text(results: list[EntryResult], *, limit: int | None = None, method: str = "mean") -> str:
    """A plain-text table for the terminal; a ranking by another method than the mean shows its score too."""
    extra = {"trimmed_mean": "trimmed", "standardised": "z-mean"}.get(method)
    head = f" {extra:>7}" if extra else ""
    lines = [f"{'rank':>4}  {'entry':<6} {'mean':>6}{head}  {'judges (weighted total /100)':<40} organisation"]
    for r in results[:limit] if limit else results:
        judges = [*sorted(r.totals), *r.conflicts, *r.not_scored]
        cells = [f"{j}={judge_cell(r, j)}" for j in judges]
        score = f" {method_score_text(r, method):>7}" if extra else ""
        lines.append(f"{r.rank or '-':>4}  {r.entry.id:<6} {method_score_text(r, 'mean'):>6}{score}  "
                     f"{' '.join(cells):<40} {r.entry.org_name}")
    return "\n".join(lines) + "\n"


def disagreements(results: list[EntryResult], threshold: Fraction | int = DISAGREEMENT_SPREAD) -> list[EntryResult]:
    """Entries whose judges' totals lie ``threshold`` points or more apart, widest first."""
    flagged = [r for r in results if len(r.totals) >= 2 and r.spread is not None and r.spread >= threshold]
    return sorted(flagged, key=lambda r: (-r.spread, r.entry.id))
