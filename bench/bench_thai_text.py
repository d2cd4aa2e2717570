"""How long Thai segmenting, wrapping and a whole PDF take for a 300-entry score sheet's comments.

    .venv/bin/python bench/bench_thai_text.py

Prints the time of each stage: the first call (loading newmm's dictionary),
wrapping 300 comments, wrapping them again (caches warm), and building a PDF
with all of them — against the floor of the same PDF made by reportlab's own
shaped Paragraph (which wraps inside words and drops marks from the text
layer: the raw library's cost for the same work, done wrong), with the ratio.
"""

from __future__ import annotations

import io
import random
import time

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate
from xml.sax.saxutils import escape

from judge_app.pdf.thai_text import ThaiParagraph, segment, wrap_lines
from judge_app.pdf.fonts import register_sarabun

SENTENCES = [
    "ผู้ทรงคุณวุฒิพิจารณาแล้วเห็นว่าระบบบริการประชาชนแบบดิจิทัลของเทศบาลมีความโดดเด่น",
    "ลดระยะเวลารอจาก {a} วันเหลือ {b} วัน",
    "และเชื่อมโยงข้อมูลกับหน่วยงานอื่นผ่าน API",
    "ควรเพิ่มช่องทางรับฟังความคิดเห็นของผู้สูงอายุและผู้พิการ",
    "ข้อมูลเปิด (Open Data) ยังมีไม่ครบถ้วน ควรปรับปรุงให้เป็นปัจจุบันทุกเดือน",
    "การใช้ระบบ e-Service ที่ผ่านมามีผู้ใช้ {n} ราย เพิ่มขึ้นร้อยละ {p}",
    "ปั้นน้ำเป็นตัวไม่ได้ ต้องมีหลักฐานที่ชัดเจน ญี่ปุ่นและเกาหลีเป็นตัวอย่างที่ดี",
]


def comments(count: int, seed: int = 2565) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        picked = rng.sample(SENTENCES, rng.randint(2, 5))
        out.append(" ".join(s.format(a=rng.randint(3, 30), b=rng.randint(1, 2), n=rng.randint(100, 9999),
                                     p=rng.randint(5, 80)) for s in picked))
    return out


def main() -> None:
    regular, _ = register_sarabun()
    texts = comments(300)
    start = time.perf_counter()
    segment("ระบบบริการประชาชน")
    print(f"first segment (loads newmm's dictionary): {time.perf_counter() - start:.3f} s")
    start = time.perf_counter()
    for t in texts:
        wrap_lines(t, regular, 10, 300)
    print(f"wrap 300 comments, first time: {time.perf_counter() - start:.3f} s")
    start = time.perf_counter()
    for t in texts:
        wrap_lines(t, regular, 10, 300)
    print(f"wrap 300 comments again (caches warm): {time.perf_counter() - start:.3f} s")
    style = ParagraphStyle("bench", fontName=regular, fontSize=10, leading=14)
    start = time.perf_counter()
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, invariant=1, initialFontName=regular).build([ThaiParagraph(t, style) for t in texts])
    ours = time.perf_counter() - start
    print(f"PDF of 300 comments: {ours:.3f} s, {len(buffer.getvalue()) // 1024} KiB")
    shaped = ParagraphStyle("floor", fontName=regular, fontSize=10, leading=14, shaping=1)
    start = time.perf_counter()
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, invariant=1, initialFontName=regular).build([Paragraph(escape(t), shaped) for t in texts])
    floor = time.perf_counter() - start
    print(f"floor, reportlab Paragraph(shaping=1): {floor:.3f} s, {len(buffer.getvalue()) // 1024} KiB")
    print(f"ratio {ours / floor:.2f}x")


if __name__ == "__main__":
    main()
