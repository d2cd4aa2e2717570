"""The frame the entries page's two imports share: read, preview in full, then change on acceptance.

:class:`PreviewedImportDialog` shows the work under way with a progress bar,
then the preview (a summary, a tab per table, a box to leave the problems
out), then the result; it cannot be closed while it changes the contest. The
two dialogs built on it are :class:`~ui.secretariat.import_dialog.ImportDialog`
and :class:`~ui.secretariat.import_dialog.AttachmentsDialog`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from judge_app.secretariat import ContestDatabase

from ..dialogs import big_font
from ..worker import Op, Report
from .entries_page import ContestEntriesModel
from .page_tools import db_op
from .session import SecretariatSession
from .tables import RowsModel, SortProxy, fit_columns, make_table

ERROR_STYLE = "color: #a3231f;"
# Up to this many rows, long messages wrap onto more lines (measuring more would make the dialog slow).
WRAPPED_ROWS = 500


def table_of(model: RowsModel, name: str) -> QTableView:
    table = make_table(SortProxy(model, model), name)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setWordWrap(True)
    table.verticalHeader().setMinimumSectionSize(table.fontMetrics().height() + 12)  # room for Thai marks
    return table


def fit_table(table: QTableView) -> None:
    """Columns to their text; rows as tall as their wrapped text while the list is short enough to measure."""
    fit_columns(table)
    short = table.model().rowCount() <= WRAPPED_ROWS
    mode = QHeaderView.ResizeMode.ResizeToContents if short else QHeaderView.ResizeMode.Fixed
    table.verticalHeader().setSectionResizeMode(mode)


def entries_table(name: str, parent: QWidget) -> tuple[QTableView, ContestEntriesModel]:
    """Entries (without the attachments count) as the entries page shows them; the title takes the room left."""
    model = ContestEntriesModel(parent)
    table = table_of(model, name)
    table.setColumnHidden(ContestEntriesModel.COL_ATTACHMENTS, True)
    table.horizontalHeader().setStretchLastSection(False)
    table.horizontalHeader().setSectionResizeMode(ContestEntriesModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
    return table, model


class PreviewedImportDialog(QDialog):
    """Working (with progress) → preview → result; Cancel until something was done, Close after."""

    def __init__(self, session: SecretariatSession, parent: QWidget | None):
        super().__init__(parent)
        self.session = session
        self.changing = False
        self.resize(980, 640)
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)

        self.working_page = QWidget()
        working = QVBoxLayout(self.working_page)
        working.addStretch(1)
        self.working_label = QLabel()
        self.working_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.working_label.setWordWrap(True)
        working.addWidget(self.working_label)
        self.working_bar = QProgressBar()
        working.addWidget(self.working_bar)
        working.addStretch(2)
        self.stack.addWidget(self.working_page)

        self.result_page = QWidget()
        result = QVBoxLayout(self.result_page)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setFont(big_font(self, 1.15, bold=False))
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        result.addWidget(self.result_label, 1)
        self.stack.addWidget(self.result_page)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox()
        self.back_button = self.buttons.addButton(self.tr("< &Back"), QDialogButtonBox.ButtonRole.ActionRole)
        self.accept_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)

    def show_working(self, text: str, *, steps: int = 0) -> None:
        self.working_label.setText(text)
        self.working_bar.setRange(0, steps)  # 0 steps: a busy bar
        self.stack.setCurrentWidget(self.working_page)
        for button in (self.back_button, self.accept_button, self.close_button):
            button.setEnabled(button is self.close_button)
        self.back_button.hide()
        self.accept_button.hide()

    def show_result(self, text: str, *, error: bool = False) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(ERROR_STYLE if error else "")
        self.stack.setCurrentWidget(self.result_page)
        self.back_button.hide()
        self.accept_button.hide()
        self.close_button.setEnabled(True)
        self.close_button.setText(self.tr("&Close"))
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def run(self, work: Callable[[Report], Any], done: Callable, failed: Callable,
            progress: Callable | None = None) -> Op:
        """Read the file or folder with ``work(report)`` on a worker (the dialog can be closed meanwhile)."""
        return Op(self, work, done=done, failed=failed, progress=progress).start()

    def change(self, work: Callable[[ContestDatabase, Report], Any], done: Callable, failed: Callable,
               progress: Callable | None = None) -> Op:
        """Change the contest with ``work(db, report)`` on a worker's own connection; meanwhile the dialog
        cannot be closed (Esc included)."""
        self.changing = True
        self.close_button.setEnabled(False)

        def then(callback: Callable) -> Callable:
            def call(outcome: object) -> None:
                self.changing = False
                self.close_button.setEnabled(True)
                callback(outcome)
            return call

        return db_op(self, self.session, work, done=then(done), failed=then(failed), progress=progress).start()

    def reject(self) -> None:
        if not self.changing:  # a half-watched change would leave the officer unsure what happened
            super().reject()

    def build_preview_page(self, tables: Sequence[QTableView], skip_toggled: Callable[[], None]) -> None:
        """The preview: a summary line, a tab per table, and the box that leaves the problems out."""
        self.preview_page = QWidget()
        layout = QVBoxLayout(self.preview_page)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for table in tables:
            self.tabs.addTab(table, "")
        layout.addWidget(self.tabs, 1)
        self.skip_check = QCheckBox()
        self.skip_check.toggled.connect(lambda _: skip_toggled())
        layout.addWidget(self.skip_check)
        self.stack.addWidget(self.preview_page)

    def show_tables(self, titles: Sequence[str], current: int) -> None:
        """Each preview table under its title (with its count), ``current`` in front, its columns fitted."""
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
        self.tabs.setCurrentIndex(current)
        for index in range(self.tabs.count()):
            fit_table(self.tabs.widget(index))

    def offer(self, text: str, count: int, problems: bool) -> None:
        """The accept button says what it will do; it works when there is something to do and no problem
        is left in (or the officer ticked to leave the problems out)."""
        self.accept_button.setText(text)
        self.accept_button.setEnabled(count > 0 and (not problems or self.skip_check.isChecked()))
        self.accept_button.setDefault(True)
