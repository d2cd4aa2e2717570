"""The judge's score sheets (ใบให้คะแนน), filled from a score file or blank for paper judging.

A filled sheet reflects one signed score file exactly: every page carries the
file's SHA-256 (also as a QR code) and the judge's key fingerprint, so the
paper the judge signs by hand and the digital file can be matched.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Sequence

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, PageBreak

from ..decimals import decimal_str
from ..model import Criterion, Entry, Judge, Round, Contest
from ..scorefile import EntryScores, ScoreFile
from ..scoring import criterion_points, total_str
from ..thai_dates import thai_date
from .page import TEXT_WIDTH, Furniture, Story, build_pdf, grid_table, signature_block, styles

STATUS_TH = {
    "scored": "ให้คะแนนแล้ว",
    "conflict": "มีส่วนได้เสีย ไม่ให้คะแนน",
    "not_scored": "ยังไม่ได้ให้คะแนน",
}


@dataclass(frozen=True)
class SheetOptions:
    """Choices a secretariat makes once for all its documents."""

    digits: str = "arabic"  # or "thai"


def _judge_position(judge: Judge) -> str:
    return " ".join(part for part in (judge.position, judge.affiliation) if part)


def _entry_identity(story: Story, entry: Entry) -> None:
    st = story.st
    story.para(f"ผลงานรหัส {entry.id}", st.style("entry-code", size=10, color=st.small.textColor))
    story.para(entry.project_title, st.heading)
    label = st.cell_bold
    row = [story.cell("หน่วยงาน", label), story.cell(entry.org_name), story.cell("ประเภท", label),
           story.cell(entry.org_type_th), story.cell("จังหวัด", label), story.cell(entry.province)]
    story.add(grid_table([row], [1.8 * cm, 5.0 * cm, 1.5 * cm, 3.9 * cm, 1.5 * cm, TEXT_WIDTH - 13.7 * cm],
                         header_rows=0))
    story.space(0.25 * cm)


def _guide_style(story: Story):
    return story.st.style("guide", size=9, leading=11.8, color=story.st.small.textColor)


def _level_text(criterion: Criterion, score: Decimal) -> str:
    level = criterion.level_for(score)
    if level is None:
        return ""
    return f"ระดับ {decimal_str(level.score)}: {level.description_th}"


def _scored_table(story: Story, round_: Round, scores: EntryScores):
    st = story.st
    header = [story.cell("เกณฑ์การพิจารณา", st.cell_bold), story.cell("น้ำหนัก", st.cell_bold),
              story.cell("คะแนน", st.cell_bold), story.cell("ถ่วงน้ำหนัก", st.cell_bold)]
    rows = [header]
    right = st.style("cell-right", size=10, leading=13.5, align=TA_RIGHT)
    for criterion in round_.rubric.criteria:
        score = scores.scores[criterion.id]
        described = [story.cell(f"{criterion.id} {criterion.title_th}", st.cell_bold),
                     story.cell(_level_text(criterion, score), _guide_style(story))]
        comment = scores.comments.get(criterion.id, "")
        if comment:
            described.append(story.cell(f"ความเห็น: {comment}"))
        rows.append([
            described,
            story.cell(decimal_str(criterion.weight), right),
            story.cell(f"{decimal_str(score)} / {decimal_str(criterion.scale_max)}", right),
            story.cell(total_str(criterion_points(criterion, score)), right),
        ])
    rows.append([story.cell("คะแนนรวม (เต็ม 100)", st.cell_bold), "", "",
                 story.cell(scores.total or "", st.style("total", size=11, bold=True, align=TA_RIGHT))])
    last = len(rows) - 1
    return grid_table(rows, [TEXT_WIDTH - 5.3 * cm, 1.4 * cm, 1.9 * cm, 2.0 * cm],
                      extra=[("SPAN", (0, last), (2, last))])


def render_score_sheet(contest: Contest, round_: Round, judge: Judge, score_file: ScoreFile,
                       options: SheetOptions = SheetOptions()) -> bytes:
    """The filled score sheets of one judge, exactly as the score file holds them."""
    st = styles()
    story = Story(st, digits=options.digits)
    exported = thai_date(score_file.exported_at[:10])
    story.para("ใบให้คะแนนผลงาน", st.title)
    story.para(contest.title_th, st.style("subtitle", size=13, align=TA_CENTER))
    story.para(round_.title_th, st.style("subtitle2", size=11.5, align=TA_CENTER))
    story.space(0.3 * cm)
    story.para(f"กรรมการผู้ให้คะแนน: {judge.name}", st.body_bold)
    if _judge_position(judge):
        story.para(_judge_position(judge))
    story.para(f"แฟ้มคะแนนลำดับที่ {score_file.sequence} ส่งออกเมื่อ {exported}")
    counts = {status: sum(e.status == status for e in score_file.entries) for status in STATUS_TH}
    story.para(
        f"ผลงานที่ได้รับมอบหมาย {len(score_file.entries)} รายการ: ให้คะแนนแล้ว {counts['scored']} "
        f"มีส่วนได้เสีย {counts['conflict']} ยังไม่ได้ให้คะแนน {counts['not_scored']}"
    )
    story.space(0.3 * cm)
    center = st.cell_center
    rows = [[story.cell("ที่", st.cell_bold), story.cell("รหัส", st.cell_bold),
             story.cell("หน่วยงาน / ชื่อผลงาน", st.cell_bold), story.cell("สถานะ", st.cell_bold),
             story.cell("คะแนนรวม", st.cell_bold)]]
    entries = {e.id: e for e in contest.entries}
    for number, scores in enumerate(score_file.entries, start=1):
        entry = entries[scores.entry_id]
        rows.append([
            story.cell(str(number), center),
            story.cell(entry.id),
            [story.cell(entry.org_name, st.cell_bold), story.cell(entry.project_title)],
            story.cell(STATUS_TH[scores.status]),
            story.cell(scores.total or "–", center),
        ])
    story.add(grid_table(rows, [1.0 * cm, 1.5 * cm, TEXT_WIDTH - 7.7 * cm, 3.1 * cm, 2.1 * cm]))
    story.add(signature_block(st, name=judge.name, position=_judge_position(judge), date_text=exported,
                              role="ผู้ทรงคุณวุฒิ", digits=options.digits))

    for scores in score_file.entries:
        story.add(PageBreak())
        entry = entries[scores.entry_id]
        _entry_identity(story, entry)
        if scores.status == "scored":
            story.add(_scored_table(story, round_, scores))
        elif scores.status == "conflict":
            reason = f" เหตุผล: {scores.conflict_reason}" if scores.conflict_reason else ""
            story.para(f"กรรมการแจ้งว่ามีส่วนได้เสียกับผลงานนี้ จึงไม่ให้คะแนน{reason}", st.body_bold)
        else:
            story.para("ยังไม่ได้ให้คะแนนผลงานนี้ในแฟ้มคะแนนฉบับนี้", st.body_bold)
        if scores.overall_comment:
            story.space(0.3 * cm)
            story.para("ความเห็นโดยรวม", st.body_bold)
            story.para(scores.overall_comment)
        story.add(signature_block(st, name=judge.name, position=judge.position, date_text=exported,
                                  role="ผู้ทรงคุณวุฒิ", digits=options.digits))

    furniture = Furniture(
        header_left=contest.title_th,
        header_right=f"{judge.name} · {round_.title_th}",
        footer_lines=(
            f"{contest.id} / {round_.id} / กรรมการ {judge.id} / แฟ้มคะแนนลำดับที่ {score_file.sequence}",
            f"ลายนิ้วมือกุญแจกรรมการ {score_file.public_key.fingerprint}",
            f"SHA-256 แฟ้มคะแนน {score_file.sha256}",
        ),
        qr_value=score_file.sha256,
        digits=options.digits,
    )
    return build_pdf(story.items, furniture, title=f"ใบให้คะแนน {judge.name}", author=judge.name,
                     subject=f"score file {score_file.sha256}")


def _blank_table(story: Story, round_: Round):
    st = story.st
    rows = [[story.cell("เกณฑ์การพิจารณาและระดับคะแนน", st.cell_bold), story.cell("น้ำหนัก", st.cell_bold),
             story.cell("คะแนน", st.cell_bold), story.cell("ความเห็น", st.cell_bold)]]
    for criterion in round_.rubric.criteria:
        guide = [story.cell(f"{criterion.id} {criterion.title_th}", st.cell_bold)]
        guide += [story.cell(f"{decimal_str(level.score)} = {level.description_th}", _guide_style(story))
                  for level in criterion.levels]
        scale = (f"{decimal_str(criterion.scale_min)}–{decimal_str(criterion.scale_max)} "
                 f"ทีละ {decimal_str(criterion.step)}")
        rows.append([
            guide,
            story.cell(decimal_str(criterion.weight), st.cell_center),
            [story.cell("........ / " + decimal_str(criterion.scale_max), st.cell_center),
             story.cell(scale, st.small)],
            "",
        ])
    rows.append([story.cell("คะแนนรวม (เต็ม 100)", st.cell_bold), "", story.cell("........", st.cell_center), ""])
    last = len(rows) - 1
    return grid_table(rows, [TEXT_WIDTH - 7.4 * cm, 1.4 * cm, 2.4 * cm, 3.6 * cm],
                      extra=[("SPAN", (0, last), (1, last))])


def render_blank_sheet(contest: Contest, round_: Round, entries: Sequence[Entry], judge: Judge | None = None,
                       options: SheetOptions = SheetOptions()) -> bytes:
    """Blank sheets for judging on paper, with the level descriptors printed as a guide."""
    st = styles()
    story = Story(st, digits=options.digits)
    judge_name = judge.name if judge else ".............................................................."
    for number, entry in enumerate(entries):
        if number:
            story.add(PageBreak())
        story.para("ใบให้คะแนนผลงาน (สำหรับกรอกด้วยมือ)", st.title)
        story.para(f"กรรมการผู้ให้คะแนน: {judge_name}", st.body_bold)
        story.space(0.2 * cm)
        _entry_identity(story, entry)
        story.add(_blank_table(story, round_))
        story.space(0.3 * cm)
        story.add(CondPageBreak(4 * cm))
        story.para("ความเห็นโดยรวม", st.body_bold)
        for _ in range(3):
            story.para("." * 150, st.small)
        story.add(signature_block(st, name=judge.name if judge else " " * 40,
                                  position=_judge_position(judge) if judge else "", date_text=None,
                                  role="ผู้ทรงคุณวุฒิ", digits=options.digits))
    furniture = Furniture(
        header_left=contest.title_th,
        header_right=f"{round_.title_th} · ใบให้คะแนนเปล่า",
        footer_lines=(f"{contest.id} / {round_.id}" + (f" / กรรมการ {judge.id}" if judge else ""),
                      "คะแนนที่กรอกด้วยมือจะถูกบันทึกเป็น 'กรอกจากกระดาษ' ไม่ใช่แฟ้มที่ลงลายมือชื่อดิจิทัล"),
        digits=options.digits,
    )
    return build_pdf(story.items, furniture, title="ใบให้คะแนนเปล่า", author=contest.organiser_th or contest.id)
