"""Starts a window: fonts, language, then the judge's window or the secretariat's.

    judge-app                          the judge's start page (with a way into the secretariat's side)
    judge-app path/to/file.dlgbundle   open that bundle (what a file association passes)
    judge-app path/to/file.dlgcontest  open that contest database in the secretariat's window
    judge-app --demo                   open the demo contest (as a judge)
    judge-app --secretariat-demo       open the secretariat's demo contest database
    judge-app --lang=en                English for this run (saved as the choice)

``DLG_SMOKE_SCREENSHOT=/path/shot.png`` (for the frozen build's smoke test and start-up bench):
once the file given is open (or the window is first painted, when none is), the window grabs
itself to that PNG, writes ``shot.json`` beside it (window title, contest title, times) and quits.
"""

from __future__ import annotations

import enum
import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from judge_app.paths import CONTEST_DB_SUFFIX

from .fonts import install_fonts
from .i18n import SETTINGS_APPLICATION, SETTINGS_ORGANISATION, install_language, save_language, saved_language


class Demo(enum.IntEnum):
    """Which demo to open; false when none (``--demo`` is the judge's, so it compares equal to True)."""

    NONE = 0
    JUDGE = 1
    SECRETARIAT = 2


def parse_arguments(argv: list[str]) -> tuple[Path | None, Demo, str | None]:
    """(file to open, which demo, language asked for) from the GUI's arguments.

    The file is a bundle or a contest database; :func:`run_gui` tells them apart by suffix.
    """
    path: Path | None = None
    demo = Demo.NONE
    language: str | None = None
    for arg in argv:
        if arg == "--demo":
            demo = Demo.JUDGE
        elif arg == "--secretariat-demo":
            demo = Demo.SECRETARIAT
        elif arg.startswith("--lang="):
            language = arg.split("=", 1)[1]
        elif not arg.startswith("-"):
            path = Path(arg)
    return path, demo, language


def prepare_app(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """The QApplication with the bundled fonts and the saved (or asked-for) language installed."""
    app = QApplication.instance() or QApplication([sys.argv[0], *(argv or [])])
    app.setOrganizationName(SETTINGS_ORGANISATION)
    app.setApplicationName(SETTINGS_APPLICATION)
    app.setDesktopFileName("judge-app")  # lets Wayland match the window to packaging/judge-app.desktop
    install_fonts(app)
    if language in ("th", "en"):
        save_language(language)
    install_language(language if language in ("th", "en") else saved_language())
    return app


def open_first_window(path: Path | None, demo: Demo) -> QMainWindow:
    """The window the arguments ask for, shown; its file or demo opens once the event loop runs."""
    if demo == Demo.SECRETARIAT or (path is not None and path.suffix.lower() == CONTEST_DB_SUFFIX):
        from .secretariat.window import SecretariatWindow

        secretariat = SecretariatWindow()
        secretariat.show()
        if path is not None:
            QTimer.singleShot(0, lambda: secretariat.open_database(path))
        else:
            QTimer.singleShot(0, secretariat.open_demo)
        return secretariat
    from .judge_window import JudgeWindow

    window = JudgeWindow()
    window.show()
    if path is not None:
        QTimer.singleShot(0, lambda: window.open_bundle(path))
    elif demo:
        QTimer.singleShot(0, window.open_demo)
    return window


SMOKE_SCREENSHOT_ENV = "DLG_SMOKE_SCREENSHOT"


class _SmokeShot(QObject):
    """See the module's docstring: first paint, then (with a file) opened, then grab, describe, quit."""

    def __init__(self, window: QMainWindow, target: Path, waits_for_file: bool):
        super().__init__(window)
        self.window, self.target, self.marks = window, target, {"started": time.time()}
        opened = getattr(window, "session_opened", None) or getattr(window, "database_opened", None)
        self.waits = waits_for_file and opened is not None
        if self.waits:
            opened.connect(lambda *_: self._mark("opened"))
            window.open_failed.connect(lambda reason: self._finish(error=str(reason)))
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.Paint and "shown" not in self.marks:
            self._mark("shown")
        return False

    def _mark(self, name: str) -> None:
        self.marks[name] = time.time()
        if name == "opened" or not self.waits:
            QTimer.singleShot(500, self._finish)  # let the page lay out and render before the grab

    def _finish(self, error: str | None = None) -> None:
        if "finished" in self.marks:
            return
        self.marks["finished"] = time.time()
        session = getattr(self.window, "session", None)
        source = getattr(session, "bundle", None) or getattr(session, "db", None)
        self.window.grab().save(str(self.target), "PNG")
        info = {"window_title": self.window.windowTitle(), "error": error, **self.marks,
                "contest_title_th": source.contest.title_th if source is not None else None}
        self.target.with_suffix(".json").write_text(json.dumps(info, ensure_ascii=False), "utf-8")
        QApplication.exit(1 if error else 0)


def run_gui(argv: list[str]) -> int:
    path, demo, language = parse_arguments(argv)
    app = prepare_app(argv, language)
    window = open_first_window(path, demo)
    if os.environ.get(SMOKE_SCREENSHOT_ENV):
        window._smoke_shot = _SmokeShot(window, Path(os.environ[SMOKE_SCREENSHOT_ENV]), bool(path or demo))
    status = app.exec()
    del window  # held (so not collected) until the event loop has ended
    return status
