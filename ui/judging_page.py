"""The judging page: the entries list, the entry and the scoring panel, side by side.

:class:`JudgingPage` is what the judge window shows once a bundle is open: the
round's title and deadline, the entries (filtered by status or searched, with
the status column shown as icons and progress underneath) on the left, then
the chosen entry (:mod:`ui.entry_view`) and its scoring panel
(:mod:`ui.scoring_panel`) in one splitter. The window
(:mod:`ui.judge_window`) owns the session, the undo stack and the menus and
hands them in; the page only shows and selects entries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from judge_app.judging import JudgeSession
from judge_app.scoring import EntryStatus

from .dialogs import deadline_text
from .entries_model import EntriesFilterProxy, EntriesTableModel
from .entry_view import AttachmentCache, EntryView
from .i18n import current_language

if TYPE_CHECKING:
    from .judge_window import JudgeWindow


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
        self.proxy.layoutChanged.connect(self._keep_current)
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
            return  # filtered out of the list: the entry stays on screen
        entry_id = self.proxy.entry_id_at(current.row())
        if entry_id == self.scoring.entry_id:
            return  # the same entry listed again (after a search or sort): nothing to reload
        self.entry_view.set_entry(entry_id)
        self.scoring.set_entry(entry_id)

    def _keep_current(self, *_: object) -> None:
        """After a search, filter or sort: the entry on screen is the list's current row again if listed."""
        shown = self.scoring.entry_id
        if self.table.currentIndex().isValid() or shown is None:
            return
        index = self.proxy.mapFromSource(self.model.index(self.model.row_of(shown), EntriesTableModel.COL_ID))
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def shutdown(self) -> None:
        self.entry_view.shutdown()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["EntriesListProxy", "JudgingPage", "StatusIconDelegate"]
