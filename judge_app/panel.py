"""The judging panel of a round: its judges, what ties them, their conflicts, and who judges what.

The officer's records live in the contest database: judges (in the contest
JSON), ties (``judge_ties``), conflicts declared to the secretariat
(``declared_conflicts``), calibration entries (``calibration_entries``) and an
audit trail of every automatic assignment and manual change
(``assignment_log``). A judge is kept off an entry from the judge's own
province, from a province or organisation the judge is tied to, and off an
entry the judge declared a conflict on (to the secretariat, or in a merged
score file or paper sheet). The balancing itself is :mod:`judge_app.assignment`.

Every change is one transaction that first re-reads the contest, so a window
and a command line working on the same file never undo each other's work.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from .assignment import PROVINCE, TIE_KINDS, PanelRules, judge_order, plan_panels, tie_key
from .errors import SecretariatError, ValidationError
from .contest_json import contest_from_json, contest_to_json
from .model import ID_RULE, Contest, Entry, Judge
from .secretariat import ContestDatabase, EnrolledKey, now_utc


class AssignmentRefused(SecretariatError):
    """A manual change would break a rule (or make no sense); nothing was changed."""


def _tidy(text: str) -> str:
    return " ".join(text.split())


# ================================================================ judges


@dataclass(frozen=True)
class Tie:
    """The officer's record that a judge is tied to an organisation or a province."""

    judge_id: str
    kind: str
    value: str
    noted_at: str

    def describe(self) -> str:
        return f"tied to {self.kind} {self.value}"


@dataclass(frozen=True)
class JudgeRow:
    """A judge as the panel list shows it."""

    judge: Judge
    active_key: EnrolledKey | None
    keys_ever: int
    load: int  # entries in the round, calibration entries included
    calibration: int  # how many of them are calibration entries
    ties: tuple[Tie, ...]

    @property
    def fingerprint(self) -> str | None:
        return self.active_key.public_key.fingerprint if self.active_key else None


def _clean_judge(judge: Judge) -> Judge:
    judge = Judge(*(_tidy(value) for value in (judge.id, judge.name, judge.affiliation, judge.province,
                                                judge.position)))
    problems = []
    if not ID_RULE.match(judge.id):
        problems.append(f"judge id {judge.id!r} is not valid (letters, digits, . _ -; at most 64, "
                        "starting with a letter or digit)")
    if not judge.name:
        problems.append(f"judge {judge.id or '(no id)'} needs a name")
    if problems:
        raise ValidationError("; ".join(problems))
    return judge


def add_judge(db: ContestDatabase, judge: Judge) -> Judge:
    """Add a judge to the contest; refuses an id already in use."""
    judge = _clean_judge(judge)
    with db.transaction():
        contest = _fresh_contest(db)
        existing = _judge_or_none(contest, judge.id)
        if existing is not None:
            raise SecretariatError(f"there is already a judge {judge.id} ({existing.name}); "
                                   "choose another id, or edit that judge")
        updated = _write_contest(db, replace(contest, judges=contest.judges + (judge,)))
    db._contest = updated
    return judge


def update_judge(db: ContestDatabase, judge: Judge) -> Judge:
    """Change a judge's name, affiliation, province or position (the id stays)."""
    judge = _clean_judge(judge)
    with db.transaction():
        contest = _fresh_contest(db)
        _require_judge(contest, judge.id)
        judges = tuple(judge if j.id == judge.id else j for j in contest.judges)
        updated = _write_contest(db, replace(contest, judges=judges))
    db._contest = updated
    return judge


def judge_rows(db: ContestDatabase, round_id: str) -> list[JudgeRow]:
    """Every judge with the active key's fingerprint, key history size, load in the round and ties."""
    contest = db.contest
    round_ = _round(contest, round_id)
    calibration = set(calibration_entries(db, round_id))
    keys_ever = dict(db.conn.execute("SELECT judge_id, count(*) FROM judge_keys GROUP BY judge_id").fetchall())
    by_judge: dict[str, list[Tie]] = {}
    for tie in ties(db):
        by_judge.setdefault(tie.judge_id, []).append(tie)
    rows = []
    for judge in contest.judges:
        mine = round_.entries_of(judge.id)
        rows.append(JudgeRow(judge, db.active_key(judge.id), keys_ever.get(judge.id, 0), len(mine),
                             sum(e in calibration for e in mine), tuple(by_judge.get(judge.id, ()))))
    return rows


