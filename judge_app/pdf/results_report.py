"""The committee's results report (รายงานผลการพิจารณา).

Sections are small functions that each append to the story, so the
statistics that come with the secretariat's window (agreement, judge
severity, rank stability) can be added as further sections.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Callable, Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Spacer

from ..agreement import judge_severity, krippendorff_alpha
from ..decimals import fraction_str
from ..model import Contest, Round
from ..ranking import stability
from ..results import (
    AWARD_COUNT,
    DISAGREEMENT_SPREAD,
    NATIONAL_COUNT,
    RANKING_METHOD_TH,
    EntryResult,
    compute_results,
    disagreements,
)
from ..scoring import total_str
from ..thai_dates import thai_date
from .page import SHADE, TEXT_WIDTH, Furniture, Story, build_pdf, grid_table, signature_block, styles

TOP3_SHADE = colors.Color(0.80, 0.88, 0.97)


@dataclass(frozen=True)
class MergedFile:
    """A score file the results were computed from."""

    judge_id: str
    sequence: int
    sha256: str
    imported_at: str


@dataclass(frozen=True)
class Conflict:
    judge_id: str
    entry_id: str
    reason: str


@dataclass(frozen=True)
class ReportData:
    """Everything the report shows, gathered from the contest database."""

    contest: Contest
    round: Round
    results: list[EntryResult]
    merged_files: list[MergedFile]
    conflicts: list[Conflict]
    report_date: date


def report_data(db, round_id: str, *, report_date: date | None = None) -> ReportData:
    """Gather a round's results, merged files and conflicts from a :class:`ContestDatabase`."""
    contest = db.contest
    round_ = contest.round(round_id)
    entry_rows = list(db.entry_results(round_id))
    results = compute_results(contest, round_id, entry_rows, db.merged_scores(round_id))
    files = [
        MergedFile(row["judge_id"], row["sequence"], row["sha256"], row["imported_at"])
        for row in db.score_files()
        if row["outcome"] == "merged" and row["round_id"] == round_id
    ]
    conflicts = [Conflict(r["judge_id"], r["entry_id"], r["conflict_reason"])
                 for r in entry_rows if r["status"] == "conflict"]
    return ReportData(contest, round_, results, sorted(files, key=lambda f: f.judge_id), conflicts,
                      report_date or date.today())


def _fmt(value: Fraction | None) -> str:
    return total_str(value) if value is not None else "–"


def _method(story: Story, data: ReportData) -> None:
    st = story.st
    criteria = data.round.rubric.criteria
    for item in _heading(story, "วิธีการพิจารณา")[1:]:
        story.add(item)
    story.para(
        f"เกณฑ์การพิจารณามี {len(criteria)} ข้อ น้ำหนักรวม 100 คะแนน กรรมการแต่ละท่านให้คะแนนแต่ละเกณฑ์ตามระดับที่กำหนด "
        "คะแนนถ่วงน้ำหนักของแต่ละเกณฑ์เท่ากับ น้ำหนัก × คะแนนที่ได้ ÷ คะแนนเต็มของเกณฑ์ "
        "และคะแนนรวมของกรรมการแต่ละท่านเต็ม 100 คะแนน"
    )
    story.para(RANKING_METHOD_TH)
    story.para(
        "ผลงานที่กรรมการแจ้งว่ามีส่วนได้เสียจะไม่นับคะแนนของกรรมการท่านนั้น และเกณฑ์ที่ยังไม่ได้ให้คะแนนไม่ถือเป็นศูนย์ "
        f"ผลงาน {AWARD_COUNT} อันดับแรกได้รับรางวัลท้องถิ่นดิจิทัล และ {NATIONAL_COUNT} อันดับแรกได้รับการเสนอชื่อเข้าสู่"
        "รางวัลรัฐบาลดิจิทัล (DG Awards)"
    )
    rows = [[story.cell("เกณฑ์", st.cell_bold), story.cell("น้ำหนัก", st.cell_bold),
             story.cell("ช่วงคะแนน", st.cell_bold)]]
    for c in criteria:
        rows.append([story.cell(f"{c.id} {c.title_th}"), story.cell(str(c.weight), st.cell_center),
                     story.cell(f"{c.scale_min}–{c.scale_max} ทีละ {c.step}", st.cell_center)])
    story.space(0.2 * cm)
    story.add(grid_table(rows, [TEXT_WIDTH - 5.6 * cm, 1.8 * cm, 3.8 * cm]))


