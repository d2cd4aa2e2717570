"""What every document shares: A4 pages in Sarabun, the running header and
footer with "page x of y", a QR code, styles, and the Thai signature block.

Documents are renderers that take core objects and return PDF bytes, made
with ``invariant=1`` so the same input always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from typing import Sequence

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate, Spacer, Table, TableStyle

from .fonts import register_sarabun
from .thai_text import ThaiParagraph, draw_line

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT_MARGIN = 2.5 * cm
RIGHT_MARGIN = 2.0 * cm
TOP_MARGIN = 2.6 * cm
BOTTOM_MARGIN = 3.0 * cm
QR_SIZE = 1.7 * cm
TEXT_WIDTH = PAGE_WIDTH - LEFT_MARGIN - RIGHT_MARGIN
GRID = colors.Color(0.55, 0.55, 0.55)
SHADE = colors.Color(0.92, 0.92, 0.92)
MUTED = colors.Color(0.35, 0.35, 0.35)


@dataclass(frozen=True)
class Styles:
    """Paragraph styles in the bundled Sarabun; Thai official documents use one family."""

    regular: str
    bold: str

    def style(self, name: str, *, size: float = 11, bold: bool = False, align: int = TA_LEFT,
              leading: float | None = None, color=colors.black, space_after: float = 0) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=self.bold if bold else self.regular,
            fontSize=size,
            leading=leading or size * 1.45,
            alignment=align,
            textColor=color,
            spaceAfter=space_after,
        )

    @property
    def title(self) -> ParagraphStyle:
        return self.style("title", size=17, bold=True, align=TA_CENTER, space_after=4)

    @property
    def heading(self) -> ParagraphStyle:
        return self.style("heading", size=13.5, bold=True, space_after=3)

    @property
    def body(self) -> ParagraphStyle:
        return self.style("body", size=11)

    @property
    def body_bold(self) -> ParagraphStyle:
        return self.style("body-bold", size=11, bold=True)

    @property
    def small(self) -> ParagraphStyle:
        return self.style("small", size=9.5, color=MUTED)

    @property
    def cell(self) -> ParagraphStyle:
        return self.style("cell", size=10, leading=13.5)

    @property
    def cell_bold(self) -> ParagraphStyle:
        return self.style("cell-bold", size=10, bold=True, leading=13.5)

    @property
    def cell_center(self) -> ParagraphStyle:
        return self.style("cell-center", size=10, leading=13.5, align=TA_CENTER)


def styles() -> Styles:
    regular, bold = register_sarabun()
    return Styles(regular, bold)


@dataclass(frozen=True)
class Furniture:
    """The running header and footer of every page, and the QR code's content."""

    header_left: str
    header_right: str
    footer_lines: Sequence[str] = ()
    qr_value: str | None = None
    digits: str = "arabic"
    page_label: str = "หน้า {page} จาก {pages}"