# ================================================================ ties


def add_tie(db: ContestDatabase, judge_id: str, kind: str, value: str) -> Tie:
    """Record that a judge is tied to an organisation or a province (compared without spacing or case)."""
    if kind not in TIE_KINDS:
        raise ValidationError(f"a tie is to one of {', '.join(TIE_KINDS)}, not {kind!r}")
    value = _tidy(value)
    if not value:
        raise ValidationError(f"name the {kind} judge {judge_id} is tied to")
    judge = _require_judge(db.contest, judge_id)
    if kind == PROVINCE and judge.province.strip() and tie_key(kind, value) == tie_key(kind, judge.province):
        raise SecretariatError(f"{value} is judge {judge_id}'s own province, which always counts as a tie")
    tie = Tie(judge_id, kind, value, now_utc())
    with db.transaction():
        if any(tie_key(kind, t.value) == tie_key(kind, value) for t in ties(db, judge_id) if t.kind == kind):
            raise SecretariatError(f"judge {judge_id} is already tied to {kind} {value}")
        db.conn.execute("INSERT INTO judge_ties (judge_id, kind, value, noted_at) VALUES (?, ?, ?, ?)",
                        (tie.judge_id, tie.kind, tie.value, tie.noted_at))
    return tie


def remove_tie(db: ContestDatabase, judge_id: str, kind: str, value: str) -> None:
    """Forget a tie (matched the same way as it is compared)."""
    with db.transaction():
        matching = [t for t in ties(db, judge_id) if t.kind == kind and tie_key(kind, t.value) == tie_key(kind, value)]
        if not matching:
            raise SecretariatError(f"judge {judge_id} has no tie to {kind} {_tidy(value)}")
        for tie in matching:
            db.conn.execute("DELETE FROM judge_ties WHERE judge_id = ? AND kind = ? AND value = ?",
                            (tie.judge_id, tie.kind, tie.value))


def ties(db: ContestDatabase, judge_id: str | None = None) -> list[Tie]:
    """The recorded ties (of one judge, or all), oldest first; a judge's own province is implied, not listed."""
    where, args = ("WHERE judge_id = ?", (judge_id,)) if judge_id else ("", ())
    rows = db.conn.execute(f"SELECT judge_id, kind, value, noted_at FROM judge_ties {where}"
                           " ORDER BY judge_id, noted_at, kind, value", args).fetchall()
    return [Tie(*row) for row in rows]


# ================================================================ conflicts


@dataclass(frozen=True)
class Conflict:
    """A judge's conflict of interest on an entry, and where it was declared."""

    judge_id: str
    entry_id: str
    reason: str
    source: str  # 'declared' (to the secretariat), 'signed' (in a score file) or 'paper'
    declared_at: str | None = None  # when it was declared to the secretariat (UTC); None for the others


def declare_conflict(db: ContestDatabase, round_id: str, judge_id: str, entry_id: str, reason: str) -> Conflict:
    """Record a conflict a judge declared to the secretariat; the judge is then never assigned the entry."""
    contest = db.contest
    _round(contest, round_id)
    _require_judge(contest, judge_id)
    _require_entry(contest, entry_id)
    reason = _tidy(reason)
    if not reason:
        raise ValidationError("say why the judge has a conflict of interest (the reason is kept for the audit)")
    with db.transaction():
        if db.conn.execute("SELECT 1 FROM declared_conflicts WHERE round_id = ? AND judge_id = ? AND entry_id = ?",
                           (round_id, judge_id, entry_id)).fetchone():
            raise SecretariatError(f"judge {judge_id} has already declared a conflict on entry {entry_id}")
        declared_at = now_utc()
        db.conn.execute("INSERT INTO declared_conflicts (round_id, judge_id, entry_id, reason, declared_at)"
                        " VALUES (?, ?, ?, ?, ?)", (round_id, judge_id, entry_id, reason, declared_at))
    return Conflict(judge_id, entry_id, reason, "declared", declared_at)


