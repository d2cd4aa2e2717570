"""How long Thai segmenting, wrapping and a whole PDF take for a 300-entry score sheet's comments.

    .venv/bin/python bench/bench_thai_text.py [--comments 300]

Prints the time of each stage: the first call (loading newmm's dictionary),
wrapping 300 comments, wrapping them again (caches warm), and building a PDF
with all of them — against the floor of the same PDF made by reportlab's own
shaped Paragraph (which wraps inside words and drops marks from the text
layer: the raw library's cost for the same work, done wrong), with the ratio.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Figure, traced_peak_mib  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate  # noqa: E402
from xml.sax.saxutils import escape  # noqa: E402

from judge_app.pdf.thai_text import ThaiParagraph, segment, wrap_lines  # noqa: E402
from judge_app.pdf.fonts import register_sarabun  # noqa: E402

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


def measure(count: int) -> dict[str, float]:
    """Seconds of each stage (and the PDFs' sizes and traced peaks), printed as they are taken."""
    regular, _ = register_sarabun()
    texts = comments(count)
    out: dict[str, float] = {}
    start = time.perf_counter()
    segment("ระบบบริการประชาชน")
    out["first"] = time.perf_counter() - start
    print(f"first segment (loads newmm's dictionary): {out['first']:.3f} s")
    for key, label in (("wrap", "first time"), ("wrap_warm", "again (caches warm)")):
        start = time.perf_counter()
        for t in texts:
            wrap_lines(t, regular, 10, 300)
        out[key] = time.perf_counter() - start
        print(f"wrap {count} comments, {label}: {out[key]:.3f} s")

    def ours() -> bytes:
        style = ParagraphStyle("bench", fontName=regular, fontSize=10, leading=14)
        buffer = io.BytesIO()
        SimpleDocTemplate(buffer, invariant=1, initialFontName=regular).build(
            [ThaiParagraph(t, style) for t in texts])
        return buffer.getvalue()

    def floor() -> bytes:
        shaped = ParagraphStyle("floor", fontName=regular, fontSize=10, leading=14, shaping=1)
        buffer = io.BytesIO()
        SimpleDocTemplate(buffer, invariant=1, initialFontName=regular).build(
            [Paragraph(escape(t), shaped) for t in texts])
        return buffer.getvalue()

    for key, work, label in (("pdf", ours, f"PDF of {count} comments"),
                             ("floor", floor, "floor, reportlab Paragraph(shaping=1)")):
        start = time.perf_counter()
        size = len(work())
        out[key] = time.perf_counter() - start
        out[key + "_mib"] = traced_peak_mib(work)
        print(f"{label}: {out[key]:.3f} s, {size // 1024} KiB, {out[key + '_mib']:.1f} MiB traced")
    print(f"ratio {out['pdf'] / out['floor']:.2f}x")
    return out


def figures(quick: bool = False) -> list[Figure]:
    count = 30 if quick else 300
    out = measure(count)
    return [
        Figure(f"Thai comments PDF, {count} comments", out["pdf"], out["floor"], traced_mib=out["pdf_mib"],
               note=f"floor: reportlab's shaped Paragraph (breaks inside words; {out['floor_mib']:.1f} MiB traced)"),
        Figure(f"Thai wrap, {count} comments", out["wrap"], None,
               note=f"first time; again {out['wrap_warm'] * 1000:.0f} ms; newmm dictionary load {out['first']:.2f} s"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=300)
    measure(parser.parse_args().comments)


if __name__ == "__main__":
    main()
