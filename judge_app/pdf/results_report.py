"""The committee's results report (รายงานผลการพิจารณา).

Sections are small functions that each append to the story, in the order of
:data:`SECTIONS`. Everything shown comes from one
:class:`~judge_app.round_results.RoundResults`, so the report agrees with the
window, the CLI and the exports: the ranking under the officer's chosen method
(with its tie-breaks), when that method was chosen and whether results had
been seen by then, calibration entries apart from the ranking, and scores
typed in from paper sheets marked with :data:`PAPER_MARK` and a footnote.
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

from ..decimals import fraction_str
from ..decisions import changed_after_results_seen
from ..model import Contest, Round
from ..ranking import METHOD_LABELS_TH, METHODS, TIE_BREAKS_TH
from ..results import (
    AWARD_COUNT,
    DISAGREEMENT_SPREAD,
    NATIONAL_COUNT,
    PAPER_NOTE_TH,
    EntryResult,
    method_score_text,
)
from ..round_results import SEVERITY_NOTICE, RoundResults, criterion_averages, load_round_results
from ..scoring import total_str
from ..thai_dates import thai_date, thai_time, thai_today
from .page import SHADE, TEXT_WIDTH, Furniture, Story, build_pdf, grid_table, signature_block, styles

TOP3_SHADE = colors.Color(0.80, 0.88, 0.97)
#: Marks a judge's score typed in by the secretariat from a paper sheet (explained in a footnote).
PAPER_MARK = "†"
PAPER_FOOTNOTE = f"{PAPER_MARK} {PAPER_NOTE_TH}"
#: Thailand keeps UTC+7 all year; decision times are stored in UTC.
METHOD_SHORT_TH = {"mean": "ค่าเฉลี่ย", "trimmed_mean": "ค่าเฉลี่ยตัดปลาย", "standardised": "คะแนนมาตรฐาน"}


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
    paper: bool = False


@dataclass(frozen=True)
class ReportData:
    """Everything the report shows, gathered from the contest database."""

    contest: Contest
    round: Round
    round_results: RoundResults
    merged_files: list[MergedFile]
    conflicts: list[Conflict]
    report_date: date

    @property
    def results(self) -> list[EntryResult]:
        """The ranked entries (then unscored ones), calibration entries excluded."""
        return self.round_results.results


def report_data(db, round_id: str, *, report_date: date | None = None) -> ReportData:
    """Gather a round's results, decisions, merged files and conflicts from a :class:`ContestDatabase`."""
    rr = load_round_results(db, round_id)
    files = [
        MergedFile(row["judge_id"], row["sequence"], row["sha256"], row["imported_at"])
        for row in db.score_files()
        if row["outcome"] == "merged" and row["round_id"] == round_id
    ]
    conflicts = [Conflict(r["judge_id"], r["entry_id"], r["conflict_reason"], r.get("source") == "paper")
                 for r in db.entry_results(round_id) if r["status"] == "conflict"]
    return ReportData(rr.contest, rr.round, rr, sorted(files, key=lambda f: f.judge_id), conflicts,
                      report_date or thai_today())


def _judge_lines(rr: RoundResults, r: EntryResult) -> list[str]:
    """Each judge's total (or conflict / not scored), with the paper mark where typed from paper."""
    def mark(judge_id: str) -> str:
        return f" {PAPER_MARK}" if judge_id in r.paper else ""

    lines = [f"{j} {total_str(t)}{mark(j)}" for j, t in sorted(r.totals.items())]
    lines += [f"{j} ส่วนได้เสีย{mark(j)}" for j in sorted(r.conflicts)]
    lines += [f"{j} ยังไม่ให้" for j in sorted(r.not_scored)]
    return lines