def withdraw_conflict(db: ContestDatabase, round_id: str, judge_id: str, entry_id: str) -> None:
    """Forget a conflict recorded by mistake (one declared in a score file stays)."""
    with db.transaction():
        gone = db.conn.execute("DELETE FROM declared_conflicts WHERE round_id = ? AND judge_id = ? AND entry_id = ?",
                               (round_id, judge_id, entry_id)).rowcount
    if not gone:
        raise SecretariatError(f"no conflict of judge {judge_id} on entry {entry_id} was declared to the secretariat")


def conflicts(db: ContestDatabase, round_id: str) -> list[Conflict]:
    """Conflicts declared to the secretariat, then those in merged score files and paper sheets."""
    found = [Conflict(j, e, reason, "declared", at) for j, e, reason, at in db.conn.execute(
        "SELECT judge_id, entry_id, reason, declared_at FROM declared_conflicts WHERE round_id = ?"
        " ORDER BY judge_id, entry_id", (round_id,))]
    found += [Conflict(row["judge_id"], row["entry_id"], row["conflict_reason"], row["source"])
              for row in db.entry_results(round_id) if row["status"] == "conflict"]
    return found


# ================================================================ the rules


def panel_rules(db: ContestDatabase, round_id: str) -> PanelRules:
    """The round's rules: the judges' own provinces, the recorded ties, and every declared conflict."""
    return PanelRules(((t.judge_id, t.kind, t.value) for t in ties(db)),
                      ((c.judge_id, c.entry_id) for c in conflicts(db, round_id)))


def assignment_violations(db: ContestDatabase, round_id: str) -> list[tuple[str, str, str]]:
    """(judge, entry, reason) of every current assignment a rule forbids (e.g. after a new tie)."""
    contest = db.contest
    rules = panel_rules(db, round_id)
    return [(judge.id, entry_id, why) for judge in contest.judges
            for entry_id in _round(contest, round_id).entries_of(judge.id)
            if (why := rules.exclusion(judge, contest.entry(entry_id))) is not None]


# ================================================================ automatic assignment


@dataclass(frozen=True)
class StaleBundle:
    """A bundle issued to a judge whose entries have changed since: it must be issued again."""

    judge_id: str
    file_name: str
    issued_at: str
    why: str


@dataclass(frozen=True)
class AssignmentOutcome:
    round_id: str
    per_entry: int
    seed: int
    assignments: dict[str, tuple[str, ...]]
    loads: dict[str, int]  # entries per judge that count in the balancing (calibration left out)
    calibration: tuple[str, ...]
    calibration_skipped: tuple[tuple[str, str, str], ...]  # (judge, calibration entry, why the judge may not)
    changed: tuple[str, ...]  # judges whose list of entries changed
    stale: tuple[StaleBundle, ...]


def assign_round(db: ContestDatabase, round_id: str, per_entry: int, *, seed: int = 0) -> AssignmentOutcome:
    """Assign ``per_entry`` judges to every entry under the rules and record it, in one transaction.

    Raises :class:`~judge_app.assignment.AssignmentInfeasible` (nothing
    changed) naming every entry short of judges and why. Bundles already issued
    for the round stay valid files but list the old entries: ``stale`` names them.
    """
    with db.transaction():
        contest = _fresh_contest(db)
        round_ = _round(contest, round_id)
        rules = panel_rules(db, round_id)
        calibration = calibration_entries(db, round_id)
        plan = plan_panels(contest.entries, contest.judges, per_entry, excluded=rules.exclusion,
                           calibration=calibration, seed=seed)
        changed = tuple(j.id for j in contest.judges if plan[j.id] != round_.entries_of(j.id))
        loads = {judge_id: sum(e not in calibration for e in mine) for judge_id, mine in plan.items()}
        skipped = tuple((j.id, entry_id, why) for entry_id in calibration for j in contest.judges
                        if (why := rules.exclusion(j, contest.entry(entry_id))) is not None)
        detail = {"per_entry": per_entry, "seed": seed, "loads": loads, "calibration": list(calibration),
                  "changed": list(changed), "outdated_bundles": _outdated(db, round_id, changed)}
        _log(db, round_id, "auto", None, None, detail)
        updated = _write_contest(db, _with_assignments(contest, round_id, plan))
    db._contest = updated
    return AssignmentOutcome(round_id, per_entry, seed, {j: m for j, m in plan.items() if m}, loads, calibration,
                             skipped, changed, tuple(stale_bundles(db, round_id)))


