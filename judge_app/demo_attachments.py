"""The demo entries' attachments: a one-page summary PDF each, and a PNG for some.

Like the rest of the demo contest (:mod:`judge_app.demo`), every file comes from
the seed and the entry alone, never from the clock or the global random
generator, so the same seed always gives the same bytes. The PDF is Thai,
shaped in the bundled Sarabun (:mod:`judge_app.pdf.fonts`), and its text
extracts back as typed; the PNGs (a bar chart of service requests, or a
phone-screen mock of the service) carry digits only, so they need no shaping.
"""

from __future__ import annotations

import hashlib
import io
import random
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from . import demo_text as text
from .model import ORG_TYPES
from .paths import resources_dir
from .pdf.fonts import register_sarabun

if TYPE_CHECKING:  # demo.py imports this module to build the contest
    from .demo import EntryDraft

PDF_NAME = "project-summary.pdf"
CHART_NAME = "service-requests-per-month.png"
SCREEN_NAME = "service-screen.png"


def write_attachments(folder: Path, draft: EntryDraft, *, image: bool, seed: int) -> list[dict[str, Any]]:
    """Write the entry's files under ``folder/attachments/<id>/``; return their JSON records.

    Plain writes, not the atomic ones the contest file gets: the demo can always
    be rebuilt, and a durable rename per file would only slow the build.
    """
    files: list[tuple[str, str, bytes]] = [(PDF_NAME, "application/pdf", summary_pdf(draft))]
    if image:
        rng = random.Random(f"{seed}:image:{draft.id}")
        if draft.picture == "screen":
            files.append((SCREEN_NAME, "image/png", screen_png(rng)))
        else:
            files.append((CHART_NAME, "image/png", requests_chart_png(rng)))
    records = []
    for name, media_type, data in files:
        relative = f"attachments/{draft.id}/{name}"
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        records.append(
            {
                "name": name,
                "file": relative,
                "media_type": media_type,
                "size": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
            }
        )
    return records


# ---------------------------------------------------------------- PDF


def summary_pdf(draft: EntryDraft) -> bytes:
    """A one-page application summary in Thai, shaped, with byte-for-byte reproducible output."""
    styles = _pdf_styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        invariant=1,
        title=draft.project_title,
        author=draft.org_name,
        subject=text.CONTEST_TITLE_TH,
        creator="dlg-judge-app demo",
    )
    org_type_th = ORG_TYPES[draft.org_type][0]
    story = [
        Paragraph(escape(f"{text.CONTEST_TITLE_TH} — เอกสารสรุปผลงาน"), styles["caption"]),
        Paragraph(escape(f"รหัสผลงาน {draft.id}"), styles["caption"]),
        Spacer(1, 4 * mm),
        Paragraph(escape(draft.project_title), styles["title"]),
        Spacer(1, 2 * mm),
        Paragraph(_label_line("หน่วยงาน", draft.org_name), styles["body"]),
        Paragraph(_label_line("ประเภท", org_type_th), styles["body"]),
        Paragraph(_label_line("จังหวัด", draft.province), styles["body"]),
        Spacer(1, 4 * mm),
        Paragraph("สรุปผลงาน", styles["heading"]),
        Paragraph(escape(draft.summary), styles["body"]),
        Spacer(1, 4 * mm),
        Paragraph("ผู้ประสานงาน", styles["heading"]),
        Paragraph(escape(f"{draft.contact_name} โทร. {draft.phone} อีเมล {draft.email}"), styles["body"]),
    ]
    doc.build(story)
    return buffer.getvalue()


def _label_line(label: str, value: str) -> str:
    return f"<b>{escape(label)}</b> {escape(value)}"


@lru_cache(maxsize=1)
def _pdf_styles() -> dict[str, Any]:
    regular, bold = register_sarabun()
    # <b> inside a paragraph picks the bold face through this family mapping
    addMapping(regular, 0, 0, regular)
    addMapping(regular, 1, 0, bold)

    def style(name: str, font: str, size: float, leading: float, space_after: float = 0) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, spaceAfter=space_after, shaping=1)

    return {
        "caption": style("demo-caption", regular, 11, 16),
        "title": style("demo-title", bold, 18, 27, 2),
        "heading": style("demo-heading", bold, 14, 21, 2),
        "body": style("demo-body", regular, 14, 22, 2),
    }


# ---------------------------------------------------------------- PNG

_PALETTES = [
    ((21, 101, 192), (187, 222, 251)),
    ((0, 121, 107), (178, 223, 219)),
    ((123, 31, 162), (225, 190, 231)),
    ((230, 81, 0), (255, 224, 178)),
    ((46, 125, 50), (200, 230, 201)),
]


@lru_cache(maxsize=4)
def _digits_font(size: int) -> Any:
    """Sarabun for Latin digits; the basic layout engine so output does not depend on libraqm."""
    return ImageFont.truetype(
        str(resources_dir() / "fonts" / "Sarabun-Regular.ttf"), size, layout_engine=ImageFont.Layout.BASIC
    )


