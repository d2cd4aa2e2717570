"""The secretariat's window: one contest database, its pages in tabs, the menus around them.

The window opens a contest database (``.dlgcontest``) into a
:class:`~ui.secretariat.session.SecretariatSession` and gives it to each page
(entries, judges, assignment, bundles, collect and merge, results). With no
database open it shows :class:`SecretariatStartPage`: open one, make one from
a contest.json, or try the demo. It holds no rules: making a database is
:func:`~ui.secretariat.new_database.create_contest_database` (key and database
from the core), the demo is :func:`judge_app.demo_secretariat.prepare_demo_contest_db`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from judge_app.errors import JudgeAppError
from judge_app.paths import CONTEST_DB_SUFFIX

from ..dialogs import message_box
from ..i18n import (
    add_language_actions,
    app_settings,
    current_language,
    install_language,
    save_language,
    set_settings_list,
    settings_list,
)
from ..start_page import SecretariatStartPage
from ..worker import Op, wait_for_all
from .assignment_page import AssignmentPage
from .bundles_page import BundlesPage
from .collect_page import CollectPage
from .entries_page import EntriesPage
from .judges_page import JudgesPage
from .new_database import NewContestDialog, NewContestRequest, create_contest_database
from .page_tools import open_dialog, remember_folder, start_folder
from .results_page import ResultsPage
from .secretariat_key import remember_key_file
from .session import SecretariatSession

RECENT_KEY = "recent_contest_dbs"
LAST_FOLDER = "secretariat/last_folder"
RECENT_LIMIT = 8

#: The pages in tab order; Ctrl+1 … Ctrl+6 follow it. Each is made as ``Page(session, parent)``.
PAGES: tuple[type[QWidget], ...] = (EntriesPage, JudgesPage, AssignmentPage, BundlesPage, CollectPage, ResultsPage)


def is_contest_db_path(path: str | Path) -> bool:
    return Path(path).suffix.lower() == CONTEST_DB_SUFFIX


def contest_db_paths_of(mime) -> list[Path]:
    """The one local .dlgcontest file of a drag, or nothing if it carries anything else."""
    if not mime.hasUrls() or len(mime.urls()) != 1 or not mime.urls()[0].isLocalFile():
        return []
    path = Path(mime.urls()[0].toLocalFile())
    return [path] if is_contest_db_path(path) else []


def recent_contest_dbs() -> list[str]:
    return settings_list(RECENT_KEY)


def remember_contest_db(path: str | Path) -> None:
    text = str(Path(path).resolve())
    set_settings_list(RECENT_KEY, ([text] + [p for p in recent_contest_dbs() if p != text])[:RECENT_LIMIT])


_windows: set[QMainWindow] = set()


def keep_open(window: QMainWindow) -> QMainWindow:
    """Hold a top-level window made without an owner until it is closed (it deletes itself then)."""
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _windows.add(window)
    window.destroyed.connect(lambda *_: _windows.discard(window))
    window.show()
    return window


def open_windows() -> list[QMainWindow]:
    """The windows :func:`keep_open` holds (the start page's "Secretariat" section makes them)."""
    return list(_windows)


def show_secretariat_window() -> "SecretariatWindow":
    """A new secretariat window, shown."""
    window = SecretariatWindow()
    keep_open(window)
    return window


class SecretariatWindow(QMainWindow):
    """The secretariat's window (see the module docstring)."""

    #: A contest database was opened (its path).
    database_opened = Signal(str)
    #: Opening failed; the text says why (already shown).
    open_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.session: SecretariatSession | None = None
        self.pages: list[QWidget] = []
        self.op: Op | None = None
        self.active_dialog: QDialog | None = None
        self.last_message: QMessageBox | None = None
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self.stack = QStackedWidget()
        self.start_page = SecretariatStartPage()
        self.start_page.open_requested.connect(self.choose_database)
        self.start_page.new_requested.connect(self.new_database)
        self.start_page.demo_requested.connect(self.open_demo)
        self.start_page.path_requested.connect(self.open_database)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self.key_label = QLabel()
        self.key_label.setAccessibleName("secretariat key")
        self.statusBar().addPermanentWidget(self.key_label)
        self._create_menus()
        self._retranslate()
        geometry = app_settings().value("secretariat/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)

    # ------------------------------------------------------------ menus

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.new_action = self.file_menu.addAction("", QKeySequence.StandardKey.New, self.new_database)
        self.open_action = self.file_menu.addAction("", QKeySequence.StandardKey.Open, self.choose_database)
        self.recent_menu = self.file_menu.addMenu("")
        self.demo_action = self.file_menu.addAction("", self.open_demo)
        self.file_menu.addSeparator()
        self.judge_action = self.file_menu.addAction("", self.switch_to_judging)
        self.file_menu.addSeparator()
        self.close_action = self.file_menu.addAction("", QKeySequence("Ctrl+W"), self.close_database)
        self.quit_action = self.file_menu.addAction("", QKeySequence.StandardKey.Quit, self.close)

        self.view_menu = bar.addMenu("")
        self.page_actions: list[QAction] = []
        for number in range(len(PAGES)):
            action = self.view_menu.addAction("", QKeySequence(f"Ctrl+{number + 1}"),
                                              lambda n=number: self.tabs.setCurrentIndex(n))
            self.page_actions.append(action)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        self.language_actions = add_language_actions(self.language_menu, self, self.set_language)

        self.help_menu = bar.addMenu("")
        self.about_action = self.help_menu.addAction("", self.show_about)

    def _page_titles(self) -> list[str]:
        return [self.tr("Entries"), self.tr("Judges"), self.tr("Assignment"), self.tr("Bundles"),
                self.tr("Collect and merge"), self.tr("Results")]

    def _retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.new_action.setText(self.tr("&New contest database from a contest.json…"))
        self.open_action.setText(self.tr("&Open contest database…"))
        self.recent_menu.setTitle(self.tr("&Recent contest databases"))
        self.demo_action.setText(self.tr("Try the secretariat &demo"))
        self.judge_action.setText(self.tr("&Judge's window (score a bundle)"))
        self.close_action.setText(self.tr("&Close"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        for number, (action, title) in enumerate(zip(self.page_actions, self._page_titles()), start=1):
            action.setText(f"&{number} {title}")
        self.language_menu.setTitle(self.tr("&Language"))
        for code, action in self.language_actions.items():
            action.setChecked(code == current_language())
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About"))
        for index, title in enumerate(self._page_titles()[:self.tabs.count()]):
            self.tabs.setTabText(index, title)
        self.start_page.retranslate()
        self._fill_recent_menu()
        self._update_title()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = recent_contest_dbs()
        for path in recent:
            self.recent_menu.addAction(Path(path).name, lambda p=path: self.open_database(p)).setToolTip(path)
        self.recent_menu.setEnabled(bool(recent))
        self.start_page.set_recent(recent)

    def _update_title(self) -> None:
        title = self.tr("Digital Local Government — secretariat")
        if self.session is not None:
            title = f"{self.session.db.contest.title_th} · {self.session.path.name} — {title}"
            self.key_label.setText(self.tr("Secretariat key %1").replace(
                "%1", self.session.db.secretariat_key.fingerprint))
        else:
            self.key_label.clear()
        self.setWindowTitle(title)
        busy = self.op is not None
        for action in (self.close_action, *self.page_actions):
            action.setEnabled(self.session is not None)
        for action in (self.new_action, self.open_action, self.demo_action):
            action.setEnabled(not busy)

    def set_language(self, language: str) -> None:
        """Switch language now: saved, installed, and every page retitles itself (LanguageChange)."""
        if language == current_language():
            return
        save_language(language)
        install_language(language)
        self._retranslate()  # now; the pages follow on the LanguageChange event Qt posts to each
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "file_menu"):
            self._retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------ opening

    def choose_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a contest database"), start_folder(LAST_FOLDER),
            self.tr("Contest databases (*%1)").replace("%1", CONTEST_DB_SUFFIX))
        if path:
            remember_folder(LAST_FOLDER, Path(path).parent)
            self.open_database(path)

    def open_database(self, path: str | Path) -> bool:
        """Open a contest database in place of the one open; on failure say why and keep the old one."""
        path = Path(path)
        if self.session is not None and self.session.path.resolve() == path.resolve():
            return True
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            session = SecretariatSession(path, self)
        except (JudgeAppError, OSError) as exc:
            QGuiApplication.restoreOverrideCursor()
            self.last_message = message_box(
                self, QMessageBox.Icon.Critical, self.tr("Contest database"),
                self.tr("%1 could not be opened.").replace("%1", path.name), str(exc))
            self.open_failed.emit(str(exc))
            return False
        try:
            self.close_database()
            self.session = session
            self._build_pages()
        finally:
            QGuiApplication.restoreOverrideCursor()
        remember_contest_db(path)
        self.stack.setCurrentWidget(self.tabs)
        self._retranslate()
        self.database_opened.emit(str(path))
        return True

    def _build_pages(self) -> None:
        assert self.session is not None
        for cls in PAGES:
            page = cls(self.session, self.tabs)
            self.pages.append(page)
            self.tabs.addTab(page, "")

    def page(self, name: str) -> QWidget | None:
        """The page of that class name (e.g. "BundlesPage"), if it is there."""
        return next((p for p in self.pages if type(p).__name__ == name), None)

    def close_database(self) -> None:
        """Back to the start page; pages and their work are dropped, the database closed."""
        if self.session is None:
            return
        if self.active_dialog is not None:
            self.active_dialog.close()
        for page in self.pages:
            if hasattr(page, "shutdown"):
                page.shutdown()
        self.tabs.clear()
        for page in self.pages:
            page.deleteLater()  # their running ops are cancelled with them
        self.pages = []
        wait_for_all()
        session, self.session = self.session, None
        session.close()
        session.deleteLater()
        self.stack.setCurrentWidget(self.start_page)
        self._retranslate()

    # ------------------------------------------------------------ new database and demo

    def new_database(self) -> QDialog:
        """Ask for contest.json, the new file and the key, then make the database (see :mod:`.new_database`)."""
        dialog = NewContestDialog(self)

        def create(request) -> None:
            def created(path: Path) -> None:
                self.op = None
                dialog.accept()
                remember_key_file(request.key_path)
                self.open_database(path)

            def failed(error: BaseException) -> None:
                self.op = None
                dialog.show_error(str(error))
                self._update_title()

            self.op = Op(self, lambda report: create_contest_database(request), done=created, failed=failed).start()
            self._update_title()

        dialog.create_requested.connect(create)
        return self.open_dialog(dialog)

    def open_demo(self) -> None:
        """Prepare the demo database once (a few seconds), then open it."""
        if self.op is not None:
            return
        from judge_app.demo_secretariat import demo_contest_folder, prepare_demo_contest_db

        self.close_database()
        folder = demo_contest_folder()
        self.start_page.show_busy(self.tr("Preparing the demo contest database…"), None)

        def progress(payload) -> None:
            done, total, _what = payload
            fraction = done / total if total else None
            self.start_page.show_busy(self.tr("Preparing the demo contest database…"), fraction)

        self.op = Op(self, lambda report: prepare_demo_contest_db(folder, progress=lambda *p: report(p)),
                     done=self._demo_ready, failed=self._demo_failed, progress=progress).start()
        self._update_title()

    def _demo_ready(self, demo) -> None:
        self.op = None
        self.start_page.hide_busy()
        remember_key_file(demo.key_path)
        if self.open_database(demo.db_path):
            self.last_message = message_box(
                self, QMessageBox.Icon.Information, self.tr("The secretariat demo"),
                self.tr("This demo contest has its bundles issued and its seven judges' signed score files "
                        "waiting to be merged."),
                self.tr("Score files: %1\nEnrolment files: %2\nThe demo secretariat key's passphrase is “%3”.")
                .replace("%1", str(demo.folder / "score-files")).replace("%2", str(demo.folder / "enrolments"))
                .replace("%3", demo.passphrase))

    def _demo_failed(self, error: BaseException) -> None:
        self.op = None
        self.start_page.hide_busy()
        self._update_title()
        self.last_message = message_box(self, QMessageBox.Icon.Critical, self.tr("The secretariat demo"),
                                        self.tr("The demo contest database could not be prepared."), str(error))

    # ------------------------------------------------------------ other windows and dialogs

    def switch_to_judging(self) -> None:
        """Open the judge's window and close this one."""
        from ..judge_window import JudgeWindow

        keep_open(JudgeWindow())
        self.close()

    def open_dialog(self, dialog: QDialog) -> QDialog:
        """Show ``dialog`` window-modal without blocking; it is ``active_dialog`` until it closes."""
        return open_dialog(self, dialog)

    def show_about(self) -> None:
        self.last_message = message_box(
            self, QMessageBox.Icon.Information, self.tr("About"),
            self.tr("The secretariat of the Digital Local Government award: entries, judges, bundles, "
                    "score files and results, offline."),
            self.tr("Every change is kept in the contest database file as it is made."))

    # ------------------------------------------------------------ drag and drop

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.op is None and contest_db_paths_of(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = contest_db_paths_of(event.mimeData())
        if not paths or self.op is not None:
            event.ignore()
            return
        event.acceptProposedAction()
        QTimer.singleShot(0, lambda: self.open_database(paths[0]))

    # ------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.op is not None:
            self.op.cancel()
            self.op = None
        settings = app_settings()
        settings.setValue("secretariat/geometry", self.saveGeometry())
        settings.sync()
        self.close_database()
        wait_for_all()
        super().closeEvent(event)


__all__ = ["PAGES", "NewContestDialog", "NewContestRequest", "SecretariatWindow", "contest_db_paths_of",
           "create_contest_database", "is_contest_db_path", "open_windows", "show_secretariat_window"]