def _paper_footnote(story: Story, entries: Sequence[EntryResult]) -> None:
    if any(r.paper for r in entries):
        story.para(PAPER_FOOTNOTE, story.st.small)


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
    rr = data.round_results
    story.para(f"จัดอันดับตาม{METHOD_LABELS_TH[rr.method]} {TIE_BREAKS_TH} "
               "ผลงานสำหรับปรับมาตรฐาน (ที่กรรมการทุกท่านให้คะแนนก่อน) ไม่นำมาจัดอันดับ "
               "แต่นำมาคำนวณความเข้มของกรรมการและความสอดคล้องของคณะกรรมการ")
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


def _decision(story: Story, data: ReportData) -> None:
    """Which method was chosen, when, and whether results had been seen by then; any change said plainly."""
    st = story.st
    rr = data.round_results
    history = list(rr.history)
    _open_section(story, "การเลือกวิธีจัดอันดับ", keep=5 * cm)
    seen = (f"มีการเปิดดูผลครั้งแรกเมื่อ {thai_time(rr.first_viewed)}" if rr.first_viewed
            else "ยังไม่มีการเปิดดูผลก่อนจัดทำรายงานนี้")
    if rr.decision is None:
        story.para(f"ไม่มีการบันทึกการเลือกวิธีจัดอันดับ รายงานนี้จึงจัดอันดับด้วยวิธีตั้งต้น คือ{METHOD_LABELS_TH[rr.method]} "
                   f"{seen}")
        return
    when = ("ก่อนการเปิดดูผล" if not rr.decision.results_seen_before
            else "หลังจากได้เปิดดูผลแล้ว")
    story.para(f"สำนักงานเลขานุการเลือกวิธีจัดอันดับ คือ{METHOD_LABELS_TH[rr.method]} "
               f"เมื่อ {thai_time(rr.decision.decided_at)} ซึ่งเป็นการเลือก{when} {seen}")
    if changed_after_results_seen(history):
        story.para("มีการเปลี่ยนวิธีจัดอันดับหลังจากได้เห็นผลแล้ว ประวัติการเลือกทั้งหมดมีดังนี้", st.body_bold)
    elif len(history) > 1:
        story.para("ประวัติการเลือก (ทุกครั้งเลือกก่อนการเปิดดูผล)", st.small)
    if len(history) > 1:
        rows = [[story.cell(h, st.cell_bold) for h in ("ครั้งที่", "วันเวลา", "วิธีจัดอันดับ", "ขณะเลือก")]]
        for number, d in enumerate(history, start=1):
            rows.append([story.cell(str(number), st.cell_center), story.cell(thai_time(d.decided_at)),
                         story.cell(METHOD_SHORT_TH[d.method]),
                         story.cell("เห็นผลแล้ว" if d.results_seen_before else "ยังไม่เห็นผล")])
        story.space(0.15 * cm)
        story.add(grid_table(rows, [1.6 * cm, 5.6 * cm, 4.2 * cm, TEXT_WIDTH - 11.4 * cm]))


def _summary(story: Story, data: ReportData) -> None:
    rr = data.round_results
    _open_section(story, "ภาพรวม", keep=0)
    calibration = f" ผลงานสำหรับปรับมาตรฐาน {len(rr.calibration)} รายการ" if rr.calibration else ""
    paper = (f" คะแนนที่พิมพ์จากแบบให้คะแนนกระดาษ {len(rr.paper_entered)} รายการ" if rr.paper_entered else "")
    story.para(
        f"ผลงานที่พิจารณา {len(rr.results)} รายการ จัดอันดับได้ {len(rr.ranked)} รายการ{calibration} "
        f"กรรมการ {len(data.contest.judges)} ท่าน แฟ้มคะแนนที่ใช้คำนวณ {len(data.merged_files)} แฟ้ม "
        f"การแจ้งส่วนได้เสีย {len(data.conflicts)} ครั้ง{paper}"
    )