def _png_bytes(image: Any) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def requests_chart_png(rng: random.Random) -> bytes:
    """A bar chart of service requests per month over one fiscal year (labels are digits only)."""
    width, height = 960, 540
    left, right, top, bottom = 90, 40, 70, 70
    strong, light = rng.choice(_PALETTES)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, 44], fill=strong)
    draw.text((width - 24, 22), str(text.YEAR_BE), fill="white", font=_digits_font(22), anchor="rm")

    months = 12
    start = rng.randint(20, 160)
    growth = rng.uniform(1.02, 1.18)
    values = [max(1, round(start * growth**i * rng.uniform(0.8, 1.2))) for i in range(months)]
    ceiling = _nice_ceiling(max(values))
    plot_height = height - top - bottom
    font = _digits_font(18)
    for step in range(5):
        value = ceiling * step // 4
        y = height - bottom - plot_height * step / 4
        draw.line([left, y, width - right, y], fill=(224, 224, 224), width=1)
        draw.text((left - 12, y), str(value), fill=(90, 90, 90), font=font, anchor="rm")
    slot = (width - left - right) / months
    for index, value in enumerate(values):
        x0 = left + index * slot + slot * 0.18
        x1 = left + (index + 1) * slot - slot * 0.18
        y0 = height - bottom - plot_height * value / ceiling
        draw.rectangle([x0, y0, x1, height - bottom], fill=strong, outline=light)
        draw.text(((x0 + x1) / 2, y0 - 6), str(value), fill=(60, 60, 60), font=font, anchor="ms")
        month = (index + 9) % 12 + 1  # Thai fiscal year runs October to September
        draw.text(((x0 + x1) / 2, height - bottom + 12), str(month), fill=(90, 90, 90), font=font, anchor="mt")
    draw.line([left, height - bottom, width - right, height - bottom], fill=(60, 60, 60), width=2)
    draw.line([left, top - 10, left, height - bottom], fill=(60, 60, 60), width=2)
    return _png_bytes(image)


def _nice_ceiling(value: int) -> int:
    """The smallest axis top at or above ``value`` whose four gridline steps are round numbers."""
    for tick in (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000):
        if tick * 4 >= value:
            return tick * 4
    return -(-value // 40000) * 40000


def screen_png(rng: random.Random) -> bytes:
    """A phone-screen mock of the service: header, cards, buttons and a QR-like code."""
    width, height = 540, 960
    strong, light = rng.choice(_PALETTES)
    image = Image.new("RGB", (width, height), (245, 245, 245))
    draw = ImageDraw.Draw(image)
    font = _digits_font(22)
    draw.rectangle([0, 0, width, 40], fill=(30, 30, 30))
    draw.text((24, 20), f"{rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}", fill="white", font=font, anchor="lm")
    draw.rectangle([0, 40, width, 130], fill=strong)
    draw.rounded_rectangle([24, 68, 24 + rng.randint(220, 360), 100], radius=10, fill=light)

    y = 160
    for _ in range(rng.randint(2, 3)):
        card_height = rng.randint(90, 130)
        draw.rounded_rectangle([24, y, width - 24, y + card_height], radius=16, fill="white", outline=(220, 220, 220))
        draw.ellipse([44, y + 20, 94, y + 70], fill=light)
        for line in range(3):
            line_width = rng.randint(180, 360) if line else rng.randint(200, 380)
            draw.rounded_rectangle(
                [112, y + 22 + line * 26, 112 + line_width, y + 36 + line * 26],
                radius=6,
                fill=(200, 200, 200) if line else (120, 120, 120),
            )
        y += card_height + 20

    qr_side = 21 * 10
    if y + 10 + qr_side + 10 < height - 120:  # only where it clears the button below
        _draw_qr_like(draw, rng, left=(width - qr_side) // 2, top=y + 10, cell=10)
    draw.rounded_rectangle([24, height - 110, width - 24, height - 50], radius=30, fill=strong)
    draw.text((width // 2, height - 80), str(rng.randint(1000, 99999)), fill="white", font=font, anchor="mm")
    return _png_bytes(image)


def _draw_qr_like(draw: Any, rng: random.Random, *, left: int, top: int, cell: int) -> None:
    """A 21×21 pattern that looks like a QR code (finder squares and random modules); it encodes nothing."""
    size = 21
    corners = ((0, 0), (0, size - 7), (size - 7, 0))
    draw.rectangle([left - cell, top - cell, left + (size + 1) * cell, top + (size + 1) * cell], fill="white")

    def finder_module(row: int, col: int) -> bool | None:
        """Dark or light inside a finder square or its white border; None elsewhere."""
        for r0, c0 in corners:
            r, c = row - r0, col - c0
            if -1 <= r <= 7 and -1 <= c <= 7:
                if not (0 <= r <= 6 and 0 <= c <= 6):
                    return False
                return r in (0, 6) or c in (0, 6) or (2 <= r <= 4 and 2 <= c <= 4)
        return None

    for row in range(size):
        for col in range(size):
            fixed = finder_module(row, col)
            if fixed if fixed is not None else rng.random() < 0.5:
                x, y = left + col * cell, top + row * cell
                draw.rectangle([x, y, x + cell - 1, y + cell - 1], fill=(20, 20, 20))
