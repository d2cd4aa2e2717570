"""Starts the judge window: fonts, language, then a bundle from the command line or the start page.

    judge-app                       the start page
    judge-app path/to/file.dlgbundle  open that bundle (what a file association passes)
    judge-app --demo                open the demo contest
    judge-app --lang=en             English for this run (saved as the choice)
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from .fonts import install_fonts
from .i18n import SETTINGS_APPLICATION, SETTINGS_ORGANISATION, install_language, save_language, saved_language


def parse_arguments(argv: list[str]) -> tuple[Path | None, bool, str | None]:
    """(bundle to open, open the demo, language asked for) from the GUI's arguments."""
    bundle: Path | None = None
    demo = False
    language: str | None = None
    for arg in argv:
        if arg == "--demo":
            demo = True
        elif arg.startswith("--lang="):
            language = arg.split("=", 1)[1]
        elif not arg.startswith("-"):
            bundle = Path(arg)
    return bundle, demo, language


def prepare_app(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """The QApplication with the bundled fonts and the saved (or asked-for) language installed."""
    app = QApplication.instance() or QApplication([sys.argv[0], *(argv or [])])
    app.setOrganizationName(SETTINGS_ORGANISATION)
    app.setApplicationName(SETTINGS_APPLICATION)
    install_fonts(app)
    if language in ("th", "en"):
        save_language(language)
    install_language(language if language in ("th", "en") else saved_language())
    return app


def run_gui(argv: list[str]) -> int:
    bundle, demo, language = parse_arguments(argv)
    app = prepare_app(argv, language)
    from .judge_window import JudgeWindow

    window = JudgeWindow()
    window.show()
    if bundle is not None:
        QTimer.singleShot(0, lambda: window.open_bundle(bundle))
    elif demo:
        QTimer.singleShot(0, window.open_demo)
    return app.exec()
