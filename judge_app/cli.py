"""Command line for the whole round, so a secretariat can script it and tests can drive it.

``judge-app`` with no sub-command starts the window; every sub-command here
calls the same core functions the windows use. Errors print one clear line
on stderr and exit with status 2 (1 for a merge that rejected files).
"""

from __future__ import annotations

import argparse
import csv
import getpass
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from . import __version__
from .errors import JudgeAppError
from .paths import ENROLMENT_SUFFIX, SCORE_FILE_SUFFIX, data_dir
from .thai_dates import thai_date

PASSPHRASE_ENV = "DLG_PASSPHRASE"


class CliError(JudgeAppError):
    """A command-line usage problem the user can fix."""


# ---------------------------------------------------------------- helpers


def _print(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _progress(label: str) -> Callable[..., None]:
    """Progress on stderr: a live counter on a terminal, a few lines otherwise."""
    interactive = sys.stderr.isatty()
    state = {"last": -1}

    def report(done: int, total: int, *rest: object) -> None:
        if total <= 0:
            return
        percent = done * 100 // total
        if interactive:
            sys.stderr.write(f"\r{label}: {done}/{total} ({percent}%)" + ("\n" if done >= total else ""))
            sys.stderr.flush()
        elif percent // 25 != state["last"] // 25 or done >= total:
            if percent != state["last"]:
                sys.stderr.write(f"{label}: {done}/{total} ({percent}%)\n")
        state["last"] = percent

    return report


def _passphrase(args: argparse.Namespace, *, confirm: bool = False, what: str = "passphrase") -> str:
    """From --passphrase-file, the DLG_PASSPHRASE variable, or asked on the terminal."""
    if getattr(args, "passphrase_file", None):
        try:
            return Path(args.passphrase_file).read_text("utf-8").rstrip("\r\n")
        except OSError as exc:
            raise CliError(f"cannot read the passphrase file ({exc.strerror})", path=args.passphrase_file) from None
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(f"no {what} given: use --passphrase-file FILE or set {PASSPHRASE_ENV}")
    first = getpass.getpass(f"{what}: ")
    if confirm and getpass.getpass(f"{what} again: ") != first:
        raise CliError("the two passphrases differ; nothing was changed")
    return first


def _data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data_dir) if getattr(args, "data_dir", None) else data_dir()


def _output_path(given: str | None, suffix: str, default_name: str) -> Path:
    """A file path if ``given`` ends with ``suffix``; otherwise a folder (made if needed) holding ``default_name``."""
    path = Path(given) if given else Path.cwd()
    if path.suffix == suffix and not path.is_dir():
        path.parent.mkdir(parents=True, exist_ok=True)
        return path
    path.mkdir(parents=True, exist_ok=True)
    return path / default_name


