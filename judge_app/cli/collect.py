"""Commands for collecting score files: the progress dashboard of the round."""

from __future__ import annotations

import argparse
from typing import Callable

from .secretariat import _open_db, _round_id
from .support import say


def cmd_secretariat_progress(args: argparse.Namespace) -> int:
    """Per judge (and with --entries per entry): what is scored, declared a conflict or still missing."""
    from ..progress import round_progress

    with _open_db(args) as db:
        round_id = _round_id(db, args)
        progress = round_progress(db, round_id)
    say(f"round {round_id}: {progress.summary()}")
    say()
    say(f"{'judge':<6} {'bundle':<6} {'assigned':>8} {'scored':>6} {'conflict':>8} {'missing':>7} {'paper':>5}  "
        f"{'last file received':<44} name")
    for judge in progress.judges:
        say(f"{judge.judge_id:<6} {'yes' if judge.bundle_issued else 'NO':<6} {judge.assigned:>8} {judge.scored:>6} "
            f"{judge.conflict:>8} {judge.missing:>7} {judge.paper:>5}  {_last_file(judge):<44} {judge.name}")
        if judge.last_file is not None and judge.last_file.outcome == "rejected":
            say(f"{'':<8}rejected {judge.last_file.file_name}: {judge.last_file.reason}")
    if args.entries or args.all:
        _entries_table(progress, everything=args.all)
    return 0


def _last_file(judge) -> str:
    last = judge.last_file
    if last is None:
        return "none yet"
    sequence = f"seq {last.sequence}" if last.sequence is not None else "seq ?"
    more = f" (+{judge.files_received - 1} earlier)" if judge.files_received > 1 else ""
    return f"{sequence} {last.outcome} {last.imported_at}{more}"


def _entries_table(progress, *, everything: bool) -> None:
    rows = progress.entries if everything else [e for e in progress.entries if e.short]
    say()
    if everything:
        say(f"all {len(rows)} entries ({progress.entries_short} short of judges):")
    elif not rows:
        say("no entry is short of judges")
        return
    else:
        say(f"{len(rows)} of {len(progress.entries)} entries short of judges (fewer scored than assigned):")
    say(f"{'entry':<8} {'judges':>6} {'scored':>6} {'conflict':>8} {'missing':>7} {'paper':>5}  "
        f"{'still to score':<20} organisation")
    for entry in rows:
        say(f"{entry.entry_id:<8} {entry.assigned:>6} {entry.scored:>6} {entry.conflict:>8} {entry.missing:>7} "
            f"{entry.paper:>5}  {' '.join(entry.missing_judges) or '-':<20} {entry.org_name}")


def register(group, add: Callable[..., argparse.ArgumentParser], passphrase_option: Callable) -> None:
    """Add this module's sub-commands to ``judge-app secretariat``."""
    sub = add(group, "progress", cmd_secretariat_progress,
              "how far the round is: per judge scored / conflict / missing and the last file received")
    sub.add_argument("db")
    sub.add_argument("--round")
    sub.add_argument("--entries", action="store_true", help="also list the entries short of judges")
    sub.add_argument("--all", action="store_true", help="list every entry, not only those short of judges (implies --entries)")