def stale_bundles(db: ContestDatabase, round_id: str) -> list[StaleBundle]:
    """The latest bundle of each judge whose entries changed after it was issued.

    Every change records which bundle each judge it touched held at that
    moment, so a bundle issued afterwards is never mistaken for an old one
    (however close in time); a bundle whose entry count differs from the
    judge's list is out of date whatever the log says.
    """
    round_ = _round(db.contest, round_id)
    overtaken = {(judge_id, sha) for row in assignment_history(db, round_id)
                 for judge_id, sha in row.detail.get("outdated_bundles", {}).items()}
    stale = []
    for judge_id, bundle in sorted(_latest_bundles(db, round_id).items()):
        now = len(round_.entries_of(judge_id))
        if now != bundle["entry_count"]:
            why = f"it holds {bundle['entry_count']} entries, the judge now has {now}"
        elif (judge_id, bundle["sha256"]) in overtaken:
            why = "the judge's entries changed after it was issued"
        else:
            continue
        stale.append(StaleBundle(judge_id, bundle["file_name"], bundle["issued_at"], why))
    return stale


def _latest_bundles(db: ContestDatabase, round_id: str) -> dict[str, dict]:
    """Judge id → the bundle issued to the judge last in the round."""
    rows = db.conn.execute("SELECT judge_id, sha256, file_name, issued_at, entry_count FROM bundles"
                           " WHERE round_id = ? ORDER BY issued_at, rowid", (round_id,)).fetchall()
    keys = ("judge_id", "sha256", "file_name", "issued_at", "entry_count")
    return {row[0]: dict(zip(keys, row)) for row in rows}


def _outdated(db: ContestDatabase, round_id: str, judge_ids: Iterable[str]) -> dict[str, str]:
    """Judge id → the bundle a change to these judges' entries puts out of date."""
    latest = _latest_bundles(db, round_id)
    return {judge_id: latest[judge_id]["sha256"] for judge_id in judge_ids if judge_id in latest}


# ================================================================ manual changes


@dataclass(frozen=True)
class ChangeOutcome:
    action: str  # 'add' or 'remove'
    judge_id: str
    entry_id: str
    warning: str | None  # set when a removal leaves the entry short (or a calibration entry not for everyone)
    stale: tuple[StaleBundle, ...]
    judges_now: int  # judges on the entry after the change
    needed: int | None  # judges each entry should have (see panel_size)


