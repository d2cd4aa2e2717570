"""Commands for the judging panel: judges, their ties, declared conflicts, assignment and calibration entries."""

from __future__ import annotations

import argparse
import sys
from typing import Callable

from .secretariat import _open_db, _round_id
from .support import CliError, say


def cmd_judges(args: argparse.Namespace) -> int:
    from ..panel import judge_rows

    with _open_db(args) as db:
        rows = judge_rows(db, _round_id(db, args))
    say(f"{'id':<6} {'fingerprint':<24} {'load':<12} name / province / ties")
    for row in rows:
        load = f"{row.load}" + (f" ({row.calibration} cal.)" if row.calibration else "")
        ties = "; ".join(f"{t.kind} {t.value}" for t in row.ties) or "–"
        say(f"{row.judge.id:<6} {row.fingerprint or 'no key':<24} {load:<12} {row.judge.name} / "
            f"{row.judge.province or '–'} / ties: {ties}")
    return 0


def _judge_fields(sub: argparse.ArgumentParser, *, required: bool) -> None:
    sub.add_argument("db")
    sub.add_argument("--id", required=True, help="e.g. J08 (letters, digits, . _ -)")
    sub.add_argument("--name", required=required)
    for field in ("affiliation", "province", "position"):
        sub.add_argument(f"--{field}", default="" if required else None)


def cmd_judge_add(args: argparse.Namespace) -> int:
    from ..model import Judge
    from ..panel import add_judge

    with _open_db(args) as db:
        judge = add_judge(db, Judge(args.id, args.name, args.affiliation, args.province, args.position))
    say(f"added judge {judge.id}: {judge.name} ({judge.province or 'no province'}); "
        "enrol the judge's key next (secretariat enrol)")
    return 0


