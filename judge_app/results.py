"""First results: each judge's weighted total, the mean per entry, and the rank.

Totals are recomputed exactly from the merged criterion scores (not from the
rounded totals in the files). Ranking: highest mean first; ties broken by the
higher median, then by more judges having scored, then by entry id so the
order is always fully determined. Entries nobody has scored yet come last,
unranked.
"""

from __future__ import annotations

import csv
import io
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

RANKING_METHOD = (
    "mean of the judges' weighted totals (each out of 100; a criterion earns weight × score ÷ scale max); "
    "ties: higher median, then more judges, then entry id"
)
RANKING_METHOD_TH = (
    "จัดอันดับตามค่าเฉลี่ยของคะแนนรวมที่กรรมการแต่ละท่านให้ (เต็ม 100) หากเท่ากัน ให้ผลงานที่มีค่ามัธยฐานสูงกว่าอยู่ก่อน "
    "หากยังเท่ากัน ให้ผลงานที่มีจำนวนกรรมการให้คะแนนมากกว่าอยู่ก่อน และสุดท้ายเรียงตามรหัสผลงาน"
)


@dataclass
class EntryResult:
    """One entry's standing in a round."""

    entry: Entry
    totals: dict[str, Fraction] = field(default_factory=dict)
    criterion_scores: dict[str, list[Decimal]] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)
    not_scored: list[str] = field(default_factory=list)
    rank: int | None = None

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


def _judge_cell(result: EntryResult, judge_id: str) -> str:
    if judge_id in result.totals:
        return total_str(result.totals[judge_id])
    if judge_id in result.conflicts:
        return "conflict"
    if judge_id in result.not_scored:
        return "not scored"
    return ""


def results_csv(contest: Contest, results: list[EntryResult]) -> str:
    """The result table as CSV (UTF-8 text; write it with a BOM for Excel)."""
    judges = [j.id for j in contest.judges]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["rank", "entry_id", "org_name", "org_type", "province", "project_title", "judges",
                     "mean", "median", *judges])
    for r in results:
        writer.writerow([
            r.rank or "", r.entry.id, r.entry.org_name, r.entry.org_type, r.entry.province, r.entry.project_title,
            r.judge_count,
            total_str(r.mean) if r.mean is not None else "",
            total_str(r.median) if r.median is not None else "",
            *(_judge_cell(r, j) for j in judges),
        ])
    return out.getvalue()


def results_text(results: list[EntryResult], *, limit: int | None = None) -> str:
    """A plain-text table for the terminal."""
    lines = [f"{'rank':>4}  {'entry':<6} {'mean':>6}  {'judges (weighted total /100)':<40} organisation"]
    for r in results[:limit] if limit else results:
        cells = [f"{j}={total_str(t)}" for j, t in sorted(r.totals.items())]
        cells += [f"{j}=conflict" for j in r.conflicts] + [f"{j}=not scored" for j in r.not_scored]
        mean = total_str(r.mean) if r.mean is not None else "-"
        lines.append(f"{r.rank or '-':>4}  {r.entry.id:<6} {mean:>6}  {' '.join(cells):<40} {r.entry.org_name}")
    return "\n".join(lines) + "\n"


def disagreements(results: list[EntryResult], threshold: Fraction | int = DISAGREEMENT_SPREAD) -> list[EntryResult]:
    """Entries whose judges' totals lie ``threshold`` points or more apart, widest first."""
    flagged = [r for r in results if len(r.totals) >= 2 and r.spread is not None and r.spread >= threshold]
    return sorted(flagged, key=lambda r: (-r.spread, r.entry.id))
