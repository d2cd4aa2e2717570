"""Draws the app's icon (no binary files in the repository): PNGs, .ico and .icns into a folder.

    python packaging/make_icons.py build/icons

A blue rounded square, a white score sheet with three lines and a gold check mark. Used by packaging/judge-app.spec
(Windows .ico, macOS .icns) and by the Linux install script (hicolor PNGs).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
BLUE, GOLD, INK = (31, 78, 140, 255), (233, 170, 36, 255), (60, 72, 88, 255)


def draw(size: int = 1024) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    s = size / 1024
    pen.rounded_rectangle((40 * s, 40 * s, 984 * s, 984 * s), radius=190 * s, fill=BLUE)
    pen.rounded_rectangle((250 * s, 170 * s, 774 * s, 860 * s), radius=48 * s, fill=(255, 255, 255, 255))
    for y in (330, 450, 570):
        pen.rounded_rectangle((330 * s, y * s, 690 * s, (y + 44) * s), radius=22 * s, fill=INK)
    pen.line([(430 * s, 720 * s), (560 * s, 840 * s), (860 * s, 520 * s)], fill=GOLD, width=int(96 * s),
             joint="curve")
    return image


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    big = draw()
    for size in SIZES:
        big.resize((size, size), Image.Resampling.LANCZOS).save(out / f"judge-app-{size}.png")
    big.resize((256, 256), Image.Resampling.LANCZOS).save(out / "judge-app.png")
    big.save(out / "judge-app.ico", sizes=[(n, n) for n in (16, 24, 32, 48, 64, 128, 256)])
    big.resize((512, 512), Image.Resampling.LANCZOS).save(out / "judge-app.icns")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "build/icons"))