def _summary(story: Story, data: ReportData) -> None:
    ranked = [r for r in data.results if r.rank]
    _open_section(story, "ภาพรวม", keep=0)
    story.para(
        f"ผลงานที่พิจารณา {len(data.results)} รายการ จัดอันดับได้ {len(ranked)} รายการ "
        f"กรรมการ {len(data.contest.judges)} ท่าน แฟ้มคะแนนที่ใช้คำนวณ {len(data.merged_files)} แฟ้ม "
        f"การแจ้งส่วนได้เสีย {len(data.conflicts)} ครั้ง"
    )


def _ranking(story: Story, data: ReportData) -> None:
    st = story.st
    _open_section(story, "ผลการจัดอันดับ", keep=8 * cm)
    story.para(f"แถบสีเข้มคือ {NATIONAL_COUNT} อันดับแรก (เสนอเข้ารางวัล DG Awards) แถบสีอ่อนคืออันดับ 1–{AWARD_COUNT} "
               "(ได้รับรางวัล)", st.small)
    story.space(0.15 * cm)
    right = st.style("cell-right", size=10, leading=13.5, align=TA_RIGHT)
    rows = [[story.cell(h, st.cell_bold) for h in
             ("อันดับ", "รหัส", "หน่วยงาน / ประเภท / จังหวัด", "คะแนนกรรมการ", "เฉลี่ย", "SD")]]
    extra = []
    for r in data.results:
        judges = [f"{j} {total_str(t)}" for j, t in sorted(r.totals.items())]
        judges += [f"{j} ส่วนได้เสีย" for j in sorted(r.conflicts)]
        judges += [f"{j} ยังไม่ให้" for j in sorted(r.not_scored)]
        rows.append([
            story.cell(str(r.rank) if r.rank else "–", st.cell_center),
            story.cell(r.entry.id),
            [story.cell(r.entry.org_name, st.cell_bold),
             story.cell(f"{r.entry.org_type_th} · {r.entry.province}", st.small)],
            [story.cell(line, st.small) for line in judges] or story.cell("–"),
            story.cell(_fmt(r.mean), right),
            story.cell(f"{r.sd:.2f}" if r.sd is not None else "–", right),
        ])
        if r.rank and r.rank <= NATIONAL_COUNT:
            extra.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), TOP3_SHADE))
        elif r.rank and r.rank <= AWARD_COUNT:
            extra.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), SHADE))
    widths = [1.3 * cm, 1.4 * cm, TEXT_WIDTH - 9.5 * cm, 3.4 * cm, 1.8 * cm, 1.6 * cm]
    story.add(grid_table(rows, widths, extra=extra))


def _criterion_averages(story: Story, data: ReportData) -> None:
    st = story.st
    ranked = [r for r in data.results if r.rank]
    groups = [(f"{NATIONAL_COUNT} อันดับแรก", ranked[:NATIONAL_COUNT]), (f"{AWARD_COUNT} อันดับแรก", ranked[:AWARD_COUNT]),
              ("ทุกผลงาน", ranked)]
    _open_section(story, "คะแนนเฉลี่ยรายเกณฑ์", keep=8 * cm)
    story.para("ค่าเฉลี่ยของคะแนน (ก่อนถ่วงน้ำหนัก) ที่กรรมการให้ในแต่ละเกณฑ์", st.small)
    rows = [[story.cell("เกณฑ์", st.cell_bold)] + [story.cell(label, st.cell_bold) for label, _ in groups]]
    for c in data.round.rubric.criteria:
        row = [story.cell(f"{c.id} {c.title_th}")]
        for _, members in groups:
            values = [v for r in members for v in r.criterion_scores.get(c.id, [])]
            mean = sum((Fraction(v) for v in values), Fraction(0)) / len(values) if values else None
            row.append(story.cell(fraction_str(mean) if mean is not None else "–", st.cell_center))
        rows.append(row)
    story.space(0.15 * cm)
    story.add(grid_table(rows, [TEXT_WIDTH - 7.2 * cm, 2.4 * cm, 2.4 * cm, 2.4 * cm]))


