"""The judge's window: the start page, then the entries, the entry and the scoring panel.

The window holds no rules. Opening a bundle is the core's
:meth:`~judge_app.judging.JudgeSession.open` (run on a worker thread, because
it hashes every attachment); scoring goes through the undo commands of
:mod:`ui.undo`, which call the workspace; exporting is
:func:`~judge_app.scorefile.export_score_file` and printing
:func:`~judge_app.pdf.score_sheet.render_score_sheet`, both off the GUI
thread. Every change is on disk before the window shows it, so there is no
"save" and the title never carries a ``*``; the status bar says so instead.

Dialogs are opened with ``open()`` (window-modal, not blocking) and chained:
bundle checked → key (first time) → conflicts of interest (fresh workspace).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QModelIndex,
    QStandardPaths,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from judge_app.atomic import write_bytes_atomic
from judge_app.bundle import OpenedBundle
from judge_app.errors import BundleError, JudgeAppError, PinnedKeyMismatch
from judge_app.judging import JudgeSession
from judge_app.paths import BUNDLE_SUFFIX, SCORE_FILE_SUFFIX, data_dir
from judge_app.scorefile import ExportResult, default_file_name, export_score_file, read_score_file
from judge_app.scoring import EntryStatus
from judge_app.workspace import Workspace

from .dialogs import (
    BundleSummaryDialog,
    ConfirmIncompleteDialog,
    ConflictsDialog,
    ExportResultDialog,
    KeyCreateDialog,
    UnlockDialog,
    deadline_text,
    message_box,
)
from .entries_model import EntriesFilterProxy, EntriesTableModel
from .entry_view import AttachmentCache, EntryView
from .i18n import LANGUAGES, app_settings, current_language, install_language, save_language, set_settings_list, settings_list
from .start_page import StartPage
from .undo import ChangeNotifier, DeclareConflictCommand, WithdrawConflictCommand
from .worker import Op, wait_for_all

RECENT_KEY = "recent_bundles"
RECENT_LIMIT = 8


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


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def _verify_bundle(path: Path, folder: Path, report) -> OpenedBundle:
    """Worker side of opening: the core's full check; the workspace is reopened on the GUI thread."""
    def progress(done: int, total: int) -> None:
        report(done / total if total else 1.0)

    session = JudgeSession.open(path, data_dir=folder, progress=progress)
    session.close()  # its SQLite connection belongs to this thread
    return session.bundle


class StatusIconDelegate(QStyledItemDelegate):
    """Shows the status column as its icon only (the words are in the tooltip), to leave room for names."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        option.text = ""

    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        size.setWidth(30)
        return size


class EntriesListProxy(EntriesFilterProxy):
    """The entries filter with the status column's title moved to its tooltip (the column shows icons)."""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and section == EntriesTableModel.COL_STATUS:
            if role == Qt.ItemDataRole.DisplayRole:
                return ""
            if role == Qt.ItemDataRole.ToolTipRole:
                return super().headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
        return super().headerData(section, orientation, role)


