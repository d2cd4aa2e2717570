"""Command line for the whole round, so a secretariat can script it and tests can drive it.

``judge-app`` with no sub-command starts the window; every sub-command here
calls the same core functions the windows use. Errors print one clear line
on stderr and exit with status 2 (1 for a merge that rejected files).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from .. import __version__
from ..errors import JudgeAppError
from ..paths import ENROLMENT_SUFFIX, SCORE_FILE_SUFFIX
from .judge import (
    cmd_judge_conflict,
    cmd_judge_export,
    cmd_judge_import_scores,
    cmd_judge_keygen,
    cmd_judge_open,
    cmd_judge_score,
    cmd_judge_sheet,
    cmd_judge_status,
)
from .secretariat import (
    cmd_contest_check,
    cmd_contest_demo,
    cmd_secretariat_blank_sheets,
    cmd_secretariat_enrol,
    cmd_secretariat_files,
    cmd_secretariat_import_entries,
    cmd_secretariat_init,
    cmd_secretariat_issue,
    cmd_secretariat_issue_list,
    cmd_secretariat_merge,
    cmd_secretariat_report,
    cmd_secretariat_results,
    cmd_secretariat_revoke,
)
from .support import PASSPHRASE_ENV, CliError, digits_only, progress_reporter, say
from . import collect as collect_commands
from . import entries as entries_commands
from . import paper as paper_commands
from . import panel as panel_commands
from . import statistics as statistics_commands

__all__ = ["main", "build_parser", "CliError", "PASSPHRASE_ENV"]


# ---------------------------------------------------------------- audit


def cmd_verify(args: argparse.Namespace) -> int:
    from ..scorefile import read_score_file
    from ..keys import PublicKey

    score_file = read_score_file(Path(args.score_file))
    if args.fingerprint and digits_only(args.fingerprint) != digits_only(score_file.public_key.fingerprint):
        raise CliError(f"signatures verify, but by key {score_file.public_key.fingerprint}, "
                       f"not the expected {args.fingerprint}")
    say(f"{args.score_file}: both signatures verify")
    say(f"  judge {score_file.judge_id}, key {score_file.public_key.fingerprint}")
    say(f"  contest {score_file.contest_id}, round {score_file.round_id}, sequence {score_file.sequence}, "
        f"exported {score_file.exported_at}")
    say(f"  bundle SHA-256 {score_file.bundle_sha256}")
    say(f"  file SHA-256   {score_file.sha256}")
    statuses = [e.status for e in score_file.entries]
    say(f"  entries: {statuses.count('scored')} scored, {statuses.count('conflict')} conflict, "
        f"{statuses.count('not_scored')} not scored")
    if args.minisign_key:
        key: PublicKey = score_file.public_key
        Path(args.minisign_key).write_text(key.to_minisign(f"judge {score_file.judge_id} key"), "utf-8")
        say(f"  minisign public key written to {args.minisign_key}")
    if args.allowed_signers:
        line = f"{score_file.judge_id} {score_file.public_key.to_openssh()}\n"
        Path(args.allowed_signers).write_text(line, "utf-8")
        say(f"  allowed-signers line for ssh-keygen written to {args.allowed_signers}")
    return 0


# ---------------------------------------------------------------- demo


def cmd_demo_round(args: argparse.Namespace) -> int:
    from ..demo_round import play_demo_round

    summary = play_demo_round(Path(args.folder), seed=args.seed, entry_count=args.entries,
                              progress=progress_reporter("playing the judges"))
    say(summary)
    return 0


# ---------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="judge-app",
        description="Offline judging for the Digital Local Government award (ท้องถิ่นดิจิทัล). "
                    "Without a command, the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"judge-app {__version__}")
    parser.add_argument("--data-dir", help="folder for the judge's keys and workspaces (default: per-user data folder)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(group, name: str, func: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        sub = group.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(func=func)
        return sub

    def passphrase_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--passphrase-file", help=f"read the passphrase from this file (or set {PASSPHRASE_ENV})")

    contest = commands.add_parser("contest", help="contest files").add_subparsers(dest="action", required=True)
    sub = add(contest, "demo", cmd_contest_demo, "write the built-in demo contest (contest.json + attachments)")
    sub.add_argument("folder")
    sub.add_argument("--seed", type=int, default=2565)
    sub.add_argument("--entries", type=int, default=120)
    sub = add(contest, "check", cmd_contest_check, "validate a contest JSON file and list its problems")
    sub.add_argument("contest")

    sec = commands.add_parser("secretariat", help="the secretariat's side of the round").add_subparsers(
        dest="action", required=True)
    sub = add(sec, "init", cmd_secretariat_init, "create a contest database from a contest JSON file")
    sub.add_argument("db")
    sub.add_argument("--contest", required=True, help="contest.json (attachments are read beside it)")
    sub.add_argument("--key", required=True, help="secretariat key file (created if missing)")
    passphrase_option(sub)
    sub = add(sec, "issue", cmd_secretariat_issue, "build one signed bundle per judge")
    sub.add_argument("db")
    sub.add_argument("--key", required=True)
    sub.add_argument("--out", required=True, help="folder for the bundles")
    sub.add_argument("--round")
    sub.add_argument("--judge", action="append", help="only this judge (repeatable)")
    sub.add_argument("--list-pdf", help="also write the hand-out list (which file goes to whom) as this PDF")
    sub.add_argument("--thai-digits", action="store_true", help="print counts in the list with Thai digits")
    passphrase_option(sub)
    sub = add(sec, "issue-list", cmd_secretariat_issue_list,
              "the hand-out list of the issued bundles: file, entries and SHA-256 per judge, "
              "with a line for each judge to sign on receipt (PDF)")
    sub.add_argument("db")
    sub.add_argument("--round")
    sub.add_argument("--out", required=True)
    sub.add_argument("--thai-digits", action="store_true", help="print counts with Thai digits")
    sub = add(sec, "enrol", cmd_secretariat_enrol, "register a judge's public key")
    sub.add_argument("db")
    sub.add_argument("enrolment", nargs="?", help=f"the judge's enrolment file ({ENROLMENT_SUFFIX})")
    sub.add_argument("--judge", help="with --score-file: enrol the key that signed this score file")
    sub.add_argument("--score-file")
    sub.add_argument("--fingerprint", help="the fingerprint printed on the judge's signed paper; must match")
    sub = add(sec, "revoke", cmd_secretariat_revoke, "retire a judge's key (history kept)")
    sub.add_argument("db")
    sub.add_argument("--judge", required=True)
    sub.add_argument("--why", required=True)
    sub = add(sec, "merge", cmd_secretariat_merge, "verify and merge score files (files or folders)")
    sub.add_argument("db")
    sub.add_argument("files", nargs="+")
    sub = add(sec, "results", cmd_secretariat_results, "rank the entries from the merged scores")
    sub.add_argument("db")
    sub.add_argument("--round")
    sub.add_argument("--csv", help="also write the table as CSV (UTF-8 with BOM, opens in Excel)")
    sub.add_argument("--top", type=int, help="show only the first N rows")
    sub = add(sec, "files", cmd_secretariat_files, "list every imported score file and its outcome")
    sub.add_argument("db")
    sub = add(sec, "import-entries", cmd_secretariat_import_entries,
              "preview entries from the portal's CSV (UTF-8 or cp874) or XLSX export; --accept adds the new ones")
    sub.add_argument("db")
    sub.add_argument("file")
    sub.add_argument("--column", action="append", help="FIELD=HEADER when the header is not recognised")
    sub.add_argument("--accept", action="store_true", help="add the new, valid entries (bad rows are skipped)")
    sub = add(sec, "report", cmd_secretariat_report, "the committee's results report (PDF)")
    sub.add_argument("db")
    sub.add_argument("--round")
    sub.add_argument("--out", required=True)
    sub.add_argument("--thai-digits", action="store_true", help="print numbers with Thai digits")
    sub = add(sec, "blank-sheets", cmd_secretariat_blank_sheets, "blank score sheets for judging on paper (PDF)")
    sub.add_argument("db")
    sub.add_argument("--round")
    sub.add_argument("--judge", help="only this judge's entries, with the judge's name filled in")
    sub.add_argument("--entry", action="append", help="only this entry (repeatable)")
    sub.add_argument("--out", required=True)
    sub.add_argument("--thai-digits", action="store_true")
    for module in (entries_commands, panel_commands, collect_commands, statistics_commands, paper_commands):
        module.register(sec, add, passphrase_option)

    judge = commands.add_parser("judge", help="the judge's side of the round").add_subparsers(
        dest="action", required=True)
    sub = add(judge, "keygen", cmd_judge_keygen, "create your signing key on this computer")
    sub.add_argument("--judge", required=True, help="your judge id as given in your bundle, e.g. J01")
    sub.add_argument("--name", help="your name, for the enrolment file")
    sub.add_argument("--enrolment-out", help="write an enrolment file for the secretariat here")
    passphrase_option(sub)
    for name, func, help_text in (
        ("open", cmd_judge_open, "verify a bundle and open its workspace"),
        ("status", cmd_judge_status, "how far you are"),
    ):
        sub = add(judge, name, func, help_text)
        sub.add_argument("bundle")
        sub.add_argument("--expect-fingerprint", help="refuse unless the secretariat key has this fingerprint")
        if name == "status":
            sub.add_argument("-v", "--verbose", action="store_true")
    sub = add(judge, "conflict", cmd_judge_conflict, "declare (or withdraw) a conflict of interest on an entry")
    sub.add_argument("bundle")
    sub.add_argument("entry")
    sub.add_argument("--reason")
    sub.add_argument("--withdraw", action="store_true")
    sub = add(judge, "score", cmd_judge_score, "record scores: CRITERION=SCORE … (empty score clears)")
    sub.add_argument("bundle")
    sub.add_argument("entry")
    sub.add_argument("scores", nargs="*")
    sub.add_argument("--comment", help="overall comment on the entry")
    sub = add(judge, "import-scores", cmd_judge_import_scores,
              "record many scores from a CSV: entry_id,criterion_id,score[,comment]")
    sub.add_argument("bundle")
    sub.add_argument("csv")
    sub = add(judge, "sheet", cmd_judge_sheet, "print the score sheets of an exported score file (PDF)")
    sub.add_argument("bundle")
    sub.add_argument("score_file")
    sub.add_argument("--out", required=True)
    sub.add_argument("--thai-digits", action="store_true")
    sub = add(judge, "export", cmd_judge_export, "write your signed score file")
    sub.add_argument("bundle")
    sub.add_argument("--out", help=f"a {SCORE_FILE_SUFFIX} file, or a folder for the standard name (default: here)")
    sub.add_argument("--allow-incomplete", action="store_true",
                     help="export even if some entries are not fully scored (they are marked not scored)")
    passphrase_option(sub)

    sub = add(commands, "verify", cmd_verify, "check a score file's signatures and show what it holds")
    sub.add_argument("score_file")
    sub.add_argument("--fingerprint", help="also require this judge key fingerprint")
    sub.add_argument("--minisign-key", help="write the judge's minisign public key file here")
    sub.add_argument("--allowed-signers", help="write an ssh-keygen allowed-signers line for the judge's key here")

    demo = commands.add_parser("demo", help="the built-in demo").add_subparsers(dest="action", required=True)
    sub = add(demo, "round", cmd_demo_round,
              "play a whole demo round in a folder: contest, keys, bundles, 7 judges, merge, results")
    sub.add_argument("folder")
    sub.add_argument("--seed", type=int, default=2565)
    sub.add_argument("--entries", type=int, default=120)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one CLI command; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    if args.data_dir:
        os.environ["DLG_JUDGE_DATA"] = args.data_dir
    try:
        return args.func(args)
    except JudgeAppError as exc:
        sys.stderr.write(f"judge-app: {exc}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("judge-app: stopped\n")
        return 130