def _expand(paths: Sequence[str], suffix: str) -> list[Path]:
    """Files as given, and every ``*suffix`` file inside folders given."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend(sorted(path.rglob(f"*{suffix}")))
        else:
            found.append(path)
    return found


# ---------------------------------------------------------------- contest


def cmd_contest_demo(args: argparse.Namespace) -> int:
    from .demo import build_demo_contest

    contest = build_demo_contest(Path(args.folder), seed=args.seed, entry_count=args.entries)
    _print(f"demo contest written to {Path(args.folder) / 'contest.json'}")
    _print(f"  {contest.title_th}")
    _print(f"  {len(contest.entries)} entries, {len(contest.judges)} judges, "
           f"{len(contest.rounds[0].rubric.criteria)} criteria")
    return 0


def cmd_contest_check(args: argparse.Namespace) -> int:
    from .model import load_contest

    contest = load_contest(Path(args.contest))
    _print(f"{args.contest}: valid — {contest.title_th}; {len(contest.entries)} entries, "
           f"{len(contest.judges)} judges, rounds: {', '.join(r.id for r in contest.rounds)}")
    return 0


# ---------------------------------------------------------------- secretariat


def _secretariat_key(args: argparse.Namespace):
    from .keys import PrivateKey, load_private_key, save_private_key

    path = Path(args.key)
    if path.exists():
        return load_private_key(path, _passphrase(args, what="secretariat key passphrase"))
    if not getattr(args, "create_key", False):
        raise CliError("no secretariat key file here", path=path)
    key = PrivateKey.generate()
    save_private_key(path, key, _passphrase(args, confirm=True, what="new secretariat key passphrase"),
                     label="contest secretariat")
    _print(f"created secretariat key {path} — fingerprint {key.public_key.fingerprint}")
    return key


def cmd_secretariat_init(args: argparse.Namespace) -> int:
    from .model import load_contest
    from .secretariat import ContestDatabase

    contest_path = Path(args.contest)
    contest = load_contest(contest_path)
    args.create_key = True
    key = _secretariat_key(args)
    with ContestDatabase.create(Path(args.db), contest, contest_path.parent, key.public_key):
        pass
    _print(f"contest database {args.db} created for {contest.id} ({len(contest.entries)} entries, "
           f"{len(contest.judges)} judges)")
    _print(f"secretariat key fingerprint: {key.public_key.fingerprint}")
    return 0


def _open_db(args: argparse.Namespace):
    from .secretariat import ContestDatabase

    return ContestDatabase.open(Path(args.db))


def _round_id(db, args: argparse.Namespace) -> str:
    round_id = args.round or db.contest.rounds[0].id
    try:
        db.contest.round(round_id)
    except KeyError:
        raise CliError(f"contest {db.contest.id} has no round {round_id!r}") from None
    return round_id


def cmd_secretariat_issue(args: argparse.Namespace) -> int:
    from .issuing import issue_bundles

    with _open_db(args) as db:
        key = _secretariat_key(args)
        round_id = _round_id(db, args)
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        issued = issue_bundles(db, key, out, round_id=round_id, judge_ids=args.judge or None,
                               progress=_progress("issuing bundles"))
    _print(f"{len(issued)} bundles in {out} — secretariat key {key.public_key.fingerprint}")
    for item in issued:
        _print(f"  {item.judge_id}  {item.path.name}  {item.entry_count} entries  sha256 {item.sha256[:16]}…  "
               f"{item.judge_name}")
    return 0


def cmd_secretariat_enrol(args: argparse.Namespace) -> int:
    with _open_db(args) as db:
        if args.enrolment:
            from .enrolment import read_enrolment

            enrolment = read_enrolment(Path(args.enrolment))
            judge_id, key, how = enrolment.judge_id, enrolment.public_key, f"enrolment file {Path(args.enrolment).name}"
        else:
            from .scorefile import read_score_file

            if not (args.judge and args.score_file and args.fingerprint):
                raise CliError("give an enrolment file, or --judge, --score-file and --fingerprint together")
            score_file = read_score_file(Path(args.score_file))
            judge_id, key, how = args.judge, score_file.public_key, f"score file {Path(args.score_file).name}"
            if score_file.judge_id != judge_id:
                raise CliError(f"the score file is from judge {score_file.judge_id}, not {judge_id}")
        if args.fingerprint and _digits(args.fingerprint) != _digits(key.fingerprint):
            raise CliError(
                f"the fingerprint you typed ({args.fingerprint}) is not the key's ({key.fingerprint}); "
                "nothing was enrolled"
            )
        db.enrol_key(judge_id, key, how=how)
    _print(f"enrolled key {key.fingerprint} for judge {judge_id}")
    return 0


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def cmd_secretariat_revoke(args: argparse.Namespace) -> int:
    with _open_db(args) as db:
        db.revoke_key(args.judge, args.why)
    _print(f"revoked the key of judge {args.judge}; enrol the new key next")
    return 0


def cmd_secretariat_merge(args: argparse.Namespace) -> int:
    from .merge import REJECTED, merge_files

    files = _expand(args.files, SCORE_FILE_SUFFIX)
    if not files:
        raise CliError("no score files given or found")
    with _open_db(args) as db:
        outcomes = merge_files(db, files, progress=_progress("checking score files"))
    rejected = 0
    for outcome in outcomes:
        who = f"{outcome.judge_id or '?'} seq {outcome.sequence if outcome.sequence is not None else '?'}"
        _print(f"{outcome.status:<10} {outcome.file_name}  ({who}): {outcome.reason}")
        rejected += outcome.status == REJECTED
    counts = {s: sum(o.status == s for o in outcomes) for s in ("accepted", "duplicate", "superseded", "rejected")}
    _print("; ".join(f"{n} {s}" for s, n in counts.items()))
    return 1 if rejected else 0


def cmd_secretariat_results(args: argparse.Namespace) -> int:
    from .results import RANKING_METHOD, compute_results, results_csv, results_text

    with _open_db(args) as db:
        round_id = _round_id(db, args)
        results = compute_results(db.contest, round_id, db.entry_results(round_id), db.merged_scores(round_id))
        contest = db.contest
    if args.csv:
        from .atomic import write_bytes_atomic

        write_bytes_atomic(Path(args.csv), results_csv(contest, results).encode("utf-8-sig"))
        _print(f"wrote {args.csv}")
    _print(f"{contest.title_th} — round {round_id}")
    _print(f"ranking: {RANKING_METHOD}")
    sys.stdout.write(results_text(results, limit=args.top))
    return 0


def cmd_secretariat_files(args: argparse.Namespace) -> int:
    with _open_db(args) as db:
        rows = db.score_files()
    for row in rows:
        _print(f"{row['outcome']:<10} {row['judge_id'] or '?':<5} seq {row['sequence'] or '?':<3} "
               f"{row['sha256'][:16]}…  {row['file_name']}  {row['reason']}")
    return 0


# ---------------------------------------------------------------- judge


def _session(args: argparse.Namespace):
    from .judging import JudgeSession

    return JudgeSession.open(Path(args.bundle), data_dir=_data_dir(args),
                             expected_fingerprint=getattr(args, "expect_fingerprint", None),
                             progress=_progress("checking attachments"))


def cmd_judge_open(args: argparse.Namespace) -> int:
    with _session(args) as session:
        bundle = session.bundle
        pin = "newly trusted for this contest" if bundle.newly_pinned else "the key trusted for this contest"
        _print(f"bundle verified: signed by the secretariat key {bundle.secretariat_key.fingerprint} ({pin})")
        _print(f"  contest:  {bundle.contest.title_th} ({bundle.contest.id})")
        _print(f"  round:    {bundle.round.title_th} ({bundle.round.id}); "
               f"deadline {thai_date(bundle.round.deadline)} ({bundle.round.deadline})")
        _print(f"  judge:    {bundle.judge.name} ({bundle.judge.id})")
        _print(f"  entries:  {len(bundle.entries)}")
        _print(f"  workspace: {session.workspace.path}")
        key = session.public_key()
        _print(f"  your key: {key.fingerprint if key else 'not created yet (judge-app judge keygen)'}")
    return 0


def cmd_judge_keygen(args: argparse.Namespace) -> int:
    from .enrolment import write_enrolment
    from .judging import create_judge_key, judge_key_path, unlock_judge_key

    folder = _data_dir(args)
    passphrase = _passphrase(args, confirm=True, what="new key passphrase")
    if not passphrase:
        raise CliError("the passphrase must not be empty")
    create_judge_key(folder, args.judge, passphrase, label=args.name or args.judge)
    key = unlock_judge_key(folder, args.judge, passphrase)
    _print(f"created key {judge_key_path(folder, args.judge)}")
    _print(f"fingerprint: {key.public_key.fingerprint}")
    if args.enrolment_out:
        out = _output_path(args.enrolment_out, ENROLMENT_SUFFIX, f"enrolment-{args.judge}{ENROLMENT_SUFFIX}")
        write_enrolment(out, args.judge, args.name or args.judge, key)
        _print(f"enrolment file for the secretariat: {out}")
    return 0


def cmd_judge_conflict(args: argparse.Namespace) -> int:
    with _session(args) as session:
        if args.withdraw:
            session.workspace.withdraw_conflict(args.entry)
            _print(f"conflict on {args.entry} withdrawn")
        else:
            session.workspace.declare_conflict(args.entry, args.reason or "")
            _print(f"conflict of interest declared on {args.entry}; saved")
    return 0


def cmd_judge_score(args: argparse.Namespace) -> int:
    from .scoring import total_str

    with _session(args) as session:
        ws = session.workspace
        for item in args.scores:
            criterion_id, sep, value = item.partition("=")
            if not sep:
                raise CliError(f"{item!r}: write scores as CRITERION=SCORE, e.g. C1=3.5")
            ws.set_score(args.entry, criterion_id, value or None)
        if args.comment is not None:
            ws.set_comment(args.entry, None, args.comment)
        state = ws.state(args.entry)
    total = f", total {total_str(state.total)}" if state.total is not None else ""
    _print(f"{args.entry}: saved ({state.status.value}{total})")
    return 0


def cmd_judge_import_scores(args: argparse.Namespace) -> int:
    """Scores typed in a spreadsheet: entry_id, criterion_id, score[, comment]; 'conflict' as criterion declares one."""
    path = Path(args.csv)
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"cannot be read as UTF-8 CSV ({exc})", path=path) from None
    rows = list(csv.reader(text.splitlines()))
    if rows and [c.strip().lower() for c in rows[0][:3]] == ["entry_id", "criterion_id", "score"]:
        rows = rows[1:]
    with _session(args) as session:
        ws = session.workspace
        progress = _progress("recording scores")
        for number, row in enumerate(rows, start=1):
            if not row or not any(cell.strip() for cell in row):
                continue
            if len(row) < 3:
                raise JudgeAppError(f"line {number}: needs entry_id, criterion_id, score", path=path)
            entry_id, criterion_id, value = (cell.strip() for cell in row[:3])
            comment = row[3] if len(row) > 3 else ""
            try:
                if criterion_id == "conflict":
                    ws.declare_conflict(entry_id, comment)
                elif criterion_id == "overall":
                    ws.set_comment(entry_id, None, comment)
                else:
                    ws.set_score(entry_id, criterion_id, value)
                    if comment:
                        ws.set_comment(entry_id, criterion_id, comment)
            except JudgeAppError as exc:
                raise JudgeAppError(f"line {number}: {exc.message} (lines before it were saved)", path=path) from None
            progress(number, len(rows))
    _print(f"recorded {len(rows)} lines from {path}")
    return 0


def cmd_judge_status(args: argparse.Namespace) -> int:
    from .scoring import EntryStatus, total_str

    with _session(args) as session:
        states = session.workspace.states()
    counts = {s: sum(st.status is s for st in states) for s in EntryStatus}
    _print(f"scored {counts[EntryStatus.SCORED]} of {len(states)}; conflicts {counts[EntryStatus.CONFLICT]}; "
           f"in progress {counts[EntryStatus.IN_PROGRESS]}; not started {counts[EntryStatus.NOT_STARTED]}")
    if args.verbose:
        for st in states:
            total = total_str(st.total) if st.total is not None else ""
            _print(f"  {st.entry_id}  {st.status.value:<12} {total}")
    return 0


def cmd_judge_export(args: argparse.Namespace) -> int:
    from .scorefile import default_file_name, export_score_file

    with _session(args) as session:
        ws = session.workspace
        key = session.unlock(_passphrase(args, what="your key passphrase"))
        sequence = ws.next_sequence()
        out = _output_path(args.out, SCORE_FILE_SUFFIX, default_file_name(ws, sequence))
        result = export_score_file(ws, key, out, allow_incomplete=args.allow_incomplete)
    _print(f"score file written: {result.path}")
    _print(f"  sequence {result.sequence}; SHA-256 {result.sha256}")
    _print(f"  signed by your key {key.public_key.fingerprint}")
    return 0


# ---------------------------------------------------------------- documents


def _digit_style(args: argparse.Namespace) -> str:
    return "thai" if getattr(args, "thai_digits", False) else "arabic"


def _write_pdf(path: str, data: bytes) -> None:
    from .atomic import write_bytes_atomic

    write_bytes_atomic(Path(path), data)
    _print(f"wrote {path} ({len(data) // 1024} KB)")


def cmd_judge_sheet(args: argparse.Namespace) -> int:
    from .pdf.score_sheet import SheetOptions, render_score_sheet
    from .scorefile import read_score_file

    score_file = read_score_file(Path(args.score_file))
    with _session(args) as session:
        bundle = session.bundle
        if score_file.bundle_sha256 != bundle.sha256:
            raise CliError("this score file answers another bundle", path=args.score_file)
        data = render_score_sheet(bundle.contest, bundle.round, bundle.judge, score_file,
                                  SheetOptions(digits=_digit_style(args)))
    _write_pdf(args.out, data)
    return 0


def cmd_secretariat_blank_sheets(args: argparse.Namespace) -> int:
    from .pdf.score_sheet import SheetOptions, render_blank_sheet

    with _open_db(args) as db:
        contest = db.contest
        round_ = contest.round(_round_id(db, args))
        judge = None
        if args.judge:
            try:
                judge = contest.judge(args.judge)
            except KeyError:
                raise CliError(f"there is no judge {args.judge}") from None
            entries = [contest.entry(e) for e in round_.entries_of(judge.id)]
        else:
            entries = list(contest.entries)
        if args.entry:
            entries = [e for e in entries if e.id in set(args.entry)]
    _write_pdf(args.out, render_blank_sheet(contest, round_, entries, judge, SheetOptions(digits=_digit_style(args))))
    return 0


def cmd_secretariat_report(args: argparse.Namespace) -> int:
    from .pdf.results_report import render_results_report, report_data

    with _open_db(args) as db:
        data = report_data(db, _round_id(db, args))
    _write_pdf(args.out, render_results_report(data, digits=_digit_style(args)))
    return 0


# ---------------------------------------------------------------- audit


def cmd_verify(args: argparse.Namespace) -> int:
    from .scorefile import read_score_file
    from .keys import PublicKey

    score_file = read_score_file(Path(args.score_file))
    if args.fingerprint and _digits(args.fingerprint) != _digits(score_file.public_key.fingerprint):
        raise CliError(f"signatures verify, but by key {score_file.public_key.fingerprint}, "
                       f"not the expected {args.fingerprint}")
    _print(f"{args.score_file}: both signatures verify")
    _print(f"  judge {score_file.judge_id}, key {score_file.public_key.fingerprint}")
    _print(f"  contest {score_file.contest_id}, round {score_file.round_id}, sequence {score_file.sequence}, "
           f"exported {score_file.exported_at}")
    _print(f"  bundle SHA-256 {score_file.bundle_sha256}")
    _print(f"  file SHA-256   {score_file.sha256}")
    statuses = [e.status for e in score_file.entries]
    _print(f"  entries: {statuses.count('scored')} scored, {statuses.count('conflict')} conflict, "
           f"{statuses.count('not_scored')} not scored")
    if args.minisign_key:
        key: PublicKey = score_file.public_key
        Path(args.minisign_key).write_text(key.to_minisign(f"judge {score_file.judge_id} key"), "utf-8")
        _print(f"  minisign public key written to {args.minisign_key}")
    if args.allowed_signers:
        line = f"{score_file.judge_id} {score_file.public_key.to_openssh()}\n"
        Path(args.allowed_signers).write_text(line, "utf-8")
        _print(f"  allowed-signers line for ssh-keygen written to {args.allowed_signers}")
    return 0


# ---------------------------------------------------------------- demo


def cmd_demo_round(args: argparse.Namespace) -> int:
    from .demo_round import play_demo_round

    summary = play_demo_round(Path(args.folder), seed=args.seed, entry_count=args.entries,
                              progress=_progress("playing the judges"))
    _print(summary)
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
    passphrase_option(sub)
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