def _ranking(story: Story, data: ReportData) -> None:
    st = story.st
    rr = data.round_results
    _open_section(story, "ผลการจัดอันดับ", keep=8 * cm)
    story.para(f"จัดอันดับตาม{METHOD_SHORT_TH[rr.method]} แถบสีเข้มคือ {NATIONAL_COUNT} อันดับแรก (เสนอเข้ารางวัล DG Awards) "
               f"แถบสีอ่อนคืออันดับ 1–{AWARD_COUNT} (ได้รับรางวัล)", st.small)
    story.space(0.15 * cm)
    right = st.style("cell-right", size=10, leading=13.5, align=TA_RIGHT)
    by_method = rr.method != "mean"
    headers = ["อันดับ", "รหัส", "หน่วยงาน / ประเภท / จังหวัด", "คะแนนกรรมการ", "เฉลี่ย", "SD"]
    if by_method:
        headers.append("z" if rr.method == "standardised" else "ตัดปลาย")
    rows = [[story.cell(h, st.cell_bold) for h in headers]]
    extra = []
    for r in data.results:
        row = [
            story.cell(str(r.rank) if r.rank else "–", st.cell_center),
            story.cell(r.entry.id),
            [story.cell(r.entry.org_name, st.cell_bold),
             story.cell(f"{r.entry.org_type_th} · {r.entry.province}", st.small)],
            [story.cell(line, st.small) for line in _judge_lines(rr, r)] or story.cell("–"),
            story.cell(_fmt(r.mean), right),
            story.cell(f"{r.sd:.2f}" if r.sd is not None else "–", right),
        ]
        score = method_score_text(r, rr.method)
        rows.append(row + ([story.cell("–" if score == "-" else score, right)] if by_method else []))
        if r.rank and r.rank <= NATIONAL_COUNT:
            extra.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), TOP3_SHADE))
        elif r.rank and r.rank <= AWARD_COUNT:
            extra.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), SHADE))
    widths = [1.3 * cm, 1.4 * cm, TEXT_WIDTH - 9.5 * cm, 3.4 * cm, 1.8 * cm, 1.6 * cm]
    if by_method:
        widths = [*widths[:2], widths[2] - 1.6 * cm, *widths[3:], 1.6 * cm]
    story.add(grid_table(rows, widths, extra=extra))
    _paper_footnote(story, data.results)


def _entry_statistics(story: Story, data: ReportData) -> None:
    """Count, mean, median, SD, min, max, trimmed mean and z-mean of the award shortlist."""
    st = story.st
    rr = data.round_results
    _open_section(story, f"สถิติของผลงาน {AWARD_COUNT} อันดับแรก", keep=6 * cm)
    story.para("n จำนวนกรรมการที่ให้คะแนน ตัดปลาย: ตัดคะแนนสูงสุดและต่ำสุดออกเมื่อมีกรรมการตั้งแต่ 5 ท่าน "
               "z: ค่าเฉลี่ยคะแนนมาตรฐานของกรรมการ (คะแนนรวมของกรรมการแต่ละท่านแปลงเป็นคะแนน z)", st.small)
    headers = ("อันดับ", "รหัส", "n", "เฉลี่ย", "มัธยฐาน", "SD", "ต่ำสุด", "สูงสุด", "ตัดปลาย", "z")
    rows = [[story.cell(h, st.cell_bold) for h in headers]]
    for r in rr.award:
        rows.append([story.cell(v, st.cell_center) for v in (
            str(r.rank), r.entry.id, str(r.judge_count), _fmt(r.mean), _fmt(r.median),
            f"{r.sd:.2f}" if r.sd is not None else "–", _fmt(r.minimum), _fmt(r.maximum), _fmt(r.trimmed_mean),
            f"{r.standardised_mean:+.3f}" if r.standardised_mean is not None else "–")])
    story.space(0.15 * cm)
    story.add(grid_table(rows, [1.3 * cm, 1.5 * cm, 0.9 * cm, *[(TEXT_WIDTH - 3.7 * cm) / 7] * 7]))