class JudgingPage(QWidget):
    """Entries on the left; the entry and the scoring panel on the right, in one splitter."""

    def __init__(self, window: "JudgeWindow", session: JudgeSession, cache: AttachmentCache):
        super().__init__(window)
        from .scoring_panel import ScoringPanel

        language = current_language()
        self.session = session
        self.model = EntriesTableModel(session, self, language=language, notifier=window.notifier)
        self.proxy = EntriesListProxy(self)
        self.proxy.setSourceModel(self.model)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter)

        # --- left: the list
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 4, 0)
        bundle = session.bundle
        english = language == "en"
        self.heading = QLabel(
            f"<b>{_escape(bundle.round.title_en if english else bundle.round.title_th)}</b><br>"
            + _escape(self.tr("Deadline: %1").replace("%1", deadline_text(bundle.round.deadline))))
        self.heading.setWordWrap(True)
        left_layout.addWidget(self.heading)
        filters = QHBoxLayout()
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("status filter")
        for text, status in (
            (self.tr("All entries"), None),
            (self.tr("Not started"), EntryStatus.NOT_STARTED),
            (self.tr("In progress"), EntryStatus.IN_PROGRESS),
            (self.tr("Complete"), EntryStatus.SCORED),
            (self.tr("Conflict of interest"), EntryStatus.CONFLICT),
        ):
            self.status_filter.addItem(text, status)
        self.status_filter.currentIndexChanged.connect(
            lambda _: self.proxy.set_status_filter(self.status_filter.currentData()))
        filters.addWidget(self.status_filter, 2)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search…"))
        self.search.setToolTip(self.tr("Search by number, organisation, province or project (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAcceptDrops(False)
        self.search.setAccessibleName("search")
        self.search.textChanged.connect(self.proxy.set_text_filter)
        filters.addWidget(self.search, 3)
        left_layout.addLayout(filters)

        self.table = QTableView()
        self.table.setAccessibleName("entries")
        self.table.setModel(self.proxy)
        # Bundle order (by entry number) until the judge clicks a column title: no sort to pay for at start.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setItemDelegateForColumn(EntriesTableModel.COL_STATUS, StatusIconDelegate(self.table))
        header.setSectionResizeMode(EntriesTableModel.COL_STATUS, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(EntriesTableModel.COL_STATUS, 30)
        # Widths from the font, not ResizeToContents: that would read every row of a long list at start.
        metrics = self.fontMetrics()
        def fit(column: int, samples: list[str]) -> None:
            title = self.model.headerData(column, Qt.Orientation.Horizontal) or ""
            widths = [metrics.horizontalAdvance(text) for text in samples] + [metrics.horizontalAdvance(title) + 8]
            self.table.setColumnWidth(column, max(widths) + 16)

        fit(EntriesTableModel.COL_ID, list(session.bundle.entry_ids))
        fit(EntriesTableModel.COL_TOTAL, ["100.00"])
        header.setSectionResizeMode(EntriesTableModel.COL_ORG, QHeaderView.ResizeMode.Stretch)
        for column in (EntriesTableModel.COL_TYPE, EntriesTableModel.COL_PROVINCE, EntriesTableModel.COL_TITLE):
            self.table.setColumnHidden(column, True)
            self.table.setColumnWidth(column, 160)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        left_layout.addWidget(self.table, 1)

        self.progress = QProgressBar()
        self.progress.setAccessibleName("progress")
        self.progress.setFormat("%v")
        left_layout.addWidget(self.progress)
        self.splitter.addWidget(left)

        # --- middle: the entry; right: the scoring panel
        self.entry_view = EntryView(session.bundle, self, cache=cache)
        self.splitter.addWidget(self.entry_view)
        self.scoring = ScoringPanel(session, window.undo_stack, window.notifier, self, language=language)
        self.splitter.addWidget(self.scoring)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        self.default_sizes()

        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda _index: self.scoring.focus_first_criterion())
        window.notifier.changed.connect(self.update_progress)
        self.update_progress()

    def default_sizes(self) -> None:
        """List a quarter of the width; the scoring panel as wide as its score buttons need; the entry the rest."""
        total = max(self.splitter.width(), 1200)
        scoring = max(420, min(self.scoring.sizeHint().width(), 620))
        listing = max(330, total * 27 // 100)
        self.splitter.setSizes([listing, max(360, total - listing - scoring), scoring])

    # ------------------------------------------------------------ list

    def _header_menu(self, position) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for column in range(1, self.model.columnCount()):
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda shown, c=column: self.table.setColumnHidden(c, not shown))
        menu.popup(header.mapToGlobal(position))

    def update_progress(self, *_: object) -> None:
        done, total = self.proxy.progress()
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("Scored %1 of %2").replace("%1", str(done)).replace("%2", str(total)))

    def current_entry_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.entry_id_at(index.row())

    def select_entry(self, entry_id: str) -> bool:
        """Make ``entry_id`` the current row (clearing the filters if they hide it)."""
        source = self.model.index(self.model.row_of(entry_id), 0)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            self.status_filter.setCurrentIndex(0)
            self.search.clear()
            index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def step(self, delta: int) -> bool:
        """Go to the next (+1) or previous (-1) entry in the list as shown."""
        rows = self.proxy.rowCount()
        if rows == 0:
            return False
        current = self.table.currentIndex()
        row = current.row() + delta if current.isValid() else (0 if delta > 0 else rows - 1)
        if not 0 <= row < rows:
            return False
        index = self.proxy.index(row, EntriesTableModel.COL_ID)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        entry_id = self.proxy.entry_id_at(current.row())
        self.entry_view.set_entry(entry_id)
        self.scoring.set_entry(entry_id)

    def shutdown(self) -> None:
        self.entry_view.shutdown()


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
        self._opening: Op | None = None
        self._busy_ops: set[Op] = set()
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
        self._update_actions()

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
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():  # each language named in its own words, never translated
            action = self.language_menu.addAction(name)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(action)
            self.language_actions[code] = action

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

    def _update_actions(self) -> None:
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

    # ------------------------------------------------------------ recent files

    def recent_bundles(self) -> list[str]:
        return settings_list(RECENT_KEY)

    def _remember(self, path: Path) -> None:
        text = str(Path(path).resolve())
        recent = [text] + [p for p in self.recent_bundles() if p != text]
        set_settings_list(RECENT_KEY, recent[:RECENT_LIMIT])
        self.start_page.set_recent(self.recent_bundles())
        self._fill_recent_menu()

    # ------------------------------------------------------------ opening

    def choose_bundle(self) -> None:
        settings = app_settings()
        folder = settings.value("last_bundle_folder", str(documents_folder()))
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open an entry bundle"), folder,
            self.tr("Entry bundles (*%1)").replace("%1", BUNDLE_SUFFIX))
        if path:
            settings.setValue("last_bundle_folder", str(Path(path).parent))
            self.open_bundle(path)

    def open_demo(self) -> None:
        """Prepare (once) and open the demo contest's bundle for judge J01."""
        if self._opening is not None:
            return
        from judge_app.demo_round import prepare_demo_bundle

        folder = data_dir() / "demo"
        self.start_page.show_busy(self.tr("Preparing the demo contest…"))
        self.stack.setCurrentWidget(self.start_page)
        self._opening = Op(self, lambda report: prepare_demo_bundle(folder),
                           done=self._demo_ready, failed=self._demo_failed).start()
        self._update_actions()

    def _demo_ready(self, path: Path) -> None:
        self._opening = None
        self.open_bundle(path)

    def _demo_failed(self, error: BaseException) -> None:
        self._opening = None
        self.start_page.hide_busy()
        self._update_actions()
        self.last_message = message_box(self, QMessageBox.Icon.Critical, self.tr("Demo contest"),
                                        self.tr("The demo contest could not be prepared."), str(error))

    def open_bundle(self, path: str | Path) -> None:
        """Verify a bundle on a worker thread; open it only if every check passes.

        A bundle already open stays open (and usable) until the new one has passed
        every check, so a bad file dropped on the window costs the judge nothing.
        """
        path = Path(path)
        if self._opening is not None:
            return
        if self.session is not None and self.session.bundle.path.resolve() == path.resolve():
            return
        checking = self.tr("Checking %1 …").replace("%1", path.name)
        if self.session is None:
            self.stack.setCurrentWidget(self.start_page)
            self.start_page.show_busy(checking, 0.0)
        else:
            self.statusBar().showMessage(checking)
        folder = data_dir()

        def progress(fraction: float) -> None:
            if self.session is None:
                self.start_page.show_busy(checking, fraction)
            else:
                self.statusBar().showMessage(f"{checking} {int(fraction * 100)}%")

        self._opening = Op(
            self, lambda report: _verify_bundle(path, folder, report),
            done=lambda bundle: self._bundle_verified(bundle, folder),
            failed=lambda error: self._bundle_refused(path, error),
            progress=progress,
        ).start()
        self._update_actions()

    def _bundle_refused(self, path: Path, error: BaseException) -> None:
        self._opening = None
        self.start_page.hide_busy()
        self.statusBar().clearMessage()
        self._update_actions()
        if isinstance(error, PinnedKeyMismatch):
            headline = self.tr("This bundle is signed by a different secretariat key than the one trusted "
                               "for this contest. Do not use it: call the secretariat and compare the fingerprint.")
        elif isinstance(error, BundleError):
            headline = self.tr("This bundle did not pass the checks, so it was not opened. It may be damaged "
                               "or altered; ask the secretariat for a new copy.")
        elif isinstance(error, JudgeAppError):
            headline = self.tr("This bundle could not be opened.")
        else:
            headline = self.tr("This bundle could not be opened because of an unexpected problem.")
        reason = getattr(error, "message", None) or str(error)
        self.last_message = message_box(
            self, QMessageBox.Icon.Critical, self.tr("Bundle refused"),
            self.tr("%1 was not opened.").replace("%1", path.name),
            headline + "\n\n" + self.tr("Reason: %1").replace("%1", reason),
            details=str(path))
        self.open_failed.emit(reason)

    def _bundle_verified(self, bundle: OpenedBundle, folder: Path) -> None:
        self._opening = None
        self.statusBar().clearMessage()
        if self.session is not None:
            self.close_bundle()
        try:
            workspace = Workspace.open_for(folder, bundle)
        except JudgeAppError as error:
            self._bundle_refused(bundle.path, error)
            return
        self.session = JudgeSession(bundle, workspace, folder)
        self.cache = AttachmentCache(bundle)
        self.undo_stack.clear()
        self.start_page.hide_busy()
        self._remember(bundle.path)
        self._show_judging_page()
        self._update_title()
        self._update_actions()
        self._saved_text(initial=True)
        self.session_opened.emit()
        self._follow_up(bundle)

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

    # ------------------------------------------------------------ follow-up dialogs after opening

    def _follow_up(self, bundle: OpenedBundle) -> None:
        steps = [self.show_bundle_summary]
        if self.session.public_key() is None:
            steps.append(self.show_create_key)
        if self._workspace_is_fresh():
            steps.append(self.show_conflicts_pass)
        self._run_steps(steps)

    def _run_steps(self, steps) -> None:
        if not steps or self.session is None:
            self.active_dialog = None
            if self.page is not None:
                self.page.table.setFocus()
            self.opening_finished.emit()
            return
        dialog = steps[0]()
        if dialog is None:
            self._run_steps(steps[1:])
            return
        dialog.finished.connect(lambda _result: QTimer.singleShot(0, lambda: self._run_steps(steps[1:])))

    def _workspace_is_fresh(self) -> bool:
        assert self.page is not None
        model = self.page.model
        return all(model.state_at(row).status is EntryStatus.NOT_STARTED for row in range(model.rowCount()))

    def _open_dialog(self, dialog: QDialog) -> QDialog:
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
        if self.session is None:
            return None
        return self._open_dialog(BundleSummaryDialog(self.session.bundle, self))

    def show_create_key(self) -> QDialog | None:
        if self.session is None or self.session.public_key() is not None:
            return None
        return self._open_dialog(KeyCreateDialog(self.session, self))

    def show_key(self) -> QDialog | None:
        if self.session is None:
            return None
        key = self.session.public_key()
        if key is None:
            return self.show_create_key()
        self.last_message = message_box(
            self, QMessageBox.Icon.Information, self.tr("My signing key"),
            self.tr("Your signing key's fingerprint is:") + "\n\n" + key.fingerprint,
            self.tr("It is printed on your score sheets; the secretariat checks it before accepting your scores."))
        return self.last_message

    def show_conflicts_pass(self) -> QDialog | None:
        if self.session is None:
            return None
        workspace = self.session.workspace
        conflicts = {e.id: reason for e in self.session.bundle.entries
                     if (reason := workspace.conflict_reason(e.id)) is not None}
        dialog = ConflictsDialog(self.session.bundle.entries, conflicts, self)
        dialog.accepted.connect(lambda: self._apply_conflicts(dialog.newly_declared(), dialog.withdrawn()))
        return self._open_dialog(dialog)

    def _apply_conflicts(self, declared: dict[str, str], withdrawn: list[str]) -> None:
        if self.session is None or not (declared or withdrawn):
            return
        self.undo_stack.beginMacro(self.tr("Conflicts of interest"))
        try:
            for entry_id, reason in declared.items():
                self.undo_stack.push(DeclareConflictCommand(self.session, entry_id, reason, self.notifier))
            for entry_id in withdrawn:
                self.undo_stack.push(WithdrawConflictCommand(self.session, entry_id, self.notifier))
        finally:
            self.undo_stack.endMacro()
        if self.page is not None:
            current = self.page.current_entry_id()
            if current:
                self.page.scoring.set_entry(current)

    def show_review(self) -> QDialog | None:
        if self.session is None:
            return None
        from .review import ReviewDialog

        dialog = ReviewDialog(self.session, self, language=current_language())
        dialog.entry_activated.connect(lambda entry_id: (dialog.accept(), self.go_to_entry(entry_id)))
        return self._open_dialog(dialog)

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

    # ------------------------------------------------------------ export

    def export_scores(self) -> None:
        """Completeness → passphrase → where to save → write off the GUI thread → result."""
        if self.session is None:
            return
        missing = [(s.entry_id, self.session.bundle.entry(s.entry_id).project_title)
                   for s in self.session.workspace.states()
                   if s.status not in (EntryStatus.SCORED, EntryStatus.CONFLICT)]
        if missing:
            dialog = ConfirmIncompleteDialog(missing, self)
            self.active_dialog = dialog
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

            def chosen(_result: int) -> None:
                self.active_dialog = None
                if dialog.clickedButton() is dialog.export_button:
                    QTimer.singleShot(0, lambda: self._export_unlock(len(missing)))

            dialog.finished.connect(chosen)
            dialog.open()
            return
        self._export_unlock(0)

    def _export_unlock(self, incomplete: int) -> None:
        if self.session is None:
            return
        if self.session.public_key() is None:
            dialog = self.show_create_key()
            dialog.finished.connect(lambda result: result and QTimer.singleShot(0, lambda: self._export_unlock(incomplete)))
            return
        dialog = UnlockDialog(self.session, self.tr(
            "Type your passphrase to sign the score file. The signature shows that the scores are yours "
            "and were not changed after you exported them."), self)
        dialog.accepted.connect(lambda: self._export_choose_file(dialog.key, incomplete))
        self._open_dialog(dialog)

    def _export_choose_file(self, key, incomplete: int) -> None:
        session = self.session
        if session is None or key is None:
            return
        settings = app_settings()
        folder = Path(settings.value("last_export_folder", str(documents_folder())))
        suggested = folder / default_file_name(session.workspace, session.workspace.next_sequence())
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the score file"), str(suggested),
            self.tr("Score files (*%1)").replace("%1", SCORE_FILE_SUFFIX))
        if not path:
            return
        destination = Path(path)
        if destination.suffix.lower() != SCORE_FILE_SUFFIX:
            destination = destination.with_name(destination.name + SCORE_FILE_SUFFIX)
        settings.setValue("last_export_folder", str(destination.parent))
        data_folder, bundle = session.data_dir, session.bundle

        def run(report) -> ExportResult:
            # The worker's own connection: a SQLite connection belongs to the thread that opened it.
            with Workspace.open_for(data_folder, bundle) as workspace:
                return export_score_file(workspace, key, destination, allow_incomplete=incomplete > 0)

        self.statusBar().showMessage(self.tr("Signing and saving the score file…"))
        self.export_action.setEnabled(False)
        op = Op(self, run, done=lambda result: self._exported(result, key, incomplete),
                failed=self._export_error)
        self._busy_ops.add(op)
        op.finished.connect(lambda: self._busy_ops.discard(op))
        op.start()

    def _exported(self, result: ExportResult, key, incomplete: int) -> None:
        self.export_action.setEnabled(self.session is not None)
        self.statusBar().showMessage(self.tr("Score file saved: %1").replace("%1", str(result.path)), 10000)
        if self.session is not None:
            app_settings().setValue(f"last_export/{self.session.bundle.sha256}", str(result.path))
        dialog = ExportResultDialog(result.path, result.sequence, result.sha256, key.public_key.fingerprint,
                                    incomplete, self)
        dialog.print_requested.connect(lambda path: QTimer.singleShot(0, lambda: self.print_score_sheets(path)))
        dialog.open_folder_requested.connect(lambda folder: QDesktopServices.openUrl(QUrl.fromLocalFile(folder)))
        self._open_dialog(dialog)
        self.export_finished.emit(result)

    def _export_error(self, error: BaseException) -> None:
        self.export_action.setEnabled(self.session is not None)
        self.statusBar().clearMessage()
        text = getattr(error, "message", None) or str(error)
        self.last_message = message_box(self, QMessageBox.Icon.Critical, self.tr("Export failed"),
                                        self.tr("The score file was not saved. Your scores are safe in the app."),
                                        text)
        self.export_failed.emit(text)

    # ------------------------------------------------------------ score sheets

    def last_export(self) -> Path | None:
        if self.session is None:
            return None
        value = app_settings().value(f"last_export/{self.session.bundle.sha256}")
        return Path(value) if value and Path(value).exists() else None

    def print_score_sheets(self, score_file: str | Path | None = None) -> None:
        """Ask for an exported score file (the last one by default), render its sheets, save and open them."""
        session = self.session
        if session is None:
            return
        if score_file is None:
            default = self.last_export()
            start = str(default) if default else app_settings().value("last_export_folder", str(documents_folder()))
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Which score file to print?"), start,
                self.tr("Score files (*%1)").replace("%1", SCORE_FILE_SUFFIX))
            if not chosen:
                return
            score_file = chosen
        score_file = Path(score_file)
        pdf, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the score sheets"), str(score_file.with_suffix(".pdf")),
            self.tr("PDF documents (*.pdf)"))
        if not pdf:
            return
        pdf_path = Path(pdf) if pdf.lower().endswith(".pdf") else Path(pdf + ".pdf")
        bundle = session.bundle
        wrong_bundle = self.tr("This score file belongs to another bundle or judge; choose one exported from this bundle.")

        def run(report) -> Path:
            from judge_app.pdf.score_sheet import render_score_sheet

            parsed = read_score_file(score_file)
            if parsed.bundle_sha256 != bundle.sha256 or parsed.judge_id != bundle.judge.id:
                raise JudgeAppError(wrong_bundle, path=score_file)
            write_bytes_atomic(pdf_path, render_score_sheet(bundle.contest, bundle.round, bundle.judge, parsed))
            return pdf_path

        self.statusBar().showMessage(self.tr("Preparing the score sheets…"))
        op = Op(self, run, done=self._sheets_done, failed=self._sheets_failed)
        self._busy_ops.add(op)
        op.finished.connect(lambda: self._busy_ops.discard(op))
        op.start()

    def _sheets_done(self, path: Path) -> None:
        self.statusBar().showMessage(self.tr("Score sheets saved: %1").replace("%1", str(path)), 10000)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.sheets_saved.emit(str(path))

    def _sheets_failed(self, error: BaseException) -> None:
        self.statusBar().clearMessage()
        self.last_message = message_box(self, QMessageBox.Icon.Critical, self.tr("Score sheets"),
                                        self.tr("The score sheets could not be made."),
                                        getattr(error, "message", None) or str(error))

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
        for op in list(self._busy_ops):
            op.cancel()
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
        self._update_actions()

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
        if self._opening is not None:
            self._opening.cancel()
            self._opening = None
        self._save_layout()
        self.close_bundle()
        wait_for_all()
        super().closeEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["JudgeWindow", "JudgingPage", "bundle_paths_of", "is_bundle_path"]
