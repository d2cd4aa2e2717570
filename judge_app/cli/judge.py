"""Commands of the judge's side of the round (no window needed)."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from ..errors import JudgeAppError
from ..paths import ENROLMENT_SUFFIX, SCORE_FILE_SUFFIX
from ..thai_dates import thai_date
from .support import CliError, data_dir_of, digit_style, output_path, passphrase_from, progress_reporter, say, write_pdf


def _session(args: argparse.Namespace):
    from ..judging import JudgeSession

    return JudgeSession.open(Path(args.bundle), data_dir=data_dir_of(args),
                             expected_fingerprint=getattr(args, "expect_fingerprint", None),
                             progress=progress_reporter("checking attachments"))


def cmd_judge_open(args: argparse.Namespace) -> int:
    with _session(args) as session:
        bundle = session.bundle
        pin = "newly trusted for this contest" if bundle.newly_pinned else "the key trusted for this contest"
        say(f"bundle verified: signed by the secretariat key {bundle.secretariat_key.fingerprint} ({pin})")
        say(f"  contest:  {bundle.contest.title_th} ({bundle.contest.id})")
        say(f"  round:    {bundle.round.title_th} ({bundle.round.id}); "
            f"deadline {thai_date(bundle.round.deadline)} ({bundle.round.deadline})")
        say(f"  judge:    {bundle.judge.name} ({bundle.judge.id})")
        say(f"  entries:  {len(bundle.entries)}")
        say(f"  workspace: {session.workspace.path}")
        key = session.public_key()
        say(f"  your key: {key.fingerprint if key else 'not created yet (judge-app judge keygen)'}")
    return 0


def cmd_judge_keygen(args: argparse.Namespace) -> int:
    from ..enrolment import write_enrolment
    from ..judging import create_judge_key, judge_key_path, unlock_judge_key

    folder = data_dir_of(args)
    passphrase = passphrase_from(args, confirm=True, what="new key passphrase")
    if not passphrase:
        raise CliError("the passphrase must not be empty")
    create_judge_key(folder, args.judge, passphrase, label=args.name or args.judge)
    key = unlock_judge_key(folder, args.judge, passphrase)
    say(f"created key {judge_key_path(folder, args.judge)}")
    say(f"fingerprint: {key.public_key.fingerprint}")
    if args.enrolment_out:
        out = output_path(args.enrolment_out, ENROLMENT_SUFFIX, f"enrolment-{args.judge}{ENROLMENT_SUFFIX}")
        write_enrolment(out, args.judge, args.name or args.judge, key)
        say(f"enrolment file for the secretariat: {out}")
    return 0


def cmd_judge_conflict(args: argparse.Namespace) -> int:
    with _session(args) as session:
        if args.withdraw:
            session.workspace.withdraw_conflict(args.entry)
            say(f"conflict on {args.entry} withdrawn")
        else:
            session.workspace.declare_conflict(args.entry, args.reason or "")
            say(f"conflict of interest declared on {args.entry}; saved")
    return 0


def cmd_judge_score(args: argparse.Namespace) -> int:
    from ..scoring import total_str

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
    say(f"{args.entry}: saved ({state.status.value}{total})")
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
        progress = progress_reporter("recording scores")
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
    say(f"recorded {len(rows)} lines from {path}")
    return 0


def cmd_judge_status(args: argparse.Namespace) -> int:
    from ..scoring import EntryStatus, total_str

    with _session(args) as session:
        states = session.workspace.states()
    counts = {s: sum(st.status is s for st in states) for s in EntryStatus}
    say(f"scored {counts[EntryStatus.SCORED]} of {len(states)}; conflicts {counts[EntryStatus.CONFLICT]}; "
        f"in progress {counts[EntryStatus.IN_PROGRESS]}; not started {counts[EntryStatus.NOT_STARTED]}")
    if args.verbose:
        for st in states:
            total = total_str(st.total) if st.total is not None else ""
            say(f"  {st.entry_id}  {st.status.value:<12} {total}")
    return 0


def cmd_judge_export(args: argparse.Namespace) -> int:
    from ..scorefile import default_file_name, export_score_file

    with _session(args) as session:
        ws = session.workspace
        key = session.unlock(passphrase_from(args, what="your key passphrase"))
        sequence = ws.next_sequence()
        out = output_path(args.out, SCORE_FILE_SUFFIX, default_file_name(ws, sequence))
        result = export_score_file(ws, key, out, allow_incomplete=args.allow_incomplete)
    say(f"score file written: {result.path}")
    say(f"  sequence {result.sequence}; SHA-256 {result.sha256}")
    say(f"  signed by your key {key.public_key.fingerprint}")
    return 0


def cmd_judge_sheet(args: argparse.Namespace) -> int:
    from ..pdf.score_sheet import SheetOptions, render_score_sheet
    from ..scorefile import read_score_file

    score_file = read_score_file(Path(args.score_file))
    with _session(args) as session:
        bundle = session.bundle
        if score_file.bundle_sha256 != bundle.sha256:
            raise CliError("this score file answers another bundle", path=args.score_file)
        data = render_score_sheet(bundle.contest, bundle.round, bundle.judge, score_file,
                                  SheetOptions(digits=digit_style(args)))
    write_pdf(args.out, data)
    return 0