def _methods_side_by_side(story: Story, data: ReportData) -> None:
    """Rank under each method for every entry within reach of the award under any of them."""
    st = story.st
    rr = data.round_results
    reach = AWARD_COUNT + 3
    shown = [row for row in rr.table if any(rank is not None and rank <= reach for rank in row.ranks.values())]
    _open_section(story, "อันดับเมื่อใช้วิธีจัดอันดับต่าง ๆ", keep=6 * cm)
    story.para(f"ผลงานที่อยู่ใน {reach} อันดับแรกตามวิธีใดวิธีหนึ่ง เรียงตามวิธีที่เลือก ผลงานที่อันดับต่างกันมาก"
               "ระหว่างวิธี คือผลงานที่อันดับขึ้นอยู่กับวิธีรวมคะแนนมากกว่าตัวคะแนน", st.small)
    headers = ["รหัส", "หน่วยงาน"] + [METHOD_SHORT_TH[m] + (" (ที่เลือก)" if m == rr.method else "") for m in METHODS]
    rows = [[story.cell(h, st.cell_bold) for h in headers]]
    for row in shown:
        rows.append([story.cell(row.entry_id), story.cell(data.contest.entry(row.entry_id).org_name),
                     *(story.cell(str(row.ranks[m] or "–"), st.cell_center) for m in METHODS)])
    story.space(0.15 * cm)
    story.add(grid_table(rows, [1.4 * cm, TEXT_WIDTH - 9.8 * cm, 2.8 * cm, 2.8 * cm, 2.8 * cm]))


def _calibration(story: Story, data: ReportData) -> None:
    """The calibration entries with their scores; not ranked, shown so the shared scale can be seen."""
    st = story.st
    rr = data.round_results
    if not rr.calibration:
        return
    _open_section(story, "ผลงานสำหรับปรับมาตรฐาน (ไม่นำมาจัดอันดับ)", keep=6 * cm)
    story.para("กรรมการทุกท่านให้คะแนนผลงานเหล่านี้ก่อน เพื่อให้คณะกรรมการเริ่มจากมาตรฐานเดียวกัน "
               "คะแนนนำมาคำนวณความเข้มของกรรมการแต่ไม่นำมาจัดอันดับ", st.small)
    rows = [[story.cell(h, st.cell_bold) for h in ("รหัส", "หน่วยงาน", "คะแนนกรรมการ", "เฉลี่ย", "SD")]]
    for r in rr.calibration:
        rows.append([story.cell(r.entry.id), story.cell(r.entry.org_name),
                     [story.cell(line, st.small) for line in _judge_lines(rr, r)] or story.cell("–"),
                     story.cell(_fmt(r.mean), st.cell_center),
                     story.cell(f"{r.sd:.2f}" if r.sd is not None else "–", st.cell_center)])
    story.space(0.15 * cm)
    story.add(grid_table(rows, [1.4 * cm, TEXT_WIDTH - 8.8 * cm, 3.8 * cm, 1.8 * cm, 1.8 * cm]))
    _paper_footnote(story, rr.calibration)


