"""A whole demo round played end to end in one folder, with no window.

Builds the demo contest, makes the secretariat key and database, issues the
bundles, plays the seven judges (each with a key of their own, conflicts,
scores and comments from :func:`judge_app.demo.simulated_scores`), merges
their signed score files and ranks the entries. The passphrase is "demo":
for trying the app out only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from .atomic import write_bytes_atomic
from .bundle import open_bundle
from .demo import build_demo_contest, simulated_comments, simulated_scores
from .enrolment import read_enrolment, write_enrolment
from .issuing import bundle_file_name, issue_bundles
from .judging import JudgeSession, create_judge_key, unlock_judge_key
from .keys import PrivateKey, load_private_key, save_private_key
from .merge import merge_files
from .paths import ENROLMENT_SUFFIX
from .results import results_csv, results_text
from .round_results import load_round_results
from .pdf.results_report import render_results_report, report_data
from .pdf.score_sheet import render_score_sheet
from .scorefile import default_file_name, export_score_file, read_score_file
from .secretariat import ContestDatabase

DEMO_PASSPHRASE = "demo"


def play_demo_round(folder: Path, *, seed: int = 2565, entry_count: int = 120,
                    progress: Callable[[int, int], None] | None = None) -> str:
    """Play the round; return a short report of what was made and the top ten."""
    folder = Path(folder)
    contest = build_demo_contest(folder / "contest", seed=seed, entry_count=entry_count)
    round_id = contest.rounds[0].id
    secretariat = PrivateKey.generate()
    save_private_key(folder / "secretariat.key", secretariat, DEMO_PASSPHRASE, label="demo secretariat")
    db = ContestDatabase.create(folder / "contest.db", contest, folder / "contest", secretariat.public_key)
    with db:
        issued = issue_bundles(db, secretariat, folder / "bundles", round_id=round_id)
        score_files = []
        for number, item in enumerate(issued, start=1):
            score_files.append(play_judge(item.path, folder / "judges" / item.judge_id, folder / "score-files",
                                          seed=seed))
            if progress:
                progress(number, len(issued))
        for enrolment_file in sorted((folder / "enrolments").glob(f"*{ENROLMENT_SUFFIX}")):
            enrolment = read_enrolment(enrolment_file)
            db.enrol_key(enrolment.judge_id, enrolment.public_key, how=f"enrolment file {enrolment_file.name}")
        outcomes = merge_files(db, score_files)
        ranked = load_round_results(db, round_id)
        results = ranked.results
    (folder / "results.csv").write_text(results_csv(contest, ranked.results, ranked.calibration),
                                        encoding="utf-8-sig")
    with ContestDatabase.open(folder / "contest.db") as db:
        write_bytes_atomic(folder / "results-report.pdf", render_results_report(report_data(db, round_id)))
    first = issued[0]
    write_bytes_atomic(folder / f"score-sheets-{first.judge_id}.pdf",
                       render_judge_sheets(first.path, score_files[0]))
    accepted = sum(o.status == "accepted" for o in outcomes)
    lines = [
        f"demo round in {folder}",
        f"  contest: {contest.title_th} — {len(contest.entries)} entries, {len(contest.judges)} judges",
        f"  secretariat key fingerprint: {secretariat.public_key.fingerprint} (passphrase: {DEMO_PASSPHRASE})",
        f"  bundles: {folder / 'bundles'}  score files: {folder / 'score-files'}",
        f"  merged {accepted} of {len(outcomes)} score files; results: {folder / 'results.csv'}",
        f"  documents: {folder / 'results-report.pdf'}, {folder / f'score-sheets-{first.judge_id}.pdf'}",
        "",
        results_text(results, limit=10).rstrip(),
    ]
    return "\n".join(lines)


def prepare_demo_bundle(folder: Path, *, judge_id: str = "J01", seed: int = 2565, entry_count: int = 120) -> Path:
    """A demo bundle for one judge, made once in ``folder`` (the window's "open the demo contest").

    The demo's secretariat key is made here too, so the bundle is signed like a real one.
    """
    folder = Path(folder)
    round_id = "r1"
    path = folder / "bundles" / bundle_file_name("dlg-2565", round_id, judge_id)
    if path.exists():
        return path
    contest = build_demo_contest(folder / "contest", seed=seed, entry_count=entry_count)
    key_path = folder / "secretariat.key"
    if key_path.exists():
        secretariat = load_private_key(key_path, DEMO_PASSPHRASE)
    else:
        secretariat = PrivateKey.generate()
        save_private_key(key_path, secretariat, DEMO_PASSPHRASE, label="demo secretariat")
    (folder / "contest.db").unlink(missing_ok=True)
    with ContestDatabase.create(folder / "contest.db", contest, folder / "contest", secretariat.public_key) as db:
        issued = issue_bundles(db, secretariat, folder / "bundles", round_id=round_id, judge_ids=[judge_id])
    return issued[0].path


def render_judge_sheets(bundle_path: Path, score_file: Path) -> bytes:
    """A judge's score sheets for one exported file, as the judge would print them."""
    bundle = open_bundle(bundle_path, None)
    return render_score_sheet(bundle.contest, bundle.round, bundle.judge, read_score_file(score_file))


def play_judge(bundle_path: Path, data_dir: Path, out_dir: Path, *, seed: int) -> Path:
    """One simulated judge: key, enrolment file, conflicts, scores, comments, export."""
    with JudgeSession.open(bundle_path, data_dir=data_dir) as session:
        judge = session.bundle.judge
        create_judge_key(data_dir, judge.id, DEMO_PASSPHRASE, label=judge.name)
        key = unlock_judge_key(data_dir, judge.id, DEMO_PASSPHRASE)
        write_enrolment(out_dir.parent / "enrolments" / f"enrolment-{judge.id}{ENROLMENT_SUFFIX}",
                        judge.id, judge.name, key)
        contest = session.bundle.contest
        ws = session.workspace
        scores = simulated_scores(contest, session.bundle.round.id, judge.id, seed=seed)
        comments = simulated_comments(contest, session.bundle.round.id, judge.id, seed=seed)
        for entry_id, entry_scores in scores.items():
            if entry_scores is None:
                ws.declare_conflict(entry_id, "เคยเป็นที่ปรึกษาโครงการของหน่วยงานนี้")
                continue
            ws.set_scores(entry_id, dict(entry_scores))
            if comments.get(entry_id):
                ws.set_comment(entry_id, None, comments[entry_id])
        out = out_dir / default_file_name(ws, ws.next_sequence())
        export_score_file(ws, key, out)
    return out
