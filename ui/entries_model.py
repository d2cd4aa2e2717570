"""The judge's list of entries as a Qt table model, and the filter over it.

Rows are the bundle's entries in bundle order. Every entry's status is read
in one pass when the model is made (a bundle may hold thousands); the rest of
what the judge recorded (scores, total, conflict reason) is read the first
time a row is shown and cached; :meth:`EntriesTableModel.refresh_entry`
re-reads one row after a change. The model holds no rules: status and total
come from :mod:`judge_app.workspace`, the total's spelling from
:func:`judge_app.scoring.total_str`.

:class:`EntriesFilterProxy` is the list as shown: filtered, searched and
sorted (see its docstring for why it is not a QSortFilterProxyModel).
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QIcon, QPainter, QPen, QPixmap

from judge_app.judging import JudgeSession
from judge_app.model import ORG_TYPES, Entry
from judge_app.scoring import EntryStatus, total_str
from judge_app.workspace import EntryState

from .undo import ChangeNotifier

SORT_ROLE = Qt.ItemDataRole.UserRole

#: Order of statuses when the status column is sorted (work left to do first).
STATUS_ORDER = {
    EntryStatus.NOT_STARTED: 0,
    EntryStatus.IN_PROGRESS: 1,
    EntryStatus.SCORED: 2,
    EntryStatus.CONFLICT: 3,
}

#: One colour per status; the icons also differ in shape, for colour-blind judges.
STATUS_COLOURS = {
    EntryStatus.NOT_STARTED: "#9aa1ab",
    EntryStatus.IN_PROGRESS: "#d08a00",
    EntryStatus.SCORED: "#1f8a45",
    EntryStatus.CONFLICT: "#8a4fbf",
}

MUTED = QColor("#7b818a")


def search_key(text: str) -> str:
    """Text as compared by the search box: compatibility-normalised and case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


_ICONS: dict[EntryStatus, QIcon] = {}


def status_icon(status: EntryStatus) -> QIcon | None:
    """A small round icon: ring, half, full with a tick, or crossed out (None without a GUI)."""
    icon = _ICONS.get(status)
    if icon is not None:
        return icon
    if QGuiApplication.instance() is None:
        return None
    size, ratio = 16, 2
    pixmap = QPixmap(size * ratio, size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    colour = QColor(STATUS_COLOURS[status])
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, 1.6))
    box = QRectF(2.5, 2.5, 11.0, 11.0)
    if status == EntryStatus.NOT_STARTED:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(box)
    elif status == EntryStatus.IN_PROGRESS:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(box)
        painter.setBrush(QBrush(colour))
        painter.drawPie(box, 90 * 16, 180 * 16)
    elif status == EntryStatus.SCORED:
        painter.setBrush(QBrush(colour))
        painter.drawEllipse(box)
        painter.setPen(QPen(QColor("white"), 1.8))
        painter.drawPolyline([QPointF(5.2, 8.2), QPointF(7.2, 10.2), QPointF(10.8, 5.8)])
    else:
        painter.setBrush(QBrush(colour))
        painter.drawEllipse(box)
        painter.setPen(QPen(QColor("white"), 1.8))
        painter.drawLine(QPointF(5.0, 8.0), QPointF(11.0, 8.0))
    painter.end()
    icon = QIcon(pixmap)
    _ICONS[status] = icon
    return icon


def less_than_then_row(proxy: QSortFilterProxyModel, left: QModelIndex, right: QModelIndex) -> bool:
    """Compare sort keys; equal keys keep bundle order whichever way the column is sorted."""
    role = proxy.sortRole()
    a, b = left.data(role), right.data(role)
    if a != b:
        return a < b
    if proxy.sortOrder() == Qt.SortOrder.DescendingOrder:
        return left.row() > right.row()
    return left.row() < right.row()