def cmd_judge_edit(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from ..panel import update_judge

    with _open_db(args) as db:
        try:
            judge = db.contest.judge(args.id)
        except KeyError:
            raise CliError(f"there is no judge {args.id}") from None
        changes = {f: getattr(args, f) for f in ("name", "affiliation", "province", "position")
                   if getattr(args, f) is not None}
        judge = update_judge(db, replace(judge, **changes))
    say(f"judge {judge.id}: {judge.name} / {judge.affiliation} / {judge.province} / {judge.position}")
    return 0


def cmd_tie(args: argparse.Namespace) -> int:
    from ..assignment import ORGANISATION, PROVINCE
    from ..panel import add_tie, remove_tie

    kind, value = (ORGANISATION, args.organisation) if args.organisation else (PROVINCE, args.province)
    with _open_db(args) as db:
        if args.remove:
            remove_tie(db, args.judge, kind, value)
            say(f"judge {args.judge} is no longer tied to {kind} {value}")
        else:
            tie = add_tie(db, args.judge, kind, value)
            say(f"judge {args.judge} is {tie.describe()}: never assigned to its entries")
    return 0


def cmd_declare_conflict(args: argparse.Namespace) -> int:
    from ..panel import declare_conflict, withdraw_conflict

    with _open_db(args) as db:
        round_id = _round_id(db, args)
        if args.withdraw:
            withdraw_conflict(db, round_id, args.judge, args.entry)
            say(f"withdrew the conflict of judge {args.judge} on entry {args.entry}")
            return 0
        if not args.reason:
            raise CliError("give --reason (it is kept for the audit)")
        declare_conflict(db, round_id, args.judge, args.entry, args.reason)
        assigned = args.entry in db.contest.round(round_id).entries_of(args.judge)
    say(f"recorded: judge {args.judge} has a conflict on entry {args.entry}")
    if assigned:
        say(f"  {args.judge} is assigned {args.entry} now: assign again, or "
            f"assignment-change --remove --judge {args.judge} --entry {args.entry}")
    return 0


def _say_stale(stale) -> None:
    if stale:
        say(f"{len(stale)} issued bundles are out of date; issue them again "
            f"(secretariat issue … {' '.join('--judge ' + s.judge_id for s in stale)}):")
        for item in stale:
            say(f"  {item.judge_id}  {item.file_name}  issued {item.issued_at}: {item.why}")


def cmd_assign(args: argparse.Namespace) -> int:
    from ..panel import assign_round

    with _open_db(args) as db:
        outcome = assign_round(db, _round_id(db, args), args.per_entry, seed=args.seed)
        names = {j.id: j.name for j in db.contest.judges}
    loads = outcome.loads.values()
    say(f"assigned {outcome.per_entry} judges per entry (seed {outcome.seed}) in round {outcome.round_id}; "
        f"{min(loads)}–{max(loads)} entries per judge, {len(outcome.changed)} judges' lists changed")
    if outcome.calibration:
        say(f"calibration entries, first for every judge: {', '.join(outcome.calibration)}")
        for judge_id, entry_id, why in outcome.calibration_skipped:
            say(f"  {judge_id} does not get calibration entry {entry_id}: {why}")
    for judge_id, load in outcome.loads.items():
        extra = len(outcome.assignments.get(judge_id, ())) - load
        say(f"  {judge_id}  {load:>4}" + (f" + {extra} calibration" if extra else "") + f"  {names[judge_id]}")
    _say_stale(outcome.stale)
    return 0


def cmd_assignment_change(args: argparse.Namespace) -> int:
    from ..panel import AssignmentRefused, change_assignment

    with _open_db(args) as db:
        try:
            outcome = change_assignment(db, _round_id(db, args), args.judge, args.entry, add=args.add, why=args.why)
        except AssignmentRefused as exc:
            sys.stderr.write(f"judge-app: refused: {exc}\n")
            return 1
    say(f"{'added' if args.add else 'removed'} judge {args.judge} {'to' if args.add else 'from'} entry {args.entry}")
    if outcome.warning:
        say(f"warning: {outcome.warning}")
    _say_stale(outcome.stale)
    return 0


def cmd_assignment_log(args: argparse.Namespace) -> int:
    from ..panel import assignment_history

    with _open_db(args) as db:
        rows = assignment_history(db, _round_id(db, args))
    for row in rows:
        say(f"{row.at}  {row.describe()}")
    if not rows:
        say("no assignment recorded yet")
    return 0


def cmd_calibration(args: argparse.Namespace) -> int:
    from ..panel import calibration_entries, calibration_gaps, set_calibration_entries

    with _open_db(args) as db:
        round_id = _round_id(db, args)
        if args.clear and args.entries:
            raise CliError("give entries or --clear, not both")
        if args.clear or args.entries:
            chosen = set_calibration_entries(db, round_id, [] if args.clear else args.entries)
        else:
            chosen = calibration_entries(db, round_id)
        gaps = calibration_gaps(db, round_id)
    say(f"calibration entries of round {round_id}: {', '.join(chosen) or 'none'}")
    if gaps:
        say(f"  {len(gaps)} judges do not have them first yet: run secretariat assign to give them out")
    return 0


def register(group, add: Callable[..., argparse.ArgumentParser], passphrase_option: Callable) -> None:
    """Add this module's sub-commands to ``judge-app secretariat``."""
    sub = add(group, "judges", cmd_judges, "list the judges: key fingerprint, entries assigned, ties")
    sub.add_argument("db")
    sub.add_argument("--round")
    sub = add(group, "judge-add", cmd_judge_add, "add a judge to the contest")
    _judge_fields(sub, required=True)
    sub = add(group, "judge-edit", cmd_judge_edit, "change a judge's name, affiliation, province or position")
    _judge_fields(sub, required=False)
    sub = add(group, "tie", cmd_tie, "record (or --remove) that a judge is tied to an organisation or a province")
    sub.add_argument("db")
    sub.add_argument("--judge", required=True)
    which = sub.add_mutually_exclusive_group(required=True)
    which.add_argument("--organisation", help="the organisation's name as the entries write it")
    which.add_argument("--province")
    sub.add_argument("--remove", action="store_true")
    sub = add(group, "declare-conflict", cmd_declare_conflict,
              "record a conflict of interest a judge declared; the judge is never assigned that entry")
    sub.add_argument("db")
    sub.add_argument("--judge", required=True)
    sub.add_argument("--entry", required=True)
    sub.add_argument("--reason")
    sub.add_argument("--withdraw", action="store_true", help="forget a conflict recorded by mistake")
    sub.add_argument("--round")
    sub = add(group, "assign", cmd_assign, "assign K judges to every entry, balancing the load, under every rule")
    sub.add_argument("db")
    sub.add_argument("--per-entry", type=int, required=True, metavar="K")
    sub.add_argument("--seed", type=int, default=0, help="another seed gives another, equally fair, assignment")
    sub.add_argument("--round")
    sub = add(group, "assignment-change", cmd_assignment_change, "put one judge on an entry or take them off it")
    sub.add_argument("db")
    sub.add_argument("--judge", required=True)
    sub.add_argument("--entry", required=True)
    direction = sub.add_mutually_exclusive_group(required=True)
    direction.add_argument("--add", action="store_true")
    direction.add_argument("--remove", action="store_true")
    sub.add_argument("--why", required=True, help="the reason, kept in the assignment log")
    sub.add_argument("--round")
    sub = add(group, "assignment-log", cmd_assignment_log, "every automatic assignment and manual change")
    sub.add_argument("db")
    sub.add_argument("--round")
    sub = add(group, "calibration", cmd_calibration,
              "set the calibration entries every judge scores first (none given: show them)")
    sub.add_argument("db")
    sub.add_argument("entries", nargs="*")
    sub.add_argument("--clear", action="store_true")
    sub.add_argument("--round")
