"""Score sheets, blank sheets and the results report, read back from real PDFs."""

from __future__ import annotations

import base64
import re
import subprocess
import unicodedata
import zlib
from pathlib import Path

import pytest

from conftest import play_judge, require_tool
from judge_app.bundle import open_bundle
from judge_app.demo_round import play_demo_round
from judge_app.pdf.results_report import render_results_report, report_data
from judge_app.pdf.score_sheet import SheetOptions, render_blank_sheet, render_score_sheet
from judge_app.scorefile import read_score_file
from judge_app.secretariat import ContestDatabase


def pdf_pages(pdf: bytes, tmp_path: Path, name: str = "doc") -> list[str]:
    """Text of each page as pdftotext -raw extracts it (raw keeps Thai marks on their line)."""
    require_tool("pdftotext")
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8").split("\f")[:-1]


def flat(text: str) -> str:
    """Text with line breaks and spaces removed, in NFKC (the font draws ำ as ํ + า)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def sheet(issued_template, tmp_path_factory):
    played = play_judge(issued_template, "J02", tmp_path_factory.mktemp("sheet"))
    score_file = read_score_file(played.score_file)
    bundle = open_bundle(played.bundle, None)
    pdf = render_score_sheet(bundle.contest, bundle.round, bundle.judge, score_file)
    return bundle, score_file, pdf


def test_score_sheet_pages_carry_identity_digest_and_page_numbers(sheet, tmp_path):
    bundle, score_file, pdf = sheet
    pages = pdf_pages(pdf, tmp_path)
    assert len(pages) >= 1 + len(score_file.entries)
    for number, page in enumerate(pages, start=1):
        assert score_file.sha256 in flat(page)
        assert flat(score_file.public_key.fingerprint) in flat(page)
        assert flat(f"หน้า {number} จาก {len(pages)}") in flat(page)
        assert flat(bundle.judge.name) in flat(page)
        assert flat(bundle.contest.title_th) in flat(page)


def test_score_sheet_text_reads_back_exactly(sheet, tmp_path):
    bundle, score_file, pdf = sheet
    everything = flat("".join(pdf_pages(pdf, tmp_path)))
    for scores in score_file.entries:
        entry = bundle.entry(scores.entry_id)
        assert flat(entry.org_name) in everything
        assert flat(entry.project_title) in everything
        if scores.total:
            assert scores.total in everything
        if scores.conflict_reason:
            assert flat(scores.conflict_reason) in everything
    for criterion in bundle.round.rubric.criteria:
        assert flat(criterion.title_th) in everything


def content_streams(pdf: bytes) -> list[bytes]:
    """Decoded streams of the (ASCII85 +) Flate filters reportlab writes."""
    streams = []
    pattern = rb"/Filter \[ ((?:/\w+ ?)+)\] /Length (\d+)\s*>>\s*stream\r?\n"
    for match in re.finditer(pattern, pdf):
        data = pdf[match.end(): match.end() + int(match.group(2))]
        filters = match.group(1).split()
        if b"/ASCII85Decode" in filters:
            data = base64.a85decode(data.strip().removesuffix(b"~>"))
        if b"/FlateDecode" in filters:
            data = zlib.decompress(data)
        streams.append(data)
    return streams


def fonts_drawn_with(pdf: bytes) -> set[str]:
    """Base font names of every font that shows glyphs in a content stream."""
    resources = {name: int(obj) for name, obj in re.findall(rb"/(F[\w+]+) (\d+) 0 R", pdf)}
    base_fonts = {int(obj): name.decode() for obj, name in
                  re.findall(rb"\n(\d+) 0 obj\s*<<\s*/BaseFont /([^\s/>]+)", pdf)}
    used: set[bytes] = set()
    operators = re.compile(rb"/(F[\w+]+) [\d.]+ Tf|\)\s*Tj|\]\s*TJ|>\s*Tj")
    for content in content_streams(pdf):
        # The font is text state that lasts across BT/ET blocks; a glyph is drawn in whatever is current.
        current = None
        for match in operators.finditer(content):
            if match.group(1):
                current = match.group(1)
            elif current is not None:
                used.add(current)
    return {base_fonts[resources[name]] for name in used}


def test_fonts_are_embedded_sarabun(sheet, tmp_path):
    require_tool("pdffonts")
    path = tmp_path / "sheet.pdf"
    path.write_bytes(sheet[2])
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    sarabun = [row for row in listing.splitlines()[2:] if "Sarabun" in row]
    assert len(sarabun) == 2 and all(" yes yes yes " in row for row in sarabun), listing
    # reportlab's document always lists Helvetica (and its QR drawing selects it); no glyph may use it.
    drawn = fonts_drawn_with(sheet[2])
    assert drawn and all("Sarabun" in name for name in drawn), drawn


def test_font_check_sees_text_drawn_in_helvetica():
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    buffer = BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.drawString(72, 72, "fallback text")
    canvas.save()
    assert fonts_drawn_with(buffer.getvalue()) == {"Helvetica"}


def test_qr_code_decodes_to_the_score_file_digest(sheet, tmp_path):
    require_tool("pdftoppm")
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    path = tmp_path / "sheet.pdf"
    path.write_bytes(sheet[2])
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "2", "-l", "2", str(path), str(tmp_path / "p")], check=True)
    image = Image.open(next(tmp_path.glob("p*.png")))
    decoded = [result.text for result in zxingcpp.read_barcodes(image)]
    assert decoded == [sheet[1].sha256]


def test_same_input_same_bytes(sheet):
    bundle, score_file, pdf = sheet
    assert render_score_sheet(bundle.contest, bundle.round, bundle.judge, score_file) == pdf


def test_thai_digits_setting(sheet, tmp_path):
    bundle, score_file, _ = sheet
    pdf = render_score_sheet(bundle.contest, bundle.round, bundle.judge, score_file, SheetOptions(digits="thai"))
    first = pdf_pages(pdf, tmp_path)[0]
    assert "หน้า ๑ จาก" in first
    assert score_file.sha256 in flat(first)  # digests keep Arabic digits: they are compared by machine


def test_blank_sheet_prints_the_level_descriptors(issued_template, tmp_path):
    contest = issued_template.contest
    round_ = contest.rounds[0]
    entries = [contest.entry(e) for e in round_.entries_of("J01")[:3]]
    pages = pdf_pages(render_blank_sheet(contest, round_, entries, contest.judge("J01")), tmp_path)
    assert len(pages) >= 3
    text = flat("".join(pages))
    for criterion in round_.rubric.criteria:
        for level in criterion.levels:
            assert flat(level.description_th) in text
    assert flat(contest.judge("J01").name) in text


@pytest.fixture(scope="module")
def demo_round(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report") / "round"
    play_demo_round(folder, entry_count=60)
    with ContestDatabase.open(folder / "contest.db") as db:
        return report_data(db, "r1")


def test_results_report_lists_ranking_hashes_and_signatures(demo_round, tmp_path):
    data = demo_round
    pages = pdf_pages(render_results_report(data), tmp_path)
    text = flat("".join(pages))
    ranked = [r for r in data.results if r.rank]
    for result in ranked[:20]:
        assert flat(result.entry.org_name) in text
    for merged in data.merged_files:
        assert merged.sha256 in text
    assert flat("ประธานคณะกรรมการ") in text and flat("กรรมการและเลขานุการ") in text
    ranking_pages = [p for p in pages if flat("คะแนนกรรมการ") in flat(p)]
    assert len(ranking_pages) >= 2  # the table runs over pages, its header repeated on each


def test_results_report_shows_panel_agreement_and_each_judges_severity(demo_round, tmp_path):
    from judge_app.agreement import judge_severity, krippendorff_alpha

    data = demo_round
    text = flat("".join(pdf_pages(render_results_report(data), tmp_path)))
    totals = {r.entry.id: dict(r.totals) for r in data.results if r.totals}
    assert flat(f"Krippendorff's alpha (interval) ของคะแนนรวม = {krippendorff_alpha(totals):.3f}") in text
    for judge_id, severity in judge_severity(totals).items():
        assert flat(f"{float(severity.severity):+.2f}") in text


def test_results_report_checks_rank_stability_at_the_cut_lines(demo_round, tmp_path):
    from judge_app.ranking import stability

    text = flat("".join(pdf_pages(render_results_report(demo_round), tmp_path)))
    checks = stability(demo_round.results)
    assert checks and flat("ความมั่นคงของอันดับใกล้เส้นตัด") in text
    for check in checks:
        assert flat(demo_round.contest.entry(check.entry_id).org_name) in text
    unstable = [c for c in checks if not c.stable]
    assert text.count(flat("ไม่มั่นคง")) >= len(unstable)
