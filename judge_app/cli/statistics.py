"""Commands for results and statistics: the ranking method decision, progress, statistics export."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Callable

from .secretariat import _open_db, _panel_summary, _round_id
from .support import say


def cmd_secretariat_method(args: argparse.Namespace) -> int:
    """Record the ranking method; say plainly whether results had been seen already."""
    from ..decisions import choose_method, method_decision, results_first_viewed
    from ..ranking import METHOD_LABELS_EN

    with _open_db(args) as db:
        round_id = _round_id(db, args)
        before = method_decision(db, round_id)
        decision = choose_method(db, round_id, args.method)
        first_viewed = results_first_viewed(db, round_id)
    if before is not None and before.method == decision.method:
        say(f"ranking method for round {round_id} is already {decision.method} (chosen {decision.decided_at}); "
            "nothing recorded")
        return 0
    say(f"ranking method for round {round_id}: {decision.method} — {METHOD_LABELS_EN[decision.method]}")
    if before is not None:
        say(f"  replaces {before.method} (chosen {before.decided_at})")
    if decision.results_seen_before:
        say(f"  NOTE: results had already been viewed (first {first_viewed}); the report will say the method "
            "was chosen after results were seen")
    else:
        say("  results have not been viewed yet; the report will say the method was chosen before results were seen")
    return 0


def cmd_secretariat_statistics(args: argparse.Namespace) -> int:
    """The panel summary on screen, and the statistics as CSV and/or XLSX."""
    from ..decisions import mark_results_viewed
    from ..round_results import load_round_results
    from ..statistics_export import summary_lines, write_statistics_csv, write_statistics_xlsx

    with _open_db(args) as db:
        round_id = _round_id(db, args)
        mark_results_viewed(db, round_id)
        rr = load_round_results(db, round_id)
    for label, value in summary_lines(rr):
        say(f"{label}: {value}")
    _panel_summary(rr, agreement=False)
    for path, write in ((args.csv, write_statistics_csv), (args.xlsx, write_statistics_xlsx)):
        if path:
            write(rr, Path(path))
            say(f"wrote {path}")
    return 0


def register(group, add: Callable[..., argparse.ArgumentParser], passphrase_option: Callable) -> None:
    """Add this module's sub-commands to ``judge-app secretariat``."""
    from ..ranking import METHODS

    sub = add(group, "method", cmd_secretariat_method,
              "record the ranking method (best chosen before anyone views results; the report says when)")
    sub.add_argument("db")
    sub.add_argument("method", choices=METHODS)
    sub.add_argument("--round")
    sub = add(group, "statistics", cmd_secretariat_statistics,
              "panel statistics (agreement, judge severity, stability) and CSV/XLSX exports")
    sub.add_argument("db")
    sub.add_argument("--round")
    sub.add_argument("--csv", help="per-entry statistics as CSV (UTF-8 with BOM, opens in Excel)")
    sub.add_argument("--xlsx", help="workbook: entries, criteria, judges, stability, shortlist, summary")
