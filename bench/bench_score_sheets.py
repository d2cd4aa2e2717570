"""Score sheets for one judge with 300 entries, against the floor of drawing the same text bare.

The floor is the least any PDF of this text can cost: the same strings drawn
with a bare reportlab canvas in the same Sarabun font, one page per entry, no
shaping, no wrapping, no tables. The ratio says what layout and correct Thai
cost on top of it.

    .venv/bin/python bench/bench_score_sheets.py [--entries 300] [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Figure, best_of, traced_peak_mib  # noqa: E402

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from judge_app.bundle import build_bundle, open_bundle  # noqa: E402
from judge_app.demo import build_demo_contest, simulated_comments, simulated_scores  # noqa: E402
from judge_app.keys import PrivateKey  # noqa: E402
from judge_app.pdf.score_sheet import render_score_sheet  # noqa: E402
from judge_app.pdf.fonts import register_sarabun  # noqa: E402
from judge_app.scorefile import export_score_file, read_score_file  # noqa: E402
from judge_app.workspace import Workspace  # noqa: E402


def prepare(folder: Path, entries: int):
    """A judge who scored every one of ``entries`` demo entries, and the exported score file."""
    contest = build_demo_contest(folder / "contest", entry_count=entries)
    round_ = contest.rounds[0]
    everything = replace(round_, assignments={"J01": tuple(e.id for e in contest.entries)})
    contest = replace(contest, rounds=(everything,))
    key = PrivateKey.generate()
    build_bundle(contest, "r1", "J01", folder / "contest", key, folder / "b.dlgbundle")
    bundle = open_bundle(folder / "b.dlgbundle", None)
    scores = simulated_scores(contest, "r1", "J01")
    comments = simulated_comments(contest, "r1", "J01")
    with Workspace(folder / "ws.sqlite", bundle) as ws:
        for entry_id, values in scores.items():
            if values is None:
                ws.declare_conflict(entry_id, "เคยเป็นที่ปรึกษาโครงการ")
                continue
            ws.set_scores(entry_id, dict(values))
            ws.set_comment(entry_id, None, comments.get(entry_id, ""))
        export_score_file(ws, key, folder / "s.dlgscores")
    return bundle, read_score_file(folder / "s.dlgscores")


def sheet_strings(bundle, score_file) -> list[list[str]]:
    """The text of each entry's page, as the score sheet prints it."""
    criteria = bundle.round.rubric.criteria
    pages = []
    for scores in score_file.entries:
        entry = bundle.entry(scores.entry_id)
        lines = [entry.project_title, entry.org_name, entry.org_type_th, entry.province]
        for c in criteria:
            lines.append(f"{c.id} {c.title_th}")
            if scores.status == "scored":
                level = c.level_for(scores.scores[c.id])
                lines.append(level.description_th if level else "")
                lines.append(f"{scores.scores[c.id]} / {c.scale_max}")
        lines += [scores.total or "", scores.overall_comment, bundle.judge.name, score_file.sha256]
        pages.append(lines)
    return pages


def floor(pages: list[list[str]]) -> bytes:
    regular, _ = register_sarabun()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, initialFontName=regular)
    for lines in pages:
        canvas.setFont(regular, 10)
        y = A4[1] - 72
        for line in lines:
            canvas.drawString(72, y, line)
            y -= 14
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def timed(work, repeat: int) -> tuple[float, float, int]:
    """Best wall time over ``repeat`` runs, peak traced memory (MiB) of one more run, and output size."""
    best, output = best_of(work, repeat)
    return best, traced_peak_mib(work), len(output)


def measure(entries: int, repeat: int) -> tuple[tuple[float, float, int], tuple[float, float, int]]:
    """(ours, floor): each (best seconds, peak traced MiB, PDF bytes)."""
    with tempfile.TemporaryDirectory() as folder:
        bundle, score_file = prepare(Path(folder), entries)
        pages = sheet_strings(bundle, score_file)
        render_score_sheet(bundle.contest, bundle.round, bundle.judge, score_file)  # warm: dictionary, fonts
        ours = timed(lambda: render_score_sheet(bundle.contest, bundle.round, bundle.judge, score_file), repeat)
        bare = timed(lambda: floor(pages), repeat)
    return ours, bare


def figures(quick: bool = False) -> list[Figure]:
    entries, repeat = (20, 1) if quick else (300, 3)
    ours, bare = measure(entries, repeat)
    return [Figure(f"score sheets PDF, {entries} entries", ours[0], bare[0], traced_mib=ours[1],
                   note=f"best of {repeat}; floor: the same text on a bare canvas ({bare[1]:.1f} MiB traced); "
                        f"PDF {ours[2] // 1024} KiB")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ours, bare = measure(args.entries, args.repeat)
    print(f"score sheets, {args.entries} entries, best of {args.repeat}")
    print(f"{'':<22}{'time s':>9}{'peak MiB':>10}{'PDF KiB':>9}")
    print(f"{'judge-app sheet':<22}{ours[0]:>9.2f}{ours[1]:>10.1f}{ours[2] // 1024:>9}")
    print(f"{'floor (bare canvas)':<22}{bare[0]:>9.2f}{bare[1]:>10.1f}{bare[2] // 1024:>9}")
    print(f"ratio {ours[0] / bare[0]:.1f}x")


if __name__ == "__main__":
    main()
