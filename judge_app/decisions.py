"""The officer's choice of ranking method, and whether results had been seen by then.

A ranking method chosen before anyone looked at the results cannot have been
chosen to favour an entry; one chosen (or changed) afterwards might have been.
So the database keeps two facts and the report prints both:

* every choice, in the ``decisions`` table (kind ``ranking_method``), with the
  time and whether results had already been viewed at that moment;
* the first time results were shown for the round, in ``results_viewed``
  (recorded once, never moved later).

Whatever shows results — the CLI's ``results``/``statistics``/``report``, the
window's results page — calls :func:`mark_results_viewed` first.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import SecretariatError
from .ranking import METHODS
from .secretariat import now_utc

#: ``decisions.kind`` of a ranking-method choice.
RANKING_METHOD_KIND = "ranking_method"


@dataclass(frozen=True)
class MethodDecision:
    """One choice of ranking method."""

    method: str  # one of ranking.METHODS
    decided_at: str  # UTC ISO time
    results_seen_before: bool  # results had been viewed before this choice


def _require_round(db, round_id: str) -> None:
    try:
        db.contest.round(round_id)
    except KeyError:
        raise SecretariatError(f"contest {db.contest.id} has no round {round_id!r}", path=db.path) from None


def results_first_viewed(db, round_id: str) -> str | None:
    """When results of the round were first shown (UTC ISO time), or None if never."""
    row = db.conn.execute("SELECT first_viewed_at FROM results_viewed WHERE round_id = ?", (round_id,)).fetchone()
    return row[0] if row else None


def mark_results_viewed(db, round_id: str) -> str:
    """Record that results are being shown now, unless they were before; return the first-viewed time."""
    _require_round(db, round_id)
    with db.transaction():
        db.conn.execute("INSERT OR IGNORE INTO results_viewed (round_id, first_viewed_at) VALUES (?, ?)",
                        (round_id, now_utc()))
        first = results_first_viewed(db, round_id)
    assert first is not None
    return first


def method_history(db, round_id: str) -> list[MethodDecision]:
    """Every ranking-method choice for the round, oldest first."""
    rows = db.conn.execute(
        "SELECT value, decided_at, results_seen_before FROM decisions WHERE round_id = ? AND kind = ? ORDER BY id",
        (round_id, RANKING_METHOD_KIND),
    ).fetchall()
    return [MethodDecision(method, at, bool(seen)) for method, at, seen in rows]


def method_decision(db, round_id: str) -> MethodDecision | None:
    """The choice in force (the latest), or None when the officer has not chosen yet."""
    history = method_history(db, round_id)
    return history[-1] if history else None


def choose_method(db, round_id: str, method: str) -> MethodDecision:
    """Record the officer's choice of ranking method for the round.

    Choosing the method already in force records nothing and returns that
    decision: it changes no ranking, so it must not make an early choice look
    late. Raises SecretariatError for an unknown method or round.
    """
    if method not in METHODS:
        raise SecretariatError(f"unknown ranking method {method!r}; choose one of {', '.join(METHODS)}")
    _require_round(db, round_id)
    with db.transaction():
        current = method_decision(db, round_id)
        if current is not None and current.method == method:
            return current
        decision = MethodDecision(method, now_utc(), results_first_viewed(db, round_id) is not None)
        db.conn.execute(
            "INSERT INTO decisions (round_id, kind, value, decided_at, results_seen_before) VALUES (?, ?, ?, ?, ?)",
            (round_id, RANKING_METHOD_KIND, method, decision.decided_at, int(decision.results_seen_before)),
        )
    return decision


def changed_after_results_seen(history: list[MethodDecision]) -> bool:
    """True when the method in force replaced an earlier choice while results had been seen."""
    return any(decision.results_seen_before for decision in history[1:])


def describe_decision(history: list[MethodDecision], first_viewed: str | None) -> list[str]:
    """The decision record in plain English, one sentence a line (for the CLI and exports)."""
    if not history:
        seen = f"results were first viewed {first_viewed}" if first_viewed else "results have not been viewed yet"
        return [f"no ranking method has been chosen; the default ({METHODS[0]}) is used; {seen}"]
    current = history[-1]
    when = "after results had been seen" if current.results_seen_before else "before results were seen"
    lines = [f"ranking method {current.method} chosen {current.decided_at}, {when}"]
    if first_viewed:
        lines.append(f"results were first viewed {first_viewed}")
    if changed_after_results_seen(history):
        lines.append("the method was CHANGED after results had been seen; history:")
    elif len(history) > 1:
        lines.append("earlier choices, all before results were seen:")
    if len(history) > 1:
        for decision in history:
            flag = "results seen" if decision.results_seen_before else "results not yet seen"
            lines.append(f"  {decision.decided_at}  {decision.method}  ({flag})")
    return lines