def score_histogram(data: ReportData, width: float = TEXT_WIDTH, height: float = 6 * cm) -> Drawing:
    """Bar chart: how many entries have a mean total in each band of 10 points."""
    counts = [0] * 10
    for r in data.results:
        if r.mean is not None:
            counts[min(int(r.mean // 10), 9)] += 1
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 1.2 * cm, 1.0 * cm, width - 1.6 * cm, height - 1.4 * cm
    chart.data = [counts]
    chart.categoryAxis.categoryNames = [f"{10 * i}–{10 * i + 10}" for i in range(10)]
    regular = styles().regular
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName = regular
        axis.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = max(1, (max(counts) + 4) // 5)
    chart.bars[0].fillColor = colors.Color(0.25, 0.45, 0.70)
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = regular
    chart.barLabels.fontSize = 8
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


def _distribution(story: Story, data: ReportData) -> None:
    st = story.st
    story.add(KeepTogether([
        *_heading(story, "การกระจายของคะแนนเฉลี่ย"),
        score_histogram(data),
        story.cell("จำนวนผลงานในแต่ละช่วงคะแนนเฉลี่ย (เต็ม 100)", st.style("caption", size=9.5, align=TA_CENTER)),
    ]))


def _heading(story: Story, title: str) -> list:
    """A numbered section heading; numbers follow the order of SECTIONS, so a new section renumbers nothing."""
    story.section += 1
    return [Spacer(1, 0.4 * cm), story.cell(f"{story.section}. {title}", story.st.heading)]


def _open_section(story: Story, title: str, *, keep: float = 5 * cm) -> None:
    """Start a section on a new page unless ``keep`` of room is left, then its numbered heading."""
    story.add(CondPageBreak(keep))
    for item in _heading(story, title):
        story.add(item)


def _disagreements(story: Story, data: ReportData) -> None:
    st = story.st
    flagged = disagreements(data.results)
    _open_section(story, "ผลงานที่กรรมการให้คะแนนต่างกันมาก", keep=5 * cm)
    story.para(f"ผลงานที่คะแนนรวมของกรรมการสูงสุดและต่ำสุดต่างกันตั้งแต่ {DISAGREEMENT_SPREAD} คะแนนขึ้นไป "
               "ควรนำเข้าหารือในที่ประชุมคณะกรรมการ", st.small)
    if not flagged:
        story.para("ไม่มีผลงานที่เข้าเกณฑ์นี้")
        return
    rows = [[story.cell(h, st.cell_bold) for h in ("รหัส", "หน่วยงาน", "คะแนนกรรมการ", "ส่วนต่าง", "อันดับ")]]
    for r in flagged:
        rows.append([
            story.cell(r.entry.id), story.cell(r.entry.org_name),
            story.cell("  ".join(f"{j} {total_str(t)}" for j, t in sorted(r.totals.items())), st.small),
            story.cell(_fmt(r.spread), st.cell_center), story.cell(str(r.rank or "–"), st.cell_center),
        ])
    story.space(0.15 * cm)
    story.add(grid_table(rows, [1.4 * cm, TEXT_WIDTH - 10.6 * cm, 5.6 * cm, 1.8 * cm, 1.8 * cm]))


def _stability(story: Story, data: ReportData) -> None:
    """Whether entries near the cut lines keep their side under other methods or without any one judge."""
    st = story.st
    checks = stability(data.results)
    _open_section(story, "ความมั่นคงของอันดับใกล้เส้นตัด", keep=6 * cm)
    story.para(f"ตรวจผลงานที่อยู่ใกล้อันดับที่ {NATIONAL_COUNT} และ {AWARD_COUNT} ว่ายังอยู่ฝั่งเดิมหรือไม่ เมื่อใช้วิธีอื่น "
               "(ค่าเฉลี่ยตัดปลาย ค่าเฉลี่ยคะแนนมาตรฐาน) หรือเมื่อตัดคะแนนของกรรมการท่านใดท่านหนึ่งออก "
               "ผลงานที่ไม่มั่นคงควรให้กรรมการเพิ่มพิจารณาอีกครั้ง", st.small)
    rows = [[story.cell(h, st.cell_bold) for h in ("เส้นตัด", "อันดับ", "รหัส", "หน่วยงาน", "ผล", "สิ่งที่ทำให้เปลี่ยนฝั่ง")]]
    labels = {"mean": "ค่าเฉลี่ย", "trimmed_mean": "ค่าเฉลี่ยตัดปลาย", "standardised": "คะแนนมาตรฐาน"}
    for check in checks:
        flips = ", ".join(labels.get(f, f.replace("without", "ไม่รวม")) for f in check.flips) or "–"
        rows.append([
            story.cell(str(check.cut), st.cell_center), story.cell(str(check.rank), st.cell_center),
            story.cell(check.entry_id), story.cell(data.contest.entry(check.entry_id).org_name),
            story.cell("มั่นคง" if check.stable else "ไม่มั่นคง", st.cell_bold if not check.stable else st.cell),
            story.cell(flips, st.small),
        ])
    story.space(0.15 * cm)
    story.add(grid_table(rows, [1.4 * cm, 1.4 * cm, 1.4 * cm, 5.0 * cm, 1.9 * cm, TEXT_WIDTH - 11.1 * cm]))


def _panel(story: Story, data: ReportData) -> None:
    """Agreement of the panel and each judge's severity (who scores above or below the others)."""
    st = story.st
    totals = {r.entry.id: dict(r.totals) for r in data.results if r.totals}
    _open_section(story, "ความสอดคล้องของคณะกรรมการ", keep=6 * cm)
    try:
        alpha = krippendorff_alpha(totals, metric="interval")
        story.para(f"ค่าความสอดคล้อง Krippendorff's alpha (interval) ของคะแนนรวม = {alpha:.3f} "
                   "(1 คือให้คะแนนตรงกันทุกท่าน 0 คือไม่สอดคล้องกันเกินกว่าความบังเอิญ)")
    except ValueError as exc:
        story.para(f"คำนวณค่าความสอดคล้องไม่ได้: {exc}")
    severity = judge_severity(totals)
    names = {j.id: j.name for j in data.contest.judges}
    rows = [[story.cell(h, st.cell_bold) for h in ("กรรมการ", "จำนวนผลงาน", "ความเข้ม (คะแนน)", "ความสอดคล้อง (r)")]]
    for judge_id in sorted(severity):
        s = severity[judge_id]
        rows.append([
            story.cell(f"{judge_id} {names.get(judge_id, '')}"),
            story.cell(str(s.entries), st.cell_center),
            story.cell(f"{float(s.severity):+.2f}" if s.severity is not None else "–", st.cell_center),
            story.cell(f"{s.consistency:.2f}" if s.consistency is not None else "–", st.cell_center),
        ])
    story.para("ความเข้ม: ค่าเฉลี่ยของคะแนนรวมของกรรมการท่านนั้นลบค่าเฉลี่ยของกรรมการท่านอื่นในผลงานเดียวกัน "
               "(ติดลบคือให้คะแนนเข้มกว่า) ความสอดคล้อง: สหสัมพันธ์กับค่าเฉลี่ยของกรรมการท่านอื่น", st.small)
    story.space(0.15 * cm)
    story.add(grid_table(rows, [TEXT_WIDTH - 8.4 * cm, 2.4 * cm, 3.0 * cm, 3.0 * cm]))


def _conflicts(story: Story, data: ReportData) -> None:
    st = story.st
    _open_section(story, "การแจ้งส่วนได้เสีย", keep=5 * cm)
    if not data.conflicts:
        story.para("ไม่มีกรรมการแจ้งส่วนได้เสีย")
        return
    judges = {j.id: j.name for j in data.contest.judges}
    rows = [[story.cell(h, st.cell_bold) for h in ("กรรมการ", "ผลงาน", "หน่วยงาน", "เหตุผล")]]
    for c in sorted(data.conflicts, key=lambda c: (c.judge_id, c.entry_id)):
        rows.append([story.cell(f"{c.judge_id} {judges.get(c.judge_id, '')}"), story.cell(c.entry_id),
                     story.cell(data.contest.entry(c.entry_id).org_name), story.cell(c.reason or "–")])
    story.space(0.15 * cm)
    story.add(grid_table(rows, [4.4 * cm, 1.4 * cm, 5.2 * cm, TEXT_WIDTH - 11.0 * cm]))


def _appendix(story: Story, data: ReportData) -> None:
    st = story.st
    story.add(PageBreak())
    story.para("ภาคผนวก แฟ้มคะแนนที่ใช้คำนวณผล", st.heading)
    story.para("ผู้ใดก็ตรวจสอบและคำนวณผลซ้ำได้จากแฟ้มคะแนนเหล่านี้ โดยค่า SHA-256 ของแต่ละแฟ้มต้องตรงกับที่พิมพ์ไว้", st.small)
    mono = st.style("hash", size=8.5, leading=11)
    rows = [[story.cell(h, st.cell_bold) for h in ("กรรมการ", "ลำดับแฟ้ม", "SHA-256")]]
    for f in data.merged_files:
        rows.append([story.cell(f.judge_id), story.cell(str(f.sequence), st.cell_center), story.cell(f.sha256, mono)])
    story.space(0.15 * cm)
    story.add(grid_table(rows, [2.0 * cm, 2.0 * cm, TEXT_WIDTH - 4.0 * cm]))


def _committee_signatures(story: Story, data: ReportData) -> None:
    st = story.st
    story.add(CondPageBreak(9 * cm))
    story.space(0.5 * cm)
    story.para("คณะกรรมการได้พิจารณาและรับรองผลข้างต้นแล้ว")
    blank = "." * 45
    story.add(signature_block(st, name=blank, position="ประธานคณะกรรมการ", date_text=None, digits=story.digits))
    story.add(signature_block(st, name=blank, position="กรรมการและเลขานุการ", date_text=None, digits=story.digits))


SECTIONS: Sequence[Callable[[Story, ReportData], None]] = (
    _method, _summary, _ranking, _criterion_averages, _distribution, _disagreements, _stability, _panel, _conflicts,
    _committee_signatures, _appendix,
)


def render_results_report(data: ReportData, *, digits: str = "arabic") -> bytes:
    """The committee's results report as PDF bytes."""
    st = styles()
    story = Story(st, digits=digits)
    story.para("รายงานผลการพิจารณา", st.title)
    story.para(data.contest.title_th, st.style("subtitle", size=13, align=TA_CENTER))
    story.para(f"{data.round.title_th} · ณ วันที่ {thai_date(data.report_date)}",
               st.style("subtitle2", size=11.5, align=TA_CENTER))
    story.space(0.4 * cm)
    for section in SECTIONS:
        section(story, data)
    furniture = Furniture(
        header_left=data.contest.title_th,
        header_right=f"รายงานผลการพิจารณา · {data.round.title_th}",
        footer_lines=(f"{data.contest.id} / {data.round.id} / แฟ้มคะแนน {len(data.merged_files)} แฟ้ม",
                      data.contest.organiser_th),
        digits=digits,
    )
    return build_pdf(story.items, furniture, title=f"รายงานผลการพิจารณา {data.contest.title_th}",
                     author=data.contest.organiser_th or data.contest.id)