def _criterion_averages(story: Story, data: ReportData) -> None:
    st = story.st
    rr = data.round_results
    groups = [(f"{NATIONAL_COUNT} อันดับแรก", rr.national), (f"{AWARD_COUNT} อันดับแรก", rr.award),
              ("ทุกผลงาน", rr.ranked)]
    if rr.calibration:
        groups.append(("ปรับมาตรฐาน", rr.calibration))
    criteria = data.round.rubric.criteria
    averages = [criterion_averages(members, [c.id for c in criteria]) for _, members in groups]
    _open_section(story, "คะแนนเฉลี่ยรายเกณฑ์", keep=8 * cm)
    story.para("ค่าเฉลี่ยของคะแนน (ก่อนถ่วงน้ำหนัก) ที่กรรมการให้ในแต่ละเกณฑ์", st.small)
    rows = [[story.cell("เกณฑ์", st.cell_bold)] + [story.cell(label, st.cell_bold) for label, _ in groups]]
    for c in criteria:
        rows.append([story.cell(f"{c.id} {c.title_th}")] + [
            story.cell(fraction_str(a[c.id]) if a[c.id] is not None else "–", st.cell_center) for a in averages])
    story.space(0.15 * cm)
    width = 2.4 * cm if len(groups) == 3 else 2.1 * cm
    story.add(grid_table(rows, [TEXT_WIDTH - len(groups) * width, *[width] * len(groups)]))


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
    rr = data.round_results
    flagged = rr.disagreements
    _open_section(story, "ผลงานที่กรรมการให้คะแนนต่างกันมาก", keep=5 * cm)
    story.para(f"ผลงานที่คะแนนรวมของกรรมการสูงสุดและต่ำสุดต่างกันตั้งแต่ {DISAGREEMENT_SPREAD} คะแนนขึ้นไป "
               "ควรนำเข้าหารือในที่ประชุมคณะกรรมการ", st.small)
    if not flagged:
        story.para("ไม่มีผลงานที่เข้าเกณฑ์นี้")
        return
    calibration = {r.entry.id for r in rr.calibration}
    rows = [[story.cell(h, st.cell_bold) for h in ("รหัส", "หน่วยงาน", "คะแนนกรรมการ", "ส่วนต่าง", "อันดับ")]]
    for r in flagged:
        place = "ปรับมาตรฐาน" if r.entry.id in calibration else str(r.rank or "–")
        rows.append([
            story.cell(r.entry.id), story.cell(r.entry.org_name),
            story.cell("  ".join(_judge_lines(rr, r)[:len(r.totals)]), st.small),
            story.cell(_fmt(r.spread), st.cell_center), story.cell(place, st.cell_center),
        ])
    story.space(0.15 * cm)
    story.add(grid_table(rows, [1.4 * cm, TEXT_WIDTH - 11.0 * cm, 5.6 * cm, 1.8 * cm, 2.2 * cm]))
    _paper_footnote(story, flagged)


