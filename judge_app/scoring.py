"""Scores against the rubric: which values are allowed, and the weighted total.

A criterion left unscored is *not scored*, never 0, and an entry under a
declared conflict is *conflict*, never a low score: both are simply absent
from the arithmetic. Totals are exact fractions; they are rounded only to be
shown or written (two decimals, half up).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Mapping, Sequence

from .decimals import decimal_str, fraction_str, parse_decimal
from .model import Criterion, Rubric


class EntryStatus(str, Enum):
    """Where a judge stands with one assigned entry."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    SCORED = "scored"
    CONFLICT = "conflict"


class ScoreError(ValueError):
    """A score is not one the criterion allows; the message says why."""


def check_score(criterion: Criterion, value: Decimal | str) -> Decimal:
    """Return ``value`` as a Decimal if the criterion allows it, else raise ScoreError."""
    if isinstance(value, str):
        try:
            value = parse_decimal(value)
        except ValueError as exc:
            raise ScoreError(f"criterion {criterion.id}: {exc}") from None
    low, high, step = criterion.scale_min, criterion.scale_max, criterion.step
    if value < low or value > high:
        raise ScoreError(
            f"criterion {criterion.id}: score {decimal_str(value)} is outside the scale "
            f"{decimal_str(low)}–{decimal_str(high)}"
        )
    if (value - low) % step != 0:
        raise ScoreError(
            f"criterion {criterion.id}: score {decimal_str(value)} is not on the scale's steps "
            f"of {decimal_str(step)} from {decimal_str(low)}"
        )
    return value


def criterion_points(criterion: Criterion, score: Decimal) -> Fraction:
    """Points a score earns out of the criterion's weight: weight × score / max."""
    return Fraction(criterion.weight) * Fraction(score) / Fraction(criterion.scale_max)


def weighted_total(rubric: Rubric, scores: Mapping[str, Decimal]) -> Fraction:
    """Total out of 100 for a fully scored entry (every criterion present)."""
    missing = [c.id for c in rubric.criteria if c.id not in scores]
    if missing:
        raise ScoreError(f"not every criterion is scored (missing {', '.join(missing)})")
    return sum((criterion_points(c, scores[c.id]) for c in rubric.criteria), Fraction(0))


def total_str(total: Fraction) -> str:
    """A total as written in files and shown to people: two decimals, half up."""
    return fraction_str(total, 2)


def is_complete(rubric: Rubric, scores: Mapping[str, object]) -> bool:
    return all(c.id in scores for c in rubric.criteria)


@dataclass(frozen=True)
class TotalsSummary:
    """How a judge's own totals spread: what the judge checks their consistency against."""

    count: int
    mean: Fraction
    sd: Fraction | None  # sample SD as an exact fraction where possible; None below two totals
    lowest: Fraction
    highest: Fraction


def summarise_totals(totals: Sequence[Fraction]) -> TotalsSummary | None:
    """Mean, sample standard deviation, lowest and highest of a judge's totals (None if none)."""
    if not totals:
        return None
    mean = sum(totals, Fraction(0)) / len(totals)
    sd = Fraction(statistics.stdev(totals)) if len(totals) > 1 else None
    return TotalsSummary(len(totals), mean, sd, min(totals), max(totals))