def qr_drawing(value: str, size: float = QR_SIZE) -> Drawing:
    """A QR code of ``value`` (reportlab draws it as vectors, so it prints sharp)."""
    widget = QrCodeWidget(value, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def _draw_furniture(canvas: Canvas, furniture: Furniture, page: int, pages: int, st: Styles) -> None:
    canvas.saveState()
    top = PAGE_HEIGHT - 1.5 * cm
    draw_line(canvas, LEFT_MARGIN, top, furniture.header_left, st.regular, 9.5, digits=furniture.digits)
    draw_line(canvas, PAGE_WIDTH - RIGHT_MARGIN, top, furniture.header_right, st.regular, 9.5, align="right",
              digits=furniture.digits)
    canvas.setStrokeColor(GRID)
    canvas.setLineWidth(0.5)
    canvas.line(LEFT_MARGIN, top - 5, PAGE_WIDTH - RIGHT_MARGIN, top - 5)
    bottom = 1.2 * cm
    canvas.line(LEFT_MARGIN, bottom + QR_SIZE + 4, PAGE_WIDTH - RIGHT_MARGIN, bottom + QR_SIZE + 4)
    text_right = PAGE_WIDTH - RIGHT_MARGIN - (QR_SIZE + 6 if furniture.qr_value else 0)
    label = furniture.page_label.format(page=page, pages=pages)
    draw_line(canvas, text_right, bottom + QR_SIZE - 10, label, st.bold, 10, align="right", digits=furniture.digits)
    y = bottom + QR_SIZE - 10
    for line in furniture.footer_lines:
        draw_line(canvas, LEFT_MARGIN, y, line, st.regular, 7.5, digits="arabic")
        y -= 10
    if furniture.qr_value:
        canvas.translate(PAGE_WIDTH - RIGHT_MARGIN - QR_SIZE, bottom)
        canvas.doForm(_qr_form(canvas, furniture.qr_value))
    canvas.restoreState()


def _qr_form(canvas: Canvas, value: str) -> str:
    """The QR code as a form drawn once and placed on every page (encoding it per page is slow)."""
    name = "qr-" + hashlib.sha256(value.encode("utf-8")).hexdigest()[:16]
    if not canvas.hasForm(name):
        canvas.beginForm(name)
        renderPDF.draw(qr_drawing(value), canvas, 0, 0)
        canvas.endForm()
    return name


def _numbered_canvas(furniture: Furniture, st: Styles) -> type[Canvas]:
    """A canvas that draws the furniture once the page count is known ("page x of y")."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._saved_pages)
            for number, state in enumerate(self._saved_pages, start=1):
                self.__dict__.update(state)
                _draw_furniture(self, furniture, number, pages, st)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def build_pdf(story: list[Flowable], furniture: Furniture, *, title: str, author: str, subject: str = "") -> bytes:
    """Lay out ``story`` on A4 pages with the furniture; return the PDF bytes."""
    st = styles()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=LEFT_MARGIN,
        rightMargin=RIGHT_MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=title,
        author=author,
        subject=subject,
        creator="judge-app (ท้องถิ่นดิจิทัล)",
        invariant=1,
        # Start every page in Sarabun: reportlab's default would select Helvetica, which is not embedded.
        initialFontName=st.regular,
    )
    frame = Frame(LEFT_MARGIN, BOTTOM_MARGIN, TEXT_WIDTH, PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=_numbered_canvas(furniture, st))
    return buffer.getvalue()


def grid_table(rows: list[list], widths: Sequence[float], *, header_rows: int = 1,
               extra: Sequence[tuple] = ()) -> Table:
    """A ruled table whose header rows repeat on every page it runs over."""
    table = Table(rows, colWidths=list(widths), repeatRows=header_rows)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), styles().regular, 10),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        *extra,
    ]))
    return table


def signature_block(st: Styles, *, name: str, position: str, date_text: str | None, role: str = "",
                    digits: str = "arabic") -> Flowable:
    """ลงชื่อ ……… (name) position date — the Thai official signature block, on the right half."""
    centered = st.style("signature", size=10.5, leading=14, align=TA_CENTER)
    dotted = "." * 42
    lines = [
        f"ลงชื่อ {dotted} {role}".rstrip(),
        f"( {name} )",
        position,
        f"วันที่ {date_text}" if date_text else "วันที่ ........ เดือน .................... พ.ศ. ..........",
    ]
    cells = [[ThaiParagraph(line, centered, digits=digits)] for line in lines if line]
    inner = Table(cells, colWidths=[8.6 * cm])
    inner.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), st.regular, 10), ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    outer = Table([["", inner]], colWidths=[TEXT_WIDTH - 8.6 * cm, 8.6 * cm])
    outer.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), st.regular, 10), ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([Spacer(1, 0.25 * cm), outer])


@dataclass
class Story:
    """A list of flowables with short helpers for the common pieces."""

    st: Styles
    digits: str = "arabic"
    items: list[Flowable] = field(default_factory=list)
    section: int = 0  # the last numbered section heading

    def para(self, text: str, style: ParagraphStyle | None = None) -> "Story":
        self.items.append(ThaiParagraph(text, style or self.st.body, digits=self.digits))
        return self

    def space(self, height: float) -> "Story":
        self.items.append(Spacer(1, height))
        return self

    def add(self, flowable: Flowable) -> "Story":
        self.items.append(flowable)
        return self

    def cell(self, text: str, style: ParagraphStyle | None = None) -> ThaiParagraph:
        return ThaiParagraph(text, style or self.st.cell, digits=self.digits)