def change_assignment(db: ContestDatabase, round_id: str, judge_id: str, entry_id: str, *, add: bool,
                      why: str) -> ChangeOutcome:
    """Put one judge on one entry, or take the judge off it, with the officer's reason in the log.

    Adding is refused (:class:`AssignmentRefused`) when a rule keeps the judge
    off the entry; removing is allowed even when it leaves the entry short,
    which comes back as ``warning``.
    """
    why = _tidy(why)
    if not why:
        raise ValidationError("give the reason for the change (it is kept in the assignment log)")
    action = "add" if add else "remove"
    with db.transaction():
        contest = _fresh_contest(db)
        round_ = _round(contest, round_id)
        judge = _require_judge(contest, judge_id)
        entry = _require_entry(contest, entry_id)
        mine = list(round_.entries_of(judge_id))
        warning = None
        if add:
            if entry_id in mine:
                raise AssignmentRefused(f"judge {judge_id} already has entry {entry_id}")
            reason = panel_rules(db, round_id).exclusion(judge, entry)
            if reason is not None:
                raise AssignmentRefused(f"judge {judge_id} may not judge entry {entry_id}: {reason}")
            mine.append(entry_id)
        else:
            if entry_id not in mine:
                raise AssignmentRefused(f"judge {judge_id} does not have entry {entry_id}")
            mine.remove(entry_id)
            warning = _short_warning(db, contest, round_, round_id, entry_id)
        order = judge_order(contest.entries, calibration_entries(db, round_id))
        assignments = {**round_.assignments, judge_id: tuple(sorted(mine, key=order.__getitem__))}
        detail = {"why": why, **({"warning": warning} if warning else {}),
                  "outdated_bundles": _outdated(db, round_id, [judge_id])}
        _log(db, round_id, action, judge_id, entry_id, detail)
        updated = _write_contest(db, _with_assignments(contest, round_id, assignments))
    db._contest = updated
    stale = tuple(s for s in stale_bundles(db, round_id) if s.judge_id == judge_id)
    judges_now = sum(entry_id in mine for mine in updated.round(round_id).assignments.values())
    return ChangeOutcome(action, judge_id, entry_id, warning, stale, judges_now, panel_size(db, round_id))


def _short_warning(db: ContestDatabase, contest: Contest, round_, round_id: str, entry_id: str) -> str | None:
    """What removing one judge from ``entry_id`` leaves short, if anything (before the change is written)."""
    left = sum(entry_id in mine for mine in round_.assignments.values()) - 1
    if entry_id in calibration_entries(db, round_id):
        return f"{entry_id} is a calibration entry; {left} judges now score it, not every judge"
    needed = panel_size(db, round_id)
    if needed is not None and left < needed:
        return f"{entry_id} now has {left} {'judge' if left == 1 else 'judges'}, {needed} needed"
    return None


def panel_size(db: ContestDatabase, round_id: str) -> int | None:
    """Judges each entry should have: the last automatic assignment's, else the most common now."""
    for row in reversed(assignment_history(db, round_id)):
        if row.action == "auto":
            return int(row.detail["per_entry"])
    calibration = set(calibration_entries(db, round_id))
    sizes = Counter(e for mine in _round(db.contest, round_id).assignments.values() for e in mine
                    if e not in calibration)
    return Counter(sizes.values()).most_common(1)[0][0] if sizes else None


# ================================================================ the log


@dataclass(frozen=True)
class LogRow:
    id: int
    action: str  # 'auto', 'add' or 'remove'
    judge_id: str | None
    entry_id: str | None
    detail: dict
    at: str

    def describe(self) -> str:
        if self.action == "auto":
            loads = self.detail.get("loads", {})
            spread = f"{min(loads.values())}–{max(loads.values())}" if loads else "–"
            return (f"automatic: {self.detail.get('per_entry')} judges per entry, seed {self.detail.get('seed')}, "
                    f"{spread} entries per judge, {len(self.detail.get('changed', []))} judges' lists changed")
        word = "added to" if self.action == "add" else "removed from"
        tail = f" — {self.detail['warning']}" if self.detail.get("warning") else ""
        return f"{self.judge_id} {word} {self.entry_id}: {self.detail.get('why', '')}{tail}"


def assignment_history(db: ContestDatabase, round_id: str) -> list[LogRow]:
    """Every automatic assignment and manual change of the round, oldest first."""
    rows = db.conn.execute("SELECT id, action, judge_id, entry_id, detail, at FROM assignment_log"
                           " WHERE round_id = ? ORDER BY id", (round_id,)).fetchall()
    return [LogRow(i, action, judge, entry, json.loads(detail), at) for i, action, judge, entry, detail, at in rows]


