"""Registers the bundled Sarabun font so Thai renders the same on every machine."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from judge_app.paths import resources_dir

FAMILY = "Sarabun"


def install_fonts(app: QApplication, point_size: int = 11) -> str:
    """Load every bundled TTF and make Sarabun the application font; return the family."""
    families: set[str] = set()
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    family = FAMILY if FAMILY in families else app.font().family()
    app.setFont(QFont(family, point_size))
    return family