def _stability(story: Story, data: ReportData) -> None:
    """Whether entries near the cut lines keep their side under other methods or without any one judge."""
    st = story.st
    rr = data.round_results
    _open_section(story, "ความมั่นคงของอันดับใกล้เส้นตัด", keep=6 * cm)
    story.para(f"ตรวจผลงานที่อยู่ใกล้อันดับที่ {NATIONAL_COUNT} และ {AWARD_COUNT} (ตาม{METHOD_SHORT_TH[rr.method]}) "
               "ว่ายังอยู่ฝั่งเดิมหรือไม่ เมื่อใช้วิธีอื่น หรือเมื่อตัดคะแนนของกรรมการท่านใดท่านหนึ่งออก "
               "ผลงานที่ไม่มั่นคงควรให้กรรมการเพิ่มพิจารณาอีกครั้ง", st.small)
    rows = [[story.cell(h, st.cell_bold) for h in ("เส้นตัด", "อันดับ", "รหัส", "หน่วยงาน", "ผล", "สิ่งที่ทำให้เปลี่ยนฝั่ง")]]
    for check in rr.stability:
        flips = ", ".join(METHOD_SHORT_TH.get(f, f.replace("without", "ไม่รวม")) for f in check.flips) or "–"
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
    rr = data.round_results
    _open_section(story, "ความสอดคล้องของคณะกรรมการ", keep=6 * cm)
    if rr.alpha is not None:
        story.para(f"ค่าความสอดคล้อง Krippendorff's alpha (interval) ของคะแนนรวม = {rr.alpha:.3f} "
                   "(1 คือให้คะแนนตรงกันทุกท่าน 0 คือไม่สอดคล้องกันเกินกว่าความบังเอิญ)")
    else:
        story.para("คำนวณค่าความสอดคล้อง Krippendorff's alpha ไม่ได้ เพราะมีคะแนนที่กรรมการให้ร่วมกันน้อยเกินไปหรือไม่แตกต่างกัน")
    if rr.icc is not None:
        story.para(f"ค่า {rr.icc_form} = {rr.icc:.3f} (กรรมการทุกท่านให้คะแนนทุกผลงาน)")
    else:
        story.para(f"ไม่คำนวณค่า {rr.icc_form} ของทั้งรอบ เพราะกรรมการแต่ละท่านไม่ได้ให้คะแนนครบทุกผลงาน", st.small)
    if rr.calibration_icc is not None:
        story.para(f"ค่า {rr.icc_form} ของผลงานสำหรับปรับมาตรฐาน = {rr.calibration_icc:.3f}")
    names = {j.id: j.name for j in data.contest.judges}
    rows = [[story.cell(h, st.cell_bold) for h in ("กรรมการ", "จำนวนผลงาน", "ความเข้ม (คะแนน)", "ความสอดคล้อง (r)")]]
    for judge_id in rr.judges:
        s = rr.severity[judge_id]
        rows.append([
            story.cell(f"{judge_id} {names.get(judge_id, '')}"),
            story.cell(str(s.entries), st.cell_center),
            story.cell(f"{float(s.severity):+.2f}" if s.severity is not None else "–", st.cell_center),
            story.cell(f"{s.consistency:.2f}" if s.consistency is not None else "–", st.cell_center),
        ])
    story.para("ความเข้ม: ค่าเฉลี่ยของคะแนนรวมของกรรมการท่านนั้นลบค่าเฉลี่ยของกรรมการท่านอื่นในผลงานเดียวกัน "
               "รวมผลงานสำหรับปรับมาตรฐาน (ติดลบคือให้คะแนนเข้มกว่า) ความสอดคล้อง: สหสัมพันธ์กับค่าเฉลี่ยของกรรมการท่านอื่น",
               st.small)
    story.space(0.15 * cm)
    story.add(grid_table(rows, [TEXT_WIDTH - 8.4 * cm, 2.4 * cm, 3.0 * cm, 3.0 * cm]))
    for judge_id, kind in sorted(rr.notable_judges.items()):
        story.para(f"{judge_id} {names.get(judge_id, '')} ให้คะแนน{'เข้มกว่า' if kind == 'harsher' else 'สูงกว่า'}"
                   f"กรรมการท่านอื่นในผลงานเดียวกันตั้งแต่ {SEVERITY_NOTICE} คะแนนขึ้นไปโดยเฉลี่ย "
                   "ควรพิจารณาอันดับตามค่าเฉลี่ยคะแนนมาตรฐานประกอบ", st.small)


def _conflicts(story: Story, data: ReportData) -> None:
    st = story.st
    _open_section(story, "การแจ้งส่วนได้เสีย", keep=5 * cm)
    if not data.conflicts:
        story.para("ไม่มีกรรมการแจ้งส่วนได้เสีย")
        return
    judges = {j.id: j.name for j in data.contest.judges}
    rows = [[story.cell(h, st.cell_bold) for h in ("กรรมการ", "ผลงาน", "หน่วยงาน", "เหตุผล")]]
    for c in sorted(data.conflicts, key=lambda c: (c.judge_id, c.entry_id)):
        mark = f" {PAPER_MARK}" if c.paper else ""
        rows.append([story.cell(f"{c.judge_id} {judges.get(c.judge_id, '')}{mark}"), story.cell(c.entry_id),
                     story.cell(data.contest.entry(c.entry_id).org_name), story.cell(c.reason or "–")])
    story.space(0.15 * cm)
    story.add(grid_table(rows, [4.4 * cm, 1.4 * cm, 5.2 * cm, TEXT_WIDTH - 11.0 * cm]))
    if any(c.paper for c in data.conflicts):
        story.para(PAPER_FOOTNOTE, st.small)


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
    _method, _decision, _summary, _ranking, _entry_statistics, _methods_side_by_side, _stability, _calibration,
    _criterion_averages, _distribution, _disagreements, _panel, _conflicts, _committee_signatures, _appendix,
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