def _log(db: ContestDatabase, round_id: str, action: str, judge_id: str | None, entry_id: str | None,
         detail: dict) -> None:
    db.conn.execute("INSERT INTO assignment_log (round_id, action, judge_id, entry_id, detail, at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (round_id, action, judge_id, entry_id, json.dumps(detail, ensure_ascii=False), now_utc()))


# ================================================================ calibration entries


def calibration_entries(db: ContestDatabase, round_id: str) -> tuple[str, ...]:
    """The round's calibration entries, in the contest's entry order."""
    order = {e.id: i for i, e in enumerate(db.contest.entries)}
    rows = db.conn.execute("SELECT entry_id FROM calibration_entries WHERE round_id = ?", (round_id,))
    return tuple(sorted((r[0] for r in rows), key=lambda e: (order.get(e, len(order)), e)))


def set_calibration_entries(db: ContestDatabase, round_id: str, entry_ids: Sequence[str]) -> tuple[str, ...]:
    """Make exactly these the round's calibration entries (none clears them).

    The assignment takes them up at the next automatic assignment, which gives
    them to every judge the rules allow, first in each judge's list.
    """
    contest = db.contest
    _round(contest, round_id)
    unknown = [e for e in dict.fromkeys(entry_ids) if _entry_or_none(contest, e) is None]
    if unknown:
        raise SecretariatError(f"contest {contest.id} has no entry {', '.join(unknown)}")
    with db.transaction():
        db.conn.execute("DELETE FROM calibration_entries WHERE round_id = ?", (round_id,))
        db.conn.executemany("INSERT INTO calibration_entries (round_id, entry_id) VALUES (?, ?)",
                            [(round_id, e) for e in dict.fromkeys(entry_ids)])
    return calibration_entries(db, round_id)


def calibration_gaps(db: ContestDatabase, round_id: str) -> list[str]:
    """Judges whose list does not start with the calibration entries they may judge (assign again to fix)."""
    contest = db.contest
    round_ = _round(contest, round_id)
    calibration = calibration_entries(db, round_id)
    if not calibration:
        return []
    rules = panel_rules(db, round_id)
    gaps = []
    for judge in contest.judges:
        expected = tuple(e for e in calibration if rules.exclusion(judge, contest.entry(e)) is None)
        if round_.entries_of(judge.id)[:len(expected)] != expected:
            gaps.append(judge.id)
    return gaps


# ================================================================ the contest JSON


def _fresh_contest(db: ContestDatabase) -> Contest:
    """The contest as stored now: another connection (a window's worker, a command) may have changed it."""
    db._contest = None
    return db.contest


def _write_contest(db: ContestDatabase, contest: Contest) -> Contest:
    """Validate the changed contest as a whole and store it (the caller holds the transaction)."""
    data = contest_to_json(contest)
    checked = contest_from_json(data)
    db.conn.execute("UPDATE meta SET value = ? WHERE key = 'contest_json'", (json.dumps(data, ensure_ascii=False),))
    return checked


def _with_assignments(contest: Contest, round_id: str, assignments: dict[str, tuple[str, ...]]) -> Contest:
    kept = {judge_id: mine for judge_id, mine in assignments.items() if mine}
    return replace(contest, rounds=tuple(replace(r, assignments=kept) if r.id == round_id else r
                                         for r in contest.rounds))


def _round(contest: Contest, round_id: str):
    try:
        return contest.round(round_id)
    except KeyError:
        raise SecretariatError(f"contest {contest.id} has no round {round_id!r}") from None


def _judge_or_none(contest: Contest, judge_id: str) -> Judge | None:
    return next((j for j in contest.judges if j.id == judge_id), None)


def _entry_or_none(contest: Contest, entry_id: str) -> Entry | None:
    try:
        return contest.entry(entry_id)
    except KeyError:
        return None


def _require_judge(contest: Contest, judge_id: str) -> Judge:
    judge = _judge_or_none(contest, judge_id)
    if judge is None:
        raise SecretariatError(f"there is no judge {judge_id} in contest {contest.id}")
    return judge


def _require_entry(contest: Contest, entry_id: str) -> Entry:
    entry = _entry_or_none(contest, entry_id)
    if entry is None:
        raise SecretariatError(f"there is no entry {entry_id} in contest {contest.id}")
    return entry
