"""Table plumbing every page of the secretariat window shares: the model of plain rows, its proxies, its views.

A page's table is a :class:`RowsModel` subclass that says what each column
shows, behind a :class:`SortProxy` (numeric sort keys; equal keys keep the
model's order) or a :class:`TextFilterProxy` (a search box: every word must
appear, Thai as typed). The views come from :func:`make_table` (columns the
officer resizes, the last one stretched), :func:`table_view` (columns fitted
to their contents, chosen ones stretched) or :func:`compact_table` (tight rows
of figures); all start from :func:`read_only_table`, the settings every
secretariat table has.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ..entries_model import less_than_then_row, search_key

SORT_ROLE = Qt.ItemDataRole.UserRole


class RowsModel(QAbstractTableModel):
    """A read-only table of plain row objects; subclasses say what each column shows.

    ``NUMERIC`` columns are right-aligned. Subclasses implement
    :meth:`headers`, :meth:`display` and, where useful, :meth:`sort_key`,
    :meth:`tooltip`, :meth:`background`, :meth:`foreground` and
    :meth:`search_text` (what a :class:`TextFilterProxy` finds a row by).
    """

    NUMERIC: frozenset[int] = frozenset()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[Any] = []
        self._headers: list[str] | None = None  # cached: Qt asks for the column count on every cell
        self._sort_keys: dict[tuple[int, int], Any] = {}  # cached: a sort asks for each key many times
        self._search: list[str] | None = None  # one search text per row, made once: filtering stays instant

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._rows_changed()
        self._headers = None
        self._sort_keys = {}
        self._search = None
        self.endResetModel()

    def header_texts(self) -> list[str]:
        if self._headers is None:
            self._headers = self.headers()
        return self._headers

    def _rows_changed(self) -> None:
        """Hook for subclasses that derive columns or lookups from the rows."""

    def row_object(self, row: int) -> Any:
        return self._rows[row]

    def matches(self, row: int, terms: list[str]) -> bool:
        """Whether every search term (already passed through ``search_key``) is in the row's search text."""
        if self._search is None:
            self._search = [search_key(self.search_text(item)) for item in self._rows]
        return all(term in self._search[row] for term in terms)

    def retranslate(self) -> None:
        """Repaint headers and cells in the language just installed."""
        self._headers = None
        self._sort_keys = {}  # some keys are the words shown
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    # -------------------------------------------------- what subclasses provide

    def headers(self) -> list[str]:
        raise NotImplementedError

    def display(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, row: Any, column: int) -> Any:
        return self.display(row, column)

    def tooltip(self, row: Any, column: int) -> str | None:
        return None

    def background(self, row: Any, column: int) -> QColor | None:
        return None

    def foreground(self, row: Any, column: int) -> QColor | None:
        return None

    def header_tooltip(self, column: int) -> str | None:
        return None

    def search_text(self, row: Any) -> str:
        """The words a search finds this row by (none unless a subclass says)."""
        return ""

    def extra_data(self, row: Any, column: int, role: int) -> Any:
        return None

    # -------------------------------------------------- Qt model

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.header_texts())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_texts()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tooltip(section)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.parent().isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < self.columnCount()):
            return None
        item = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(item, column)
        if role == SORT_ROLE:
            key = self._sort_keys.get((row, column), self._sort_keys)
            if key is self._sort_keys:
                key = self._sort_keys[row, column] = self.sort_key(item, column)
            return key
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column in self.NUMERIC else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = self.background(item, column)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self.foreground(item, column)
            return QBrush(colour) if colour is not None else None
        return self.extra_data(item, column, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class SortProxy(QSortFilterProxyModel):
    """Sorts by the models' numeric keys; equal keys keep the model's (rank) order."""

    def __init__(self, source: QAbstractItemModel, parent: QObject | None = None):
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        return less_than_then_row(self, left, right)

    def change_filter(self, change: Callable[[], None]) -> None:
        """Apply ``change`` to what the filter keeps, and filter the rows again."""
        self.beginFilterChange()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)


