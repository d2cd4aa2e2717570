"""A round's results and statistics in one object: what the window, the CLI, the exports and the report show.

:func:`load_round_results` reads the merged scores (signed files and paper
sheets alike) and the officer's decisions from the contest database, and
computes everything once:

* per entry: judges, mean, median, SD, min, max, trimmed mean, mean of the
  judges' z-scores, per-criterion averages (on :class:`EntryResult`), and the
  rank under the chosen method;
* the ranking under every method side by side, and the stability check at the
  3rd and 20th place;
* the panel: Krippendorff's alpha (interval), the ICC when the design is
  complete, each judge's severity and consistency;
* entries whose judges disagree by :data:`~judge_app.results.DISAGREEMENT_SPREAD`
  points or more, and which scores were typed in from paper.

Ranking. Entries are ordered by the chosen method's score, highest first
(``mean``: mean of the judges' totals; ``trimmed_mean``: the same without the
highest and lowest total from 5 judges up; ``standardised``: mean of the
judges' z-scores, entries without any z-score after all others). Ties go to
the higher median total, then to the entry more judges scored, then to the
lower entry id, so the order is always fully determined. Until the officer
chooses, the method is ``mean``.

Calibration entries (scored by every judge first, to share a scale) are left
out of the ranking, the method table, the stability check and the standardised
scores, but count for the panel statistics (alpha, severity, ICC), which is
what they are for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from .agreement import Severity, icc, judge_severity, krippendorff_alpha, standardised_means
from .errors import SecretariatError
from .decisions import MethodDecision, method_history, results_first_viewed
from .model import Contest, Round
from .panel import calibration_entries
from .ranking import DEFAULT_METHOD, CutCheck, MethodRanks, rank_entries, ranking_table, stability
from .results import AWARD_COUNT, NATIONAL_COUNT, EntryResult, compute_results, disagreements

#: A judge whose totals sit this many points (out of 100) above or below the
#: other judges' on the same entries, on average, is named for the committee.
SEVERITY_NOTICE = 10

#: The ICC form reported: the same judges scored every entry and stand for any
#: such panel (Shrout & Fleiss case 2), reliability of a single judge.
ICC_FORM = "ICC(2,1)"


@dataclass(frozen=True)
class RoundResults:
    """Everything a round's results page, export or report shows; see the module docstring."""

    contest: Contest
    round_id: str
    method: str  # chosen method, "mean" when none chosen yet
    decision: MethodDecision | None
    results: list[EntryResult]  # ranked by the chosen method (rank set), calibration entries excluded
    calibration: list[EntryResult]  # calibration entries, not ranked
    table: list[MethodRanks]  # ranking.ranking_table — ranks under every method side by side
    stability: list[CutCheck]  # ranking.stability at NATIONAL_COUNT (3) and AWARD_COUNT (20)
    severity: dict[str, Severity]  # agreement.judge_severity over ALL scored entries incl. calibration
    alpha: float | None  # Krippendorff's alpha (interval) on the judges' totals, all scored entries
    icc: float | None  # ICC_FORM when every judge scored every entry, else None
    disagreements: list[EntryResult]  # ranked and calibration entries, widest spread first
    paper_entered: set[tuple[str, str]]  # (judge_id, entry_id) whose row was typed from paper
    history: tuple[MethodDecision, ...] = ()  # every choice of method, oldest first
    first_viewed: str | None = None  # when results were first shown (UTC), None if never
    icc_form: str = ICC_FORM
    calibration_icc: float | None = None  # ICC_FORM on the calibration entries alone, when complete

    @property
    def round(self) -> Round:
        return self.contest.round(self.round_id)

    @property
    def ranked(self) -> list[EntryResult]:
        """The entries that have a rank, best first."""
        return [r for r in self.results if r.rank is not None]

    def shortlist(self, count: int) -> list[EntryResult]:
        """The first ``count`` ranked entries (fewer if fewer are ranked)."""
        return self.ranked[:count]

    @property
    def national(self) -> list[EntryResult]:
        """Top 3: put forward to the national DG Awards."""
        return self.shortlist(NATIONAL_COUNT)

    @property
    def award(self) -> list[EntryResult]:
        """Top 20: receive the award."""
        return self.shortlist(AWARD_COUNT)

    @property
    def judges(self) -> list[str]:
        """Ids of the judges who scored at least one entry, in contest order."""
        scored = {j for r in (*self.results, *self.calibration) for j in r.totals}
        return [j.id for j in self.contest.judges if j.id in scored]

    @property
    def notable_judges(self) -> dict[str, str]:
        """Judges at least :data:`SEVERITY_NOTICE` points harsher or more lenient than the rest: "harsher" / "lenient"."""
        return {j: "harsher" if s.severity < 0 else "lenient" for j, s in self.severity.items()
                if s.severity is not None and abs(s.severity) >= SEVERITY_NOTICE}

    def is_paper(self, judge_id: str, entry_id: str) -> bool:
        return (judge_id, entry_id) in self.paper_entered


