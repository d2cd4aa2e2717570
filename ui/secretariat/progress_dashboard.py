"""The round's progress dashboard on the Collect page: a summary, the judges' table and the entries' table.

It shows a :class:`judge_app.progress.RoundProgress` (counted by the core):
per judge scored / conflict / missing / paper-entered and the last file
received, per entry how many of its judges have scored it, the entries short
of judges filtered and searched. The summary counts the entries short of
judges by cause: still waiting for a judge's scores, or short only because of
conflicts of interest (no more scores will come for those unless judges are
added). The judges' table is as tall as its rows, so a panel of seven shows
whole in a 1280 × 800 window; the entries' table has the rest.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from judge_app.progress import RoundProgress

from ..dialogs import big_font
from .page_tools import FittingSplitter, fill, search_box
from .progress_models import EntryProgressModel, EntryProgressProxy, JudgeProgressModel
from .tables import SortProxy, fit_columns, make_table


class ProgressDashboard(QWidget):
    """The summary lines, the judges' table over the entries' table (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.progress: RoundProgress | None = None
        dash = QVBoxLayout(self)
        dash.setContentsMargins(0, 8, 0, 0)
        self.summary = QLabel()
        self.summary.setFont(big_font(self, 1.1))
        self.summary.setWordWrap(True)
        dash.addWidget(self.summary)
        self.summary_detail = QLabel()
        self.summary_detail.setWordWrap(True)
        dash.addWidget(self.summary_detail)
        self.split = FittingSplitter(self.fit_split)
        self.split.setChildrenCollapsible(False)
        self.judges_model = JudgeProgressModel(self)
        self.judges_proxy = SortProxy(self.judges_model, self)
        self.judges_table = make_table(self.judges_proxy, "judges progress")
        self.split.addWidget(self.judges_table)
        self.split.addWidget(self._build_entries())
        self.split.setSizes([300, 300])
        dash.addWidget(self.split, 1)
        for table in (self.judges_table, self.entries_table):  # rows of figures: as tight as Thai allows
            table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        widths = self.fontMetrics()
        for column, sample in ((EntryProgressModel.COL_ENTRY, "E00000000"),
                               (EntryProgressModel.COL_ORG, "องค์การบริหารส่วนตำบลหนองบัวแดง"),
                               (EntryProgressModel.COL_STILL, "J01 J02 J03")):
            self.entries_table.setColumnWidth(column, widths.horizontalAdvance(sample) + 36)
        self.retranslate()

    def _build_entries(self) -> QWidget:
        """The entries' table under its heading, the "short of judges" filter and the search box."""
        entries_box = QWidget()
        entries_layout = QVBoxLayout(entries_box)
        entries_layout.setContentsMargins(0, 6, 0, 0)
        filters = QHBoxLayout()
        self.entries_heading = QLabel()
        self.entries_heading.setFont(big_font(self, 1.0))
        filters.addWidget(self.entries_heading)
        filters.addStretch(1)
        self.short_only = QCheckBox()
        self.short_only.setChecked(True)
        filters.addWidget(self.short_only)
        self.entry_search = search_box("search entries")
        self.entry_search.setAcceptDrops(False)
        filters.addWidget(self.entry_search, 1)
        entries_layout.addLayout(filters)
        self.entries_model = EntryProgressModel(self)
        self.entries_proxy = EntryProgressProxy(self.entries_model, self)
        self.entries_proxy.set_short_only(True)
        self.short_only.toggled.connect(self.entries_proxy.set_short_only)
        self.short_only.toggled.connect(lambda _: self._show_entry_count())
        self.entry_search.textChanged.connect(self.entries_proxy.set_text_filter)
        self.entry_search.textChanged.connect(lambda _: self._show_entry_count())
        self.entries_table = make_table(self.entries_proxy, "entries progress")
        entries_layout.addWidget(self.entries_table, 1)
        return entries_box

    # ------------------------------------------------------------ showing

    def show_progress(self, progress: RoundProgress) -> None:
        self.progress = progress
        self.judges_model.set_rows(progress.judges)
        self.entries_model.set_rows(progress.entries)
        self.fit_columns()
        self.fit_split()
        self._show_summary()

    def fit_columns(self) -> None:
        fit_columns(self.judges_table, cap=320, pad=2)  # eleven columns in 1280 pixels, in Thai too

    def fit_split(self) -> None:
        """The judges' table as tall as its rows, up to 60% of the room; the entries' table has the rest."""
        self.split.fit_first_to(self.judges_table)

    def _show_summary(self) -> None:
        progress = self.progress
        if progress is None:
            return
        self.summary.setText(fill(
            self.tr("%1 of %2 judges have sent a file · %3 of %4 entry scores in"),
            progress.judges_sent, len(progress.judges), progress.scored + progress.conflict, progress.assigned))
        detail = fill(
            self.tr("%1 scored, %2 conflict of interest, %3 missing, %4 typed in from paper · "
                    "%5 of %6 judges complete"),
            progress.scored, progress.conflict, progress.missing, progress.paper, progress.judges_complete,
            len(progress.judges))
        # Entries short of judges by cause: still waiting for scores, or short only because of conflicts.
        detail += " · " + fill(self.tr("Entries still waiting for a judge's scores: %1 of %2"),
                              progress.entries_waiting, len(progress.entries))
        if progress.entries_short_by_conflict:
            detail += " · " + fill(self.tr("short of judges because of conflicts of interest: %1"),
                                   progress.entries_short_by_conflict)
        if progress.unattributed_files:
            detail += "\n" + fill(self.tr(
                "Rejected files that name no judge of this contest: %1 (see All files received)."),
                progress.unattributed_files)
        self.summary_detail.setText(detail)
        self._show_entry_count()

    def _show_entry_count(self) -> None:
        if self.progress is None:
            return
        self.entries_heading.setText(fill(self.tr("Entries: %1 shown of %2"), self.entries_proxy.rowCount(),
                                          len(self.progress.entries)))

    # ------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.short_only.setText(self.tr("Only entries s&hort of judges"))
        self.entry_search.setPlaceholderText(self.tr("Search entry, organisation or judge…"))
        for model in (self.judges_model, self.entries_model):
            model.retranslate()
        self.fit_columns()  # the words changed width
        self._show_summary()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
