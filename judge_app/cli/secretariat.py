"""Commands of the contest file and the secretariat's side of the round."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..paths import SCORE_FILE_SUFFIX
from .support import CliError, digit_style, digits_only, expand_paths, passphrase_from, progress_reporter, say, write_pdf


def cmd_contest_demo(args: argparse.Namespace) -> int:
    from ..demo import build_demo_contest

    contest = build_demo_contest(Path(args.folder), seed=args.seed, entry_count=args.entries)
    say(f"demo contest written to {Path(args.folder) / 'contest.json'}")
    say(f"  {contest.title_th}")
    say(f"  {len(contest.entries)} entries, {len(contest.judges)} judges, "
        f"{len(contest.rounds[0].rubric.criteria)} criteria")
    return 0


def cmd_contest_check(args: argparse.Namespace) -> int:
    from ..contest_json import load_contest

    contest = load_contest(Path(args.contest))
    say(f"{args.contest}: valid — {contest.title_th}; {len(contest.entries)} entries, "
        f"{len(contest.judges)} judges, rounds: {', '.join(r.id for r in contest.rounds)}")
    return 0


def _secretariat_key(args: argparse.Namespace):
    from ..keys import PrivateKey, load_private_key, save_private_key

    path = Path(args.key)
    if path.exists():
        return load_private_key(path, passphrase_from(args, what="secretariat key passphrase"))
    if not getattr(args, "create_key", False):
        raise CliError("no secretariat key file here", path=path)
    key = PrivateKey.generate()
    save_private_key(path, key, passphrase_from(args, confirm=True, what="new secretariat key passphrase"),
                     label="contest secretariat")
    say(f"created secretariat key {path} — fingerprint {key.public_key.fingerprint}")
    return key


def cmd_secretariat_init(args: argparse.Namespace) -> int:
    from ..contest_json import load_contest
    from ..secretariat import ContestDatabase

    contest_path = Path(args.contest)
    contest = load_contest(contest_path)
    args.create_key = True
    key = _secretariat_key(args)
    with ContestDatabase.create(Path(args.db), contest, contest_path.parent, key.public_key):
        pass
    say(f"contest database {args.db} created for {contest.id} ({len(contest.entries)} entries, "
        f"{len(contest.judges)} judges)")
    say(f"secretariat key fingerprint: {key.public_key.fingerprint}")
    return 0


def _open_db(args: argparse.Namespace):
    from ..secretariat import ContestDatabase

    return ContestDatabase.open(Path(args.db))


def _round_id(db, args: argparse.Namespace) -> str:
    round_id = args.round or db.contest.rounds[0].id
    try:
        db.contest.round(round_id)
    except KeyError:
        raise CliError(f"contest {db.contest.id} has no round {round_id!r}") from None
    return round_id


def cmd_secretariat_issue(args: argparse.Namespace) -> int:
    from ..issuing import issue_bundles

    with _open_db(args) as db:
        key = _secretariat_key(args)
        round_id = _round_id(db, args)
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        issued = issue_bundles(db, key, out, round_id=round_id, judge_ids=args.judge or None,
                               progress=progress_reporter("issuing bundles"))
        if args.list_pdf:
            from ..pdf.issue_list import render_issue_list

            hand_out = render_issue_list(db, round_id, digits=digit_style(args))
    say(f"{len(issued)} bundles in {out} — secretariat key {key.public_key.fingerprint}")
    for item in issued:
        say(f"  {item.judge_id}  {item.path.name}  {item.entry_count} entries  sha256 {item.sha256[:16]}…  "
            f"{item.judge_name}")
    if args.list_pdf:
        write_pdf(args.list_pdf, hand_out)
    return 0


def cmd_secretariat_issue_list(args: argparse.Namespace) -> int:
    """The hand-out list of the bundles already issued (which file to whom, with each SHA-256)."""
    from ..pdf.issue_list import render_issue_list

    with _open_db(args) as db:
        data = render_issue_list(db, _round_id(db, args), digits=digit_style(args))
    write_pdf(args.out, data)
    return 0


def cmd_secretariat_enrol(args: argparse.Namespace) -> int:
    with _open_db(args) as db:
        if args.enrolment:
            from ..enrolment import read_enrolment

            enrolment = read_enrolment(Path(args.enrolment))
            judge_id, key, how = enrolment.judge_id, enrolment.public_key, f"enrolment file {Path(args.enrolment).name}"
        else:
            from ..scorefile import read_score_file

            if not (args.judge and args.score_file and args.fingerprint):
                raise CliError("give an enrolment file, or --judge, --score-file and --fingerprint together")
            score_file = read_score_file(Path(args.score_file))
            judge_id, key, how = args.judge, score_file.public_key, f"score file {Path(args.score_file).name}"
            if score_file.judge_id != judge_id:
                raise CliError(f"the score file is from judge {score_file.judge_id}, not {judge_id}")
        if args.fingerprint and digits_only(args.fingerprint) != digits_only(key.fingerprint):
            raise CliError(
                f"the fingerprint you typed ({args.fingerprint}) is not the key's ({key.fingerprint}); "
                "nothing was enrolled"
            )
        db.enrol_key(judge_id, key, how=how)
    say(f"enrolled key {key.fingerprint} for judge {judge_id}")
    return 0


def cmd_secretariat_revoke(args: argparse.Namespace) -> int:
    with _open_db(args) as db:
        db.revoke_key(args.judge, args.why)
    say(f"revoked the key of judge {args.judge}; enrol the new key next")
    return 0


def cmd_secretariat_merge(args: argparse.Namespace) -> int:
    from ..merge import REJECTED, merge_files

    files = expand_paths(args.files, SCORE_FILE_SUFFIX)
    if not files:
        raise CliError("no score files given or found")
    with _open_db(args) as db:
        outcomes = merge_files(db, files, progress=progress_reporter("checking score files"))
    rejected = 0
    for outcome in outcomes:
        who = f"{outcome.judge_id or '?'} seq {outcome.sequence if outcome.sequence is not None else '?'}"
        say(f"{outcome.status:<10} {outcome.file_name}  ({who}): {outcome.reason}")
        rejected += outcome.status == REJECTED
    counts = {s: sum(o.status == s for o in outcomes) for s in ("accepted", "duplicate", "superseded", "rejected")}
    say("; ".join(f"{n} {s}" for s, n in counts.items()))
    return 1 if rejected else 0


def cmd_secretariat_results(args: argparse.Namespace) -> int:
    """The ranking under the chosen method; records that results have now been viewed."""
    from ..decisions import describe_decision, mark_results_viewed
    from ..ranking import METHOD_LABELS_EN, TIE_BREAKS_EN
    from ..results import PAPER_MARK, PAPER_NOTE, results_csv, results_text
    from ..round_results import load_round_results

    with _open_db(args) as db:
        round_id = _round_id(db, args)
        mark_results_viewed(db, round_id)
        rr = load_round_results(db, round_id)
    if args.csv:
        from ..atomic import write_bytes_atomic

        write_bytes_atomic(Path(args.csv), results_csv(rr.contest, rr.results, rr.calibration).encode("utf-8-sig"))
        say(f"wrote {args.csv}")
    say(f"{rr.contest.title_th} — round {round_id}")
    say(f"ranking: {METHOD_LABELS_EN[rr.method]}; {TIE_BREAKS_EN}")
    for line in describe_decision(list(rr.history), rr.first_viewed):
        say(line)
    sys.stdout.write(results_text(rr.results, limit=args.top, method=rr.method))
    if rr.calibration:
        say("calibration entries (scored by every judge, not ranked; they count for judge severity):")
        sys.stdout.write(results_text(rr.calibration))
    if rr.paper_entered:
        say(f"{PAPER_MARK}: {PAPER_NOTE} ({len(rr.paper_entered)} judge-entry rows)")
    _panel_summary(rr)
    return 0


def _panel_summary(rr, *, agreement: bool = True) -> None:
    """Agreement (unless already shown), each judge's severity, and what needs a second look."""
    if agreement:
        say(f"panel agreement: Krippendorff's alpha (interval) = {rr.alpha:.3f}" if rr.alpha is not None
            else "panel agreement: Krippendorff's alpha not computable (too few shared or varied scores)")
        if rr.icc is not None:
            say(f"  {rr.icc_form} = {rr.icc:.3f} (every judge scored every entry)")
        if rr.calibration_icc is not None:
            say(f"  {rr.icc_form} on the calibration entries = {rr.calibration_icc:.3f}")
    say("judges (severity: mean of own total minus the other judges' mean on the same entries; r: consistency):")
    for judge_id in rr.judges:
        severity = rr.severity[judge_id]
        shift = f"{float(severity.severity):+.2f}" if severity.severity is not None else "–"
        r = f"{severity.consistency:.2f}" if severity.consistency is not None else "–"
        notable = rr.notable_judges.get(judge_id)
        flag = f"  <- much {'harsher' if notable == 'harsher' else 'more lenient'} than the others" if notable else ""
        say(f"  {judge_id}: severity {shift} points vs the other judges on {severity.entries} entries; r = {r}{flag}")
    if rr.disagreements:
        say(f"judges disagree strongly (for discussion): {' '.join(r.entry.id for r in rr.disagreements)}")
    unstable = [f"{c.entry_id} (cut {c.cut}, rank {c.rank})" for c in rr.stability if not c.stable]
    if unstable:
        say(f"unstable near a cut line (send to more judges): {', '.join(unstable)}")