class TextFilterProxy(SortProxy):
    """Keeps the rows holding every word of the search (Thai as typed: a plain substring, no patterns).

    The rows' texts are the model's :meth:`RowsModel.search_text`; subclasses
    may filter on more in :meth:`filterAcceptsRow` and then call this one.
    """

    def __init__(self, source: RowsModel, parent: QObject | None = None):
        super().__init__(source, parent)
        self._terms: list[str] = []

    def set_text_filter(self, text: str) -> None:
        terms = search_key(text).split()
        if terms != self._terms:
            self.change_filter(lambda: setattr(self, "_terms", terms))

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RowsModel)
        return not self._terms or model.matches(source_row, self._terms)


# ---------------------------------------------------------------- views


def read_only_table(model: QAbstractItemModel, *, view: QTableView | None = None, name: str = "",
                    alternating: bool = True) -> QTableView:
    """A sortable table of whole rows that cannot be edited (the settings every secretariat table shares).

    Sorting is on but no column is chosen here: the caller sorts as its table needs.
    """
    view = view if view is not None else QTableView()
    if name:
        view.setAccessibleName(name)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(alternating)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    return view


def make_table(model: QAbstractItemModel, accessible_name: str) -> QTableView:
    """A table in the model's order until a header is clicked; the officer sizes the columns, the last stretches."""
    table = read_only_table(model, name=accessible_name)
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table


def fit_columns(table: QTableView, cap: int = 420, pad: int = 12) -> None:
    """Columns as wide as what they show plus ``pad`` (each at most ``cap`` pixels; the last one takes the rest)."""
    table.resizeColumnsToContents()
    for column in range(table.model().columnCount() - 1):
        table.setColumnWidth(column, min(table.columnWidth(column) + pad, cap))


def table_view(model: RowsModel, name: str, *, stretch: tuple[int, ...], multi: bool = False) -> QTableView:
    """A sortable, read-only table of whole rows behind a :class:`SortProxy` that can also filter.

    Columns fit their contents except the ``stretch`` ones, which share the width left (long
    texts are elided there, so the table never needs a horizontal scroll bar to show its numbers).
    """
    proxy = SortProxy(model, model)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    view = read_only_table(proxy, name=name)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    stretch_columns(view, stretch)
    return view


def compact_table(model: RowsModel, parent: QWidget, *, stretch_last: bool = False,
               view: QTableView | None = None, proxy: SortProxy | None = None) -> tuple[QTableView, SortProxy]:
    """A sortable read-only table over ``model`` in its own order, rows as tight as the font allows.

    For long tables of figures (the results): columns sized by the officer, no
    alternating rows; ``view`` and ``proxy`` may be given when the page needs its own.
    """
    proxy = proxy or SortProxy(model, parent)
    view = read_only_table(proxy, view=view or QTableView(parent), alternating=False)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.verticalHeader().setResizeContentsPrecision(200)  # column widths from 200 rows, not all 7,000
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    return view, proxy


def stretch_columns(view: QTableView, stretch: tuple[int, ...]) -> None:
    """Columns sized to their contents, but the ``stretch`` ones share the width left."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def columns_width(view: QTableView) -> int:
    """The width that shows every column of ``view`` whole, its vertical scroll bar and frame included."""
    header = view.horizontalHeader()
    columns = sum(max(view.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(header.count())
                  if not header.isSectionHidden(c))
    return columns + view.verticalScrollBar().sizeHint().width() + 2 * view.frameWidth()


def selected_rows(view: QTableView) -> list[int]:
    """Source-model rows of the view's selection, in the order shown."""
    proxy = view.model()
    rows = sorted(index.row() for index in view.selectionModel().selectedRows())
    return [proxy.mapToSource(proxy.index(row, 0)).row() for row in rows]
