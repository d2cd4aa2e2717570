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
from fractions import Fraction
from statistics import median

from .decimals import parse_decimal
from .model import Contest, Entry
from .scoring import total_str, weighted_total

RANKING_METHOD = (
    "mean of the judges' weighted totals (each out of 100; a criterion earns weight × score ÷ scale max); "
    "ties: higher median, then more judges, then entry id"
)


@dataclass
class EntryResult:
    """One entry's standing in a round."""

    entry: Entry
    totals: dict[str, Fraction] = field(default_factory=dict)
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


def compute_results(contest: Contest, round_id: str, entry_rows, score_rows) -> list[EntryResult]:
    """Rank a round's entries from the merged rows of the contest database."""
    round_ = contest.round(round_id)
    assigned = {entry_id for entries in round_.assignments.values() for entry_id in entries}
    results = {e.id: EntryResult(e) for e in contest.entries if e.id in assigned}
    scores: dict[tuple[str, str], dict[str, object]] = {}
    for row in score_rows:
        scores.setdefault((row["entry_id"], row["judge_id"]), {})[row["criterion_id"]] = parse_decimal(row["score"])
    for row in entry_rows:
        result = results.get(row["entry_id"])
        if result is None:
            continue
        if row["status"] == "scored":
            result.totals[row["judge_id"]] = weighted_total(round_.rubric, scores[(row["entry_id"], row["judge_id"])])
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
