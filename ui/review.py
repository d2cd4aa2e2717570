"""Review my scores: every entry × criterion in one read-only table.

The judge checks consistency before exporting: sort by total, look for an
entry scored far from its peers, and read the mean and spread of their own
totals at the bottom. Conflict rows are greyed; nothing here can be edited.
"""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from judge_app.decimals import decimal_str, fraction_str
from judge_app.judging import JudgeSession
from judge_app.scoring import EntryStatus, summarise_totals, total_str
from judge_app.workspace import EntryState

from .entries_model import MUTED, SORT_ROLE, STATUS_ORDER, less_than_then_row, status_icon, status_text

CONFLICT_BACKGROUND = QColor("#f1f1f3")


class ReviewTableModel(QAbstractTableModel):
    """Rows: my entries; columns: id, organisation, one per criterion, total, status."""

    COL_ID = 0
    COL_ORG = 1
    FIRST_CRITERION = 2

    def __init__(self, session: JudgeSession, parent: QObject | None = None, *, language: str = "th"):
        super().__init__(parent)
        self.session = session
        self.language = language
        self.criteria = session.bundle.round.rubric.criteria
        self.entries = session.bundle.entries
        self.col_total = self.FIRST_CRITERION + len(self.criteria)
        self.col_status = self.col_total + 1
        self.states: list[EntryState] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.states = [self.session.workspace.state(entry.id) for entry in self.entries]
        self.endResetModel()

    def totals(self) -> list[Fraction]:
        """The exact totals of the entries I have fully scored."""
        return [s.total for s in self.states if s.total is not None]

    def status_text(self, status: EntryStatus) -> str:
        return status_text(status)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.col_status + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        criterion = None
        if self.FIRST_CRITERION <= section < self.col_total:
            criterion = self.criteria[section - self.FIRST_CRITERION]
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.COL_ID:
                return self.tr("No.")
            if section == self.COL_ORG:
                return self.tr("Organisation")
            if section == self.col_total:
                return self.tr("Total")
            if section == self.col_status:
                return self.tr("Status")
            assert criterion is not None
            return f"{criterion.id} ({decimal_str(criterion.weight)})"
        if role == Qt.ItemDataRole.ToolTipRole and criterion is not None:
            title = criterion.title_en if self.language == "en" else criterion.title_th
            weight = self.tr("weight %1").replace("%1", decimal_str(criterion.weight))
            return f"{criterion.id} {title} — {weight}"
        if role == Qt.ItemDataRole.TextAlignmentRole and section >= self.FIRST_CRITERION:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.parent().isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self.entries) and 0 <= column < self.columnCount()):
            return None
        entry, state = self.entries[row], self.states[row]
        conflict = state.status == EntryStatus.CONFLICT
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            sort = role == SORT_ROLE
            if column == self.COL_ID:
                return entry.id
            if column == self.COL_ORG:
                return entry.org_name
            if column == self.col_total:
                if sort:
                    return float(state.total) if state.total is not None else -1.0
                return total_str(state.total) if state.total is not None else ""
            if column == self.col_status:
                return STATUS_ORDER[state.status] if sort else self.status_text(state.status)
            score = state.scores.get(self.criteria[column - self.FIRST_CRITERION].id)
            if sort:
                return float(score) if score is not None else -1.0
            return decimal_str(score) if score is not None else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == self.col_total:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if self.FIRST_CRITERION <= column < self.col_total:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and column == self.col_status:
            return status_icon(state.status)
        if role == Qt.ItemDataRole.ForegroundRole and conflict:
            return QBrush(MUTED)
        if role == Qt.ItemDataRole.BackgroundRole and conflict:
            return QBrush(CONFLICT_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_ORG:
                return f"{entry.org_name} — {entry.project_title}"
            if column == self.col_status and conflict and state.conflict_reason:
                return self.status_text(state.status) + ": " + state.conflict_reason
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class ReviewSortProxy(QSortFilterProxyModel):
    """Sorts by real values (scores and totals as numbers); ties keep entry order."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        return less_than_then_row(self, left, right)


class ReviewDialog(QDialog):
    """A read-only table of all my scores, sortable, with my mean total and spread.

    ``entry_activated(entry_id)``: the judge double-clicked (or pressed Enter on) a
    row; the window may close the dialog and show that entry.
    """

    entry_activated = Signal(str)

    def __init__(self, session: JudgeSession, parent: QWidget | None = None, *, language: str = "th"):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Review my scores"))
        self.model = ReviewTableModel(session, self, language=language)
        self.proxy = ReviewSortProxy(self)
        self.proxy.setSourceModel(self.model)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        intro = QLabel(self.tr("Click a column title to sort. Greyed rows: conflict of interest (not scored)."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(self.model.col_total, Qt.SortOrder.DescendingOrder)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.COL_ORG, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.table.activated.connect(self._activated)
        layout.addWidget(self.table, 1)

        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)
        layout.addWidget(self.summary_label)
        self._show_summary()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1100, 680)

    def _activated(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        if source.isValid():
            self.entry_activated.emit(self.model.entries[source.row()].id)

    def summary_text(self) -> str:
        return self.summary_label.text()

    def _show_summary(self) -> None:
        model = self.model
        scored = len(model.totals())
        conflicts = sum(s.status == EntryStatus.CONFLICT for s in model.states)
        counts = self.tr("Complete %1 of %2 · conflict %3").replace("%1", str(scored)).replace(
            "%2", str(len(model.states))).replace("%3", str(conflicts))
        summary = summarise_totals(model.totals())
        if summary is None:
            self.summary_label.setText(counts + " · " + self.tr("no complete entry yet"))
            return
        parts = [counts, self.tr("my mean total %1").replace("%1", fraction_str(summary.mean, 2))]
        if summary.sd is not None:
            parts.append(self.tr("spread (SD) %1").replace("%1", fraction_str(summary.sd, 2)))
        parts.append(self.tr("lowest %1 · highest %2").replace("%1", total_str(summary.lowest))
                     .replace("%2", total_str(summary.highest)))
        self.summary_label.setText(" · ".join(parts))