#: Status words of both models (entries list and review), marked for translation once.
STATUS_WORDS = {
    EntryStatus.NOT_STARTED: QT_TRANSLATE_NOOP("EntriesTableModel", "not started"),
    EntryStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("EntriesTableModel", "in progress"),
    EntryStatus.SCORED: QT_TRANSLATE_NOOP("EntriesTableModel", "complete"),
    EntryStatus.CONFLICT: QT_TRANSLATE_NOOP("EntriesTableModel", "conflict"),
}


def status_text(status: EntryStatus) -> str:
    """A status as the judge reads it, in the current language."""
    return QCoreApplication.translate("EntriesTableModel", STATUS_WORDS[status])


class EntriesTableModel(QAbstractTableModel):
    """The entries of the judge's bundle with their status and total."""

    COL_STATUS, COL_ID, COL_ORG, COL_TYPE, COL_PROVINCE, COL_TITLE, COL_TOTAL = range(7)
    COLUMN_COUNT = 7

    def __init__(self, session: JudgeSession, parent: QObject | None = None, *,
                 language: str = "th", notifier: ChangeNotifier | None = None):
        super().__init__(parent)
        self.session = session
        self.language = language
        self._entries: tuple[Entry, ...] = tuple(session.bundle.entries)
        self._rows = {entry.id: row for row, entry in enumerate(self._entries)}
        self._states: dict[int, EntryState] = {}
        statuses = session.workspace.statuses()
        self._statuses: list[EntryStatus] = [statuses[entry.id] for entry in self._entries]
        self._search = [
            search_key(" ".join((e.id, e.org_name, e.province, e.project_title))) for e in self._entries
        ]
        if notifier is not None:
            notifier.changed.connect(self.refresh_entry)

    # ------------------------------------------------------------ rows

    def entry_at(self, row: int) -> Entry:
        return self._entries[row]

    def row_of(self, entry_id: str) -> int:
        return self._rows[entry_id]

    def entry_ids(self) -> list[str]:
        return [e.id for e in self._entries]

    def state_at(self, row: int) -> EntryState:
        """The workspace's record of a row, read once and cached until refreshed."""
        state = self._states.get(row)
        if state is None:
            entry_id = self._entries[row].id
            if self._statuses[row] is EntryStatus.NOT_STARTED:
                state = EntryState(entry_id, EntryStatus.NOT_STARTED, {}, {}, "", None, None)  # nothing to read
            else:
                state = self.session.workspace.state(entry_id)
            self._states[row] = state
        return state

    def status_at(self, row: int) -> EntryStatus:
        return self._statuses[row]

    def load_all_states(self) -> None:
        """Read every row's record at once (before sorting by total: one query, not thousands)."""
        if len(self._states) < len(self._entries):
            self._states = dict(enumerate(self.session.workspace.states()))

    def refresh_entry(self, entry_id: str) -> None:
        """Re-read one entry from the workspace and repaint its row."""
        row = self._rows.get(entry_id)
        if row is None:
            return
        state = self.session.workspace.state(entry_id)
        self._states[row] = state
        self._statuses[row] = state.status
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMN_COUNT - 1))

    def refresh_all(self) -> None:
        self._states.clear()
        statuses = self.session.workspace.statuses()
        self._statuses = [statuses[entry.id] for entry in self._entries]
        if self._entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._entries) - 1, self.COLUMN_COUNT - 1))

    def matches(self, row: int, terms: list[str]) -> bool:
        """Whether every search term (already passed through search_key) is in the row's text."""
        haystack = self._search[row]
        return all(term in haystack for term in terms)

    def rows_matching(self, rows: list[int], status: EntryStatus | None, terms: list[str]) -> list[int]:
        """The rows among ``rows`` with that status (any, for None) whose text holds every term; one pass."""
        if status is not None:  # compared with ==: a combo box hands the status back as its plain string
            statuses = self._statuses
            rows = [row for row in rows if statuses[row] == status]
        if terms:
            search = self._search
            rows = [row for row in rows if all(term in search[row] for term in terms)]
        return rows

    def sort_keys(self, column: int) -> list:
        """Every row's sort key in ``column`` (as the SORT_ROLE gives it)."""
        if column == self.COL_TOTAL:
            self.load_all_states()
        return [self._sort_key(entry, row, column) for row, entry in enumerate(self._entries)]

    def progress(self) -> tuple[int, int]:
        """(entries scored or under a declared conflict, all entries)."""
        statuses = self._statuses
        return statuses.count(EntryStatus.SCORED) + statuses.count(EntryStatus.CONFLICT), len(self._entries)

    def status_text(self, status: EntryStatus) -> str:
        return status_text(status)

    # ------------------------------------------------------------ Qt model

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Status"), self.tr("No."), self.tr("Organisation"), self.tr("Type"),
                self.tr("Province"), self.tr("Project"), self.tr("Total"),
            )[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == self.COL_TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.parent().isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._entries) and 0 <= column < self.COLUMN_COUNT):
            return None
        entry = self._entries[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, row, column)
        if role == SORT_ROLE:
            return self._sort_key(entry, row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_STATUS:
            return status_icon(self._statuses[row])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == self.COL_TOTAL:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self._statuses[row] is EntryStatus.CONFLICT:
            return QBrush(MUTED)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_STATUS:
                state = self.state_at(row)
                if state.status == EntryStatus.CONFLICT and state.conflict_reason:
                    return self.status_text(state.status) + ": " + state.conflict_reason
                return self.status_text(state.status)
            if column in (self.COL_ORG, self.COL_TITLE):
                return self._display(entry, row, column)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def _org_type(self, entry: Entry) -> str:
        th, en = ORG_TYPES.get(entry.org_type, (entry.org_type, entry.org_type))
        return en if self.language == "en" else th

    def _display(self, entry: Entry, row: int, column: int) -> str:
        if column == self.COL_STATUS:
            return self.status_text(self._statuses[row])
        if column == self.COL_ID:
            return entry.id
        if column == self.COL_ORG:
            return entry.org_name
        if column == self.COL_TYPE:
            return self._org_type(entry)
        if column == self.COL_PROVINCE:
            return entry.province
        if column == self.COL_TITLE:
            return entry.project_title
        state = self.state_at(row)
        return total_str(state.total) if state.total is not None else ""

    def _sort_key(self, entry: Entry, row: int, column: int):
        if column == self.COL_STATUS:
            return STATUS_ORDER[self._statuses[row]]
        if column == self.COL_TOTAL:
            total = self.state_at(row).total
            # Numeric, so 100.00 sorts above 9.50; unscored entries sort below every total.
            return float(total) if total is not None else -1.0
        return self._display(entry, row, column)


class EntriesFilterProxy(QAbstractTableModel):
    """The entries as listed: filtered by status and by a search text, and sorted by real values.

    The search is a plain substring match (every word must appear) over the id,
    organisation, province and project title; Thai works as typed, with no regex.

    Not a QSortFilterProxyModel, for two reasons. It asks Python about every row
    on each keystroke and tells the view about every run of rows that came or
    went (a 7,000-entry list took up to 200 ms a key). And, filtering
    dynamically, it dropped a row the moment the entry's status stopped matching
    the status filter: scoring the first criterion of an entry listed under "Not
    started" moved the selection to the next entry, so the next score typed went
    to an entry the judge had not chosen. Here the list is worked out in one pass
    when the judge changes the filter, the search or the sort column, and then
    stays as it is while entries change (their rows repaint in place).
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._source: EntriesTableModel | None = None
        self._status: EntryStatus | None = None
        self._terms: list[str] = []
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._shown: list[int] = []  # the source row of each row shown
        self._place: list[int] = []  # the row shown for each source row, -1 when filtered out

    # ------------------------------------------------------------ source

    def setSourceModel(self, model: EntriesTableModel) -> None:
        self.beginResetModel()
        if self._source is not None:
            self._source.dataChanged.disconnect(self._source_changed)
            self._source.modelAboutToBeReset.disconnect(self.beginResetModel)
            self._source.modelReset.disconnect(self._source_reset)
        self._source = model
        model.dataChanged.connect(self._source_changed)
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        self._place_rows()
        self.endResetModel()

    def sourceModel(self) -> EntriesTableModel | None:
        return self._source

    def source(self) -> EntriesTableModel:
        assert self._source is not None
        return self._source

    def _source_reset(self) -> None:
        self._place_rows()
        self.endResetModel()

    def _source_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles=()) -> None:
        """Repaint the rows shown of the entries that changed; the list itself stays as it is."""
        rows = [self._place[r] for r in range(top_left.row(), bottom_right.row() + 1) if self._place[r] >= 0]
        if rows:
            self.dataChanged.emit(self.index(min(rows), top_left.column()),
                                  self.index(max(rows), bottom_right.column()), roles)

    def _place_rows(self) -> None:
        model = self._source
        if model is None:
            self._shown, self._place = [], []
            return
        shown = model.rows_matching(list(range(model.rowCount())), self._status, self._terms)
        if self._sort_column >= 0:
            keys = model.sort_keys(self._sort_column)
            # Python's sort is stable, also reversed: equal keys keep bundle order both ways.
            shown.sort(key=keys.__getitem__, reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        self._shown = shown
        self._place = [-1] * model.rowCount()
        for row, source_row in enumerate(shown):
            self._place[source_row] = row

    def _relist(self) -> None:
        """Filter and sort again; the views keep their current row and selection where it is still listed."""
        self.layoutAboutToBeChanged.emit()
        before = self._shown
        kept = self.persistentIndexList()
        self._place_rows()
        moved = []
        for index in kept:
            row = self._place[before[index.row()]] if 0 <= index.row() < len(before) else -1
            moved.append(self.index(row, index.column()) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(kept, moved)
        self.layoutChanged.emit()

    # ------------------------------------------------------------ filters and sorting

    @property
    def status_filter(self) -> EntryStatus | None:
        return self._status

    @property
    def text_filter(self) -> str:
        return " ".join(self._terms)

    def set_status_filter(self, status: EntryStatus | None) -> None:
        if status == self._status:
            return
        self._status = status
        self._relist()

    def set_text_filter(self, text: str) -> None:
        terms = search_key(text).split()
        if terms == self._terms:
            return
        self._terms = terms
        self._relist()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (-1: bundle order); the view calls this when a column title is clicked."""
        self._sort_column, self._sort_order = column, order
        self._relist()

    def sortColumn(self) -> int:
        return self._sort_column

    def sortOrder(self) -> Qt.SortOrder:
        return self._sort_order

    # ------------------------------------------------------------ rows

    def mapToSource(self, index: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        if not index.isValid() or self._source is None:
            return QModelIndex()
        return self._source.index(self._shown[index.row()], index.column())

    def mapFromSource(self, index: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        if not index.isValid() or not 0 <= index.row() < len(self._place):
            return QModelIndex()
        row = self._place[index.row()]
        return self.index(row, index.column()) if row >= 0 else QModelIndex()

    def progress(self) -> tuple[int, int]:
        """(scored or conflict, all entries) over the whole bundle, whatever the filter."""
        return self.source().progress()

    def entry_id_at(self, proxy_row: int) -> str:
        return self.source().entry_at(self._shown[proxy_row]).id

    # ------------------------------------------------------------ Qt model

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self._source is None else self._source.columnCount()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or self._source is None:
            return None
        return self._source.headerData(section, orientation, role)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._source is None:
            return None
        return self._source.data(self._source.index(self._shown[index.row()], index.column()), role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid() or self._source is None:
            return Qt.ItemFlag.NoItemFlags
        return self._source.flags(self.mapToSource(index))