def criterion_averages(results: Iterable[EntryResult], criterion_ids: Sequence[str]) -> dict[str, Fraction | None]:
    """Mean of every criterion score given in ``results`` (before weighting), exact; None when none."""
    sums: dict[str, list[Fraction]] = {c: [] for c in criterion_ids}
    for result in results:
        for criterion_id in criterion_ids:
            sums[criterion_id].extend(Fraction(v) for v in result.criterion_scores.get(criterion_id, []))
    return {c: (sum(v, Fraction(0)) / len(v) if v else None) for c, v in sums.items()}


def _totals(results: Iterable[EntryResult]) -> dict[str, dict[str, Fraction]]:
    return {r.entry.id: dict(r.totals) for r in results if r.totals}


def _alpha(totals: dict[str, dict[str, Fraction]]) -> float | None:
    try:
        return krippendorff_alpha(totals, "interval")
    except ValueError:  # nothing pairable, or no variation at all
        return None


def complete_icc(totals: dict[str, dict[str, Fraction]]) -> float | None:
    """:data:`ICC_FORM` when every judge who scored here scored every entry here, else None."""
    judges = sorted({j for by_judge in totals.values() for j in by_judge})
    if len(totals) < 2 or len(judges) < 2 or any(len(by_judge) != len(judges) for by_judge in totals.values()):
        return None
    matrix = [[totals[entry][judge] for judge in judges] for entry in sorted(totals)]
    try:
        return icc(matrix, ICC_FORM)
    except ValueError:  # zero denominator: no variation to speak of
        return None


def rank_by(results: Sequence[EntryResult], method: str) -> list[EntryResult]:
    """``results`` re-ranked under ``method`` (ranks set in place), unscored entries last by id."""
    by_id = {r.entry.id: r for r in results}
    order = rank_entries(results, method)
    for r in results:
        r.rank = None
    for place, entry_id in enumerate(order, start=1):
        by_id[entry_id].rank = place
    unranked = sorted((r for r in results if r.rank is None), key=lambda r: r.entry.id)
    return [by_id[e] for e in order] + unranked


def build_round_results(contest: Contest, round_id: str, entry_rows, score_rows, *,
                        calibration: Iterable[str] = (), history: Sequence[MethodDecision] = (),
                        first_viewed: str | None = None) -> RoundResults:
    """:class:`RoundResults` from merged rows (as the database views give them) and the decision record.

    ``calibration``: the calibration entry ids, in the order to show them.
    """
    calibration_order = {entry_id: i for i, entry_id in enumerate(calibration)}
    everything = compute_results(contest, round_id, list(entry_rows), score_rows)
    ranked_pool = [r for r in everything if r.entry.id not in calibration_order]
    calibration_results = sorted((r for r in everything if r.entry.id in calibration_order),
                                 key=lambda r: calibration_order[r.entry.id])
    for r in calibration_results:
        r.rank = None

    decision = history[-1] if history else None
    method = decision.method if decision else DEFAULT_METHOD
    results = rank_by(ranked_pool, method)
    by_id = {r.entry.id: r for r in results}
    for entry_id, z in standardised_means(_totals(results)).items():
        by_id[entry_id].standardised_mean = z

    all_totals = _totals([*results, *calibration_results])
    return RoundResults(
        contest=contest,
        round_id=round_id,
        method=method,
        decision=decision,
        results=results,
        calibration=calibration_results,
        table=ranking_table(results),
        stability=stability(results, (NATIONAL_COUNT, AWARD_COUNT), method=method),
        severity=judge_severity(all_totals),
        alpha=_alpha(all_totals),
        icc=complete_icc(all_totals),
        disagreements=disagreements([*results, *calibration_results]),
        paper_entered={(j, r.entry.id) for r in everything for j in r.paper},
        history=tuple(history),
        first_viewed=first_viewed,
        calibration_icc=complete_icc(_totals(calibration_results)),
    )


def load_round_results(db, round_id: str) -> RoundResults:
    """A round's :class:`RoundResults` from an open :class:`~judge_app.secretariat.ContestDatabase`.

    Only reads: showing the results is recorded by the caller with
    :func:`judge_app.decisions.mark_results_viewed`.
    """
    contest = db.contest
    try:
        contest.round(round_id)
    except KeyError:
        raise SecretariatError(f"contest {contest.id} has no round {round_id!r}", path=db.path) from None
    return build_round_results(
        contest, round_id, db.entry_results(round_id), db.merged_scores(round_id),
        calibration=calibration_entries(db, round_id), history=method_history(db, round_id),
        first_viewed=results_first_viewed(db, round_id),
    )
