"""The judge's window: the start page, then the entries, the entry and the scoring panel.

The window holds no rules. It lays out the pages, owns the menus, the undo
stack and the status bar, moves between entries, and wires the flows that
live in their own modules: opening a bundle (the core's check on a worker
thread, then the dialogs that follow it) is :mod:`ui.bundle_opening`;
exporting the score file and printing the score sheets is
:mod:`ui.export_flow`. Scoring goes through the undo commands of
:mod:`ui.undo`, which call the workspace. Every change is on disk before the
window shows it, so there is no "save" and the title never carries a ``*``;
the status bar says so instead.

Dialogs are opened with ``open()`` (window-modal, not blocking), through
:meth:`JudgeWindow.open_dialog`, which keeps the one shown in ``active_dialog``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from judge_app.judging import JudgeSession
from judge_app.paths import BUNDLE_SUFFIX

from .bundle_opening import BundleOpening, recent_bundles
from .dialogs import message_box
from .entry_view import AttachmentCache
from .export_flow import ExportFlow
from .i18n import add_language_actions, app_settings, current_language, install_language, save_language
from .judging_page import JudgingPage
from .start_page import StartPage
from .undo import ChangeNotifier
from .worker import Op, wait_for_all


def is_bundle_path(path: str | Path) -> bool:
    return Path(path).suffix.lower() == BUNDLE_SUFFIX


def bundle_paths_of(mime) -> list[Path]:
    """The local .dlgbundle files of a drag, or nothing if it carries anything else."""
    if not mime.hasUrls():
        return []
    urls = mime.urls()
    paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
    if len(paths) != 1 or len(urls) != 1 or not is_bundle_path(paths[0]):
        return []
    return paths


class JudgeWindow(QMainWindow):
    """The judge desktop app's one window."""

    #: A bundle was verified and the judging page is shown (before the follow-up dialogs).
    session_opened = Signal()
    #: Opening was refused; the text says why (already shown to the judge).
    open_failed = Signal(str)
    #: The score file was written (an ExportResult).
    export_finished = Signal(object)
    #: Export stopped with this message (already shown).
    export_failed = Signal(str)
    #: Score sheets were saved as this PDF.
    sheets_saved = Signal(str)
    #: The follow-up dialogs after opening are done (or there were none).
    opening_finished = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.session: JudgeSession | None = None
        self.cache: AttachmentCache | None = None
        self.page: JudgingPage | None = None
        self.undo_stack = QUndoStack(self)
        self.notifier = ChangeNotifier(self)
        self.notifier.changed.connect(self._saved)
        self.notifier.failed.connect(self._change_failed)
        self.notifier.replayed.connect(self._replayed)
        self.active_dialog: QDialog | None = None
        self.last_message: QMessageBox | None = None
        self.bundle_opening = BundleOpening(self)
        self.export_flow = ExportFlow(self)
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self._build_ui()
        settings = app_settings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)

    # ------------------------------------------------------------ building (again on a language change)

    def _build_ui(self) -> None:
        """The pages (again after a language change); menus and status bar are made once and retitled."""
        if not hasattr(self, "file_menu"):
            self._create_menus()
            self.saved_label = QLabel()
            self.saved_label.setAccessibleName("saved")
            self.statusBar().addPermanentWidget(self.saved_label)
        self._retranslate_menus()
        self.stack = QStackedWidget()
        self.start_page = StartPage()
        self.start_page.open_file_requested.connect(self.choose_bundle)
        self.start_page.open_path_requested.connect(self.open_bundle)
        self.start_page.demo_requested.connect(self.open_demo)
        self.start_page.secretariat_open_requested.connect(lambda: self.open_secretariat("open"))
        self.start_page.secretariat_new_requested.connect(lambda: self.open_secretariat("new"))
        self.start_page.secretariat_demo_requested.connect(lambda: self.open_secretariat("demo"))
        self.start_page.set_recent(self.recent_bundles())
        self.stack.addWidget(self.start_page)
        old = self.centralWidget()
        self.setCentralWidget(self.stack)
        if old is not None:
            old.deleteLater()
        self.statusBar().clearMessage()
        if self.session is not None:
            self._show_judging_page()
            self._saved_text(initial=True)
        else:
            self.stack.setCurrentWidget(self.start_page)
        self._update_title()
        self.update_actions()

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.open_action = self.file_menu.addAction("", QKeySequence.StandardKey.Open, self.choose_bundle)
        self.recent_menu = self.file_menu.addMenu("")
        self._fill_recent_menu()
        self.demo_action = self.file_menu.addAction("", self.open_demo)
        self.file_menu.addSeparator()
        self.export_action = self.file_menu.addAction("", QKeySequence("Ctrl+E"), self.export_scores)
        self.print_action = self.file_menu.addAction("", QKeySequence.StandardKey.Print,
                                                     lambda: self.print_score_sheets())
        self.file_menu.addSeparator()
        self.close_bundle_action = self.file_menu.addAction("", QKeySequence("Ctrl+W"), self.close_bundle)
        self.quit_action = self.file_menu.addAction("", QKeySequence.StandardKey.Quit, self.close)

        self.edit_menu = bar.addMenu("")
        # Our own undo/redo actions (not QUndoStack.createUndoAction), so their words can change language.
        self.undo_action = self.edit_menu.addAction("", self.undo_stack.undo)
        self.undo_action.setShortcuts([QKeySequence.StandardKey.Undo])
        self.redo_action = self.edit_menu.addAction("", self.undo_stack.redo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._retitle_undo)
        self.undo_stack.redoTextChanged.connect(self._retitle_undo)
        self.undo_action.setEnabled(self.undo_stack.canUndo())
        self.redo_action.setEnabled(self.undo_stack.canRedo())
        self.edit_menu.addSeparator()
        self.find_action = self.edit_menu.addAction("", QKeySequence.StandardKey.Find, self._focus_search)

        self.judging_menu = bar.addMenu("")
        self.next_action = self.judging_menu.addAction("", self.next_entry)
        self.next_action.setShortcuts([QKeySequence("Ctrl+PgDown"), QKeySequence("Alt+Down")])
        self.previous_action = self.judging_menu.addAction("", self.previous_entry)
        self.previous_action.setShortcuts([QKeySequence("Ctrl+PgUp"), QKeySequence("Alt+Up")])
        self.judging_menu.addSeparator()
        self.conflicts_action = self.judging_menu.addAction("", self.show_conflicts_pass)
        self.review_action = self.judging_menu.addAction("", QKeySequence("Ctrl+R"), self.show_review)
        self.judging_menu.addSeparator()
        self.key_action = self.judging_menu.addAction("", self.show_key)
        self.info_action = self.judging_menu.addAction("", self.show_bundle_summary)

        self.language_menu = bar.addMenu("")
        self.language_actions = add_language_actions(self.language_menu, self, self.set_language)

        self.help_menu = bar.addMenu("")
        self.shortcuts_action = self.help_menu.addAction("", self.show_shortcuts)
        self.about_action = self.help_menu.addAction("", self.show_about)

    def _retranslate_menus(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.open_action.setText(self.tr("&Open bundle…"))
        self.recent_menu.setTitle(self.tr("Recent bundles"))
        self.demo_action.setText(self.tr("Open the &demo contest"))
        self.export_action.setText(self.tr("&Export score file…"))
        self.print_action.setText(self.tr("&Print score sheets…"))
        self.close_bundle_action.setText(self.tr("&Close bundle"))
        self.quit_action.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self._retitle_undo()
        self.find_action.setText(self.tr("&Find entry"))
        self.judging_menu.setTitle(self.tr("&Judging"))
        self.next_action.setText(self.tr("&Next entry"))
        self.previous_action.setText(self.tr("&Previous entry"))
        self.conflicts_action.setText(self.tr("&Conflicts of interest…"))
        self.review_action.setText(self.tr("&Review my scores…"))
        self.key_action.setText(self.tr("My signing &key…"))
        self.info_action.setText(self.tr("Bundle &information…"))
        self.language_menu.setTitle(self.tr("&Language"))
        for code, action in self.language_actions.items():
            action.setChecked(code == current_language())
        self.help_menu.setTitle(self.tr("&Help"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.about_action.setText(self.tr("&About"))

    def _retitle_undo(self, *_: object) -> None:
        """"Undo E003 C1: score 4", in the language in force."""
        undo, redo = self.undo_stack.undoText(), self.undo_stack.redoText()
        self.undo_action.setText(self.tr("Undo") + (f" {undo}" if undo else ""))
        self.redo_action.setText(self.tr("Redo") + (f" {redo}" if redo else ""))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_bundles()
        for path in recent:
            self.recent_menu.addAction(Path(path).name, lambda p=path: self.open_bundle(p)).setToolTip(path)
        self.recent_menu.setEnabled(bool(recent))

    def update_actions(self) -> None:
        has_session = self.session is not None
        for action in (self.export_action, self.print_action, self.close_bundle_action, self.next_action,
                       self.previous_action, self.conflicts_action, self.review_action, self.key_action,
                       self.info_action, self.find_action):
            action.setEnabled(has_session)
        self.open_action.setEnabled(self._opening is None)
        self.demo_action.setEnabled(self._opening is None)

    def _update_title(self) -> None:
        title = self.tr("Digital Local Government — judging")
        if self.session is not None:
            bundle = self.session.bundle
            contest = bundle.contest.title_en if current_language() == "en" else bundle.contest.title_th
            title = f"{contest} · {bundle.judge.name} — {title}"
        self.setWindowTitle(title)

    def set_language(self, language: str) -> None:
        """Switch language now: the choice is saved and every page is rebuilt in it."""
        if language == current_language():
            return
        if self.page is not None:
            self.page.scoring.commit_pending()  # typed comment text is saved before the panel is rebuilt
            self.page.shutdown()  # stops page rendering; the verified copies stay (the window owns them)
        save_language(language)
        install_language(language)
        current = self.page.current_entry_id() if self.page is not None else None
        state = self.page.splitter.saveState() if self.page is not None else None
        self._build_ui()
        if self.page is not None:
            if state is not None:
                self.page.splitter.restoreState(state)
            if current:
                self.page.select_entry(current)

    # ------------------------------------------------------------ opening (ui.bundle_opening)

    def recent_bundles(self) -> list[str]:
        return recent_bundles()

    def choose_bundle(self) -> None:
        self.bundle_opening.choose_bundle()

    def open_demo(self) -> None:
        """Prepare (once) and open the demo contest's bundle for judge J01."""
        self.bundle_opening.open_demo()

    def open_bundle(self, path: str | Path) -> None:
        """Verify a bundle on a worker thread; open it only if every check passes (see :mod:`ui.bundle_opening`)."""
        self.bundle_opening.open_bundle(path)

    @property
    def _opening(self) -> Op | None:
        """The check of a bundle (or the demo's preparation) under way, if any."""
        return self.bundle_opening.op

    def show_session(self, session: JudgeSession) -> None:
        """Show a verified bundle's judging page (the opening flow then runs its follow-up dialogs)."""
        self.session = session
        self.cache = AttachmentCache(session.bundle)
        self.undo_stack.clear()
        self.start_page.hide_busy()
        self.start_page.set_recent(self.recent_bundles())
        self._fill_recent_menu()
        self._show_judging_page()
        self._update_title()
        self.update_actions()
        self._saved_text(initial=True)
        self.session_opened.emit()

    def _show_judging_page(self) -> None:
        assert self.session is not None and self.cache is not None
        old = self.page
        self.page = JudgingPage(self, self.session, self.cache)
        self.stack.addWidget(self.page)
        self.stack.setCurrentWidget(self.page)
        if old is not None:
            old.deleteLater()
        state = app_settings().value("window/splitter")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.page.splitter.restoreState(state)
        last = app_settings().value(f"last_entry/{self.session.bundle.sha256}")
        if not (isinstance(last, str) and last in self.session.bundle.entry_ids and self.page.select_entry(last)):
            self.page.step(+1)
        self.page.table.setFocus()

    def open_secretariat(self, action: str = "open"):
        """The start page's Secretariat section: the secretariat's window in place of this one.

        ``action`` is what it does first: "open" a contest database, make a "new"
        one, or prepare the "demo". Returns the new window.
        """
        from .secretariat.window import show_secretariat_window

        window = show_secretariat_window()
        self.close()
        start = {"open": window.choose_database, "new": window.new_database, "demo": window.open_demo}[action]
        QTimer.singleShot(0, start)
        return window

    # ------------------------------------------------------------ dialogs

    def open_dialog(self, dialog: QDialog) -> QDialog:
        """Show ``dialog`` window-modal without blocking; it is ``active_dialog`` until it closes."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.active_dialog = dialog
        dialog.finished.connect(lambda _r, d=dialog: self._dialog_closed(d))
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
            self.activateWindow()  # back to the window, as the desktop would (the offscreen platform does not)

    def show_bundle_summary(self) -> QDialog | None:
        return self.bundle_opening.show_bundle_summary()

    def show_create_key(self) -> QDialog | None:
        return self.bundle_opening.show_create_key()

    def show_key(self) -> QDialog | None:
        return self.bundle_opening.show_key()

    def show_conflicts_pass(self) -> QDialog | None:
        return self.bundle_opening.show_conflicts_pass()

    def show_review(self) -> QDialog | None:
        if self.session is None:
            return None
        from .review import ReviewDialog

        dialog = ReviewDialog(self.session, self, language=current_language())
        dialog.entry_activated.connect(lambda entry_id: (dialog.accept(), self.go_to_entry(entry_id)))
        return self.open_dialog(dialog)

    def go_to_entry(self, entry_id: str) -> None:
        if self.page is not None:
            self.page.select_entry(entry_id)

    # ------------------------------------------------------------ moving and saving

    def next_entry(self) -> None:
        self._step(+1)

    def previous_entry(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        """Move in the list; a judge scoring with the keyboard stays on the scoring panel's first criterion."""
        if self.page is None:
            return
        focus = QApplication.focusWidget()
        scoring = focus is not None and self.page.scoring.isAncestorOf(focus)
        if self.page.step(delta) and scoring:
            self.page.scoring.focus_first_criterion()

    def _focus_search(self) -> None:
        if self.page is not None:
            self.page.search.setFocus()
            self.page.search.selectAll()

    def _saved(self, _entry_id: str = "") -> None:
        self._saved_text()

    def _saved_text(self, initial: bool = False) -> None:
        if initial:
            self.saved_label.setText(self.tr("✔ Every change is saved as you make it"))
        else:
            self.saved_label.setText(self.tr("✔ All changes saved (%1)").replace(
                "%1", datetime.now().strftime("%H:%M:%S")))

    def _change_failed(self, entry_id: str, message: str) -> None:
        self.last_message = message_box(
            self, QMessageBox.Icon.Warning, self.tr("Not saved"),
            self.tr("This change to entry %1 was not made:").replace("%1", entry_id), message)

    def _replayed(self, entry_id: str) -> None:
        if self.page is not None and self.page.current_entry_id() != entry_id:
            self.page.select_entry(entry_id)

    # ------------------------------------------------------------ export and score sheets (ui.export_flow)

    def export_scores(self) -> None:
        """Completeness → passphrase → where to save → write off the GUI thread → result."""
        self.export_flow.export_scores()

    def last_export(self) -> Path | None:
        return self.export_flow.last_export()

    def print_score_sheets(self, score_file: str | Path | None = None) -> None:
        """Ask for an exported score file (the last one by default), render its sheets, save and open them."""
        self.export_flow.print_score_sheets(score_file)

    # ------------------------------------------------------------ help

    def show_shortcuts(self) -> None:
        rows = [
            (self.tr("Next / previous entry"), "Ctrl+PgDown / Ctrl+PgUp, Alt+↓ / Alt+↑"),
            (self.tr("Undo / redo"), "Ctrl+Z / Ctrl+Shift+Z"),
            (self.tr("Find an entry"), "Ctrl+F"),
            (self.tr("Review my scores"), "Ctrl+R"),
            (self.tr("Export score file"), "Ctrl+E"),
        ]
        text = "\n".join(f"{keys}\t{what}" for what, keys in rows)
        self.last_message = message_box(self, QMessageBox.Icon.Information, self.tr("Keyboard shortcuts"),
                                        text)

    def show_about(self) -> None:
        self.last_message = message_box(
            self, QMessageBox.Icon.Information, self.tr("About"),
            self.tr("Offline judging for the Digital Local Government award."),
            self.tr("Your scores stay on this computer until you export a signed score file."))

    # ------------------------------------------------------------ drag and drop

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._opening is None and bundle_paths_of(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self._opening is None and bundle_paths_of(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = bundle_paths_of(event.mimeData())
        if not paths or self._opening is not None:
            event.ignore()
            return
        event.acceptProposedAction()
        path = paths[0]
        QTimer.singleShot(0, lambda: self.open_bundle(path))

    # ------------------------------------------------------------ closing

    def close_bundle(self) -> None:
        if self.session is None:
            return
        self._save_layout()
        if self.active_dialog is not None:
            self.active_dialog.close()
            self.active_dialog = None
        self.export_flow.cancel()
        if self.page is not None:
            self.page.scoring.commit_pending()
            self.page.shutdown()
            self.stack.removeWidget(self.page)
            self.page.deleteLater()
            self.page = None
        wait_for_all()
        self.undo_stack.clear()
        self.session.close()
        self.session = None
        if self.cache is not None:
            self.cache.remove()
            self.cache = None
        self.saved_label.clear()
        self.statusBar().clearMessage()
        self.stack.setCurrentWidget(self.start_page)
        self.start_page.set_recent(self.recent_bundles())
        self._update_title()
        self.update_actions()

    def _save_layout(self) -> None:
        settings = app_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        if self.page is not None:
            settings.setValue("window/splitter", self.page.splitter.saveState())
            current = self.page.current_entry_id()
            if current and self.session is not None:
                settings.setValue(f"last_entry/{self.session.bundle.sha256}", current)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.bundle_opening.cancel()
        self._save_layout()
        self.close_bundle()
        wait_for_all()
        super().closeEvent(event)


__all__ = ["JudgeWindow", "JudgingPage", "bundle_paths_of", "is_bundle_path"]
