"""The hand-out list of a round's bundles (บัญชีการส่งมอบแฟ้มชุดผลงาน).

Which file goes to which judge, with each file's SHA-256 in groups of four
(read aloud over the phone to check a copy) and the secretariat key's
fingerprint, which the judge's app shows when the bundle is opened. Each judge
signs their row on receipt; the officer who hands the files out signs below.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import cm

from ..errors import SecretariatError
from ..model import Contest, Judge, Round
from ..thai_dates import thai_time
from .page import TEXT_WIDTH, Furniture, Story, build_pdf, grid_table, signature_block, styles
from .thai_text import ThaiParagraph

#: Thailand keeps one offset all year (no daylight saving).


@dataclass(frozen=True)
class HandedBundle:
    """One judge's current bundle of the round."""

    judge: Judge
    file_name: str
    entry_count: int
    sha256: str
    issued_at: str


@dataclass(frozen=True)
class IssueListData:
    contest: Contest
    round: Round
    secretariat_fingerprint: str
    bundles: list[HandedBundle]


def issue_list_data(db, round_id: str) -> IssueListData:
    """The latest bundle of each judge in the round, from a :class:`ContestDatabase`."""
    contest = db.contest
    round_ = contest.round(round_id)
    latest: dict[str, dict] = {}
    for row in db.bundles():  # ordered by judge, then time of issue: the last one of a judge is current
        if row["round_id"] == round_id:
            latest[row["judge_id"]] = row
    if not latest:
        raise SecretariatError(f"no bundles have been issued for round {round_id} yet; issue them first",
                               path=db.path)
    judges = {j.id: j for j in contest.judges}
    bundles = [
        HandedBundle(judges.get(judge_id) or Judge(judge_id, judge_id, "", "", ""), row["file_name"],
                     row["entry_count"], row["sha256"], row["issued_at"])
        for judge_id, row in sorted(latest.items())
    ]
    return IssueListData(contest, round_, db.secretariat_key.fingerprint, bundles)


def grouped_digest(sha256: str, *, group: int = 4, per_line: int = 4) -> str:
    """``a3f90c1e…`` → lines of ``a3f9 0c1e 77b2 d4e0``: short groups are easier to read aloud."""
    groups = [sha256[i:i + group] for i in range(0, len(sha256), group)]
    return "\n".join(" ".join(groups[i:i + per_line]) for i in range(0, len(groups), per_line))


def _receipt_cell(story: Story, judge: Judge) -> list:
    centered = story.st.style("receipt", size=10, leading=14, align=TA_CENTER)
    return [story.cell(" ", centered), story.cell("ลงชื่อ " + "." * 40, centered),
            story.cell(f"( {judge.name} )", centered), story.cell("วันที่ " + "." * 38, centered)]


def _bundles_table(story: Story, data: IssueListData):
    st = story.st
    small = st.style("small-cell", size=9, leading=12)
    rows = [[story.cell(h, st.cell_bold) for h in
             ("ที่", "กรรมการ", "แฟ้มชุดผลงานและ SHA-256", "ลงชื่อผู้รับแฟ้ม")]]
    for number, bundle in enumerate(data.bundles, start=1):
        judge = bundle.judge
        who = [story.cell(judge.name, st.cell_bold), story.cell(f"รหัส {judge.id}", small)]
        who += [story.cell(text, small) for text in (judge.position, judge.affiliation) if text]
        # file names, digests and fingerprints keep Arabic digits: they are compared character by character
        plain = st.style("file", size=9.5, leading=13)
        what = [ThaiParagraph(bundle.file_name, plain), story.cell(f"ผลงาน {bundle.entry_count} รายการ", small),
                ThaiParagraph(grouped_digest(bundle.sha256), plain)]
        rows.append([story.cell(str(number), st.cell_center), who, what, _receipt_cell(story, judge)])
    widths = [0.8 * cm, 0, 4.5 * cm, 5.5 * cm]  # the judge's column takes what is left
    widths[1] = TEXT_WIDTH - sum(widths)
    return grid_table(rows, widths)


def render_issue_list(db, round_id: str, *, digits: str = "arabic") -> bytes:
    """The round's hand-out list as PDF bytes (the same database gives the same bytes)."""
    return render_issue_list_data(issue_list_data(db, round_id), digits=digits)


def render_issue_list_data(data: IssueListData, *, digits: str = "arabic") -> bytes:
    st = styles()
    story = Story(st, digits=digits)
    last_issue = max(b.issued_at for b in data.bundles)
    story.para("บัญชีการส่งมอบแฟ้มชุดผลงานให้กรรมการ", st.title)
    story.para(data.contest.title_th, st.style("subtitle", size=13, align=TA_CENTER))
    story.para(f"{data.round.title_th} · ออกแฟ้มชุดผลงานล่าสุดเมื่อ {thai_time(last_issue)}",
               st.style("subtitle2", size=11.5, align=TA_CENTER))
    story.space(0.35 * cm)
    story.para("ลายนิ้วมือกุญแจของฝ่ายเลขานุการ", st.body_bold)
    story.add(ThaiParagraph(data.secretariat_fingerprint, st.style("fingerprint", size=17, bold=True, leading=24)))
    story.para(
        "แฟ้มชุดผลงานทุกแฟ้มลงลายมือชื่อดิจิทัลด้วยกุญแจของฝ่ายเลขานุการ เมื่อกรรมการเปิดแฟ้มในโปรแกรม "
        "โปรแกรมจะแสดงลายนิ้วมือกุญแจ ซึ่งต้องตรงกับที่พิมพ์ไว้ข้างต้นทุกตัว "
        "ค่า SHA-256 ของแต่ละแฟ้มใช้ตรวจว่าแฟ้มที่ได้รับเป็นแฟ้มเดียวกับที่ออกให้ (อ่านทีละกลุ่ม กลุ่มละสี่ตัว) "
        "กรรมการลงชื่อรับแฟ้มในช่องท้ายแถวของตน"
    )
    story.para(f"จำนวนแฟ้ม {len(data.bundles)} แฟ้ม ผลงานรวม {sum(b.entry_count for b in data.bundles)} รายการ",
               st.small)
    story.space(0.25 * cm)
    story.add(_bundles_table(story, data))
    story.add(signature_block(st, name="." * 45, position="เจ้าหน้าที่ฝ่ายเลขานุการ", date_text=None,
                              role="ผู้ส่งมอบ", digits=digits))
    furniture = Furniture(
        header_left=data.contest.title_th,
        header_right=f"บัญชีการส่งมอบแฟ้มชุดผลงาน · {data.round.title_th}",
        footer_lines=(f"{data.contest.id} / {data.round.id} / แฟ้มชุดผลงาน {len(data.bundles)} แฟ้ม",
                      f"ลายนิ้วมือกุญแจฝ่ายเลขานุการ {data.secretariat_fingerprint}"),
        digits=digits,
    )
    return build_pdf(story.items, furniture, title=f"บัญชีการส่งมอบแฟ้มชุดผลงาน {data.contest.title_th}",
                     author=data.contest.organiser_th or data.contest.id)


__all__ = ["HandedBundle", "IssueListData", "grouped_digest", "issue_list_data", "render_issue_list",
           "render_issue_list_data"]