def cmd_secretariat_files(args: argparse.Namespace) -> int:
    with _open_db(args) as db:
        rows = db.score_files()
    for row in rows:
        say(f"{row['outcome']:<10} {row['judge_id'] or '?':<5} seq {row['sequence'] or '?':<3} "
            f"{row['sha256'][:16]}…  {row['file_name']}  {row['reason']}")
    return 0


def cmd_secretariat_blank_sheets(args: argparse.Namespace) -> int:
    from ..pdf.score_sheet import SheetOptions, render_blank_sheet

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
    write_pdf(args.out, render_blank_sheet(contest, round_, entries, judge, SheetOptions(digits=digit_style(args))))
    return 0


def cmd_secretariat_report(args: argparse.Namespace) -> int:
    """The committee's results report; printing results counts as viewing them."""
    from ..decisions import mark_results_viewed
    from ..pdf.results_report import render_results_report, report_data

    with _open_db(args) as db:
        round_id = _round_id(db, args)
        mark_results_viewed(db, round_id)
        data = report_data(db, round_id)
    write_pdf(args.out, render_results_report(data, digits=digit_style(args)))
    return 0


def cmd_secretariat_import_entries(args: argparse.Namespace) -> int:
    """Preview entries from the portal's CSV/XLSX export; add the good new ones only with --accept."""
    from dataclasses import replace

    from ..importers import FIELD_LABELS, guess_mapping, preview_import
    from ..table_files import read_table

    table = read_table(Path(args.file))
    mapping = guess_mapping(table.headers)
    for item in args.column or []:
        field, sep, header = item.partition("=")
        if not sep or field not in FIELD_LABELS:
            raise CliError(f"{item!r}: write FIELD=HEADER with FIELD one of {', '.join(FIELD_LABELS)}")
        if header not in table.headers:
            raise CliError(f"the file has no column {header!r}; its columns are: {', '.join(table.headers)}")
        mapping = replace(mapping, **{field: table.headers.index(header)})
    with _open_db(args) as db:
        preview = preview_import(table, mapping, db.contest.entries)
        say(f"{args.file}: read as {table.encoding}, {len(table.rows)} rows")
        say(f"  new {len(preview.entries)}, unchanged {len(preview.unchanged)}, "
            f"changed {len(preview.changed)} (not applied), rows with problems {len({p.line for p in preview.problems})}")
        for problem in preview.problems:
            say(f"  {problem}")
        for change in preview.changed:
            say(f"  line {change.line}: entry {change.old.id} differs in {', '.join(change.fields)} (left as it is)")
        if not args.accept:
            say("nothing was imported; run again with --accept to add the new entries")
            return 1 if preview.problems else 0
        added = db.add_entries(preview.entries)
    say(f"added {added} entries" + (" (rows with problems were skipped)" if preview.problems else ""))
    return 1 if preview.problems else 0
